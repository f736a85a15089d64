#!/usr/bin/env bash
# Installs the pinned Node tools (package-lock.json) into tools/modeler/node_modules, only when they are
# missing or the lock file changed since the last install. Safe to call from every test and from CI.
# Exit: 0 ready, 1 npm failed, 3 node/npm missing or too old.
set -euo pipefail
cd "$(dirname "$0")"

for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "tools/modeler/install.sh: '$tool' not found on PATH; install Node.js 20.12+ (Debian: apt-get install nodejs npm)" >&2
    exit 3
  fi
done
# dmn-moddle needs 20.12; compare as numbers so 20.9 < 20.12.
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=12)?0:1)'; then
  echo "tools/modeler/install.sh: Node.js $(node --version) is too old; need 20.12 or newer" >&2
  exit 3
fi

stamp=node_modules/.installed-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)

install() {
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  echo "tools/modeler/install.sh: npm ci (lock file changed or node_modules missing)" >&2
  # No browser downloads: rendering uses the system Chromium.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >&2
  echo "$want" > "$stamp"
}

# Tests in parallel JVMs or CI steps may call this at the same time; npm ci deletes node_modules first.
if command -v flock >/dev/null 2>&1; then
  exec 9>.install.lock
  flock 9
fi
install
