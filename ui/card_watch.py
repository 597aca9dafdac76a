"""The visit's side of the card reader, whatever screen is showing.

- The identified person's card leaves the reader: the session's grace period starts (the
  overlay counts down; putting the card back continues the visit).
- Their card comes back: the visit goes on.
- A different person's card is read mid-visit: the first person's visit ends at once (every
  screen forgets them) before anything of the second person is shown.

It connects to the bridge before any screen does (screens connect only while they show), so
it acts first on every card event. GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from kiosk.ports.card_reader import CardEvent, CardEventKind
from kiosk.services.session import EndReason, Session
from ui.bridge import DeviceBridge


class CardWatch(QObject):
    def __init__(
        self, session: Session, bridge: DeviceBridge, end_visit: Callable[[EndReason], None]
    ) -> None:
        super().__init__()
        self._session, self._end_visit = session, end_visit
        bridge.card_event.connect(self._on_card)

    def _on_card(self, event: CardEvent) -> None:
        known = self._session.identity
        if known is None:
            return
        if event.kind is CardEventKind.CARD_REMOVED:
            self._session.card_removed()
        elif event.kind is CardEventKind.IDENTITY_READ and event.identity is not None:
            if event.identity.id_number == known.id_number:
                self._session.identify(event.identity)
            else:
                self._end_visit(EndReason.OTHER_PERSON)
