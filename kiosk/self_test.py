"""`kiosk --self-test [CONFIG] [--printer HOST:PORT]`: prove an installed build works, end to end.

Boots the real app (whatever QT_QPA_PLATFORM says; offscreen in the smoke test), waits for the
home screen with the platform's catalog, then on a worker thread:
  - enqueues one test submission through the real outbox, sealed to the platform's key, and
    reads it back (queued, with a receipt number); `kiosk sync --once` then delivers it;
  - exercises the native parts a bundle can lose: the dlib face models, OpenCV (a QR code
    round trip), python-escpos (a test receipt, to a network printer when --printer is given),
    the fonts the screen and the receipt are drawn with, Qt's Chinese translations, and,
    when QT_IM_MODULE=qtvirtualkeyboard, the virtual keyboard (its input panel must come up
    for a focused line edit).
Prints one JSON line with what it found and exits 0, or 1 with the reason. The submission is
marked `meta.self_test` so the platform can tell it from a villager's.

Until the apply journey exists in the UI this is how the bundle's smoke test queues a
submission; it then belongs in the journey's own test.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLibraryInfo, QTimer, QTranslator
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QLineEdit

from kiosk.app import Kiosk, build, start_liveness
from kiosk.domain.forms import validate_form
from kiosk.fonts import CJK, font_path
from kiosk.ops.sd_notify import Notifier
from offline_queue.records import NewRecord, QueuedRecord
from offline_queue.store import open_terminal_outbox
from ui.garbage import GuiThreadCollector
from ui.keyboard import apply_input_method_environment

TIMEOUT_S = 90
FULLSCREEN_GRACE_S = 20  # for the compositor to make the window full screen


# A fictitious applicant (the ID number passes the checksum; no such person is meant).
TEST_APPLICANT = {"name": "自检测试", "id_number": "45112319491231003X"}
_BY_FORMAT = {**TEST_APPLICANT, "mobile": "13800000000"}


def sample_form(schema: dict[str, Any], today: date) -> dict[str, Any]:
    """The smallest form the item accepts: its required fields with valid test values."""
    form: dict[str, Any] = {}
    for name in schema.get("required", []):
        prop = schema["properties"][name]
        if "enum" in prop:
            form[name] = prop["enum"][0]
        elif prop["type"] in ("integer", "number"):
            form[name] = prop.get("minimum", 1)
        elif prop["type"] == "boolean":
            form[name] = True
        elif prop.get("format") == "date":
            form[name] = today.isoformat()
        else:
            text = _BY_FORMAT.get(prop.get("format", ""), "自检")
            form[name] = text.ljust(prop.get("minLength", 0), "检")
    errors = validate_form(schema, form, today)
    if errors:
        raise RuntimeError(f"cannot fill a test form: {[e.field for e in errors]}")
    return form


def queue_test_submissions(kiosk: Kiosk, count: int = 1) -> tuple[str, list[QueuedRecord]]:
    """Queue `count` self-test submissions (the catalog's first item, its form filled by
    sample_form) through the kiosk's own outbox: the item's code, and each record read back as
    stored. Also the sync load of bench/ui_stalls.py."""
    enrolment = kiosk.credentials.enrolment()
    if enrolment is None:
        raise RuntimeError("not enrolled")
    items = kiosk.catalog.cached().catalog.items
    if not items:
        raise RuntimeError("no catalog")
    item = items[sorted(items)[0]]
    form = sample_form(dict(item.form_schema), kiosk.clock.now().astimezone().date())
    record = NewRecord(
        kind="submission",
        personal={"applicant": TEST_APPLICANT, "form": form, "agent": None},
        meta={"self_test": True},
        item_code=item.code,
        item_name=item.name,
        masked_name="自*",
    )
    outbox = open_terminal_outbox(
        kiosk.config.terminal.data_dir,
        enrolment.seal_public_key,
        enrolment.terminal_id,
        kiosk.clock,
    )
    try:
        return item.code, [outbox.get(outbox.enqueue(record).id) for _ in range(count)]
    finally:
        outbox.close()


def _queue_submission(kiosk: Kiosk) -> dict[str, Any]:
    item_code, (again,) = queue_test_submissions(kiosk)
    # The app's own sync may already be sending it: any state but lost is fine.
    if again.state not in ("queued", "claimed", "delivered") or not again.receipt_no:
        raise RuntimeError(f"queued record reads back as {again.state}")
    return {"record_id": again.id, "receipt_no": again.receipt_no, "item_code": item_code}


def _native_parts(printer: str | None) -> dict[str, Any]:
    import numpy as np
    import qrcode

    from devices.camera.qr import decode_qr
    from devices.escpos_printer import escpos_printer_from_config
    from devices.face.dlib_face import DlibFaceEngine
    from kiosk.domain.receipt import Receipt

    DlibFaceEngine()  # loads the landmark and descriptor models from the bundle
    image = qrcode.make("KIOSK-SELF-TEST").get_image().convert("L")
    frame = np.stack([np.asarray(image, dtype=np.uint8)] * 3, axis=-1)
    qr = decode_qr(frame)
    if qr != "KIOSK-SELF-TEST":
        raise RuntimeError(f"QR round trip failed: {qr!r}")
    config: dict[str, Any] = {"transport": "dummy", "paper_mm": 80}
    if printer:
        host, _, port = printer.rpartition(":")
        config = {"transport": "network", "host": host, "port": int(port), "paper_mm": 80}
    receipt = Receipt(
        title="自检回执",
        item_name="终端自检",
        receipt_no="SELF-TEST",
        issued_at=datetime.now().astimezone(),
        terminal_id="SELF",
        hall_name="自检",
        masked_name="自*",
        next_steps=("这是一张测试回执。",),
        offline=False,
        qr_payload="KIOSK-SELF-TEST",
    )
    result = escpos_printer_from_config(config).print_receipt(receipt)
    return {
        "face_models": "loaded",
        "qr": "ok",
        "printer": config["transport"],
        "receipt_bytes": result.job_bytes,
        "receipt_font": str(font_path(CJK)),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="kiosk --self-test")
    parser.add_argument("config", nargs="?", type=Path)
    parser.add_argument("--printer", help="HOST:PORT of an ESC/POS network printer")
    args = parser.parse_args(argv)
    apply_input_method_environment()  # as the kiosk starts: its own keyboard, nothing else
    app = QApplication(sys.argv[:1])
    built = build(app, args.config)
    if not isinstance(built, Kiosk):
        print(json.dumps({"ok": False, "reason": "configuration invalid"}), file=sys.stderr)
        return 1
    kiosk = built
    if kiosk.config.ui.fullscreen:
        kiosk.window.showFullScreen()
    else:
        kiosk.window.show()
    start_liveness(app, Notifier())
    GuiThreadCollector(app).start()  # as kiosk.app.main: the same process, the same rules
    outcome: dict[str, Any] = {"ok": False, "reason": "timed out before the home screen"}

    def finish(result: dict[str, Any]) -> None:
        outcome.clear()
        outcome.update(result)
        app.exit(0 if result.get("ok") else 1)

    probe = QLineEdit(kiosk.window)  # inside the kiosk window: cage shows one window only
    translator = QTranslator(app)
    translations = translator.load(
        "qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    )

    def keyboard_up() -> bool:
        """The kiosk's own keyboard (its QML panel and layouts, docked in the window) came
        up for the focused field: what a villager types on."""
        return kiosk.window.keyboard.ready and kiosk.window.keyboard.showing

    def at_home() -> bool:
        # The same moment the updater's health check waits for: home screen up, refreshed.
        return kiosk.reported_healthy and kiosk.window.stack.currentWidget() is not (
            kiosk.window.out_of_service
        )

    shown_at = time.monotonic()

    def sized() -> bool:
        """Full screen once the compositor's configure has arrived (late on a loaded machine);
        after FULLSCREEN_GRACE_S the size is reported as it is, for the caller to judge."""
        if not kiosk.config.ui.fullscreen:
            return True
        if kiosk.window.size() == kiosk.window.screen().size():
            return True
        return time.monotonic() - shown_at > FULLSCREEN_GRACE_S

    def gui_facts() -> dict[str, Any]:
        """Read on the GUI thread, before the worker runs."""
        return {
            "qt_translations": translations,
            "virtual_keyboard": keyboard_up(),
            "keyboard_error": kiosk.window.keyboard.error,
            "platform": app.platformName(),
            "ui_font": QFontInfo(app.font()).family(),
            "window": list(kiosk.window.size().toTuple()),
            "screen": list(kiosk.window.screen().size().toTuple()),
        }

    def work(found: dict[str, Any]) -> dict[str, Any]:
        if not translations or not found["virtual_keyboard"]:
            raise RuntimeError(f"Qt parts missing: {found}")
        return {"ok": True, **found, **_queue_submission(kiosk), **_native_parts(args.printer)}

    def poll() -> None:
        if at_home() and not probe.isVisible():
            probe.show()
            probe.setFocus()
            app.inputMethod().show()
        keyboard_settled = keyboard_up() or bool(kiosk.window.keyboard.error)
        if at_home() and keyboard_settled and sized():
            waiting.stop()
            found = gui_facts()
            probe.close()
            kiosk.workers.run(
                lambda: work(found),
                finish,
                lambda exc: finish({"ok": False, "reason": f"{type(exc).__name__}: {exc}"}),
            )

    waiting = QTimer(app)
    waiting.timeout.connect(poll)
    waiting.start(100)
    QTimer.singleShot(TIMEOUT_S * 1000, lambda: finish(outcome))
    code = app.exec()
    kiosk.close()  # stops the app's sync thread: a clean exit, nothing left running
    print(json.dumps({**outcome, "home_screen": at_home()}, ensure_ascii=False))
    return code
