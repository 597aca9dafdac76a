#!/usr/bin/env bash
# Installs the Debian packages the kiosk, its emulators and its tests need. Idempotent:
# when everything is already present it returns in well under a second without touching apt.
set -euo pipefail

PACKAGES=(
  # Python toolchain for the venv (pyscard builds from source against pcsc-lite)
  python3 python3-venv python3-dev build-essential swig
  # PC/SC daemon, the virtual reader driver the card emulator plugs into, headers for pyscard
  pcscd vsmartcard-vpcd libpcsclite-dev
  # CJK and Uyghur-capable fonts (WenQuanYi Micro Hei is the smallest CJK font; DejaVu covers Arabic script)
  fonts-wqy-microhei fonts-dejavu-core fontconfig
  # The xcb libraries Qt's xcb plugin needs on a bare Debian (libxcb-keysyms1 is the one usually missing)
  libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libxkbcommon0 libxcb-icccm4 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xkb1 libxcb-xfixes0
  libgl1 libegl1 libfontconfig1 libdbus-1-3 libglib2.0-0
  # A virtual X server for screenshots, and speech synthesis for voice prompts
  xvfb xauth espeak-ng
  # OCR with the Simplified Chinese model: measures the legibility of compressed document pages
  tesseract-ocr tesseract-ocr-chi-sim
  # libusb for pyusb: USB receipt printers through python-escpos
  libusb-1.0-0
  # Headless Chromium for the fleet page's browser tests (driven by Playwright's bundled driver)
  chromium
  # The kiosk session's compositor, tested headless (cage needs Xwayland; Qt's wayland plugin
  # needs libwayland-cursor0); systemd-analyze checks the unit files
  cage xwayland libwayland-cursor0 systemd
)

# vpcd (the virtual card reader the tests use) listens on TCP 35963/35964, inside Linux's
# ephemeral port range: on a busy machine an outgoing connection can take one of them and
# pcscd then starts without the virtual readers. Reserve them (test and dev machines only:
# vsmartcard-vpcd never goes on a kiosk).
reserve_vpcd_ports() {
  local now
  now=$(cat /proc/sys/net/ipv4/ip_local_reserved_ports 2>/dev/null || echo "")
  if [[ ",$now," != *",35963-35964,"* && "$(id -u)" -eq 0 ]]; then
    sysctl -q -w "net.ipv4.ip_local_reserved_ports=${now:+$now,}35963-35964" || true
  fi
}
reserve_vpcd_ports

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${missing[*]}" >&2
  echo "Run 'make setup' as root once, or: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi

echo "Installing Debian packages: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
