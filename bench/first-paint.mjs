// First paint of the start screen, three ways, side by side (issue 24):
//   static:   the same start screen and emergency bar as plain HTML and CSS,
//             no script (the floor);
//   declared: <carepath-assessment> with its first screen declared in the
//             HTML (`carepath html`, here the npm function) and the loader;
//   loader:   <carepath-assessment> with the loader drawing the screen
//             (the plain snippet, as before).
// One Chromium; each load a fresh context (cold cache); the three pages
// alternate, RUNS times each, at each CPU setting. Prints the medians of
// first contentful paint and of the moment the start heading is on screen,
// and each page's ratio to the static one; and the bytes a visitor loads
// (gzip) with and without the declared screen.
//   DIST=/path/to/dist RUNS=25 node bench/first-paint.mjs
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { launchChromium, startStaticServer } from "../scripts/browser.mjs";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = resolve(process.env.DIST || join(REPO, "dist"));
const RUNS = Math.max(1, Number(process.env.RUNS || 25));
const THROTTLES = process.env.CPU ? [Number(process.env.CPU)] : [1, 4];
const VERSION = readFileSync(join(REPO, "Cargo.toml"), "utf8").match(/^version = "(.+)"$/m)[1];

const { carepathHtml } = await import(pathToFileURL(join(DIST, "carepath", VERSION, "html.js")));
const ATTRS = { "center-name": "Riverside Recovery", phone: "+1-555-010-0199", shadow: "open" };
const declared = carepathHtml(ATTRS);
const shell = (body, head = "") =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Riverside Recovery</title>${head}</head><body><h1>Riverside Recovery</h1><p>Help is here, day and night.</p>${body}</body></html>`;
// The static floor: the declared screen's own HTML and style, in the page.
const style = declared.match(/<style>(.*?)<\/style>/s)[1].replace(/^:host\{/, ".static{");
const frame = declared.match(/<div[^>]*data-declared="[^"]*">(.*)<\/div><\/template>/s)[1];
const script = `<script type="module" src="carepath/${VERSION}/carepath.js"></script>`;
const PAGES = {
  static: shell(`<div class="static">${frame}</div>`, `<style>${style}</style>`),
  declared: shell(declared, script),
  loader: shell(`<carepath-assessment center-name="Riverside Recovery" phone="+1-555-010-0199" shadow="open"></carepath-assessment>`, script),
};

const dir = mkdtempSync(join(tmpdir(), "carepath-first-paint-"));
symlinkSync(join(DIST, "carepath"), join(dir, "carepath"), "dir");
for (const [name, html] of Object.entries(PAGES)) writeFileSync(join(dir, `${name}.html`), html);

// In the page: when the start heading is first on screen (a frame after
// it has boxes), in the document or the element's open root.
function watch() {
  const find = () => document.querySelector(".static h2") ?? document.querySelector("carepath-assessment")?.shadowRoot?.querySelector("h2");
  const tick = () => {
    const h = find();
    if (h && h.getClientRects().length) window.__heading = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function measure(browser, url, throttle) {
  const context = await browser.newContextAsIs({ viewport: { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (throttle !== 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
    const bodies = [];
    page.on("response", (r) => bodies.push(r.body().then((b) => gzipSync(b, { level: 9 }).length).catch(() => 0)));
    await page.addInitScript(watch);
    await page.goto(url, { waitUntil: "load" });
    await page.waitForFunction(() => window.__heading && performance.getEntriesByName("first-contentful-paint").length, null, { timeout: 30_000 });
    const m = await page.evaluate(() => ({ fcp: performance.getEntriesByName("first-contentful-paint")[0].startTime, heading: window.__heading }));
    // Everything the visitor loads to the working widget (the wasm included).
    if (!url.includes("static")) await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => e.name.endsWith(".wasm") && e.responseEnd > 0), null, { timeout: 30_000 });
    await page.waitForTimeout(200);
    m.bytes = (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
    return m;
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const server = await startStaticServer({ dir, gzip: true });
const browser = await launchChromium();
const results = { date: new Date().toISOString(), chromium: browser.version(), runs: RUNS, throttles: {} };
try {
  console.log(`Chromium ${browser.version()}, ${RUNS} alternated runs per page and setting, DIST=${DIST}`);
  const names = Object.keys(PAGES);
  for (const throttle of THROTTLES) {
    const samples = Object.fromEntries(names.map((n) => [n, []]));
    for (let i = 0; i < RUNS; i++) {
      // Rotate the order, so no page is always first after a new context.
      for (let k = 0; k < names.length; k++) {
        const name = names[(i + k) % names.length];
        samples[name].push(await measure(browser, `${server.url}${name}.html`, throttle));
      }
    }
    const med = Object.fromEntries(names.map((n) => [n, { fcp: median(samples[n].map((s) => s.fcp)), heading: median(samples[n].map((s) => s.heading)), bytes: median(samples[n].map((s) => s.bytes)) }]));
    results.throttles[`${throttle}x`] = { samples, medians: med };
    console.log(`\nCPU ${throttle}x, median of ${RUNS}:`);
    console.log("| page | first contentful paint (ms) | ratio to static | start heading on screen (ms) | ratio to static | bytes loaded (gzip) |");
    console.log("|---|---:|---:|---:|---:|---:|");
    for (const n of names) {
      const r = med[n];
      console.log(`| ${n} | ${r.fcp.toFixed(0)} | ${(r.fcp / med.static.fcp).toFixed(2)} | ${r.heading.toFixed(0)} | ${(r.heading / med.static.heading).toFixed(2)} | ${r.bytes} |`);
    }
    console.log(`declared vs loader bytes: +${med.declared.bytes - med.loader.bytes} B (${(((med.declared.bytes - med.loader.bytes) / med.loader.bytes) * 100).toFixed(2)}%)`);
  }
  writeFileSync(join(REPO, "bench", "first-paint.json"), `${JSON.stringify(results, null, 2)}\n`);
  console.log("\nAll samples: bench/first-paint.json");
} finally {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
