// The npm package in a Next.js App Router app built for production, as a
// center's web developer makes one (tests/next/: its own package.json and
// lock file, copied to a new folder and installed here, so only the test
// command installs it): `import "carepath-assessment"` at the top of a
// "use client" component, no effect and no dynamic import. Next renders
// that component on the server too, so the import must touch no browser
// API there; its bundlers (Turbopack, the default, and webpack) must leave
// the glue's import to the browser. Each build's site walks a journey.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO, STEP_TIMEOUT, VERSION, answerJourney, launchBrowser, readResult } from "./helpers.mjs";

const TGZ = join(REPO, "target", "release", `carepath-assessment-${VERSION}.tgz`);
const FIXTURE = join(REPO, "tests", "next");
const ENV = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

let app;
let browser;
before(() => {
  assert.ok(existsSync(TGZ), `${TGZ} is missing: run ./scripts/release.sh after the build`);
  app = mkdtempSync(join(tmpdir(), "carepath-next-"));
  for (const f of ["package.json", "package-lock.json", "next.config.mjs", "tsconfig.json", "app"]) cpSync(join(FIXTURE, f), join(app, f), { recursive: true });
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--prefer-offline"], { cwd: app, stdio: "pipe", env: ENV });
  execFileSync("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--offline", TGZ], { cwd: app, stdio: "pipe", env: ENV });
});
after(async () => {
  await browser?.close();
  if (app) rmSync(app, { recursive: true, force: true });
});

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function walk(bundler) {
  const args = bundler === "webpack" ? ["build", "--webpack"] : ["build"];
  try {
    execFileSync(join(app, "node_modules", ".bin", "next"), args, { cwd: app, stdio: "pipe", env: ENV });
  } catch (e) {
    assert.fail(`next ${args.join(" ")} failed:\n${e.stdout}\n${e.stderr}`);
  }
  const port = await freePort();
  const server = spawn(join(app, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], { cwd: app, env: ENV, stdio: "pipe" });
  try {
    const url = `http://127.0.0.1:${port}/`;
    for (let i = 0; i < 100; i++) {
      if (await fetch(url).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    browser ??= await launchBrowser();
    const page = await browser.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    const said = [];
    page.on("console", (m) => said.push(`${m.type()}: ${m.text()}${m.type() === "error" ? ` (${m.location().url})` : ""}`));
    page.on("pageerror", (e) => said.push(`pageerror: ${e.message}`));
    // The start screen is the loader's, drawn with the wasm still held back
    // (Next runs client components as it hydrates, just after the page's
    // load event: measured 15-30 ms after it here).
    let release;
    const held = new Promise((r) => (release = r));
    await page.route("**/*.wasm", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(url);
    await page.locator("#w section[data-screen=start]").waitFor();
    const timing = await page.evaluate(() => ({
      load: Math.round(performance.getEntriesByType("navigation")[0].loadEventStart),
      now: Math.round(performance.now()),
    }));
    console.log(`next (${bundler}): start screen drawn by the loader at or before ${timing.now} ms, the page's load event at ${timing.load} ms, the wasm still held`);
    // Let the wasm go, and walk once the widget has taken over the drawn
    // start screen (a click on the loader's node as it is replaced is lost).
    const drawn = await page.evaluateHandle(() => document.querySelector("#w").shadowRoot.querySelector("[data-screen=start]"));
    release();
    await page.waitForFunction((old) => {
      const now = document.querySelector("#w").shadowRoot.querySelector("[data-screen=start]");
      return now && now !== old;
    }, drawn);
    await answerJourney(page, { danger_now: "no", criteria: ["tolerance", "cravings", "time_spent", "role_failure"] });
    assert.equal((await readResult(page)).level, "intensive_outpatient");
    for (let i = 0; i < 50 && !said.some((t) => t.includes("complete")); i++) await page.waitForTimeout(100);
    assert.ok(said.some((t) => t.startsWith("log: complete")), `the page's listener heard carepath:complete: ${said.join(" | ")}`);
    // (The fixture has no favicon: Next answers 404 for it.)
    assert.deepEqual(said.filter((t) => /^(error|pageerror)/.test(t) && !t.includes("/favicon.ico")), [], "no errors");
    await page.close();

    // The first screen in the server's HTML (the npm function in a server
    // component): there before any script, taken over by the loader.
    const declaredUrl = `${url}declared`;
    const html = await (await fetch(declaredUrl)).text();
    assert.match(html, /<carepath-assessment id="w"[^>]*><template shadowrootmode="open"><style>/, "the element's first screen is in the HTML");
    const second = await browser.newPage();
    second.setDefaultTimeout(STEP_TIMEOUT);
    const errors = [];
    second.on("pageerror", (e) => errors.push(e.message));
    second.on("console", (m) => m.type() === "error" && !m.location().url.includes("/favicon.ico") && errors.push(m.text()));
    await second.route("**/*.wasm", () => {});
    await second.goto(declaredUrl);
    await second.waitForFunction(() => customElements.get("carepath-assessment"));
    await second.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    assert.equal(await second.locator("#w [data-declared]").count(), 1, "the loader took the declared screen over as it is");
    await second.locator("#w section[data-screen=start] .cp-primary").click();
    await second.locator("#w form[data-question=danger_now]").waitFor();
    assert.deepEqual(errors, [], "no errors (no hydration error either)");
    await second.close();
  } finally {
    server.kill();
  }
}

test("Next.js (App Router, Turbopack production build): the package imported at the top of a client component walks a journey", async () => {
  await walk("turbopack");
});

test("Next.js (App Router, webpack production build): the same app walks a journey", async () => {
  await walk("webpack");
});

test("the fixture imports the package as its README says: at the top, with no effect or dynamic import", () => {
  const source = readFileSync(join(FIXTURE, "app", "CareCheck.tsx"), "utf8");
  assert.match(source, /^"use client";/);
  assert.match(source, /^import "carepath-assessment";$/m);
  assert.ok(!/import\(/.test(source), "no dynamic import");
});
