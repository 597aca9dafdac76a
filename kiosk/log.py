"""Structured, rotating logs that never hold personal data.

By construction, log calls pass no personal data (Identity's repr is masked). As a last line
of defence, a filter scrubs anything shaped like an ID number or a mobile number from every
message, argument and traceback before it is written.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from kiosk.config import LoggingConfig

_ID = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)|(?<!\d)\d{15}(?!\d)")
_MOBILE = re.compile(r"(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)")


def scrub(text: str) -> str:
    return _MOBILE.sub("[phone]", _ID.sub("[id]", text))


class JsonLinesFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "t": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "msg": scrub(record.getMessage()),
        }
        if record.exc_info:
            entry["exc"] = scrub(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)


def setup_logging(cfg: LoggingConfig) -> Path:
    """Call once, from the composition root. Returns the log file's path."""
    cfg.dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = cfg.dir / "kiosk.log"
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    formatter = JsonLinesFormatter()
    for handler in (
        RotatingFileHandler(
            path, maxBytes=cfg.max_bytes, backupCount=cfg.backups, encoding="utf-8"
        ),
        logging.StreamHandler(sys.stderr),
    ):
        handler.setFormatter(formatter)
        root.addHandler(handler)
    root.setLevel(cfg.level)
    return path
