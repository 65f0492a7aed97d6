// The widget's stylesheet, the theme attributes as custom properties, and
// the theme's contrast check (WCAG 2.2 AA), so a theme can never hide the
// emergency line.
import { SHELL } from "carepath:build";

let sheet;
/** The widget's own stylesheet, one for the page: first the theme's
 * defaults (each theme attribute's custom property, `--carepath-accent`,
 * with its default, as the widget's own variable, `--cp-accent`), then
 * styles/widget.css. */
export function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`:host{${SHELL.theme.map((_, i) => `${own(i)}:var(${prop(i)},${SHELL.theme[i][2]})`).join(";")}}${SHELL.css}`);
  }
  return sheet;
}

// The pairs the loader checks (src/host_config/schema.rs, CONTRAST): each
// side a theme attribute (by its place in SHELL.theme: its custom
// property, with its default) or a fixed color; when a pair fails, the
// attributes in `fix` fall back to their defaults (on the light panels
// only, if `panels`). Checked at mount, on attribute and color-scheme
// changes and on each screen.
const color = (s) => typeof s === "string";
const named = (s) => (color(s) ? s : SHELL.theme[s][0]);
// A theme attribute's custom property, and the widget's own variable.
const prop = (i) => `--carepath-${SHELL.theme[i][0].slice(6)}`;
const own = (i) => `--cp-${SHELL.theme[i][0].slice(6)}`;
let pairs;
function PAIRS() {
  const side = (s) => (color(s) ? s : `var(${prop(s)}, ${SHELL.theme[s][2]})`);
  const defaults = (fix) => fix.map((i) => `${own(i)}:${SHELL.theme[i][2]};`).join("");
  return (pairs ??= SHELL.contrast.map(([fg, bg, min, fix, panels]) => ({
    props: [fg, bg].filter((s) => !color(s)).map(prop),
    fg: side(fg),
    bg: side(bg),
    min,
    fix: `${panels ? SHELL.panels : ":host"}{${defaults(fix)}${panels ? "color:var(--cp-text)" : ""}}`,
  })));
}

/** The pairs as install tools check them before saving (the configurator,
 * the WordPress settings page): each side a theme attribute or a fixed
 * color, and the minimum ratio. */
export const themePairs = () => SHELL.contrast.map(([fg, bg, min]) => ({ fg: named(fg), bg: named(bg), min }));

/** The contrast ratio of two computed colors, "rgb(...)" or "rgba(...)";
 * a translucent color is laid over white. */
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

// Adds a sheet to the root's own (after the others: it wins).
function adopt(root, added) {
  try {
    if (!root.adoptedStyleSheets.includes(added)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, added];
  } catch {
    // Adopted into another document: its sheets cannot be shared there.
  }
}

// At most this many warnings for one element's theme: a page that keeps
// changing its attributes cannot flood the console.
const WARNINGS = 20;
const warn = (record, key, text) => {
  if (record.warned.has(key) || record.warned.size > WARNINGS) return;
  record.warned.add(key);
  console.warn(record.warned.size > WARNINGS ? "carepath: this element's theme keeps giving warnings; no more are shown." : text);
};

// The theme attributes (theme-accent="#0b5", ...) as custom properties in
// a constructed stylesheet (no inline style: a strict CSP allows it). A
// value is taken only if it matches the schema's pattern (colors the
// contrast check can compute; never url(), var() or a color function but
// rgb() and hsl(), so no theme value makes a request or hides 911 and
// 988) and the browser takes it; else it is left out, with one warning.
function themeAttributes(el, record) {
  const rules = [];
  for (const [i, [name, property]] of SHELL.theme.entries()) {
    const value = el.getAttribute(name)?.trim();
    if (!value) continue;
    if (new RegExp(SHELL.themePatterns[i], "i").test(value) && CSS.supports(property, value)) {
      rules.push(`${prop(i)}:${value};`);
    } else {
      warn(record, `${name}=${value}`, `carepath: ${name}="${value}" is not a valid ${property} here (no url(), var() or color functions but rgb() and hsl()); the default is used.`);
    }
  }
  record.themed.replaceSync(rules.length ? `:host{${rules.join("")}}` : "");
}

