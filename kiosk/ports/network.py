"""The technician's network check: can this terminal reach its platform, how fast, is its clock
right, and is the platform's certificate what it should be. Plain data only.

`problem` fields are codes the technician screen turns into words with the fix; `detail` is the
technical text (an exception name, a TLS verify message) for the technician and the log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol


class NetProblem(StrEnum):
    NONE = ""
    DNS = "dns"  # the platform's name does not resolve
    REFUSED = "refused"  # nothing listens there (or a firewall rejects)
    TIMEOUT = "timeout"  # no answer in time (link down, firewall dropping)
    TLS_UNTRUSTED = "tls_untrusted"  # the certificate is not signed by a trusted (pinned) CA
    TLS_EXPIRED = "tls_expired"  # the certificate is out of its validity period
    TLS_HOSTNAME = "tls_hostname"  # the certificate is for another name
    TLS_OTHER = "tls_other"  # another TLS failure (protocol, handshake)
    NOT_PLATFORM = "not_platform"  # something answered, but not the platform (a portal, a proxy)
    OTHER = "other"


@dataclass(frozen=True)
class Certificate:
    subject: str  # the common name (or the first DNS name)
    issuer: str  # the issuer's organisation and common name
    not_before: datetime
    not_after: datetime
    names: tuple[str, ...] = ()  # subjectAltName DNS names and IP addresses
    sha256: str = ""  # fingerprint of the certificate, to compare with the platform team's


@dataclass(frozen=True)
class TlsState:
    certificate: Certificate | None  # None when no certificate could be fetched at all
    verified: bool  # verified by the same rules the terminal's client uses
    pinned_ca: str  # the pinned CA file in use, "" when the system's CAs are trusted
    pinned_ca_subject: str = ""
    problem: NetProblem = NetProblem.NONE
    detail: str = ""

    def days_left(self, now: datetime) -> int | None:
        """Whole days until it expires; negative: whole days since it expired."""
        if self.certificate is None:
            return None
        return int((self.certificate.not_after - now).total_seconds() / 86_400)


@dataclass(frozen=True)
class NetworkReport:
    base_url: str
    checked_at: datetime
    addresses: tuple[str, ...] = ()  # what the platform's name resolved to
    dns_ms: float | None = None
    reachable: bool = False  # the platform's /v1/health answered as the platform
    connect_ms: float | None = None  # the first request, connection (and TLS) included
    latency_ms: float | None = None  # the median round trip of the requests after it
    samples: int = 0
    clock_skew_ms: int | None = None  # the platform's clock minus ours (X-Server-Time)
    clock_uncertainty_ms: int | None = None  # half the round trip the skew was measured in
    problem: NetProblem = NetProblem.NONE
    detail: str = ""
    tls: TlsState | None = None  # only when the base URL is https


class NetworkProbe(Protocol):
    def probe(self) -> NetworkReport:
        """Blocks for up to a few connect and read timeouts: call from a worker. Never raises
        for a network failure; the report says what failed."""
        ...
