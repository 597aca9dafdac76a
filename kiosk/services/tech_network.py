"""The technician's network check (网络检测): run the probe, audited, and judge what it found.

`assess` turns a NetworkReport into findings, each a severity and a message key with its
values, worst first: the technician screen shows them in words with the fix. The limits are the
platform's own: it refuses requests more than five minutes off its clock (the fleet page warns
from two), and a certificate is renewed well before it expires.

Qt-free. `run` blocks (the probe): call it from a worker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum
from typing import Any

from kiosk.ports.network import NetProblem, NetworkProbe, NetworkReport

CLOCK_WARN_MS = 2 * 60 * 1000
CLOCK_REFUSED_MS = 5 * 60 * 1000  # the platform's stale_request window
CERT_WARN_DAYS = 30

Record = Callable[[str], None]


class Severity(IntEnum):
    OK = 0
    WARNING = 1
    ERROR = 2


@dataclass(frozen=True)
class Finding:
    severity: Severity
    key: str  # message key, e.g. "net.clock_fast"
    values: dict[str, Any] = field(default_factory=dict)


def _clock(report: NetworkReport) -> Finding | None:
    skew = report.clock_skew_ms
    if skew is None:
        return None
    values = {"ms": abs(skew), "uncertainty_ms": report.clock_uncertainty_ms or 0}
    if abs(skew) < CLOCK_WARN_MS:
        return Finding(Severity.OK, "net.clock_ok", values)
    severity = Severity.ERROR if abs(skew) >= CLOCK_REFUSED_MS else Severity.WARNING
    # skew is the platform's clock minus ours: positive means ours is behind (slow).
    return Finding(severity, "net.clock_slow" if skew > 0 else "net.clock_fast", values)


def _certificate(report: NetworkReport, now: datetime) -> Finding | None:
    tls = report.tls
    if tls is None:
        return None
    cert = tls.certificate
    values: dict[str, Any] = {
        "pinned": tls.pinned_ca,
        "pinned_subject": tls.pinned_ca_subject,
        "detail": tls.detail,
    }
    if cert is not None:
        values.update(
            subject=cert.subject,
            issuer=cert.issuer,
            until=cert.not_after.date().isoformat(),
            days=tls.days_left(now),
            sha256=cert.sha256,
        )
    if not tls.verified:
        key = "net.problem." + (tls.problem.value or NetProblem.TLS_OTHER.value)
        return Finding(Severity.ERROR, key, values)
    days = tls.days_left(now)
    if days is not None and days < CERT_WARN_DAYS:
        return Finding(Severity.WARNING, "net.cert_expiring", values)
    return Finding(Severity.OK, "net.cert_ok", values)


def assess(report: NetworkReport, now: datetime) -> list[Finding]:
    """What the report means, worst first (a stable order within a severity)."""
    findings: list[Finding] = []
    if report.reachable:
        findings.append(
            Finding(
                Severity.OK,
                "net.reachable",
                {
                    "latency_ms": round(report.latency_ms or 0),
                    "connect_ms": round(report.connect_ms or 0),
                    "samples": report.samples,
                },
            )
        )
    elif report.tls is None or report.tls.verified or report.problem is NetProblem.DNS:
        # a certificate problem is said once, below, with the certificate
        key = "net.problem." + (report.problem.value or NetProblem.OTHER.value)
        findings.append(Finding(Severity.ERROR, key, {"detail": report.detail}))
    for finding in (_clock(report), _certificate(report, now)):
        if finding is not None:
            findings.append(finding)
    return sorted(findings, key=lambda f: -f.severity)


class NetworkCheck:
    def __init__(self, record: Record, probe: NetworkProbe) -> None:
        self._record, self._probe = record, probe

    def run(self) -> NetworkReport:
        """Audited (raises NotSignedIn without a session), then the probe. Worker thread."""
        self._record("network.check")
        return self._probe.probe()
