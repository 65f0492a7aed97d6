// The embed: the widget on host pages it does not control (hostile CSS,
// strict CSPs, a second origin, several instances, elements added and
// moved later, an iframe, a WordPress-like page), its events and its
// privacy promises. Host pages are the fixtures in tests/e2e/fixtures/,
// served beside DIST/carepath.
//   DIST=/path/to/dist CHROMIUM=/usr/bin/chromium node --test --test-concurrency=1 tests/e2e/embed.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { AXE_TAGS, DIST, EVERGREEN, REPO, STEP_TIMEOUT, VERSION, launchBrowser, startServer, startStaticServer } from "./helpers.mjs";
import { comparePixels, decodePng } from "./png.mjs";

const FIXTURES = join(REPO, "tests/e2e/fixtures");

const IOP_ANSWERS = { danger_now: "no", criteria: ["tolerance", "cravings", "time_spent", "role_failure"] };
const RESIDENTIAL_ANSWERS = {
  danger_now: "no",
  criteria: ["tolerance", "cravings", "time_spent", "role_failure", "cant_cut_down", "more_than_intended"],
  home: "unsafe_or_unstable",
};
const RESULT_KEYS = [
  "urgent",
  "withdrawal",
  "level",
  "weekly_hours",
  "days_per_week",
  "weeks",
  "schedule",
  "center_program",
  "center_offers_level",
  "first_contact",
  "flags",
  "unanswered",
  "reasons",
  "phases",
];
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

let browser;
let fixtureDir;
let servers = {};

/** Copies the fixtures into a temp folder beside a link to DIST/carepath. */
function prepareFixtures(widgetOrigin) {
  const dir = mkdtempSync(join(tmpdir(), "carepath-embed-"));
  for (const name of readdirSync(FIXTURES)) {
    if (name.endsWith(".html")) {
      const text = readFileSync(join(FIXTURES, name), "utf8").replaceAll("{{WIDGET_ORIGIN}}", widgetOrigin);
      writeFileSync(join(dir, name), text);
    } else {
      cpSync(join(FIXTURES, name), join(dir, name), { recursive: true });
    }
  }
  symlinkSync(join(DIST, "carepath"), join(dir, "carepath"), "dir");
  return dir;
}

before(async () => {
  browser = await launchBrowser();
  servers.dist = await startServer();
  // The widget's own origin for the cross-origin test (B), with CORS.
  servers.widget = await startStaticServer({ dir: DIST, cors: true });
  fixtureDir = prepareFixtures(servers.widget.origin);
  servers.plain = await startStaticServer({ dir: fixtureDir });
  servers.csp = await startStaticServer({ dir: fixtureDir, headers: [`Content-Security-Policy: ${STRICT_CSP}`] });
  const b = servers.widget.origin;
  servers.host = await startStaticServer({
    dir: fixtureDir,
    headers: [
      `Content-Security-Policy: default-src 'self'; script-src 'self' ${b} 'wasm-unsafe-eval'; connect-src 'self' ${b}; style-src 'self'`,
    ],
  });
});

after(async () => {
  await browser?.close();
  await Promise.all(Object.values(servers).map((s) => s?.stop()));
  if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true });
});

/**
 * A fresh context and page. Collects console messages (of every page in
 * the context, popups included), uncaught errors and dialogs.
 */
async function openPage(t, { viewport, init, asIs = false } = {}) {
  // asIs: without the init script that opens shadow roots for the tests.
  const context = await (asIs ? browser.newContextAsIs : browser.newContext)(viewport ? { viewport } : {});
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  const log = { console: [], errors: [], dialogs: [] };
  context.on("console", (m) => log.console.push({ type: m.type(), text: m.text() }));
  context.on("weberror", (e) => log.errors.push(String(e.error()?.message ?? e.error())));
  context.on("dialog", (d) => {
    log.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  if (init) await page.addInitScript(init);
  t.after(() => context.close());
  return { context, page, log };
}

// ---------------------------------------------------------------------------
// Journeys scoped to one host element (works for several widgets on a page,
// for <div data-carepath>, and for widgets in an iframe's frame).

/** Helpers bound to the widget in `host` (a CSS selector for the host element). */
function widgetIn(page, host, frame = page) {
  const root = frame.locator(host);
  const screen = () =>
    frame.evaluate((sel) => {
      const el = document.querySelector(sel)?.shadowRoot?.querySelector("[data-screen]");
      return {
        screen: el ? el.getAttribute("data-screen") : null,
        question: el ? el.getAttribute("data-question") : null,
      };
    }, host);
  const waitForNewScreen = (before) =>
    frame.waitForFunction(
      ([sel, before]) => {
        const el = document.querySelector(sel)?.shadowRoot?.querySelector("[data-screen]");
        if (!el) return false;
        return el.getAttribute("data-screen") !== before.screen || el.getAttribute("data-question") !== before.question;
      },
      [host, before],
      { timeout: STEP_TIMEOUT },
    );
  const clickAndWait = async (locator) => {
    const before = await screen();
    await locator.click();
    await waitForNewScreen(before);
    return screen();
  };
  const question = (id) => root.locator(`form[data-screen=question][data-question="${id}"]`);
  const option = (q, value) => root.locator(`input[name="${q}"][value="${value}"]`);
  const next = () => root.locator("form[data-screen=question] button[type=submit]");
  const skip = () => root.locator("form[data-screen=question] button.cp-secondary");
  const back = () => root.locator("form[data-screen=question] button.cp-link");
  const startButton = () => root.locator("section[data-screen=start] button.cp-primary");
  const choose = async (q, value) => {
    for (const v of [value].flat()) {
      await option(q, v).check();
      assert.equal(await option(q, v).isChecked(), true, `${host}: ${q}=${v} should be checked`);
    }
  };
  /** The checked values of a question on screen. */
  const checked = (q) =>
    frame.evaluate(
      ([sel, q]) =>
        [...document.querySelector(sel).shadowRoot.querySelectorAll(`input[name="${q}"]`)]
          .filter((i) => i.checked)
          .map((i) => i.value),
      [host, q],
    );
  /**
   * Walks from wherever the widget is to its result (answers as in
   * helpers.mjs answerJourney: answered questions get Next, the others
   * "Prefer not to say"). Returns the screens visited.
   */
  const journey = async (answers) => {
    const visited = [];
    for (let guard = 0; guard < 60; guard++) {
      const state = await screen();
      visited.push(state.screen === "question" ? state.question : state.screen);
      if (state.screen === "result") return visited;
      if (state.screen === "start") {
        await clickAndWait(startButton());
      } else if (state.screen === "crisis") {
        await clickAndWait(root.locator("section[data-screen=crisis] button.cp-primary"));
      } else if (state.screen === "question") {
        const q = state.question;
        if (Object.hasOwn(answers, q)) {
          await choose(q, answers[q]);
          await clickAndWait(next());
        } else {
          assert.ok(q !== "danger_now", "danger_now must be answered");
          await clickAndWait(skip());
        }
      } else {
        throw new Error(`${host}: unexpected screen ${JSON.stringify(state)}`);
      }
    }
    throw new Error(`${host}: no result after 60 screens: ${visited.join(" > ")}`);
  };
  const begin = async () => {
    await startButton().click();
    await question("danger_now").waitFor();
  };
  /** From the first question: "yes, in danger now", Next, the crisis screen. */
  const toCrisis = async () => {
    await choose("danger_now", "yes");
    await clickAndWait(next());
    await root.locator("section[data-screen=crisis]").waitFor();
  };
  const level = () => root.locator("section[data-screen=result] div.cp-level[data-level]").getAttribute("data-level");
  return {
    root,
    screen,
    clickAndWait,
    question,
    option,
    next,
    skip,
    back,
    startButton,
    choose,
    checked,
    journey,
    begin,
    toCrisis,
    level,
    waitForStart: () => root.locator("section[data-screen=start]").waitFor(),
    result: (sel = "") => root.locator(`section[data-screen=result] ${sel}`),
  };
}

/** Console messages about the Content Security Policy. */
const cspMessages = (log) =>
  log.console
    .map((m) => m.text)
    .concat(log.errors)
    .filter((text) => /Content Security Policy|Refused/i.test(text));

/** Records securitypolicyviolation events of the page (an init script: not subject to the CSP). */
const RECORD_VIOLATIONS = () => {
  window.__violations = [];
  document.addEventListener(
    "securitypolicyviolation",
    (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    true,
  );
};

/** Waits until window.__events has `count` events of `type`, then a little more to catch extras. */
async function eventsOf(page, type, count) {
  await page.waitForFunction(([type, count]) => window.__events.filter((e) => e.type === type).length >= count, [type, count]);
  // Let a duplicate (the bug we look for) arrive before counting.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 150)));
  return page.evaluate((type) => window.__events.filter((e) => e.type === type), type);
}

/** Polls `fn` until it returns a truthy value (or throws after `timeout`). */
async function until(fn, message, timeout = STEP_TIMEOUT) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await fn();
    if (last && last.ok) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`${message}: ${JSON.stringify(last)}`);
}

// ---------------------------------------------------------------------------

test("aggressive host CSS neither breaks the widget nor changes how it looks (screenshots within 2% of a plain page)", async (t) => {
  const viewport = { width: 820, height: 1000 };
  const shots = {};
  for (const name of ["plain", "aggressive"]) {
    const { page, log } = await openPage(t, { viewport });
    await page.goto(`${servers.plain.url}${name}.html`);
    const w = widgetIn(page, "#w");
    await w.waitForStart();
    await page.evaluate(() => document.fonts.ready);
    await page.mouse.move(0, 0);
    const options = { animations: "disabled", caret: "hide" };
    const start = await w.root.screenshot(options);
    await w.begin();
    await page.mouse.move(0, 0);
    const question = await w.root.screenshot(options);
    shots[name] = { start: decodePng(start), question: decodePng(question) };
    if (name === "aggressive") {
      // The host's CSS is in effect on the host page: its own button is
      // hidden and the inherited values reach the widget's host element.
      assert.equal(await page.locator("body > p > button").isVisible(), false, "the host's button is hidden");
      const inherited = await page.evaluate(() => {
        const s = getComputedStyle(document.getElementById("w"));
        return { fontSize: s.fontSize, lineHeight: s.lineHeight, textTransform: s.textTransform };
      });
      assert.deepEqual(inherited, { fontSize: "40px", lineHeight: "120px", textTransform: "uppercase" });
      await w.journey(IOP_ANSWERS);
      assert.equal(await w.level(), "intensive_outpatient");
    }
    assert.deepEqual(log.errors, [], `${name}: uncaught errors`);
  }
  const diffs = {};
  for (const screen of ["start", "question"]) {
    diffs[screen] = comparePixels(shots.plain[screen], shots.aggressive[screen]);
  }
  console.log(
    `screenshot diff, aggressive vs plain host CSS: ` +
      Object.entries(diffs)
        .map(([s, d]) => `${s} ${d.percent.toFixed(2)}% (${d.differing}/${d.total} px, ${d.sizes})`)
        .join("; "),
  );
  for (const [screen, d] of Object.entries(diffs)) {
    assert.ok(d.percent < 2, `${screen} screen differs by ${d.percent.toFixed(2)}% of pixels (${d.sizes})`);
  }
});

test("under a strict same-origin CSP the widget and its print summary work with no CSP errors", async (t) => {
  const { page, log } = await openPage(t, { init: RECORD_VIOLATIONS });
  const response = await page.goto(`${servers.csp.url}csp.html`);
  assert.equal(response.headers()["content-security-policy"], STRICT_CSP, "the page is served with the strict CSP");
  const w = widgetIn(page, "#w");
  await w.waitForStart();
  await w.journey(IOP_ANSWERS);
  assert.equal(await w.level(), "intensive_outpatient");

  const [popup] = await Promise.all([page.waitForEvent("popup"), w.result("[data-action=print]").click()]);
  await popup.waitForLoadState();
  await popup.waitForFunction(() => document.body && document.body.innerText.includes("Riverside Recovery"));
  const summary = await popup.evaluate(() => document.body.innerText);
  assert.match(summary, /Intensive outpatient/i, "the summary names the level");
  // The summary's styles are adopted (allowed by style-src 'self').
  assert.equal(await popup.evaluate(() => document.adoptedStyleSheets.length), 1, "the summary has its stylesheet");

  assert.deepEqual(cspMessages(log), [], "no CSP messages in the console");
  assert.deepEqual(await page.evaluate(() => window.__violations), [], "no securitypolicyviolation events");
  assert.deepEqual(log.errors, [], "no uncaught errors");
});

test("the widget served from a second origin works under the host's CSP", async (t) => {
  const { page, log } = await openPage(t, { init: RECORD_VIOLATIONS });
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`${servers.host.url}cross-origin.html`);
  const w = widgetIn(page, "#w");
  await w.waitForStart();
  await w.journey(IOP_ANSWERS);
  assert.equal(await w.level(), "intensive_outpatient");

  const b = servers.widget.origin;
  // The evergreen loader, then this version's files.
  assert.ok(requests.includes(`${b}/carepath/${EVERGREEN}/carepath.js`), `the evergreen loader is loaded from ${b}`);
  for (const file of ["carepath.js", "carepath-widget_bg.wasm"]) {
    assert.ok(requests.includes(`${b}/carepath/${VERSION}/${file}`), `${file} is loaded from ${b}`);
  }
  assert.ok(
    !requests.some((u) => u.startsWith(servers.host.origin) && u.includes("/carepath/")),
    "nothing of the widget is loaded from the host's own origin",
  );
  assert.deepEqual(cspMessages(log), [], "no CSP messages in the console");
  assert.deepEqual(await page.evaluate(() => window.__violations), [], "no securitypolicyviolation events");
  assert.deepEqual(log.errors, [], "no uncaught errors");
});

