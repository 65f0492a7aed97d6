// Carepath embed loader. One <script type="module" src=".../carepath.js">
// and one <carepath-assessment> (or <div data-carepath>) element is all a
// page needs. The wasm and its glue load once, from beside this file
// (resolved from this script's own URL, not the page's), however many
// widgets the page has. Until they arrive, the loader draws the first
// screen itself (the emergency bar and the start screen), so a visitor
// sees the 911 / 988 line at once, even if the wasm never comes.
const here = import.meta.url;
const ATTRIBUTES = [
  "center-name", "phone", "contact-url", "offers", "outpatient-schedule",
  "iop-schedule", "php-schedule", "locale", "remember", "share-result", "share-answers",
];
// Filled in by embed/build-loader.mjs: the stylesheet, and the first
// screen's words in each locale.
const SHELL = null;

let loading;
function widget() {
  loading ??= (() => {
    // The glue and the wasm are fetched side by side, not one after the other.
    const wasm = fetch(new URL("carepath-widget_bg.wasm", here));
    return import(new URL("carepath-widget.js", here).href).then(async (glue) => {
      await glue.default({ module_or_path: wasm });
      return glue;
    });
  })();
  return loading;
}

function failed(error) {
  console.error("carepath: the widget could not load. Check that carepath-widget.js and carepath-widget_bg.wasm are served beside carepath.js (with Content-Type application/wasm), and that the page's Content-Security-Policy allows them (see the README).", error);
}

let sheet;
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(SHELL?.css ?? "");
  }
  return sheet;
}

// The locale the widget will choose (i18n::choose_locale and the `locale`
// attribute's check in host_config): a known id, or `auto` (the default)
// following the browser's languages, else English.
function chooseLocale(el) {
  const setting = (el.getAttribute("locale") ?? "").trim() || "auto";
  const ids = SHELL.locales;
  if (setting !== "auto") return ids.includes(setting) ? setting : "en";
  const tags = navigator.languages?.length ? navigator.languages : [navigator.language ?? ""];
  const primary = tags.map((t) => t.split(/[-_]/)[0].toLowerCase());
  return primary.find((id) => ids.includes(id)) ?? "en";
}

// The same elements the widget renders for its start screen (app.rs,
// emergency_bar.rs, start.rs), attributes in the same order (yew sets
// class last); the widget replaces them when it mounts.
function h(tag, { class: className, ...attributes }, ...children) {
  const e = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) e.setAttribute(name, value);
  if (className) e.setAttribute("class", className);
  e.append(...children);
  return e;
}

function drawShell(el, state) {
  const t = SHELL.texts[state.locale];
  const ids = SHELL.locales;
  const next = ids[(ids.indexOf(state.locale) + 1) % ids.length];
  const lang = h("button", { type: "button", class: "cp-lang", lang: next, "data-switch-to": next }, t["lang.switch"]);
  lang.addEventListener("click", () => {
    state.locale = next;
    state.switched = true;
    drawShell(el, state);
    el.shadowRoot.querySelector(".cp-lang")?.focus();
  });
  const begin = h("button", { type: "button", class: "cp-button cp-primary" }, t["start.begin"]);
  // Pressed before the widget is ready: it starts at the first question
  // as soon as it is.
  begin.addEventListener("click", () => {
    state.started = true;
    begin.setAttribute("aria-busy", "true");
  });
  const p = (key) => h("p", {}, t[key]);
  el.shadowRoot.replaceChildren(h("div", {},
    h("div", { class: "cp", lang: state.locale, role: "region", "aria-label": t["app.label"] },
      h("aside", { class: "cp-bar", "aria-label": t["bar.text"] },
        h("span", { class: "cp-bar-text" }, t["bar.text"]),
        h("a", { class: "cp-bar-link", href: "tel:911" }, t["bar.call911"]),
        h("a", { class: "cp-bar-link", href: "tel:988" }, t["bar.call988"]),
        h("a", { class: "cp-bar-link", href: "sms:988" }, t["bar.text988"]),
        lang),
      h("div", { class: "cp-screen" },
        h("section", { class: "cp-start", "data-screen": "start" },
          h("h2", { class: "cp-heading cp-focus", tabindex: "-1" }, t["start.heading"]),
          p("start.intro"), p("start.private"), p("start.estimate"), p("start.who"),
          begin)))));
}

// What the visitor did on the drawn screen, per element, for the widget.
const shells = new WeakMap();

function mount(el) {
  if (!el.shadowRoot) {
    try {
      el.attachShadow({ mode: "open" });
    } catch (error) {
      console.error("carepath: cannot attach a shadow root to this element", error);
      return;
    }
  }
  el.shadowRoot.adoptedStyleSheets = [styles()];
  if (SHELL && !el.shadowRoot.firstChild && !shells.has(el)) {
    const state = { locale: chooseLocale(el), started: false, switched: false };
    shells.set(el, state);
    drawShell(el, state);
  }
  widget().then((w) => {
    if (!el.isConnected) return;
    const state = shells.get(el);
    shells.delete(el);
    const focusedSwitch = el.shadowRoot.activeElement?.classList.contains("cp-lang");
    // The visitor's language choice, if they made one; else the widget
    // chooses as it always does.
    w.mount(el, state?.started ?? false, state?.switched ? state.locale : undefined);
    // The widget renders in a microtask, before the next frame.
    if (focusedSwitch) requestAnimationFrame(() => el.shadowRoot.querySelector(".cp-lang")?.focus());
  }, failed);
}
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
