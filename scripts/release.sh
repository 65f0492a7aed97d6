#!/usr/bin/env bash
# Packages the dist/ already built (by ./scripts/demo.sh or
# ./scripts/test.sh; this never builds the widget) into a versioned
# release in target/release/:
#   carepath-<version>.zip         the archive: carepath/<version>/ (immutable,
#                                  with staff/, the page for the center's staff),
#                                  carepath/v<major>/ (evergreen loader of this
#                                  major version only: one assessment contract),
#                                  and at the top LICENSE, THIRD-PARTY-NOTICES.txt,
#                                  README.md, CHANGELOG.md (with each major
#                                  release's upgrade note), the types, the
#                                  manifest and the configurator
#                                  (configurator.html, with its .js and .css)
#   carepath-assessment-<version>.tgz   the npm package (npm pack; not published)
#   carepath-wordpress-<version>.zip    the WordPress plugin (block, shortcode,
#                                  settings page), serving the same files
# Each holds the widget files, LICENSE (MIT) with the third-party notices
# of the crates in the wasm (cargo-about), a short README, TypeScript
# declarations, a Custom Elements Manifest and the SRI hashes.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
version="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)"
major="${version%%.*}"
built="dist/carepath/$version"
evergreen="dist/carepath/v$major"
[ -f "$built/carepath.js" ] || { echo "release: $built is missing; build first (./scripts/demo.sh or ./scripts/test.sh)" >&2; exit 1; }
[ -f "$evergreen/carepath.js" ] || { echo "release: $evergreen is missing; build first (./scripts/demo.sh or ./scripts/test.sh)" >&2; exit 1; }
setup_about
out="$ROOT/target/release"
rm -rf "$out"
pkg="$out/package"
mkdir -p "$pkg"

say "packaging Carepath $version"
# The widget's files (the staff page is a page of its own: the archive has it).
find "$built" -maxdepth 1 -type f -exec cp {} "$pkg/" \;
cp LICENSE "$pkg/LICENSE"
# Each release, with each major release's upgrade note (what a center must re-review).
cp CHANGELOG.md "$pkg/CHANGELOG.md"
# The crates compiled into the wasm, with their license texts.
cargo about generate --locked --offline --config release/about.toml release/about.hbs >"$pkg/THIRD-PARTY-NOTICES.txt"
loader_sri="$(node -e 'console.log(require(process.argv[1])["carepath.js"])' "$pkg/integrity.json")"
sed "s|VERSION|$version|g; s|MAJOR|$major|g; s|LOADER_INTEGRITY|$loader_sri|g" release/README.md >"$pkg/README.md"
node release/build.mjs "$pkg" "$version" "$built/schema.json"
node -e '
  const fs = require("fs");
  const [src, dst, version] = process.argv.slice(1);
  const p = JSON.parse(fs.readFileSync(src, "utf8"));
  p.version = version;
  fs.writeFileSync(dst, JSON.stringify(p, null, 2) + "\n");
' release/package.json "$pkg/package.json" "$version"
(cd "$out" && npm pack --silent --pack-destination "$out" "$pkg" >/dev/null)

# The archive: the folders as a site serves them, the rest at the top.
# Only this major version's evergreen folder: an older one (carepath/v1/)
# stays on the center's server as it was, on the rules it signed off.
arch="$out/archive"
mkdir -p "$arch/carepath/$version" "$arch/carepath/v$major"
cp -r "$built"/* "$arch/carepath/$version/"
cp "$evergreen"/* "$arch/carepath/v$major/"
cp "$pkg/LICENSE" "$pkg/THIRD-PARTY-NOTICES.txt" "$pkg/README.md" "$pkg/CHANGELOG.md" "$pkg"/*.d.ts "$pkg/custom-elements.json" "$arch/"
cp "$pkg/LICENSE" "$pkg/THIRD-PARTY-NOTICES.txt" "$arch/carepath/$version/"
# The configurator, beside the carepath/ folder as dist/ serves it: it
# loads the evergreen loader from ./carepath/v<major>/.
cp dist/configurator.html dist/configurator.js dist/configurator.css "$arch/"
(cd "$arch" && python3 -m zipfile -c "$out/carepath-$version.zip" ./*)
rm -rf "$arch"

# The WordPress plugin: its PHP and scripts, and the widget's files.
wp="$out/wordpress/carepath"
mkdir -p "$wp/assets/carepath/$version"
cp release/wordpress/carepath/*.php release/wordpress/carepath/*.js release/wordpress/carepath/*.json release/wordpress/carepath/readme.txt "$wp/"
cp "$built"/carepath.js "$built"/carepath-widget.js "$built"/carepath-widget_bg.wasm "$built"/integrity.json "$wp/assets/carepath/$version/"
cp -r "$built/staff" "$wp/assets/carepath/$version/"
cp release/wordpress/carepath/htaccess "$wp/assets/carepath/$version/.htaccess"
cp "$pkg/LICENSE" "$pkg/THIRD-PARTY-NOTICES.txt" "$wp/"
# The element's schema, and the block's attributes and fields from it:
# one declaration (Rust) for the widget, its types and this plugin.
cp "$built/schema.json" "$wp/schema.json"
node -e '
const fs = require("fs");
const [schemaFile, blockJson, blockJs] = process.argv.slice(1);
const fields = JSON.parse(fs.readFileSync(schemaFile, "utf8")).attributes.filter((a) => a.wordpress);
const block = JSON.parse(fs.readFileSync(blockJson, "utf8"));
block.attributes = Object.fromEntries(fields.map((a) => [a.wordpress, { type: "string", default: "" }]));
fs.writeFileSync(blockJson, JSON.stringify(block, null, 2) + "\n");
const js = fs.readFileSync(blockJs, "utf8");
const marker = "const FIELDS = null;";
if (!js.includes(marker)) throw new Error(`block.js lacks "${marker}"`);
fs.writeFileSync(blockJs, js.replace(marker, () => `const FIELDS = ${JSON.stringify(fields.map((a) => [a.wordpress, a.label.en]))};`));
' "$built/schema.json" "$wp/block.json" "$wp/block.js"
sed -i "s/@VERSION@/$version/g" "$wp"/*.php "$wp"/readme.txt
! grep -l "@VERSION@" "$wp"/*.php "$wp"/readme.txt || { echo "release: @VERSION@ left in the plugin" >&2; exit 1; }
(cd "$out/wordpress" && python3 -m zipfile -c "$out/carepath-wordpress-$version.zip" carepath)
rm -rf "$out/wordpress"

for f in "$out/carepath-$version.zip" "$out/carepath-assessment-$version.tgz" "$out/carepath-wordpress-$version.zip"; do
  printf '%-48s %9d bytes\n' "$(basename "$f")" "$(wc -c <"$f")"
done