test("two widgets on one page keep separate screens and answers", async (t) => {
  const { page, log } = await openPage(t);
  await page.goto(`${servers.plain.url}two.html`);
  const a = widgetIn(page, "#a");
  const b = widgetIn(page, "#b");
  await a.waitForStart();
  await b.waitForStart();

  await a.begin();
  await a.choose("danger_now", "no");
  assert.deepEqual(await b.screen(), { screen: "start", question: null }, "b is still on its start screen");
  await a.clickAndWait(a.next());
  await a.choose("for_whom", "self");
  await a.clickAndWait(a.next());
  assert.deepEqual(await a.screen(), { screen: "question", question: "age" });
  assert.deepEqual(await b.screen(), { screen: "start", question: null }, "b did not move with a");

  await b.begin();
  assert.deepEqual(await b.checked("danger_now"), [], "b's danger_now is unanswered");
  await b.choose("danger_now", "no");
  await b.clickAndWait(b.next());
  assert.deepEqual(await b.screen(), { screen: "question", question: "for_whom" });
  assert.deepEqual(await b.checked("for_whom"), [], "a's for_whom answer is not in b");
  await b.choose("for_whom", "someone_else");
  assert.deepEqual(await a.screen(), { screen: "question", question: "age" }, "a stayed on its question");

  // a's earlier answers are still a's.
  await a.clickAndWait(a.back());
  assert.deepEqual(await a.checked("for_whom"), ["self"]);
  // a goes to a result; b stays where it was.
  await a.journey(IOP_ANSWERS);
  assert.equal(await a.level(), "intensive_outpatient");
  assert.deepEqual(await b.screen(), { screen: "question", question: "for_whom" });
  assert.deepEqual(await b.checked("for_whom"), ["someone_else"]);
  assert.deepEqual(log.errors, []);
});

test("elements added later mount, a moved element keeps its place, a removed and re-added one goes on where it was", async (t) => {
  const { page, log } = await openPage(t);
  await page.goto(`${servers.plain.url}dynamic.html`);
  assert.equal(await page.locator("carepath-assessment, div[data-carepath]").count(), 0, "nothing is there at load");
  const late = widgetIn(page, "#late");
  await page.locator("#slot-a #late section[data-screen=start]").waitFor({ timeout: 2000 + STEP_TIMEOUT });

  // It works.
  await late.begin();
  await late.choose("danger_now", "no");
  await late.clickAndWait(late.next());
  await late.choose("for_whom", "someone_else");
  assert.deepEqual(await late.screen(), { screen: "question", question: "for_whom" });

  // Move it (remove and insert elsewhere in the same task): same place.
  await page.evaluate(() => {
    const el = document.getElementById("late");
    el.remove();
    document.getElementById("slot-b").append(el);
  });
  // Let the loader's unmount check (a timer) and any re-render run.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  assert.equal(await page.locator("#slot-b > #late").count(), 1);
  assert.deepEqual(await late.screen(), { screen: "question", question: "for_whom" }, "the moved widget keeps its screen");
  assert.deepEqual(await late.checked("for_whom"), ["someone_else"], "and its answers");
  await late.clickAndWait(late.back());
  assert.deepEqual(await late.checked("danger_now"), ["no"]);
  await late.clickAndWait(late.next());

  // Removed (the widget is freed), re-added later (a framework re-render):
  // the same element object goes on where it was.
  await page.evaluate(() => {
    window.__removed = document.getElementById("late");
    window.__removed.remove();
  });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  await page.evaluate(() => document.getElementById("slot-a").append(window.__removed));
  await late.question("for_whom").waitFor();
  assert.deepEqual(await late.checked("for_whom"), ["someone_else"], "a re-added widget keeps its place and answers");
  await late.journey(IOP_ANSWERS);
  assert.equal(await late.level(), "intensive_outpatient");

  // The <div data-carepath> added later mounts too.
  const div = widgetIn(page, "#late-div");
  await div.waitForStart();
  await div.begin();
  await div.journey(IOP_ANSWERS);
  assert.equal(await div.level(), "intensive_outpatient");
  assert.deepEqual(log.errors, []);
});

