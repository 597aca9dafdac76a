"""`python -m kiosk [CONFIG.toml]`, or a verb: see kiosk/cli.py."""

import sys

from kiosk.cli import main

raise SystemExit(main(sys.argv))
