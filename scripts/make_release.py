"""Package a built bundle as a signed release (run by the release team, with the release key
kept offline):

    python -m scripts.make_release --key release.key --out out/ dist/kiosk
    python -m scripts.make_release --new-key release.key   # once: prints the public key line
                                                           # for /etc/kiosk/release-keys

Writes out/kiosk-<version>.tar.gz and out/kiosk-<version>.manifest.json (signed); the version
is the bundle's own (`dist/kiosk/kiosk --version`). Then on the platform:
    python -m central publish-release --data-dir D out/kiosk-V.manifest.json out/kiosk-V.tar.gz
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import tarfile
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.contract.releases import Manifest, parse_version, sign_manifest
from kiosk.contract.signing import b64


def build_release(bundle: Path, version: str, key: Ed25519PrivateKey, out: Path) -> Path:
    """The archive (one top-level `kiosk/` folder) and its signed manifest; returns the manifest."""
    parse_version(version)
    out.mkdir(parents=True, exist_ok=True)
    archive = out / f"kiosk-{version}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname="kiosk")
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    manifest = Manifest(version, archive.name, archive.stat().st_size, digest)
    path = out / f"kiosk-{version}.manifest.json"
    path.write_text(json.dumps(sign_manifest(key, manifest), indent=1), encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(prog="make_release")
    parser.add_argument("bundle", type=Path, nargs="?")
    parser.add_argument("--key", type=Path)
    parser.add_argument("--out", type=Path, default=Path("out"))
    parser.add_argument("--version", help="default: ask the bundle itself")
    parser.add_argument("--new-key", type=Path, help="make a release key (0600) and exit")
    args = parser.parse_args()
    if args.new_key:
        key = Ed25519PrivateKey.generate()
        fd = os.open(args.new_key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(key.private_bytes_raw())
        print(b64(key.public_key().public_bytes_raw()))
        return 0
    if args.bundle is None or args.key is None:
        parser.error("a bundle and --key are needed")
    version = (
        args.version
        or subprocess.run(
            [str(args.bundle / "kiosk"), "--version"], check=True, capture_output=True, text=True
        ).stdout.strip()
    )
    key = Ed25519PrivateKey.from_private_bytes(args.key.read_bytes())
    print(build_release(args.bundle, version, key, args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
