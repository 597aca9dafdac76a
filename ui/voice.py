"""Voice prompts for the key steps, in the person's language, switchable from the home screen.

The speaker itself (espeak-ng) is a device behind a port; this only decides what to say and
whether to say it. speak() never blocks: the device plays on its own thread or process.
"""

from __future__ import annotations

import logging
from typing import Protocol

from ui.i18n import Translator

log = logging.getLogger(__name__)


class Speaker(Protocol):
    """What the UI needs from the voice device (kiosk.ports.voice implements it)."""

    def speak(self, text: str, language: str) -> None: ...

    def cancel(self) -> None: ...


class Prompter:
    """GUI thread. A failing speaker is logged and never stops a journey."""

    def __init__(self, speaker: Speaker | None, tr: Translator, enabled: bool = True) -> None:
        self._speaker, self._tr = speaker, tr
        self.enabled = enabled and speaker is not None
        self.last_key = ""  # what was last asked for (tests and the technician view read it)

    @property
    def available(self) -> bool:
        return self._speaker is not None

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled and self._speaker is not None
        if not self.enabled:
            self.cancel()

    def say(self, key: str, **params: object) -> None:
        """Speak a message key now, replacing whatever was being said."""
        self.last_key = key
        if not self.enabled or self._speaker is None:
            return
        try:
            self._speaker.cancel()
            self._speaker.speak(self._tr.t(key, **params), self._tr.language)
        except Exception:  # a voice failure must never break the screen
            log.exception("voice prompt failed")

    def cancel(self) -> None:
        if self._speaker is not None:
            try:
                self._speaker.cancel()
            except Exception:
                log.exception("voice cancel failed")
