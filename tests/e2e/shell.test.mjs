// The first screen before the wasm arrives: the loader draws the
// emergency line and the start screen itself (embed/loader/, bundled by
// embed/build.mjs), and the widget takes over without a visible
// change, keeping what the visitor did meanwhile.
//   DIST=/path/to/dist CHROMIUM=/usr/bin/chromium node --test --test-concurrency=1 tests/e2e/shell.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { AXE_TAGS, DIST, REPO, STEP_TIMEOUT, VERSION, chooseLanguage, launchBrowser, startServer } from "./helpers.mjs";

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const WASM = "**/carepath-widget_bg.wasm";

/** Holds the page's wasm request back; returns the function that lets it go. */
async function holdWasm(page) {
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(WASM, async (route) => {
    page.wasmAsked = true;
    await held;
    await route.continue();
  });
  return release;
}

/** The element matching `selector` in the widget `host` now. */
const shown = (page, selector, host = "carepath-assessment") =>
  page.evaluateHandle(([h, s]) => document.querySelector(h).shadowRoot.querySelector(s), [host, selector]);

/** Waits until the widget renders `selector` in place of `before` (drawn by the loader). */
const waitForReplaced = (page, before, selector, host = "carepath-assessment") =>
  page.waitForFunction(
    ([old, h, s]) => {
      const now = document.querySelector(h).shadowRoot.querySelector(s);
      return now && now !== old;
    },
    [before, host, selector],
  );

/** A new context and page, closed after the test. */
async function freshPage(t, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  return { context, page };
}

/**
 * Opens the demo page with the wasm held back until `release()`.
 * Returns { page, release, errors, events }.
 */
async function openHeld(t, contextOptions = {}) {
  const { page } = await freshPage(t, contextOptions);
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const release = await holdWasm(page);
  await page.addInitScript(() => {
    // Steps are an opt-in (share-progress): the demo widget gets it as it
    // is parsed, so the replayed step events can be checked.
    new MutationObserver(() => document.querySelector("carepath-assessment")?.setAttribute("share-progress", "")).observe(
      document,
      { childList: true, subtree: true },
    );
    window.__events = [];
    for (const name of ["carepath:start", "carepath:step", "carepath:complete"]) {
      document.addEventListener(name, (e) => window.__events.push([name, e.detail?.question ?? null]));
    }
  });
  await page.goto(server.url);
  await page.locator("carepath-assessment [data-screen=start]").waitFor();
  return { page, release, errors };
}

const shadowHtml = (page) => page.evaluate(() => document.querySelector("carepath-assessment").shadowRoot.innerHTML);

for (const [label, locale, lang] of [
  ["English", "en-US", "en"],
  ["Spanish (locale=auto, a Spanish browser)", "es-MX", "es"],
]) {
  test(`${label}: before the wasm arrives the start screen and the 911/988 line are drawn, exactly as the widget renders them`, async (t) => {
    const { page, release, errors } = await openHeld(t, { locale });
    const drawn = await shown(page, "[data-screen=start]");
    const root = page.locator("carepath-assessment");
    assert.equal(await root.locator(".cp").getAttribute("lang"), lang);
    assert.ok(await root.locator("a[href='tel:911']").isVisible(), "911 is on screen");
    assert.ok(await root.locator("a[href='tel:988']").isVisible(), "988 is on screen");
    // Spanish texts to 988 carry AYUDA (src/screens/crisis_lines.rs).
    const text988 = lang === "es" ? "sms:988?&body=AYUDA" : "sms:988";
    assert.ok(await root.locator(`a[href='${text988}']`).isVisible(), "text 988 is on screen");
    const styled = await root.locator("button.cp-primary").evaluate((b) => getComputedStyle(b).minHeight);
    assert.equal(styled, "44px", "the widget's stylesheet applies already");
    const before = await shadowHtml(page);
    for (let i = 0; i < 50 && !page.wasmAsked; i++) await page.waitForTimeout(100);
    assert.ok(page.wasmAsked, "the wasm is requested while the drawn screen shows");

    release();
    await waitForReplaced(page, drawn, "[data-screen=start]");
    assert.equal(await shadowHtml(page), before, "the widget's start screen is the drawn one, element for element");
    assert.deepEqual(errors, []);
  });
}

