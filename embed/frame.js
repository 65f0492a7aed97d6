// The iframe form. Its options come from frame-options.json beside this
// page, which the center edits when uploading: never from the URL, which
// anyone can write (a link with the center's name and someone else's
// phone, or an event-handler attribute). The URL may only pick the language.
const OPTIONS = "frame-options.json";
// The element's attributes this page may set (text values, or true/false
// flags) and the languages its URL may pick: written in by the build from
// the element's schema (`carepath schema`, declared once in Rust). A copy
// inside this file on purpose: this page must work (and show its static
// emergency line) even when carepath.js cannot load. `files` and `shadow`
// are the frame's own business, never a center's option.
const ALLOWED = null;
const { text: TEXT, flags: FLAGS, locales: LOCALES } = ALLOWED;

const line = document.getElementById("static-line");
const widget = document.createElement("carepath-assessment");
// The element has no children of its own, so any height is its rendering
// (its shadow root may be closed), emergency bar first: only then does the
// static line give way.
new ResizeObserver(() => (line.hidden = widget.offsetHeight > 0)).observe(widget);

const problem = (text) => console.error(`carepath: ${OPTIONS} ${text}`);
const DEFAULTS = "the widget shows with its defaults (see the README, \"The iframe form\")";

async function readOptions() {
  let text;
  try {
    const response = await fetch(new URL(OPTIONS, import.meta.url), { cache: "no-cache" });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    text = await response.text();
  } catch (error) {
    problem(`could not be loaded beside frame.html (${error.message}); ${DEFAULTS}`);
    return {};
  }
  try {
    const options = JSON.parse(text);
    if (options && typeof options === "object" && !Array.isArray(options)) return options;
    problem(`is not a JSON object; ${DEFAULTS}`);
  } catch (error) {
    problem(`is not valid JSON (${error.message}); ${DEFAULTS}`);
  }
  return {};
}

const isOrigin = (value) => {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === value;
  } catch {
    return false;
  }
};

/** Sets the known attributes; returns the frame's own options. */
function apply(options) {
  const frame = { height: "fixed", parentOrigin: null };
  const bad = (name, expected) => problem(`gives "${name}" a value that is not ${expected}; it is left out`);
  for (const [name, value] of Object.entries(options)) {
    if (TEXT.includes(name)) {
      if (typeof value === "string") widget.setAttribute(name, value);
      else bad(name, "a string");
    } else if (FLAGS.includes(name)) {
      if (value === true) widget.setAttribute(name, "");
      else if (value !== false) bad(name, "true or false");
    } else if (name === "height") {
      if (value === "fixed" || value === "content") frame.height = value;
      else bad(name, '"fixed" or "content"');
    } else if (name === "parent-origin") {
      if (typeof value === "string" && isOrigin(value)) frame.parentOrigin = value;
      else bad(name, 'an origin such as "https://center.example"');
    } else {
      problem(`has an unknown option ${JSON.stringify(name)}; it is left out`);
    }
  }
  return frame;
}

/** The language from the URL, if it is one the widget knows; the rest is ignored, once, out loud. */
function queryLocale() {
  const query = new URLSearchParams(location.search);
  const locale = query.get("locale");
  const ignored = [...query.keys()].filter((name) => name !== "locale");
  if (locale !== null && !LOCALES.includes(locale)) ignored.push(`locale=${locale}`);
  if (ignored.length) {
    console.warn(`carepath: frame.html takes only ?locale=${LOCALES.join("|")} from its URL (the center's options are in ${OPTIONS}); ignored: ${JSON.stringify(ignored)}`);
  }
  return LOCALES.includes(locale) ? locale : null;
}

// The posted height depends only on the frame's width (the content scrolls
// inside the frame), so the page around it cannot tell which screen the
// visitor is on. "content" follows the screen, and so reveals it.
const bandHeight = (width) => (width < 480 ? 600 : width < 720 ? 560 : 520);

function tellParent({ height, parentOrigin }) {
  if (window.parent === window) return;
  if (!parentOrigin) {
    console.info(`carepath: no "parent-origin" in ${OPTIONS}, so this frame does not post its height (the iframe keeps its own).`);
    return;
  }
  const measure = height === "content"
    ? () => Math.ceil(document.documentElement.getBoundingClientRect().height)
    // innerWidth, not clientWidth: a scrollbar coming and going with the
    // screen must not change the band.
    : () => bandHeight(window.innerWidth);
  let last = 0;
  const tell = () => {
    const h = measure();
    if (h === last) return;
    last = h;
    // Only a parent of that origin receives it.
    window.parent.postMessage({ type: "carepath:height", height: h }, parentOrigin);
  };
  new ResizeObserver(tell).observe(document.documentElement);
}

const locale = queryLocale();
let frame = { height: "fixed", parentOrigin: null };
// Whatever happens to the options, the widget shows.
try {
  frame = apply(await readOptions());
} finally {
  if (locale) widget.setAttribute("locale", locale);
  document.getElementById("frame").append(widget);
}
tellParent(frame);
