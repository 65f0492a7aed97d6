// The configurator: a form for every option, a live preview, and the
// snippet to copy. The widget's own URL is this page's carepath/v1/.
const form = document.getElementById("options");
const preview = document.getElementById("preview");
const snippet = document.getElementById("snippet");
// Filled in by the build (scripts/trunk-post-build.sh): the version and
// the files' integrity hashes.
const RELEASE = null;
const base = new URL("carepath/v1/", location.href).href;
const escape = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

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
  const theme = [
    ["--carepath-accent", data.get("--carepath-accent")],
    ["--carepath-radius", `${Number(data.get("--carepath-radius")) || 0}px`],
  ];
  return { attrs, theme, form: data.get("form") };
}

function render() {
  const { attrs, theme, form: kind } = options();
  for (const name of preview.getAttributeNames()) if (name !== "id") preview.removeAttribute(name);
  for (const [k, v] of attrs) if (k !== "id") preview.setAttribute(k, v);
  for (const [k, v] of theme) preview.style.setProperty(k, v);
  const css = `carepath-assessment { ${theme.map(([k, v]) => `${k}: ${v};`).join(" ")} }`;
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
      `<script type="module" src="${escape(base)}frame-host.js"></script>\n` +
      `<iframe title="Care check: find the care that fits" width="100%" height="560" frameborder="0"\n  src="${escape(base)}frame.html"></iframe>`;
  } else {
    const attrText = attrs.map(([k, v]) => (v === "" ? k : `${k}="${escape(v)}"`)).join("\n  ");
    snippet.value =
      `<script type="module" src="${escape(base)}carepath.js"></script>\n` +
      `<style>${css}</style>\n` +
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
