#!/usr/bin/env bash
# Installs Debian's Chromium for the end-to-end tests (the e2e suite drives it with
# playwright-core; no browser is downloaded). Does nothing when /usr/bin/chromium exists.
# Needs root (CI and the dev machines run as root) or sudo.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
	echo "chromium is installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
	exit 0
fi

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

echo "installing Debian's chromium (apt-get update, apt-get install chromium)..."
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium >/dev/null
echo "chromium is installed: $(/usr/bin/chromium --version)"
