"""Schema-driven fuzz of the platform's own OpenAPI document: no input ever gives a 500.

Each generated request is sent twice to the real server: unsigned (it must be refused
cleanly) and signed by an enrolled terminal, so generated bodies reach the handlers.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings

from tests.support.central import CentralHandle, TestTerminal, running_central


@pytest.fixture(scope="module")
def fuzz_target(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[CentralHandle, TestTerminal]]:
    with running_central(Path(tmp_path_factory.mktemp("fuzz"))) as handle:
        yield handle, handle.enrol()


SEND_KEYS = ("method", "url", "headers", "params", "json", "data", "cookies")


def _send_twice(central: CentralHandle, terminal: TestTerminal, case: Any) -> None:
    kwargs = case.as_transport_kwargs(base_url=central.base_url)
    prepared = requests.Request(**{k: v for k, v in kwargs.items() if k in SEND_KEYS}).prepare()
    body = prepared.body or b""
    body_bytes = body.encode() if isinstance(body, str) else body
    with requests.Session() as session:
        unsigned = session.send(prepared, timeout=30)
        assert unsigned.status_code < 500, unsigned.text
        if unsigned.status_code >= 400 and unsigned.content:
            assert "error" in unsigned.json()
        assert prepared.method is not None and prepared.path_url
        signed_headers = terminal.signed_headers(prepared.method, prepared.path_url, body_bytes)
        prepared.headers.update(signed_headers)
        signed = session.send(prepared, timeout=30)
        assert signed.status_code < 500, signed.text


def test_no_generated_request_makes_the_platform_fail(
    fuzz_target: tuple[CentralHandle, TestTerminal],
) -> None:
    # schemathesis' pytest plugin does not run under pytest 9, so its per-operation Hypothesis
    # strategies are driven here directly.
    central, terminal = fuzz_target
    api = schemathesis.openapi.from_url(central.base_url + "/openapi.json")
    # .ok() raises on an operation the schema describes wrongly, which fails the test too.
    operations = [cast(Any, result).ok() for result in api.get_all_operations()]
    assert len(operations) >= 14

    for operation in operations:

        @given(case=operation.as_strategy())
        # Failures are reported as found, unshrunk: shrinking over HTTP takes minutes.
        @settings(
            max_examples=40,
            deadline=None,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def fuzz(case: Any) -> None:
            _send_twice(central, terminal, case)

        fuzz()
