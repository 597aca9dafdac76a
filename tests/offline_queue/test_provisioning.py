"""登记新终端 against the real reference platform on loopback: the key made on the terminal,
its public half registered with a one-time code; a wrong or used code, no network, a bad
address and a second enrolment each refused in the technician's words; all audited, never
the code."""

from __future__ import annotations

import json
import socket
import sqlite3
import stat
from pathlib import Path

import pytest

from kiosk.config import check_platform_url
from kiosk.ops.settings_store import TomlSettings
from kiosk.ports.clock import FakeClock
from kiosk.ports.provisioning import EnrolmentFailed
from kiosk.services.tech_provision import ProvisionTools
from offline_queue.credentials import Credentials
from offline_queue.provisioning import PlatformProvisioner, normalise_code
from tests.services.tech_fakes import MemoryAudit, details, sample_desk
from tests.support.central import CentralHandle

CONFIG = '[terminal]\ndata_dir = "{data}"\n\n[platform]\nbase_url = "http://127.0.0.1:1"\n'


def _save(settings: TomlSettings, url: str) -> None:
    settings.save({"platform.base_url": url})


def tools(tmp_path: Path, configured: str) -> tuple[ProvisionTools, MemoryAudit, Credentials]:
    data = tmp_path / "kiosk"
    tmp_path.mkdir(parents=True, exist_ok=True)
    config = tmp_path / "kiosk.toml"
    config.write_text(CONFIG.format(data=data).replace("http://127.0.0.1:1", configured))
    credentials = Credentials(data / "keys")
    settings = TomlSettings(config, environ={})
    provisioner = PlatformProvisioner(
        credentials,
        configured,
        "",
        "0.1.0-test",
        check_platform_url,
        lambda url: _save(settings, url),
        (1.0, 5.0),
    )
    desk, audit = sample_desk(FakeClock(), signed_in=False)
    return ProvisionTools(desk.record_provisioning, provisioner), audit, credentials


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_new_terminal_is_enrolled_with_a_key_of_its_own(tmp_path, central: CentralHandle):
    provision, audit, credentials = tools(tmp_path, "http://127.0.0.1:1")
    assert provision.current() is None
    code = central.new_enrolment_code()
    done = provision.enrol(f" {central.base_url}/ ", code.lower().replace("-", " "))
    assert done.terminal_id and done.hall_code == "451123101" and done.restart_needed
    current = provision.current()
    assert current is not None and current.terminal_id == done.terminal_id
    key_file = tmp_path / "kiosk" / "keys" / "terminal.key"
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    with sqlite3.connect(central.data_dir / "central.sqlite3") as db:
        (public,) = db.execute(
            "SELECT public_key FROM terminals WHERE terminal_id = ?", (done.terminal_id,)
        ).fetchone()
    assert bytes(public) == credentials.key().public_key().public_bytes_raw()
    saved = (tmp_path / "kiosk" / "settings.toml").read_text()
    assert f'base_url = "{central.base_url}"' in saved  # the address, for the next start
    assert [(e.action, e.actor.ref) for e in audit.entries] == [
        ("terminal.enrol", "enrolment"),
        ("terminal.enrolled", "enrolment"),
    ]
    assert details(audit.entries[-1]) == {"hall": "451123101", "restart_needed": True}
    assert code not in json.dumps([repr(e) for e in audit.entries])

    with pytest.raises(EnrolmentFailed) as again:  # never a second enrolment from the screen
        provision.enrol(central.base_url, central.new_enrolment_code())
    assert again.value.message_key == "tech.provision.already"


@pytest.mark.parametrize("case", ["wrong", "used", "no_network", "bad_url", "not_platform"])
def test_each_refusal_is_told_apart(tmp_path, central: CentralHandle, case: str):
    provision, audit, credentials = tools(tmp_path, central.base_url)
    url, code = central.base_url, central.new_enrolment_code()
    expected = {
        "wrong": "code_refused",
        "used": "code_refused",
        "no_network": "unreachable",
        "bad_url": "bad_url",
        "not_platform": "not_platform",
    }[case]
    if case == "wrong":
        code = "ABCD-EFGH"
    elif case == "used":
        other, _, _ = tools(tmp_path / "other", central.base_url)
        other.enrol(url, code)
    elif case == "no_network":
        url = f"http://127.0.0.1:{_closed_port()}"
    elif case == "bad_url":
        url = "zwfw.example.cn"
    else:
        url = central.base_url + "/elsewhere"  # answers, but not as the platform does
    with pytest.raises(EnrolmentFailed) as failed:
        provision.enrol(url, code)
    assert failed.value.message_key == f"tech.provision.{expected}"
    assert credentials.enrolment() is None
    assert [e.action for e in audit.entries] == ["terminal.enrol", "terminal.enrol_failed"]
    assert details(audit.entries[-1]) == {"reason": expected}


def test_codes_are_read_as_printed():
    assert normalise_code(" k7q2 m4xp ") == "K7Q2-M4XP"
    assert normalise_code("K7Q2-M4XP") == "K7Q2-M4XP"


def test_the_terminal_s_signing_key_is_readable_by_its_owner_only(tmp_path):
    """Outside the database (a copied queue file holds no key) and owner-only."""
    keys = tmp_path / "keys"
    key = Credentials(keys).key()
    [path] = [p for p in keys.iterdir() if p.read_bytes() == key.private_bytes_raw()]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(keys.stat().st_mode) == 0o700
    assert Credentials(keys).key().private_bytes_raw() == key.private_bytes_raw()  # kept
