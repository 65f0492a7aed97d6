// The element's lifecycle: <carepath-assessment> (or <div data-carepath>)
// mounted, configured, reset and removed, with one record per element.
import { SHELL } from "carepath:build";
import { centerPhone, chooseLocale, exitUrl, offeredLanguages, privacyBits, quickExit, remembers, storageKey } from "./attributes.js";
import { again, failed, packsHere, ready, started, widget, words, wordsHere } from "./files.js";
import { adopt, drawShell, focusTarget, onRetry, redraw } from "./screens.js";
import { onSchemeChange, watchTheme } from "./theme.js";

// Each element's record (freed with the element):
// - root: its shadow root, closed by default (page scripts cannot read the
//   answers), so it can only be found here; `open` if shadow="open";
// - shell: what the visitor did on the drawn screens, for the widget,
//   until the widget mounts;
// - recheck: checks its theme again;
// - kept: its place when it was removed, so a re-add, even much later,
//   goes on from there;
// - themed, fix, warned, fixWarned: its theme sheets (theme.js).
const records = new WeakMap();
const ELEMENTS = "carepath-assessment, div[data-carepath]";
const each = (fn) => {
  for (const el of document.querySelectorAll(ELEMENTS)) {
    const record = records.get(el);
    if (record) fn(el, record);
  }
};

// The host's values, read from the element's attributes as the widget
// reads them.
const attr = (el) => (name) => el.getAttribute(name);
const offered = (el) => offeredLanguages(el.getAttribute("languages"), SHELL.languages, SHELL.defaultLanguages);
const locale = (el) =>
  chooseLocale(el.getAttribute("locale"), document.documentElement.getAttribute("lang"), navigator.languages?.length ? navigator.languages : [navigator.language ?? ""], offered(el), SHELL.languages);
const host = (el) => ({
  languages: offered(el),
  privacy: privacyBits(attr(el)),
  phone: centerPhone(el.getAttribute("phone"), SHELL.phone),
  center: el.getAttribute("center-name")?.trim() || "",
  exit: exitUrl(el.getAttribute("exit-url"), SHELL.exitUrl),
});
// The path with its query: under plain permalinks every page's path is /.
const key = (el) => storageKey(SHELL.storage, location.pathname + location.search, el.id);

// With remember="session" and this element's place kept past the start
// screen, the widget opens there: the loader draws only the emergency line.
function restoring(el) {
  if (!remembers(attr(el))) return false;
  try {
    const kept = sessionStorage.getItem(key(el));
    return kept !== null && !kept.startsWith(SHELL.keptStart);
  } catch {
    return false;
  }
}

function mount(el) {
  let record = records.get(el);
  if (!record) {
    // A first screen declared in the page's HTML (`carepath html`) is the
    // element's shadow root already, reached only through its internals
    // (attachShadow would throw); <div data-carepath> has none.
    let declared = null;
    try {
      declared = el.attachInternals?.().shadowRoot ?? null;
    } catch {}
    const open = declared ? declared.mode === "open" : el.getAttribute("shadow")?.trim() === "open";
    try {
      record = { root: declared ?? el.attachShadow({ mode: open ? "open" : "closed" }), open, declared: !!declared, shell: null, kept: null };
    } catch (error) {
      console.error("carepath: cannot attach a shadow root to this element", error);
      return;
    }
    records.set(el, record);
    // Quick exit, from whichever screen draws the button (the loader's or
    // the widget's: `data-action="exit"`).
    record.root.addEventListener("click", (event) => {
      if (event.target.closest?.("[data-action=exit]")) {
        event.preventDefault();
        leave(el);
      }
    });
    if (!quickExit(attr(el))) {
      console.info('carepath: quick-exit="off": this widget has no quick exit button, and Shift three times does not leave. Visitors on a shared device have no quick way out.');
    }
    record.recheck = watchTheme(el, record);
    onSchemeChange(() => each((_, r) => r.recheck()));
  }
  if ((record.declared || !record.root.firstChild) && !record.shell) {
    // A kept place (remember, or a re-add): only the emergency line until
    // the widget opens there. A declared first screen that is the one the
    // loader would draw is taken over as it is; another is drawn again.
    const at = restoring(el) || record.kept ? -1 : 0;
    record.shell = { locale: locale(el), switched: false, at, waiting: null, actions: [], host: host(el) };
    const adopted = record.declared && adopt(el, record);
    // A declared screen drawn again keeps the visitor's focus (they may
    // have tabbed into it before the loader ran).
    const stay = record.declared && !adopted ? focusTarget(record.root) : null;
    record.declared = false;
    if (!adopted) drawShell(el, record);
    stay?.(record.root)?.focus();
    follow(el, record);
  }
  load(el, record);
}

