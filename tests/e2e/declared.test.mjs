// The first screen in the page's own HTML (issue 24): <carepath-assessment>
// with a declarative shadow root from `carepath html` (or the npm
// function, or the WordPress plugin), shown before any script runs and
// taken over by the loader without being drawn again.
//   DIST=/path/to/dist CHROMIUM=/usr/bin/chromium node --test --test-concurrency=1 tests/e2e/declared.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { AXE_TAGS, DIST, REPO, STEP_TIMEOUT, VERSION, launchBrowser, startStaticServer } from "./helpers.mjs";
import { comparePixels, decodePng } from "./png.mjs";

const CENTER = { "center-name": "Riverside Recovery", phone: "+1-555-010-0199" };
const DECLARED = () => JSON.parse(readFileSync(join(DIST, "carepath", VERSION, "declared.json"), "utf8"));
/** The style the declared screen carries, and its CSP hash. */
const STYLE = () => DECLARED().locales.en.html.match(/<style>(.*?)<\/style>/s)[1];
const STYLE_HASH = () => `'sha256-${createHash("sha256").update(STYLE()).digest("base64")}'`;
/** The README's strict CSP for a self-hosted widget. */
const readmeCsp = () => {
  const line = readFileSync(join(REPO, "README.md"), "utf8").match(/^Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src[^\n]*/m);
  return line[0].slice("Content-Security-Policy: ".length);
};

let browser;
let dir;
let plain;
let strict;
let bare;
let carepathHtml;

before(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), "carepath-declared-"));
  symlinkSync(join(DIST, "carepath"), join(dir, "carepath"), "dir");
  plain = await startStaticServer({ dir });
  strict = await startStaticServer({ dir, headers: [`Content-Security-Policy: ${readmeCsp()}`] });
  bare = await startStaticServer({ dir, headers: ["Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"] });
  ({ carepathHtml } = await import(pathToFileURL(join(DIST, "carepath", VERSION, "html.js"))));
});

