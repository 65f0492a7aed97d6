// Build step (run by scripts/trunk-post-build.sh): writes the embed loader
// with what it needs to draw the first screens before the wasm arrives:
// the widget's stylesheet (minified) and the screens themselves, as
// `carepath shell` prints them. Usage:
//   node embed/build-loader.mjs <source dir> <shell.json> <output file> <version> <wasm integrity>
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";

const [src, shellJson, out, version, integrity] = process.argv.slice(2);
if (!src || !shellJson || !out || !version || !integrity?.startsWith("sha384-")) {
  throw new Error("usage: node embed/build-loader.mjs <source dir> <shell.json> <output file> <version> <wasm integrity>");
}

/** The widget's stylesheet, minified by the esbuild the build already
 * pins (no hand-made minifier); an end-to-end test checks that the browser
 * reads the result as the same rules. */
function minifyCss(css) {
  return transformSync(css, { loader: "css", minify: true, logLevel: "warning" }).code.trim();
}

// The first screens, their states and transitions, from the widget's own
// Rust (`carepath shell`, src/screens/shell.rs).
// `states` and `privacyKeys` name them for people and tests; the loader
// goes by number.
const { states, privacyKeys, ...data } = JSON.parse(readFileSync(shellJson, "utf8"));
const shell = { ...data, version, integrity, css: minifyCss(readFileSync(join(src, "styles", "widget.css"), "utf8")) };
const loader = readFileSync(join(src, "embed", "carepath.js"), "utf8");
const marker = "const SHELL = null;";
if (!loader.includes(marker)) throw new Error(`embed/carepath.js lacks "${marker}"`);
// A function, so a "$" in a text is not read as a replacement pattern.
writeFileSync(out, loader.replace(marker, () => `const SHELL = ${JSON.stringify(shell)};`));
