// Carepath embed loader. One <script type="module" src=".../carepath.js">
// and one <carepath-assessment> (or <div data-carepath>) element is all a
// page needs. The wasm and its glue load once, from beside this file
// (resolved from this script's own URL, not the page's), however many
// widgets the page has. Until they arrive, the loader draws the first
// screens (the emergency bar, the start screen, the first question and the
// crisis screen), so a visitor sees the 911 / 988 line at once, even if the
// wasm never comes, and can start.
//
// It writes no markup and decides nothing itself: the screens, the states
// they can be in and where each action leads come from the widget's own
// Rust (`carepath shell`, built in by embed/build-loader.mjs). The loader
// builds them with DOM calls and records what the visitor does, which the
// widget replays.
// Filled in by embed/build-loader.mjs: see src/screens/shell.rs.
const SHELL = null;
const ATTRIBUTES = SHELL?.attributes ?? [];

// The widget's files: beside this loader by default, found the way
// bundlers (Vite, webpack) see them, so they emit them with no setting; or
// in the folder the first element's `files` attribute names (a CDN).
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
function widget() {
  loading ??= (() => {
    const { wasm: wasmUrl, glue: glueUrl } = files();
    // The glue and the wasm are fetched side by side, not one after the
    // other; the wasm is checked against this release's hash (a changed or
    // wrong file fails safe: the emergency line stays, the console says so).
    const wasm = fetch(wasmUrl, SHELL?.integrity ? { integrity: SHELL.integrity } : {});
    if (attempt) glueUrl.searchParams.set("attempt", attempt);
    // If the glue fails first, the fetch's own failure is reported with it
    // (below), not as an uncaught error.
    wasm.catch(() => {});
    return import(glueUrl.href).then(async (glue) => {
      await glue.default({ module_or_path: wasm });
      return glue;
    });
  })();
  return loading;
}

/** The warnings the widget gives for these attributes (an object of name
 * to value), for install tools: the widget's own rules, not a copy. */
export async function check(attributes) {
  return (await widget()).check(attributes);
}

function failed(error) {
  const { wasm, glue } = files();
  console.error(`carepath: the widget could not load. Check that ${glue.href} and ${wasm.href} are served (the wasm with Content-Type application/wasm, and CORS from another origin), that they are this release's files (the wasm must match the loader's integrity hash), and that the page's Content-Security-Policy allows them (see the README).`, error);
}

let sheet;
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(SHELL?.css ?? "");
  }
  return sheet;
}

// The host's values, read from the element's attributes as the widget
// reads them (host_config), with the rules from the shell data.
const on = (el, name) => el.hasAttribute(name) && el.getAttribute(name).trim() !== "false";
const remembers = (el) => el.getAttribute("remember")?.trim() === "session" && el.id.trim() !== "";
// The widget's choice (i18n::choose_locale): a known locale; or `auto`
// (the default): the page's lang when it is a supported language other
// than English, else the browser's languages by primary subtag; else
// English.
function chooseLocale(el) {
  const setting = (el.getAttribute("locale") ?? "").trim() || "auto";
  const ids = SHELL.locales;
  const known = (tag) => ids.find((id) => id === tag.split(/[-_]/)[0].trim().toLowerCase());
  if (setting !== "auto") return known(setting) ?? "en";
  const page = known(document.documentElement.getAttribute("lang") ?? "");
  if (page && page !== "en") return page;
  const tags = navigator.languages?.length ? navigator.languages : [navigator.language ?? ""];
  return tags.map(known).find(Boolean) ?? "en";
}
// Which privacy sentences show (SHELL.privacy): share-progress 1,
// share-result 2, share-answers 4, remember 8.
const privacyBits = (el) =>
  on(el, "share-progress") + 2 * on(el, "share-result") + 4 * on(el, "share-answers") + 8 * remembers(el);
// The center's number for "call the center", or null (SHELL.phone: the
// widget's own limits; never an emergency line).
function centerPhone(el) {
  const { marks, min, max, never } = SHELL.phone;
  const text = el.getAttribute("phone") ?? "";
  const tel = text.replace(/[^\d+]/g, "");
  const digits = tel.replace(/\D/g, "");
  const ok = [...text].every((c) => /\d/.test(c) || marks.includes(c)) && !text.trim().slice(1).includes("+");
  return ok && digits.length >= min && digits.length <= max && !never.includes(digits) ? tel : null;
}
function host(el) {
  return { privacy: privacyBits(el), phone: centerPhone(el), center: el.getAttribute("center-name")?.trim() || "" };
}

