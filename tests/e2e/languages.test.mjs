// Every language of the registry (locales/languages.json), end to end in
// Chromium: the same journey reaches the same result as in English, with
// axe 0, the widget's `lang` and `dir` (Arabic right to left, its week read
// from the right), no English sentence left on its screens, no text wider
// than a 320 px phone or 400% zoom, 988 by text and chat only where 988
// answers them, and only that language's words fetched (an English visitor
// fetches none). Screenshots at 375 px go to target/screens/ for a person
// to look at.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { AXE_TAGS, REPO, STEP_TIMEOUT, VERSION, answerJourney, chooseLanguage, launchBrowser, readResult, startServer } from "./helpers.mjs";

const REGISTRY = JSON.parse(readFileSync(join(REPO, "locales/languages.json"), "utf8")).languages;
const IDS = REGISTRY.map((l) => l.id);
const WORDS = Object.fromEntries(IDS.map((id) => [id, JSON.parse(readFileSync(join(REPO, "locales", `${id}.json`), "utf8"))]));
const TEXTS_988 = ["en", "es"];
const SHOTS = join(REPO, "target", "screens");

// Someone else's check (the "they" words), with a first step and a week.
const JOURNEY = {
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
  schedule: "evenings",
};

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const page_ = (attrs, pageLang = "en") =>
  `<!doctype html><html lang="${pageLang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Care check</title>` +
  `<script type="module" src="carepath/${VERSION}/carepath.js"></script></head><body><main><h1>Riverside Recovery</h1>` +
  `<carepath-assessment center-name="Riverside Recovery" phone="+1-555-010-0199" offers="outpatient intensive_outpatient medically_managed_withdrawal" iop-schedule="Mon-Thu 6pm-9pm"` +
  Object.entries(attrs).map(([k, v]) => ` ${k}="${v}"`).join("") +
  `></carepath-assessment></main></body></html>`;

/** A page with this element, served beside the widget's files; the words
 * files it fetches are recorded. */
async function open(attrs, { width = 375, height = 800, pageLang, hold } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(e.message));
  page.fetched = [];
  page.on("request", (r) => r.url().includes("/words/") && page.fetched.push(new URL(r.url()).pathname.split("/").pop()));
  await page.route("**/languages-test.html", (route) => route.fulfill({ body: page_(attrs, pageLang), contentType: "text/html" }));
  if (hold) await page.route("**/*.wasm", hold);
  await page.goto(`${server.url}languages-test.html`);
  return page;
}

const widgetText = (page) => page.locator("carepath-assessment div.cp").innerText();

