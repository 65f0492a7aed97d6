#!/usr/bin/env bash
# Trunk post_build hook: lays the widget out as a release is served. Runs
# in trunk's staging directory.
# - dist/carepath/<version>/: the loader, glue, wasm, the iframe page and
#   its host-side helper; immutable (cache them for a year), so an old
#   cached loader never meets a new wasm. The loader carries the wasm's
#   integrity hash; integrity.json has every file's.
# - dist/carepath/v<major>/ (v2 for 2.x): the evergreen loader for those
#   who want updates within one major version (a re-export of the current
#   version; cache it briefly) and the iframe page beside it. A major
#   version is one assessment contract: an evergreen folder never changes
#   the clinical rules a center signed off. A new contract is a new major
#   release with a folder of its own; this build never writes another
#   major's folder (centers keep theirs as it was).
# - dist/carepath/<version>/staff/: the page for a center's staff (read a
#   visitor's code, the question bank and decision table), its own wasm
#   (bin carepath-staff), so the visitor's widget never carries it.
# - dist/configurator.html, with the version, the evergreen folder and the
#   loader's hash.
set -euo pipefail
stage="${TRUNK_STAGING_DIR:?run by trunk}"
src="${TRUNK_SOURCE_DIR:?run by trunk}"
version="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$src/Cargo.toml" | head -1)"
major="${version%%.*}"
out="$stage/carepath/$version"
evergreen="$stage/carepath/v$major"
mkdir -p "$out" "$evergreen"
# (embed/build.mjs bundles the glue into the loader.)
mv "$stage/carepath-widget.js" "$stage/carepath-widget_bg.wasm" "$out/"
# The staff page: its own build of the same crate (the library is already
# compiled; this links and optimizes the second binary), bound and
# optimized as trunk does the widget.
staff="$out/staff"
mkdir -p "$staff"
(cd "$src" && cargo build --quiet --locked --offline --release --target wasm32-unknown-unknown --bin carepath-staff)
target_dir="${CARGO_TARGET_DIR:-$src/target}"
wasm-bindgen --target web --no-typescript --out-dir "$staff" "$target_dir/wasm32-unknown-unknown/release/carepath-staff.wasm"
"$src/node_modules/.bin/wasm-opt" -Oz "$staff/carepath-staff_bg.wasm" -o "$staff/carepath-staff_bg.wasm"
# Every build fact, in one step (embed/build.mjs): the loader bundled from
# embed/loader/ with the first screens and transitions from the widget's
# Rust (`carepath shell`), its stylesheet and the wasm's hash; the glue
# minified; the element's schema (`carepath schema`: attributes, methods,
# events, declared in Rust) shipped as schema.json and written into the
# frame's allowed options and the configurator's form; the staff page's
# hash; files.json (what ships) and integrity.json.
(cd "$src" && cargo run --quiet --locked --bin carepath -- shell) >"$stage/shell.json"
(cd "$src" && cargo run --quiet --locked --bin carepath -- schema) >"$out/schema.json"
(cd "$src" && cargo run --quiet --locked --bin carepath -- html --templates) >"$out/declared.json"
node "$src/embed/build.mjs" "$src" "$stage" "$stage/shell.json" "$out/schema.json"
rm "$stage/shell.json"
sed -i '/data-trunk rel="rust"/d' "$stage/index.html"
