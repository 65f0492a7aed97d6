// axe-core accessibility checks (WCAG 2.0/2.1/2.2 A and AA) on every screen
// of one journey through the demo page: start, each question reached
// (plus the "no answer" error and an opened help), the crisis screen, the
// result, and the printable summary.
//   DIST=/tmp/dist-snapshot node --test tests/e2e/
import { test } from "node:test";
import assert from "node:assert/strict";
import AxeBuilder from "@axe-core/playwright";
import {
  answerJourney,
  closeDemo,
  currentScreen,
  nextButton,
  openDemo,
  AXE_TAGS,
  demoSession,
} from "./helpers.mjs";

const session = demoSession({ checkErrors: false });

/** Runs axe on the page; returns { name, violations, passes, incomplete }. */
async function audit(page, name) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return {
    name,
    violations: results.violations,
    passes: results.passes.length,
    incomplete: results.incomplete,
  };
}

function describe(report) {
  const lines = [];
  for (const { name, violations } of report) {
    for (const v of violations) {
      lines.push(`[${name}] ${v.id} (${v.impact}): ${v.help}`);
      lines.push(`    ${v.helpUrl}`);
      for (const node of v.nodes) lines.push(`    target: ${JSON.stringify(node.target)}`);
    }
  }
  return lines.join("\n");
}

function summarize(t, { name, violations, passes, incomplete }) {
  const review = incomplete.length ? ` (${incomplete.map((i) => i.id).join(", ")})` : "";
  t.diagnostic(
    `axe ${name}: ${violations.length} violations, ${passes} rules passed, ${incomplete.length} to review${review}`,
  );
}

// Reaches every question: a yes to danger (crisis screen), opioids (so the
// medicine question is asked), a pregnant-able age.
const FULL_JOURNEY = {
  danger_now: "yes",
  for_whom: "self",
  age: "18_to_64",
  pregnant: "no",
  substances: ["alcohol", "opioids"],
  use_frequency: "daily",
  withdrawal: "mild",
  on_medication: "none",
  overdose: "no",
  criteria: ["more_than_intended", "cant_cut_down", "time_spent", "cravings"],
  mental_health: "somewhat",
  self_harm: "no",
  medical: "no",
  past_treatment: "never",
  readiness: "ready_now",
  home: "stable_supportive",
  responsibilities: ["full_time_work"],
  schedule: "evenings",
};

test("axe: no WCAG A/AA violations on any screen of a full journey", async (t) => {
  const page = await openDemo(session.browser(), session.server().url);
  const report = [];
  const check = async (name) => {
    const r = await audit(page, name);
    summarize(t, r);
    report.push(r);
  };
  try {
    await answerJourney(page, FULL_JOURNEY, {
      onScreen: async ({ screen, question }) => {
        if (screen !== "question") {
          await check(screen);
          return;
        }
        await check(`question ${question}`);
        if (question === "danger_now") {
          // The error shown when Next is pressed without an answer.
          await nextButton(page).click();
          await page.locator("form[data-question=danger_now] p.cp-error[role=alert]").waitFor();
          await check("question danger_now with error");
        }
        const help = page.locator("form[data-screen=question] details.cp-help");
        if ((await help.count()) && !(await help.evaluate((d) => d.open))) {
          await help.locator("summary").click();
          await page.waitForFunction(() =>
            document.querySelector("carepath-assessment").shadowRoot.querySelector("details.cp-help")?.open,
          );
          await check(`question ${question} with help open`);
        }
      },
    });
    assert.equal((await currentScreen(page)).screen, "result");

    const names = report.map((r) => r.name);
    for (const name of ["start", "crisis", "result", "question criteria", "question on_medication", "question schedule"]) {
      assert.ok(names.includes(name), `axe ran on ${name} (ran on: ${names.join(", ")})`);
    }

    // The printable summary, in its own window.
    const [popup] = await Promise.all([
      page.waitForEvent("popup"),
      page.locator("section[data-screen=result] [data-action=print]").click(),
    ]);
    await popup.waitForFunction(() => document.body?.innerText.includes("not a diagnosis"));
    const summary = await audit(popup, "print summary");
    summarize(t, summary);
    report.push(summary);
  } finally {
    await closeDemo(page);
  }

  const total = report.reduce((n, r) => n + r.violations.length, 0);
  assert.equal(total, 0, `axe found ${total} violations:\n${describe(report)}`);
});

