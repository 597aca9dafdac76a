"""Notices when the OS's network interfaces or routes change, by polling /sys and /proc.

A change only makes the sync service probe the platform sooner; it is never taken to mean
"online" (a VPN, a captive portal or the government extranet all look like a working link).
Polling a few small files every couple of seconds is cheaper to get right than a netlink
socket and works the same inside containers and on every kernel.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

_IFACE_FILES = ("operstate", "carrier", "address")
_ROUTE_FILES = ("proc/net/route", "proc/net/ipv6_route")


class LinkWatcher:
    def __init__(self, root: Path = Path("/")) -> None:
        self.root = root
        self._last = self.fingerprint()

    def fingerprint(self) -> str:
        digest = hashlib.sha256()
        net = self.root / "sys/class/net"
        try:
            interfaces = sorted(p.name for p in net.iterdir())
        except OSError:
            interfaces = []
        for name in interfaces:
            digest.update(name.encode() + b"\0")
            for leaf in _IFACE_FILES:
                try:  # carrier cannot be read while an interface is down (EINVAL)
                    digest.update((net / name / leaf).read_bytes())
                except OSError:
                    digest.update(b"-")
        for table in _ROUTE_FILES:
            try:
                digest.update((self.root / table).read_bytes())
            except OSError:
                digest.update(b"-")
        return digest.hexdigest()

    def changed(self) -> bool:
        """True once per change since the last call. Thread: the sync service's."""
        now = self.fingerprint()
        changed, self._last = now != self._last, now
        return changed
