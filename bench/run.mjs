// Benchmark: Carepath's widget against the same questionnaire built with
// SurveyJS (bench/surveyjs/). Not part of CI. Run with ./scripts/bench.sh.
//
//   DIST=/path/to/dist RUNS=7 CHROMIUM=/usr/bin/chromium node bench/run.mjs
//
// One Chromium; each load gets a fresh browser context (cold cache). The
// two pages are loaded alternately, RUNS times each, once without and once
// with 4x CPU throttling. Medians are printed and all samples written to
// bench/results.json. See bench/README.md for what each metric means.
// NETWORK=slow4g adds Lighthouse's slow 4G link (150 ms round trip,
// 1.6 Mbps down) and serves both pages gzipped, as a CDN would.
import { existsSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { launchChromium, startStaticServer } from "../scripts/browser.mjs";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = resolve(process.env.DIST || join(REPO, "dist"));
const SURVEYJS = join(REPO, "bench/surveyjs");
const RUNS = Math.max(1, Number(process.env.RUNS || 7));
// CPU=4 (or CPU=1) runs one setting only.
const THROTTLES = process.env.CPU ? [Number(process.env.CPU)] : [1, 4];
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const NETWORK = process.env.NETWORK === "slow4g" ? SLOW_4G : null;
const TIMEOUT = 30_000;

for (const [dir, file, hint] of [
  [DIST, "index.html", "run ./scripts/demo.sh or ./scripts/test.sh first"],
  [SURVEYJS, "vendor/survey.core.min.js", "run ./scripts/bench.sh (it copies the SurveyJS files)"],
]) {
  if (!existsSync(join(dir, file))) {
    console.error(`bench: ${join(dir, file)} is missing: ${hint}`);
    process.exit(1);
  }
}

/** Serves dir on a free port (gzipped on the slow 4G link, as a CDN would). */
const serve = (dir) => startStaticServer({ dir, gzip: NETWORK !== null });

// What the in-page code needs to know about each widget. `host` is the
// element whose open shadow root holds the widget (null: the document).
const WIDGETS = {
  carepath: {
    label: "Carepath",
    host: "carepath-assessment",
    start: "section[data-screen=start] button",
    question: (id) => `form[data-screen=question][data-question=${id}]`,
    anyQuestion: "form[data-screen=question]",
    questionId: "data-question",
    input: (id, v) => `form[data-question=${id}] input[name=${id}][value="${v}"]`,
    firstInput: (id) => `form[data-question=${id}] input`,
    next: (id) => `form[data-question=${id}] button[type=submit]`,
    done: "section[data-screen=result]",
  },
  surveyjs: {
    label: "SurveyJS",
    host: null,
    start: "input.sd-navigation__start-btn, button.sd-navigation__start-btn",
    question: (id) => `.sd-question[data-name=${id}]`,
    anyQuestion: ".sd-question[data-name]",
    questionId: "data-name",
    input: (id, v) => `.sd-question[data-name=${id}] input[value="${v}"]`,
    firstInput: (id) => `.sd-question[data-name=${id}] input`,
    next: () => ".sd-navigation__next-btn, .sd-navigation__complete-btn",
    done: ".sd-completedpage",
  },
};

// Selectors are functions above; the page gets plain strings.
function specFor(w) {
  return {
    host: w.host,
    start: w.start,
    firstQuestion: w.question("danger_now"),
    firstAnswer: w.input("danger_now", "no"),
    warmNext: w.next("danger_now"),
    warmTarget: w.question("for_whom"),
    stepAnswer: w.input("for_whom", "self"),
    stepNext: w.next("for_whom"),
    stepTarget: w.question("age"),
    anyQuestion: w.anyQuestion,
    questionId: w.questionId,
    firstInputTemplate: w.firstInput("ID"),
    nextTemplate: w.next("ID"),
    done: w.done,
  };
}

// Runs in the page before its own scripts: polls once per animation frame
// for the Start button, clicks it as soon as it is visible, waits for the
// danger_now question, clicks its "no" option, and records when the frame
// after that click begins (the widget has handled the click by then).
function initScript(spec) {
  if (window.top !== window) return;
  const m = (window.__bench = {});
  const root = () => (spec.host ? document.querySelector(spec.host)?.shadowRoot : document);
  const find = (sel) => root()?.querySelector(sel) ?? null;
  const visible = (el) => el != null && el.getClientRects().length > 0;
  let stage = 0;
  const tick = () => {
    if (stage === 0) {
      const b = find(spec.start);
      if (visible(b)) {
        m.startVisible = performance.now();
        stage = 1;
        b.click();
      }
    }
    if (stage === 1) {
      const q = find(spec.firstQuestion);
      if (visible(q)) {
        m.questionVisible = performance.now();
        stage = 2;
        find(spec.firstAnswer).click();
        m.answerChecked = find(spec.firstAnswer)?.checked === true;
        requestAnimationFrame(() => (m.firstAnswer = performance.now()));
        return;
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

// In the page: press Next on danger_now (answered "no") and wait for
// for_whom, untimed (Carepath's loader draws danger_now before the wasm
// arrives, so this first Next may wait for it); then answer for_whom and
// time Next until age is in the DOM and visible, and until the frame after.
async function stepInPage(spec) {
  const root = spec.host ? document.querySelector(spec.host).shadowRoot : document;
  const visible = (el) => el != null && el.getClientRects().length > 0;
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  [...root.querySelectorAll(spec.warmNext)].find(visible).click();
  const deadline = performance.now() + 20_000;
  while (!visible(root.querySelector(spec.warmTarget))) {
    if (performance.now() > deadline) throw new Error("for_whom never showed");
    await frame();
  }
  root.querySelector(spec.stepAnswer).click();
  await frame();
  const next = [...root.querySelectorAll(spec.stepNext)].find(visible);
  return new Promise((done, fail) => {
    let tDom;
    const t0 = performance.now();
    const check = () => {
      if (tDom === undefined && visible(root.querySelector(spec.stepTarget))) {
        tDom = performance.now();
        obs.disconnect();
        requestAnimationFrame(() =>
          setTimeout(() => done({ dom: tDom - t0, painted: performance.now() - t0 })),
        );
      }
    };
    const obs = new MutationObserver(check);
    obs.observe(root, { childList: true, subtree: true, attributes: true });
    setTimeout(() => tDom === undefined && fail(new Error("step timed out")), 20_000);
    next.click();
    check();
  });
}

// In the page: answer every remaining question with its first option and
// press Next, until the result (Carepath) or completed page (SurveyJS).
async function journeyInPage(spec) {
  const root = spec.host ? document.querySelector(spec.host).shadowRoot : document;
  const visible = (el) => el != null && el.getClientRects().length > 0;
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const current = () => [...root.querySelectorAll(spec.anyQuestion)].find(visible);
  const t0 = performance.now();
  const answered = [];
  for (let i = 0; i < 40; i++) {
    if (visible(root.querySelector(spec.done))) {
      return { ms: performance.now() - t0, answered };
    }
    const q = current();
    if (!q) {
      await frame();
      continue;
    }
    const id = q.getAttribute(spec.questionId);
    answered.push(id);
    const input = root.querySelector(spec.firstInputTemplate.replaceAll("ID", id));
    input.click();
    await frame();
    const next = [...root.querySelectorAll(spec.nextTemplate.replaceAll("ID", id))].find(visible);
    next.click();
    const deadline = performance.now() + 10_000;
    for (;;) {
      await frame();
      const now = current();
      if (visible(root.querySelector(spec.done)) || (now && now.getAttribute(spec.questionId) !== id)) break;
      if (performance.now() > deadline) throw new Error(`stuck at ${id}`);
    }
  }
  throw new Error("journey did not finish");
}

function sizes(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
  };
}

async function measure(browser, widget, url, throttle) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    const cdp = await context.newCDPSession(page);
    if (throttle !== 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
    if (NETWORK) {
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", NETWORK);
    }
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const responses = [];
    page.on("response", (r) => responses.push(r));
    const spec = specFor(widget);
    await page.addInitScript(initScript, spec);

    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__bench?.firstAnswer !== undefined, null, {
      timeout: TIMEOUT,
      polling: 50,
    });
    const m = await page.evaluate(() => window.__bench);
    if (!m.answerChecked) throw new Error(`${widget.label}: the first answer did not register`);

    // Which responses arrived before the first question was visible: the
    // navigation entry (the page) plus resources fetched before that time.
    const before = await page.evaluate((t) => {
      const nav = performance.getEntriesByType("navigation")[0];
      return [
        nav.name,
        ...performance
          .getEntriesByType("resource")
          .filter((e) => e.startTime < t)
          .map((e) => e.name),
      ];
    }, m.questionVisible);

    const step = await page.evaluate(stepInPage, spec);
    const journey = await page.evaluate(journeyInPage, spec);

    await cdp.send("HeapProfiler.collectGarbage");
    const heap = await cdp.send("Runtime.getHeapUsage");
    // The wasm's memory: its glue is bundled into the loader now (no file
    // to import on its own), so the page's own wasm memory is read from
    // the browser's measure of the page, where it has one.
    let wasm = 0;
    if (widget.host) {
      wasm = await page.evaluate(async () => {
        if (!self.crossOriginIsolated || !performance.measureUserAgentSpecificMemory) return 0;
        const m = await performance.measureUserAgentSpecificMemory();
        return m.breakdown.filter((b) => b.types.includes("WebAssembly")).reduce((a, b) => a + b.bytes, 0);
      });
    }

    const total = { raw: 0, gzip: 0, brotli: 0, requests: 0, urls: [] };
    const wanted = new Set(before.map((u) => u.split("#")[0]));
    for (const r of responses) {
      if (r.status() !== 200 || !wanted.has(r.url())) continue;
      wanted.delete(r.url());
      const s = sizes(await r.body());
      total.raw += s.raw;
      total.gzip += s.gzip;
      total.brotli += s.brotli;
      total.requests += 1;
      total.urls.push(r.url());
    }
    if (errors.length) console.warn(`  ${widget.label}: page errors: ${errors.join("; ")}`);

    return {
      bytes_raw: total.raw,
      bytes_gzip: total.gzip,
      bytes_brotli: total.brotli,
      requests: total.requests,
      ms_start_visible: m.startVisible,
      ms_question_visible: m.questionVisible,
      ms_first_answer: m.firstAnswer,
      ms_step_dom: step.dom,
      ms_step_painted: step.painted,
      ms_journey: journey.ms,
      questions_answered: journey.answered.length,
      js_heap: heap.usedSize,
      wasm_memory: wasm,
      heap_total: heap.usedSize + wasm,
      // For checking: what was counted, and the path taken.
      counted: total.urls,
      path: ["danger_now", ...journey.answered],
    };
  } finally {
    await context.close();
  }
}

const METRICS = [
  ["bytes_raw", "bytes to first question, raw", "KB"],
  ["bytes_gzip", "bytes to first question, gzip -9", "KB"],
  ["bytes_brotli", "bytes to first question, brotli 11", "KB"],
  ["requests", "requests to first question", ""],
  ["ms_start_visible", "start screen visible", "ms"],
  ["ms_question_visible", "first question visible", "ms"],
  ["ms_first_answer", "first answer registered", "ms"],
  ["ms_step_dom", "one step (Next -> next question in DOM)", "ms"],
  ["ms_step_painted", "one step (Next -> next question painted)", "ms"],
  ["ms_journey", "rest of the journey (in-page, rAF-paced)", "ms"],
  ["questions_answered", "questions answered after the timed step", ""],
  ["js_heap", "JS heap after journey (after GC)", "KB"],
  ["wasm_memory", "wasm linear memory after journey", "KB"],
  ["heap_total", "JS heap + wasm memory", "KB"],
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const fmt = (v, unit) =>
  unit === "KB" ? (v / 1024).toFixed(1) : unit === "ms" ? v.toFixed(1) : String(Math.round(v));

const carepath = await serve(DIST);
const surveyjs = await serve(SURVEYJS);
const browser = await launchChromium();

const results = {
  date: new Date().toISOString(),
  chromium: browser.version(),
  dist: DIST,
  runs: RUNS,
  throttles: {},
};
try {
  console.log(`Chromium ${browser.version()}, ${RUNS} runs per widget and setting, DIST=${DIST}${NETWORK ? ", slow 4G" : ""}`);
  for (const throttle of THROTTLES) {
    const samples = { carepath: [], surveyjs: [] };
    for (let i = 0; i < RUNS; i++) {
      const order = i % 2 ? ["surveyjs", "carepath"] : ["carepath", "surveyjs"];
      for (const key of order) {
        const url = key === "carepath" ? carepath.url : surveyjs.url;
        const r = await measure(browser, WIDGETS[key], url, throttle);
        samples[key].push(r);
        process.stdout.write(
          `  cpu ${throttle}x run ${i + 1}/${RUNS} ${WIDGETS[key].label}: ` +
            `first answer ${r.ms_first_answer.toFixed(0)} ms, step ${r.ms_step_painted.toFixed(0)} ms, ` +
            `${(r.bytes_brotli / 1024).toFixed(0)} KB br\n`,
        );
      }
    }
    const medians = {};
    for (const [key] of METRICS) {
      medians[key] = {
        carepath: median(samples.carepath.map((s) => s[key])),
        surveyjs: median(samples.surveyjs.map((s) => s[key])),
      };
    }
    results.throttles[`${throttle}x`] = { samples, medians };

    const rows = METRICS.map(([key, name, unit]) => {
      const { carepath: c, surveyjs: s } = medians[key];
      return [
        unit ? `${name} (${unit})` : name,
        fmt(c, unit),
        fmt(s, unit),
        s ? (c / s).toFixed(2) : "n/a",
      ];
    });
    const head = ["metric (median)", "Carepath", "SurveyJS", "ratio C/S"];
    const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (r) =>
      "| " + r.map((c, i) => (i ? c.padStart(width[i]) : c.padEnd(width[i]))).join(" | ") + " |";
    console.log(`\nCPU throttling ${throttle}x${NETWORK ? ", slow 4G" : ""}, median of ${RUNS}:`);
    console.log(line(head));
    console.log("|" + width.map((w, i) => (i ? "-".repeat(w + 1) + ":" : "-".repeat(w + 2))).join("|") + "|");
    rows.forEach((r) => console.log(line(r)));
  }
  const name = NETWORK ? "bench/results-slow4g.json" : "bench/results.json";
  writeFileSync(join(REPO, name), JSON.stringify(results, null, 2) + "\n");
  console.log(`\nAll samples: ${name}`);
} finally {
  await browser.close();
  await carepath.stop();
  await surveyjs.stop();
}