const inWidget = (page, selector) => page.locator(`carepath-assessment ${selector}`);
const focusedIn = (page) =>
  page.evaluate(() => {
    const active = document.querySelector("carepath-assessment").shadowRoot.activeElement;
    return active ? active.id || active.className : null;
  });
const waitForFocus = (page, test) =>
  page.waitForFunction(
    (source) => {
      const active = document.querySelector("carepath-assessment").shadowRoot.activeElement;
      return active && new Function("a", `return ${source}`)(active);
    },
    test,
    { timeout: 2000 },
  );

for (const locale of ["en-US", "es-MX"]) test(`${locale}: Start before the wasm arrives draws the first question, focus on its heading; the widget's question is the same markup and the events follow`, async (t) => {
  const { page, release, errors } = await openHeld(t, { locale });
  const start = inWidget(page, "section[data-screen=start] button.cp-primary");
  await start.focus();
  await page.keyboard.press("Enter");
  await inWidget(page, "form[data-question=danger_now]").waitFor();
  assert.match(await focusedIn(page), /cp-heading/, "focus moves to the question's heading");
  assert.match(await inWidget(page, ".cp-progress").textContent(), /^\S+ 1 \S+ \d+$/);
  const before = await shadowHtml(page);
  const drawn = await shown(page, "form[data-question]");
  assert.deepEqual(await page.evaluate(() => window.__events), [], "no event before the widget runs");
  release();
  await waitForReplaced(page, drawn, "form[data-question=danger_now]");
  assert.equal(await shadowHtml(page), before, "the widget's first question is the drawn one, element for element");
  await waitForFocus(page, "a.classList.contains('cp-heading')");
  await page.waitForFunction(() => window.__events.length >= 2);
  assert.deepEqual(await page.evaluate(() => window.__events), [
    ["carepath:start", null],
    ["carepath:step", "danger_now"],
  ]);
  // And the journey goes on as usual.
  await inWidget(page, "input[name=danger_now][value=no]").check();
  await inWidget(page, "form[data-screen=question] button[type=submit]").click();
  await inWidget(page, "form[data-question=for_whom]").waitFor();
  assert.deepEqual(errors, []);
});

test("Yes and Next before the wasm arrives draw the crisis screen at once, exactly as the widget renders it; focus stays on a crisis line", async (t) => {
  const { page, release, errors } = await openHeld(t);
  await inWidget(page, "section[data-screen=start] button.cp-primary").click();
  await inWidget(page, "input[name=danger_now][value=yes]").check();
  await inWidget(page, "form[data-screen=question] button[type=submit]").click();
  await inWidget(page, "section[data-screen=crisis]").waitFor();
  assert.match(await focusedIn(page), /cp-heading/, "focus on the crisis heading, as the widget does");
  assert.ok(await inWidget(page, "section[data-screen=crisis] a[href='tel:988']").isVisible());
  // The visitor tabs to "Call 988" in the crisis screen.
  await inWidget(page, "section[data-screen=crisis] a[href='tel:988']").focus();
  const before = await shadowHtml(page);
  const drawn = await shown(page, "[data-screen=crisis]");
  release();
  await waitForReplaced(page, drawn, "[data-screen=crisis]");
  assert.equal(await shadowHtml(page), before, "the widget's crisis screen is the drawn one, element for element");
  await waitForFocus(page, "a.getAttribute('href') === 'tel:988' && a.closest('section')");
  await page.waitForFunction(() => window.__events.length >= 2);
  assert.deepEqual(await page.evaluate(() => window.__events), [
    ["carepath:start", null],
    ["carepath:step", "danger_now"],
  ]);
  // The widget's own buttons work from there: go on to the next question.
  await inWidget(page, "section[data-screen=crisis] button.cp-primary").click();
  await inWidget(page, "form[data-question=for_whom]").waitFor();
  assert.deepEqual(errors, []);
});

