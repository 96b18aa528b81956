#!/usr/bin/env bash
# Makes sure a headless browser is there for the report's browser test: Debian's chromium and its
# chromedriver. Installs them when missing, where we are root with apt-get (the lab's CI machines);
# elsewhere it only says what is missing (the test then skips, except under CI=true, where it fails).
set -u
log() { echo "[ensure-browser] $*" >&2; }

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  log "chromium and chromedriver are missing; install them (Debian/Ubuntu: apt-get install chromium chromium-driver)"
  log "to run the report's browser test."
  exit 0
fi
log "Installing chromium and chromium-driver from the distribution's packages ..."
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq chromium chromium-driver >/dev/null 2>&1 \
  || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq chromium chromium-driver >/dev/null 2>&1; } \
  || log "could not install chromium chromium-driver; the report's browser test cannot run here"
exit 0
