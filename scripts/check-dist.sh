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
# files.json lists what ships (embed/build.mjs): every listed file is
# there, and nothing is there that it does not list.
list="dist/carepath/$version/files.json"
[ -f "$list" ] || fail "$list is missing"
listed="$(node -e 'for (const f of require(process.argv[1]).files) console.log(f.path)' "$PWD/$list" | sort)"
found="$(cd "dist/carepath/$version" && find . -type f | sed 's|^\./||' | sort)"
[ "$listed" = "$found" ] || { diff <(echo "$listed") <(echo "$found") || true; fail "dist/carepath/$version/ and its files.json differ (- listed, + found)"; }
listed="$(node -e 'for (const f of require(process.argv[1]).evergreen) console.log(f)' "$PWD/$list" | sort)"
found="$(cd "dist/carepath/$evergreen" && find . -type f | sed 's|^\./||' | sort)"
[ "$listed" = "$found" ] || fail "dist/carepath/$evergreen/ is not the evergreen files files.json lists"
for f in $(node -e 'for (const f of require(process.argv[1]).root) console.log(f)' "$PWD/$list"); do
  [ -f "dist/$f" ] || fail "dist/$f is missing"
done
grep -rqIE "@[A-Z_]+@|^const [A-Z_]+ = null;" dist/carepath dist/configurator.* && fail "a build fact was not filled in (embed/build.mjs)"
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