test("events: by default start, complete and contact carry no health meaning; share-progress adds steps; reset() starts over", async (t) => {
  // Default: no steps, an empty complete, contact actions only.
  {
    const { page, log } = await openPage(t);
    await page.goto(`${servers.plain.url}events.html`);
    const w = widgetIn(page, "#w");
    await w.waitForStart();
    assert.deepEqual(await page.evaluate(() => window.__events), [], "nothing fires on load");

    await w.begin();
    const starts = await eventsOf(page, "carepath:start", 1);
    assert.deepEqual(starts, [{ type: "carepath:start", detail: {}, target: "w", bubbles: true, composed: true }]);

    // A Back makes a question appear again: it is a step too.
    const shown = ["danger_now"];
    await w.choose("danger_now", "no");
    shown.push((await w.clickAndWait(w.next())).question);
    shown.push((await w.clickAndWait(w.back())).question);
    // The journey starts on the danger_now screen Back just showed (counted above).
    const visited = await w.journey(IOP_ANSWERS);
    shown.push(...visited.slice(1).filter((s) => !["start", "crisis", "result"].includes(s)));
    assert.equal(await w.level(), "intensive_outpatient");

    const completes = await eventsOf(page, "carepath:complete", 1);
    assert.equal(completes.length, 1, "complete fires once");
    assert.deepEqual(completes[0].detail, {}, "by default nothing about the result");
    const steps = await page.evaluate(() => window.__events.filter((e) => e.type === "carepath:step"));
    assert.deepEqual(steps, [], "which questions are asked reveals answers: no steps by default");
    assert.equal((await page.evaluate(() => window.__events.filter((e) => e.type === "carepath:start"))).length, 1);
    const all = await page.evaluate(() => window.__events);
    assert.ok(
      all.every((e) => e.bubbles && e.composed && e.target === "w"),
      "every event bubbles, is composed and comes from the element",
    );

    for (const action of ["call", "contact"]) {
      await w.result(`[data-action=${action}]`).click();
      const contacts = await eventsOf(page, "carepath:contact", action === "call" ? 1 : 2);
      assert.deepEqual(contacts.at(-1).detail, { action });
    }
    const [popup] = await Promise.all([page.waitForEvent("popup"), w.result("[data-action=print]").click()]);
    const contacts = await eventsOf(page, "carepath:contact", 3);
    assert.deepEqual(
      contacts.map((e) => e.detail),
      [{ action: "call" }, { action: "contact" }, { action: "print" }],
      "one contact event per action",
    );
    await popup.close();

    // reset() goes back to the start screen with every answer cleared.
    const before = await page.evaluate(() => window.__events.length);
    await page.evaluate(() => document.getElementById("w").reset());
    await w.waitForStart();
    assert.deepEqual(await w.screen(), { screen: "start", question: null });
    await w.begin();
    assert.deepEqual(await w.checked("danger_now"), [], "answers are cleared");
    const after = await page.evaluate((n) => window.__events.slice(n).map((e) => e.type), before);
    assert.deepEqual(after, ["carepath:start"], "a new start after reset()");
    assert.deepEqual(log.errors, []);
  }
  // share-progress: a step per question screen shown, with its position.
  {
    const { page } = await openPage(t);
    await page.goto(`${servers.plain.url}events.html?share-progress`);
    const w = widgetIn(page, "#w");
    await w.waitForStart();
    await w.begin();
    const shown = ["danger_now"];
    await w.choose("danger_now", "no");
    shown.push((await w.clickAndWait(w.next())).question);
    shown.push((await w.clickAndWait(w.back())).question);
    const visited = await w.journey(IOP_ANSWERS);
    shown.push(...visited.slice(1).filter((s) => !["start", "crisis", "result"].includes(s)));
    const steps = await page.evaluate(() => window.__events.filter((e) => e.type === "carepath:step"));
    assert.equal(steps.length, shown.length, "one step event per question screen shown");
    assert.deepEqual(
      steps.map((e) => e.detail.question),
      shown,
      "each step names its question",
    );
    assert.deepEqual(steps[0].detail, { question: "danger_now", position: 1 });
    assert.deepEqual(steps[1].detail, { question: "for_whom", position: 2 });
    const [complete] = await eventsOf(page, "carepath:complete", 1);
    assert.deepEqual(complete.detail, {}, "share-progress alone shares no result");
  }
  // share-result: the full result, no answers.
  {
    const { page } = await openPage(t);
    await page.goto(`${servers.plain.url}events.html?share-result`);
    const w = widgetIn(page, "#w");
    await w.waitForStart();
    await w.journey(IOP_ANSWERS);
    const [complete] = await eventsOf(page, "carepath:complete", 1);
    for (const key of RESULT_KEYS) assert.ok(Object.hasOwn(complete.detail, key), `the full result has ${key}`);
    assert.equal(complete.detail.level, "intensive_outpatient");
    assert.equal(Object.hasOwn(complete.detail, "answers"), false, "no answers without share-answers");
  }
  // share-result share-answers: the answers too.
  {
    const { page } = await openPage(t);
    await page.goto(`${servers.plain.url}events.html?share-result&share-answers`);
    const w = widgetIn(page, "#w");
    await w.waitForStart();
    await w.journey(IOP_ANSWERS);
    const [complete] = await eventsOf(page, "carepath:complete", 1);
    for (const key of RESULT_KEYS) assert.ok(Object.hasOwn(complete.detail, key), `the full result has ${key}`);
    assert.equal(complete.detail.level, "intensive_outpatient");
    assert.equal(complete.detail.answers?.danger_now, "no", "the answers are shared");
  }
});

// Counts every write to localStorage/sessionStorage (an init script).
const COUNT_STORAGE_WRITES = () => {
  window.__storageWrites = [];
  for (const method of ["setItem", "removeItem", "clear"]) {
    const original = Storage.prototype[method];
    Storage.prototype[method] = function (...args) {
      window.__storageWrites.push(`${this === window.sessionStorage ? "session" : "local"}.${method}(${args[0] ?? ""})`);
      return original.apply(this, args);
    };
  }
};

test("privacy: a whole journey on the demo page loads only its own files, sets no cookie and stores nothing; remember=session restores progress", async (t) => {
  {
    const { context, page, log } = await openPage(t, { init: COUNT_STORAGE_WRITES });
    const requests = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`${servers.dist.url}index.html`);
    const w = widgetIn(page, "carepath-assessment");
    await w.waitForStart();
    await w.journey(IOP_ANSWERS);
    assert.equal(await w.level(), "intensive_outpatient");

    const origin = new URL(servers.dist.url).origin;
    const allowed = [
      "/index.html",
      "/host.css",
      `/carepath/${EVERGREEN}/carepath.js`,
      `/carepath/${VERSION}/carepath.js`,
      `/carepath/${VERSION}/carepath-widget_bg.wasm`,
    ];
    for (const url of requests) {
      const u = new URL(url);
      assert.equal(u.origin, origin, `a request to another origin: ${url}`);
      assert.ok(allowed.includes(u.pathname), `an unexpected request: ${url}`);
    }
    for (const path of allowed) {
      const n = requests.filter((u) => new URL(u).pathname === path).length;
      assert.ok(n <= 1, `${path} fetched ${n} times`);
    }
    for (const path of allowed.filter((p) => p.startsWith("/carepath/"))) {
      assert.ok(requests.includes(origin + path), `${path} was loaded (the request log works)`);
    }
    assert.deepEqual(await context.cookies(), [], "no cookies");
    assert.deepEqual(await page.evaluate(() => window.__storageWrites), [], "no storage writes");
    assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0]);
    assert.deepEqual(log.errors, []);
  }
  // remember="session": progress is kept in sessionStorage and restored.
  {
    const { page, log } = await openPage(t, { init: COUNT_STORAGE_WRITES });
    await page.goto(`${servers.plain.url}remember.html`);
    const w = widgetIn(page, "#r");
    await w.waitForStart();
    await w.begin();
    await w.choose("danger_now", "no");
    await w.clickAndWait(w.next());
    await w.choose("for_whom", "someone_else");
    const keys = await page.evaluate(() => Object.keys(sessionStorage));
    assert.ok(
      keys.some((k) => k.startsWith("carepath:progress:")),
      `sessionStorage has a carepath:progress:* key (has ${JSON.stringify(keys)})`,
    );
    assert.equal(await page.evaluate(() => localStorage.length), 0, "nothing in localStorage");
    const writes = await page.evaluate(() => window.__storageWrites);
    assert.ok(
      writes.length > 0 && writes.every((w) => w.startsWith("session.")),
      `the write counter sees the session writes, and only those: ${JSON.stringify(writes)}`,
    );

    await page.reload();
    await w.question("for_whom").waitFor();
    assert.deepEqual(await w.screen(), { screen: "question", question: "for_whom" }, "back on the same question");
    assert.deepEqual(await w.checked("for_whom"), ["someone_else"], "with its answer checked");
    await w.clickAndWait(w.back());
    assert.deepEqual(await w.checked("danger_now"), ["no"], "and the earlier answer too");
    assert.deepEqual(log.errors, []);
  }
});

