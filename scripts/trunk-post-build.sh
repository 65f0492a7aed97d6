#!/usr/bin/env bash
# Trunk post_build hook: puts the widget at its stable, versioned path
# dist/carepath/v1/ (loader, glue, wasm, the iframe page and its host-side
# helper) and adds the configurator page. Runs in trunk's staging directory.
set -euo pipefail
stage="${TRUNK_STAGING_DIR:?run by trunk}"
src="${TRUNK_SOURCE_DIR:?run by trunk}"
out="$stage/carepath/v1"
mkdir -p "$out"
mv "$stage/carepath-widget.js" "$stage/carepath-widget_bg.wasm" "$out/"
# The loader, with the stylesheet and the first screens built in (their
# trees and transitions from the widget's Rust: `carepath shell`).
(cd "$src" && cargo run --quiet --locked --bin carepath -- shell) >"$stage/shell.json"
node "$src/embed/build-loader.mjs" "$src" "$stage/shell.json" "$out/carepath.js"
rm "$stage/shell.json"
# Both scripts minified (npm esbuild, pinned in package.json).
minify() {
  "$src/node_modules/.bin/esbuild" "$out/$1" --minify --format=esm --log-level=warning \
    --allow-overwrite --outfile="$out/$1" "--banner:js=// $2"
}
minify carepath.js "Carepath embed loader (minified; source: embed/carepath.js)"
minify carepath-widget.js "Carepath widget glue (wasm-bindgen, minified)"
cp "$src/embed/frame.html" "$src/embed/frame.js" "$src/embed/frame.css" "$src/embed/frame-host.js" "$out/"
cp "$src/embed/configurator.html" "$src/embed/configurator.js" "$src/embed/configurator.css" "$stage/"
sed -i '/data-trunk rel="rust"/d' "$stage/index.html"
