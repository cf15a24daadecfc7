#!/bin/sh
# Makes sure a Chromium for the browser tests is installed: Debian's package, at
# /usr/bin/chromium (or $CHROMIUM_PATH). Installs it with apt-get when it is missing and this
# runs as root; otherwise explains what to install and fails.
set -eu

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-chromium: $chromium is missing. Install it with: sudo apt-get install -y chromium" >&2
  echo "  (or set CHROMIUM_PATH to another Chromium or Chrome binary)." >&2
  exit 1
fi

echo "ensure-chromium: installing Chromium with apt-get..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium fonts-dejavu-core fonts-liberation >/dev/null
if [ ! -x "$chromium" ]; then
  echo "ensure-chromium: apt-get finished but $chromium is still missing." >&2
  exit 1
fi
echo "ensure-chromium: $("$chromium" --version 2>/dev/null || echo chromium) installed." >&2
