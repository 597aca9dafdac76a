"""The voice prompt port: speak a short prompt without ever blocking the caller.

Domain types only. A new prompt replaces the one being spoken (the newest instruction is the
one that matters to someone at the screen); cancel() silences it. The enabled switch is the
villager's or technician's choice (the UI's voice setting); a disabled voice accepts prompts
and drops them. Prompts are instructions, never personal data: do not put names or ID numbers
in them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from kiosk.errors import DeviceError
from kiosk.ports.device import Device


class VoiceError(DeviceError):
    message_key = "voice.error"


@dataclass(frozen=True)
class SpokenPrompt:
    """What became of one prompt: heard through a sound device, or only synthesized."""

    language: str
    voice: str  # the engine's voice name, e.g. "cmn-latn-pinyin"
    duration_s: float
    played: bool  # False: no audio output, the prompt was synthesized only
    wav: bytes = b""  # the synthesized audio (kept for the last prompt only)


class VoicePrompter(Device, Protocol):
    def speak(self, text: str, language: str = "zh_CN") -> None:
        """Start speaking `text` (interrupting the current prompt) and return at once. Any
        thread. A language without a voice, or no audio output, shows in status()."""
        ...

    @property
    def enabled(self) -> bool: ...

    def set_enabled(self, enabled: bool) -> None:
        """Off: prompts are dropped and the current one is cancelled."""
        ...

    def last_prompt(self) -> SpokenPrompt | None:
        """The last prompt finished (spoken, or synthesized without audio output)."""
        ...

    def wait_idle(self, timeout_s: float) -> bool:
        """Block (a worker or test thread, never the GUI thread) until nothing is being
        spoken; False when still speaking after `timeout_s`."""
        ...