test("the complete event carries the answers as they are when the result shows, after changing them", async (t) => {
  const { page, log } = await openPage(t);
  await page.goto(`${servers.plain.url}events.html?share-result&share-answers`);
  const w = widgetIn(page, "#w");
  await w.waitForStart();
  await w.journey({ ...IOP_ANSWERS, schedule: "evenings" });
  const [first] = await eventsOf(page, "carepath:complete", 1);
  assert.equal(first.detail.answers.schedule, "evenings");
  // Change my answers: back to the last question, skip it, see the result again.
  assert.equal((await w.clickAndWait(w.result("[data-action=back]"))).question, "schedule");
  await w.clickAndWait(w.skip());
  const both = await eventsOf(page, "carepath:complete", 2);
  assert.equal(both.length, 2, "one complete event per result shown");
  assert.equal(Object.hasOwn(both[1].detail.answers, "schedule"), false, "the skipped answer is gone from the detail");
  assert.ok(both[1].detail.unanswered.includes("schedule"));
  assert.deepEqual(log.errors, []);
});

test("two remembering widgets keep separate progress by id, reset() clears only its own, and one without an id keeps nothing", async (t) => {
  const { page, log } = await openPage(t);
  await page.goto(`${servers.plain.url}remember-two.html`);
  // remember="session" without an id: a warning, and nothing is kept.
  const third = widgetIn(page, "carepath-assessment.third");
  await third.waitForStart();
  const warnings = log.console.filter((m) => m.type === "warning" && m.text.includes("needs an id"));
  assert.equal(warnings.length, 1, JSON.stringify(log.console));
  await third.begin();
  await third.choose("danger_now", "no");
  await third.clickAndWait(third.next());
  const first = widgetIn(page, "carepath-assessment.first");
  const second = widgetIn(page, "carepath-assessment.second");
  await first.waitForStart();
  await second.waitForStart();
  await first.begin();
  await first.choose("danger_now", "no");
  await first.clickAndWait(first.next());
  await first.choose("for_whom", "someone_else");
  await second.begin();

  await page.reload();
  await first.question("for_whom").waitFor();
  assert.deepEqual(await first.checked("for_whom"), ["someone_else"], "the first widget keeps its own answer");
  await second.question("danger_now").waitFor();
  assert.deepEqual(await second.checked("danger_now"), [], "the second widget has none of the first's answers");

  await third.waitForStart();
  const keys = await page.evaluate(() => Object.keys(sessionStorage).sort());
  assert.deepEqual(keys, ["carepath:progress:/remember-two.html#first", "carepath:progress:/remember-two.html#second"]);
  await page.evaluate(() => document.querySelector("carepath-assessment.second").reset());
  await second.waitForStart();
  assert.deepEqual(
    await page.evaluate(() => Object.keys(sessionStorage)),
    ["carepath:progress:/remember-two.html#first"],
    "reset() clears the second's kept place",
  );
  await page.reload();
  await first.question("for_whom").waitFor();
  assert.deepEqual(await first.checked("for_whom"), ["someone_else"], "resetting the second left the first's progress");
  assert.deepEqual(log.errors, []);
});

test("bad attributes: one warning each, no script runs, the widget still works with safe fallbacks", async (t) => {
  const { page, log } = await openPage(t);
  await page.goto(`${servers.plain.url}bad-attributes.html`);
  const w = widgetIn(page, "#w");
  await w.waitForStart();
  await w.journey(IOP_ANSWERS);
  assert.equal(await w.level(), "intensive_outpatient");

  const warnings = log.console.filter((m) => m.type === "warning" && m.text.startsWith("carepath: ")).map((m) => m.text);
  for (const prefix of ["carepath: phone=", "carepath: contact-url=", "carepath: offers:", "carepath: iop-schedule="]) {
    const n = warnings.filter((text) => text.startsWith(prefix)).length;
    assert.equal(n, 1, `one warning starting with ${prefix} (got ${n}: ${JSON.stringify(warnings)})`);
  }
  assert.equal(warnings.length, 4, `only the four bad attributes warn: ${JSON.stringify(warnings)}`);
  assert.ok(warnings.find((x) => x.startsWith("carepath: offers:")).includes('"detox"'), "the offers warning names the bad level");

  assert.equal(await w.result("[data-action=call]").count(), 0, "no call button for a bad phone");
  assert.equal(await w.result("[data-action=contact]").count(), 0, "no contact link for a refused URL");
  assert.equal(
    await page.evaluate(() => document.getElementById("w").shadowRoot.querySelectorAll("img").length),
    0,
    "no <img> in the widget",
  );
  assert.equal(
    await page.evaluate(() => [...document.getElementById("w").shadowRoot.querySelectorAll("a")].some((a) => /^javascript:/i.test(a.getAttribute("href") ?? ""))),
    false,
    "no javascript: link",
  );

  const [popup] = await Promise.all([page.waitForEvent("popup"), w.result("[data-action=print]").click()]);
  await popup.waitForLoadState();
  await popup.waitForFunction(() => document.body && document.body.innerText.length > 0);
  const summary = await popup.evaluate(() => document.body.innerText);
  assert.ok(summary.includes("<img src=x onerror=alert(1)>"), "the center name is shown as literal text in the summary");
  assert.equal(await popup.evaluate(() => document.querySelectorAll("img").length), 0, "no <img> in the summary");
  // Give a (wrongly) injected onerror handler a moment to fire.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  assert.deepEqual(log.dialogs, [], "no dialog opened");

  // Changing another attribute applies it, and does not repeat the warnings.
  await page.evaluate(() => document.getElementById("w").setAttribute("center-name", "Harbor House"));
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  const after = log.console.filter((m) => m.type === "warning" && m.text.startsWith("carepath: "));
  assert.equal(after.length, 4, `the warnings are not repeated: ${JSON.stringify(after.map((m) => m.text))}`);
  assert.deepEqual(log.errors, []);
});

test("a level the center does not offer is still named, with the SAMHSA helpline and FindTreatment.gov", async (t) => {
  const { page, log } = await openPage(t);
  await page.goto(`${servers.plain.url}refer.html`);
  const w = widgetIn(page, "#w");
  await w.waitForStart();
  await w.journey(RESIDENTIAL_ANSWERS);
  assert.equal(await w.level(), "residential");
  const refer = w.result(".cp-refer");
  await refer.waitFor();
  const helpline = refer.locator('a[href="tel:+18006624357"]');
  const locator = refer.locator('a[href*="findtreatment.gov"]');
  assert.equal(await helpline.count(), 1, "the SAMHSA helpline link");
  assert.equal(await locator.count(), 1, "the FindTreatment.gov link");

  // prevent-nav.js (the host page) keeps the links from navigating.
  // A refer-on tap means "needs care this center does not offer": by
  // default it sends nothing.
  await helpline.click();
  await locator.click();
  await page.waitForTimeout(200);
  assert.deepEqual(
    await page.evaluate(() => (window.__events ?? []).filter((e) => e.type === "carepath:contact")),
    [],
    "no refer-on event by default",
  );
  // With share-result, refer-on taps are sent.
  await page.evaluate(() => document.getElementById("w").setAttribute("share-result", ""));
  await helpline.click();
  let contacts = await eventsOf(page, "carepath:contact", 1);
  assert.deepEqual(contacts.map((e) => e.detail), [{ action: "helpline" }]);
  await locator.click();
  contacts = await eventsOf(page, "carepath:contact", 2);
  assert.deepEqual(contacts.map((e) => e.detail), [{ action: "helpline" }, { action: "find_treatment" }]);
  assert.equal(contacts.every((e) => e.target === "w"), true, "the events come from the element");
  assert.deepEqual(log.errors, []);
});

