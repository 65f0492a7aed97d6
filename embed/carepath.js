// Carepath embed loader. One <script type="module" src=".../carepath.js">
// and one <carepath-assessment> (or <div data-carepath>) element is all a
// page needs. The wasm and its glue load once, from beside this file
// (resolved from this script's own URL, not the page's), however many
// widgets the page has.
const here = import.meta.url;
const ATTRIBUTES = [
  "center-name", "phone", "contact-url", "offers", "outpatient-schedule",
  "iop-schedule", "php-schedule", "locale", "remember", "share-result", "share-answers",
];

let loading;
function widget() {
  loading ??= import(new URL("carepath-widget.js", here).href).then(async (glue) => {
    await glue.default({ module_or_path: new URL("carepath-widget_bg.wasm", here) });
    return glue;
  });
  return loading;
}

function failed(error) {
  console.error("carepath: the widget could not load. Check that carepath-widget.js and carepath-widget_bg.wasm are served beside carepath.js (with Content-Type application/wasm), and that the page's Content-Security-Policy allows them (see the README).", error);
}

const mount = (el) => widget().then((w) => el.isConnected && w.mount(el), failed);
// Removed and re-added in the same task (a move) keeps the visitor's
// place; removed for good cleans up.
const unmount = (el) => setTimeout(() => !el.isConnected && loading?.then((w) => w.unmount(el)), 0);
const configure = (el) => loading?.then((w) => el.isConnected && w.configure(el));
const reset = (el) => loading?.then((w) => w.reset(el));

class CarepathAssessment extends HTMLElement {
  static get observedAttributes() { return ATTRIBUTES; }
  connectedCallback() { mount(this); }
  disconnectedCallback() { unmount(this); }
  attributeChangedCallback() { configure(this); }
  /** Starts over, clearing every answer. */
  reset() { reset(this); }
}

if (!customElements.get("carepath-assessment")) {
  customElements.define("carepath-assessment", CarepathAssessment);

  // <div data-carepath> for site builders that strip unknown tags.
  const DIV = "div[data-carepath]";
  const each = (node, fn) => {
    if (node.nodeType !== 1) return;
    if (node.matches(DIV)) fn(node);
    node.querySelectorAll(DIV).forEach(fn);
  };
  const start = () => {
    document.querySelectorAll(DIV).forEach((el) => { el.reset = () => reset(el); mount(el); });
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === "attributes") { if (r.target.matches(DIV)) configure(r.target); continue; }
        r.addedNodes.forEach((n) => each(n, (el) => { el.reset = () => reset(el); mount(el); }));
        r.removedNodes.forEach((n) => each(n, unmount));
      }
    }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ATTRIBUTES });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}
