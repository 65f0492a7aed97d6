// Lighthouse 12 (npm `lighthouse`, pinned in package.json) on the demo
// page, in Debian's Chromium, with Lighthouse's default mobile settings
// (a mid-range phone on a slow 4G link, simulated). The page and the widget
// are served from localhost with gzip, as a CDN would serve them. Prints
// the median of RUNS runs of each score and of the main timings.
//   node bench/lighthouse.mjs        (DIST=dist RUNS=3 by default)
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { cpSync } from "node:fs";
import { CHROMIUM, CHROMIUM_FLAGS, openRoots, startStaticServer } from "../scripts/browser.mjs";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = resolve(process.env.DIST || join(REPO, "dist"));
const RUNS = Number(process.env.RUNS || 3);
// Cacheable, as a real host serves pages (no-store also bars the back/forward
// cache, which Lighthouse reports).
// The widget's shadow root is closed by default; Lighthouse's audits must
// see inside it, so a copy of the page runs the tests' one init script
// (scripts/browser.mjs, openRoots) before the loader.
const site = mkdtempSync(join(tmpdir(), "carepath-lighthouse-site-"));
cpSync(DIST, site, { recursive: true });
writeFileSync(join(site, "open-roots.js"), `(${openRoots})();\n`);
const page = join(site, "index.html");
writeFileSync(page, readFileSync(page, "utf8").replace("<script ", '<script src="open-roots.js"></script>\n  <script '));
const server = await startStaticServer({ dir: site, gzip: true, headers: ["Cache-Control: public, max-age=3600"] });
const url = server.url;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const out = mkdtempSync(join(tmpdir(), "carepath-lighthouse-"));
const runs = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const file = join(out, `run${i}.json`);
    execFileSync(join(REPO, "node_modules/.bin/lighthouse"), [
      url,
      `--chrome-flags=${CHROMIUM_FLAGS.join(" ")}`,
      "--only-categories=performance,accessibility,best-practices",
      "--output=json",
      `--output-path=${file}`,
      "--quiet",
    ], { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ["ignore", "inherit", "inherit"] });
    const lhr = JSON.parse(readFileSync(file, "utf8"));
    const a = lhr.audits;
    runs.push({
      performance: lhr.categories.performance.score * 100,
      accessibility: lhr.categories.accessibility.score * 100,
      "best-practices": lhr.categories["best-practices"].score * 100,
      "first contentful paint (ms)": a["first-contentful-paint"].numericValue,
      "largest contentful paint (ms)": a["largest-contentful-paint"].numericValue,
      "total blocking time (ms)": a["total-blocking-time"].numericValue,
      "cumulative layout shift": a["cumulative-layout-shift"].numericValue,
      "speed index (ms)": a["speed-index"].numericValue,
      "bytes transferred (KB)": a["total-byte-weight"].numericValue / 1000,
      version: lhr.lighthouseVersion,
      failed: Object.values(a)
        .filter((x) => x.score !== null && x.score < 1 && ["binary", "numeric"].includes(x.scoreDisplayMode) && x.details?.type !== "debugdata")
        .map((x) => x.id),
    });
    console.log(`run ${i + 1}/${RUNS}: performance ${runs.at(-1).performance}, accessibility ${runs.at(-1).accessibility}, best practices ${runs.at(-1)["best-practices"]}`);
  }
} finally {
  await server.stop();
  rmSync(site, { recursive: true, force: true });
  if (!process.env.KEEP) rmSync(out, { recursive: true, force: true });
  else console.log(`reports kept in ${out}`);
}

console.log(`\nLighthouse ${runs[0].version}, mobile defaults (simulated slow 4G, 4x CPU), demo page served with gzip; median of ${RUNS}:`);
console.log("| figure | median |");
console.log("|---|---:|");
for (const key of Object.keys(runs[0]).filter((k) => !["version", "failed"].includes(k))) {
  const m = median(runs.map((r) => r[key]));
  console.log(`| ${key} | ${Number.isInteger(m) ? m : m.toFixed(key.includes("shift") ? 3 : 0)} |`);
}
const failed = [...new Set(runs.flatMap((r) => r.failed))];
console.log(`audits below full marks in any run: ${failed.length ? failed.join(", ") : "none"}`);
writeFileSync(join(REPO, "bench/lighthouse.json"), JSON.stringify(runs, null, 2));
