"""The KioskError tree.

A user-facing error carries a message key (translated by the UI) and, separately, a technical
detail for the technician view and the logs. Neither may contain personal data.
"""

from __future__ import annotations


class KioskError(Exception):
    """Root of every error the kiosk raises on purpose."""

    message_key: str = "error.generic"

    def __init__(self, detail: str = "", *, message_key: str | None = None) -> None:
        super().__init__(detail or self.__class__.__name__)
        self.detail = detail
        if message_key is not None:
            self.message_key = message_key


class UserCancelled(KioskError):
    """The villager cancelled: unwinds quietly, nothing is shown."""

    message_key = "error.cancelled"


class ConfigError(KioskError):
    """The configuration is invalid; the kiosk shows its out-of-service screen."""

    message_key = "error.config"


class PlatformError(KioskError):
    """The platform could not be reached or answered something unusable."""

    message_key = "error.platform"


class DeviceError(KioskError):
    """A device failed; subclasses in kiosk.ports name which and how. `vendor_code` is the
    device's own code for it (a status word, an SW3, an hresult), for the technician."""

    message_key = "error.device"

    def __init__(
        self, detail: str = "", *, message_key: str | None = None, vendor_code: str | None = None
    ) -> None:
        super().__init__(detail, message_key=message_key)
        self.vendor_code = vendor_code


class StorageFullError(KioskError):
    """The disk is full: nothing new can be queued, nothing already queued is lost."""

    message_key = "error.storage_full"
