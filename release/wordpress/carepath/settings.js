// The settings page: every value checked with the widget's own rules (its
// warnings, shown here: admins never see the console), the brand colors'
// contrast, and a live preview. Saving waits until nothing is wrong.
const loader = document.querySelector("script#carepath-js")?.src;
const { check, contrast } = await import(loader);

const form = document.getElementById("carepath-form");
const problems = document.getElementById("carepath-problems");
const preview = document.getElementById("carepath-preview");
const PAIRS = [
  ["text on the background", "theme-text", "theme-surface", 4.5],
  ["hints on the background", "theme-muted", "theme-surface", 4.5],
  ["text on panels", "theme-text", "theme-soft", 4.5],
  ["button text on the accent", "theme-accent-text", "theme-accent", 4.5],
  ["white on the emergency color", "#ffffff", "theme-urgent", 4.5],
  ["the focus ring on the background", "theme-focus", "theme-surface", 3],
];
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
  for (const [label, fg, bg, min] of PAIRS) {
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
