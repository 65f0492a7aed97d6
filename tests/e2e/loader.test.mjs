// What the loader computes before the wasm (embed/loader/attributes.js:
// the locale, the center's phone, the privacy sentences, the storage key)
// run on the cases the widget's Rust emits with its own answers
// (`carepath vectors`), so the two cannot drift apart by a comment. The
// schema's patterns (what PHP and install tools check before saving) are
// run on the same cases: a value the widget takes is never refused on save.
// Also: the shipped loader is one bundle of the modules, safe to import
// where there is no DOM (server rendering), with the glue's import left to
// the browser by bundlers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST, REPO, VERSION } from "./helpers.mjs";
import { centerPhone, chooseLocale, offeredLanguages, privacyBits, storageKey } from "../../embed/loader/attributes.js";

const carepath = (...args) =>
  JSON.parse(execFileSync("cargo", ["run", "--quiet", "--locked", "--bin", "carepath", "--", ...args], { cwd: REPO, maxBuffer: 1 << 26 }).toString());
const vectors = carepath("vectors");
const shell = carepath("shell");
const schema = JSON.parse(readFileSync(join(DIST, "carepath", VERSION, "schema.json"), "utf8"));
const get = (attrs) => (name) => attrs[name] ?? null;

test("each language's plural categories (languages.json, read by the widget) are CLDR's, as the browser's Intl.PluralRules has them, for 0 to 1000", () => {
  assert.deepEqual(Object.keys(vectors.plural).sort(), [...shell.locales].sort());
  for (const [id, cats] of Object.entries(vectors.plural)) {
    // ICU knows Tagalog's rules as Filipino's.
    const rules = new Intl.PluralRules(id === "tl" ? "fil" : id);
    cats.forEach((cat, n) => assert.equal(cat, rules.select(n), `${id} ${n}`));
  }
});

test("the locale the loader chooses is the widget's, for every case", () => {
  assert.ok(vectors.locale.length > 100);
  for (const c of vectors.locale) {
    const offered = offeredLanguages(c.offered, shell.languages, shell.defaultLanguages);
    assert.equal(chooseLocale(c.locale, c.page, c.languages, offered, shell.languages), c.want, JSON.stringify(c));
  }
});

test("the center's phone the loader reads is the widget's, and the schema's pattern takes exactly those", () => {
  const pattern = new RegExp(schema.attributes.find((a) => a.name === "phone").pattern, "i");
  for (const c of vectors.phone) {
    assert.equal(centerPhone(c.phone, shell.phone), c.want, JSON.stringify(c));
    if (c.phone.trim()) assert.equal(pattern.test(c.phone.trim()), c.want !== null, `pattern on ${JSON.stringify(c)}`);
  }
});

test("the privacy sentences the loader shows are the widget's, for every share and remember setting", () => {
  for (const c of vectors.privacy) {
    const shown = shell.privacy[privacyBits(get(c.attributes))].map((i) => shell.privacyKeys[i]);
    assert.deepEqual(shown, c.want, JSON.stringify(c));
  }
});

test("the storage key of a kept place is the widget's", () => {
  for (const c of vectors.storage) assert.equal(storageKey(shell.storage, c.path, c.id), c.want, JSON.stringify(c));
});

test("the schema's schedule and link patterns take every value the widget takes", () => {
  for (const c of vectors.schedule) {
    const pattern = new RegExp(schema.attributes.find((a) => a.name === "iop-schedule").pattern, "i");
    if (c.ok) assert.ok(pattern.test(c.schedule.trim()), `the widget takes ${JSON.stringify(c.schedule)}; the pattern must too`);
  }
  const link = new RegExp(schema.attributes.find((a) => a.name === "contact-url").pattern, "i");
  for (const c of vectors.link) assert.equal(link.test(c.url.trim()), c.ok, JSON.stringify(c));
});

test("the shipped loader is one bundle with the glue in it (under the snippet's hash), imports nothing, and loads in Node with no DOM", async () => {
  const file = join(DIST, "carepath", VERSION, "carepath.js");
  const text = readFileSync(file, "utf8");
  assert.ok(!/^import\s|\bfrom\s*["']\.\/(element|files|screens|theme|attributes)\.js/m.test(text), "no module left unbundled");
  assert.ok(!/\bimport\(/.test(text), "no import(): no other file's code runs");
  assert.ok(text.includes("__wbindgen"), "wasm-bindgen's glue is in the loader");
  assert.ok(!existsSync(join(DIST, "carepath", VERSION, "carepath-widget.js")), "the glue is not shipped on its own");
  // Importing it where there is no window, HTMLElement or matchMedia (a
  // server render) defines nothing and throws nothing.
  const mod = await import(file);
  assert.equal(typeof mod.check, "function");
  assert.equal(typeof mod.contrast, "function");
  assert.ok(Math.abs(mod.contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)") - 21) < 1e-9);
  // The pairs install tools check, named by the schema's attributes.
  const names = schema.attributes.map((a) => a.name);
  assert.deepEqual(
    mod.themePairs().map(({ fg, bg, min }) => [fg, bg, min]),
    schema.contrast.map(({ fg, bg, min }) => [fg, bg, min]),
  );
  for (const { fg, bg } of mod.themePairs()) for (const side of [fg, bg]) assert.ok(names.includes(side) || side.startsWith("#"), side);
});

test("a center's name loses its bidi controls before the loader isolates it, as the widget does", async () => {
  const { isolate } = await import("../../embed/loader/attributes.js");
  for (const c of vectors.center) assert.equal(isolate(c.center, shell.bidi), c.want, JSON.stringify(c));
});

test("theme values the contrast check cannot compute, or that could make a request, are refused by the schema's patterns", () => {
  const theme = shell.theme.map(([name]) => name);
  for (const c of vectors.theme) {
    const pattern = new RegExp(shell.themePatterns[theme.indexOf(c.name)], "i");
    assert.equal(pattern.test(c.value), c.ok, JSON.stringify(c));
  }
});

test("quick exit's address for an exit-url value is the widget's", async () => {
  const { exitUrl } = await import("../../embed/loader/attributes.js");
  assert.ok(vectors.exit.length >= 10);
  for (const c of vectors.exit) assert.equal(exitUrl(c.exitUrl, shell.exitUrl), c.want, JSON.stringify(c));
});
