"""`make run`: the reference platform, the device emulators and the kiosk on this machine.

Without a display (no DISPLAY or WAYLAND_DISPLAY) the kiosk runs on Qt's VNC platform plugin
and this prints how to look at it. The terminal becomes the device console (put cards on the
readers, run the printer out of paper: type `help`). Ctrl-C stops everything.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from scripts.dev_devices import HELP, DevDevices

ROOT = Path(__file__).resolve().parents[1]
VAR = ROOT / "var"
PORT = int(os.environ.get("CENTRAL_PORT", "8700"))
HALL = "451123101"


def wait_healthy(url: str, proc: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
        if proc.poll() is not None:
            raise SystemExit("the platform failed to start; see var/central/server.log")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the platform did not answer within 30 s")


def console(devices: DevDevices) -> None:
    for line in sys.stdin:
        reply = devices.command(line)
        if reply:
            print(reply, flush=True)


def main() -> int:
    py = sys.executable
    central_dir = VAR / "central"
    central_dir.mkdir(parents=True, exist_ok=True)
    log = (central_dir / "server.log").open("ab")
    central = subprocess.Popen(
        [py, "-m", "central", "serve", "--port", str(PORT), "--data-dir", str(central_dir)],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    kiosk: subprocess.Popen[bytes] | None = None
    devices = DevDevices(VAR)
    try:
        devices.start()
        wait_healthy(f"http://127.0.0.1:{PORT}/v1/health", central)
        kiosk_dir = VAR / "kiosk"
        code = ""
        if not (kiosk_dir / "keys" / "enrolment.json").exists():
            code = subprocess.run(
                [
                    py,
                    "-m",
                    "central",
                    "enrolment-code",
                    "--data-dir",
                    str(central_dir),
                    "--hall",
                    HALL,
                ],
                cwd=ROOT,
                check=True,
                capture_output=True,
                text=True,
            ).stdout.strip()
        env = {
            **os.environ,
            "KIOSK__PLATFORM__BASE_URL": f"http://127.0.0.1:{PORT}",
            "KIOSK__TERMINAL__DATA_DIR": str(kiosk_dir),
            "KIOSK__LOGGING__DIR": str(kiosk_dir / "logs"),
            "KIOSK__TERMINAL__ENROLMENT_CODE": code,
            **devices.env(),
        }
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            env["QT_QPA_PLATFORM"] = "vnc:size=1080x1920:port=5900"
            print("No display here: the kiosk runs on Qt's VNC plugin.")
            print("  Look at it with any VNC viewer on localhost:5900")
            print("  (from another machine: ssh -L 5900:localhost:5900 <this host>).")
        print(f"Platform: http://127.0.0.1:{PORT}/docs   Stop with Ctrl-C.")
        print(devices.pcsc_note or "Devices: emulators running; receipts in var/printer/.")
        print(HELP)
        kiosk = subprocess.Popen(
            [py, "-m", "kiosk", str(ROOT / "config/kiosk.example.toml")],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,  # the terminal is the device console
        )
        threading.Thread(target=console, args=(devices,), daemon=True).start()
        signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
        return kiosk.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        devices.stop()
        for proc in (kiosk, central):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()


if __name__ == "__main__":
    raise SystemExit(main())
