// Carepath embed loader. One <script type="module" src=".../carepath.js">
// and one <carepath-assessment> (or <div data-carepath>) element is all a
// page needs. The wasm and its glue load once, from beside this file
// (resolved from this script's own URL, not the page's), however many
// widgets the page has. Until they arrive, the loader draws the first
// screens itself (the emergency bar, the start screen and the first
// question), so a visitor sees the 911 / 988 line at once, even if the
// wasm never comes, and can start.
const here = import.meta.url;
const ATTRIBUTES = [
  "center-name", "phone", "contact-url", "offers", "outpatient-schedule",
  "iop-schedule", "php-schedule", "locale", "remember", "share-result", "share-answers",
];
// Filled in by embed/build-loader.mjs: the stylesheet, the first screens'
// words in each locale, and how many questions a new journey counts.
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

// The same elements the widget renders (app.rs, emergency_bar.rs,
// start.rs, question.rs), attributes in the same order (yew sets class,
// then value, last); the widget replaces them when it mounts.
function h(tag, { class: className, value, ...attributes }, ...children) {
  const e = document.createElement(tag);
  for (const [name, v] of Object.entries(attributes)) e.setAttribute(name, v);
  if (className) e.setAttribute("class", className);
  if (value) e.setAttribute("value", value);
  e.append(...children.filter((c) => c !== null));
  return e;
}

// The start screen, or the first question (danger_now) once Start is
// pressed: what a visitor may do before the wasm arrives.
function startScreen(t, state, redraw) {
  const begin = h("button", { type: "button", class: "cp-button cp-primary" }, t["start.begin"]);
  begin.addEventListener("click", () => redraw({ screen: "danger_now" }, ".cp-focus"));
  const p = (key) => h("p", {}, t[key]);
  return h("section", { class: "cp-start", "data-screen": "start" },
    h("h2", { class: "cp-heading cp-focus", tabindex: "-1" }, t["start.heading"]),
    p("start.intro"), p("start.private"), p("start.estimate"), p("start.who"),
    begin);
}

function firstQuestion(t, state, redraw) {
  const q = "danger_now";
  const option = (id) => {
    const input = h("input", { type: "radio", id: `cp-${q}-${id}`, name: q, class: "cp-input", value: id });
    input.checked = state.answer === id;
    input.addEventListener("change", () => (state.answer = id));
    return h("div", { class: "cp-option" }, input, h("label", { for: `cp-${q}-${id}` }, t[`q.${q}.opt.${id}`]));
  };
  const hold = state.next && !state.answer;
  const back = h("button", { type: "button", class: "cp-button cp-link" }, t["nav.back"]);
  back.addEventListener("click", () => redraw({ screen: "start", next: false }, ".cp-focus"));
  const form = h("form", { "data-screen": "question", "data-question": q, novalidate: "novalidate", class: "cp-question" },
    h("fieldset", { "aria-describedby": hold ? `cp-hint-${q} cp-error-${q}` : `cp-hint-${q}`, class: "cp-fieldset" },
      h("legend", { class: "cp-legend" },
        h("h2", { tabindex: "-1", class: "cp-heading cp-focus" },
          h("span", { class: "cp-progress" }, t["nav.progress"].replace("{n}", "1").replace("{total}", SHELL.firstTotal)),
          h("span", { class: "cp-question-text" }, t[`q.${q}.legend`]))),
      h("p", { id: `cp-hint-${q}`, class: "cp-hint" }, t[`q.${q}.hint`]),
      hold ? h("p", { id: `cp-error-${q}`, role: "alert", class: "cp-error" }, t["nav.need_answer_required"]) : null,
      h("div", { class: "cp-options" }, option("yes"), option("no"))),
    h("div", { class: "cp-nav" },
      h("button", { type: "submit", class: "cp-button cp-primary" }, t["nav.next"]),
      back));
  // Next with an answer waits for the widget, which goes on from there.
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (state.answer) {
      state.next = true;
      form.setAttribute("aria-busy", "true");
    } else redraw({ next: true });
  });
  return form;
}