test("No and Next before the wasm arrives: the visitor is told to wait, then the widget opens the next question with focus on its heading", async (t) => {
  const { page, release, errors } = await openHeld(t);
  await inWidget(page, "section[data-screen=start] button.cp-primary").click();
  await inWidget(page, "input[name=danger_now][value=no]").check();
  await inWidget(page, "form[data-screen=question] button[type=submit]").click();
  const wait = inWidget(page, "form[data-question=danger_now] p[role=alert]");
  assert.equal(await wait.textContent(), "One moment, the next question is loading.");
  release();
  await inWidget(page, "form[data-question=for_whom]").waitFor();
  await waitForFocus(page, "a.classList.contains('cp-heading')");
  await page.waitForFunction(() => window.__events.length >= 3);
  assert.deepEqual(await page.evaluate(() => window.__events), [
    ["carepath:start", null],
    ["carepath:step", "danger_now"],
    ["carepath:step", "for_whom"],
  ]);
  await inWidget(page, "form[data-screen=question] button.cp-link").click();
  await inWidget(page, "form[data-question=danger_now]").waitFor();
  assert.equal(await inWidget(page, "input[name=danger_now][value=no]").isChecked(), true, "the answer is kept");
  assert.deepEqual(errors, []);
});

test("while waiting, changing the answer to Yes takes the Next back: Next then opens the crisis screen, and the widget agrees", async (t) => {
  const { page, release, errors } = await openHeld(t);
  await inWidget(page, "section[data-screen=start] button.cp-primary").click();
  await inWidget(page, "input[name=danger_now][value=no]").check();
  await inWidget(page, "form[data-screen=question] button[type=submit]").click();
  await inWidget(page, "form[data-question=danger_now] p[role=alert]").waitFor();
  await inWidget(page, "input[name=danger_now][value=yes]").check();
  assert.equal(await inWidget(page, "p[role=alert]").count(), 0, "no longer waiting");
  assert.equal(await inWidget(page, "input[name=danger_now][value=yes]").isChecked(), true);
  await inWidget(page, "form[data-screen=question] button[type=submit]").click();
  await inWidget(page, "section[data-screen=crisis]").waitFor();
  const drawn = await shown(page, "[data-screen=crisis]");
  release();
  await waitForReplaced(page, drawn, "[data-screen=crisis]");
  assert.deepEqual(errors, []);
});

test("Next with no answer before the wasm arrives shows the same error the widget shows, focus stays on Next; an answer then clears it and does not move on by itself", async (t) => {
  const { page, release, errors } = await openHeld(t);
  await inWidget(page, "section[data-screen=start] button.cp-primary").click();
  const next = inWidget(page, "form[data-screen=question] button[type=submit]");
  await next.focus();
  await page.keyboard.press("Enter");
  const alert = inWidget(page, "p.cp-error[role=alert]");
  await alert.waitFor();
  assert.equal(await alert.textContent(), "Please pick Yes or No.");
  assert.match(await focusedIn(page), /cp-primary/, "focus stays on Next");
  const before = await shadowHtml(page);
  const drawn = await shown(page, "form[data-question]");
  release();
  await waitForReplaced(page, drawn, "form[data-question=danger_now]");
  assert.equal(await shadowHtml(page), before, "the widget shows the same error state");
  await waitForFocus(page, "a.classList.contains('cp-primary')");
  assert.deepEqual(errors, []);

  // The error, then an answer, then the wasm: still on the question.
  const second = await openHeld(t);
  await inWidget(second.page, "section[data-screen=start] button.cp-primary").click();
  await inWidget(second.page, "form[data-screen=question] button[type=submit]").click();
  await inWidget(second.page, "p.cp-error").waitFor();
  await inWidget(second.page, "input[name=danger_now][value=yes]").check();
  assert.equal(await inWidget(second.page, "p.cp-error").count(), 0, "the error goes once answered");
  const drawnAgain = await shown(second.page, "form[data-question]");
  second.release();
  await waitForReplaced(second.page, drawnAgain, "form[data-question=danger_now]");
  assert.equal(await inWidget(second.page, "input[name=danger_now][value=yes]").isChecked(), true);
  assert.equal(await inWidget(second.page, "section[data-screen=crisis]").count(), 0, "no crisis screen without Next");
  assert.deepEqual(second.errors, []);
});

