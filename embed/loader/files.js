// The widget's code and its wasm. wasm-bindgen's glue is bundled into
// this loader (embed/build.mjs), so the host's SRI hash on carepath.js
// covers every byte of code that runs in the page; the wasm is fetched
// with the hash the loader carries. Either changed fails safe: the
// browser refuses it, the emergency line stays, the console names the file.
import { SHELL } from "carepath:build";
import * as glue from "carepath:glue";
import { WORDS } from "carepath:words";

/** A file of the widget: in the folder the mounting element's own `files`
 * attribute names (a CDN), else `beside` (written the way bundlers see
 * it: `new URL("./...", import.meta.url)`, so Vite, webpack and Turbopack
 * emit it with no setting). Only that element's: never another element's. */
function fileUrl(el, name, beside) {
  const base = el?.getAttribute("files")?.trim();
  if (base) {
    try {
      return new URL(name, new URL(base.endsWith("/") ? base : `${base}/`, document.baseURI));
    } catch {
      console.error(`carepath: files="${base}" is not a URL; the widget's files are looked for beside carepath.js.`);
    }
  }
  return beside();
}
const wasmUrl = (el) => fileUrl(el, "carepath-widget_bg.wasm", () => new URL("./carepath-widget_bg.wasm", import.meta.url));

// Each language's words but English's (in the loader and the wasm): one
// small file, `words/<id>.json`, fetched once for the page with its
// integrity hash, in parallel with the wasm. A visitor loads only theirs.
const packs = new Map();
const loaded = new Map();
/** A language's pack (the parsed words/<id>.json), or null for English.
 * A failed fetch is told once, and asked again next time. */
export function words(el, id) {
  if (id === "en" || !WORDS[id]) return Promise.resolve(null);
  if (!packs.has(id)) {
    const at = fileUrl(el, `words/${id}.json`, WORDS[id]);
    const pack = fetch(at, { integrity: SHELL.packs[id] })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((pack) => {
        loaded.set(id, pack);
        return pack;
      });
    pack.catch((error) => {
      packs.delete(id);
      console.error(`carepath: the ${id} words could not load from ${at.href} (served beside the wasm, this release's file: it must match the loader's integrity hash); the widget stays in the language it shows.`, error);
    });
    packs.set(id, pack);
  }
  return packs.get(id);
}
/** A language's loader strings and quick-exit count, if here. */
export const wordsHere = (id) => (id === "en" ? { shell: SHELL.strings.en, exit: SHELL.exitCount.en } : loaded.get(id));
/** The packs here, for the wasm: [id, pack]. */
export const packsHere = () => [...loaded];

let loading;
let url;
// The load failed (told once for the page, however many widgets it has).
let broken = false;
export const isBroken = () => broken;

// Each element loads from its own `files` (or beside the loader), one
// load at a time: the glue holds one wasm instance, so a later load
// returns at once once one succeeded (the same bytes: each is checked
// against the same hash), and goes on from a failed one.
let queue = Promise.resolve();
/** The widget once loaded, else null. */
export let ready = null;
const loads = new Map();

/** The widget's exports for this element (null: the default place). */
export function widget(el) {
  // Loaded already (the same bytes, whatever the folder): nothing to fetch.
  if (ready) return Promise.resolve(ready);
  const at = wasmUrl(el);
  if (!loads.has(at.href)) {
    loading = queue = queue.catch(() => {}).then(async () => {
      if (ready) return ready;
      url = at;
      // Checked against this release's hash: a changed or wrong file fails
      // safe. A host's fetch that throws at once is a failed load at once.
      await glue.default({ module_or_path: fetch(at, { integrity: SHELL.integrity }) });
      ready = glue;
      return glue;
    });
    loads.set(at.href, loading);
  }
  return loads.get(at.href);
}

/** The widget once loaded (null if the load failed), if a load began;
 * else undefined. */
export const started = () => loading?.then(() => glue, () => null);

/** Forgets the failed loads, so the next `widget()` asks again. */
export function again() {
  loads.clear();
  loading = undefined;
  broken = false;
}

/** Says once for the page why the widget did not load; false if said. */
export function failed(error) {
  if (broken) return false;
  broken = true;
  console.error(`carepath: the widget could not load. Check that ${url?.href ?? "carepath-widget_bg.wasm"} is served (with Content-Type application/wasm, and CORS from another origin), that it is this release's file (it must match the loader's integrity hash), and that the page's Content-Security-Policy allows it (script-src needs 'wasm-unsafe-eval'; see the README).`, error);
  return true;
}
