// Server side (Next.js, Astro, any Node renderer): <carepath-assessment>
// with its first screen declared in the HTML, so the emergency bar and the
// start screen show before any script runs, or if none ever does. The
// templates come from the Rust screens (`carepath html --templates`); the
// attribute rules are the loader's own (loader/attributes.js, checked
// against the Rust). `carepath html` prints the same element.
import { DECLARED } from "carepath:declared";
import { centerPhone, chooseLocale, exitUrl, offeredLanguages, privacyBits } from "./loader/attributes.js";

/** The CSP hash of the declared screen's <style>, for `style-src`. */
export const styleHash = DECLARED.styleHash;

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

/**
 * The element's HTML for these attributes ({"center-name": "...", phone:
 * "...", "share-result": true, ...}; a flag is `true`, `false` or absent
 * leaves it out), in the language the widget would choose on a page whose
 * `lang` is `pageLang` (a server cannot know the browser's languages:
 * `locale="auto"` takes the page's, else English; if the loader chooses
 * another, it draws the screen again once).
 * React 19 cannot hydrate a declared shadow root: put the string in a
 * wrapper's `dangerouslySetInnerHTML` with `suppressHydrationWarning`;
 * after a client-side navigation the loader draws the screen itself.
 */
export function carepathHtml(attributes = {}, { pageLang = "en" } = {}) {
  const pairs = [];
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === false || value == null) continue;
    // Only the element's own attributes (the schema's, and id): never an
    // event handler, style or hidden from a page's data.
    if (!DECLARED.names.includes(name)) {
      console.warn(`carepath: "${name}" is not an attribute of <carepath-assessment>; it is left out.`);
      continue;
    }
    pairs.push([name, value === true ? "" : String(value)]);
  }
  const get = (name) => pairs.find(([n]) => n === name)?.[1] ?? null;
  const offered = offeredLanguages(get("languages"), DECLARED.registry, DECLARED.defaultLanguages);
  const locale = chooseLocale(get("locale"), pageLang, [], offered, DECLARED.registry);
  const words = DECLARED.locales[locale];
  const bits = privacyBits(get);
  const tel = centerPhone(get("phone"), DECLARED.phone);
  const open = get("shadow")?.trim() === "open";
  const fill = {
    mode: open ? "open" : "closed",
    mask: open ? DECLARED.mask.map(([n, v]) => ` ${n}="${escape(v)}"`).join("") : "",
    bits: String(bits),
    exit: escape(exitUrl(get("exit-url"), DECLARED.exitUrl)),
    privacy: words.privacy[bits],
    languages: offered.map((id) => words.menu[id]).join(""),
    langs: offered.join(","),
    noscript: tel ? words.noscript[1].replace("{{tel}}", escape(`tel:${tel}`)).replace("{{phone}}", escape(get("phone").trim())) : words.noscript[0],
  };
  const html = words.html.replace(/\{\{(\w+)\}\}/g, (slot, name) => fill[name] ?? slot);
  return `<carepath-assessment${pairs.map(([n, v]) => ` ${n}="${escape(v)}"`).join("")}>${html}</carepath-assessment>`;
}
