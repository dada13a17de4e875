#!/usr/bin/env bash
# Debian's chromium for the browser tests (Playwright's own browser download is not reachable here).
# `scripts/chromium.sh ensure` installs it on first use with apt-get and prints its path.
set -euo pipefail

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else echo "chromium.sh: need root or sudo to install chromium" >&2; return 1; fi
}

case "${1:-ensure}" in
  ensure)
    if ! command -v chromium >/dev/null; then
      as_root apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2
    fi
    command -v chromium
    ;;
  *) echo "usage: scripts/chromium.sh ensure" >&2; exit 2 ;;
esac