test("an error does not outlive Back: Start again shows the question without it", async (t) => {
  const { page, release, errors } = await openHeld(t);
  await inWidget(page, "section[data-screen=start] button.cp-primary").click();
  await inWidget(page, "form[data-screen=question] button[type=submit]").click();
  await inWidget(page, "p.cp-error").waitFor();
  await inWidget(page, "form[data-screen=question] button.cp-link").click();
  await inWidget(page, "section[data-screen=start] button.cp-primary").click();
  await inWidget(page, "form[data-question=danger_now]").waitFor();
  assert.equal(await inWidget(page, "p.cp-error").count(), 0);
  const before = await shadowHtml(page);
  const drawn = await shown(page, "form[data-question]");
  release();
  await waitForReplaced(page, drawn, "form[data-question=danger_now]");
  assert.equal(await shadowHtml(page), before, "the widget agrees");
  assert.deepEqual(errors, []);
});

test("reset() before the wasm arrives starts the drawn screens over; removed and re-added later, a widget keeps its place", async (t) => {
  const { page, release, errors } = await openHeld(t);
  await inWidget(page, "section[data-screen=start] button.cp-primary").click();
  await inWidget(page, "input[name=danger_now][value=yes]").check();
  await inWidget(page, "form[data-screen=question] button[type=submit]").click();
  await inWidget(page, "section[data-screen=crisis]").waitFor();
  await page.evaluate(() => document.querySelector("carepath-assessment").reset());
  await inWidget(page, "section[data-screen=start]").waitFor();
  // Start again, answer, then the element leaves the page and comes back.
  await inWidget(page, "section[data-screen=start] button.cp-primary").click();
  await inWidget(page, "input[name=danger_now][value=no]").check();
  await page.evaluate(() => {
    const el = document.querySelector("carepath-assessment");
    window.__parent = el.parentNode;
    window.__el = el;
    el.remove();
  });
  await page.waitForTimeout(50);
  await page.evaluate(() => window.__parent.append(window.__el));
  const drawn = await shown(page, "form[data-question]");
  release();
  await waitForReplaced(page, drawn, "form[data-question=danger_now]");
  await page.waitForTimeout(100);
  assert.equal(await inWidget(page, "input[name=danger_now][value=no]").isChecked(), true, "the place and answer are kept");
  const events = await page.evaluate(() => window.__events);
  assert.deepEqual(events, [
    ["carepath:start", null],
    ["carepath:step", "danger_now"],
  ], "the host hears of the journey that is on screen, once");
  assert.deepEqual(errors, []);
});

test("Back before the wasm arrives returns to the start with focus on its heading, and the answer is kept", async (t) => {
  const { page, release, errors } = await openHeld(t);
  const drawnStart = await shown(page, "[data-screen=start]");
  await inWidget(page, "section[data-screen=start] button.cp-primary").click();
  await inWidget(page, "input[name=danger_now][value=no]").check();
  await inWidget(page, "form[data-screen=question] button.cp-link").click();
  await inWidget(page, "section[data-screen=start]").waitFor();
  assert.match(await focusedIn(page), /cp-heading/, "focus on the start screen's heading");
  release();
  await waitForReplaced(page, drawnStart, "[data-screen=start]");
  await inWidget(page, "section[data-screen=start] button.cp-primary").click();
  await inWidget(page, "form[data-question=danger_now]").waitFor();
  assert.equal(await inWidget(page, "input[name=danger_now][value=no]").isChecked(), true, "the answer is kept");
  assert.deepEqual(errors, []);
});

