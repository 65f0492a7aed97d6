// Lighthouse 12 (npm `lighthouse`, pinned in package.json) on the demo
// page, in Debian's Chromium, with Lighthouse's default mobile settings
// (a mid-range phone on a slow 4G link, simulated). The page and the widget
// are served from localhost with gzip, as a CDN would serve them. Prints
// the median of RUNS runs of each score and of the main timings.
//   node bench/lighthouse.mjs        (DIST=dist RUNS=3 by default)
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = resolve(process.env.DIST || join(REPO, "dist"));
const RUNS = Number(process.env.RUNS || 3);
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run",
].join(" ");

const port = 9300 + Math.floor(Math.random() * 500);
// Cacheable, as a real host serves pages (no-store also bars the back/forward
// cache, which Lighthouse reports).
const server = spawn(process.execPath, [join(REPO, "scripts/static-server.mjs"), "--dir", DIST, "--port", String(port), "--gzip", "--header", "Cache-Control: public, max-age=3600"], {
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise((ok) => server.stdout.once("data", ok));
const url = `http://127.0.0.1:${port}/`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const out = mkdtempSync(join(tmpdir(), "carepath-lighthouse-"));
const runs = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const file = join(out, `run${i}.json`);
    execFileSync(join(REPO, "node_modules/.bin/lighthouse"), [
      url,
      `--chrome-flags=${FLAGS}`,
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
  server.kill();
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