async function axe(page) {
  const r = await new AxeBuilder({ page }).include("carepath-assessment").withTags(AXE_TAGS).analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** English sentences (of the visitor's words, placeholders aside) found in
 * a text: a language's screens must hold none. */
function english(text) {
  return Object.entries(WORDS.en)
    .filter(([k, v]) => !k.startsWith("time.") && !v.includes("{") && v.length > 30)
    .map(([, v]) => v)
    .filter((v) => text.includes(v));
}

async function fits(page) {
  return page.evaluate(() => {
    const cp = document.querySelector("carepath-assessment").shadowRoot?.querySelector(".cp");
    // (The skip link waits off screen, 1 px, until it has focus.)
    const shown = (e) => e.getBoundingClientRect().width > 1 && !e.closest(".cp-exit-skip");
    const wide = [...(cp?.querySelectorAll("*") ?? [])].filter((e) => shown(e) && (e.getBoundingClientRect().right > innerWidth + 1 || e.getBoundingClientRect().left < -1));
    return { page: document.documentElement.scrollWidth <= innerWidth, wide: wide.slice(0, 3).map((e) => e.className || e.tagName) };
  });
}

const all = IDS.join(" ");
let reference;

for (const id of IDS) {
  test(`${id}: the journey reaches the English result, in ${id} and its direction, with axe 0 and nothing too wide`, async () => {
    const page = await open({ languages: all, locale: id });
    const root = page.locator("carepath-assessment");
    await root.locator("[data-screen=start]").waitFor();
    const cp = root.locator("div.cp");
    await root.locator(`div.cp[lang="${id}"]`).waitFor();
    const rtl = REGISTRY.find((l) => l.id === id).dir === "rtl";
    assert.equal(await cp.getAttribute("dir"), rtl ? "rtl" : "ltr");
    assert.equal(await cp.evaluate((e) => getComputedStyle(e).direction), rtl ? "rtl" : "ltr");
    assert.equal((await root.locator("[data-screen=start] h2").innerText()).trim(), WORDS[id]["start.heading"]);
    // The menu: every offered language in its own name, this one current.
    assert.deepEqual(await root.locator("button.cp-lang-item").evaluateAll((b) => b.map((x) => [x.dataset.lang, x.lang, x.textContent])), REGISTRY.map((l) => [l.id, l.id, l.name]));
    assert.equal(await root.locator("button.cp-lang-item[aria-current]").getAttribute("data-lang"), id);
    assert.deepEqual(await axe(page), [], `axe on the ${id} start screen`);
    await page.screenshot({ path: join(SHOTS, `${id}-start.png`) });

    await answerJourney(page, JOURNEY);
    const result = await readResult(page);
    if (id === "en") reference = result;
    assert.deepEqual(
      { level: result.level, urgent: result.urgent, withdrawal: result.withdrawal, hours: result.weekHours },
      { level: reference.level, urgent: reference.urgent, withdrawal: reference.withdrawal, hours: reference.weekHours },
      `${id}: the same estimate as in English`,
    );
    // The code says the language (its second character: the code number).
    const code = (await root.locator(".cp-code").innerText()).trim();
    assert.equal(code[1], String(REGISTRY.find((l) => l.id === id).code));
    const text = await widgetText(page);
    if (id !== "en") assert.deepEqual(english(text), [], `${id}: no English sentence on the result`);
    // 988 by text and chat only where 988 answers them; else the
    // interpreter, by phone.
    const sms = await root.locator("a[href^='sms:988']").count();
    const chat = await root.locator("a[href*='988lifeline.org/chat'], a[href*='en-espanol']").count();
    if (TEXTS_988.includes(id)) assert.ok(sms > 0 && chat > 0, `${id}: text and chat`);
    else {
      assert.equal(sms + chat, 0, `${id}: no text or chat link`);
      assert.equal(await root.locator(".cp-bar a[href='tel:988']").count(), 2, `${id}: call 988, and the interpreter by phone`);
    }
    assert.deepEqual(await axe(page), [], `axe on the ${id} result`);
    await page.screenshot({ path: join(SHOTS, `${id}-result.png`), fullPage: false });
    if (rtl) {
      // The week reads from the right: Monday's column is the rightmost.
      const xs = await root.locator("svg.cp-week-picture text.cp-week-label").evaluateAll((t) => t.map((x) => Number(x.getAttribute("x"))));
      assert.ok(xs[0] > xs[6], `Monday on the right: ${xs}`);
      // The center's name reads in its own direction inside the Arabic
      // sentence (isolated: FSI ... PDI).
      assert.match(await root.locator("a[href^='tel:+1']").first().innerText(), /\u2068Riverside Recovery\u2069/);
      await root.locator(".cp-week").screenshot({ path: join(SHOTS, `${id}-week.png`) });
    }
    // A phone (320 px) and 400% zoom (320 x 256): nothing sideways.
    for (const [w, h] of [[320, 640], [320, 256]]) {
      await page.setViewportSize({ width: w, height: h });
      const f = await fits(page);
      assert.ok(f.page && !f.wide.length, `${id} at ${w}x${h}: ${JSON.stringify(f)}`);
    }
    // Only this language's words were fetched (English: none).
    assert.deepEqual(page.fetched, id === "en" ? [] : [`${id}.json`]);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test("by default a visitor is offered English and Spanish only, and an English visitor fetches no words at all", async () => {
  const page = await open({ locale: "zh-TW" });
  const root = page.locator("carepath-assessment");
  await root.locator("[data-screen=start]").waitFor();
  await page.waitForFunction(() => document.querySelector("carepath-assessment").matches(":defined"));
  assert.deepEqual(await root.locator("button.cp-lang-item").evaluateAll((b) => b.map((x) => x.dataset.lang)), ["en", "es"]);
  assert.equal(await root.locator("div.cp").getAttribute("lang"), "en", "zh-TW is not offered: auto, English here");
  await answerJourney(page, JOURNEY);
  assert.deepEqual(page.fetched, []);
  // Choosing Spanish fetches its one file, then speaks it, answers kept.
  await chooseLanguage(root, "es");
  assert.deepEqual(page.fetched, ["es.json"]);
  assert.equal(await root.locator("[data-screen=result] .cp-level").getAttribute("data-level"), (await readResult(page)).level);
  await page.context().close();
});

test("zh-TW, zh-HK and fil pages find their language when the center offers it", async () => {
  for (const [lang, want] of [["zh-TW", "zh-Hant"], ["zh-HK", "zh-Hant"], ["zh-CN", "zh-Hans"], ["fil", "tl"]]) {
    const page = await open({ languages: all }, { pageLang: lang });
    await page.locator(`carepath-assessment div.cp[lang="${want}"] [data-screen=start]`).waitFor();
    await page.context().close();
  }
});

test("before the wasm arrives the loader draws the first screens in the visitor's language, once its words are here", async () => {
  let release;
  const held = new Promise((r) => (release = r));
  const page = await open({ languages: all, locale: "ar" }, { hold: async (route) => { await held; await route.continue(); } });
  const root = page.locator("carepath-assessment");
  await root.locator('div.cp[lang="ar"][dir="rtl"] [data-screen=start]').waitFor();
  assert.equal((await root.locator("[data-screen=start] h2").innerText()).trim(), WORDS.ar["start.heading"]);
  // 911 and 988 by phone, no text link, in Arabic's words.
  assert.equal(await root.locator(".cp-bar a[href='tel:911']").innerText(), WORDS.ar["bar.call911"]);
  assert.equal(await root.locator("a[href^='sms:988']").count(), 0);
  // Start and the first question, drawn by the loader.
  await root.locator("[data-screen=start] button.cp-primary").click();
  await root.locator("form[data-question=danger_now]").waitFor();
  assert.equal(await root.locator("div.cp").getAttribute("lang"), "ar");
  release();
  await page.waitForFunction(() => document.querySelector("carepath-assessment").matches(":defined"));
  await root.locator("form[data-question=danger_now]").waitFor();
  assert.deepEqual(page.fetched, ["ar.json"]);
  await page.context().close();
});

test("if a language's words cannot load, the widget stays in English with 911 and 988, and the console names the file", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.route("**/words/vi.json", (route) => route.abort());
  await page.route("**/languages-test.html", (route) => route.fulfill({ body: page_({ languages: all, locale: "vi" }), contentType: "text/html" }));
  await page.goto(`${server.url}languages-test.html`);
  const root = page.locator("carepath-assessment");
  await page.waitForFunction(() => document.querySelector("carepath-assessment").matches(":defined"));
  await root.locator("div.cp[lang=en] [data-screen=start]").waitFor();
  assert.equal(await root.locator(".cp-bar a[href='tel:911']").count(), 1);
  assert.equal(await root.locator(".cp-bar a[href='tel:988']").count(), 1);
  assert.ok(errors.some((e) => e.includes("the vi words could not load")), errors.join("\n"));
  await page.unrouteAll({ behavior: "ignoreErrors" });
  await context.close();
});

test("a changed words file is refused by its integrity hash", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  // (Asked again later, the file may be fetched while the context closes.)
  await page.route("**/words/ko.json", async (route) => {
    try {
      const body = (await (await route.fetch()).text()).replace("911", "119");
      await route.fulfill({ body, contentType: "application/json" });
    } catch {}
  });
  await page.route("**/languages-test.html", (route) => route.fulfill({ body: page_({ languages: all, locale: "ko" }), contentType: "text/html" }));
  await page.goto(`${server.url}languages-test.html`);
  const root = page.locator("carepath-assessment");
  await page.waitForFunction(() => document.querySelector("carepath-assessment").matches(":defined"));
  await root.locator("div.cp[lang=en] [data-screen=start]").waitFor();
  assert.ok(errors.some((e) => e.includes("the ko words could not load")), errors.join("\n"));
  await page.unrouteAll({ behavior: "ignoreErrors" });
  await context.close();
});
