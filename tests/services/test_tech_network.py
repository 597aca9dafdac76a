"""What a network report means: the worst first, a certificate problem said once with the
certificate, the clock judged by the platform's own limits."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from kiosk.ports.network import NetProblem, NetworkReport
from kiosk.services.tech_network import Severity, assess
from tests.services.tech_fakes import NET_BAD, NET_GOOD

NOW = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)


def keys(report: NetworkReport, now: datetime = NOW) -> list[tuple[Severity, str]]:
    return [(f.severity, f.key) for f in assess(report, now)]


def test_a_good_link_with_a_clock_three_minutes_fast_warns_about_the_clock_only():
    assert keys(NET_GOOD) == [
        (Severity.WARNING, "net.clock_fast"),
        (Severity.OK, "net.reachable"),
        (Severity.OK, "net.cert_ok"),
    ]
    [clock] = [f for f in assess(NET_GOOD, NOW) if f.key == "net.clock_fast"]
    assert clock.values["ms"] == 185_000


def test_the_clock_past_the_platforms_five_minutes_is_an_error_and_under_two_is_fine():
    slow = replace(NET_GOOD, clock_skew_ms=301_000)
    assert keys(slow)[0] == (Severity.ERROR, "net.clock_slow")
    assert (Severity.OK, "net.clock_ok") in keys(replace(NET_GOOD, clock_skew_ms=119_000))


def test_an_untrusted_certificate_is_said_once_with_the_certificate():
    found = assess(NET_BAD, NOW)
    assert [(f.severity, f.key) for f in found] == [(Severity.ERROR, "net.problem.tls_untrusted")]
    assert found[0].values["issuer"] == "广西政务云 广西政务云根CA"
    assert found[0].values["days"] == 190


def test_a_certificate_near_its_end_warns_and_a_plain_failure_names_its_cause():
    expiring = keys(NET_GOOD, datetime(2027, 5, 10, tzinfo=UTC))
    assert (Severity.WARNING, "net.cert_expiring") in expiring
    down = NetworkReport("http://x", NOW, problem=NetProblem.REFUSED, detail="ConnectionError")
    assert keys(down) == [(Severity.ERROR, "net.problem.refused")]
    unresolved = NetworkReport("https://x", NOW, problem=NetProblem.DNS, detail="gaierror")
    assert keys(unresolved) == [(Severity.ERROR, "net.problem.dns")]
