#!/usr/bin/env bash
# Step 1 of action.yml: installs the pinned briefcheck npm package into the runner's temporary
# folder (it has no dependencies, so this is one download) and says where its command is.
set -euo pipefail

if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' 2>/dev/null; then
  echo "::error title=briefcheck::briefcheck needs Node.js 20 or newer; add actions/setup-node before this action."
  exit 1
fi
prefix="${RUNNER_TEMP:?RUNNER_TEMP is not set}/briefcheck-action"
mkdir -p "$prefix"
npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error "${BRIEFCHECK_PACKAGE:?}"
bin="$prefix/node_modules/.bin/briefcheck"
[[ -x "$bin" ]] || { echo "::error title=briefcheck::$BRIEFCHECK_PACKAGE installed no briefcheck command"; exit 1; }
echo "bin=$bin" >>"$GITHUB_OUTPUT"
echo "briefcheck $("$bin" --version) from $BRIEFCHECK_PACKAGE"