test('the iframe form with "height": "content" (opt-in) sizes its iframe to each screen', async (t) => {
  const { context, page, log } = await openPage(t, { viewport: { width: 900, height: 700 } });
  // The center's frame-options.json (frame.test.mjs tests the default, a height by width only).
  const options = { "center-name": "Riverside Recovery", "parent-origin": servers.plain.origin, height: "content" };
  await context.route(`${servers.plain.origin}/carepath/${EVERGREEN}/frame-options.json`, (route) => route.fulfill({ json: options }));
  await page.goto(`${servers.plain.url}frame-host.html`);
  const iframe = page.locator("#carepath-frame");
  assert.ok(((await iframe.getAttribute("title")) ?? "").trim().length > 0, "the iframe has a title");
  const frame = await (await iframe.elementHandle()).contentFrame();
  const w = widgetIn(page, "carepath-assessment", frame);
  await w.waitForStart();

  const sizes = async () => ({
    attribute: Number(await iframe.getAttribute("height")),
    document: await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)),
  });
  const first = await until(async () => {
    const s = await sizes();
    return { ...s, ok: s.attribute > 300 && Math.abs(s.attribute - s.document) <= 3 };
  }, "the iframe's height attribute should become > 300 and match the frame's document");

  await page.frameLocator("#carepath-frame").locator("section[data-screen=start] button.cp-primary").click();
  await w.question("danger_now").waitFor();
  const second = await until(async () => {
    const s = await sizes();
    return { ...s, ok: s.attribute !== first.attribute && Math.abs(s.attribute - s.document) <= 3 };
  }, "after Start, the iframe's height should change to match the frame's document");
  assert.notEqual(second.attribute, first.attribute);
  assert.deepEqual(log.errors, []);
});

test("the configurator updates its preview and snippet as the form changes", async (t) => {
  const { page, log } = await openPage(t);
  await page.goto(`${servers.dist.url}configurator.html`);
  const preview = page.locator("carepath-assessment#preview");
  await preview.locator("section[data-screen=start]").waitFor();
  const snippet = page.locator("#snippet");
  // By default: this exact version, with the loader's hash, where the
  // files will live, and the first screen in the HTML (a declared root
  // whose one inline <style> the snippet names the CSP hash of; the theme
  // is attributes).
  const sri = JSON.parse(readFileSync(join(DIST, "carepath", VERSION, "integrity.json"), "utf8"))["carepath.js"];
  const declared = JSON.parse(readFileSync(join(DIST, "carepath", VERSION, "declared.json"), "utf8"));
  assert.ok((await snippet.inputValue()).includes(`src="https://your-site.example/carepath/${VERSION}/carepath.js" integrity="${sri}"`));
  assert.ok((await snippet.inputValue()).includes('<template shadowrootmode="closed"><style>'));
  assert.ok((await snippet.inputValue()).includes(`style-src '${declared.styleHash}'`));
  // Without it: the plain element, no inline <style>.
  await page.locator("#declared").uncheck();
  assert.ok(!(await snippet.inputValue()).includes("<style"));
  assert.ok((await snippet.inputValue()).includes("<carepath-assessment\n"));
  await page.locator("#declared").check();
  // A strict CSP needs 'wasm-unsafe-eval': the snippet says so.
  assert.ok((await snippet.inputValue()).includes("'wasm-unsafe-eval'"));
  // The widget's own warnings show on the page: a bad schedule, and 911
  // as the center's phone.
  await page.locator('input[name="phone"]').fill("911");
  await page.locator('input[name="iop-schedule"]').fill("Mon evenings");
  await page.locator("#problems li", { hasText: "phone" }).waitFor();
  await page.locator("#problems li", { hasText: "iop-schedule" }).waitFor();
  await page.locator('input[name="phone"]').fill("+1-555-010-0199");
  await page.locator('input[name="iop-schedule"]').fill("Mon Wed Thu 6pm-9pm");
  await page.locator("#problems").waitFor({ state: "hidden" });
  await page.locator('input[name="theme-text"]').fill("#f0f0f0");
  await page.locator("#contrast li.fails").first().waitFor();
  // Every pair the widget checks (the loader's themePairs()), in words.
  const pairs = await page.locator("#contrast li").allInnerTexts();
  assert.equal(pairs.length, 8, pairs.join(" | "));
  assert.ok(pairs.every((p) => !/theme-|#[0-9a-f]{6}/.test(p)), pairs.join(" | "));
  assert.ok(pairs.some((p) => p.startsWith("Emergency line on its panel")));
  assert.ok((await snippet.inputValue()).includes('theme-text="#f0f0f0"'));
  await page.locator('input[name="theme-text"]').fill("#1b1f23");
  await page.locator('select[name="locale"]').selectOption("es");
  await preview.locator(".cp[lang=es]").waitFor();
  await page.locator('input[name="track"][value="evergreen"]').check();

  await page.locator('input[name="center-name"]').fill("Lakeside Clinic");
  await page.waitForFunction(() => document.getElementById("preview").getAttribute("center-name") === "Lakeside Clinic");
  const text = await snippet.inputValue();
  assert.ok(text.includes('center-name="Lakeside Clinic"'), `the snippet has the new name: ${text}`);
  assert.ok(text.includes(`carepath/${EVERGREEN}/carepath.js`), `the evergreen snippet loads carepath/${EVERGREEN}/carepath.js`);
  assert.ok(text.includes("<carepath-assessment"), "the snippet has the element");

  // The preview still works after the change.
  const w = widgetIn(page, "#preview");
  await w.journey(IOP_ANSWERS);
  assert.equal(await w.level(), "intensive_outpatient");
  assert.match(await w.result("[data-action=call]").innerText(), /Lakeside Clinic/, "the preview uses the new name");
  assert.deepEqual(log.errors, []);
});

test("the configurator opened from disk says why it needs a web server", async (t) => {
  const { page } = await openPage(t);
  await page.goto(`file://${join(DIST, "configurator.html")}`);
  assert.equal(await page.locator("#needs-server").isVisible(), true);
});

test("on a WordPress-like page (block markup and theme CSS) the widget works to a result", async (t) => {
  const { page, log } = await openPage(t);
  await page.goto(`${servers.plain.url}wordpress.html`);
  const w = widgetIn(page, ".entry-content carepath-assessment");
  await w.waitForStart();
  await w.journey(IOP_ANSWERS);
  assert.equal(await w.level(), "intensive_outpatient");
  assert.equal(await w.result("[data-action=call]").isVisible(), true);
  // The theme's `button { text-transform: uppercase }` does not reach the widget.
  assert.equal(
    await page.evaluate(() =>
      getComputedStyle(document.querySelector("carepath-assessment").shadowRoot.querySelector("[data-action=print]")).textTransform,
    ),
    "none",
  );
  assert.deepEqual(log.errors, []);
});

test("closed by default: el.shadowRoot is null and a page-wide click listener sees only the host; shadow=\"open\" opts in, with masking markers", async (t) => {
  const { page, log } = await openPage(t, { asIs: true });
  await page.goto(`${servers.plain.url}events.html`);
  await page.waitForFunction(() => customElements.get("carepath-assessment"));
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.getElementById("w").shadowRoot), null, "no page script can reach the root");
  // A session-replay style listener on the whole page.
  await page.evaluate(() => {
    window.__seen = [];
    document.addEventListener("click", (e) => window.__seen.push(e.composedPath().map((n) => n.nodeName ?? String(n))[0]), true);
  });
  const box = await page.locator("#w").boundingBox();
  // Clicks inside the widget (its Start button is in the middle of the start screen).
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.click(box.x + 20, box.y + box.height - 20);
  const seen = await page.evaluate(() => window.__seen);
  assert.ok(seen.length >= 2, JSON.stringify(seen));
  assert.ok(seen.every((n) => n === "CAREPATH-ASSESSMENT"), `only the host is seen: ${JSON.stringify(seen)}`);
  assert.deepEqual(log.errors, []);

  // shadow="open": readable, with the replay tools' masking markers.
  const open = await openPage(t, { asIs: true });
  await open.page.goto(`${servers.plain.url}events.html?shadow=open`);
  await open.page.waitForFunction(() => document.getElementById("w").shadowRoot?.querySelector("[data-screen=start]"));
  const wrapper = await open.page.evaluate(() => {
    const w = document.getElementById("w").shadowRoot.firstElementChild;
    return { cls: w.className, hj: w.hasAttribute("data-hj-suppress"), clarity: w.getAttribute("data-clarity-mask") };
  });
  assert.deepEqual(wrapper, { cls: "rr-block fs-exclude", hj: true, clarity: "true" });
});

