#!/usr/bin/env bash
# Checks the release build in dist/: no machine paths leak into it, and a
# second clean build of the crate gives the same bytes.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
fail() { echo "check-dist: $*" >&2; exit 1; }

[ -f dist/index.html ] || fail "dist/index.html is missing; run the build first"
version="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)"
# The evergreen folder of this major version (one assessment contract).
evergreen="v${version%%.*}"
for f in carepath.js carepath-widget.js carepath-widget_bg.wasm frame.html frame.js frame.css frame-host.js integrity.json schema.json; do
  [ -f "dist/carepath/$version/$f" ] || fail "dist/carepath/$version/$f is missing"
done
for f in index.html staff.js staff.css carepath-staff.js carepath-staff_bg.wasm; do
  [ -f "dist/carepath/$version/staff/$f" ] || fail "dist/carepath/$version/staff/$f (the staff page) is missing"
done
grep -q "@WASM_INTEGRITY@" "dist/carepath/$version/staff/staff.js" && fail "the staff page's wasm hash was not filled in"
for f in carepath.js frame.html frame.js frame.css frame-host.js; do
  [ -f "dist/carepath/$evergreen/$f" ] || fail "dist/carepath/$evergreen/$f (evergreen) is missing"
done
grep -q "Carepath embed loader $version" "dist/carepath/$version/carepath.js" || fail "dist/carepath/$version/carepath.js is not the embed loader"
grep -q "\"../$version/carepath.js\"" "dist/carepath/$evergreen/carepath.js" || fail "dist/carepath/$evergreen/carepath.js does not load $version"
# Only this major's evergreen folder: another (an older contract's) is never built or changed.
for d in dist/carepath/v*/; do
  [ "$d" = "dist/carepath/$evergreen/" ] || fail "$d is another major version's evergreen folder; a release writes only carepath/$evergreen/"
done
# The demo page and the configurator load this major's evergreen loader.
grep -q "carepath/$evergreen/carepath.js" dist/index.html || fail "dist/index.html does not load carepath/$evergreen/carepath.js"
[ -f dist/configurator.html ] || fail "dist/configurator.html is missing"
grep -q "carepath/$evergreen/carepath.js" dist/configurator.html || fail "dist/configurator.html does not load carepath/$evergreen/carepath.js"
grep -q "@MAJOR@" dist/configurator.html dist/configurator.js && fail "the configurator's major version was not filled in"
echo "the widget is at dist/carepath/$version/ (immutable) and dist/carepath/$evergreen/ (evergreen)"

for needle in "$ROOT" "${CARGO_HOME:-$HOME/.cargo}" "/root/" "/home/"; do
  if grep -rqF -- "$needle" dist; then
    fail "dist/ contains the machine path $needle (see the --remap-path-prefix flags in scripts/lib.sh)"
  fi
done
echo "no machine paths in dist/"

before="$(cd dist && find . -type f -print0 | sort -z | xargs -0 sha256sum)"
cargo clean --release --target wasm32-unknown-unknown -p carepath >/dev/null 2>&1
rm -rf dist
build_release >/dev/null 2>&1
after="$(cd dist && find . -type f -print0 | sort -z | xargs -0 sha256sum)"
if [ "$before" != "$after" ]; then
  diff <(echo "$before") <(echo "$after") || true
  fail "two builds of the same commit gave different dist/ bytes"
fi
echo "a clean rebuild gives the same dist/ bytes ($(echo "$after" | wc -l) files)"
