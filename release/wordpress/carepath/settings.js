// The settings page: every value checked with the widget's own rules (its
// warnings, shown here: admins never see the console), the brand colors'
// contrast, and a live preview. Saving waits until nothing is wrong.
const loader = document.querySelector("script#carepath-js")?.src;
const { check, contrast, themePairs } = await import(loader);

const form = document.getElementById("carepath-form");
const problems = document.getElementById("carepath-problems");
const preview = document.getElementById("carepath-preview");
// The element's schema beside this file: the contrast pairs' names.
const schema = await fetch(new URL("schema.json", import.meta.url)).then((r) => r.json(), () => ({ contrast: [] }));
const lang = document.documentElement.lang.slice(0, 2);
const LABELS = Object.fromEntries((schema.contrast ?? []).map((p) => [`${p.fg} ${p.bg}`, p.label[lang] ?? p.label.en]));
const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;

// The attributes as the page would set them: each field names its
// attribute (data-attribute; a list's checkboxes, data-list).
function attributes() {
  const attrs = {};
  for (const input of form.querySelectorAll("[data-attribute]")) {
    const name = input.dataset.attribute;
    if (input.type === "checkbox") {
      if (input.checked) attrs[name] = "";
    } else if (input.value.trim()) attrs[name] = input.value.trim();
  }
  for (const list of form.querySelectorAll("[data-list]")) {
    const chosen = [...list.querySelectorAll("input:checked")].map((i) => i.value);
    if (chosen.length) attrs[list.dataset.list] = chosen.join(" ");
  }
  // The plugin gives each element an id (remember needs one).
  if (attrs.remember === "session") attrs.id = "carepath-1";
  return attrs;
}

async function validate() {
  const attrs = attributes();
  for (const name of preview.getAttributeNames()) if (name !== "id") preview.removeAttribute(name);
  for (const [k, v] of Object.entries(attrs)) if (k !== "id") preview.setAttribute(k, v);
  const found = [...(await check(attrs))];
  const color = (v) => rgb(v.startsWith("#") ? v : attrs[v] ?? "#000000");
  for (const { fg, bg, min } of themePairs()) {
    const label = LABELS[`${fg} ${bg}`] ?? `${fg} / ${bg}`;
    const ratio = contrast(color(fg), color(bg));
    if (ratio < min) found.push(`${label}: ${ratio.toFixed(1)}:1 contrast; it needs ${min}:1 (the widget would use its default colors).`);
  }
  problems.replaceChildren();
  problems.className = found.length ? "notice notice-error" : "";
  if (found.length) {
    const list = document.createElement("ul");
    list.append(...found.map((text) => Object.assign(document.createElement("li"), { textContent: text })));
    problems.append(list);
  }
  return found.length === 0;
}

form.addEventListener("input", () => validate());
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  if (await validate()) {
    // The form's own submit (its "submit" button shadows form.submit).
    HTMLFormElement.prototype.submit.call(form);
  } else {
    problems.querySelector("li")?.scrollIntoView({ block: "center" });
  }
});
validate();
