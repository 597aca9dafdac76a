"""Provisioning a new terminal (登记新终端): its keys made on the terminal, registered with the
platform with a one-time enrolment code the platform's administrator issued for a hall.

The code is the credential: a terminal that is not enrolled yet has no operator list, so no
technician can sign in on it; whoever holds a valid code may enrol it (the platform accepts a
code once, within a week). An enrolled terminal is never enrolled again from the screen: its
queue is sealed to its platform and its receipt numbers carry its terminal id.
Plain data only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from kiosk.errors import KioskError


@dataclass(frozen=True)
class EnrolledTerminal:
    terminal_id: str
    hall_code: str
    hall_name: str
    base_url: str  # the platform it is enrolled with
    restart_needed: bool = False  # the platform address changed: the kiosk uses it once restarted


class EnrolmentFailed(KioskError):
    """Why the platform did not enrol the terminal, in the technician's words (message_key:
    tech.provision.code_refused, .unreachable, .not_platform, .bad_url, .already)."""

    message_key = "tech.provision.failed"


class Provisioner(Protocol):
    def current(self) -> EnrolledTerminal | None:
        """The enrolment this terminal has (a small file read: a worker)."""
        ...

    def enrol(self, base_url: str, code: str) -> EnrolledTerminal:
        """Makes the terminal's key if it has none, registers its public half with the platform
        at `base_url` using `code`, keeps what the platform answers, and saves the address in
        the configuration. Raises EnrolmentFailed. Network: a worker."""
        ...
