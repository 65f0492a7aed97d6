// The widget's files: the glue and the wasm, fetched once for the page and
// checked against this release's hash.
import { SHELL } from "carepath:build";

// Beside this loader by default, written the way bundlers (Vite, webpack,
// Turbopack) see them, so they emit the two files with no setting; or in
// the folder the first element's `files` attribute names (a CDN).
function files() {
  const base = document.querySelector("carepath-assessment[files], div[data-carepath][files]")?.getAttribute("files")?.trim();
  if (base) {
    try {
      const folder = new URL(base.endsWith("/") ? base : `${base}/`, document.baseURI);
      return { wasm: new URL("carepath-widget_bg.wasm", folder), glue: new URL("carepath-widget.js", folder) };
    } catch {
      console.error(`carepath: files="${base}" is not a URL; the widget's files are looked for beside carepath.js.`);
    }
  }
  return {
    wasm: new URL("./carepath-widget_bg.wasm", import.meta.url),
    glue: new URL("./carepath-widget.js", import.meta.url),
  };
}

let loading;
// Try again makes a new request (a browser keeps a failed module import
// failed): a new URL.
let attempt = 0;
// The load failed (told once for the page, however many widgets it has).
let broken = false;
export const isBroken = () => broken;

/** The widget's exports, once for the page. */
export function widget() {
  loading ??= (() => {
    const { wasm: wasmUrl, glue: glueUrl } = files();
    // The glue and the wasm are fetched side by side, not one after the
    // other; the wasm is checked against this release's hash (a changed or
    // wrong file fails safe: the emergency line stays, the console says so).
    const wasm = fetch(wasmUrl, { integrity: SHELL.integrity });
    if (attempt) glueUrl.searchParams.set("attempt", attempt);
    // If the glue fails first, the fetch's own failure is reported with it
    // (below), not as an uncaught error.
    wasm.catch(() => {});
    // The glue is the file emitted beside the bundle, loaded as it is:
    // bundlers must not turn this import into one of their own modules
    // (embed/build.mjs marks it so in the minified loader).
    return import(glueUrl.href).then(async (glue) => {
      await glue.default({ module_or_path: wasm });
      return glue;
    });
  })();
  return loading;
}

/** The widget if it has loaded or is loading, else undefined. */
export const started = () => loading;

/** Forgets a failed load, so the next `widget()` asks again. */
export function again() {
  attempt += 1;
  loading = undefined;
  broken = false;
}

/** Says once for the page why the widget did not load; false if said. */
export function failed(error) {
  if (broken) return false;
  broken = true;
  const { wasm, glue } = files();
  console.error(`carepath: the widget could not load. Check that ${glue.href} and ${wasm.href} are served (the wasm with Content-Type application/wasm, and CORS from another origin), that they are this release's files (the wasm must match the loader's integrity hash), and that the page's Content-Security-Policy allows them (see the README).`, error);
  return true;
}
