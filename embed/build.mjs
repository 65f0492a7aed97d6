// The one build step for every build fact that reaches shipped JS or HTML
// (run by scripts/trunk-post-build.sh, after the wasm is bound):
//   node embed/build.mjs <source dir> <stage dir> <shell.json> <schema.json>
// - the loader: embed/loader/*.js bundled and minified by the pinned
//   esbuild into carepath/<version>/carepath.js, with its build facts (the
//   screens and transitions from `carepath shell`, the stylesheet, the
//   version, the wasm's hash) as the virtual module "carepath:build";
// - the glues (wasm-bindgen's JS) bundled into the scripts that load them
//   (the loader, the staff page's staff.js), under their SRI;
// - every other file's facts: a source line `const NAME = null;` (a value)
//   or `@NAME@` (in a path or HTML) filled in from FACTS below, and a file
//   that lacks its marker fails the build;
// - files.json (the shipped files: one list for the archive, the npm
//   package, the WordPress plugin, integrity.json and size.sh) and
//   integrity.json (the SRI hash of each script and wasm in it).
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { build, transformSync } from "esbuild";

const [src, stage, shellJson, schemaJson] = process.argv.slice(2);
if (!src || !stage || !shellJson || !schemaJson) {
  throw new Error("usage: node embed/build.mjs <source dir> <stage dir> <shell.json> <schema.json>");
}
const version = readFileSync(join(src, "Cargo.toml"), "utf8").match(/^version = "(.*)"$/m)[1];
const major = version.split(".")[0];
const out = join(stage, "carepath", version);
const evergreen = join(stage, "carepath", `v${major}`);
const schema = JSON.parse(readFileSync(schemaJson, "utf8"));
const sri = (file) => `sha384-${createHash("sha384").update(readFileSync(file)).digest("base64")}`;

// What ships, and where it comes from (`from`: copied from the source,
// with its facts filled in; else written by this build or trunk). Every
// file is in the archive's carepath/<version>/; `npm`: also in the npm
// package (an export of its own); `wordpress`: also in the WordPress
// plugin's assets; `evergreen`: also in carepath/v<major>/; `sri`: its
// hash in integrity.json; `visitor`: what a visitor's browser loads
// (size.sh measures these). The archive, the npm package, the plugin,
// integrity.json, size.sh and check-dist.sh all read this list (written
// as files.json), so a new file cannot be left out of one of them.
// The glues (wasm-bindgen's JS, which runs in the host page or the staff
// page) are not shipped on their own: each is bundled into the script that
// loads it (the loader, staff.js), so the snippet's SRI hash (or the
// staff page's) covers every byte of code that runs, and the wasm is
// fetched with the hash that script carries.
const FILES = [
  { path: "carepath.js", npm: true, wordpress: true, sri: true, visitor: true },
  { path: "carepath-widget_bg.wasm", npm: true, wordpress: true, sri: true, visitor: true },
  { path: "schema.json", npm: true },
  // The first screen for the page's HTML: the templates (for the npm
  // function and the WordPress plugin) and the npm function (html.js).
  { path: "declared.json", npm: true, wordpress: true },
  { path: "html.js", npm: true },
  { path: "integrity.json", npm: true, wordpress: true },
  { path: "files.json", npm: true, wordpress: true },
  { path: "frame.html", from: "embed/frame.html", npm: true, evergreen: true },
  { path: "frame.js", from: "embed/frame.js", npm: true, evergreen: true },
  { path: "frame.css", from: "embed/frame.css", npm: true, evergreen: true },
  { path: "frame-host.js", from: "embed/frame-host.js", npm: true, evergreen: true },
  { path: "staff/staff.js", from: "embed/staff/staff.js", sri: true, wordpress: true },
  { path: "staff/index.html", from: "embed/staff/index.html", wordpress: true },
  { path: "staff/staff.css", from: "styles/staff.css", wordpress: true },
  { path: "staff/carepath-staff_bg.wasm", sri: true, wordpress: true },
];
// Each language's words but English's (which the loader and the wasm
// carry): `words/<id>.json`, its locale file and the loader's strings, for
// the visitors in that language only (`words`: size.sh reports each).
const { states, privacyKeys, stylesheet, ...shell } = JSON.parse(readFileSync(shellJson, "utf8"));
const PACKS = shell.locales.filter((id) => id !== "en");
for (const id of PACKS) FILES.push({ path: `words/${id}.json`, npm: true, wordpress: true, sri: true, words: id });
// The configurator, at dist/'s root beside carepath/ (it loads the
// evergreen loader from ./carepath/v<major>/).
const ROOT_FILES = ["configurator.html", "configurator.js", "configurator.css"];