test("popups blocked: print uses a hidden frame in the widget, and the print event is sent only then", async (t) => {
  const { page, log } = await openPage(t, {
    init: () => {
      window.open = () => null; // a popup blocker
    },
  });
  await page.goto(`${servers.plain.url}events.html`);
  const w = widgetIn(page, "#w");
  await w.waitForStart();
  await w.journey(IOP_ANSWERS);
  await w.result("[data-action=print]").click();
  const contacts = await eventsOf(page, "carepath:contact", 1);
  assert.deepEqual(contacts.map((e) => e.detail), [{ action: "print" }]);
  const text = await page.evaluate(() => {
    const frame = document.getElementById("w").shadowRoot.querySelector("iframe.cp-print-frame");
    return frame?.contentDocument.body.innerText ?? null;
  });
  assert.match(text ?? "", /not a diagnosis/, "the summary is in the print frame");
  assert.deepEqual(log.errors, []);
});

test("bidi: a right-to-left override in center-name is removed and the name isolated, and a host's direction: rtl does not leak in", async (t) => {
  const { page } = await openPage(t);
  await page.goto(`${servers.plain.url}events.html?center-name=%E2%80%AEEvil`);
  await page.evaluate(() => (document.body.style.direction = "rtl"));
  const w = widgetIn(page, "#w");
  await w.waitForStart();
  await w.journey(IOP_ANSWERS);
  const [label, direction] = await page.evaluate(() => {
    const root = document.getElementById("w").shadowRoot;
    return [root.querySelector("[data-action=call]").textContent, getComputedStyle(root.querySelector(".cp")).direction];
  });
  assert.equal(direction, "ltr");
  // The override is gone (it could reach past the isolation); the name
  // stays isolated.
  assert.ok(label.includes("\u2068Evil\u2069") && !label.includes("\u202e"), JSON.stringify(label));
});

test("connect-src 'none' (the wasm fetch refused): no uncaught error, one clear console message, the emergency line stays", async (t) => {
  const { page, log } = await openPage(t);
  const url = `${servers.plain.url}events.html`;
  await page.route(url, async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: { ...response.headers(), "content-security-policy": "connect-src 'none'" },
    });
  });
  await page.goto(url);
  const w = widgetIn(page, "#w");
  await w.waitForStart();
  await page.waitForFunction(() => true);
  const deadline = Date.now() + STEP_TIMEOUT;
  const failed = () => log.console.filter((m) => m.type === "error" && m.text.includes("carepath: the widget could not load"));
  while (!failed().length && Date.now() < deadline) await page.waitForTimeout(50);
  assert.equal(failed().length, 1, JSON.stringify(log.console));
  assert.deepEqual(log.errors, [], "no uncaught error or rejection");
  assert.ok(await page.locator("#w").evaluate((el) => el.shadowRoot.querySelector("a[href='tel:911']") !== null));
});

// ---------------------------------------------------------------------------
// Hardening (issue 22): the attack's cases.

const SCHEMA = () => JSON.parse(readFileSync(join(DIST, "carepath", VERSION, "schema.json"), "utf8"));
const SRI = () => JSON.parse(readFileSync(join(DIST, "carepath", VERSION, "integrity.json"), "utf8"));

/** A page in the fixtures folder: the pinned loader with its hash, and an element with its fallback. */
function pinnedPage(name, attrs = "", body = "") {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pinned</title>
<script type="module" src="carepath/${VERSION}/carepath.js" integrity="${SRI()["carepath.js"]}" crossorigin="anonymous"></script></head>
<body>${body}<carepath-assessment id="w" ${attrs}>${SCHEMA().fallback.en}</carepath-assessment></body></html>`;
  writeFileSync(join(fixtureDir, name), html);
  return `${servers.plain.url}${name}`;
}

test("a changed loader is refused by the snippet's hash, and the element's fallback keeps 911 and 988 on the page; so does a blocked one", async (t) => {
  for (const how of ["changed", "blocked"]) {
    const { page, log } = await openPage(t);
    await page.route(`**/carepath/${VERSION}/carepath.js`, async (route) => {
      if (how === "blocked") return route.abort();
      const response = await route.fetch();
      await route.fulfill({ response, body: `${await response.text()}\nconsole.log("changed");` });
    });
    await page.goto(pinnedPage(`pinned-${how}.html`, 'center-name="Riverside Recovery"'));
    // The light DOM's fallback line shows (no shadow root was attached).
    const line = page.locator("carepath-assessment#w > p");
    await line.waitFor();
    assert.equal(await page.evaluate(() => document.querySelector("#w").shadowRoot), null, `${how}: the loader did not run`);
    for (const href of ["tel:911", "tel:988", "sms:988"]) assert.ok(await line.locator(`a[href="${href}"]`).isVisible(), `${how}: ${href} shows`);
    if (how === "changed") {
      assert.ok(!log.console.some((m) => m.text === "changed"), "the changed code did not run");
      assert.ok(log.console.some((m) => m.type === "error" && m.text.includes("integrity") && m.text.includes("carepath.js")), JSON.stringify(log.console));
    }
  }
});

test("the pinned loader runs and hides the fallback: the widget's own emergency bar shows instead", async (t) => {
  const { page } = await openPage(t);
  await page.goto(pinnedPage("pinned.html", 'center-name="Riverside Recovery"'));
  const w = widgetIn(page, "#w");
  await w.waitForStart();
  assert.equal(await page.locator("carepath-assessment#w > p").isVisible(), false, "the fallback is hidden once the widget runs");
  assert.ok(await w.root.locator(".cp-bar a[href='tel:911']").isVisible());
});

test("theme values the contrast check cannot compute are refused with one warning each, and none makes a request", async (t) => {
  const { page, log } = await openPage(t);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const probe = `${servers.plain.origin}/theme-probe.png`;
  const values = {
    "theme-urgent": `url(${probe})`,
    "theme-accent": "oklch(40% 0.1 160)",
    "theme-text": "color-mix(in srgb, #fdf1f0, #fdf1f0)",
    "theme-surface": "light-dark(#fff, #000)",
    "theme-muted": "currentColor",
    "theme-soft": "lab(90% 0 0)",
    "theme-focus": "var(--brand-focus)",
    "theme-font": `url(${probe})`,
  };
  const attrs = Object.entries(values).map(([k, v]) => `${k}="${v}"`).join(" ");
  await page.goto(pinnedPage("theme-refused.html", attrs));
  const w = widgetIn(page, "#w");
  await w.waitForStart();
  await w.begin();
  await w.toCrisis();
  await page.waitForTimeout(300);
  assert.ok(!requests.some((u) => u.includes("theme-probe")), "no theme value made a request");
  const warnings = log.console.filter((m) => m.type === "warning").map((m) => m.text);
  for (const [name, value] of Object.entries(values)) {
    assert.equal(warnings.filter((m) => m.includes(`${name}="${value}"`)).length, 1, `one warning for ${name}: ${warnings.join(" | ")}`);
  }
  // 911 keeps its own colour on its panel.
  const color = await w.root.locator(".cp-bar a[href='tel:911']").evaluate((a) => getComputedStyle(a).color);
  assert.equal(color, "rgb(163, 20, 14)");
});

test("files counts only on the element that carries it: another element's files never moves this one's wasm", async (t) => {
  const { page, log } = await openPage(t);
  await page.goto(pinnedPage("files-other.html", 'center-name="Riverside Recovery"', '<div data-carepath id="other" files="/nowhere/"></div>'));
  const w = widgetIn(page, "#w");
  await w.waitForStart();
  // The second question is the widget's own (the loader draws only the first).
  await w.begin();
  await w.choose("danger_now", "no");
  await w.clickAndWait(w.next());
  assert.notEqual((await w.screen()).question, "danger_now");
  for (let i = 0; i < 30 && !log.console.some((m) => m.text.includes("could not load")); i++) await page.waitForTimeout(100);
  const failures = log.console.filter((m) => m.text.includes("could not load"));
  assert.ok(failures.every((m) => m.text.includes("/nowhere/carepath-widget_bg.wasm")), JSON.stringify(failures));
});

/** plain.html in an iframe sandboxed with scripts and same origin only (no
 * forms, modals or popups); returns its frame once the widget is there. */
async function openSandboxed(page) {
  writeFileSync(join(fixtureDir, "sandboxed.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sandbox</title></head>
<body><iframe id="f" title="Care check" sandbox="allow-scripts allow-same-origin" src="plain.html" width="800" height="900"></iframe></body></html>`);
  await page.goto(`${servers.plain.url}sandboxed.html`);
  await page.frameLocator("#f").locator("carepath-assessment").waitFor();
  return page.frame({ url: /plain\.html$/ });
}