// A tree from the shell data as DOM: text, [tag, [name, value, ...],
// ...children], a translated string {#: n} or a slot {$: name} (`fill`).
// `@event` attributes call `act` with the recorded word.
function build(node, fill, act) {
  if (!Array.isArray(node)) return fill(node);
  const [tag, attrs, ...children] = node;
  const e = document.createElement(tag);
  for (let i = 0; i < attrs.length; i += 2) {
    const [name, value] = [attrs[i], attrs[i + 1]];
    if (name[0] === "@") {
      const type = name.slice(1);
      e.addEventListener(type, (event) => {
        if (type === "submit") event.preventDefault();
        act(value);
      });
    } else e.setAttribute(name, fill(value).textContent);
  }
  e.append(...children.map((c) => build(c, fill, act)));
  return e;
}

// Next on a screen the loader does not draw (the second question, or on
// from the crisis screen): the visitor waits for the widget, and is told;
// or is told it could not load.
let broken = false;
const SLOW_MS = 20_000;
const wait = () => ({ waiting: broken ? "failed" : "loading", since: Date.now() });

// What the visitor did: recorded for the widget, then drawn. Focus goes
// where the widget would put it (a new screen's heading), else stays.
// Anything the visitor does while waiting for the widget takes back the
// Next (or Go on) they are waiting on, so what shows is what is recorded.
function act(el, state, word) {
  if (word === "retry") return retry();
  if (word === "switch") {
    const ids = SHELL.locales;
    return redraw(el, state, { locale: ids[(ids.indexOf(state.locale) + 1) % ids.length], switched: true });
  }
  const edge = SHELL.go[state.at]?.[word];
  if (edge === undefined) return;
  // `quiet`: a choice the radio already shows; `focus`: a new screen.
  let quiet = edge?.quiet;
  if (state.waiting) {
    state.actions.pop();
    state.waiting = null;
    quiet = false;
  }
  state.actions.push(word);
  if (edge === null) return redraw(el, state, wait());
  if (quiet) state.at = edge.to;
  else redraw(el, state, { at: edge.to }, edge.focus ? ".cp-focus" : null);
}

// Where focus is, as a way to find the same element in a redrawn or the
// widget's identical rendering: its id, its role in the screen, or its
// place in the tree.
function focusTarget(root) {
  const e = root.activeElement;
  if (!e) return null;
  if (e.id) return (r) => r.getElementById(e.id);
  for (const c of ["cp-lang", "cp-focus", "cp-primary", "cp-link"]) {
    if (e.classList.contains(c)) return (r) => r.querySelector(`.${c}`);
  }
  const path = [];
  for (let n = e; n !== root; n = n.parentNode) path.unshift([...n.parentNode.children].indexOf(n));
  // Only the same kind of element, with the same link, in the same part.
  const part = (n) => n?.closest("[data-screen], .cp-bar")?.getAttribute("data-screen") ?? "bar";
  return (r) => {
    const found = path.reduce((n, i) => n?.children[i], r);
    const same = found?.tagName === e.tagName && found.getAttribute("href") === e.getAttribute("href") && part(found) === part(e);
    return same ? found : null;
  };
}

function redraw(el, state, change, focus) {
  // A visitor still waiting after SLOW_MS is told, with "Try again".
  if (change.waiting === "loading") {
    setTimeout(() => {
      if (state.waiting !== "loading" || state.since !== change.since || !shells.has(el)) return;
      console.warn(`carepath: the widget has not loaded after ${SLOW_MS / 1000} s (a slow network, or its files are blocked); the visitor is told and can try again.`);
      redraw(el, state, { waiting: "slow" });
    }, SLOW_MS);
  }
  const root = roots.get(el);
  const stay = focusTarget(root);
  Object.assign(state, change);
  drawShell(el, state);
  (focus ? root.querySelector(focus) : stay?.(root))?.focus();
}

// Session-replay masking markers (embed.rs, MASK), only with shadow="open".
const MASK = { class: "rr-block fs-exclude", "data-hj-suppress": "", "data-clarity-mask": "true", "data-private": "" };
const opensShadow = (el) => el.getAttribute("shadow")?.trim() === "open";

