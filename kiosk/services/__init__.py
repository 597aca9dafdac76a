"""Use cases: one module each, talking to the world only through kiosk.ports."""
