#!/usr/bin/env bash
# Installs the npm tools that check the API as third-party clients see it (newman, Prism, Redocly,
# openapi-typescript, tsc), once, at pinned versions, into a cache directory (NPM_TOOLS_DIR,
# default ~/.cache/ecommerce-npm-tools), and prints the directory holding their commands.
# Used by .ci/api and ./run.sh smoke.
set -euo pipefail

tools=${NPM_TOOLS_DIR:-$HOME/.cache/ecommerce-npm-tools}
packages=(newman@6.2.2 @stoplight/prism-cli@5.14.2 @redocly/cli@2.77.0 openapi-typescript@7.13.0 typescript@5.9.3)
if [[ "$(cat "$tools/.installed" 2>/dev/null)" != "${packages[*]}" ]]; then
  command -v npm >/dev/null || { echo "npm is needed for the API checks (Node 20 or later)" >&2; exit 1; }
  echo "Installing ${packages[*]} into $tools ..." >&2
  mkdir -p "$tools"
  npm install --no-audit --no-fund --loglevel=error --prefix "$tools" "${packages[@]}" >/dev/null
  echo "${packages[*]}" >"$tools/.installed"
fi
echo "$tools/node_modules/.bin"