function drawShell(el, state) {
  const view = SHELL.views;
  const strings = SHELL.strings[state.locale];
  const values = { center: `\u2068${state.host.center}\u2069`, tel: `tel:${state.host.phone}` };
  const doing = (word) => act(el, state, word);
  const fill = (node) => {
    if (typeof node === "string") return document.createTextNode(node);
    if (node["#"] !== undefined) return document.createTextNode(strings[node["#"]]);
    if (node.$ === "privacy") {
      const f = document.createDocumentFragment();
      f.append(...SHELL.privacy[state.host.privacy].map((i) => build(view.privacy[i], fill, doing)));
      return f;
    }
    if (node.$ !== "screen") return document.createTextNode(values[node.$] ?? "");
    if (state.at < 0) return document.createTextNode("");
    const [tree, ...checked] = SHELL.view[state.at];
    const screen = build(view.screens[tree], fill, doing);
    for (const id of checked) screen.querySelector(`#${id}`).checked = true;
    // The waiting message closes the screen the visitor is waiting on.
    if (state.waiting) screen.append(build(view.wait[state.waiting][state.host.phone ? 1 : 0], fill, doing));
    return screen;
  };
  const wrap = document.createElement("div");
  if (opensShadow(el)) for (const [name, value] of Object.entries(MASK)) wrap.setAttribute(name, value);
  wrap.append(build(view.frame, fill, doing));
  roots.get(el).replaceChildren(wrap);
}

// The widget's key for a kept place (embed.rs, storage_key): the page's
// path and the element's id; remember="session" needs the id.
const storageKey = (el) => `${SHELL.storage}${location.pathname}#${el.id}`;

// With remember="session" and this element's place kept past the start
// screen, the widget opens there: the loader draws only the emergency line.
function restoring(el) {
  if (!remembers(el)) return false;
  try {
    const kept = sessionStorage.getItem(storageKey(el));
    return kept !== null && !kept.startsWith(SHELL.keptStart);
  } catch {
    return false;
  }
}

// Theme contrast (WCAG 2.2 AA): each pair the host can theme, its
// minimum ratio, and what replaces it when it fails. Checked at mount, on
// attribute and color-scheme changes and on each screen, so a theme can
// never hide the emergency line. The install tools reuse `contrast`.
const LIGHT_PANEL = "#fdf1f0"; // the emergency bar, crisis lines and urgent boxes
// Text, hints and panels fall back together: one default alone could
// clash with the theme's others.
const BASE_PALETTE = ":host { --cp-text: #1b1f23; --cp-surface: #ffffff; --cp-muted: #4a5560; --cp-soft: #eef3f5; }";
const PAIRS = [
  { props: ["--carepath-text", "--carepath-surface"], fg: "var(--carepath-text, #1b1f23)", bg: "var(--carepath-surface, #ffffff)", min: 4.5,
    fix: BASE_PALETTE },
  { props: ["--carepath-muted", "--carepath-surface"], fg: "var(--carepath-muted, #4a5560)", bg: "var(--carepath-surface, #ffffff)", min: 4.5,
    fix: BASE_PALETTE },
  { props: ["--carepath-text", "--carepath-soft"], fg: "var(--carepath-text, #1b1f23)", bg: "var(--carepath-soft, #eef3f5)", min: 4.5,
    fix: BASE_PALETTE },
  { props: ["--carepath-accent-text", "--carepath-accent"], fg: "var(--carepath-accent-text, #ffffff)", bg: "var(--carepath-accent, #12455a)", min: 4.5,
    fix: ":host { --cp-accent-text: #ffffff; --cp-accent: #12455a; }" },
  { props: ["--carepath-text"], fg: "var(--carepath-text, #1b1f23)", bg: LIGHT_PANEL, min: 4.5,
    fix: ".cp-bar, .cp-crisis-lines li, .cp-first:not(.cp-first-detox) { --cp-text: #1b1f23; --cp-muted: #4a5560; color: #1b1f23; }" },
  { props: ["--carepath-urgent"], fg: "var(--carepath-urgent, #a3140e)", bg: LIGHT_PANEL, min: 4.5,
    fix: ":host { --cp-urgent: #a3140e; }" },
  { props: ["--carepath-urgent"], fg: "#ffffff", bg: "var(--carepath-urgent, #a3140e)", min: 4.5,
    fix: ":host { --cp-urgent: #a3140e; }" },
  { props: ["--carepath-focus", "--carepath-surface"], fg: "var(--carepath-focus, #b35c00)", bg: "var(--carepath-surface, #ffffff)", min: 3,
    fix: ":host { --cp-focus: #b35c00; }" },
];

// The pairs as install tools check them before saving (the configurator,
// the WordPress settings page): each side a theme attribute or a fixed
// color, and the minimum ratio. One list, so the tools cannot drift.
export const themePairs = () =>
  PAIRS.map(({ fg, bg, min }) => ({ fg: themeName(fg), bg: themeName(bg), min }));
