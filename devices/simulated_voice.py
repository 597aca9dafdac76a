"""SimulatedVoice: the voice port in process, recording prompts instead of speaking them.

Same rules as EspeakVoice (disabled drops prompts, a language without a voice is a degraded
status, a new prompt replaces the current one) with no thread: a prompt "finishes" at once.
"""

from __future__ import annotations

import threading

from devices.status_broadcast import StatusBroadcast
from kiosk.ports.device import DeviceState, DeviceStatus, StatusListener, Unsubscribe
from kiosk.ports.voice import SpokenPrompt

READY = DeviceStatus(DeviceState.READY, "voice.ready")
DISABLED = DeviceStatus(DeviceState.READY, "voice.disabled", "switched off")
SECONDS_PER_CHARACTER = 0.25  # roughly espeak-ng's Mandarin at 140 wpm


class SimulatedVoice:
    def __init__(self, languages: frozenset[str] = frozenset({"zh_CN", "ug_CN", "en_GB"})) -> None:
        self._languages = languages
        self._lock = threading.Lock()
        self._enabled = True
        self._status = StatusBroadcast("voice", READY)
        self._last: SpokenPrompt | None = None
        self.spoken: list[tuple[str, str]] = []  # (text, language), for tests

    def open(self) -> None:
        """Nothing to start."""

    def close(self) -> None:
        """Nothing to stop."""

    def status(self) -> DeviceStatus:
        return self._status.get()

    def capabilities(self) -> frozenset[str]:
        return frozenset({f"speak_{lang}" for lang in self._languages} | {"audio_output"})

    def reset(self) -> None:
        """Nothing to reset."""

    def cancel(self) -> None:
        """A simulated prompt is over as soon as it starts."""

    def subscribe(self, listener: StatusListener) -> Unsubscribe:
        return self._status.subscribe(listener)

    def speak(self, text: str, language: str = "zh_CN") -> None:
        if not self._enabled or not text.strip():
            return
        if language not in self._languages:
            self._status.set(
                DeviceStatus(DeviceState.DEGRADED, "voice.language_unsupported", language)
            )
            return
        with self._lock:
            self.spoken.append((text, language))
            duration = SECONDS_PER_CHARACTER * len(text)
            self._last = SpokenPrompt(language, f"simulated-{language}", duration, True)
        self._status.set(READY)

    @property
    def enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        self._enabled = enabled
        self._status.set(READY if enabled else DISABLED)

    def last_prompt(self) -> SpokenPrompt | None:
        with self._lock:
            return self._last

    def wait_idle(self, timeout_s: float) -> bool:  # noqa: ARG002 - never busy
        return True
