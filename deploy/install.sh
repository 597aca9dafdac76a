#!/usr/bin/env bash
# Installs the kiosk on a bare Debian 12 terminal (as root). Idempotent; re-run to upgrade the
# unit files. Application updates after this arrive signed, through the platform.
#
#   deploy/install.sh --archive kiosk-0.1.0.tar.gz --release-keys release-keys \
#                     --platform https://gateway.example.gov.cn --enrolment-code ABCD-EFGH
#
# --dest DIR installs under DIR instead of / and skips apt, users, chown, udev, grub and
# systemctl (for tests and for building an image).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
DEST=""
ARCHIVE=""
KEYS=""
PLATFORM=""
CODE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --archive) ARCHIVE="$2"; shift 2 ;;
    --release-keys) KEYS="$2"; shift 2 ;;
    --platform) PLATFORM="$2"; shift 2 ;;
    --enrolment-code) CODE="$2"; shift 2 ;;
    --dest) DEST="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$ARCHIVE" ] && [ -n "$KEYS" ] || { echo "--archive and --release-keys are required" >&2; exit 2; }
REAL=$([ -z "$DEST" ] && echo yes || echo no)
run() { if [ "$REAL" = yes ]; then "$@"; fi; }

# 1. Debian packages: the compositor, fonts, PC/SC with the CCID driver, GL/xkb for Qt.
run apt-get update -qq
run env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  cage xwayland libwayland-cursor0 libxkbcommon0 libgl1 libegl1 libfontconfig1 fontconfig \
  fonts-wqy-microhei fonts-dejavu-core dbus pcscd libccid libpcsclite1 libusb-1.0-0 \
  espeak-ng util-linux

# 2. The unprivileged kiosk user: no shell, no password; devices through its groups.
if [ "$REAL" = yes ] && ! id kiosk >/dev/null 2>&1; then
  adduser --system --group --home /var/lib/kiosk --no-create-home --shell /usr/sbin/nologin kiosk
fi
run usermod -a -G video,input,render,dialout,lp,audio kiosk

# 3. Folders and permissions: the data dir is the kiosk's alone; config readable by it;
#    release keys and the application are root's (the kiosk can run them, not change them).
install -d -m 0755 "$DEST/opt/kiosk/releases" "$DEST/etc/kiosk"
install -d -m 0700 "$DEST/var/lib/kiosk" "$DEST/var/lib/kiosk/updates" "$DEST/var/lib/kiosk/logs"
run chown -R kiosk:kiosk /var/lib/kiosk
install -m 0644 "$KEYS" "$DEST/etc/kiosk/release-keys"
if [ ! -f "$DEST/etc/kiosk/kiosk.toml" ]; then
  install -m 0640 "$HERE/etc/kiosk.toml" "$DEST/etc/kiosk/kiosk.toml"
  [ -n "$PLATFORM" ] && sed -i "s#^base_url = .*#base_url = \"$PLATFORM\"#" "$DEST/etc/kiosk/kiosk.toml"
  [ -n "$CODE" ] && sed -i "s#^enrolment_code = \"\"#enrolment_code = \"$CODE\"#" "$DEST/etc/kiosk/kiosk.toml"
fi
run chown root:kiosk /etc/kiosk/kiosk.toml

# 4. The application: extracted once, then current and stable point at it.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
tar -xzf "$ARCHIVE" -C "$tmp"
VERSION="$("$tmp/kiosk/kiosk" --version)"
if [ ! -d "$DEST/opt/kiosk/releases/$VERSION" ]; then
  mv "$tmp/kiosk" "$DEST/opt/kiosk/releases/$VERSION"
fi
chmod -R go-w "$DEST/opt/kiosk/releases/$VERSION"
[ -e "$DEST/opt/kiosk/current" ] || ln -sfn "releases/$VERSION" "$DEST/opt/kiosk/current"
[ -e "$DEST/opt/kiosk/stable" ] || ln -sfn "releases/$VERSION" "$DEST/opt/kiosk/stable"
install -d -m 0755 "$DEST/opt/kiosk/docs"
[ -f "$HERE/../docs/deployment.md" ] && install -m 0644 "$HERE/../docs/deployment.md" "$DEST/opt/kiosk/docs/"

# 5. systemd units, the pcscd drop-in, PAM, logind/journald/sysctl/manager settings, udev.
install -d -m 0755 "$DEST/etc/systemd/system/pcscd.service.d" "$DEST/etc/pam.d" \
  "$DEST/etc/systemd/logind.conf.d" "$DEST/etc/systemd/journald.conf.d" \
  "$DEST/etc/systemd/system.conf.d" "$DEST/etc/sysctl.d" "$DEST/etc/udev/rules.d"
for unit in "$HERE"/systemd/*.service "$HERE"/systemd/*.timer "$HERE"/systemd/*.path; do
  install -m 0644 "$unit" "$DEST/etc/systemd/system/"
done
install -m 0644 "$HERE/systemd/pcscd.service.d/kiosk.conf" "$DEST/etc/systemd/system/pcscd.service.d/"
install -m 0644 "$HERE/pam.d/kiosk-session" "$DEST/etc/pam.d/kiosk-session"
install -m 0644 "$HERE/etc/logind-kiosk.conf" "$DEST/etc/systemd/logind.conf.d/kiosk.conf"
install -m 0644 "$HERE/etc/journald-kiosk.conf" "$DEST/etc/systemd/journald.conf.d/kiosk.conf"
install -m 0644 "$HERE/etc/system-kiosk.conf" "$DEST/etc/systemd/system.conf.d/kiosk.conf"
install -m 0644 "$HERE/etc/sysctl-kiosk.conf" "$DEST/etc/sysctl.d/90-kiosk.conf"
install -m 0644 "$HERE/udev/90-kiosk-devices.rules" "$DEST/etc/udev/rules.d/"

# 6. Boot straight into the kiosk: no boot menu, quiet console, no getty on tty1 or elsewhere,
#    Ctrl+Alt+Del does nothing; the kiosk session, sync, pcscd and the timers start at boot.
if [ "$REAL" = yes ]; then
  if [ -f /etc/default/grub ]; then
    sed -i 's/^GRUB_TIMEOUT=.*/GRUB_TIMEOUT=0/' /etc/default/grub
    sed -i 's/^GRUB_CMDLINE_LINUX_DEFAULT=.*/GRUB_CMDLINE_LINUX_DEFAULT="quiet loglevel=3 vt.global_cursor_default=0 consoleblank=0"/' /etc/default/grub
    update-grub || true
  fi
  udevadm control --reload-rules || true
  sysctl --system >/dev/null || true
  systemctl daemon-reload
  systemctl mask ctrl-alt-del.target getty@tty1.service autovt@.service
  systemctl set-default graphical.target
  systemctl enable pcscd.socket kiosk-sync.service kiosk-session.service \
    kiosk-disk-guard.timer kiosk-update-fetch.timer kiosk-update-check.timer \
    kiosk-update-apply.path kiosk-maintenance.path
  echo "Installed kiosk $VERSION. Reboot to start the kiosk session."
else
  echo "Installed kiosk $VERSION under $DEST (no system changes)."
fi
