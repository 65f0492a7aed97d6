// The widget in Spanish: a whole journey, the "someone else" wording, the
// language switch mid-journey, no English left on Spanish screens, the
// `locale` attribute and axe on Spanish screens. Expected texts come from
// locales/en.json and locales/es.json.
//   DIST=/path/to/dist CHROMIUM=/usr/bin/chromium node --test --test-concurrency=1 tests/e2e/spanish.test.mjs
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import {
  DIST,
  REPO,
  STEP_TIMEOUT,
  answerJourney,
  backButton,
  begin,
  choose,
  clickAndWait,
  closeDemo,
  currentScreen,
  nextButton,
  readResult,
  startStaticServer,
  waitForQuestion,
  AXE_TAGS,
  demoSession,
} from "./helpers.mjs";

const EN = JSON.parse(readFileSync(join(REPO, "locales/en.json"), "utf8"));
const ES = JSON.parse(readFileSync(join(REPO, "locales/es.json"), "utf8"));

/** Fills `{name}` placeholders like the widget's Texts::fill. */
const fill = (text, args) => text.replace(/\{(\w+)\}/g, (m, name) => (Object.hasOwn(args, name) ? String(args[name]) : m));

const SPANISH = { locale: "es-MX" };
const ENGLISH = { locale: "en-US" };


const session = demoSession();
let page;
const open = async (contextOptions) => (page = await session.open(contextOptions));

/** The `lang` of the widget's root `div.cp`. */
const widgetLang = () => page.locator("carepath-assessment div.cp").getAttribute("lang");

/** The question's legend text (without the progress). */
const legendText = async () => (await page.locator("form[data-screen=question] .cp-question-text").textContent()).trim();

/** The checked inputs of the question on screen, as "name=value". */
const checkedOnScreen = () =>
  page.locator("form[data-screen=question] input").evaluateAll((els) =>
    els.filter((e) => e.checked).map((e) => `${e.name}=${e.value}`),
  );

/** Presses the language switch and waits until the widget speaks `lang`. */
async function switchLanguage(lang) {
  const button = page.locator(`button.cp-lang-item[data-lang="${lang}"]`);
  assert.equal(await button.getAttribute("lang"), lang, `the menu offers ${lang} in its own language`);
  if ((await page.locator("details.cp-langs").getAttribute("open")) === null) await page.locator("summary.cp-lang").click();
  await button.click();
  await page.waitForFunction(
    (lang) => document.querySelector("carepath-assessment")?.shadowRoot?.querySelector("div.cp")?.getAttribute("lang") === lang,
    lang,
    { timeout: STEP_TIMEOUT },
  );
}

// ---------------------------------------------------------------------------

const SOMEONE_ELSE_IOP_DETOX = {
  danger_now: "no",
  for_whom: "someone_else",
  age: "18_to_64",
  pregnant: "no",
  substances: ["alcohol"],
  use_frequency: "daily",
  withdrawal: "severe",
  overdose: "no",
  criteria: ["more_than_intended", "cant_cut_down", "time_spent", "cravings"],
  mental_health: "not_at_all",
  self_harm: "no",
  medical: "no",
  past_treatment: "never",
  readiness: "ready_now",
  home: "stable_supportive",
  responsibilities: ["full_time_work"],
  schedule: "flexible",
};