test("in a sandboxed iframe without allow-forms, Next, Back and the danger answer work", async (t) => {
  const { page, log } = await openPage(t);
  const w = widgetIn(page, "#w", await openSandboxed(page));
  await w.waitForStart();
  await w.begin();
  await w.choose("danger_now", "no");
  const second = await w.clickAndWait(w.next());
  assert.notEqual(second.question, "danger_now", "Next moved on");
  const back = await w.clickAndWait(w.back());
  assert.equal(back.question, "danger_now", "Back came back");
  await w.choose("danger_now", "yes");
  const crisis = await w.clickAndWait(w.next());
  assert.equal(crisis.screen, "crisis");
  assert.ok(!log.console.some((m) => /Blocked form submission/i.test(m.text)), JSON.stringify(log.console));
});

test("a host fetch that throws at once is told at once, not after 20 s", async (t) => {
  const { page } = await openPage(t, { init: () => { window.fetch = () => { throw new TypeError("blocked by the host"); }; } });
  await page.goto(pinnedPage("fetch-throws.html", 'center-name="Riverside Recovery" phone="+1-555-010-0199"'));
  const w = widgetIn(page, "#w");
  await w.waitForStart();
  await w.begin();
  await w.choose("danger_now", "no");
  const started = Date.now();
  await w.next().click();
  await w.root.locator("button", { hasText: "Try again" }).waitFor({ timeout: 3000 });
  assert.ok(Date.now() - started < 3000);
});

test("a storm of 20,000 attribute changes gives a bounded number of warnings", async (t) => {
  const { page, log } = await openPage(t);
  await page.goto(pinnedPage("storm.html", 'center-name="Riverside Recovery"'));
  const w = widgetIn(page, "#w");
  await w.waitForStart();
  await w.begin(); // the widget runs (the second half of the storm reaches it)
  await page.evaluate(async () => {
    const el = document.getElementById("w");
    for (let i = 0; i < 20000; i++) {
      el.setAttribute(i % 2 ? "phone" : "theme-accent", i % 2 ? `9${i}` : `nonsense-${i}(`);
      if (i % 500 === 0) await new Promise((r) => requestAnimationFrame(r));
    }
  });
  await page.waitForTimeout(500);
  const warnings = log.console.filter((m) => m.type === "warning").length;
  assert.ok(warnings <= 80, `${warnings} warnings`);
});

test("Start over closes the summary window (a copy of the answers)", async (t) => {
  const { page, context } = await openPage(t);
  await page.goto(`${servers.plain.url}plain.html`);
  const w = widgetIn(page, "#w");
  await w.waitForStart();
  await w.journey(IOP_ANSWERS);
  const [popup] = await Promise.all([context.waitForEvent("page"), w.result("[data-action=print]").click()]);
  await popup.waitForFunction(() => document.body?.innerText.includes("not a diagnosis"));
  await w.root.locator("button", { hasText: "Start over" }).first().click();
  for (let i = 0; i < 30 && !popup.isClosed(); i++) await page.waitForTimeout(100);
  assert.ok(popup.isClosed(), "the summary window is closed");
});

test("1,000 add and remove cycles leave no DOM nodes or listeners behind", async (t) => {
  const { page } = await openPage(t);
  await page.goto(`${servers.plain.url}plain.html`);
  await widgetIn(page, "#w").waitForStart();
  const cdp = await page.context().newCDPSession(page);
  const counters = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    return (await cdp.send("Memory.getDOMCounters"));
  };
  const cycle = (n) =>
    page.evaluate(async (n) => {
      const host = document.body;
      for (let i = 0; i < n; i++) {
        const el = document.createElement("carepath-assessment");
        el.setAttribute("center-name", "Riverside Recovery");
        host.append(el);
        await new Promise((r) => requestAnimationFrame(r));
        el.remove();
      }
      await new Promise((r) => setTimeout(r, 200));
    }, n);
  await cycle(50);
  const before = await counters();
  await cycle(1000);
  await page.waitForTimeout(500);
  const after = await counters();
  assert.ok(after.nodes - before.nodes < 500, `nodes ${before.nodes} -> ${after.nodes}`);
  assert.ok(after.jsEventListeners - before.jsEventListeners < 100, `listeners ${before.jsEventListeners} -> ${after.jsEventListeners}`);
});

test("fixed-height keeps the element's height the same on every screen, the content scrolling inside", async (t) => {
  const { page } = await openPage(t);
  await page.goto(pinnedPage("fixed-height.html", 'fixed-height="480px" center-name="Riverside Recovery"'));
  const w = widgetIn(page, "#w");
  await w.waitForStart();
  const height = () => page.locator("#w").evaluate((e) => e.getBoundingClientRect().height);
  const heights = [await height()];
  await w.begin();
  heights.push(await height());
  await w.toCrisis();
  heights.push(await height());
  assert.deepEqual(heights, [480, 480, 480], "the same height on the start, question and crisis screens");
  // The content scrolls inside the widget: all of it can be reached.
  const scrolls = await w.root.locator(".cp").evaluate((e) => e.scrollHeight > e.clientHeight && getComputedStyle(e).overflowY === "auto");
  assert.ok(scrolls, "the crisis screen scrolls inside the widget");
});

test("in a sandbox without allow-popups or allow-modals, Print or save tells no print: no dialog opened", async (t) => {
  const { page } = await openPage(t, {
    init: () => {
      window.__contacts = [];
      document.addEventListener("carepath:contact", (e) => window.__contacts.push(e.detail?.action ?? "?"));
    },
  });
  const inner = await openSandboxed(page);
  const w = widgetIn(page, "#w", inner);
  await w.waitForStart();
  await w.journey(IOP_ANSWERS);
  await w.result("[data-action=print]").click();
  await page.waitForTimeout(500);
  const contacts = await inner.evaluate(() => window.__contacts);
  assert.ok(!contacts.includes("print"), `no print event: ${JSON.stringify(contacts)}`);
});

test("the configurator asks whether the site has watching scripts, and then picks the iframe form", async (t) => {
  const { page } = await openPage(t);
  await page.goto(`${servers.dist.url}configurator.html`);
  await page.locator("carepath-assessment#preview section[data-screen=start]").waitFor();
  assert.ok((await page.locator("#snippet").inputValue()).includes("<carepath-assessment"));
  await page.locator("#watched").check();
  assert.ok(await page.locator("#watched-note").isVisible());
  const snippet = await page.locator("#snippet").inputValue();
  assert.ok(snippet.includes("<iframe") && !snippet.includes("<carepath-assessment"), snippet);
});

test("every route to 988 is reachable from the crisis screen by keyboard, in English and Spanish, with axe 0; the web links open apart", async (t) => {
  for (const [locale, chat] of [["en", "https://988lifeline.org/chat/"], ["es", "https://988lifeline.org/help-yourself/en-espanol/"]]) {
    const { page } = await openPage(t);
    await page.goto(pinnedPage(`routes-${locale}.html`, `locale="${locale}" center-name="Riverside Recovery"`));
    const w = widgetIn(page, "#w");
    await w.waitForStart();
    await w.begin();
    await w.toCrisis();
    const text988 = locale === "es" ? "sms:988?&body=AYUDA" : "sms:988";
    const want = ["tel:911", "tel:988", text988, "sms:838255", chat, "https://988lifeline.org/", "tel:711"];
    // From the crisis heading, Tab by Tab: each route in turn.
    await w.root.locator("section[data-screen=crisis] .cp-heading").focus();
    const reached = [];
    for (let i = 0; i < 20 && reached.length < want.length; i++) {
      await page.keyboard.press("Tab");
      const href = await page.evaluate(() => document.getElementById("w").shadowRoot.activeElement?.getAttribute("href"));
      if (href && want.includes(href) && !reached.includes(href)) reached.push(href);
    }
    assert.deepEqual(reached, want, `${locale}: every route by keyboard`);
    for (const href of [chat, "https://988lifeline.org/"]) {
      const a = w.root.locator(`section[data-screen=crisis] a[href="${href}"]`);
      assert.equal(await a.getAttribute("target"), "_blank");
      assert.equal(await a.getAttribute("rel"), "noopener noreferrer");
    }
    const scan = await new AxeBuilder({ page }).include("#w").withTags(AXE_TAGS).analyze();
    assert.deepEqual(scan.violations.map((v) => v.id), [], `${locale}: axe on the crisis screen`);
  }
});