// The drawn screens in the language chosen, once its words are here (a
// declared screen in that language already is, and stays as it is).
function follow(el, record) {
  const s = record.shell;
  words(el, s.locale).then(() => {
    const drawn = record.root.querySelector(".cp")?.getAttribute("lang");
    if (record.shell === s && drawn !== s.locale) redraw(el, record, {});
  }, () => {});
}

function load(el, record) {
  // The wasm and the language's words, fetched together; without the
  // words (a failed fetch) the widget opens in English.
  const lang = record.shell?.locale ?? locale(el);
  const pack = words(el, lang).catch(() => null);
  widget(el).then((w) => pack.then(() => w)).then((w) => {
    if (!el.isConnected) return;
    const s = record.shell;
    record.shell = null;
    const stay = s && !s.waiting ? focusTarget(record.root) : null;
    // The widget replays what the visitor did, in their language if they
    // chose one, and opens where they are.
    // Every language's words the page has, then the widget, which asks for
    // more through `fetchWords` (the same fetch, the same hash).
    for (const [id, pack] of packsHere()) w.add_words(id, pack);
    const fetchWords = (id) => words(el, id);
    w.mount(el, record.root, s?.switched ? s.locale : undefined, s?.actions.join(" "), record.kept ?? undefined, fetchWords);
    record.kept = null;
    // It renders in a microtask, before the next frame; focus stays on the
    // same element unless the visitor has moved it out of the widget.
    if (stay) {
      requestAnimationFrame(() => {
        const away = document.activeElement && document.activeElement !== document.body && document.activeElement !== el;
        if (!away) stay(record.root)?.focus();
      });
    }
  }, (error) => {
    // Once for the page, however many widgets it has.
    if (!failed(error)) return;
    each((e, r) => r.shell?.waiting && redraw(e, r, { waiting: "failed" }));
  });
}

// Try again: a new request for the widget; whichever arrives first mounts.
onRetry(() => {
  again();
  each((el, r) => {
    if (r.shell?.waiting) redraw(el, r, { waiting: "loading", since: Date.now() });
    load(el, r);
  });
});

// Removed: the widget is freed and its place kept in the record, so a
// re-add goes on from there.
const unmount = (el) =>
  setTimeout(() => !el.isConnected && started()?.then((w) => {
    if (!w || el.isConnected) return;
    const place = w.unmount(el);
    const record = records.get(el);
    if (place && record) record.kept = place;
  }), 0);

function configure(el) {
  const record = records.get(el);
  if (!record) return;
  record.recheck();
  // A `locale` set while the drawn screens show (and the visitor has not
  // switched the language): they follow it.
  const s = record.shell;
  if (s && !s.switched && locale(el) !== s.locale) {
    redraw(el, record, { locale: locale(el) });
    follow(el, record);
  }
  if (s && JSON.stringify(host(el)) !== JSON.stringify(s.host)) redraw(el, record, { host: host(el) });
  started()?.then((w) => w && el.isConnected && w.configure(el));
}

function reset(el) {
  // Before the widget runs: start the drawn screens over (and forget a
  // kept place), so it opens at the start.
  const record = records.get(el);
  if (record?.shell) {
    if (remembers(attr(el))) {
      try {
        sessionStorage.removeItem(key(el));
      } catch {}
    }
    redraw(el, record, { at: 0, waiting: null, actions: [] });
    return;
  }
  // The widget's own reset (it clears a kept place and closes the
  // summaries): at once when it is loaded, so quick exit never leaves one.
  if (ready) ready.reset(el);
  else started()?.then((w) => w?.reset(el));
}