after(async () => {
  await browser?.close();
  for (const s of [plain, strict, bare]) await s?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A page with this element HTML (and the loader, unless `script` is false). */
function page(name, element, { lang = "en", script = true, before = "" } = {}) {
  writeFileSync(
    join(dir, name),
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Center</title>
${script ? `<script type="module" src="carepath/${VERSION}/carepath.js"></script>` : ""}</head>
<body><h1>Riverside Recovery</h1>${before}${element}</body></html>`,
  );
  return name;
}

async function open(t, url, options = {}) {
  const context = await (options.asIs ? browser.newContextAsIs : browser.newContext)(options.context ?? {});
  t.after(() => context.close());
  const p = await context.newPage();
  p.setDefaultTimeout(STEP_TIMEOUT);
  const log = { errors: [], console: [], violations: [] };
  p.on("pageerror", (e) => log.errors.push(e.message));
  p.on("console", (m) => log.console.push(`${m.type()}: ${m.text()}`));
  if (options.hold) await options.hold(p);
  // A held module script holds DOMContentLoaded and load back: the HTML is enough.
  await p.goto(url, { waitUntil: options.hold ? "commit" : "load" });
  return { page: p, log };
}

const root = (p) => p.locator("carepath-assessment");

test("the npm function and `carepath html` give the same element, every value escaped", async () => {
  const cases = [
    [{ ...CENTER, "share-result": true }, "en"],
    [{ ...CENTER, locale: "auto", "exit-url": "https://example.org/?a=1&b=\"2\"" }, "es-MX"],
    [{ "center-name": "A \"<b>\" & Co", remember: "session", id: "w", "quick-exit": "off", shadow: "open" }, "en"],
    [{}, "fr"],
    [{ "share-answers": true, "exit-url": "https://ex.org/{{noscript}}", phone: "+1 555 010 0199" }, "en"],
  ];
  for (const [attrs, pageLang] of cases) {
    const args = ["run", "--quiet", "--locked", "--bin", "carepath", "--", "html", "--page-lang", pageLang];
    for (const [k, v] of Object.entries(attrs)) args.push(`--${k}`, ...(v === true ? [] : [v]));
    const rust = execFileSync("cargo", args, { cwd: REPO, encoding: "utf8" }).trim();
    assert.equal(carepathHtml(attrs, { pageLang }), rust, JSON.stringify(attrs));
  }
  const html = carepathHtml({ "center-name": "<script>x</script>" });
  assert.ok(!html.includes("<script>x"), html);
  assert.ok(!html.includes("{{"), "every placeholder filled");
  // Only the element's own attributes: never a handler, a style or hidden.
  const hostile = carepathHtml({ onclick: "alert(1)", hidden: true, style: "display:none", "center-name": "A" });
  assert.ok(!/onclick|hidden=|style=/.test(hostile.split(">")[0]), hostile.split(">")[0]);
  // A value with placeholders of its own stays a value.
  const tricky = { "exit-url": "https://ex.org/{{noscript}}", phone: "+1 555 010 0199" };
  assert.ok(carepathHtml(tricky).includes('href="https://ex.org/{{noscript}}" class="cp-exit-skip"'));
});

test("with scripts off, the declared screen shows 911, 988 and the center's phone; no Start button, a plain note instead; axe 0", async (t) => {
  const url = `${plain.url}${page("noscript.html", carepathHtml({ ...CENTER, shadow: "open" }))}`;
  const { page: p } = await open(t, url, { context: { javaScriptEnabled: false } });
  const r = root(p);
  for (const href of ["tel:911", "tel:988", "sms:988", "tel:+15550100199"]) {
    assert.ok(await r.locator(`.cp a[href="${href}"]`).first().isVisible(), `${href} shows`);
  }
  assert.match(await r.locator(".cp-needs-scripts").innerText(), /need JavaScript.*call \+1-555-010-0199/s);
  assert.equal(await r.locator(".cp-start .cp-primary").isVisible(), false, "no dead Start button");
  assert.equal(await r.locator(".cp-lang").isVisible(), false, "no dead language switch");
  assert.equal(await r.locator(".cp-exit").getAttribute("href"), "https://www.weather.gov/", "Leave this page is a real link");
  assert.equal(await r.locator("h2").count(), 1);
  // axe needs scripts: it checks the same screen as scripts off draws it
  // (the <noscript> note shown, the scripting: none rules applied), with no loader.
  const element = carepathHtml({ ...CENTER, shadow: "open" });
  const off = element.replace(/<noscript>(.*?)<\/noscript>/s, "$1").replace("@media (scripting: none)", "@media all");
  assert.notEqual(off, element);
  const { page: q } = await open(t, `${plain.url}${page("noscript-axe.html", off, { script: false })}`);
  assert.equal(await root(q).locator(".cp-start .cp-primary").isVisible(), false);
  const scan = await new AxeBuilder({ page: q }).include("carepath-assessment").withTags(AXE_TAGS).analyze();
  assert.deepEqual(scan.violations.map((v) => v.id), []);
});

test("the loader takes the declared screen over: the same nodes, one heading, no flash, focus kept; Start works before the wasm", async (t) => {
  const url = `${plain.url}${page("adopt.html", carepathHtml({ ...CENTER, shadow: "open" }))}`;
  let letLoader;
  const loader = new Promise((r) => (letLoader = r));
  const { page: p, log } = await open(t, url, {
    hold: async (p) => {
      // The loader and the wasm wait until the declared screen is seen.
      await p.route(`**/carepath/${VERSION}/carepath.js`, async (route) => {
        await loader;
        await route.continue();
      });
      await p.route("**/*.wasm", () => {});
    },
  });
  const r = root(p);
  await r.locator("h2").waitFor();
  // Before the loader: Start and the language switch wait unseen (no
  // listener yet), in place; the emergency line works.
  assert.equal(await r.locator(".cp-start .cp-primary").isVisible(), false, "no Start that does nothing");
  assert.equal(await r.locator(".cp-lang").isVisible(), false);
  assert.equal(await r.locator(".cp-exit").getAttribute("aria-describedby"), null, "no Shift hint before the loader");
  await r.locator(".cp-bar a[href='tel:988']").focus();
  const bar = () => r.locator(".cp-bar");
  // The bar as it looks, but for the language switch (which appears).
  const shot = async () => decodePng(await bar().screenshot({ mask: [r.locator(".cp-lang")] }));
  const before = await shot();
  const startBox = await r.locator(".cp-start .cp-primary").boundingBox();
  const langBox = await r.locator(".cp-lang").boundingBox();
  await p.evaluate(() => {
    const shadow = document.querySelector("carepath-assessment").shadowRoot;
    window.__kept = [shadow.querySelector("h2"), shadow.querySelector("a[href='tel:988']"), shadow.querySelector(".cp-bar")];
  });
  letLoader();
  await p.waitForFunction(() => customElements.get("carepath-assessment"));
  // The loader's own checks run a frame later.
  await p.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const after = await shot();
  const same = await p.evaluate(() => {
    const shadow = document.querySelector("carepath-assessment").shadowRoot;
    const now = [shadow.querySelector("h2"), shadow.querySelector("a[href='tel:988']"), shadow.querySelector(".cp-bar")];
    return {
      nodes: now.every((n, i) => n === window.__kept[i]),
      focus: shadow.activeElement === window.__kept[1],
      headings: (shadow.textContent.match(/Find the care that fits/g) ?? []).length,
    };
  });
  assert.deepEqual(same, { nodes: true, focus: true, headings: 1 });
  const diff = comparePixels(before, after);
  assert.equal(diff.differing, 0, `the bar did not change as the loader took over (${diff.percent.toFixed(2)}% of pixels differ, ${diff.sizes})`);
  assert.deepEqual(await r.locator(".cp-start .cp-primary").boundingBox(), startBox, "Start appears where it was: nothing moves");
  assert.deepEqual(await r.locator(".cp-lang").boundingBox(), langBox, "so does the language switch");
  assert.ok(await r.locator(".cp-start .cp-primary").isVisible());
  assert.equal(await r.locator(".cp-exit").getAttribute("aria-describedby"), "cp-exit-hint");
  assert.equal(await r.locator("style").count(), 0, "the declared style gave way to the loader's checked sheets");
  // Its controls are the loader's now: Start opens the first question (the wasm is held).
  await r.locator(".cp-start .cp-primary").focus();
  await p.keyboard.press("Enter");
  await r.locator("form[data-question=danger_now]").waitFor();
  assert.deepEqual(log.errors, []);
});

test("locale=auto: the declared screen is in the page's language; if the loader chooses another, it draws the screen once, in that one", async (t) => {
  // Declared for an English page, shown on a Spanish one: the loader redraws.
  const url = `${plain.url}${page("redraw.html", carepathHtml({ ...CENTER, locale: "auto", shadow: "open" }, { pageLang: "en" }), { lang: "es" })}`;
  const { page: p } = await open(t, url, { hold: (p) => p.route("**/*.wasm", () => {}) });
  await p.waitForFunction(() => document.querySelector("carepath-assessment").shadowRoot.querySelector(".cp")?.lang === "es");
  assert.equal(await root(p).locator(".cp").count(), 1, "one screen");
  assert.equal(await root(p).locator("[data-declared]").count(), 0);
  // Declared for the page's language: kept.
  const url2 = `${plain.url}${page("kept.html", carepathHtml({ ...CENTER, locale: "auto", shadow: "open" }, { pageLang: "es" }), { lang: "es" })}`;
  const { page: q } = await open(t, url2, { hold: (p) => p.route("**/*.wasm", () => {}) });
  await q.waitForFunction(() => customElements.get("carepath-assessment"));
  await q.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  assert.equal(await root(q).locator("[data-declared]").count(), 1, "the declared screen stays");
  assert.equal(await root(q).locator(".cp").getAttribute("lang"), "es");
});

test("a closed declared root (the default) is adopted through the element's internals: the widget runs to a result", async (t) => {
  const url = `${plain.url}${page("closed.html", carepathHtml(CENTER))}`;
  // As a visitor's browser has it: no test script opening roots.
  const { page: p, log } = await open(t, url, { asIs: true });
  await p.waitForFunction(() => customElements.get("carepath-assessment"));
  const shadow = await p.evaluate(() => document.querySelector("carepath-assessment").shadowRoot);
  assert.equal(shadow, null, "closed: page scripts cannot read it");
  // The DevTools protocol reads closed roots: the widget (yew) replaced the declared screen.
  const cdp = await p.context().newCDPSession(p);
  let text = "";
  for (let i = 0; i < 50 && !text.includes("cp-exit"); i++) {
    const { root } = await cdp.send("DOM.getDocument", { depth: -1, pierce: true });
    text = JSON.stringify(root);
    await p.waitForTimeout(100);
  }
  assert.ok(text.includes("Find the care that fits"), "the declared start screen is there");
  assert.deepEqual(log.errors, []);
});

test("under the README's strict CSP the declared screen is styled (its style's hash is in the README); without the hash it still reads in order, 911 and 988 first, as real links", async (t) => {
  assert.ok(readmeCsp().includes(STYLE_HASH()), `the README's CSP carries the declared style's hash ${STYLE_HASH()}`);
  const element = carepathHtml({ ...CENTER, shadow: "open" });
  page("csp.html", element, { script: false });
  const { page: p } = await open(t, `${strict.url}csp.html`);
  const bg = await root(p).locator(".cp-bar").evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(bg, "rgb(253, 241, 240)", "styled by the declared style");

  const { page: q, log } = await open(t, `${bare.url}csp.html`);
  assert.ok(log.console.some((m) => m.includes("Content Security Policy") || m.includes("style-src")), "the style was refused");
  const order = await root(q).locator(".cp a[href]").evaluateAll((as) => as.slice(0, 4).map((a) => a.getAttribute("href")));
  assert.deepEqual(order, ["https://www.weather.gov/", "tel:911", "tel:988", "sms:988"], "Leave, then 911 and 988, before anything else");
  const text = await root(q).locator(".cp").innerText();
  assert.ok(text.indexOf("Call 911") < text.indexOf("Find the care that fits"), "the emergency line reads first");
});

test("with scripts off, a host's theme colors cannot hide 911 and 988: the declared bar keeps the widget's own until the loader has checked them", async (t) => {
  const element = carepathHtml({ ...CENTER, shadow: "open" });
  const themed = page("themed.html", element, { script: false, before: "" }).replace(".html", "");
  writeFileSync(join(dir, "themed.html"), readFileSync(join(dir, "themed.html"), "utf8").replace("</head>", '<link rel="stylesheet" href="themed.css"></head>'));
  writeFileSync(join(dir, "themed.css"), "carepath-assessment { --carepath-urgent: #fdf1f0; --carepath-text: #fdf1f0; }\n");
  // No loader on this page, as if it never ran (scripts off draws the same bar).
  const { page: p } = await open(t, `${plain.url}${themed}.html`);
  const color = await root(p).locator(".cp-bar a[href='tel:911']").evaluate((a) => getComputedStyle(a).color);
  assert.equal(color, "rgb(163, 20, 14)", "the widget's own urgent red on the bar");
});
