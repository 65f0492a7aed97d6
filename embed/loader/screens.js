// The first screens, drawn before the wasm arrives (the emergency bar, the
// start screen, the first question, the crisis screen): built with DOM
// calls from the widget's own trees and transitions (`carepath shell`),
// recording what the visitor does for the widget to replay. No markup or
// words of its own.
import { SHELL } from "carepath:build";
import { isolate } from "./attributes.js";
import { isBroken, words, wordsHere } from "./files.js";

// A tree from the shell data as DOM: text, [tag, [name, value, ...],
// ...children], a translated string {#: n} or a slot {$: name} (`fill`).
// `@event` attributes call `act` with the recorded word.
function build(node, fill, act) {
  if (!Array.isArray(node)) return fill(node);
  const [tag, attrs, ...children] = node;
  const e = document.createElement(tag);
  for (let i = 0; i < attrs.length; i += 2) {
    const [name, value] = [attrs[i], attrs[i + 1]];
    if (name[0] === "@") listen(e, name.slice(1), () => act(value));
    else e.setAttribute(name, fill(value).textContent);
  }
  e.append(...children.map((c) => build(c, fill, act)));
  return e;
}

function listen(e, type, act) {
  e.addEventListener(type, (event) => {
    // A submit button acts on its click; the form is never submitted.
    if (e.type === "submit") event.preventDefault();
    act();
  });
}

// The same tree matched against elements already in the root (a first
// screen declared in the page's HTML): the controls to listen to, or null
// if the elements are not the tree's (text is not compared; a <noscript>
// is the declared screen's own).
function matchTree(node, e, state, found) {
  if (!Array.isArray(node)) return true;
  const [tag, attrs, ...children] = node;
  if (e?.localName !== tag) return false;
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i][0] === "@") found.push([e, attrs[i].slice(1), attrs[i + 1]]);
  const kids = [...e.children].filter((k) => k.localName !== "noscript");
  let n = 0;
  const next = (tree) => matchTree(tree, kids[n++], state, found);
  for (const c of children) {
    if (Array.isArray(c) && !next(c)) return false;
    // A part whose shape differs by language: its tree when the words are
    // here, else taken as it stands (it has links, no listeners).
    if (c?.["#"] !== undefined && Array.isArray(SHELL.strings.en[c["#"]])) {
      const value = wordsHere(state.locale)?.shell[c["#"]];
      if (value ? !next(value) : kids[n++] === undefined) return false;
    }
    if (c?.$ === "languages" && !state.host.languages.every((id) => next(SHELL.menu[id][id === state.locale ? 1 : 0]))) return false;
    if (c?.$ === "privacy" && !SHELL.privacy[state.host.privacy].every((i) => next(SHELL.views.privacy[i]))) return false;
    if (c?.$ === "screen" && !next(SHELL.views.screens[SHELL.view[state.at][0]])) return false;
  }
  return n === kids.length;
}

/** Takes over a first screen declared in the page's HTML (`carepath html`)
 * if it is the one this loader would draw (its mark names this version,
 * the language and the privacy sentences, and its elements are the
 * tree's): its controls get their listeners, and nothing is drawn again,
 * so nothing flashes and focus stays. Else false (the caller draws). */
export function adopt(el, record) {
  const state = record.shell;
  const wrap = [...record.root.children].find((c) => c.hasAttribute("data-declared"));
  if (state.at !== 0 || wrap?.getAttribute("data-declared") !== `${SHELL.version} ${state.locale} ${state.host.privacy} ${state.host.languages.join(",")}`) return false;
  const found = [];
  if (!matchTree(SHELL.views.frame, wrap.firstElementChild, state, found)) return false;
  for (const [e, type, word] of found) listen(e, type, () => act(el, record, word));
  // Now Shift three times works: the exit link names its hint again.
  wrap.querySelector(".cp-exit")?.setAttribute("aria-describedby", "cp-exit-hint");
  // The declared style pinned the bar's colors until the theme is checked:
  // the loader's checked sheets take over in the frame they apply.
  const style = wrap.previousElementSibling;
  if (style?.localName === "style") requestAnimationFrame(() => style.remove());
  return true;
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
  if (word.startsWith("switch:")) {
    // Drawn in the new language once its words are here.
    const locale = word.slice(7);
    return words(el, locale).then(() => record.shell === state && redraw(el, record, { locale, switched: true }, ".cp-lang"), () => {});
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


/** Draws the element's state into its shadow root. */
export function drawShell(el, record) {
  const state = record.shell;
  const view = SHELL.views;
  // In English until the language's words are here (911 and 988 always
  // show); the screen itself waits for them.
  const shown = wordsHere(state.locale) ? state.locale : "en";
  const strings = wordsHere(shown).shell;
  const values = { center: isolate(state.host.center, SHELL.bidi), tel: `tel:${state.host.phone}`, exit: state.host.exit };
  const doing = (word) => act(el, record, word);
  const fill = (node) => {
    if (typeof node === "string") return document.createTextNode(node);
    if (node["#"] !== undefined) {
      const value = strings[node["#"]];
      return typeof value === "string" ? document.createTextNode(value) : build(value, fill, doing);
    }
    if (node.$ === "languages") {
      const f = document.createDocumentFragment();
      f.append(...state.host.languages.map((id) => build(SHELL.menu[id][id === shown ? 1 : 0], fill, doing)));
      return f;
    }
    if (node.$ === "privacy") {
      const f = document.createDocumentFragment();
      f.append(...SHELL.privacy[state.host.privacy].map((i) => build(view.privacy[i], fill, doing)));
      return f;
    }
    if (node.$ !== "screen") return document.createTextNode(values[node.$] ?? "");
    if (state.at < 0 || shown !== state.locale) return document.createTextNode("");
    const [tree, ...checked] = SHELL.view[state.at];
    const screen = build(view.screens[tree], fill, doing);
    for (const id of checked) screen.querySelector(`#${id}`).checked = true;
    // The waiting message closes the screen the visitor is waiting on.
    if (state.waiting) screen.append(build(view.wait[state.waiting][state.host.phone ? 1 : 0], fill, doing));
    return screen;
  };
  const wrap = document.createElement("div");
  // Session-replay masking markers (screens::declared::MASK), only with shadow="open".
  if (record.open) for (const [name, value] of SHELL.mask) wrap.setAttribute(name, value);
  wrap.append(build(view.frame, fill, doing));
  record.root.replaceChildren(wrap);
}