const themeName = (v) => v.replace(/^var\(--carepath-([\w-]+).*/, "theme-$1");

// The contrast ratio of two computed colors, "rgb(...)" or "rgba(...)"; a
// translucent color is laid over white.
export function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl, alpha = 1] = c.match(/[\d.]+/g).map(Number);
    return [r, g, bl]
      .map((v) => (v * alpha + 255 * (1 - alpha)) / 255)
      .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// The theme attributes (theme-accent="#0b5", ...) as custom properties in
// a constructed stylesheet (no inline style: a strict CSP allows it). A
// value that is not valid for its property is left out, with one warning.
const themeSet = new WeakMap(); // element -> { sheet, warned }
function themeAttributes(el) {
  let set = themeSet.get(el);
  if (!set) themeSet.set(el, (set = { sheet: new CSSStyleSheet(), warned: new Set() }));
  const rules = [];
  for (const [name, property] of SHELL?.theme ?? []) {
    const value = el.getAttribute(name)?.trim();
    if (!value) continue;
    if (CSS.supports(property, value) && !/[;{}]/.test(value)) {
      rules.push(`--carepath-${name.slice(6)}: ${value};`);
    } else if (!set.warned.has(`${name}=${value}`)) {
      set.warned.add(`${name}=${value}`);
      console.warn(`carepath: ${name}="${value}" is not a valid ${property}; the default is used.`);
    }
  }
  set.sheet.replaceSync(rules.length ? `:host { ${rules.join(" ")} }` : "");
  return set.sheet;
}

const themeFix = new WeakMap(); // element -> { sheet, warned }
function checkTheme(el) {
  const root = roots.get(el);
  // Only a widget on screen has colors to check.
  if (!root || !el.isConnected) return;
  // The theme attributes apply first, so the check sees them.
  const theme = themeAttributes(el);
  try {
    if (!root.adoptedStyleSheets.includes(theme)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, theme];
  } catch {
    // Adopted into another document: its sheets cannot be shared there.
  }
  // Probes read the host's own values (never the fixes below, or the
  // check would undo itself); the CSSOM (not markup) sets their colors,
  // which a strict CSP allows.
  const probe = (color) => {
    const p = document.createElement("span");
    p.style.color = color;
    p.hidden = true;
    return p;
  };
  const probes = PAIRS.map((pair) => [probe(pair.fg), probe(pair.bg)]);
  const box = document.createElement("div");
  box.hidden = true;
  box.append(...probes.flat());
  root.append(box);
  const rgb = /^rgba?\(/;
  const failing = PAIRS.filter((pair, i) => {
    const [fg, bg] = probes[i].map((p) => getComputedStyle(p).color);
    return rgb.test(fg) && rgb.test(bg) && contrast(fg, bg) < pair.min;
  });
  box.remove();
  let fix = themeFix.get(el);
  if (!fix) themeFix.set(el, (fix = { sheet: new CSSStyleSheet(), warned: "" }));
  const css = [...new Set(failing.map((p) => p.fix))].join("\n");
  fix.sheet.replaceSync(css);
  try {
    // After the theme: the fixes win.
    if (!root.adoptedStyleSheets.includes(fix.sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, fix.sheet];
  } catch {
    // Adopted into another document: its sheets cannot be shared there.
  }
  const names = [...new Set(failing.flatMap((p) => p.props))].join(", ");
  if (names && names !== fix.warned) {
    console.warn(`carepath: the theme's ${names} do not have enough contrast (WCAG AA); the default colors are used for them.`);
  }
  fix.warned = names;
}
function watchTheme(el) {
  let queued = false;
  const soon = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      checkTheme(el);
    });
  };
  checkTheme(el);
  // Each screen: the check's own probe box is not a screen change.
  new MutationObserver((records) => {
    if (records.some((r) => [...r.addedNodes].some((n) => !n.hidden))) soon();
  }).observe(roots.get(el), { childList: true, subtree: true });
  // A theme set on the element itself (style or class) can change at any time.
  new MutationObserver(soon).observe(el, { attributes: true, attributeFilter: ["style", "class"] });
  return soon;
}
const themeWatch = new WeakMap();
// One listener for the page (one per widget would keep removed ones alive).
matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => {
  for (const el of document.querySelectorAll("carepath-assessment, div[data-carepath]")) themeWatch.get(el)?.();
});

// What the visitor did on the drawn screens, per element, for the widget.
const shells = new WeakMap();
// The shadow root attached to each element: closed by default (page
// scripts cannot read the answers), so it can only be found here.
const roots = new WeakMap();

