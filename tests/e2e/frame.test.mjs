// The iframe form (frame.html, frame.js, frame-host.js): its options come
// only from frame-options.json beside it (the URL may pick the language),
// it runs under its own strict CSP, its emergency line always shows, and
// the height it posts depends only on its width and goes only to the
// parent origin the center names. The host page is served from a second
// origin, as on a center's site, under the README's host CSP.
//   DIST=/path/to/dist CHROMIUM=/usr/bin/chromium node --test --test-concurrency=1 tests/e2e/frame.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, EVERGREEN, REPO, STEP_TIMEOUT, VERSION, answerJourney, chooseLanguage, launchBrowser, readResult, startStaticServer } from "./helpers.mjs";

const FIXTURES = join(REPO, "tests/e2e/fixtures");
const CENTER = {
  "center-name": "Riverside Recovery",
  phone: "+1-555-010-0199",
  offers: "outpatient intensive_outpatient",
};
// danger_now "yes" passes the crisis screen on the way to a result.
const CRISIS_TO_RESULT = { danger_now: "yes", criteria: ["tolerance", "cravings", "time_spent", "role_failure"] };
const INJECTION = "tabindex=0&autofocus=&onfocus=alert(document.domain)";

let browser;
let dir;
let widget; // the widget's origin (the CDN): DIST/carepath and the fixtures
let host; // the center's page, another origin, with the README's host CSP

