#!/usr/bin/env bash
# Builds the widget and serves the demo host page on http://localhost:${PORT:-8080}/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
setup_rust
setup_node
build_release
PORT="${PORT:-8080}"
say "serving $ROOT/dist on http://localhost:$PORT/ (Ctrl-C stops)"
exec node "$ROOT/scripts/static-server.mjs" --dir "$ROOT/dist" --port "$PORT"