test("a radio chosen before the wasm arrives stays chosen and keeps the focus", async (t) => {
  const { page, release, errors } = await openHeld(t);
  await inWidget(page, "section[data-screen=start] button.cp-primary").click();
  const drawn = await shown(page, "form[data-question]");
  await inWidget(page, "input[name=danger_now][value=no]").focus();
  await page.keyboard.press("Space");
  assert.equal(await focusedIn(page), "cp-danger_now-no");
  release();
  await waitForReplaced(page, drawn, "form[data-question=danger_now]");
  await waitForFocus(page, "a.id === 'cp-danger_now-no'");
  assert.equal(await inWidget(page, "input[name=danger_now][value=no]").isChecked(), true);
  await inWidget(page, "form[data-screen=question] button[type=submit]").click();
  await inWidget(page, "form[data-question=for_whom]").waitFor();
  assert.deepEqual(errors, []);
});

test("the language switched before the wasm arrives stays switched, with focus on the switch", async (t) => {
  const { page, release, errors } = await openHeld(t, { locale: "en-US" });
  const drawn = await shown(page, "[data-screen=start]");
  const root = page.locator("carepath-assessment");
  await chooseLanguage(root, "es");
  const spanish = await shadowHtml(page);
  release();
  await waitForReplaced(page, drawn, "[data-screen=start]");
  await page.waitForFunction(
    (before) => document.querySelector("carepath-assessment").shadowRoot.innerHTML === before,
    spanish,
  );
  await page.waitForFunction(
    () => document.querySelector("carepath-assessment").shadowRoot.activeElement?.className === "cp-lang",
    null,
    { timeout: 2000 },
  );
  // The widget's own switch now works: back to English.
  assert.equal(await root.locator("[data-screen=start] h2").textContent(), "Encuentre la atención que le sirve");
  await chooseLanguage(root, "en");
  await page.waitForFunction(
    () => document.querySelector("carepath-assessment").shadowRoot.querySelector(".cp").lang === "en",
  );
  assert.deepEqual(errors, []);
});