const glue = join(out, "carepath-widget.js");
const staffGlue = join(out, "staff", "carepath-staff.js");

// The loader's facts: the first screens, their states and transitions
// (src/screens/shell.rs; `states` and `privacyKeys` name them for people
// and tests, the loader goes by number), the stylesheet minified by the
// same esbuild (an end-to-end test checks the browser reads the same
// rules) and the wasm's hash.
// (The loader writes the stylesheet's `:host` theme defaults from `theme`.)
const css = transformSync(stylesheet, { loader: "css", minify: true, logLevel: "warning" }).code.trim();
mkdirSync(join(out, "words"), { recursive: true });
// A pack's texts go in the order of English's keys (sorted as the wasm
// sorts them: byte order, the same as JavaScript's for ASCII keys), so the
// file carries no keys; `more` holds the keys English lacks.
const english = Object.keys(JSON.parse(readFileSync(join(src, "locales", "en.json"), "utf8"))).sort();
if (english.some((k) => /[^\x20-\x7e]/.test(k))) throw new Error("locales/en.json: a key that is not ASCII");
for (const id of PACKS) {
  const all = JSON.parse(readFileSync(join(src, "locales", `${id}.json`), "utf8"));
  const words = english.map((k) => all[k] ?? null);
  const more = Object.fromEntries(Object.entries(all).filter(([k]) => !english.includes(k)));
  writeFileSync(join(out, "words", `${id}.json`), JSON.stringify({ words, more, shell: shell.strings[id], exit: shell.exitCount[id] }));
}
// The loader carries English's strings only, and each pack's hash.
const SHELL = {
  ...shell,
  strings: { en: shell.strings.en },
  exitCount: { en: shell.exitCount.en },
  packs: Object.fromEntries(PACKS.map((id) => [id, sri(join(out, "words", `${id}.json`))])),
  integrity: sri(join(out, "carepath-widget_bg.wasm")),
  css,
};
// Each pack's address written as bundlers see it (a static
// `new URL("./words/xx.json", import.meta.url)`), so they emit it.
const WORDS = `export const WORDS = {${PACKS.map((id) => `${JSON.stringify(id)}: () => new URL(${JSON.stringify(`./words/${id}.json`)}, import.meta.url)`).join(", ")}};`;
const facts = {
  name: "carepath-build-facts",
  setup(build) {
    build.onResolve({ filter: /^carepath:(build|words)$/ }, (a) => ({ path: a.path, namespace: "carepath" }));
    build.onResolve({ filter: /^carepath:glue$/ }, () => ({ path: glue }));
    build.onLoad({ filter: /.*/, namespace: "carepath" }, (a) => ({ contents: a.path === "carepath:words" ? WORDS : `export const SHELL = ${JSON.stringify(SHELL)};`, loader: "js" }));
  },
};
const bundled = await build({
  entryPoints: [join(src, "embed", "loader", "index.js")],
  bundle: true,
  format: "esm",
  minify: true,
  write: false,
  logLevel: "warning",
  plugins: [facts],
  banner: { js: `// Carepath embed loader ${version} (minified from embed/loader/)` },
});
// One file: no import() left for a bundler or a file host to change.
const loader = bundled.outputFiles[0].text;
if (/\bimport\(/.test(loader)) throw new Error("the loader imports another file: every byte of its code must be in it, under the snippet's hash");
writeFileSync(join(out, "carepath.js"), loader);

// The server-side function (embed/html.js) with the templates in it.
const declared = JSON.parse(readFileSync(join(out, "declared.json"), "utf8"));
// The CSP hash of the declared screen's <style> (one for every language),
// for the README's policy and a host's own.
const declaredStyle = declared.locales.en.html.match(/<style>(.*?)<\/style>/s)[1];
declared.styleHash = `sha256-${createHash("sha256").update(declaredStyle).digest("base64")}`;
writeFileSync(join(out, "declared.json"), `${JSON.stringify(declared, null, 2)}\n`);
const html = await build({
  entryPoints: [join(src, "embed", "html.js")],
  bundle: true,
  format: "esm",
  write: false,
  logLevel: "warning",
  plugins: [{
    name: "carepath-declared",
    setup(b) {
      b.onResolve({ filter: /^carepath:declared$/ }, () => ({ path: "carepath:declared", namespace: "carepath" }));
      b.onLoad({ filter: /.*/, namespace: "carepath" }, () => ({ contents: `export const DECLARED = ${JSON.stringify(declared)};`, loader: "js" }));
    },
  }],
  banner: { js: `// Carepath ${version}: the element with its first screen in the page's HTML (from embed/html.js and \`carepath html --templates\`)` },
});
writeFileSync(join(out, "html.js"), html.outputFiles[0].text);

// The frame's allowed options (frame.js), from the schema: not a copy by hand.
const own = ["files", "shadow"];
const ALLOWED = {
  text: schema.attributes.filter((a) => a.kind !== "flag" && !own.includes(a.name)).map((a) => a.name),
  flags: schema.attributes.filter((a) => a.kind === "flag").map((a) => a.name),
  locales: schema.attributes.find((a) => a.name === "locale").values,
};
// Each file's facts: a value for `const NAME = null;`, or text for @NAME@.
const FACTS = {
  "frame.js": { ALLOWED },
  "frame-host.js": { EXIT_URL: schema.attributes.find((a) => a.name === "exit-url").default, SANDBOX: schema.frame_sandbox },
  "staff/staff.js": { WASM_INTEGRITY: sri(join(out, "staff", "carepath-staff_bg.wasm")) },
  "configurator.html": { MAJOR: major },
  // RELEASE (the version and hashes) is added below, once they are known.
  "configurator.js": { MAJOR: major, SCHEMA: schema },
};
function fill(from, to, name) {
  let text = readFileSync(join(src, from), "utf8");
  for (const [fact, value] of Object.entries(FACTS[name] ?? {})) {
    const line = `const ${fact} = null;`;
    const at = `@${fact}@`;
    if (text.includes(line)) text = text.replace(line, () => `const ${fact} = ${JSON.stringify(value)};`);
    else if (text.includes(at)) text = text.replaceAll(at, () => String(value));
    else throw new Error(`${from} lacks "${line}" or "${at}"`);
  }
  const left = text.match(/@[A-Z_]+@|^const [A-Z_]+ = null;$/m);
  if (left) throw new Error(`${from}: ${left[0]} is not filled in (add it to FACTS in embed/build.mjs)`);
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, text);
}
for (const f of FILES.filter((f) => f.from)) {
  fill(f.from, join(out, f.path), f.path);
  if (f.path === "staff/staff.js") {
    // The staff page's script with its glue bundled in, and its hash in
    // the page's <script integrity> (FACTS below).
    const staff = await build({
      entryPoints: [join(out, f.path)],
      bundle: true,
      format: "esm",
      minify: true,
      write: false,
      logLevel: "warning",
      banner: { js: `// Carepath staff page ${version} (minified from embed/staff/staff.js and wasm-bindgen's glue)` },
    });
    writeFileSync(join(out, f.path), staff.outputFiles[0].text);
    FACTS["staff/index.html"] = { STAFF_INTEGRITY: sri(join(out, f.path)) };
  }
}
// The glues are in the scripts that load them now.
rmSync(glue);
rmSync(staffGlue);

// The evergreen folder: a re-export of this release's loader (cache it
// briefly), and the iframe page beside it.
mkdirSync(evergreen, { recursive: true });
writeFileSync(
  join(evergreen, "carepath.js"),
  `// Carepath embed loader, evergreen: the current ${major}.x release (${version}); never another major version (another assessment contract).\nexport * from "../${version}/carepath.js";\n`,
);
for (const f of FILES.filter((f) => f.evergreen)) copyFileSync(join(out, f.path), join(evergreen, f.path));

// The list of what ships, then the hashes.
const listed = {
  version,
  files: FILES.map(({ from, ...f }) => f),
  evergreen: ["carepath.js", ...FILES.filter((f) => f.evergreen).map((f) => f.path)],
  root: ROOT_FILES,
};
writeFileSync(join(out, "files.json"), `${JSON.stringify(listed, null, 2)}\n`);
const integrity = { version, ...Object.fromEntries(FILES.filter((f) => f.sri).map((f) => [f.path, sri(join(out, f.path))])) };
writeFileSync(join(out, "integrity.json"), `${JSON.stringify(integrity, null, 2)}\n`);

FACTS["configurator.js"].RELEASE = integrity;
for (const f of ROOT_FILES) fill(join("embed", f), join(stage, f), f);
