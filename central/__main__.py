"""`python -m central serve | enrolment-code | advance-case | operator-add | publish-release |
import-bundle`."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from central.keys import read_or_create_token


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="central", description="Reference central platform")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the platform")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8700)
    serve.add_argument("--data-dir", type=Path, default=Path("var/central"))
    serve.add_argument("--admin-token-file", type=Path)
    serve.add_argument(
        "--silent-after-s", type=int, default=3600, help="fleet page: silent terminal alert"
    )
    serve.add_argument(
        "--backlog-window-s", type=int, default=3600, help="fleet page: backlog growth window"
    )
    code = sub.add_parser("enrolment-code", help="print a one-time enrolment code for a hall")
    code.add_argument("--data-dir", type=Path, default=Path("var/central"))
    code.add_argument("--hall", required=True)
    adv = sub.add_parser("advance-case", help="move a case to a new status")
    adv.add_argument("--data-dir", type=Path, default=Path("var/central"))
    adv.add_argument("receipt_no")
    adv.add_argument("status")
    adv.add_argument("--department", default="")
    adv.add_argument("--note", default="")
    op = sub.add_parser("operator-add", help="register a proxy agent or a technician")
    op.add_argument("--data-dir", type=Path, default=Path("var/central"))
    op.add_argument("--role", choices=["agent", "technician"], required=True)
    op.add_argument("--name", required=True)
    op.add_argument("--id-number", required=True)
    op.add_argument("--pin", required=True, help="6 digits, not all alike, not a run")
    op.add_argument("--hall", default="", help="the agent's hall; empty: a county technician")
    pub = sub.add_parser("publish-release", help="offer a signed release to terminals")
    pub.add_argument("--data-dir", type=Path, default=Path("var/central"))
    pub.add_argument("signed_manifest", type=Path)
    pub.add_argument("archive", type=Path)
    imp = sub.add_parser("import-bundle", help="take in a terminal's queue carried on a USB stick")
    imp.add_argument("--data-dir", type=Path, default=Path("var/central"))
    imp.add_argument("bundle", type=Path, help="the bundle's folder on the stick")
    args = parser.parse_args(argv)
    if args.command == "publish-release":
        import json

        from central.updates import publish

        release = publish(args.data_dir, json.loads(args.signed_manifest.read_text()), args.archive)
        print(f"published {release.version} ({release.size} bytes)")
        return 0

    from central.context import Platform
    from central.errors import ApiError

    data_dir: Path = args.data_dir
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    if args.command == "serve":
        import uvicorn

        from central.app import create_app
        from central.fleet_alerts import FleetPolicy

        token = read_or_create_token(args.admin_token_file or data_dir / "admin-token")
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
        # access_log off: paths carry receipt numbers, and nothing about a person is logged.
        uvicorn.run(
            create_app(
                data_dir,
                token,
                FleetPolicy(
                    silent_after_s=args.silent_after_s, backlog_window_s=args.backlog_window_s
                ),
            ),
            host=args.host,
            port=args.port,
            access_log=False,
            log_level="warning",
        )
        return 0
    p = Platform.open(data_dir, "")
    try:
        if args.command == "enrolment-code":
            from central.admin import new_enrolment_code

            print(new_enrolment_code(p.storage, args.hall, p.now_ms()))
        elif args.command == "operator-add":
            from central.operators import OperatorIn, add_operator, ensure_schema

            ensure_schema(p.storage)
            body = OperatorIn(
                role=args.role,
                name=args.name,
                id_number=args.id_number,
                pin=args.pin,
                hall_code=args.hall,
            )
            print(add_operator(p, body, p.now_ms())["operator_id"])
        elif args.command == "import-bundle":
            from central.bundles import BundleRefused, import_bundle

            try:
                report = import_bundle(p, args.bundle, p.now_ms())
            except BundleRefused as exc:
                print(f"refused: {exc}", file=sys.stderr)
                return 2
            counts = ", ".join(f"{k} {v}" for k, v in sorted(report.outcomes.items()))
            print(f"bundle {report.bundle_id} of {report.terminal_id}: {counts or 'empty'}")
            for reason in report.reasons:
                print(f"  {reason}")
        else:
            from central.cases import transition

            case = transition(
                p.storage, args.receipt_no, args.status, args.department, args.note, p.now_ms()
            )
            print(f"{case['receipt_no']}: {case['status']} ({case['department']})")
    except ApiError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
