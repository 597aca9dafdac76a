"""The technician's network check of the platform (the NetworkProbe port).

1. the platform's name is resolved (getaddrinfo), timed;
2. `GET /v1/health` several times on one keep-alive session, with the same trust as the
   terminal's PlatformClient (the pinned CA file, or the system's CAs): the first request's
   time includes the connection and the TLS handshake, the median of the others is the round
   trip; each reply's `X-Server-Time`, against the midpoint of its request on our wall clock,
   gives the clock skew (uncertain by half the round trip);
3. for https, the platform's certificate itself: fetched without verification (so an
   untrusted or expired one can still be described: subject, issuer, validity, names,
   fingerprint), then verified in a second handshake by the client's rules, the failure
   classified (untrusted, expired, wrong name).

Never raises for a network failure: every failure is in the report. Thread: a worker; it
blocks for a few connect and read timeouts at most.
"""

from __future__ import annotations

import hashlib
import socket
import ssl
import statistics
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse

import requests
from cryptography import x509
from cryptography.x509.oid import NameOID

from kiosk.contract.signing import HEADER_SERVER_TIME
from kiosk.ports.clock import Clock
from kiosk.ports.network import Certificate, NetProblem, NetworkReport, TlsState

SAMPLES = 4


def _name(name: x509.Name, *oids: x509.ObjectIdentifier) -> str:
    parts = [str(a.value) for oid in oids for a in name.get_attributes_for_oid(oid)]
    return " ".join(parts)


def describe(der: bytes) -> Certificate:
    cert = x509.load_der_x509_certificate(der)
    names: list[str] = []
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        names = [str(v) for v in san.get_values_for_type(x509.DNSName)]
        names += [str(v) for v in san.get_values_for_type(x509.IPAddress)]
    except x509.ExtensionNotFound:
        pass
    subject = _name(cert.subject, NameOID.COMMON_NAME) or (names[0] if names else "")
    issuer = _name(cert.issuer, NameOID.ORGANIZATION_NAME, NameOID.COMMON_NAME)
    return Certificate(
        subject,
        issuer,
        cert.not_valid_before_utc,
        cert.not_valid_after_utc,
        tuple(names),
        hashlib.sha256(der).hexdigest(),
    )


def _tls_problem(exc: ssl.SSLError) -> NetProblem:
    if isinstance(exc, ssl.SSLCertVerificationError):
        message = (exc.verify_message or "").lower()
        if "expired" in message or "not yet valid" in message:
            return NetProblem.TLS_EXPIRED
        if "hostname" in message or "ip address mismatch" in message:
            return NetProblem.TLS_HOSTNAME
        return NetProblem.TLS_UNTRUSTED
    return NetProblem.TLS_OTHER


def _classify(exc: requests.RequestException) -> NetProblem:
    if isinstance(exc, requests.exceptions.SSLError):
        reason = exc.args[0] if exc.args else None
        inner = getattr(reason, "reason", None)
        if isinstance(inner, ssl.SSLError):
            return _tls_problem(inner)
        text = str(exc).lower()
        if "expired" in text:
            return NetProblem.TLS_EXPIRED
        if "hostname" in text or "mismatch" in text:
            return NetProblem.TLS_HOSTNAME
        if "certificate verify failed" in text:
            return NetProblem.TLS_UNTRUSTED
        return NetProblem.TLS_OTHER
    if isinstance(exc, requests.exceptions.Timeout):
        return NetProblem.TIMEOUT
    if isinstance(exc, requests.exceptions.ConnectionError):
        text = str(exc).lower()
        if "refused" in text:
            return NetProblem.REFUSED
        if "timed out" in text:
            return NetProblem.TIMEOUT
        return NetProblem.OTHER
    return NetProblem.OTHER


