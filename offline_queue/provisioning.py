"""The Provisioner port: enrolment with the platform (offline_queue/credentials.py keeps the
key and the answer; PlatformClient.enrol is the same call `terminal.enrolment_code` makes at
start), with the platform's refusals told apart for the technician."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.errors import ConfigError, KioskError
from kiosk.ports.provisioning import EnrolledTerminal, EnrolmentFailed
from offline_queue.credentials import Credentials
from offline_queue.platform_client import (
    PlatformBusy,
    PlatformClient,
    PlatformGarbage,
    PlatformRefused,
    PlatformUnreachable,
)

# Checks an address as the kiosk's configuration does at start (raises ConfigError).
CheckUrl = Callable[[str], None]
# Saves the address in the technician's settings (raises KioskError when it may not).
SaveUrl = Callable[[str], None]


# The platform's refusals (central/routes.py enrol) in the technician's words.
_REFUSALS = {
    "enrolment_code_invalid": "tech.provision.code_refused",
    "invalid_request": "tech.provision.code_refused",  # a code of the wrong shape
    "key_already_enrolled": "tech.provision.already",
}


def normalise_code(typed: str) -> str:
    """ABCD-EFGH as printed, whatever spaces or case the keyboard gave."""
    raw = "".join(ch for ch in typed.upper() if ch.isalnum())
    return f"{raw[:4]}-{raw[4:]}" if len(raw) == 8 else typed.strip().upper()


class PlatformProvisioner:
    def __init__(
        self,
        credentials: Credentials,
        configured_url: str,
        ca_file: str,
        software_version: str,
        check_url: CheckUrl,
        save_url: SaveUrl | None,
        timeouts: tuple[float, float] = (5.0, 20.0),
    ) -> None:
        self.credentials, self.configured_url, self.ca_file = credentials, configured_url, ca_file
        self.version, self.check_url, self.save_url = software_version, check_url, save_url
        self.timeouts = timeouts

    def current(self) -> EnrolledTerminal | None:
        enrolment = self.credentials.enrolment()
        if enrolment is None:
            return None
        hall = enrolment.hall
        return EnrolledTerminal(
            enrolment.terminal_id,
            str(hall.get("code", "")),
            str(hall.get("name", "")),
            self.configured_url,
        )

    def enrol(self, base_url: str, code: str) -> EnrolledTerminal:
        base_url = base_url.strip().rstrip("/")
        if self.credentials.enrolment() is not None:
            raise EnrolmentFailed("already enrolled", message_key="tech.provision.already")
        try:
            self.check_url(base_url)
        except ConfigError as exc:
            raise EnrolmentFailed(exc.detail, message_key="tech.provision.bad_url") from None
        changed = base_url != self.configured_url.rstrip("/")
        if changed:
            # Kept first: an address the kiosk would not start with is refused before the
            # platform is asked, and an enrolled terminal always knows where its platform is.
            if self.save_url is None:
                raise EnrolmentFailed(
                    "cannot keep the address", message_key="tech.provision.bad_url"
                )
            try:
                self.save_url(base_url)
            except KioskError as exc:
                raise EnrolmentFailed(exc.detail, message_key="tech.provision.bad_url") from None
        client = PlatformClient(base_url, *self.timeouts, self.ca_file)
        try:
            reply = client.enrol(
                normalise_code(code), self.credentials.public_key_b64(), self.version
            )
        except PlatformRefused as exc:
            key = _REFUSALS.get(exc.code, "tech.provision.not_platform")
            raise EnrolmentFailed(exc.code, message_key=key) from None
        except (PlatformUnreachable, PlatformBusy) as exc:
            raise EnrolmentFailed(exc.detail, message_key="tech.provision.unreachable") from None
        except PlatformGarbage as exc:
            raise EnrolmentFailed(exc.detail, message_key="tech.provision.not_platform") from None
        finally:
            client.close()
        try:
            enrolment = self.credentials.save_enrolment(reply)
        except KeyError:
            raise EnrolmentFailed("reply", message_key="tech.provision.not_platform") from None
        hall = enrolment.hall
        return EnrolledTerminal(
            enrolment.terminal_id,
            str(hall.get("code", "")),
            str(hall.get("name", "")),
            base_url,
            restart_needed=changed,
        )
