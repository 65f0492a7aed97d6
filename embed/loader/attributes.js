// Reading an element's attributes as the widget reads them
// (src/host_config, i18n::choose_locale), for the screens the loader draws
// before the wasm. Plain functions of the attribute values (`get(name)`
// returns the value or null), so the test runs them on the vectors the
// Rust emits (`carepath vectors`, tests/e2e/loader.test.mjs) instead of
// keeping them equal by comments.

/** A flag: present and not "false". */
export const on = (get, name) => {
  const value = get(name);
  return value != null && value.trim() !== "false";
};

/** remember="session" with an id (without one, widgets would swap places). */
export const remembers = (get) => get("remember")?.trim() === "session" && (get("id") ?? "").trim() !== "";

/** The language a BCP 47 tag means (i18n::lookup): the exact id (any
 * case, `_` for `-`), then a tag a language lists as also meaning it (a
 * trailing `*`: any subtags after), then the same for the first subtag.
 * `registry`: the shell data's `languages`, [id, also] in order. */
export function lookup(tag, registry) {
  const t = (tag ?? "").trim().replaceAll("_", "-").toLowerCase();
  const find = (t) => {
    const is = (p) => (p.endsWith("*") ? t.length > p.length - 1 && t.startsWith(p.slice(0, -1).toLowerCase()) : p.toLowerCase() === t);
    return (registry.find(([id]) => is(id)) ?? registry.find(([, also]) => also.some(is)))?.[0];
  };
  return t ? find(t) ?? find(t.split("-")[0]) : undefined;
}

/** The languages the menu offers for a `languages` value
 * (host_config::languages): the known ones in the registry's order, else
 * the defaults. */
export function offeredLanguages(value, registry, defaults) {
  const asked = (value ?? "").split(/\s+/).map((t) => lookup(t, registry)).filter(Boolean);
  const list = registry.map(([id]) => id).filter((id) => asked.includes(id));
  return list.length ? list : defaults;
}

/** The locale the widget chooses among the `offered` languages
 * (i18n::choose_locale): the `locale` setting's language if offered, else
 * as `auto`: the page's `lang` when it names an offered language other
 * than English, else the browser's first offered language, else the first
 * offered one. */
export function chooseLocale(setting, pageLang, languages, offered, registry) {
  const as = (tag) => {
    const id = lookup(tag, registry);
    return offered.includes(id) ? id : undefined;
  };
  const page = as(pageLang);
  return as(setting) ?? (page !== "en" ? page : undefined) ?? languages.map(as).find(Boolean) ?? offered[0] ?? "en";
}

/** Quick exit: on unless quick-exit="off". */
export const quickExit = (get) => (get("quick-exit") ?? "").trim() !== "off";

/** Which privacy sentences show, as the shell data numbers them:
 * share-progress 1, share-result 2, share-answers 4, remember 8, quick
 * exit 16. */
export const privacyBits = (get) =>
  on(get, "share-progress") + 2 * on(get, "share-result") + 4 * on(get, "share-answers") + 8 * remembers(get) + 16 * quickExit(get);

/** Where quick exit goes for an exit-url value: an absolute https: or
 * http: address, else `fallback` (host_config::exit_url). */
export function exitUrl(value, fallback) {
  const v = (value ?? "").trim();
  const host = /^https?:\/\/([^/?#]*)/i.exec(v)?.[1];
  return host && !/[\s<>"\\]/.test(host) ? v : fallback;
}

/** The center's number as a `tel:` link wants it, or null: the widget's
 * own limits (`rules`: the shell data's `phone`), never one that starts
 * like an emergency line. */
export function centerPhone(value, rules) {
  const { marks, min, max, never } = rules;
  const text = (value ?? "").trim();
  const tel = text.replace(/[^\d+]/g, "");
  const digits = tel.replace(/\D/g, "");
  const ok = [...text].every((c) => /[0-9]/.test(c) || marks.includes(c)) && !text.slice(1).includes("+");
  return ok && digits.length >= min && digits.length <= max && !never.some((n) => digits.startsWith(n)) ? tel : null;
}

/** A host value set apart from the text around it (FSI ... PDI), its own
 * bidi controls (`bidi`: the shell data's) removed first, as the widget's
 * i18n::isolate does. */
export const isolate = (value, bidi) => `\u2068${value.replace(new RegExp(`[${bidi}]`, "g"), "")}\u2069`;

/** The key of a kept place (remember="session"): the page's path and the
 * element's id. */
export const storageKey = (prefix, path, id) => `${prefix}${path}#${id}`;
