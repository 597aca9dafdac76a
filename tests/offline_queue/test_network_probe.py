"""The technician's network check against the real platform on loopback: reachability, round
trip and clock skew over plain HTTP; over HTTPS (a TLS front with certificates made here) the
certificate's issuer, validity and fingerprint, verified against the pinned CA, and each way it
can be wrong told apart: another CA, expired, another name, the system's CAs; a portal that
answers instead of the platform; nothing listening; a name that does not resolve."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from kiosk.ports.clock import SystemClock
from kiosk.ports.network import NetProblem
from offline_queue.network_probe import PlatformNetworkProbe
from offline_queue.platform_client import PlatformClient, PlatformUnreachable
from tests.offline_queue.tls_front import Issued, TestCA, TlsFront
from tests.support.central import CentralHandle
from tests.support.fault_proxy import Fault, FaultProxy


class SkewedClock(SystemClock):
    """This terminal's wall clock set wrong by `offset`."""

    def __init__(self, offset: timedelta) -> None:
        self.offset = offset

    def now(self) -> datetime:
        return super().now() + self.offset


def probe(url: str, ca: str = "", clock: SystemClock | None = None) -> PlatformNetworkProbe:
    return PlatformNetworkProbe(url, ca, 2.0, 5.0, clock or SystemClock(), samples=3)


@pytest.fixture(scope="module")
def ca(tmp_path_factory: pytest.TempPathFactory) -> TestCA:
    return TestCA(tmp_path_factory.mktemp("pki"))


def test_the_platform_over_http_is_reachable_with_its_round_trip_and_our_clock_error(
    shared_central: CentralHandle,
):
    slow = SkewedClock(timedelta(minutes=-10))  # this terminal's clock is 10 minutes behind
    report = probe(shared_central.base_url, clock=slow).probe()
    assert report.reachable and report.problem is NetProblem.NONE, report
    assert report.addresses == ("127.0.0.1",) and report.dns_ms is not None
    assert report.samples == 3 and report.connect_ms is not None and report.latency_ms is not None
    assert report.tls is None
    assert report.clock_skew_ms is not None and report.clock_uncertainty_ms is not None
    # The platform's clock minus ours: +10 minutes, within the measurement's own uncertainty
    # (and a second for the platform's millisecond stamp being taken mid-request).
    assert abs(report.clock_skew_ms - 600_000) <= report.clock_uncertainty_ms + 1000


def test_nothing_listening_and_a_name_that_does_not_resolve_are_told_apart(
    shared_central: CentralHandle,
):
    with FaultProxy(shared_central.port) as proxy:
        proxy.refuse()
        refused = probe(proxy.url).probe()
    assert not refused.reachable and refused.problem is NetProblem.REFUSED, refused
    unresolved = probe("http://platform.invalid:8700").probe()
    assert unresolved.problem is NetProblem.DNS and unresolved.addresses == ()


def test_a_portal_answering_instead_of_the_platform_is_not_taken_for_it(
    shared_central: CentralHandle,
):
    with FaultProxy(shared_central.port) as proxy:
        proxy.add(Fault.html(200, match="GET /v1/health"))
        report = probe(proxy.url).probe()
    assert not report.reachable and report.problem is NetProblem.NOT_PLATFORM, report


def test_a_trusted_certificate_is_described_and_verified_against_the_pinned_ca(
    ca: TestCA, shared_central: CentralHandle
):
    issued = ca.issue("good")
    with TlsFront(shared_central.port, issued) as front:
        report = probe(front.url, str(ca.pem)).probe()
        # The terminal's own client trusts the same way: it reaches the platform.
        client = PlatformClient(front.url, 2, 5, str(ca.pem))
        try:
            assert client.health()["status"] == "ok"
        finally:
            client.close()
    assert report.reachable and report.problem is NetProblem.NONE, report
    tls = report.tls
    assert tls is not None and tls.verified and tls.problem is NetProblem.NONE
    assert tls.pinned_ca == str(ca.pem) and "县政务云测试CA" in tls.pinned_ca_subject
    cert = tls.certificate
    assert cert is not None
    assert cert.subject == "localhost" and "县政务云测试CA" in cert.issuer
    assert cert.names == ("localhost", "127.0.0.1")
    der = x509.load_pem_x509_certificate(issued.cert.read_bytes()).public_bytes(
        serialization.Encoding.DER
    )
    assert cert.sha256 == hashlib.sha256(der).hexdigest()
    days = tls.days_left(datetime.now(UTC))
    assert days is not None and 363 <= days <= 365


def other_ca(tmp: Path, ca: TestCA) -> Issued:
    return TestCA(tmp, "别的CA").issue("x")


def expired(tmp: Path, ca: TestCA) -> Issued:
    return ca.issue("old", valid_days=(-400, -35))


def other_name(tmp: Path, ca: TestCA) -> Issued:
    return ca.issue("name", names=("gw.example.gov.cn",))


def good_for_us(tmp: Path, ca: TestCA) -> Issued:
    return ca.issue("sys")


@pytest.mark.parametrize(
    ("label", "make", "pinned", "problem"),
    [
        ("other-ca", other_ca, True, NetProblem.TLS_UNTRUSTED),
        ("expired", expired, True, NetProblem.TLS_EXPIRED),
        ("other-name", other_name, True, NetProblem.TLS_HOSTNAME),
        ("system-cas", good_for_us, False, NetProblem.TLS_UNTRUSTED),
    ],
)
def test_each_way_a_certificate_can_be_wrong_is_named_and_the_certificate_still_shown(
    ca: TestCA, shared_central: CentralHandle, tmp_path: Path, label, make, pinned, problem
):
    issued = make(tmp_path, ca)
    with TlsFront(shared_central.port, issued) as front:
        report = probe(front.url, str(ca.pem) if pinned else "").probe()
    assert not report.reachable and report.problem is problem, (label, report)
    tls = report.tls
    assert tls is not None and not tls.verified and tls.problem is problem
    assert tls.certificate is not None and tls.detail
    assert tls.pinned_ca == (str(ca.pem) if pinned else "")
    if label == "expired":
        assert tls.days_left(datetime.now(UTC)) == -35
    if label == "other-ca":
        assert "别的CA" in tls.certificate.issuer


def test_the_pinned_ca_is_used_even_when_the_environment_names_another_ca_bundle(
    ca: TestCA, shared_central: CentralHandle, monkeypatch: pytest.MonkeyPatch
):
    # requests lets REQUESTS_CA_BUNDLE override a session's own CA (psf/requests#3829): the
    # terminal passes its pin with every request, so the pin always decides.
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt")
    monkeypatch.setenv("CURL_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt")
    with TlsFront(shared_central.port, ca.issue("env")) as front:
        pinned = PlatformClient(front.url, 2, 5, str(ca.pem))
        unpinned = PlatformClient(front.url, 2, 5)
        try:
            assert pinned.health()["status"] == "ok"
            with pytest.raises(PlatformUnreachable):
                unpinned.health()  # the test CA is in no system bundle
        finally:
            pinned.close()
            unpinned.close()
        assert probe(front.url, str(ca.pem)).probe().reachable
