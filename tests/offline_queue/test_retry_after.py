"""Retry-After as the platform or a gateway in front of it may send it: seconds or an HTTP
date (RFC 9110); anything else leaves the backoff alone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from offline_queue.platform_client import retry_after_s

NOW = datetime(2026, 11, 23, 8, 0, 0, tzinfo=UTC).timestamp()


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120.0),
        (" 45 ", 45.0),
        ("Mon, 23 Nov 2026 08:02:30 GMT", 150.0),
        ("Mon, 23 Nov 2026 07:59:00 GMT", 0.0),  # already past: go now
        ("", None),
        ("-5", None),
        ("soon", None),
        ("Mon, 23 Nov 2026 08:02:30", None),  # no zone: not an HTTP date
    ],
)
def test_retry_after_in_seconds_or_as_an_http_date(header: str, seconds: float | None) -> None:
    assert retry_after_s(header, NOW) == seconds
