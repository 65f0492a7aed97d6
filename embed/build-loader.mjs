// Build step (run by scripts/trunk-post-build.sh): writes the embed loader
// with what it needs to draw the first screen before the wasm arrives:
// the widget's stylesheet (minified) and, for each locale, the words of
// the emergency bar, the start screen, the first question and the crisis
// screen. Usage:
//   node embed/build-loader.mjs <source dir> <output file>
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [src, out] = process.argv.slice(2);
if (!src || !out) throw new Error("usage: node embed/build-loader.mjs <source dir> <output file>");

// The keys the first screen shows (see src/web/components/start.rs,
// emergency_bar.rs and app.rs); an end-to-end test checks that the drawn
// screen equals the one the widget renders.
const KEYS = [
  "app.label", "bar.text", "bar.call911", "bar.call988", "bar.text988", "lang.switch",
  "start.heading", "start.intro", "start.private", "start.private_progress", "start.private_result",
  "start.private_answers", "start.private_kept", "start.estimate", "start.who", "start.begin",
  "nav.progress", "nav.next", "nav.back", "nav.need_answer_required", "nav.loading", "nav.load_failed", "nav.load_slow", "nav.try_again", "action.call",
  "q.danger_now.legend", "q.danger_now.hint", "q.danger_now.opt.yes", "q.danger_now.opt.no",
  "crisis.heading", "crisis.body", "crisis.911", "crisis.988", "crisis.overdose", "crisis.poison", "crisis.poison_link",
  "crisis.stay", "crisis.later", "crisis.continue",
];

// "Question 1 of N" on the first question of a new journey: N is what
// Journey::progress gives before any answer (a unit test in
// src/journey/tests.rs checks this number).
const FIRST_TOTAL = 18;

// In the order of the widget's language switch (i18n::LOCALES: English
// first, then by id).
const ids = readdirSync(join(src, "locales"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.slice(0, -5))
  .sort((a, b) => (a === "en" ? -1 : b === "en" ? 1 : a.localeCompare(b)));
const texts = {};
for (const id of ids) {
  const all = JSON.parse(readFileSync(join(src, "locales", `${id}.json`), "utf8"));
  texts[id] = Object.fromEntries(
    KEYS.map((k) => {
      if (typeof all[k] !== "string") throw new Error(`locales/${id}.json has no "${k}"`);
      return [k, all[k]];
    }),
  );
}

/** Drops comments and the whitespace CSS does not need. The stylesheet
 * holds no strings or url()s, where this would be unsafe; an end-to-end
 * test checks that the browser reads the result as the same rules. */
function minifyCss(css) {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  if (/["'\\]|url\(/.test(text)) throw new Error("styles/widget.css: strings or url() need a real minifier");
  let outCss = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    // A space after a comma stays: custom properties keep their text as
    // written, and the test compares the rules as the browser reads them.
    const joins = /[{};>:]$/.test(outCss) || /^[{};,>]/.test(word);
    if (outCss && !joins) outCss += " ";
    outCss += word;
  }
  return outCss.replaceAll(";}", "}");
}

const shell = { locales: ids, texts, firstTotal: String(FIRST_TOTAL), css: minifyCss(readFileSync(join(src, "styles", "widget.css"), "utf8")) };
const loader = readFileSync(join(src, "embed", "carepath.js"), "utf8");
const marker = "const SHELL = null;";
if (!loader.includes(marker)) throw new Error(`embed/carepath.js lacks "${marker}"`);
// A function, so a "$" in a text is not read as a replacement pattern.
writeFileSync(out, loader.replace(marker, () => `const SHELL = ${JSON.stringify(shell)};`));