function mount(el) {
  if (!roots.has(el)) {
    try {
      roots.set(el, el.attachShadow({ mode: opensShadow(el) ? "open" : "closed" }));
    } catch (error) {
      console.error("carepath: cannot attach a shadow root to this element", error);
      return;
    }
  }
  const root = roots.get(el);
  if (!themeWatch.has(el)) {
    try {
      root.adoptedStyleSheets = [styles()];
    } catch (error) {
      console.warn("carepath: the widget's styles cannot be used in this document", error);
    }
    themeWatch.set(el, watchTheme(el));
  }
  if (SHELL && !root.firstChild && !shells.has(el)) {
    // A kept place (remember, or a re-add): only the emergency line until
    // the widget opens there.
    const at = restoring(el) || kept.has(el) ? -1 : 0;
    const state = { locale: chooseLocale(el), switched: false, at, waiting: null, actions: [], host: host(el) };
    shells.set(el, state);
    drawShell(el, state);
  }
  load(el, root);
}

// Try again: a new request for the widget (a new URL: a browser keeps a
// failed module import failed); whichever arrives first mounts.
let attempt = 0;
function retry() {
  attempt += 1;
  loading = undefined;
  broken = false;
  for (const el of document.querySelectorAll("carepath-assessment, div[data-carepath]")) {
    const s = shells.get(el);
    if (s?.waiting) redraw(el, s, { waiting: "loading", since: Date.now() });
    if (roots.has(el)) load(el, roots.get(el));
  }
}

function load(el, root) {
  widget().then((w) => {
    if (!el.isConnected) return;
    const s = shells.get(el);
    shells.delete(el);
    const stay = s && !s.waiting ? focusTarget(root) : null;
    // The widget replays what the visitor did, in their language if they
    // chose one, and opens where they are.
    w.mount(el, root, s?.switched ? s.locale : undefined, s?.actions.join(" "), kept.get(el));
    kept.delete(el);
    // It renders in a microtask, before the next frame; focus stays on the
    // same element unless the visitor has moved it out of the widget.
    if (stay) {
      requestAnimationFrame(() => {
        const away = document.activeElement && document.activeElement !== document.body && document.activeElement !== el;
        if (!away) stay(root)?.focus();
      });
    }
  }, (error) => {
    // Once for the page, however many widgets it has.
    if (broken) return;
    broken = true;
    failed(error);
    for (const el of document.querySelectorAll("carepath-assessment, div[data-carepath]")) {
      const s = shells.get(el);
      if (s?.waiting) redraw(el, s, { waiting: "failed" });
    }
  });
}
// Removed: the widget is freed and its place kept with the element (a
// WeakMap, freed with it), so a re-add, even much later, goes on from there.
const kept = new WeakMap();
const unmount = (el) =>
  setTimeout(() => !el.isConnected && loading?.then((w) => {
    if (el.isConnected) return;
    const place = w.unmount(el);
    if (place) kept.set(el, place);
  }), 0);
function configure(el) {
  themeWatch.get(el)?.();
  // A `locale` set while the drawn screens show (and the visitor has not
  // switched the language): they follow it.
  const s = shells.get(el);
  if (s && !s.switched && chooseLocale(el) !== s.locale) redraw(el, s, { locale: chooseLocale(el) });
  if (s && JSON.stringify(host(el)) !== JSON.stringify(s.host)) redraw(el, s, { host: host(el) });
  loading?.then((w) => el.isConnected && w.configure(el));
}
function reset(el) {
  // Before the widget runs: start the drawn screens over (and forget a
  // kept place), so it opens at the start.
  const s = shells.get(el);
  if (s) {
    if (remembers(el)) {
      try {
        sessionStorage.removeItem(storageKey(el));
      } catch {}
    }
    redraw(el, s, { at: 0, waiting: null, actions: [] });
    return;
  }
  loading?.then((w) => w.reset(el));
}

class CarepathAssessment extends HTMLElement {
  static get observedAttributes() { return ATTRIBUTES; }
  // Marks Carepath's own definition (this loader, from any URL).
  static get carepath() { return true; }
  connectedCallback() { mount(this); }
  disconnectedCallback() { unmount(this); }
  attributeChangedCallback() { configure(this); }
  /** Starts over, clearing every answer. */
  reset() { reset(this); }
}

const defined = customElements.get("carepath-assessment");
if (!defined) customElements.define("carepath-assessment", CarepathAssessment);
else if (!defined.carepath) {
  // Another script took the name first: its element is not this widget.
  console.warn("carepath: another script already defined <carepath-assessment>, so that element is not the care check here. Use <div data-carepath> instead (it still works), or remove the other definition.");
}

if (!defined?.carepath) {
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