class PlatformNetworkProbe:
    def __init__(
        self,
        base_url: str,
        ca_file: str,
        connect_timeout_s: float,
        read_timeout_s: float,
        clock: Clock,
        samples: int = SAMPLES,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.ca_file, self.clock, self.samples = ca_file, clock, samples
        self.timeout = (connect_timeout_s, read_timeout_s)
        url = urlparse(self.base_url)
        self.https = url.scheme == "https"
        self.host = url.hostname or ""
        self.port = url.port or (443 if self.https else 80)

    def _ms_since(self, start: float) -> float:
        return (self.clock.monotonic() - start) * 1000

    def probe(self) -> NetworkReport:
        checked_at = self.clock.now()
        start = self.clock.monotonic()
        try:
            infos = socket.getaddrinfo(self.host, self.port, type=socket.SOCK_STREAM)
        except OSError as exc:
            return NetworkReport(
                self.base_url, checked_at, problem=NetProblem.DNS, detail=type(exc).__name__
            )
        dns_ms = self._ms_since(start)
        addresses = tuple(dict.fromkeys(str(info[4][0]) for info in infos))
        report = self._health(checked_at, addresses, dns_ms)
        if self.https:
            return _with_tls(report, self._tls())
        return report

    def _health(
        self, checked_at: datetime, addresses: tuple[str, ...], dns_ms: float
    ) -> NetworkReport:
        times: list[float] = []
        skews: list[tuple[float, float]] = []  # (skew ms, round trip ms)
        with requests.Session() as session:
            for _ in range(self.samples):
                before_wall, before = self.clock.now(), self.clock.monotonic()
                try:
                    # verify per request, as PlatformClient does (psf/requests#3829)
                    reply = session.get(
                        self.base_url + "/v1/health",
                        timeout=self.timeout,
                        verify=self.ca_file or True,
                    )
                except requests.RequestException as exc:
                    if times:  # it answered before: a later failure is a flaky link
                        break
                    return NetworkReport(
                        self.base_url,
                        checked_at,
                        addresses,
                        dns_ms,
                        problem=_classify(exc),
                        detail=type(exc).__name__,
                    )
                elapsed = self._ms_since(before)
                server = reply.headers.get(HEADER_SERVER_TIME, "")
                if reply.status_code != 200 or not server.isdigit():
                    return NetworkReport(
                        self.base_url,
                        checked_at,
                        addresses,
                        dns_ms,
                        connect_ms=elapsed,
                        problem=NetProblem.NOT_PLATFORM,
                        detail=f"HTTP {reply.status_code}",
                    )
                times.append(elapsed)
                midpoint_ms = before_wall.timestamp() * 1000 + elapsed / 2
                skews.append((int(server) - midpoint_ms, elapsed))
        rest = times[1:] or times
        skew, rtt = min(skews, key=lambda s: s[1])  # the tightest round trip bounds it best
        return NetworkReport(
            self.base_url,
            checked_at,
            addresses,
            dns_ms,
            reachable=True,
            connect_ms=times[0],
            latency_ms=statistics.median(rest),
            samples=len(times),
            clock_skew_ms=round(skew),
            clock_uncertainty_ms=round(rtt / 2),
        )

    # --- the certificate --------------------------------------------------------------------

    def _handshake(self, context: ssl.SSLContext) -> bytes:
        with socket.create_connection((self.host, self.port), timeout=self.timeout[0]) as raw:
            raw.settimeout(self.timeout[1])
            with context.wrap_socket(raw, server_hostname=self.host) as tls:
                return tls.getpeercert(binary_form=True) or b""

    def _tls(self) -> TlsState:
        pinned, pinned_subject = self.ca_file, ""
        if pinned:
            try:
                ca = x509.load_pem_x509_certificate(Path(pinned).read_bytes())
                pinned_subject = _name(ca.subject, NameOID.ORGANIZATION_NAME, NameOID.COMMON_NAME)
            except (OSError, ValueError):
                pinned_subject = "?"
        look = ssl.create_default_context()
        look.check_hostname = False
        look.verify_mode = ssl.CERT_NONE  # only to read the certificate, never to trust it
        try:
            certificate: Certificate | None = describe(self._handshake(look))
        except (OSError, ValueError) as exc:
            return TlsState(
                None, False, pinned, pinned_subject, NetProblem.TLS_OTHER, type(exc).__name__
            )
        trust = ssl.create_default_context(cafile=pinned or None)
        try:
            self._handshake(trust)
        except ssl.SSLError as exc:
            detail = getattr(exc, "verify_message", "") or type(exc).__name__
            return TlsState(
                certificate, False, pinned, pinned_subject, _tls_problem(exc), str(detail)
            )
        except OSError as exc:
            return TlsState(
                certificate, False, pinned, pinned_subject, NetProblem.OTHER, type(exc).__name__
            )
        return TlsState(certificate, True, pinned, pinned_subject)


def _with_tls(report: NetworkReport, tls: TlsState) -> NetworkReport:
    """The report with its certificate; a TLS problem explains an unreachable platform."""
    if not report.reachable and tls.problem is not NetProblem.NONE:
        return replace(report, tls=tls, problem=tls.problem, detail=tls.detail)
    return replace(report, tls=tls)