before(async () => {
  // The fixtures beside a link to DIST/carepath, as in embed.test.mjs.
  dir = mkdtempSync(join(tmpdir(), "carepath-frame-"));
  widget = await startStaticServer({ dir, cors: true });
  for (const name of readdirSync(FIXTURES)) {
    if (name.endsWith(".html")) {
      const text = readFileSync(join(FIXTURES, name), "utf8").replaceAll("{{WIDGET_ORIGIN}}", widget.origin);
      writeFileSync(join(dir, name), text);
    } else {
      cpSync(join(FIXTURES, name), join(dir, name), { recursive: true });
    }
  }
  symlinkSync(join(DIST, "carepath"), join(dir, "carepath"), "dir");
  const o = widget.origin;
  host = await startStaticServer({
    dir,
    headers: [`Content-Security-Policy: default-src 'self'; script-src 'self' ${o}; frame-src ${o}; style-src 'self'`],
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await Promise.all([widget?.stop(), host?.stop()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Records, in every frame, CSP violations and the messages a top page receives (init script: not under the CSP). */
const RECORD = () => {
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`), true);
  window.__messages = [];
  if (window === top) addEventListener("message", (e) => window.__messages.push({ origin: e.origin, data: e.data }));
};

/**
 * A fresh context whose frame-options.json is `options` (an object, or
 * { status, body } for a broken file). Collects console messages of every
 * frame, uncaught errors and dialogs.
 */
async function openPage(t, options, { viewport = { width: 900, height: 800 } } = {}) {
  const context = await browser.newContext({ viewport });
  const log = { console: [], errors: [], dialogs: [] };
  context.on("console", (m) => log.console.push({ type: m.type(), text: m.text() }));
  context.on("weberror", (e) => log.errors.push(String(e.error()?.message ?? e.error())));
  context.on("dialog", (d) => {
    log.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  const file = options.status ? options : { status: 200, body: JSON.stringify(options) };
  await context.route(`${widget.origin}/carepath/${EVERGREEN}/frame-options.json`, (route) =>
    route.fulfill({ status: file.status, contentType: "application/json", body: file.body }),
  );
  await context.addInitScript(RECORD);
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  t.after(() => context.close());
  return { page, log };
}

const frameUrl = (query = "") => `${widget.origin}/carepath/${EVERGREEN}/frame.html${query ? `?${query}` : ""}`;

/** Opens frame.html on its own (as a link to it would) and waits for the start screen. */
async function openFrame(t, options, query) {
  const { page, log } = await openPage(t, options);
  await page.goto(frameUrl(query));
  await page.locator("carepath-assessment section[data-screen=start]").waitFor();
  return { page, log };
}

/** Opens the center's page (the README snippet) and returns the form's frame at its start screen. */
async function openHost(t, options, opts) {
  const { page, log } = await openPage(t, options, opts);
  await page.goto(`${host.url}frame-parent.html`);
  const iframe = page.locator("#carepath-frame");
  const frame = await (await iframe.elementHandle()).contentFrame();
  await frame.locator("carepath-assessment section[data-screen=start]").waitFor();
  return { page, log, iframe, frame };
}

/** One emergency line is visible, with its three links. */
async function assertEmergencyLine(frame) {
  for (const href of ["tel:911", "tel:988", "sms:988"]) {
    const count = () => frame.locator(`a[href="${href}"]`).evaluateAll((links) => links.filter((a) => a.checkVisibility()).length);
    // The widget may be swapping the loader's screen for its own: retry briefly.
    let visible = await count();
    for (let i = 0; i < 20 && visible !== 1; i++) {
      await new Promise((r) => setTimeout(r, 100));
      visible = await count();
    }
    assert.equal(visible, 1, `one visible ${href} link`);
  }
}

const attributes = (frame) =>
  frame.evaluate(() => {
    const el = document.querySelector("carepath-assessment");
    return Object.fromEntries(el.getAttributeNames().map((n) => [n, el.getAttribute(n)]));
  });

const messagesAbout = (log, word) => log.console.filter((m) => m.text.includes(word));
const pause = (page, ms) => page.evaluate((ms) => new Promise((r) => setTimeout(r, ms)), ms);

/** Polls `fn` until it returns { ok: true, ... } (or fails after `timeout`). */
async function until(fn, message, timeout = STEP_TIMEOUT) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await fn();
    if (last?.ok) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`${message}: ${JSON.stringify(last)}`);
}

// ---------------------------------------------------------------------------
// 1. Options from the file, never from the URL.

test("the onfocus injection in the query runs no script, and the emergency line shows", async (t) => {
  const { page, log } = await openFrame(t, CENTER, INJECTION);
  // Focus the element too, in case autofocus did not.
  await page.evaluate(() => document.querySelector("carepath-assessment").focus());
  await pause(page, 300);
  assert.deepEqual(log.dialogs, [], "no dialog");
  assert.deepEqual(log.errors, [], "no uncaught error");
  assert.deepEqual(log.console.filter((m) => m.type === "error"), [], "no console error (a blocked handler logs one)");
  const attrs = await attributes(page);
  for (const name of ["onfocus", "tabindex", "autofocus"]) assert.equal(name in attrs, false, `no ${name} attribute`);
  assert.equal(messagesAbout(log, "ignored").length, 1, "one warning about the ignored query");
  await assertEmergencyLine(page);
});

test("a bad parameter name (?a%20b=1) still shows the widget and the emergency line", async (t) => {
  const { page, log } = await openFrame(t, CENTER, "a%20b=1");
  await assertEmergencyLine(page);
  assert.deepEqual(log.errors, []);
  const warnings = messagesAbout(log, "ignored");
  assert.equal(warnings.length, 1, "one warning");
  assert.match(warnings[0].text, /a b/, "it names the parameter");
});

test("the query cannot set the center's name or phone (the options file wins); it may pick the language", async (t) => {
  const query = "center-name=Scam%20Rehab&phone=%2B1-555-666-0000&contact-url=https%3A%2F%2Fscam.example&locale=es";
  const { page, log } = await openFrame(t, CENTER, query);
  const attrs = await attributes(page);
  assert.equal(attrs["center-name"], "Riverside Recovery");
  assert.equal(attrs.phone, "+1-555-010-0199");
  assert.equal("contact-url" in attrs, false);
  assert.equal(attrs.locale, "es", "?locale=es picks the language");
  assert.equal(await page.locator("carepath-assessment .cp").getAttribute("lang"), "es");
  const warnings = messagesAbout(log, "ignored");
  assert.equal(warnings.length, 1, "one warning for the whole query");
  assert.match(warnings[0].text, /center-name.*phone.*contact-url/);

  await answerJourney(page, { danger_now: "no", criteria: ["tolerance", "cravings", "time_spent", "role_failure"] });
  const call = page.locator("section[data-screen=result] [data-action=call]");
  assert.match(await call.innerText(), /Riverside Recovery/);
  assert.equal(await call.getAttribute("href"), "tel:+15550100199", "the file's phone");
  const text = await page.evaluate(() => document.querySelector("carepath-assessment").shadowRoot.textContent);
  assert.equal(text.includes("Scam"), false, "the query's name is nowhere");
  assert.deepEqual(log.errors, []);
});

test("an unknown ?locale value is ignored with the same one warning", async (t) => {
  const { page, log } = await openFrame(t, { ...CENTER, locale: "en" }, "locale=xx");
  assert.equal((await attributes(page)).locale, "en");
  assert.equal(messagesAbout(log, "ignored").length, 1);
});

test("a broken, missing or mistyped options file still shows the widget and the emergency line, with a console message", async (t) => {
  const cases = [
    { file: { status: 200, body: "{ not json" }, says: /frame-options\.json.*JSON/ },
    { file: { status: 404, body: "" }, says: /frame-options\.json.*404/ },
    { file: { status: 200, body: "[1, 2]" }, says: /frame-options\.json.*not a JSON object/ },
    {
      file: { ...CENTER, "center-name": 5, remember: ["session"], onfocus: "alert(1)", "share-result": "yes" },
      says: /"center-name" a value that is not a string/,
    },
  ];
  for (const { file, says } of cases) {
    const { page, log } = await openFrame(t, file);
    await assertEmergencyLine(page);
    const errors = log.console.filter((m) => m.type === "error").map((m) => m.text);
    assert.ok(errors.some((text) => says.test(text)), `a console message matching ${says}: ${JSON.stringify(errors)}`);
    assert.deepEqual(log.errors, []);
    if (!file.status) {
      const attrs = await attributes(page);
      assert.deepEqual(attrs, { phone: CENTER.phone, offers: CENTER.offers }, "only the good, known options are set");
      for (const name of ["remember", "onfocus", "share-result"]) {
        assert.ok(errors.some((text) => text.includes(`"${name}"`)), `a message names ${name}`);
      }
    }
  }
});

test("the static emergency line shows when the widget's script cannot load, and gives way to the widget's own", async (t) => {
  const { page } = await openPage(t, CENTER);
  await page.route(`**/carepath/${EVERGREEN}/carepath.js`, (route) => route.abort());
  await page.goto(frameUrl());
  await page.locator("#frame carepath-assessment").waitFor({ state: "attached" });
  await assertEmergencyLine(page);
  assert.equal(await page.locator("#static-line").isVisible(), true, "the static line");

  const { page: ok } = await openFrame(t, CENTER);
  await assertEmergencyLine(ok);
  assert.equal(await ok.locator("#static-line").isVisible(), false, "once the widget draws its bar, only one line shows");
});

// ---------------------------------------------------------------------------
// 2. Heights: by width only, to the named parent only.

const heightsPosted = (page) =>
  page.evaluate(() => window.__messages.filter((m) => m.data?.type === "carepath:height").map((m) => m.data.height));

test("the posted height is the same on the start, crisis and result screens at one width, and changes with the width", async (t) => {
  const { page, iframe, frame } = await openHost(t, { ...CENTER, "parent-origin": host.origin });
  const first = await until(async () => {
    const heights = await heightsPosted(page);
    return { heights, ok: heights.length > 0 && Number(await iframe.getAttribute("height")) === heights[0] };
  }, "frame-host.js should size the iframe to the posted height");
  const height = first.heights[0];

  const seen = {};
  await answerJourney(frame, CRISIS_TO_RESULT, {
    onScreen: async (state) => {
      await pause(page, 100); // let a (wrong) new height arrive
      seen[state.screen] = { posted: await heightsPosted(page), attribute: Number(await iframe.getAttribute("height")) };
    },
  });
  assert.equal((await readResult(frame)).level, "intensive_outpatient");
  for (const screen of ["start", "crisis", "result"]) {
    assert.ok(seen[screen], `the journey passed ${screen}`);
    assert.deepEqual(seen[screen].posted, [height], `${screen}: only the one height was posted`);
    assert.equal(seen[screen].attribute, height, `${screen}: the iframe keeps that height`);
  }
  // The result is taller than the frame: it scrolls inside.
  assert.ok(await frame.evaluate(() => document.documentElement.scrollHeight > innerHeight), "the content scrolls inside the frame");

  await page.setViewportSize({ width: 400, height: 800 });
  const narrow = await until(async () => {
    const heights = await heightsPosted(page);
    return { heights, ok: heights.length === 2 && Number(await iframe.getAttribute("height")) === heights[1] };
  }, "a narrower frame posts its band's height");
  assert.notEqual(narrow.heights[1], height, "the height changes with the width");
});

test("no height goes to a parent whose origin is not the one named, nor when none is named (said once)", async (t) => {
  for (const options of [{ ...CENTER, "parent-origin": "https://center.example" }, CENTER]) {
    const { page, log, iframe, frame } = await openHost(t, options);
    await frame.locator("carepath-assessment section[data-screen=start] button.cp-primary").click();
    await frame.locator("carepath-assessment form[data-question=danger_now]").waitFor();
    await pause(page, 300);
    assert.deepEqual(await page.evaluate(() => window.__messages), [], "the host page received no message");
    assert.equal(await iframe.getAttribute("height"), "560", "the iframe keeps the snippet's height");
    if (!options["parent-origin"]) assert.equal(messagesAbout(log, "parent-origin").length, 1, "one console message says why");
  }
});

test("frame-host.js sizes the iframe only for messages from that iframe's own window and origin", async (t) => {
  const { page, iframe } = await openHost(t, { ...CENTER, "parent-origin": host.origin });
  const real = await until(async () => {
    const heights = await heightsPosted(page);
    return { heights, ok: heights.length === 1 && Number(await iframe.getAttribute("height")) === heights[0] };
  }, "the form's own height");
  // Another frame of the widget's origin, and the host page itself, claim 1234.
  await page.evaluate((src) => {
    const rogue = document.createElement("iframe");
    rogue.src = src;
    document.body.append(rogue);
    window.postMessage({ type: "carepath:height", height: 1234 }, "*");
  }, `${widget.origin}/frame-rogue.html`);
  await until(async () => {
    const heights = await heightsPosted(page);
    return { heights, ok: heights.filter((h) => h === 1234).length === 2 };
  }, "both false heights reached the page");
  assert.equal(Number(await iframe.getAttribute("height")), real.heights[0], "the form's iframe keeps its own height");
  assert.equal(await page.locator("iframe:not(#carepath-frame)").getAttribute("height"), null, "the other frame is not sized");
});

test("the frame page's own CSP holds: no violation on the way to a result, and inline style is refused", async (t) => {
  const { page, log, frame } = await openHost(t, { ...CENTER, "parent-origin": host.origin });
  const csp = await frame.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  for (const directive of ["default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "base-uri 'none'", "form-action 'none'"]) {
    assert.ok(csp.includes(directive), `the frame's CSP has ${directive}`);
  }
  await chooseLanguage(frame.locator("carepath-assessment"), "es"); // the language menu, both ways (Spanish's words fetched under the frame's CSP)
  await chooseLanguage(frame.locator("carepath-assessment"), "en");
  await answerJourney(frame, CRISIS_TO_RESULT);
  assert.equal((await readResult(frame)).level, "intensive_outpatient");
  assert.deepEqual(await frame.evaluate(() => window.__violations), [], "no CSP violation in the frame");
  assert.deepEqual(await page.evaluate(() => window.__violations), [], "no CSP violation on the host page");
  assert.deepEqual(log.errors, []);

  // The policy is in force: an inline <style> is refused.
  await frame.evaluate(() => {
    const style = document.createElement("style");
    style.textContent = "body { background: red }";
    document.head.append(style);
  });
  await until(async () => {
    const v = await frame.evaluate(() => window.__violations);
    return { v, ok: v.some((text) => text.startsWith("style-src")) };
  }, "an inline style is reported as a violation");
});

test("quick exit in the iframe form: Shift three times in the frame asks frame-host.js, which replaces the top page with the iframe's data-exit-url", async (t) => {
  const { page, frame } = await openHost(t, { ...CENTER, "parent-origin": host.origin });
  const to = `${host.url}frame-parent.html?left`;
  await page.evaluate((url) => (document.getElementById("carepath-frame").dataset.exitUrl = url), to);
  await frame.locator("carepath-assessment section[data-screen=start] .cp-heading").focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
  await page.waitForURL(/\?left$/);
});

test("quick exit in a sandboxed iframe with the README's flags: the button moves the top page, through frame-host.js or, without it, by the frame itself", async (t) => {
  const flags = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation allow-top-navigation-to-custom-protocols";
  const parent = readFileSync(join(dir, "frame-parent.html"), "utf8");
  const sandboxed = parent.replace('<iframe id="carepath-frame"', `<iframe id="carepath-frame" sandbox="${flags}" data-exit-url="${host.url}frame-parent.html?helper"`);
  assert.notEqual(sandboxed, parent);
  writeFileSync(join(dir, "frame-sandboxed.html"), sandboxed);
  writeFileSync(join(dir, "frame-alone.html"), sandboxed.replace(/<script type="module" src="[^"]*frame-host\.js"><\/script>/, ""));
  for (const [page, to] of [["frame-sandboxed.html", /\?helper$/], ["frame-alone.html", /\?self$/]]) {
    const { page: p } = await openPage(t, { ...CENTER, "parent-origin": host.origin, "exit-url": `${host.url}frame-parent.html?self` });
    await p.goto(`${host.url}${page}`);
    const frame = await (await p.locator("#carepath-frame").elementHandle()).contentFrame();
    await frame.locator("carepath-assessment section[data-screen=start]").waitFor();
    await frame.locator("carepath-assessment .cp-bar .cp-exit").click();
    await p.waitForURL(to);
  }
});

test("a sandboxed iframe without the flags the form needs explains itself: frame-host.js names each missing flag and what it breaks; 911 and 988 still show", async (t) => {
  const schema = JSON.parse(readFileSync(join(DIST, "carepath", VERSION, "schema.json"), "utf8"));
  const parent = readFileSync(join(dir, "frame-parent.html"), "utf8");
  writeFileSync(join(dir, "frame-thin.html"), parent.replace('<iframe id="carepath-frame"', '<iframe id="carepath-frame" sandbox="allow-scripts allow-same-origin"'));
  const { page, log } = await openPage(t, { ...CENTER, "parent-origin": host.origin });
  await page.goto(`${host.url}frame-thin.html`);
  const frame = await (await page.locator("#carepath-frame").elementHandle()).contentFrame();
  await frame.locator("carepath-assessment section[data-screen=start]").waitFor();
  await assertEmergencyLine(frame);
  const missing = schema.frame_sandbox.filter((f) => !["allow-scripts", "allow-same-origin"].includes(f.flag));
  assert.equal(missing.length, 4);
  let said;
  for (let i = 0; i < 50 && !said; i++) {
    said = log.console.find((m) => m.type === "warning" && m.text.includes("sandbox lacks"))?.text;
    if (!said) await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(said, "frame-host.js warns");
  for (const { flag, keeps } of missing) assert.ok(said.includes(`${flag}: ${keeps}`), `names ${flag}: ${said}`);
  assert.ok(said.includes("tel: and sms: links"), said);
  assert.ok(said.includes(`sandbox="${schema.frame_sandbox.map((f) => f.flag).join(" ")}"`), said);
  assert.equal(log.console.filter((m) => m.text.includes("sandbox lacks")).length, 1, "once");

  // With every flag: no warning.
  const { page: full, log: fullLog } = await openPage(t, { ...CENTER, "parent-origin": host.origin });
  writeFileSync(join(dir, "frame-full.html"), parent.replace('<iframe id="carepath-frame"', `<iframe id="carepath-frame" sandbox="${schema.frame_sandbox.map((f) => f.flag).join(" ")}"`));
  await full.goto(`${host.url}frame-full.html`);
  const f2 = await (await full.locator("#carepath-frame").elementHandle()).contentFrame();
  await f2.locator("carepath-assessment section[data-screen=start]").waitFor();
  await full.waitForTimeout(300);
  assert.equal(fullLog.console.filter((m) => m.text.includes("sandbox lacks")).length, 0);
});