test("if the wasm never arrives, the emergency line and the crisis screen still work, and the console names the files to check", async (t) => {
  const { page } = await freshPage(t);
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.route(WASM, (route) => route.fulfill({ status: 404, body: "" }));
  await page.goto(server.url);
  const root = page.locator("carepath-assessment");
  await root.locator("[data-screen=start]").waitFor();
  const deadline = Date.now() + STEP_TIMEOUT;
  const message = () => errors.find((e) => e.includes("carepath: the widget could not load"));
  while (!message() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  assert.ok(message(), `the load error is logged (console errors: ${JSON.stringify(errors)})`);
  assert.match(message(), /carepath-widget_bg\.wasm/, "the message names the wasm file");
  assert.ok(await root.locator("a[href='tel:988']").isVisible(), "988 is still on screen");
  assert.ok(await root.locator("a[href='tel:911']").isVisible(), "911 is still on screen");
  // The first question still works, and Yes still reaches the crisis screen.
  await root.locator("section[data-screen=start] button.cp-primary").click();
  await root.locator("input[name=danger_now][value=yes]").check();
  await root.locator("form[data-screen=question] button[type=submit]").click();
  await root.locator("section[data-screen=crisis] a[href='tel:988']").waitFor();
  // Going on needs the widget: the visitor is told it could not load.
  await root.locator("section[data-screen=crisis] button.cp-primary").click();
  assert.match(await root.locator("section[data-screen=crisis] p[role=alert]").textContent(), /could not load/);
  // The failure names a way to reach the center: its number, not only "call".
  const call = root.locator("section[data-screen=crisis] .cp-wait a[href='tel:+15550100199']");
  assert.match(await call.textContent(), /Call .*Riverside Recovery/);
  assert.ok(await root.locator("section[data-screen=crisis] .cp-wait button").isVisible(), "Try again");
});

test("a visitor waiting 20 s is told, with Try again and the center's number; the widget mounts when the wasm arrives later", async (t) => {
  const { page } = await freshPage(t);
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.clock.install();
  const release = await holdWasm(page);
  await page.goto(server.url);
  const root = page.locator("carepath-assessment");
  await root.locator("[data-screen=start] button.cp-primary").click();
  await root.locator("input[name=danger_now][value=no]").check();
  await root.locator("form[data-screen=question] button[type=submit]").click();
  await root.locator("p[role=alert]").waitFor();
  assert.match(await root.locator("p[role=alert]").textContent(), /One moment/);
  await page.clock.fastForward(21_000);
  await root.locator(".cp-wait").waitFor();
  assert.match(await root.locator("p[role=alert]").textContent(), /longer than usual/);
  assert.ok(await root.locator(".cp-wait button").isVisible(), "Try again");
  assert.equal(await root.locator(".cp-wait a[href='tel:+15550100199']").count(), 1);
  assert.ok(await root.locator(".cp-bar a[href='tel:911']").isVisible(), "911 stays");
  assert.ok(warnings.some((w) => w.includes("has not loaded after 20 s")), JSON.stringify(warnings));
  // The wasm arrives after all: the widget opens the next question.
  release();
  await root.locator("form[data-question=for_whom]").waitFor();
});

test("removed and re-added much later, a widget goes on where it was; 1,000 new elements added and removed do not grow memory; adopting into another document does not throw", async (t) => {
  const { context, page } = await freshPage(t);
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(server.url);
  const root = page.locator("carepath-assessment");
  await root.locator("[data-screen=start] button.cp-primary").click();
  await root.locator("input[name=danger_now][value=no]").check();
  await root.locator("form[data-screen=question] button[type=submit]").click();
  await root.locator("form[data-question=for_whom]").waitFor();
  await page.evaluate(() => {
    const el = document.querySelector("carepath-assessment");
    window.__parent = el.parentNode;
    window.__el = el;
    el.remove();
  });
  await page.waitForTimeout(1000);
  await page.evaluate(() => window.__parent.append(window.__el));
  await root.locator("form[data-question=for_whom]").waitFor();

  const cdp = await context.newCDPSession(page);
  const heap = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    return (await cdp.send("Runtime.getHeapUsage")).usedSize;
  };
  const cycle = (n) =>
    page.evaluate(async (n) => {
      for (let i = 0; i < n; i++) {
        const el = document.createElement("carepath-assessment");
        document.body.append(el);
        await new Promise((r) => setTimeout(r, 0));
        el.remove();
        await new Promise((r) => setTimeout(r, 0));
      }
      await new Promise((r) => setTimeout(r, 50));
    }, n);
  await cycle(100);
  const before = await heap();
  await cycle(1000);
  const grown = (await heap()) - before;
  assert.ok(grown < 2_000_000, `the JS heap grew ${grown} B over 1,000 cycles`);

  // Adopted into another document (an iframe's): no uncaught error.
  await page.evaluate(async () => {
    const frame = document.createElement("iframe");
    document.body.append(frame);
    const el = document.querySelector("carepath-assessment");
    frame.contentDocument.body.append(frame.contentDocument.adoptNode(el));
    await new Promise((r) => setTimeout(r, 200));
  });
  assert.deepEqual(errors, []);
});

