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
mv "$stage/carepath-widget.js" "$stage/carepath-widget_bg.wasm" "$out/"
sri() { echo "sha384-$(openssl dgst -sha384 -binary "$1" | openssl base64 -A)"; }
# The loader, with the stylesheet and the first screens built in (their
# trees and transitions from the widget's Rust: `carepath shell`) and the
# wasm's hash.
(cd "$src" && cargo run --quiet --locked --bin carepath -- shell) >"$stage/shell.json"
node "$src/embed/build-loader.mjs" "$src" "$stage/shell.json" "$out/carepath.js" "$version" "$(sri "$out/carepath-widget_bg.wasm")"
rm "$stage/shell.json"
# Both scripts minified (npm esbuild, pinned in package.json).
minify() {
  "$src/node_modules/.bin/esbuild" "$out/$1" --minify --format=esm --log-level=warning \
    --allow-overwrite --outfile="$out/$1" "--banner:js=// $2"
}
minify carepath.js "Carepath embed loader $version (minified; source: embed/carepath.js)"
minify carepath-widget.js "Carepath widget glue $version (wasm-bindgen, minified)"
# The element's schema (attributes, methods, events; declared in Rust):
# for install tools, the package's types and the WordPress plugin.
(cd "$src" && cargo run --quiet --locked --bin carepath -- schema) >"$out/schema.json"
cp "$src/embed/frame.html" "$src/embed/frame.js" "$src/embed/frame.css" "$src/embed/frame-host.js" "$out/"
# The frame's allowed options, from the schema (not its own copy by hand).
allowed="$(node -e '
const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).attributes;
const own = ["files", "shadow"];
console.log(JSON.stringify({
  text: s.filter((a) => a.kind !== "flag" && !own.includes(a.name)).map((a) => a.name),
  flags: s.filter((a) => a.kind === "flag").map((a) => a.name),
  locales: s.find((a) => a.name === "locale").values,
}));' "$out/schema.json")"
grep -q '^const ALLOWED = null;$' "$out/frame.js" || { echo "embed/frame.js lacks 'const ALLOWED = null;'" >&2; exit 1; }
sed -i "s|^const ALLOWED = null;$|const ALLOWED = $allowed;|" "$out/frame.js"
cp "$out/frame.html" "$out/frame.js" "$out/frame.css" "$out/frame-host.js" "$evergreen/"
printf '// Carepath embed loader, evergreen: the current %s.x release (%s); never another major version (another assessment contract).\nexport * from "../%s/carepath.js";\n' "$major" "$version" "$version" >"$evergreen/carepath.js"
# The staff page: its own build of the same crate (the library is already
# compiled; this links and optimizes the second binary), bound and
# optimized as trunk does the widget.
staff="$out/staff"
mkdir -p "$staff"
(cd "$src" && cargo build --quiet --locked --offline --release --target wasm32-unknown-unknown --bin carepath-staff)
target_dir="${CARGO_TARGET_DIR:-$src/target}"
wasm-bindgen --target web --no-typescript --out-dir "$staff" "$target_dir/wasm32-unknown-unknown/release/carepath-staff.wasm"
"$src/node_modules/.bin/wasm-opt" -Oz "$staff/carepath-staff_bg.wasm" -o "$staff/carepath-staff_bg.wasm"
"$src/node_modules/.bin/esbuild" "$staff/carepath-staff.js" --minify --format=esm --log-level=warning \
  --allow-overwrite --outfile="$staff/carepath-staff.js" "--banner:js=// Carepath staff page glue $version (wasm-bindgen, minified)"
cp "$src/embed/staff/index.html" "$src/styles/staff.css" "$staff/"
sed "s|@WASM_INTEGRITY@|$(sri "$staff/carepath-staff_bg.wasm")|" "$src/embed/staff/staff.js" >"$staff/staff.js"
{
  printf '{\n  "version": "%s"' "$version"
  for f in carepath.js carepath-widget.js carepath-widget_bg.wasm staff/staff.js staff/carepath-staff.js staff/carepath-staff_bg.wasm; do
    printf ',\n  "%s": "%s"' "$f" "$(sri "$out/$f")"
  done
  printf '\n}\n'
} >"$out/integrity.json"
cp "$src/embed/configurator.html" "$src/embed/configurator.js" "$src/embed/configurator.css" "$stage/"
sed -i "s|const RELEASE = null;|const RELEASE = $(tr -d '\n' <"$out/integrity.json");|" "$stage/configurator.js"
sed -i "s|@MAJOR@|$major|g" "$stage/configurator.html" "$stage/configurator.js"
theme_defaults="$(node -e '
const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).attributes;
console.log(JSON.stringify(Object.fromEntries(s.filter((a) => a.css).map((a) => [a.name, a.default]))));' "$out/schema.json")"
grep -q '^const THEME_DEFAULTS = null;$' "$stage/configurator.js" || { echo "embed/configurator.js lacks 'const THEME_DEFAULTS = null;'" >&2; exit 1; }
sed -i "s|^const THEME_DEFAULTS = null;$|const THEME_DEFAULTS = $theme_defaults;|" "$stage/configurator.js"
sed -i '/data-trunk rel="rust"/d' "$stage/index.html"
