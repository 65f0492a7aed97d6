// The configurator: a form for every option, a live preview, the snippet
// to copy, and a contrast check of the brand colors. Theme as attributes
// (no <style>: strict CSPs block inline styles). It runs only from a web
// server; opened from disk, the page's static note says why.
// The evergreen folder is carepath/v<major>/ (the build fills in this
// release's major version): it keeps one assessment contract, the
// clinical rules a center signed off.
import { check, contrast, themePairs } from "./carepath/v@MAJOR@/carepath.js";

document.getElementById("needs-server").hidden = true;
const form = document.getElementById("options");
const preview = document.getElementById("preview");
const snippet = document.getElementById("snippet");
// Filled in by the build (scripts/trunk-post-build.sh): the version and
// the files' integrity hashes.
const RELEASE = null;
const EVERGREEN = "v@MAJOR@/";
const escape = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

// The widget's theme defaults, written in by the build from the element's
// schema (`carepath schema`): a theme attribute is written only when changed.
const THEME_DEFAULTS = null;
// The pairs the widget checks (its loader's themePairs()), in words; a
// pair without words here is named by its attributes.
const LABELS = {
  "theme-text theme-surface": "Text on the background",
  "theme-muted theme-surface": "Hints on the background",
  "theme-text theme-soft": "Text on panels",
  "theme-accent-text theme-accent": "Button text on the accent",
  "theme-text #fdf1f0": "Text on the emergency panel",
  "theme-urgent #fdf1f0": "Emergency line on its panel",
  "#ffffff theme-urgent": "White on the emergency color",
  "theme-focus theme-surface": "Focus ring on the background",
};
const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;

function options() {
  const data = new FormData(form);
  const attrs = [];
  for (const name of ["center-name", "phone", "contact-url"]) {
    const v = String(data.get(name) || "").trim();
    if (v) attrs.push([name, v]);
  }
  const offers = data.getAll("offers").join(" ");
  if (offers) attrs.push(["offers", offers]);
  for (const name of ["outpatient-schedule", "iop-schedule", "php-schedule"]) {
    const v = String(data.get(name) || "").trim();
    if (v) attrs.push([name, v]);
  }
  attrs.push(["locale", data.get("locale")]);
  // remember needs an id: each widget keeps its own place.
  if (data.get("remember")) attrs.push(["id", "care-check"], ["remember", "session"]);
  if (data.get("share-progress")) attrs.push(["share-progress", ""]);
  if (data.get("share-result")) attrs.push(["share-result", ""]);
  if (data.get("share-result") && data.get("share-answers")) attrs.push(["share-answers", ""]);
  const theme = {};
  for (const name of Object.keys(THEME_DEFAULTS)) {
    let v = String(data.get(name) ?? "").trim();
    if (name === "theme-radius") v = `${Number(v) || 0}px`;
    theme[name] = v;
    if (v && v !== THEME_DEFAULTS[name]) attrs.push([name, v]);
  }
  let where = String(data.get("where") || "").trim() || "/carepath/";
  if (!where.endsWith("/")) where += "/";
  return { attrs, theme, where, track: data.get("track"), form: data.get("form") };
}

function checkContrast(theme) {
  const list = document.getElementById("contrast");
  const color = (v) => rgb(v.startsWith("#") && v.length === 7 && !v.startsWith("theme") ? v : theme[v] || THEME_DEFAULTS[v]);
  list.replaceChildren(
    ...themePairs().map(({ fg, bg, min }) => {
      const label = LABELS[`${fg} ${bg}`] ?? `${fg} on ${bg}`;
      const ratio = contrast(color(fg), color(bg));
      const li = document.createElement("li");
      const ok = ratio >= min;
      li.className = ok ? "" : "fails";
      li.textContent = `${label}: ${ratio.toFixed(1)}:1 ${ok ? "(passes)" : `(needs ${min}:1; the widget will use its default colors here)`}`;
      return li;
    }),
  );
}

// The widget's own warnings for these attributes (its check(), the same
// rules as the console), so a bad schedule or phone is said on the page.
let checking = 0;
async function checkValues(attrs) {
  const round = ++checking;
  const found = await check(Object.fromEntries(attrs.filter(([k]) => k !== "id")));
  if (round !== checking) return; // a newer edit is being checked
  const list = document.getElementById("problems");
  list.replaceChildren(...found.map((text) => Object.assign(document.createElement("li"), { textContent: text })));
  list.hidden = found.length === 0;
}

function render() {
  const { attrs, theme, where, track, form: kind } = options();
  for (const name of preview.getAttributeNames()) if (name !== "id") preview.removeAttribute(name);
  for (const [k, v] of attrs) if (k !== "id") preview.setAttribute(k, v);
  checkContrast(theme);
  checkValues(attrs);
  const pinned = track === "pinned" && RELEASE;
  const folder = pinned ? `${where}${RELEASE.version}/` : `${where}${EVERGREEN}`;
  const sri = pinned ? ` integrity="${RELEASE["carepath.js"]}" crossorigin="anonymous"` : "";
  if (kind === "iframe") {
    // The frame's options live in frame-options.json beside frame.html (the
    // URL may only set the language); frame-host.js sizes the iframe.
    const file = {};
    for (const [k, v] of attrs) {
      if (k === "id") continue;
      file[k] = ["share-progress", "share-result", "share-answers"].includes(k) ? true : v;
    }
    file["parent-origin"] = "https://your-site.example";
    snippet.value =
      `<!-- frame-options.json, saved beside frame.html: -->\n<!-- ${JSON.stringify(file, null, 2).replace(/--/g, "- -")} -->\n` +
      `<script type="module" src="${escape(folder)}frame-host.js"></script>\n` +
      `<iframe title="Care check: find the care that fits" width="100%" height="560" frameborder="0"\n  src="${escape(folder)}frame.html"></iframe>`;
  } else {
    const attrText = attrs.map(([k, v]) => (v === "" ? k : `${k}="${escape(v)}"`)).join("\n  ");
    snippet.value =
      // Most agencies' strict CSP blocks WebAssembly: say so where it is pasted.
      `<!-- Under a Content-Security-Policy: script-src needs 'wasm-unsafe-eval' (and this folder's origin if it is another site). -->\n` +
      `<script type="module" src="${escape(folder)}carepath.js"${sri}></script>\n` +
      `<carepath-assessment\n  ${attrText}></carepath-assessment>`;
  }
}

form.addEventListener("input", render);
form.addEventListener("change", render);
document.getElementById("copy").addEventListener("click", async () => {
  snippet.select();
  try {
    await navigator.clipboard.writeText(snippet.value);
    document.getElementById("copied").textContent = "Copied.";
  } catch {
    document.getElementById("copied").textContent = "Select the text and copy it.";
  }
});
render();
