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

/** The locale the widget chooses: a supported id as set; `auto` (the
 * default) takes the page's `lang` when it names a supported language
 * other than English, else the browser's first supported language (by
 * primary subtag); else English. */
export function chooseLocale(setting, pageLang, languages, ids) {
  const set = (setting ?? "").trim() || "auto";
  const known = (tag) => ids.find((id) => id === tag.split(/[-_]/)[0].trim().toLowerCase());
  if (set !== "auto") return ids.includes(set) ? set : "en";
  const page = known(pageLang ?? "");
  if (page && page !== "en") return page;
  return languages.map(known).find(Boolean) ?? "en";
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