test("a foreign <carepath-assessment> definition is named in the console, and <div data-carepath> still works", async (t) => {
  const { page } = await freshPage(t);
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.addInitScript(() => {
    customElements.define("carepath-assessment", class extends HTMLElement {});
    document.addEventListener("DOMContentLoaded", () => {
      const div = document.createElement("div");
      div.setAttribute("data-carepath", "");
      div.id = "div-widget";
      document.body.append(div);
    });
  });
  await page.goto(server.url);
  await page.locator("#div-widget [data-screen=start]").waitFor();
  assert.ok(warnings.some((w) => w.includes("another script already defined <carepath-assessment>")), JSON.stringify(warnings));
});

test("the stylesheet the loader adopts reads as the schema's theme defaults, then the same rules as styles/first.css and styles/widget.css", async (t) => {
  const context = await browser.newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator("carepath-assessment [data-screen=start]").waitFor();
  // Each theme attribute's custom property with its default (the schema),
  // as the widget's own variable.
  const schema = JSON.parse(readFileSync(join(DIST, "carepath", VERSION, "schema.json"), "utf8"));
  const host = schema.attributes
    .filter((a) => a.css)
    .map((a) => `--cp-${a.name.slice(6)}: var(--carepath-${a.name.slice(6)},${a.default || "inherit"});`)
    .join(" ");
  const source = `:host { ${host} }\n${["first.css", "widget.css"].map((f) => readFileSync(join(REPO, "styles", f), "utf8")).join("\n")}`;
  const [adopted, fromSource, length] = await page.evaluate((text) => {
    const rules = (sheet) => [...sheet.cssRules].map((r) => r.cssText);
    const sheet = document.querySelector("carepath-assessment").shadowRoot.adoptedStyleSheets[0];
    const own = new CSSStyleSheet();
    own.replaceSync(text);
    return [rules(sheet), rules(own), sheet.cssRules.length];
  }, source);
  assert.ok(length > 40, `the adopted sheet has the widget's rules (${length})`);
  assert.deepEqual(adopted, fromSource);
});

test("a locale set while the drawn screens show is followed; a page that keeps a place this session (remember) opens there with no start screen first", async (t) => {
  const { page, release, errors } = await openHeld(t, { locale: "en-US" });
  await page.evaluate(() => document.querySelector("carepath-assessment").setAttribute("locale", "es"));
  await page.waitForFunction(() => document.querySelector("carepath-assessment").shadowRoot.querySelector(".cp").lang === "es");
  const drawn = await shown(page, "[data-screen=start]");
  release();
  await waitForReplaced(page, drawn, "[data-screen=start]");
  assert.equal(await inWidget(page, ".cp").getAttribute("lang"), "es", "the widget keeps the locale set");
  assert.deepEqual(errors, []);

  // remember="session": the demo page with the attribute added.
  const context = await browser.newContext();
  t.after(() => context.close());
  const other = await context.newPage();
  other.setDefaultTimeout(STEP_TIMEOUT);
  await other.route(server.url, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace("<carepath-assessment ", '<carepath-assessment id="demo" remember="session" ');
    await route.fulfill({ response, body });
  });
  await other.goto(server.url);
  await inWidget(other, "section[data-screen=start] button.cp-primary").click();
  await inWidget(other, "input[name=danger_now][value=no]").check();
  await inWidget(other, "form[data-screen=question] button[type=submit]").click();
  await inWidget(other, "form[data-question=for_whom]").waitFor();

  const releaseAgain = await holdWasm(other);
  await other.reload();
  await other.waitForFunction(() => customElements.get("carepath-assessment") !== undefined);
  assert.equal(
    await other.evaluate(() => document.querySelector("carepath-assessment").shadowRoot?.querySelector("[data-screen]") ?? null),
    null,
    "no screen drawn while the kept place loads",
  );
  assert.ok(await inWidget(other, "a[href='tel:911']").isVisible(), "but the emergency line is");
  releaseAgain();
  await inWidget(other, "form[data-question=for_whom]").waitFor();
});

