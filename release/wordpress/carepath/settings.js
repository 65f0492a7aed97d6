// The settings page: every value checked with the widget's own rules (its
// warnings, shown here: admins never see the console), the brand colors'
// contrast, and a live preview. Saving waits until nothing is wrong.
const loader = document.querySelector("script#carepath-js")?.src;
const { check, contrast, themePairs } = await import(loader);

const form = document.getElementById("carepath-form");
const problems = document.getElementById("carepath-problems");
const preview = document.getElementById("carepath-preview");
// The pairs the widget checks (its loader's themePairs()), in words; a
// pair without words here is named by its attributes.
const LABELS = {
  "theme-text theme-surface": "text on the background",
  "theme-muted theme-surface": "hints on the background",
  "theme-text theme-soft": "text on panels",
  "theme-accent-text theme-accent": "button text on the accent",
  "theme-text #fdf1f0": "text on the emergency panel",
  "theme-urgent #fdf1f0": "the emergency line on its panel",
  "#ffffff theme-urgent": "white on the emergency color",
  "theme-focus theme-surface": "the focus ring on the background",
};
const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;

function attributes() {
  const attrs = {};
  for (const input of form.querySelectorAll("[data-attribute]")) {
    if (input.value.trim()) attrs[input.dataset.attribute] = input.value.trim();
  }
  const offers = [...form.querySelectorAll("#carepath-offers input:checked")].map((i) => i.value);
  if (offers.length) attrs.offers = offers.join(" ");
  return attrs;
}

async function validate() {
  const attrs = attributes();
  for (const name of preview.getAttributeNames()) if (name !== "id") preview.removeAttribute(name);
  for (const [k, v] of Object.entries(attrs)) preview.setAttribute(k, v);
  const found = [...(await check(attrs))];
  const color = (v) => rgb(v.startsWith("#") ? v : attrs[v] ?? "#000000");
  for (const { fg, bg, min } of themePairs()) {
    const label = LABELS[`${fg} ${bg}`] ?? `${fg} on ${bg}`;
    const ratio = contrast(color(fg), color(bg));
    if (ratio < min) found.push(`The colors for ${label} have ${ratio.toFixed(1)}:1 contrast; they need ${min}:1 (the widget would use its defaults).`);
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
