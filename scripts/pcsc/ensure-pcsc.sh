#!/usr/bin/env bash
# Makes the PC/SC stack available on Debian: the pcscd daemon, the headers the optional `pcsclite` npm addon
# compiles against, pcsc-tools (pcsc_scan for diagnosis), and for the card tests the vsmartcard virtual reader driver
# and iproute2 (`ss`, to see vpcd listening without connecting to it).
# Idempotent and silent when everything is in place; prints what it does otherwise. Needs root only to install.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
packages=(pcscd libpcsclite-dev pcsc-tools vsmartcard-vpcd iproute2)

is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing=()
for p in "${packages[@]}"; do
  is_installed "$p" || missing+=("$p")
done

if ((${#missing[@]})); then
  if ! command -v apt-get >/dev/null; then
    echo "ensure-pcsc: thiếu ${missing[*]} và máy không có apt-get; cài các gói PC/SC bằng tay / missing ${missing[*]}, no apt-get" >&2
    exit 1
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-pcsc: cần quyền root để cài ${missing[*]} / root needed to install ${missing[*]}" >&2
    exit 1
  fi
  echo "ensure-pcsc: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  log="$(mktemp)"
  apt_install() { flock /tmp/apt.lock apt-get install -y -q --no-install-recommends "${missing[@]}" >"$log" 2>&1; }
  # Package lists may be absent (fresh image) or stale (404 on a superseded version): refresh, then retry once.
  if ! ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1 || ! apt_install; then
    flock /tmp/apt.lock apt-get update -q >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
    apt_install || { cat "$log" >&2; exit 1; }
  fi
  rm -f "$log"
fi

# The addon is an optional dependency: npm drops it silently when it cannot compile (no libpcsclite-dev at install
# time), so install it when its folder is absent and rebuild it when the folder is there but the binary is not.
if [ -d "$repo/node_modules" ]; then
  addon="$repo/node_modules/pcsclite"
  if [ ! -d "$addon" ]; then
    echo "ensure-pcsc: installing the optional pcsclite addon"
    (cd "$repo" && flock /tmp/npm.lock npm install --no-audit --no-fund --loglevel=error >/dev/null)
  elif ! ls "$addon"/build/Release/*.node >/dev/null 2>&1; then
    echo "ensure-pcsc: rebuilding the pcsclite addon"
    (cd "$repo" && flock /tmp/npm.lock npm rebuild pcsclite --loglevel=error >/dev/null)
  fi
  if ! ls "$addon"/build/Release/*.node >/dev/null 2>&1; then
    echo "ensure-pcsc: the pcsclite addon did not build; card reading is unavailable / pcsclite addon missing" >&2
    exit 1
  fi
fi
