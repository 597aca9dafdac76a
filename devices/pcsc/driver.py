"""PcscCardReader: smart cards through pcscd, on pyscard's `smartcard.scard` layer.

Why not pyscard's CardMonitor: its monitoring thread is a process-wide singleton that cannot
be stopped (close() could never join it), it waits on a 60 s CardRequest, prints tracebacks
instead of logging, and on SCARD_E_NO_SERVICE it stops for good, so a restarted pcscd is never
seen again (pyscard issues #63/#86: a context dies with the service and must be
re-established). This driver runs one monitor thread of its own around SCardGetStatusChange,
re-establishes the context after service errors, and wakes with SCardCancel on close().
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import replace
from typing import Any

from smartcard import scard

from devices.card_reader_common import READY, CardEventHub
from devices.pcsc.apdu import Response
from devices.pcsc.profiles import DEFAULT_PROFILES, CardProfile, read_identity
from kiosk.ports.card_reader import (
    CardEventListener,
    CardReaderError,
    CardRemovedDuringRead,
    ReaderNoService,
)
from kiosk.ports.device import DeviceState, DeviceStatus, StatusListener, Unsubscribe

log = logging.getLogger(__name__)

# Service gone or context dead: release the context and establish a new one.
_SERVICE_ERRORS = {
    scard.SCARD_E_NO_SERVICE,
    scard.SCARD_E_SERVICE_STOPPED,
    scard.SCARD_E_INVALID_HANDLE,
    scard.SCARD_E_NO_READERS_AVAILABLE,
    scard.SCARD_E_UNKNOWN_READER,
    scard.SCARD_E_READER_UNAVAILABLE,
}
# The card went away while we talked to it.
_GONE_ERRORS = {
    scard.SCARD_W_REMOVED_CARD,
    scard.SCARD_E_NO_SMARTCARD,
    scard.SCARD_E_NOT_TRANSACTED,
    scard.SCARD_W_RESET_CARD,
    scard.SCARD_W_UNPOWERED_CARD,
}
NO_SERVICE = DeviceStatus(DeviceState.OFFLINE, "reader.no_service", "pcscd is not running")


def _hex(code: int) -> str:
    return f"{code & 0xFFFFFFFF:08X}"


class _ScardChannel:
    """ApduChannel over one SCardConnect handle; runs on the monitor thread."""

    def __init__(self, hcard: Any, protocol: int) -> None:
        self._hcard = hcard
        self._pci = (
            scard.SCARD_PCI_T0 if protocol == scard.SCARD_PROTOCOL_T0 else scard.SCARD_PCI_T1
        )

    def transmit(self, apdu: bytes) -> Response:
        hresult, response = scard.SCardTransmit(self._hcard, self._pci, list(apdu))
        if hresult != scard.SCARD_S_SUCCESS:
            if hresult in _GONE_ERRORS:
                raise CardRemovedDuringRead(f"SCardTransmit {_hex(hresult)}")
            raise CardReaderError(f"SCardTransmit {_hex(hresult)}", message_key="card.unreadable")
        if len(response) < 2:
            raise CardRemovedDuringRead("short R-APDU")
        return Response(bytes(response[:-2]), (response[-2] << 8) | response[-1])


class PcscCardReader:
    """A PC/SC reader chosen by name (`reader_match`: substring; "" takes the first reader).

    Threads: open() starts the "pcsc-monitor" thread, which waits for card events, reads each
    inserted card and delivers every CardEvent and status change to listeners. close() stops
    and joins it. status() and subscribe*() may be called from any thread. Failures never
    raise out of the thread: they become status changes and read_failed events.
    """

    def __init__(
        self,
        reader_match: str = "",
        *,
        profiles: tuple[CardProfile, ...] = DEFAULT_PROFILES,
        retry_s: float = 1.0,
    ) -> None:
        self._match = reader_match
        self._profiles = profiles
        self._retry_s = retry_s
        self._hub = CardEventHub(reader_match or "pcsc", NO_SERVICE)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._ctx_lock = threading.Lock()
        self._ctx: Any = None
        self._reset = False
        self._present = False  # monitor thread only

    @property
    def name(self) -> str:
        return self._hub.reader

    def open(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="pcsc-monitor", daemon=True)
        self._thread.start()

    def close(self) -> None:
        """Stop the monitor thread and wait for it. SCardCancel is lost when it reaches pcscd
        just before the thread's next SCardGetStatusChange does, so it is repeated until the
        thread ends (otherwise close() would wait out a whole GetStatusChange timeout)."""
        self._stop.set()
        thread, self._thread = self._thread, None
        deadline = time.monotonic() + 10
        while thread is not None and thread.is_alive() and time.monotonic() < deadline:
            self._cancel_wait()
            thread.join(timeout=0.05)

    def status(self) -> DeviceStatus:
        if self._thread is None:
            return self.probe_status()
        return self._hub.status()

    def probe_status(self) -> DeviceStatus:
        """A one-off look (any thread): is the service up and the reader attached?"""
        hresult, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if hresult != scard.SCARD_S_SUCCESS:
            return NO_SERVICE
        try:
            return self._status_for(self._find_reader(ctx))
        finally:
            scard.SCardReleaseContext(ctx)

    def available_readers(self) -> list[str]:
        """Every reader pcscd knows now (any thread; for diagnose). [] without the service."""
        hresult, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if hresult != scard.SCARD_S_SUCCESS:
            return []
        try:
            hresult, readers = scard.SCardListReaders(ctx, [])
            return list(readers) if hresult == scard.SCARD_S_SUCCESS else []
        finally:
            scard.SCardReleaseContext(ctx)

    def capabilities(self) -> frozenset[str]:
        return frozenset({"identity", "photo", "pcsc"})

    def reset(self) -> None:
        """Drop and re-establish the PC/SC context on the monitor thread."""
        self._reset = True
        self._cancel_wait()

    def cancel(self) -> None:
        """Nothing to cancel between APDUs: a read is short and always ends in one event."""

    def subscribe(self, listener: StatusListener) -> Unsubscribe:
        return self._hub.subscribe_status(listener)

    def subscribe_events(self, listener: CardEventListener) -> Unsubscribe:
        return self._hub.subscribe_events(listener)

    # -- monitor thread -----------------------------------------------------------------

    def _cancel_wait(self) -> None:
        with self._ctx_lock:
            if self._ctx is not None:
                scard.SCardCancel(self._ctx)

    def _find_reader(self, ctx: Any) -> str | None:
        hresult, readers = scard.SCardListReaders(ctx, [])
        if hresult != scard.SCARD_S_SUCCESS:
            return None
        return next((r for r in readers if self._match in r), None)

    def _status_for(self, reader: str | None) -> DeviceStatus:
        if reader is None:
            return DeviceStatus(DeviceState.OFFLINE, "reader.missing", f"no reader '{self._match}'")
        return READY

    def _run(self) -> None:
        while not self._stop.is_set():
            hresult, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
            if hresult != scard.SCARD_S_SUCCESS:
                self._hub.set_status(replace(NO_SERVICE, vendor_code=_hex(hresult)))
                self._stop.wait(self._retry_s)
                continue
            with self._ctx_lock:
                self._ctx = ctx
            try:
                self._watch(ctx)
            except Exception:  # the thread must survive anything to report it
                log.exception("pcsc monitor failed; re-establishing the context")
                self._hub.set_status(DeviceStatus(DeviceState.ERROR, "reader.error"))
            finally:
                with self._ctx_lock:
                    self._ctx = None
                scard.SCardReleaseContext(ctx)
                self._reset = False
                if self._present:  # the service or the reader went away with a card in it
                    self._present = False
                    self._hub.removed()
            if not self._stop.is_set():
                self._stop.wait(self._retry_s)

    def _watch(self, ctx: Any) -> None:
        """Wait for card events on one reader until the context must be renewed."""
        reader = self._find_reader(ctx)
        self._hub.set_status(self._status_for(reader))
        if reader is None:
            return
        state: int = scard.SCARD_STATE_UNAWARE
        while not self._stop.is_set() and not self._reset:
            hresult, states = scard.SCardGetStatusChange(ctx, 2000, [(reader, state)])
            if hresult in (scard.SCARD_E_TIMEOUT, scard.SCARD_E_CANCELLED):
                continue
            if hresult != scard.SCARD_S_SUCCESS:
                code = _hex(hresult)
                log.info("SCardGetStatusChange: %s; renewing the context", code)
                if hresult in _SERVICE_ERRORS and hresult != scard.SCARD_E_UNKNOWN_READER:
                    self._hub.set_status(replace(NO_SERVICE, vendor_code=code))
                return
            _name, event_state, _atr = states[0]
            state = event_state & ~scard.SCARD_STATE_CHANGED
            if event_state & (scard.SCARD_STATE_UNKNOWN | scard.SCARD_STATE_UNAVAILABLE):
                return
            now_present = bool(event_state & scard.SCARD_STATE_PRESENT)
            if now_present and not self._present:
                self._present = True
                self._hub.inserted()
                self._read_card(ctx, reader)
            elif self._present and not now_present:
                self._present = False
                self._hub.removed()

    def _read_card(self, ctx: Any, reader: str) -> None:
        self._hub.set_status(DeviceStatus(DeviceState.BUSY, "reader.busy"))
        try:
            hresult, hcard, protocol = scard.SCardConnect(
                ctx,
                reader,
                scard.SCARD_SHARE_SHARED,
                scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1,
            )
            if hresult != scard.SCARD_S_SUCCESS:
                detail = f"SCardConnect {_hex(hresult)}"
                if hresult in _SERVICE_ERRORS:
                    raise ReaderNoService(detail)
                if hresult in _GONE_ERRORS:
                    raise CardRemovedDuringRead(detail)
                raise CardReaderError(detail)  # mute card, no ATR, protocol mismatch
            try:
                identity = read_identity(_ScardChannel(hcard, protocol), self._profiles)
            finally:
                scard.SCardDisconnect(hcard, scard.SCARD_LEAVE_CARD)
        except CardReaderError as exc:
            self._hub.read_failed(exc.message_key, exc.detail)
        except Exception:  # a profile bug must still end the card with one read_failed
            log.exception("reading the card failed unexpectedly")
            self._hub.read_failed("card.unreadable", "internal error")
        else:
            self._hub.identity_read(identity)
        finally:
            self._hub.set_status(READY)