test("a whole journey in Spanish (es-MX browser): IOP in the evenings after medically managed withdrawal, Spanish print summary", async () => {
  await open(SPANISH);
  assert.equal(await widgetLang(), "es", "div.cp lang");
  assert.equal(
    (await page.locator("section[data-screen=start] h2").textContent()).trim(),
    ES["start.heading"],
    "the start heading is Spanish",
  );
  // 988 answers texts in Spanish to a texter who sends AYUDA: the Spanish
  // bar's text link fills it in (src/screens/crisis_lines.rs).
  assert.equal(await page.locator("carepath-assessment aside.cp-bar a[href='sms:988?&body=AYUDA']").count(), 1, "text 988 in Spanish");
  assert.equal(await page.locator("carepath-assessment a[href='sms:988']").count(), 0, "no English text link");
  await answerJourney(page, SOMEONE_ELSE_IOP_DETOX, {
    onScreen: async () => assert.equal(await widgetLang(), "es", "div.cp lang stays es"),
  });

  const r = await readResult(page);
  assert.equal(r.level, "intensive_outpatient");
  assert.equal(r.withdrawal, "medically_managed");
  assert.equal(r.levelName, ES["level.intensive_outpatient.name"]);
  assert.equal(r.weekSummary, fill(ES["week.summary"], { hours: 9, days: 3 }));
  const session = (day) => fill(ES["week.session"], { day: ES[`day.${day}`], start: "18:00", end: "21:00" });
  assert.equal(session("mon"), "lunes, de 18:00 a 21:00");
  assert.ok(r.sessions.includes(session("mon")), `sessions: ${JSON.stringify(r.sessions)}`);
  assert.deepEqual(r.sessions, ["mon", "wed", "thu"].map(session));
  assert.equal(
    (await page.locator("section[data-screen=result] h2").first().textContent()).trim(),
    ES["result.heading.they"],
    "the result heading uses the someone-else wording",
  );
  await page.locator("section[data-screen=result] .cp-first-detox").waitFor();

  const [popup] = await Promise.all([
    page.waitForEvent("popup"),
    page.locator("section[data-screen=result] [data-action=print]").click(),
  ]);
  await popup.waitForFunction(() => document.body && document.body.innerText.trim().length > 0, null, {
    timeout: STEP_TIMEOUT,
  });
  assert.equal(await popup.evaluate(() => document.documentElement.lang), "es", "the summary's <html lang>");
  const summary = await popup.evaluate(() => document.body.innerText);
  assert.ok(summary.includes(ES["result.estimate"]), `the summary has es result.estimate:\n${summary}`);
  assert.ok(summary.includes(ES["level.intensive_outpatient.name"]), "the summary names the level in Spanish");
  assert.ok(summary.includes(session("mon")), "the summary lists the Monday session in Spanish");
  assert.equal((await currentScreen(page)).screen, "result", "the widget stays on the result");
});

test("someone else in Spanish: question legends (and options) use the .they texts of es.json", async () => {
  await open(SPANISH);
  const seen = [];
  const mismatches = [];
  await answerJourney(
    page,
    {
      danger_now: "no",
      for_whom: "someone_else",
      age: "18_to_64",
      substances: ["alcohol", "opioids"],
      use_frequency: "daily",
      withdrawal: "mild",
      criteria: ["more_than_intended", "cant_cut_down"],
    },
    {
      onScreen: async ({ screen, question }) => {
        if (screen !== "question" || ["danger_now", "for_whom"].includes(question)) return;
        seen.push(question);
        const legend = await legendText();
        const want = ES[`q.${question}.legend.they`] ?? ES[`q.${question}.legend`];
        if (legend !== want) mismatches.push(`${question} legend: got ${JSON.stringify(legend)}, want ${JSON.stringify(want)}`);
        const options = await page.locator("form[data-screen=question] .cp-option").evaluateAll((els) =>
          els.map((e) => ({ value: e.querySelector("input").value, label: e.querySelector("label").textContent.trim() })),
        );
        for (const { value, label } of options) {
          const key = `q.${question}.opt.${value}`;
          const wantLabel = ES[`${key}.they`] ?? ES[key];
          if (label !== wantLabel) mismatches.push(`${question}=${value} label: got ${JSON.stringify(label)}, want ${JSON.stringify(wantLabel)} (${key})`);
        }
        const help = page.locator("form[data-screen=question] details.cp-help p");
        if (question === "withdrawal") {
          const text = (await help.textContent()).trim();
          if (text !== ES["q.withdrawal.help.they"]) mismatches.push(`withdrawal help: got ${JSON.stringify(text)}, want q.withdrawal.help.they`);
        }
      },
    },
  );
  for (const q of ["age", "pregnant", "withdrawal"]) assert.ok(seen.includes(q), `${q} was asked (${seen.join(", ")})`);
  assert.deepEqual(mismatches, [], `texts that do not follow es.json's someone-else wording:\n${mismatches.join("\n")}`);
  // The three named in the brief, spelled out.
  assert.ok(ES["q.age.legend.they"] && ES["q.pregnant.legend.they"] && ES["q.withdrawal.legend.they"]);
});