// ---------------------------------------------------------------------------
// Quick exit (issue 23).

/** A page with a widget that keeps its place, an exit page on this server, and a listener for carepath:exit. */
function exitPage(name, attrs = "") {
  writeFileSync(join(fixtureDir, "exit-here.html"), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Weather</title></head><body><h1>Weather</h1></body></html>');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Center</title>
<script type="module" src="carepath/${VERSION}/carepath.js"></script>
<script type="module" src="exit-heard.js"></script></head>
<body><carepath-assessment id="w" remember="session" center-name="Riverside Recovery" exit-url="${servers.plain.url}exit-here.html" ${attrs}>${SCHEMA().fallback.en}</carepath-assessment></body></html>`;
  writeFileSync(join(fixtureDir, "exit-heard.js"), 'document.addEventListener("carepath:exit", (e) => sessionStorage.setItem("heard", JSON.stringify([e.detail, e.bubbles, e.composed])));\n');
  writeFileSync(join(fixtureDir, name), html);
  return `${servers.plain.url}${name}`;
}

async function answerOne(w) {
  await w.begin();
  await w.choose("danger_now", "no");
  await w.clickAndWait(w.next());
}

test("quick exit by the button: the page is replaced by exit-url, nothing of the widget is left, the page heard carepath:exit, and Back shows no answer", async (t) => {
  const { page } = await openPage(t);
  // The visitor came from another page of the site.
  const before = exitPage("exit-button.html");
  await page.goto(`${servers.plain.url}exit-here.html?from`);
  await page.goto(before);
  const w = widgetIn(page, "#w");
  await w.waitForStart();
  await answerOne(w);
  assert.ok(await page.evaluate(() => Object.keys(sessionStorage).some((k) => k.startsWith("carepath:progress:"))), "a place is kept before");
  await w.root.locator(".cp-bar .cp-exit").click();
  await page.waitForURL(/exit-here\.html$/);
  const left = await page.evaluate(() => ({ keys: Object.keys(sessionStorage), heard: sessionStorage.getItem("heard") }));
  assert.ok(!left.keys.some((k) => k.startsWith("carepath:")), JSON.stringify(left.keys));
  assert.equal(left.heard, JSON.stringify([null, true, true]));
  // The widget's page was replaced: Back goes to the page before it.
  await page.goBack();
  await page.waitForURL(/exit-here\.html\?from$/);
  assert.equal(await page.locator("carepath-assessment").count(), 0, "Back does not come back to the widget");
});

test("with the back-forward cache on, as in a visitor's browser: after quick exit, Back and Forward never show the answers", async (t) => {
  const cached = await launchBrowser({ backForwardCache: true });
  t.after(() => cached.close());
  const context = await cached.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  const before = exitPage("exit-cached.html");
  await page.goto(`${servers.plain.url}exit-here.html?from`);
  // The cache is on: a page left by a link comes back from it.
  await page.evaluate(() => addEventListener("pageshow", (e) => e.persisted && (document.title = "from the cache")));
  await page.goto(before);
  await page.goBack({ waitUntil: "commit" });
  await page.waitForFunction(() => document.title === "from the cache");
  await page.goForward({ waitUntil: "commit" });
  const w = widgetIn(page, "#w");
  await w.waitForStart();
  await answerOne(w);
  await w.root.locator(".cp-bar .cp-exit").click();
  await page.waitForURL(/exit-here\.html$/);
  await page.goBack({ waitUntil: "commit" });
  await page.waitForURL(/exit-here\.html\?from$/, { waitUntil: "commit" });
  assert.equal(await page.locator("carepath-assessment").count(), 0, "Back: the page before the widget's");
  await page.goForward({ waitUntil: "commit" });
  await page.waitForURL(/exit-here\.html$/, { waitUntil: "commit" });
  assert.equal(await page.locator("carepath-assessment").count(), 0, "Forward: the exit page");
});

/** A result several screens long, as the visitor scrolls it: where is 911? */
async function lineCheck(t, { viewport, wrap = "" }) {
  const { page } = await openPage(t, { viewport });
  const element = `<carepath-assessment id="w" center-name="Riverside Recovery">${SCHEMA().fallback.en}</carepath-assessment>`;
  const name = `line-${viewport.height}-${wrap ? "wrapped" : "plain"}.html`;
  writeFileSync(join(fixtureDir, name), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Line</title>
<script type="module" src="carepath/${VERSION}/carepath.js"></script>
<style>.wrap { overflow-x: hidden; }</style></head>
<body>${wrap ? `<div class="wrap">${element}</div>` : element}</body></html>`);
  await page.goto(`${servers.plain.url}${name}`);
  const w = widgetIn(page, "#w");
  await w.waitForStart();
  await w.journey(IOP_ANSWERS);
  // The loader checks on each screen: give it a frame.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const lines = await w.root.locator(".cp-line").evaluateAll((ls) => ls.map((l) => getComputedStyle(l).display !== "none"));
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  const inView = (sel) =>
    w.root.locator(sel).evaluateAll((as) => as.some((a) => {
      const r = a.getBoundingClientRect();
      return getComputedStyle(a).display !== "none" && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
    }));
  return {
    page,
    lines,
    bar: await inView(".cp-bar a[href='tel:911']"),
    overflow: await page.evaluate(() => document.documentElement.scrollWidth > innerWidth),
    tall: await page.evaluate(() => document.documentElement.scrollHeight / innerHeight),
    w,
  };
}

test("on a long result 911 and 988 stay in reach: the bar sticks on a phone; at 400% zoom or under a host's overflow-x: hidden, the short line repeats at the top of each long part", async (t) => {
  const phone = await lineCheck(t, { viewport: { width: 320, height: 640 } });
  assert.ok(phone.tall > 3, `the result is long: ${phone.tall} screens`);
  assert.ok(phone.lines.length >= 4 && phone.lines.every((v) => !v), `no repeated line where the bar sticks: ${phone.lines}`);
  assert.ok(phone.bar, "at the end of the result, the bar's 911 is on screen");
  assert.equal(phone.overflow, false);

  // 400% zoom of a 1280 x 1024 window: 320 x 256 CSS pixels; never sticky.
  const zoom = await lineCheck(t, { viewport: { width: 320, height: 256 } });
  assert.ok(zoom.lines.every((v) => v), `every repeated line shows: ${zoom.lines}`);
  assert.equal(await zoom.w.root.locator(".cp-bar").evaluate((b) => getComputedStyle(b).position), "static");
  assert.equal(zoom.overflow, false);

  // A host wrapper that clips: sticky would hold the bar at the top of the wrapper.
  const wrapped = await lineCheck(t, { viewport: { width: 320, height: 640 }, wrap: "overflow-x" });
  assert.equal(wrapped.bar, false, "the bar cannot follow here");
  assert.ok(wrapped.lines.every((v) => v), `every repeated line shows: ${wrapped.lines}`);
  // Each line is the short emergency line: 911, 988 call and text.
  const hrefs = await wrapped.w.root.locator(".cp-line").first().locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.deepEqual(hrefs, ["tel:911", "tel:988", "sms:988"]);
  const scan = await new AxeBuilder({ page: wrapped.page }).include("#w").withTags(AXE_TAGS).analyze();
  assert.deepEqual(scan.violations.map((v) => v.id), []);
});

test("quick exit by Shift three times, with the count said as it goes; quick-exit=\"off\" hides it and Shift does nothing", async (t) => {
  const { page } = await openPage(t);
  await page.goto(exitPage("exit-shift.html"));
  const w = widgetIn(page, "#w");
  await w.waitForStart();
  await page.keyboard.press("Shift");
  await page.keyboard.press("Shift");
  assert.match(await w.root.locator(".cp-exit-status").innerText(), /once more/);
  await page.keyboard.press("Shift");
  await page.waitForURL(/exit-here\.html$/);

  const { page: off } = await openPage(t);
  await off.goto(exitPage("exit-off.html", 'quick-exit="off"'));
  const o = widgetIn(off, "#w");
  await o.waitForStart();
  assert.equal(await o.root.locator(".cp-bar .cp-exit").isVisible(), false);
  for (let i = 0; i < 3; i++) await off.keyboard.press("Shift");
  await off.waitForTimeout(500);
  assert.match(off.url(), /exit-off\.html$/);
});

test("quick exit works on the loader's screens, before the wasm", async (t) => {
  const { page } = await openPage(t);
  await page.route("**/*.wasm", () => {});
  await page.goto(exitPage("exit-early.html"));
  const bar = page.locator("#w").locator(".cp-bar .cp-exit");
  await bar.waitFor();
  await bar.click();
  await page.waitForURL(/exit-here\.html$/);
});
