"""登记新终端 (provisioning): a new terminal enrolled with the platform from the technician's
screen, with the one-time enrolment code the platform's administrator issued for its hall.

A terminal that is not enrolled has no operator list, so nobody can sign in on it: the code is
the credential, and the desk audits the attempt as `enrolment` when no technician is signed
in. Never the code itself (it is a secret until used), only the platform's host name.

Qt-free; enrol() goes to the platform: a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlparse

from kiosk.ports.provisioning import EnrolledTerminal, EnrolmentFailed, Provisioner
from kiosk.services.tech_logs import Record


def _host(base_url: str) -> str:
    try:
        return urlparse(base_url.strip()).hostname or "?"
    except ValueError:
        return "?"


class ProvisionTools:
    def __init__(
        self, record: Record, provisioner: Provisioner, restart: Callable[[], None] | None = None
    ) -> None:
        self._record, self._provisioner, self._restart = record, provisioner, restart

    @property
    def can_restart(self) -> bool:
        return self._restart is not None

    def restart(self) -> None:
        """After an enrolment that changed the platform's address: the kiosk starts again with
        it (audited like the rest, with or without a technician signed in)."""
        if self._restart is None:
            return
        self._record("kiosk.restart", "", {"reason": "enrolled"})
        self._restart()

    def current(self) -> EnrolledTerminal | None:
        return self._provisioner.current()

    def enrol(self, base_url: str, code: str) -> EnrolledTerminal:
        host = _host(base_url)
        self._record("terminal.enrol", host, None)
        try:
            done = self._provisioner.enrol(base_url, code)
        except EnrolmentFailed as exc:
            reason = exc.message_key.rsplit(".", 1)[-1]
            self._record("terminal.enrol_failed", host, {"reason": reason})
            raise
        self._record(
            "terminal.enrolled",
            done.terminal_id,
            {"hall": done.hall_code, "restart_needed": done.restart_needed},
        )
        return done