test("switching language mid-journey keeps the answers and the place", async () => {
  await open(ENGLISH);
  assert.equal(await widgetLang(), "en");
  const button = page.locator("button.cp-lang-item[data-lang=es]");
  assert.equal((await button.textContent()).trim(), "Español");
  assert.equal(await button.getAttribute("lang"), "es");
  assert.equal(await page.locator("button.cp-lang-item[aria-current]").getAttribute("data-lang"), "en");

  await begin(page);
  await choose(page, "danger_now", "no");
  await clickAndWait(page, nextButton(page));
  await choose(page, "for_whom", "self");
  await clickAndWait(page, nextButton(page));
  await choose(page, "age", "65_plus");
  await clickAndWait(page, nextButton(page));
  await waitForQuestion(page, "pregnant");
  assert.equal(await legendText(), EN["q.pregnant.legend"]);

  await switchLanguage("es");
  assert.deepEqual(await currentScreen(page), { screen: "question", question: "pregnant" }, "still on pregnant");
  assert.equal(await widgetLang(), "es", "div.cp lang");
  assert.equal(await legendText(), ES["q.pregnant.legend"], "the legend is Spanish");
  assert.match((await page.locator("span.cp-progress").textContent()).trim(), /^Pregunta 4 de \d+$/);
  // The menu names each language in its own words, in any language.
  assert.equal((await button.textContent()).trim(), "Español");
  assert.equal(await page.locator("button.cp-lang-item[aria-current]").getAttribute("data-lang"), "es");
  assert.equal((await page.locator("summary.cp-lang").textContent()).trim(), `${ES["lang.menu"]}: Español`);
  assert.equal((await nextButton(page).textContent()).trim(), ES["nav.next"]);

  let s = await clickAndWait(page, backButton(page));
  assert.equal(s.question, "age");
  assert.equal(await legendText(), ES["q.age.legend"]);
  assert.deepEqual(await checkedOnScreen(), ["age=65_plus"], "Back in Spanish: 65_plus is still checked");

  await switchLanguage("en");
  assert.deepEqual(await currentScreen(page), { screen: "question", question: "age" }, "still on age");
  assert.equal(await widgetLang(), "en");
  assert.deepEqual(await checkedOnScreen(), ["age=65_plus"], "back in English: 65_plus is still checked");
  assert.equal(await legendText(), EN["q.age.legend"], "the legend is English");
  assert.match((await page.locator("span.cp-progress").textContent()).trim(), /^Question 3 of \d+$/);

  // The journey goes on from there with the earlier answers.
  s = await clickAndWait(page, nextButton(page));
  assert.equal(s.question, "pregnant");
  s = await clickAndWait(page, backButton(page));
  s = await clickAndWait(page, backButton(page));
  assert.equal(s.question, "for_whom");
  assert.deepEqual(await checkedOnScreen(), ["for_whom=self"]);
});

// ---------------------------------------------------------------------------
// No English on Spanish screens.

/**
 * English strings to look for: the fixed fragments of every en.json value
 * (split on `{...}` placeholders, trimmed of spaces and , . : ;) whose value
 * differs from es.json's for the same key, that have a letter and are at
 * least 4 characters long (or are a whole one-word value, like "Yes" or
 * "Mon"), minus fragments that also occur in some es.json value (shared
 * names: IOP, 911, SAMHSA, Narcan, ...) and the switch's label "English".
 * One-word fragments match as whole words only (case sensitive).
 */
function englishFragments() {
  const esValues = Object.values(ES);
  const out = [];
  for (const [key, value] of Object.entries(EN)) {
    if (ES[key] === value) continue;
    const pieces = value.split(/\{[^}]*\}/);
    const whole = pieces.length === 1;
    for (const piece of pieces) {
      const fragment = piece.replace(/^[\s,.:;]+|[\s,.:;]+$/g, "");
      if (!/\p{L}/u.test(fragment)) continue;
      const oneWord = !/\s/.test(fragment);
      if (fragment.length < 4 && !(whole && oneWord)) continue;
      if (fragment === "English") continue;
      if (esValues.some((v) => v.includes(fragment))) continue;
      const escaped = fragment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const pattern = oneWord ? new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, "u") : null;
      out.push({ key, fragment, test: (text) => (pattern ? pattern.test(text) : text.includes(fragment)) });
    }
  }
  return out;
}

/** Locale keys shown raw (a missing text shows as its key). */
function rawKeys() {
  return Object.keys(EN).map((key) => {
    const pattern = new RegExp(`(?<![\\w.])${key.replace(/\./g, "\\.")}(?![\\w.])`);
    return { key, test: (text) => pattern.test(text) };
  });
}

/** The widget's rendered text: innerText of div.cp, labels, titles, svg texts. */
const widgetText = () =>
  page.evaluate(() => {
    const root = document.querySelector("carepath-assessment").shadowRoot;
    const cp = root.querySelector("div.cp");
    const parts = [cp.innerText];
    for (const el of root.querySelectorAll("[aria-label], [title], [alt], [placeholder]")) {
      for (const name of ["aria-label", "title", "alt", "placeholder"]) {
        if (el.hasAttribute(name)) parts.push(el.getAttribute(name));
      }
    }
    for (const el of root.querySelectorAll("svg text, svg title, svg desc")) parts.push(el.textContent);
    return { lang: cp.getAttribute("lang"), text: parts.join("\n") };
  });

