#!/usr/bin/env bash
# Trunk post_build hook: puts the widget at its stable, versioned path
# dist/carepath/v1/ (loader, glue, wasm, iframe page) and adds the
# configurator page. Runs in trunk's staging directory.
set -euo pipefail
stage="${TRUNK_STAGING_DIR:?run by trunk}"
src="${TRUNK_SOURCE_DIR:?run by trunk}"
out="$stage/carepath/v1"
mkdir -p "$out"
mv "$stage/carepath-widget.js" "$stage/carepath-widget_bg.wasm" "$out/"
# The loader, with the stylesheet and the start screen's words built in.
node "$src/embed/build-loader.mjs" "$src" "$out/carepath.js"
cp "$src/embed/frame.html" "$src/embed/frame.js" "$src/embed/frame.css" "$out/"
cp "$src/embed/configurator.html" "$src/embed/configurator.js" "$src/embed/configurator.css" "$stage/"
sed -i '/data-trunk rel="rust"/d' "$stage/index.html"