function drawShell(el, state) {
  const t = SHELL.texts[state.locale];
  const ids = SHELL.locales;
  const next = ids[(ids.indexOf(state.locale) + 1) % ids.length];
  const redraw = (change, focus) => {
    Object.assign(state, change);
    drawShell(el, state);
    if (focus) el.shadowRoot.querySelector(focus)?.focus();
  };
  const lang = h("button", { type: "button", class: "cp-lang", lang: next, "data-switch-to": next }, t["lang.switch"]);
  lang.addEventListener("click", () => redraw({ locale: next, switched: true }, ".cp-lang"));
  const screen = (state.screen === "start" ? startScreen : firstQuestion)(t, state, redraw);
  el.shadowRoot.replaceChildren(h("div", {},
    h("div", { class: "cp", lang: state.locale, role: "region", "aria-label": t["app.label"] },
      h("aside", { class: "cp-bar", "aria-label": t["bar.text"] },
        h("span", { class: "cp-bar-text" }, t["bar.text"]),
        h("a", { class: "cp-bar-link", href: "tel:911" }, t["bar.call911"]),
        h("a", { class: "cp-bar-link", href: "tel:988" }, t["bar.call988"]),
        h("a", { class: "cp-bar-link", href: "sms:988" }, t["bar.text988"]),
        lang),
      h("div", { class: "cp-screen" }, screen))));
}

// The same element in the widget's rendering of the screen.
function focusTarget(e) {
  if (!e) return null;
  if (e.id) return `#${e.id}`;
  for (const c of ["cp-lang", "cp-focus", "cp-primary", "cp-link"]) if (e.classList.contains(c)) return `.${c}`;
  return null;
}

// With remember="session" and a place kept this session, the widget opens
// there: drawing the start screen first would only flash.
function restoring(el) {
  if (el.getAttribute("remember")?.trim() !== "session") return false;
  try {
    return Object.keys(sessionStorage).some((k) => k.startsWith("carepath:progress:"));
  } catch {
    return false;
  }
}

// What the visitor did on the drawn screens, per element, for the widget.
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
  if (SHELL && !el.shadowRoot.firstChild && !shells.has(el) && !restoring(el)) {
    const state = { locale: chooseLocale(el), switched: false, screen: "start", answer: null, next: false };
    shells.set(el, state);
    drawShell(el, state);
  }
  widget().then((w) => {
    if (!el.isConnected) return;
    const s = shells.get(el);
    shells.delete(el);
    const focused = el.shadowRoot.activeElement;
    const started = s?.screen === "danger_now";
    // The widget picks up where the visitor is: their language choice if
    // they made one, the first question with its answer, Next pressed.
    w.mount(el, started, s?.switched ? s.locale : undefined, started ? s.answer ?? undefined : undefined, started && s.next);
    // Focus stays where it was, unless Next moved the visitor on (the
    // widget then focuses the new screen). The widget renders in a
    // microtask, before the next frame.
    const again = s?.next && s.answer ? null : focusTarget(focused);
    if (again) requestAnimationFrame(() => el.shadowRoot.querySelector(again)?.focus());
  }, failed);
}
// Removed and re-added in the same task (a move) keeps the visitor's
// place; removed for good cleans up.
const unmount = (el) => setTimeout(() => !el.isConnected && loading?.then((w) => w.unmount(el)), 0);
function configure(el) {
  // A `locale` set while the drawn screens show (and the visitor has not
  // switched the language): they follow it.
  const s = shells.get(el);
  if (s && !s.switched && chooseLocale(el) !== s.locale) {
    s.locale = chooseLocale(el);
    drawShell(el, s);
  }
  loading?.then((w) => el.isConnected && w.configure(el));
}
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