/**
 * Walks a Spanish journey and returns [{ screen, lang, text }] for every
 * screen: start, each question (with its help opened, and the "no answer"
 * error on danger_now and age), the crisis screen, the result and the
 * print summary.
 */
async function collectScreens(answers) {
  const screens = [];
  const grab = async (name) => screens.push({ screen: name, ...(await widgetText()) });
  await answerJourney(page, answers, {
    onScreen: async ({ screen, question }) => {
      const name = screen === "question" ? `question ${question}` : screen;
      await grab(name);
      if (screen !== "question") return;
      if (question === "danger_now" || question === "age") {
        await nextButton(page).click();
        await page.locator(`form[data-question=${question}] p.cp-error`).waitFor();
        await grab(`${name} (no answer error)`);
      }
      const help = page.locator("form[data-screen=question] details.cp-help");
      if ((await help.count()) && !(await help.evaluate((d) => d.open))) {
        await help.locator("summary").click();
        await page.waitForFunction(() =>
          document.querySelector("carepath-assessment").shadowRoot.querySelector("details.cp-help")?.open,
        );
        await grab(`${name} (help open)`);
      }
    },
  });
  const [popup] = await Promise.all([
    page.waitForEvent("popup"),
    page.locator("section[data-screen=result] [data-action=print]").click(),
  ]);
  await popup.waitForFunction(() => document.body && document.body.innerText.trim().length > 0, null, {
    timeout: STEP_TIMEOUT,
  });
  screens.push({
    screen: "print summary",
    ...(await popup.evaluate(() => ({
      lang: document.documentElement.lang,
      text: [document.title, document.body.innerText].join("\n"),
    }))),
  });
  await popup.close();
  return screens;
}

function findLeaks(screens) {
  const fragments = englishFragments();
  const keys = rawKeys();
  const leaks = [];
  for (const { screen, lang, text } of screens) {
    if (lang !== "es") leaks.push(`[${screen}] lang is ${JSON.stringify(lang)}, not "es"`);
    for (const f of fragments) {
      if (f.test(text)) leaks.push(`[${screen}] ${f.key}: ${JSON.stringify(f.fragment)}`);
    }
    for (const k of keys) {
      if (k.test(text)) leaks.push(`[${screen}] raw key shown: ${k.key}`);
    }
  }
  return leaks;
}

const SPANISH_JOURNEYS = {
  "self, crisis first, detox, flags": {
    danger_now: "yes",
    for_whom: "self",
    age: "18_to_64",
    pregnant: "no",
    substances: ["alcohol", "opioids", "stimulants"],
    use_frequency: "daily",
    withdrawal: "severe",
    on_medication: "opioid_treatment",
    overdose: "yes",
    criteria: ["more_than_intended", "cant_cut_down", "time_spent", "cravings"],
    mental_health: "somewhat",
    self_harm: "wish_or_thoughts",
    medical: "managed",
    past_treatment: "relapse_after_recovery",
    readiness: "unsure",
    home: "stable_unsupportive",
    responsibilities: ["full_time_work", "caregiving"],
    schedule: "evenings",
  },
  "someone else, crisis first, detox, flags": {
    danger_now: "yes",
    for_whom: "someone_else",
    age: "under_18",
    substances: ["alcohol", "benzodiazepines"],
    use_frequency: "daily",
    withdrawal: "severe",
    on_medication: "prescribed_sedatives",
    overdose: "yes",
    criteria: ["tolerance", "cravings", "time_spent", "role_failure", "hazardous_use"],
    mental_health: "a_lot",
    self_harm: "no",
    medical: "no",
    past_treatment: "recent_detox",
    readiness: "ready_now",
    home: "unsafe_or_unstable",
    responsibilities: ["school"],
    schedule: "weekends",
  },
};

