// The first screens, drawn before the wasm arrives (the emergency bar, the
// start screen, the first question, the crisis screen): built with DOM
// calls from the widget's own trees and transitions (`carepath shell`),
// recording what the visitor does for the widget to replay. No markup or
// words of its own.
import { SHELL } from "carepath:build";
import { isolate } from "./attributes.js";
import { isBroken } from "./files.js";

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
        // A submit button acts on its click; the form is never submitted.
        if (e.type === "submit") event.preventDefault();
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
const SLOW_MS = 20_000;
const wait = () => ({ waiting: isBroken() ? "failed" : "loading", since: Date.now() });

let retry = () => {};
/** What "Try again" does (the lifecycle's retry). */
export const onRetry = (fn) => {
  retry = fn;
};

// What the visitor did: recorded for the widget, then drawn. Focus goes
// where the widget would put it (a new screen's heading), else stays.
// Anything the visitor does while waiting for the widget takes back the
// Next (or Go on) they are waiting on, so what shows is what is recorded.
function act(el, record, word) {
  const state = record.shell;
  if (word === "retry") return retry();
  if (word === "switch") {
    const ids = SHELL.locales;
    return redraw(el, record, { locale: ids[(ids.indexOf(state.locale) + 1) % ids.length], switched: true });
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
  if (edge === null) return redraw(el, record, wait());
  if (quiet) state.at = edge.to;
  else redraw(el, record, { at: edge.to }, edge.focus ? ".cp-focus" : null);
}

/** Where focus is, as a way to find the same element in a redrawn or the
 * widget's identical rendering: its id, its role in the screen, or its
 * place in the tree. */
export function focusTarget(root) {
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

/** Changes the drawn state and draws it, keeping focus. */
export function redraw(el, record, change, focus) {
  const state = record.shell;
  // A visitor still waiting after SLOW_MS is told, with "Try again".
  if (change.waiting === "loading") {
    setTimeout(() => {
      if (state.waiting !== "loading" || state.since !== change.since || record.shell !== state) return;
      console.warn(`carepath: the widget has not loaded after ${SLOW_MS / 1000} s (a slow network, or its files are blocked); the visitor is told and can try again.`);
      redraw(el, record, { waiting: "slow" });
    }, SLOW_MS);
  }
  const stay = focusTarget(record.root);
  Object.assign(state, change);
  drawShell(el, record);
  (focus ? record.root.querySelector(focus) : stay?.(record.root))?.focus();
}

// Session-replay masking markers (embed.rs, MASK), only with shadow="open".
const MASK = { class: "rr-block fs-exclude", "data-hj-suppress": "", "data-clarity-mask": "true", "data-private": "" };

/** Draws the element's state into its shadow root. */
export function drawShell(el, record) {
  const state = record.shell;
  const view = SHELL.views;
  const strings = SHELL.strings[state.locale];
  const values = { center: isolate(state.host.center, SHELL.bidi), tel: `tel:${state.host.phone}` };
  const doing = (word) => act(el, record, word);
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
  if (record.open) for (const [name, value] of Object.entries(MASK)) wrap.setAttribute(name, value);
  wrap.append(build(view.frame, fill, doing));
  record.root.replaceChildren(wrap);
}
