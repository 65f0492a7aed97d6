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
# What ships where: files.json (written by the build from one list,
# embed/build.mjs). `listed KEY` prints the paths marked KEY.
listed() { node -e 'for (const f of require(process.argv[1]).files) if (!process.argv[2] || f[process.argv[2]]) console.log(f.path)' "$ROOT/$built/files.json" "${1:-}"; }
# The npm package: the widget's files (the staff page is a page of its own: the archive has it).
for f in $(listed npm); do mkdir -p "$(dirname "$pkg/$f")"; cp "$built/$f" "$pkg/$f"; done
cp LICENSE "$pkg/LICENSE"
# Each release, with each major release's upgrade note (what a center must re-review).
cp CHANGELOG.md "$pkg/CHANGELOG.md"
# The crates compiled into the wasm, with their license texts.
cargo about generate --locked --offline --config release/about.toml release/about.hbs >"$pkg/THIRD-PARTY-NOTICES.txt"
loader_sri="$(node -e 'console.log(require(process.argv[1])["carepath.js"])' "$pkg/integrity.json")"
fallback="$(node -e 'process.stdout.write(require(process.argv[1]).fallback.en.replace(/[&|\\]/g, "\\$&"))' "$ROOT/$built/schema.json")"
sed "s|VERSION|$version|g; s|MAJOR|$major|g; s|LOADER_INTEGRITY|$loader_sri|g; s|FALLBACK_EN|$fallback|g" release/README.md >"$pkg/README.md"
node release/build.mjs "$pkg" "$version" "$built/schema.json"
# package.json: its version, and an export and a `files` entry for each
# shipped file (files.json), beside the types and the texts.
node -e '
  const fs = require("fs");
  const [src, dst, version, list] = process.argv.slice(1);
  const p = JSON.parse(fs.readFileSync(src, "utf8"));
  const shipped = JSON.parse(fs.readFileSync(list, "utf8")).files.filter((f) => f.npm).map((f) => f.path);
  p.version = version;
  for (const f of shipped) if (f !== "carepath.js") p.exports[`./${f}`] = `./${f}`;
  p.files = [...shipped, ...p.files];
  fs.writeFileSync(dst, JSON.stringify(p, null, 2) + "\n");
' release/package.json "$pkg/package.json" "$version" "$built/files.json"
(cd "$out" && npm pack --silent --pack-destination "$out" "$pkg" >/dev/null)

# The archive: the folders as a site serves them, the rest at the top.
# Only this major version's evergreen folder: an older one (carepath/v1/)
# stays on the center's server as it was, on the rules it signed off.
arch="$out/archive"
mkdir -p "$arch/carepath/$version" "$arch/carepath/v$major"
for f in $(listed); do mkdir -p "$(dirname "$arch/carepath/$version/$f")"; cp "$built/$f" "$arch/carepath/$version/$f"; done
for f in $(node -e 'console.log(require(process.argv[1]).evergreen.join("\n"))' "$ROOT/$built/files.json"); do cp "$evergreen/$f" "$arch/carepath/v$major/"; done
cp "$pkg/LICENSE" "$pkg/THIRD-PARTY-NOTICES.txt" "$pkg/README.md" "$pkg/CHANGELOG.md" "$pkg"/*.d.ts "$pkg/custom-elements.json" "$arch/"
cp "$pkg/LICENSE" "$pkg/THIRD-PARTY-NOTICES.txt" "$arch/carepath/$version/"
# The configurator, beside the carepath/ folder as dist/ serves it: it
# loads the evergreen loader from ./carepath/v<major>/.
for f in $(node -e 'console.log(require(process.argv[1]).root.join("\n"))' "$ROOT/$built/files.json"); do cp "dist/$f" "$arch/"; done
(cd "$arch" && python3 -m zipfile -c "$out/carepath-$version.zip" ./*)
rm -rf "$arch"

# The WordPress plugin: its PHP and scripts, and the widget's files.
wp="$out/wordpress/carepath"
mkdir -p "$wp/assets/carepath/$version"
cp release/wordpress/carepath/*.php release/wordpress/carepath/*.js release/wordpress/carepath/*.json release/wordpress/carepath/readme.txt "$wp/"
for f in $(listed wordpress); do mkdir -p "$(dirname "$wp/assets/carepath/$version/$f")"; cp "$built/$f" "$wp/assets/carepath/$version/$f"; done
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
let js = fs.readFileSync(blockJs, "utf8");
const choices = Object.fromEntries(
  fields.filter((a) => a.values.length).map((a) => [a.wordpress, { kind: a.kind, values: a.values.map((v) => [v, a.value_labels[v].en]) }]),
);
for (const [marker, value] of [["const FIELDS = null;", fields.map((a) => [a.wordpress, a.label.en])], ["const CHOICES = null;", choices]]) {
  if (!js.includes(marker)) throw new Error(`block.js lacks "${marker}"`);
  js = js.replace(marker, () => marker.replace("null", JSON.stringify(value)));
}
fs.writeFileSync(blockJs, js);
' "$built/schema.json" "$wp/block.json" "$wp/block.js"
sed -i "s/@VERSION@/$version/g" "$wp"/*.php "$wp"/readme.txt
! grep -l "@VERSION@" "$wp"/*.php "$wp"/readme.txt || { echo "release: @VERSION@ left in the plugin" >&2; exit 1; }
(cd "$out/wordpress" && python3 -m zipfile -c "$out/carepath-wordpress-$version.zip" carepath)
rm -rf "$out/wordpress"

for f in "$out/carepath-$version.zip" "$out/carepath-assessment-$version.tgz" "$out/carepath-wordpress-$version.zip"; do
  printf '%-48s %9d bytes\n' "$(basename "$f")" "$(wc -c <"$f")"
done
