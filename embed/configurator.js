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
// Filled in by the build (embed/build.mjs): the version and the files'
// integrity hashes.
const RELEASE = null;
const EVERGREEN = "v@MAJOR@/";
// The element with its first screen in the HTML, from this release's
// templates (the same function as the npm package's).
const { carepathHtml, styleHash } = await import(`./carepath/${RELEASE.version}/html.js`);
const escape = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

// The element's schema (`carepath schema`), written in by the build
// (embed/build.mjs).
const SCHEMA = null;
// A theme attribute is written only when it differs from its default.
const THEME_DEFAULTS = Object.fromEntries(SCHEMA.attributes.filter((a) => a.css).map((a) => [a.name, a.default]));
// The pairs the widget checks, in words (the schema's labels).
const LABELS = Object.fromEntries(SCHEMA.contrast.map((p) => [`${p.fg} ${p.bg}`, p.label.en]));
const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;

// The form: a fieldset for each kind of option, with every attribute the
// schema declares (but `files`: the folder above says where the files
// live), its label, kind and values from the schema. Each starts at its
// example (a theme at its default), so the preview shows a filled-in
// widget.
const GROUPS = [
  ["Your center", (a) => ["text", "url"].includes(a.kind) && !a.css],
  ["Levels of care and first steps you offer", (a) => a.kind === "list"],
  ["Your schedules (days like Mon or Mon-Fri, then a time range like 18:00-21:00 or 6pm-9pm; groups joined by ;)", (a) => a.kind === "schedule"],
  ["Language and privacy", (a) => ["enum", "flag"].includes(a.kind) || a.css === "height"],
  ["Brand (checked for contrast: the widget replaces colors that fail)", (a) => Boolean(a.css) && a.css !== "height"],
];
const shown = SCHEMA.attributes.filter((a) => a.name !== "files");
const example = (a) => a.example.match(/^[\w-]+="([^"]*)"$/)?.[1] ?? "";
const make = (tag, props = {}, ...children) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
};
function field(a) {
  const label = a.label.en;
  const privacy = a.privacy ? ` (${a.privacy})` : "";
  if (a.kind === "list") {
    const chosen = example(a).split(" ");
    return a.values.map((v) =>
      make("label", {}, make("input", { type: "checkbox", name: a.name, value: v, checked: chosen.includes(v) }), ` ${a.value_labels[v].en}`),
    );
  }
  if (a.kind === "flag") return [make("label", {}, make("input", { type: "checkbox", name: a.name }), ` ${label}${privacy}`)];
  if (a.kind === "enum") {
    const options = a.values.map((v) => make("option", { value: v, selected: v === a.default }, a.value_labels[v].en));
    return [make("label", {}, `${label}${privacy} `, make("select", { name: a.name }, ...options))];
  }
  const input =
    a.kind === "colour"
      ? make("input", { type: "color", name: a.name, value: a.default })
      : make("input", { name: a.name, value: a.css ? a.default : example(a), placeholder: a.css ? example(a) : "" });
  if (a.kind === "url") input.inputMode = "url";
  return [make("label", {}, `${label} `, input)];
}
document.getElementById("fields").replaceWith(
  ...GROUPS.map(([legend, has], i) => {
    const set = make("fieldset", {}, make("legend", {}, legend), ...shown.filter(has).flatMap(field));
    // The brand's contrast, pair by pair.
    if (i === GROUPS.length - 1) set.append(make("ul", { id: "contrast" }));
    return set;
  }),
);
document.getElementById("contrast").setAttribute("aria-live", "polite");

function options() {
  const data = new FormData(form);
  const attrs = [];
  for (const a of shown.filter((x) => !x.css)) {
    if (a.kind === "list") {
      const chosen = data.getAll(a.name).join(" ");
      if (chosen) attrs.push([a.name, chosen]);
    } else if (a.kind === "flag") {
      if (data.get(a.name)) attrs.push([a.name, ""]);
    } else {
      const v = String(data.get(a.name) || "").trim();
      // remember needs an id: each widget keeps its own place.
      if (a.name === "remember" && v !== a.default) attrs.push(["id", "care-check"]);
      if (v && v !== a.default) attrs.push([a.name, v]);
    }
  }
  const theme = {};
  for (const name of Object.keys(THEME_DEFAULTS)) {
    const v = String(data.get(name) ?? "").trim();
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
      file[k] = shown.find((a) => a.name === k)?.kind === "flag" ? true : v;
    }
    file["parent-origin"] = "https://your-site.example";
    snippet.value =
      `<!-- frame-options.json, saved beside frame.html: -->\n<!-- ${JSON.stringify(file, null, 2).replace(/--/g, "- -")} -->\n` +
      `<script type="module" src="${escape(folder)}frame-host.js"></script>\n` +
      `<iframe title="Care check: find the care that fits" width="100%" height="560" frameborder="0"\n  src="${escape(folder)}frame.html"></iframe>`;
  } else if (form.elements.declared.checked) {
    const flags = new Set(shown.filter((a) => a.kind === "flag").map((a) => a.name));
    const element = carepathHtml(Object.fromEntries(attrs.map(([k, v]) => [k, flags.has(k) ? true : v])), { pageLang: form.elements.pagelang.value });
    snippet.value =
      `<!-- Under a Content-Security-Policy: script-src needs 'wasm-unsafe-eval' (and this folder's origin if it is another site), and style-src '${styleHash}' styles the first screen. -->\n` +
      `<script type="module" src="${escape(folder)}carepath.js"${sri}></script>\n` +
      // The element with its first screen (a declared shadow root), then the
      // emergency line for browsers without one.
      element;
  } else {
    const attrText = attrs.map(([k, v]) => (v === "" ? k : `${k}="${escape(v)}"`)).join("\n  ");
    snippet.value =
      // Most agencies' strict CSP blocks WebAssembly: say so where it is pasted.
      `<!-- Under a Content-Security-Policy: script-src needs 'wasm-unsafe-eval' (and this folder's origin if it is another site). -->\n` +
      `<script type="module" src="${escape(folder)}carepath.js"${sri}></script>\n` +
      // The emergency line inside the element: shown if the script never runs.
      `<carepath-assessment\n  ${attrText}>${SCHEMA.fallback[attrs.find(([k]) => k === "locale")?.[1]] ?? SCHEMA.fallback.en}</carepath-assessment>`;
  }
}

// A site whose scripts watch the page (tag manager, click analytics,
// session replay): the iframe form, where they cannot reach (README,
// Privacy).
document.getElementById("watched").addEventListener("change", (e) => {
  document.getElementById("watched-note").hidden = !e.target.checked;
  if (e.target.checked) form.querySelector('input[name="form"][value="iframe"]').checked = true;
  render();
});
// The host pages' language, for a declared first screen under locale="auto":
// the languages the widget speaks, in their own words (the schema's).
const locale = SCHEMA.attributes.find((a) => a.name === "locale");
form.elements.pagelang.append(...locale.values.filter((v) => v !== "auto").map((v) => new Option(locale.value_labels[v].en, v)));
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