test("axe: no WCAG A/AA violations on the result of an adolescent asked about by someone else", async (t) => {
  // A second result, with the other wording, the detox box and an urgent box.
  const page = await openDemo(session.browser(), session.server().url);
  const report = [];
  try {
    await answerJourney(page, {
      danger_now: "yes",
      for_whom: "someone_else",
      age: "under_18",
      substances: ["alcohol"],
      use_frequency: "daily",
      withdrawal: "severe",
      self_harm: "no",
      responsibilities: ["school"],
    });
    const r = await audit(page, "result (someone else, under 18, detox)");
    summarize(t, r);
    report.push(r);
    assert.equal(await page.locator(".cp-first-detox").count(), 1);
  } finally {
    await closeDemo(page);
  }
  const total = report.reduce((n, r) => n + r.violations.length, 0);
  assert.equal(total, 0, `axe found ${total} violations:\n${describe(report)}`);
});

// A dark theme a center might set: light text on a dark surface. The bar,
// the crisis lines and urgent boxes keep their light panel, so the theme's
// text and urgent colors fail there; the contrast check falls back.
const DARK = {
  "--carepath-surface": "#121212",
  "--carepath-text": "#f0f0f0",
  "--carepath-muted": "#b8b8b8",
  "--carepath-soft": "#1f2a30",
  "--carepath-accent": "#8ecae6",
  "--carepath-accent-text": "#000000",
  "--carepath-focus": "#ffb74d",
  "--carepath-urgent": "#ff8a80",
};

async function themed(t, theme) {
  const page = await openDemo(session.browser(), session.server().url);
  t.after(() => closeDemo(page));
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && m.text().includes("contrast") && warnings.push(m.text()));
  await page.evaluate((theme) => {
    const el = document.querySelector("carepath-assessment");
    for (const [k, v] of Object.entries(theme)) el.style.setProperty(k, v);
  }, theme);
  await page.waitForTimeout(100);
  return { page, warnings };
}

test("axe: a dark theme has no violations on the start, crisis and result screens; failing pairs fall back with one warning", async (t) => {
  const { page, warnings } = await themed(t, DARK);
  const report = [await audit(page, "dark start")];
  await answerJourney(page, { ...FULL_JOURNEY }, {
    onScreen: async (state) => {
      if (state.screen === "crisis") report.push(await audit(page, "dark crisis"));
    },
  });
  report.push(await audit(page, "dark result"));
  for (const r of report) summarize(t, r);
  const total = report.reduce((n, r) => n + r.violations.length, 0);
  assert.equal(total, 0, `axe found ${total} violations:\n${describe(report)}`);
  assert.equal(warnings.length, 1, JSON.stringify(warnings));
  assert.match(warnings[0], /--carepath-text/);
  assert.match(warnings[0], /--carepath-urgent/);
  // The theme itself stays where it passes: the surface is still dark.
  const surface = await page.evaluate(() => {
    const root = document.querySelector("carepath-assessment").shadowRoot;
    return getComputedStyle(root.querySelector(".cp")).backgroundColor;
  });
  assert.equal(surface, "rgb(18, 18, 18)");
});

test("a theme that would hide the emergency line (urgent #fff) keeps the default red, with a warning naming it", async (t) => {
  const { page, warnings } = await themed(t, { "--carepath-urgent": "#fff" });
  const color = await page.evaluate(() => {
    const root = document.querySelector("carepath-assessment").shadowRoot;
    return getComputedStyle(root.querySelector(".cp-bar-link[href='tel:911']")).color;
  });
  assert.equal(color, "rgb(163, 20, 14)", "the 911 link keeps the default red");
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /--carepath-urgent/);
});
