"""`python -m devices diagnose [config.toml]`: check every configured device, in plain Chinese.

Exit status 0 when every configured device works (a disabled one is fine), 1 when one needs a
technician, 2 when the config itself is wrong. Environment overrides (KIOSK__DEVICES_...)
apply as for the kiosk.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from devices.diagnose import format_results, run_diagnosis
from devices.registry import build_devices
from kiosk.config import load_config
from kiosk.errors import ConfigError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devices")
    commands = parser.add_subparsers(dest="command", required=True)
    diagnose = commands.add_parser("diagnose", help="check every configured device")
    diagnose.add_argument("config", nargs="?", type=Path, help="kiosk TOML config")
    diagnose.add_argument(
        "--card-wait", type=float, default=10.0, help="seconds to wait for a card"
    )
    diagnose.add_argument("--no-print", action="store_true", help="do not print a test page")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        config = load_config(args.config)
    except ConfigError as exc:
        print(f"[故障] 配置文件有误：{exc.detail}")
        return 2
    print(
        f"设备自检（配置：{args.config or '仅环境变量'}）；请在 {args.card_wait:.0f} 秒内放一张卡。"
    )
    sys.stdout.flush()
    devices = build_devices(config.devices)
    try:
        results = run_diagnosis(devices, card_wait_s=args.card_wait, print_page=not args.no_print)
    finally:
        devices.close()
    print(format_results(results))
    failed = [r.title for r in results if not r.ok]
    notes = [r for r in results if r.ok and r.fix]
    if failed:
        print(f"结论：{'、'.join(failed)}需要处理。")
    elif notes:
        print(f"结论：全部设备可用，{len(notes)} 项需要注意。")
    else:
        print("结论：全部设备正常。")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
