#!/usr/bin/env bash
# Browser end-to-end tests: Playwright drives Debian's Chromium against the real backend jar (started by the tests on
# a free port with a fresh data folder). Chromium is installed with apt-get when running as root; otherwise a missing
# Chromium is an error, never a silent skip.
set -euo pipefail
cd "$(dirname "$0")/.."
CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM_PATH" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium for the browser tests (apt-get install chromium)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  else
    echo "The browser tests need Chromium at $CHROMIUM_PATH and it is missing." >&2
    echo "Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or point CHROMIUM_PATH at a Chromium binary." >&2
    exit 1
  fi
fi
export CHROMIUM_PATH
source scripts/jdk.sh
[ -d models/node_modules ] || (cd models && npm ci --no-audit --no-fund --prefer-offline)
[ -d frontend/node_modules ] || (cd frontend && npm ci --no-audit --no-fund --prefer-offline)
if ! ls backend/target/rollcall-*.jar >/dev/null 2>&1; then
  mvn -B -f backend/pom.xml -DskipTests package
fi
cd frontend
npm test --silent
exec npx playwright test "$@"
