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