test("no English on Spanish screens: start, questions, errors, help, crisis, result and print summary", async () => {
  const fragments = englishFragments();
  assert.ok(fragments.length > 200, `enough English fragments to look for (${fragments.length})`);
  for (const probe of ["Next", "Back", "Start", "Yes", "Mon"]) {
    assert.ok(fragments.some((f) => f.fragment === probe), `"${probe}" is looked for`);
  }
  for (const shared of ["IOP", "911", "SAMHSA", "FindTreatment.gov", "English"]) {
    assert.ok(!fragments.some((f) => f.fragment === shared), `"${shared}" is not looked for`);
  }
  // Whole words only: Spanish words containing the letters do not count.
  assert.equal(fragments.find((f) => f.fragment === "Next").test("Siguiente Nextel"), false);

  const leaks = [];
  const visited = {};
  for (const [label, answers] of Object.entries(SPANISH_JOURNEYS)) {
    await open(SPANISH);
    const screens = await collectScreens(answers);
    visited[label] = screens.map((s) => s.screen);
    for (const leak of findLeaks(screens)) leaks.push(`${label}: ${leak}`);
    const names = visited[label];
    for (const must of ["start", "crisis", "question danger_now", "question substances", "question criteria", "question age", "result", "print summary"]) {
      assert.ok(names.includes(must), `${label}: visited ${must} (${names.join(", ")})`);
    }
    assert.equal(await page.locator("section[data-screen=result] .cp-first-detox").count(), 1, `${label}: a detox first step`);
    assert.ok(
      (await page.locator("section[data-screen=result] .cp-steps li").count()) >= 2,
      `${label}: flags (next steps) are shown`,
    );
    const errors = page.errors;
    await closeDemo(page);
    page = undefined;
    assert.deepEqual(errors, [], `${label}: uncaught errors`);
  }
  assert.deepEqual(leaks, [], `English on Spanish screens (${leaks.length}):\n${leaks.join("\n")}`);
});

// ---------------------------------------------------------------------------
// The locale attribute.

test('locale="es" is Spanish in an en-US browser; locale="auto" in a fr-FR browser falls back to English', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "carepath-locale-"));
  copyFileSync(join(REPO, "tests/e2e/fixtures/locale.html"), join(dir, "locale.html"));
  symlinkSync(join(DIST, "carepath"), join(dir, "carepath"), "dir");
  const fixtures = await startStaticServer({ dir });
  t.after(async () => {
    await fixtures.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const look = async (p, id) => {
    const root = p.locator(`#${id}`);
    await root.locator("section[data-screen=start]").waitFor();
    return {
      lang: await root.locator("div.cp").getAttribute("lang"),
      heading: (await root.locator("section[data-screen=start] h2").textContent()).trim(),
      start: (await root.locator("section[data-screen=start] button.cp-primary").textContent()).trim(),
      current: await root.locator("button.cp-lang-item[aria-current]").getAttribute("data-lang"),
    };
  };
  const spanish = { lang: "es", heading: ES["start.heading"], start: ES["start.begin"], current: "es" };
  const english = { lang: "en", heading: EN["start.heading"], start: EN["start.begin"], current: "en" };

  for (const [locale, auto] of [
    ["en-US", english],
    ["fr-FR", english],
  ]) {
    const context = await session.browser().newContext({ locale });
    t.after(() => context.close());
    const p = await context.newPage();
    p.setDefaultTimeout(STEP_TIMEOUT);
    const errors = [];
    p.on("pageerror", (e) => errors.push(e.message));
    await p.goto(`${fixtures.url}locale.html`);
    assert.equal(await p.evaluate(() => navigator.language), locale, "the context sets navigator.language");
    assert.deepEqual(await look(p, "es"), spanish, `${locale}: locale="es"`);
    assert.deepEqual(await look(p, "auto"), auto, `${locale}: locale="auto"`);

    // The Spanish element goes on in Spanish.
    const es = p.locator("#es");
    await es.locator("section[data-screen=start] button.cp-primary").click();
    await es.locator('form[data-screen=question][data-question="danger_now"]').waitFor();
    assert.equal((await es.locator(".cp-question-text").textContent()).trim(), ES["q.danger_now.legend"]);
    assert.deepEqual(errors, [], `${locale}: uncaught errors`);
    await context.close();
  }
});

// ---------------------------------------------------------------------------

test("axe: no WCAG A/AA violations on the Spanish start, a question, the crisis screen and the result", async () => {
  await open(SPANISH);
  const report = [];
  const audit = async (name) => {
    assert.equal(await widgetLang(), "es", `${name} is in Spanish`);
    const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    report.push({ name, violations: results.violations });
  };
  await answerJourney(page, SPANISH_JOURNEYS["self, crisis first, detox, flags"], {
    onScreen: async ({ screen, question }) => {
      if (screen === "start" || screen === "crisis" || screen === "result") await audit(screen);
      if (question === "withdrawal") await audit("question withdrawal");
    },
  });
  assert.deepEqual(
    report.map((r) => r.name),
    ["start", "crisis", "question withdrawal", "result"],
  );
  const lines = [];
  for (const { name, violations } of report) {
    for (const v of violations) {
      lines.push(`[${name}] ${v.id} (${v.impact}): ${v.help}`);
      for (const node of v.nodes) lines.push(`    target: ${JSON.stringify(node.target)}`);
    }
  }
  assert.equal(lines.length, 0, `axe violations on Spanish screens:\n${lines.join("\n")}`);
});
