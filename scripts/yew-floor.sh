#!/usr/bin/env bash
# Builds bench/yew-floor (a yew counter) the way the widget is built (same
# profile, allocator, wasm-bindgen, wasm-opt -Oz, esbuild) and prints its
# gzip -9 sizes: the part of the widget's size that is yew itself.
#   ./scripts/yew-floor.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
setup_rust
setup_node
wasm_env
cd "$ROOT/bench/yew-floor"
cp "$ROOT/Cargo.lock" Cargo.lock   # the widget's versions of yew and its crates
cargo build --release --offline --target wasm32-unknown-unknown --target-dir target >/dev/null
out="$(mktemp -d)"
wasm-bindgen --target web --out-dir "$out" target/wasm32-unknown-unknown/release/yew-floor.wasm
"$ROOT/node_modules/.bin/wasm-opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-reference-types --enable-sign-ext --enable-mutable-globals \
  "$out/yew-floor_bg.wasm" -o "$out/yew-floor_bg.wasm"
"$ROOT/node_modules/.bin/esbuild" "$out/yew-floor.js" --minify --format=esm --log-level=warning \
  --allow-overwrite --outfile="$out/yew-floor.js"
total=0
for f in yew-floor_bg.wasm yew-floor.js; do
  gz=$(gzip -9 -c "$out/$f" | wc -c)
  total=$((total + gz))
  printf '%-22s %8d bytes %8d gzip -9\n' "$f" "$(wc -c <"$out/$f")" "$gz"
done
printf '%-22s %8s       %8d gzip -9\n' "yew counter, total" "" "$total"
rm -rf "$out"
