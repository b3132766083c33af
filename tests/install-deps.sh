#!/usr/bin/env bash
# Installs the Debian packages Dermis needs, skipping those already present.
#   bash tests/install-deps.sh          build dependencies (libheif is compiled against them)
#   bash tests/install-deps.sh --test   also what the test suite drives (Chromium, ChromeDriver)
set -euo pipefail
cd "$(dirname "$0")/.."
lists=(tests/apt-packages.txt)
[ "${1:-}" = "--test" ] && lists+=(tests/apt-test-packages.txt)
need=()
for pkg in $(cat "${lists[@]}"); do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