test("remember: a place kept at the start screen does not undo what the visitor does before the wasm arrives", async (t) => {
  const { page } = await freshPage(t);
  await page.route(server.url, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace("<carepath-assessment ", '<carepath-assessment id="demo" remember="session" ');
    await route.fulfill({ response, body });
  });
  await page.goto(server.url);
  // The widget runs; at the start with nothing answered it keeps nothing.
  await page.waitForFunction(() => document.querySelector("carepath-assessment").shadowRoot.querySelector("[data-screen=start] button"));
  await page.waitForTimeout(200);
  assert.deepEqual(await page.evaluate(() => Object.keys(sessionStorage)), [], "nothing kept at a fresh start");
  const release = await holdWasm(page);
  await page.reload();
  await inWidget(page, "section[data-screen=start] button.cp-primary").click();
  await inWidget(page, "input[name=danger_now][value=yes]").check();
  await inWidget(page, "form[data-screen=question] button[type=submit]").click();
  await inWidget(page, "section[data-screen=crisis]").waitFor();
  const drawn = await shown(page, "[data-screen=crisis]");
  release();
  await waitForReplaced(page, drawn, "[data-screen=crisis]");
  await page.waitForTimeout(100);
  assert.equal(await inWidget(page, "section[data-screen=crisis]").count(), 1, "still on the crisis screen");
});

test("two widgets on a page before the wasm arrives: each draws its own screens and keeps its own place", async (t) => {
  const context = await browser.newContext({ locale: "en-US" });
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.route(server.url, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(
      "</carepath-assessment>",
      '</carepath-assessment><carepath-assessment id="second" locale="es"></carepath-assessment>',
    );
    await route.fulfill({ response, body });
  });
  const release = await holdWasm(page);
  await page.goto(server.url);
  const first = page.locator("carepath-assessment").first();
  const second = page.locator("#second");
  await first.locator("[data-screen=start]").waitFor();
  await second.locator("[data-screen=start]").waitFor();
  assert.equal(await second.locator(".cp").getAttribute("lang"), "es");
  await first.locator("section[data-screen=start] button.cp-primary").click();
  await first.locator("input[name=danger_now][value=no]").check();
  const drawnSecond = await shown(page, "[data-screen=start]", "#second");
  release();
  await waitForReplaced(page, drawnSecond, "[data-screen=start]", "#second");
  await first.locator("form[data-question=danger_now]").waitFor();
  assert.equal(await first.locator("input[name=danger_now][value=no]").isChecked(), true);
  assert.equal(await second.locator("[data-screen=start] h2").textContent(), "Encuentre la atención que le sirve");
  await first.locator("form[data-screen=question] button[type=submit]").click();
  await first.locator("form[data-question=for_whom]").waitFor();
  assert.equal(await second.locator("[data-screen=start]").count(), 1, "the second widget stays at its start");
  assert.deepEqual(errors, []);
});

test("axe: no WCAG A/AA violations on the screens the loader draws (start, first question with its error, waiting, crisis)", async (t) => {
  const { page, release, errors } = await openHeld(t);
  const check = async (label) => {
    const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    assert.deepEqual(found, [], `${label}: ${found.join("; ")}`);
  };
  await check("start");
  await inWidget(page, "section[data-screen=start] button.cp-primary").click();
  await inWidget(page, "form[data-screen=question] button[type=submit]").click();
  await inWidget(page, "p.cp-error").waitFor();
  await check("first question, error");
  await inWidget(page, "input[name=danger_now][value=no]").check();
  await inWidget(page, "form[data-screen=question] button[type=submit]").click();
  await inWidget(page, "p[role=alert]").waitFor();
  await check("waiting");
  await inWidget(page, "input[name=danger_now][value=yes]").check();
  await inWidget(page, "form[data-screen=question] button[type=submit]").click();
  await inWidget(page, "section[data-screen=crisis]").waitFor();
  await check("crisis");
  release();
  assert.deepEqual(errors, []);
});
