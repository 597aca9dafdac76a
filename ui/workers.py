"""Run blocking work off the GUI thread; deliver the result on it (Anki's QueryOp, in small).

The callable runs on a QThreadPool thread and must not touch widgets. `on_done` or `on_failed`
then runs on the GUI thread, through a queued signal. Once the window the work was for is gone
(`serve`), a late result is dropped: its callbacks would touch deleted widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn, self.relay = fn, relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # handed to the GUI thread, which decides what to show
            self.relay.failed.emit(exc)
            return
        self.relay.done.emit(result)


class Workers(QObject):
    def __init__(self, pool: QThreadPool | None = None) -> None:
        super().__init__()
        self.pool = pool or QThreadPool.globalInstance()
        self._relays: set[_Relay] = set()
        self._closed = False

    def serve(self, window: QObject) -> None:
        """Results arriving after `window` is destroyed are dropped, not delivered."""
        window.destroyed.connect(self._close)

    def _close(self) -> None:
        self._closed = True

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[Exception], None],
    ) -> None:
        relay = _Relay(self)  # created on the GUI thread, so its slots run there
        self._relays.add(relay)

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            self._relays.discard(relay)
            if not self._closed:
                callback(value)

        relay.done.connect(lambda value: finish(on_done, value))
        relay.failed.connect(lambda exc: finish(on_failed, exc))
        self.pool.start(_Job(fn, relay))
