// Carepath staff page: starts the code reader (its own wasm, checked
// against its hash). It sends nothing and stores nothing.
import init from "./carepath-staff.js";

// Filled in by embed/build.mjs: this release's hash of the wasm.
const WASM_INTEGRITY = null;

const wasm = fetch(new URL("./carepath-staff_bg.wasm", import.meta.url), {
  integrity: WASM_INTEGRITY,
});
init({ module_or_path: wasm }).catch((error) => {
  console.error("carepath-staff: the code reader could not start", error);
  const note = document.querySelector("carepath-staff .cps-loading");
  if (note) {
    note.textContent =
      "This page could not start. Reload it; if it still fails, ask your web team. " +
      "If a caller is in danger now, tell them to call 911, or call or text 988.";
    note.setAttribute("role", "alert");
  }
});
