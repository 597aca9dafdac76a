"""One contract for every VoicePrompter: subclass VoiceContract and provide `voice` (opened)."""

from __future__ import annotations

import pytest

from kiosk.ports.device import DeviceState, DeviceStatus
from kiosk.ports.voice import VoicePrompter

WAIT_S = 30.0  # a liveness bound for a prompt to finish, not a performance figure
PROMPTS = {
    "zh_CN": "您好，请把身份证放在读卡区。",
    "ug_CN": "ياخشىمۇسىز، كىملىك كارتىڭىزنى قويۇڭ.",
    "en_GB": "Hello, please place your ID card on the reader.",
}


class VoiceContract:
    @pytest.fixture
    def voice(self) -> VoicePrompter:
        raise NotImplementedError

    @pytest.mark.parametrize("language", sorted(PROMPTS))
    def test_a_prompt_in_each_kiosk_language_finishes(
        self, voice: VoicePrompter, language: str
    ) -> None:
        voice.speak(PROMPTS[language], language)
        assert voice.wait_idle(WAIT_S)
        prompt = voice.last_prompt()
        assert prompt is not None and prompt.language == language
        assert prompt.duration_s > 0.5
        assert voice.status().usable

    def test_a_disabled_voice_drops_prompts_and_says_so(self, voice: VoicePrompter) -> None:
        voice.set_enabled(False)
        voice.speak(PROMPTS["zh_CN"])
        assert voice.wait_idle(WAIT_S)
        assert voice.last_prompt() is None and not voice.enabled
        assert voice.status().message_key == "voice.disabled"
        voice.set_enabled(True)
        assert voice.status().message_key != "voice.disabled"

    def test_a_language_without_a_voice_is_a_degraded_status(self, voice: VoicePrompter) -> None:
        seen: list[DeviceStatus] = []
        voice.subscribe(seen.append)
        voice.speak("Hello", "xx_XX")
        assert voice.wait_idle(WAIT_S)
        assert voice.last_prompt() is None
        status = voice.status()
        assert (status.state, status.message_key) == (
            DeviceState.DEGRADED,
            "voice.language_unsupported",
        )
        assert seen and seen[-1] == status

    def test_empty_text_and_cancel_with_nothing_to_cancel_are_harmless(
        self, voice: VoicePrompter
    ) -> None:
        voice.speak("   ")
        voice.cancel()
        assert voice.wait_idle(WAIT_S)
        assert voice.last_prompt() is None
