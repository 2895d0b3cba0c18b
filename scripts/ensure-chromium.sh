#!/usr/bin/env bash
# Makes Debian's Chromium available for the Playwright end-to-end tests (Playwright never downloads browsers here).
# Idempotent and silent when /usr/bin/chromium exists; needs root only to install.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "ensure-chromium: thiếu /usr/bin/chromium và máy không có apt-get; hãy cài Chromium bằng tay / chromium missing, no apt-get" >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-chromium: cần quyền root để cài chromium / root needed to install chromium" >&2
  exit 1
fi
echo "ensure-chromium: installing chromium"
export DEBIAN_FRONTEND=noninteractive
log="$(mktemp)"
install() { flock /tmp/apt.lock apt-get install -y -q chromium >"$log" 2>&1; }
# Package lists may be absent (fresh image) or stale (404 on a superseded version): refresh, then retry once.
if ! ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1 || ! install; then
  flock /tmp/apt.lock apt-get update -q >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
  install || { cat "$log" >&2; exit 1; }
fi
rm -f "$log"
[ -x /usr/bin/chromium ] || { echo "ensure-chromium: chromium did not install" >&2; exit 1; }
