// The widget's code and its wasm. wasm-bindgen's glue is bundled into
// this loader (embed/build.mjs), so the host's SRI hash on carepath.js
// covers every byte of code that runs in the page; the wasm is fetched
// with the hash the loader carries. Either changed fails safe: the
// browser refuses it, the emergency line stays, the console names the file.
import { SHELL } from "carepath:build";
import * as glue from "carepath:glue";

/** The wasm: beside this loader by default, written the way bundlers
 * (Vite, webpack, Turbopack) see it, so they emit it with no setting; or
 * in the folder the mounting element's own `files` attribute names (a
 * CDN). Only that element's: never another element's on the page. */
function wasmUrl(el) {
  const base = el?.getAttribute("files")?.trim();
  if (base) {
    try {
      return new URL("carepath-widget_bg.wasm", new URL(base.endsWith("/") ? base : `${base}/`, document.baseURI));
    } catch {
      console.error(`carepath: files="${base}" is not a URL; the widget's wasm is looked for beside carepath.js.`);
    }
  }
  return new URL("./carepath-widget_bg.wasm", import.meta.url);
}

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
