// The configurator: a form for every option, a live preview, and the
// snippet to copy. The widget's own URL is this page's carepath/v1/.
const form = document.getElementById("options");
const preview = document.getElementById("preview");
const snippet = document.getElementById("snippet");
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
  if (data.get("remember")) attrs.push(["remember", "session"]);
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
  for (const [k, v] of attrs) preview.setAttribute(k, v);
  for (const [k, v] of theme) preview.style.setProperty(k, v);
  const css = `carepath-assessment { ${theme.map(([k, v]) => `${k}: ${v};`).join(" ")} }`;
  if (kind === "iframe") {
    const query = new URLSearchParams(attrs).toString();
    snippet.value =
      `<iframe id="carepath-frame" src="${escape(base)}frame.html?${escape(query)}" title="Care check: find the care that fits" style="width:100%;border:0" height="720"></iframe>\n` +
      `<script>addEventListener("message",(e)=>{if(e.origin==="${new URL(base).origin}"&&e.data&&e.data.type==="carepath:height")document.getElementById("carepath-frame").height=e.data.height})</script>`;
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
