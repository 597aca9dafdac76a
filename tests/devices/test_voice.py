"""The voice contract against the simulator and espeak-ng, and what only espeak-ng shows: the
wav is real speech, prompts never block the caller, a new prompt replaces the current one."""

from __future__ import annotations

import array
import io
import sys
import threading
import time
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.espeak_voice import EspeakVoice, espeak_voice_from_config, find_player
from devices.simulated_voice import SimulatedVoice
from kiosk.errors import ConfigError
from kiosk.ports.device import DeviceState
from kiosk.ports.voice import VoicePrompter
from tests.devices.voice_contract import PROMPTS, WAIT_S, VoiceContract

PLAYER = """
import pathlib, shutil, sys, time
out = pathlib.Path(sys.argv[1])
n = len(list(out.glob("*.wav")))
shutil.copy(sys.argv[2], out / f"{n}.wav")
while (out / "hold").exists():
    time.sleep(0.02)
"""


def rms(wav: bytes) -> float:
    with wave.open(io.BytesIO(wav)) as reader:
        assert reader.getsampwidth() == 2
        samples = array.array("h", reader.readframes(reader.getnframes()))
    return float((sum(s * s for s in samples) / max(1, len(samples))) ** 0.5)


def wait_files(folder: Path, count: int) -> None:
    deadline = time.monotonic() + WAIT_S
    while len(list(folder.glob("*.wav"))) < count:
        assert time.monotonic() < deadline, f"player never got prompt {count}"
        time.sleep(0.02)


class TestSimulatedVoice(VoiceContract):
    @pytest.fixture
    def voice(self) -> VoicePrompter:
        return SimulatedVoice()


class TestEspeakVoice(VoiceContract):
    @pytest.fixture
    def voice(self) -> Iterator[VoicePrompter]:
        voice = EspeakVoice(player="none")
        voice.open()
        yield voice
        voice.close()


@pytest.fixture
def played(tmp_path: Path) -> Iterator[tuple[EspeakVoice, Path]]:
    """espeak-ng with a stand-in player that copies each wav and holds while `hold` exists."""
    script = tmp_path / "player.py"
    script.write_text(PLAYER, encoding="utf-8")
    out = tmp_path / "played"
    out.mkdir()
    voice = EspeakVoice(player=f"{sys.executable} {script} {out}")
    voice.open()
    yield voice, out
    (out / "hold").unlink(missing_ok=True)
    voice.close()


@pytest.mark.parametrize("language", sorted(PROMPTS))
def test_espeak_speech_is_non_silent_and_of_plausible_length(language: str) -> None:
    voice = EspeakVoice(player="none")
    voice.open()
    try:
        voice.speak(PROMPTS[language], language)
        assert voice.wait_idle(WAIT_S)
        prompt = voice.last_prompt()
    finally:
        voice.close()
    assert prompt is not None and not prompt.played
    # 13-14 syllables at 140 words per minute: a few seconds, neither a click nor a minute.
    assert 1.0 < prompt.duration_s < 10.0
    assert rms(prompt.wav) > 500  # int16 speech; digital silence is 0
    assert prompt.voice == {"zh_CN": "cmn-latn-pinyin", "ug_CN": "ug", "en_GB": "en-gb"}[language]
    print(f"\nespeak-ng {prompt.voice}: {prompt.duration_s:.2f} s, rms {rms(prompt.wav):.0f}")


def test_without_a_sound_device_prompts_are_synthesized_and_the_status_says_so() -> None:
    voice = EspeakVoice(player="none")
    voice.open()
    try:
        assert (voice.status().state, voice.status().message_key) == (
            DeviceState.DEGRADED,
            "voice.no_audio_output",
        )
        voice.speak(PROMPTS["zh_CN"])
        assert voice.wait_idle(WAIT_S)
        assert voice.status().message_key == "voice.no_audio_output"
    finally:
        voice.close()


def test_a_prompt_is_played_and_speak_returns_while_it_plays(
    played: tuple[EspeakVoice, Path],
) -> None:
    voice, out = played
    (out / "hold").touch()
    assert voice.status().message_key == "voice.ready"
    voice.speak(PROMPTS["zh_CN"])  # returns although the player holds on
    wait_files(out, 1)
    assert not voice.wait_idle(0.2)  # still playing: the player is holding
    (out / "hold").unlink()
    assert voice.wait_idle(WAIT_S)
    prompt = voice.last_prompt()
    assert prompt is not None and prompt.played
    assert (out / "0.wav").read_bytes() == prompt.wav


def test_a_new_prompt_replaces_the_one_being_spoken_and_cancel_silences(
    played: tuple[EspeakVoice, Path],
) -> None:
    voice, out = played
    (out / "hold").touch()
    voice.speak(PROMPTS["zh_CN"], "zh_CN")
    wait_files(out, 1)
    voice.speak(PROMPTS["ug_CN"], "ug_CN")  # the first player is killed, not waited for
    wait_files(out, 2)
    voice.cancel()
    assert voice.wait_idle(WAIT_S)
    assert voice.last_prompt() is None  # neither prompt played to its end
    assert voice.status().message_key == "voice.ready"
    (out / "hold").unlink()
    voice.speak(PROMPTS["ug_CN"], "ug_CN")
    assert voice.wait_idle(WAIT_S)
    prompt = voice.last_prompt()
    assert prompt is not None and prompt.language == "ug_CN" and prompt.played


def test_close_joins_the_voice_thread_even_mid_prompt(played: tuple[EspeakVoice, Path]) -> None:
    voice, out = played
    (out / "hold").touch()
    voice.speak(PROMPTS["zh_CN"])
    wait_files(out, 1)
    voice.close()
    assert not [t for t in threading.enumerate() if t.name == "voice"]


def test_a_missing_engine_is_an_offline_status_not_a_crash() -> None:
    voice = EspeakVoice(exe="/nonexistent/espeak-ng", player="none")
    voice.open()
    try:
        voice.speak(PROMPTS["zh_CN"])
        assert voice.wait_idle(WAIT_S)
        assert (voice.status().state, voice.status().message_key) == (
            DeviceState.OFFLINE,
            "voice.engine_missing",
        )
    finally:
        voice.close()


def test_player_auto_plays_only_when_there_is_a_sound_device(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("devices.espeak_voice.audio_output_present", lambda: False)
    assert find_player("auto") is None
    monkeypatch.setattr("devices.espeak_voice.audio_output_present", lambda: True)
    monkeypatch.setattr("devices.espeak_voice.shutil.which", lambda name: f"/usr/bin/{name}")
    assert find_player("auto") == ("aplay", "-q")
    assert find_player("none") is None
    assert find_player("aplay -D plughw:1,0") == ("aplay", "-D", "plughw:1,0")


def test_the_config_factory_checks_the_rate() -> None:
    with pytest.raises(ConfigError, match="rate"):
        espeak_voice_from_config({"rate": 20})
    voice = espeak_voice_from_config({"rate": 120, "player": "none"})
    assert {"speak_ug_CN", "speak_en_GB"} <= voice.capabilities()