function checkTheme(el, record) {
  const { root } = record;
  // Only a widget on screen has colors to check.
  if (!el.isConnected) return;
  // The theme attributes apply first, so the check sees them.
  themeAttributes(el, record);
  adopt(root, record.themed);
  // Probes read the host's own values (never the fixes below, or the
  // check would undo itself); the CSSOM (not markup) sets their colors,
  // which a strict CSP allows.
  const probe = (color) => {
    const p = document.createElement("span");
    p.style.color = color;
    p.hidden = true;
    return p;
  };
  const probes = PAIRS().map((pair) => [probe(pair.fg), probe(pair.bg)]);
  const box = document.createElement("div");
  box.hidden = true;
  box.append(...probes.flat());
  root.append(box);
  const rgb = /^rgba?\(/;
  const failing = PAIRS().filter((pair, i) => {
    const [fg, bg] = probes[i].map((p) => getComputedStyle(p).color);
    return rgb.test(fg) && rgb.test(bg) && contrast(fg, bg) < pair.min;
  });
  box.remove();
  record.fix.replaceSync([...new Set(failing.map((p) => p.fix))].join("\n"));
  // After the theme: the fixes win.
  adopt(root, record.fix);
  const names = [...new Set(failing.flatMap((p) => p.props))].join(", ");
  if (names && names !== record.fixWarned) {
    warn(record, `contrast ${names}`, `carepath: the theme's ${names} do not have enough contrast (WCAG AA); the default colors are used for them.`);
  }
  record.fixWarned = names;
  checkSticky(el, record);
}

// The emergency bar is sticky where the page scrolls it; a host ancestor
// that clips without scrolling (overflow hidden, or auto with nothing to
// scroll: overflow-x: hidden makes overflow-y auto) holds it in place, as
// does a frame sized to its content. Then the short line at the top of each
// long part of the result shows instead (`.cp-line`).
const LINE = ".cp .cp-line{display:block}";
const up = (node) => node.parentElement ?? node.parentNode?.host ?? null;
function unstuck(el) {
  const html = document.documentElement;
  const clips = (s) => [s.overflowX, s.overflowY].some((v) => v === "hidden" || v === "auto" || v === "scroll");
  // The body's overflow belongs to the page's when the root's is visible.
  const bodyIsPage = !clips(getComputedStyle(html));
  for (let node = up(el); node && node !== html; node = up(node)) {
    if (node === document.body && bodyIsPage) continue;
    if (clips(getComputedStyle(node)) && node.scrollHeight <= node.clientHeight + 1) return true;
  }
  return window.top !== window && html.scrollHeight <= html.clientHeight + 1;
}

function checkSticky(el, record) {
  const text = unstuck(el) ? LINE : "";
  if (record.line.text === text) return;
  record.line.text = text;
  record.line.sheet.replaceSync(text);
  adopt(record.root, record.line.sheet);
}

/** Applies and checks the element's theme now and whenever it can change
 * (its attributes, style or class, each screen); returns the function that
 * checks it again (once a frame at most). */
export function watchTheme(el, record) {
  Object.assign(record, { themed: new CSSStyleSheet(), fix: new CSSStyleSheet(), line: { sheet: new CSSStyleSheet(), text: null }, warned: new Set(), fixWarned: "" });
  try {
    record.root.adoptedStyleSheets = [styles()];
  } catch (error) {
    console.warn("carepath: the widget's styles cannot be used in this document", error);
  }
  let queued = false;
  const soon = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      checkTheme(el, record);
    });
  };
  // A first screen declared in the page's HTML is already painted: no DOM
  // work before the next frame (the theme attributes apply then).
  if (record.declared) soon();
  else checkTheme(el, record);
  // Each screen: the check's own probe box is not a screen change.
  new MutationObserver((records) => {
    if (records.some((r) => [...r.addedNodes].some((n) => !n.hidden))) soon();
  }).observe(record.root, { childList: true, subtree: true });
  // A theme set on the element itself (style or class) can change at any time.
  new MutationObserver(soon).observe(el, { attributes: true, attributeFilter: ["style", "class"] });
  return soon;
}

let scheme = false;
/** Calls `recheck` when the color scheme or the window's size changes: one listener for the
 * page, set at the first widget (importing the loader touches no browser
 * API, so server rendering can import it). */
export function onSchemeChange(recheck) {
  if (scheme) return;
  scheme = true;
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", recheck);
  // A new size can start or stop the page scrolling (and a frame sized to
  // its content grows after each screen).
  addEventListener("resize", recheck);
}
