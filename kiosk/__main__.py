"""`python -m kiosk [CONFIG.toml]`."""

import sys

from kiosk.app import main

raise SystemExit(main(sys.argv))