// Quick exit. In this order: cover the whole page at once (an overlay in
// its own closed shadow root: the host page names the center), forget the
// answers (the drawn screens, every widget, a kept place), close the
// summaries, tell the page (carepath:exit, no detail), then replace the
// page with the exit address, so Back does not come back to the answers.
let cover = null;
function leave(from) {
  if (!cover) {
    cover = document.createElement("div");
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(":host{all:initial;display:block;position:fixed;inset:0;z-index:2147483647;background:#fff}");
    cover.attachShadow({ mode: "closed" }).adoptedStyleSheets = [sheet];
  }
  document.body.append(cover);
  // reset() forgets: the drawn screens and a kept place, or the widget's
  // answers, its kept place and the summaries.
  each((el) => reset(el));
  from.dispatchEvent(new CustomEvent("carepath:exit", { bubbles: true, composed: true, detail: null }));
  const to = exitUrl(from.getAttribute("exit-url"), SHELL.exitUrl);
  if (window.top !== window) {
    // The iframe form: frame-host.js on the host page replaces the top
    // page with the center's address (a Shift press gives this frame no
    // right to); without it, this frame tries a moment later, which a
    // click allows where the sandbox does, else leaves itself.
    window.parent.postMessage({ type: "carepath:exit" }, "*");
    setTimeout(() => {
      try {
        window.top.location.replace(to);
      } catch {
        console.warn("carepath: quick exit could not replace the host page from this frame, so it left the frame only. Put frame-host.js on the host page, and give a sandboxed iframe allow-top-navigation-by-user-activation.");
        location.replace(to);
      }
    }, 300);
    return;
  }
  location.replace(to);
}

// Shift three times (key ups with no other key between, within 5 s) leaves,
// from anywhere on the page: one listener for the page. Each widget's bar
// says how many more.
function watchShift() {
  let times = [];
  const say = (left) =>
    each((el, r) => {
      const status = r.root.querySelector(".cp-exit-status");
      const lang = r.root.querySelector(".cp")?.getAttribute("lang");
      if (status) status.textContent = left ? wordsHere(lang)?.exit?.[left - 1] ?? "" : "";
    });
  addEventListener("keydown", (event) => {
    if (event.key !== "Shift" && times.length) {
      times = [];
      say(0);
    }
  }, true);
  addEventListener("keyup", (event) => {
    if (event.key !== "Shift") return;
    const first = [...document.querySelectorAll(ELEMENTS)].find((el) => records.has(el) && quickExit(attr(el)));
    if (!first) return;
    const now = Date.now();
    times = [...times.filter((t) => now - t < 5000), now];
    if (times.length >= 3) {
      times = [];
      say(0);
      leave(first);
    } else say(3 - times.length);
  }, true);
  // Back from the exit page (the back-forward cache): the start screen,
  // never the last answers.
  addEventListener("pageshow", (event) => {
    if (!event.persisted || !cover) return;
    cover.remove();
    each((el) => reset(el));
  });
}

/** Defines <carepath-assessment> and watches for <div data-carepath>. */
export function define() {
  watchShift();
  class CarepathAssessment extends HTMLElement {
    static get observedAttributes() { return SHELL.attributes; }
    // Marks Carepath's own definition (this loader, from any URL).
    static get carepath() { return true; }
    connectedCallback() { mount(this); }
    disconnectedCallback() { unmount(this); }
    attributeChangedCallback() { configure(this); }
    /** Starts over, clearing every answer. */
    reset() { reset(this); }
  }
  // Leaving the page closes the summaries the visitor opened (each a copy
  // of the answers).
  addEventListener("pagehide", () => ready?.close_summaries());
  const defined = customElements.get("carepath-assessment");
  if (defined?.carepath) return;
  if (!defined) customElements.define("carepath-assessment", CarepathAssessment);
  else {
    // Another script took the name first: its element is not this widget.
    console.warn("carepath: another script already defined <carepath-assessment>, so that element is not the care check here. Use <div data-carepath> instead (it still works), or remove the other definition.");
  }
  // <div data-carepath> for site builders that strip unknown tags.
  const DIV = "div[data-carepath]";
  const within = (node, fn) => {
    if (node.nodeType !== 1) return;
    if (node.matches(DIV)) fn(node);
    node.querySelectorAll(DIV).forEach(fn);
  };
  const add = (el) => {
    el.reset = () => reset(el);
    mount(el);
  };
  const start = () => {
    document.querySelectorAll(DIV).forEach(add);
    new MutationObserver((changes) => {
      for (const r of changes) {
        if (r.type === "attributes") {
          if (r.target.matches(DIV)) configure(r.target);
          continue;
        }
        r.addedNodes.forEach((n) => within(n, add));
        r.removedNodes.forEach((n) => within(n, unmount));
      }
    }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: SHELL.attributes });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}
