// Whole journeys through the demo page (index.html in DIST), in Chromium.
//   DIST=/tmp/dist-snapshot node --test tests/e2e/
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import {
  answerJourney,
  backButton,
  begin,
  choose,
  clickAndWait,
  comesBefore,
  currentScreen,
  focusedInWidget,
  goOnButton,
  horizontalOverflow,
  nextButton,
  option,
  readResult,
  skipButton,
  waitForQuestion,
  demoSession,
  REPO,
  chooseLanguage,
} from "./helpers.mjs";

const session = demoSession();
let page;
const open = async (contextOptions) => (page = await session.open(contextOptions));

// Answers (or skips) questions from the start until `question` is on screen.
const answerUntil = async (question, answers) => {
  await begin(page);
  for (let i = 0; i < 30; i++) {
    const { screen, question: q } = await currentScreen(page);
    if (q === question) return;
    assert.equal(screen, "question", `expected questions before ${question}`);
    if (Object.hasOwn(answers, q)) {
      await choose(page, q, answers[q]);
      await clickAndWait(page, nextButton(page));
    } else {
      await clickAndWait(page, skipButton(page));
    }
  }
  assert.fail(`never reached ${question}`);
};

// Opens the print summary from the result and returns its text.
const summaryText = async (page) => {
  const [popup] = await Promise.all([
    page.waitForEvent("popup"),
    page.locator("section[data-screen=result] [data-action=print]").click(),
  ]);
  await popup.waitForFunction(() => document.body && document.body.innerText.includes("not a diagnosis"), null, {
    timeout: 10_000,
  });
  return popup.evaluate(() => document.body.innerText);
};

const MODERATE_ALCOHOL_WORKING = {
  danger_now: "no",
  for_whom: "self",
  age: "18_to_64",
  pregnant: "no",
  substances: ["alcohol"],
  use_frequency: "daily",
  withdrawal: "none",
  overdose: "no",
  criteria: ["more_than_intended", "cant_cut_down", "time_spent", "cravings"],
  mental_health: "not_at_all",
  self_harm: "no",
  medical: "no",
  past_treatment: "never",
  readiness: "ready_now",
  home: "stable_supportive",
  responsibilities: ["full_time_work"],
  schedule: "flexible",
};

const EVENING_SESSIONS = ["Monday, 6 pm to 9 pm", "Wednesday, 6 pm to 9 pm", "Thursday, 6 pm to 9 pm"];

test("self, moderate alcohol, full-time work: evening intensive outpatient, 9 hours on 3 days", async () => {
  await open();
  const visited = await answerJourney(page, MODERATE_ALCOHOL_WORKING);
  assert.ok(!visited.includes("on_medication"), "on_medication is only asked about opioids or sedatives");
  assert.ok(!visited.includes("crisis"));

  const r = await readResult(page);
  assert.equal(r.level, "intensive_outpatient");
  assert.equal(r.urgent, "none");
  assert.equal(r.withdrawal, "none");
  assert.equal(r.levelName, "Intensive outpatient program (IOP)");
  assert.equal(r.weekSummary, "About 9 hours a week, on 3 days:");
  assert.equal(r.weekHours, "9");
  assert.ok(r.sessions.includes("Monday, 6 pm to 9 pm"), `sessions: ${r.sessions}`);
  assert.deepEqual(r.sessions, EVENING_SESSIONS);
  assert.equal(r.band, "Programs at this level take 9 to 19 hours a week, 3 to 5 days.");
  await page.locator("section[data-screen=result] svg.cp-week-picture[role=img]").waitFor();
  assert.equal(await page.locator(".cp-first-emergency").count(), 0);
  assert.equal(await page.locator(".cp-first-detox").count(), 0);
  const phases = await page.locator(".cp-timeline li.cp-phase").evaluateAll((els) =>
    els.map((e) => e.getAttribute("data-care")),
  );
  assert.equal(phases[0], "intensive_outpatient", `timeline: ${phases}`);
  // No first step before it: the months ahead do not open with "Then".
  const first = (await page.locator(".cp-timeline li.cp-phase").first().textContent()).trim();
  assert.equal(first, "First: Intensive outpatient program (IOP), about 8 to 12 weeks.");
});

test("someone else: questions say 'they', and the result has a level", async () => {
  await open();
  const texts = [];
  await answerJourney(
    page,
    {
      danger_now: "no",
      for_whom: "someone_else",
      age: "18_to_64",
      substances: ["alcohol"],
      use_frequency: "weekly",
      withdrawal: "none",
      overdose: "no",
      criteria: ["more_than_intended", "cant_cut_down", "time_spent"],
    },
    {
      onScreen: async ({ screen, question }) => {
        if (screen !== "question" || ["danger_now", "for_whom"].includes(question)) return;
        const legend = (await page.locator("form[data-screen=question] .cp-question-text").textContent()).trim();
        const fieldset = (await page.locator("form[data-screen=question] fieldset").innerText()).trim();
        texts.push({ question, legend, fieldset });
        if (question === "age") assert.equal(legend, "How old are they?");
        if (question === "pregnant") assert.equal(legend, "Are they pregnant?");
      },
    },
  );
  assert.ok(texts.some((t) => t.question === "age"), "the age question was asked");
  for (const { question, fieldset } of texts) {
    assert.doesNotMatch(fieldset, /\byou(r|rs|rself)?\b/i, `question ${question} still says 'you':\n${fieldset}`);
  }
  const r = await readResult(page);
  assert.equal(r.level, "outpatient");
  assert.equal(r.urgent, "none");
  assert.equal(r.levelName, "Outpatient care");
});

test("emergency: danger now opens the crisis screen, going on leads to an urgent result", async () => {
  await open();
  await begin(page);
  await choose(page, "danger_now", "yes");
  await clickAndWait(page, nextButton(page));

  const crisis = page.locator("section[data-screen=crisis]");
  await crisis.waitFor();
  assert.equal((await crisis.locator("h2").textContent()).trim(), "Get help right now");
  for (const href of ["tel:911", "tel:988", "sms:988"]) {
    assert.equal(await crisis.locator(`a[href="${href}"]`).count(), 1, `crisis link ${href}`);
    assert.ok(await crisis.locator(`a[href="${href}"]`).isVisible(), `crisis link ${href} is visible`);
  }
  await page.waitForFunction(() => {
    const el = document.querySelector("carepath-assessment").shadowRoot.activeElement;
    return el?.matches("section[data-screen=crisis] h2.cp-focus");
  });
  assert.match(await goOnButton(page).textContent(), /I am safe now\. Go on/);

  const next = await clickAndWait(page, goOnButton(page));
  assert.equal(next.screen, "question");
  // Skip everything else.
  const visited = await answerJourney(page, {});
  assert.equal(visited.at(-1), "result");

  const r = await readResult(page);
  assert.equal(r.urgent, "emergency");
  assert.ok(r.level, "the result still names a level");
  const box = page.locator("section[data-screen=result] .cp-first-emergency");
  await box.waitFor();
  for (const href of ["tel:911", "tel:988", "sms:988"]) {
    assert.equal(await box.locator(`a[href="${href}"]`).count(), 1, `emergency box link ${href}`);
  }
  assert.equal(
    await comesBefore(page, ".cp-first-emergency", ".cp-level"),
    true,
    "the emergency box comes before the level",
  );
});

test("detox: daily alcohol with severe withdrawal needs medically managed withdrawal first", async () => {
  await open();
  await answerJourney(page, {
    danger_now: "no",
    for_whom: "self",
    age: "18_to_64",
    pregnant: "no",
    substances: ["alcohol"],
    use_frequency: "daily",
    withdrawal: "severe",
  });
  const r = await readResult(page);
  assert.equal(r.withdrawal, "medically_managed");
  assert.equal(r.urgent, "none");
  assert.ok(r.weekHours, "the week shows hours");
  assert.match(r.weekSummary, /^About [\d.]+ hours a week, on \d+ days?:$/);
  await page.locator("section[data-screen=result] .cp-first-detox").waitFor();
  assert.equal(await comesBefore(page, ".cp-first-detox", ".cp-level"), true, "the detox box comes before the level");
  const phases = await page.locator(".cp-timeline li.cp-phase").evaluateAll((els) =>
    els.map((e) => e.getAttribute("data-care")),
  );
  assert.equal(phases[0], "medically_managed_withdrawal", `timeline: ${phases}`);
});

test("adolescent in school with 3 criteria: outpatient with adolescent hours and a call link", async () => {
  await open();
  await answerJourney(page, {
    danger_now: "no",
    for_whom: "self",
    age: "under_18",
    substances: ["cannabis"],
    use_frequency: "weekly",
    withdrawal: "none",
    overdose: "no",
    criteria: ["more_than_intended", "cant_cut_down", "time_spent"],
    responsibilities: ["school"],
  });
  const r = await readResult(page);
  assert.equal(r.level, "outpatient");
  assert.equal(r.urgent, "none");
  assert.equal(r.withdrawal, "none");
  assert.match(r.band, /^Programs at this level take 1 to 5 hours a week/);
  const call = page.locator("section[data-screen=result] a[data-action=call]");
  assert.match(await call.getAttribute("href"), /^tel:\+?[\d-]+$/);
  assert.match(await call.textContent(), /Riverside Recovery/);
});

test("a week with one session reads in the singular: 'on 1 day', '1 care session'", async () => {
  await open();
  // Outpatient with no schedule answers: one session a week.
  await answerJourney(page, { danger_now: "no" });
  const r = await readResult(page);
  assert.equal(r.sessions.length, 1, `sessions: ${r.sessions}`);
  assert.match(r.weekSummary, /^About [\d.]+ hours a week, on 1 day:$/);
  const label = await page.locator("section[data-screen=result] svg.cp-week-picture").getAttribute("aria-label");
  assert.equal(label, "A week with 1 care session");
});

test("the print summary of a one-day week says 'on 1 day' and lists the skipped questions", async () => {
  await open();
  await answerJourney(page, { danger_now: "no" });
  const text = await summaryText(page);
  assert.match(text, /About [\d.]+ hours a week, on 1 day:/);
  assert.doesNotMatch(text, /on 1 days/);
  assert.match(text, /Questions you skipped/);
  assert.match(text, /Home life/);
});

test("a skipped question is listed on the result; answering it there returns to a result without it", async () => {
  await open();
  const { home: _skipped, ...withoutHome } = MODERATE_ALCOHOL_WORKING;
  await answerJourney(page, withoutHome);
  const item = page.locator("section[data-screen=result] .cp-skipped li[data-question=home]");
  assert.equal(await item.count(), 1, "home is listed as skipped");
  await clickAndWait(page, item.locator("button"));
  assert.equal((await currentScreen(page)).question, "home");
  await choose(page, "home", "stable_supportive");
  await clickAndWait(page, nextButton(page));
  assert.equal((await currentScreen(page)).screen, "result");
  assert.equal(await page.locator("section[data-screen=result] .cp-skipped").count(), 0, "nothing left skipped");
});

test("all skipped: 'no' to danger, then 'Prefer not to say' everywhere gives outpatient", async () => {
  await open();
  const visited = await answerJourney(page, { danger_now: "no" });
  // Skipping substances counts as all of them, so every question is asked.
  for (const q of ["substances", "use_frequency", "withdrawal", "on_medication", "overdose", "criteria", "schedule"]) {
    assert.ok(visited.includes(q), `${q} was asked (visited: ${visited.join(" > ")})`);
  }
  const r = await readResult(page);
  assert.equal(r.level, "outpatient");
  assert.equal(r.urgent, "none");
});

test("keyboard only: Tab, Space, Enter and arrows reach a result, focus on each new heading", async () => {
  await open();
  const kb = page.keyboard;

  // Tab from the top of the host page until a widget element matching
  // `selector` has focus; every stop must be visible.
  const tabTo = async (selector, max = 40) => {
    for (let i = 0; i < max; i++) {
      await kb.press("Tab");
      const hit = await page.evaluate((sel) => {
        const el = document.querySelector("carepath-assessment").shadowRoot.activeElement;
        return Boolean(el?.matches(sel));
      }, selector);
      if (hit) return;
    }
    assert.fail(`Tab never reached ${selector}; focus is on ${JSON.stringify(await focusedInWidget(page))}`);
  };
  const headingFocused = async (question) => {
    await page.waitForFunction(
      (q) => {
        const el = document.querySelector("carepath-assessment").shadowRoot.activeElement;
        const screen = el?.closest("[data-screen]");
        if (!el?.matches("h2.cp-focus") || !screen) return false;
        return q ? screen.getAttribute("data-question") === q : screen.getAttribute("data-screen") === "result";
      },
      question,
      { timeout: 10_000 },
    ).catch(async () => {
      assert.fail(`focus should be on the heading of ${question ?? "the result"}, is on ${JSON.stringify(await focusedInWidget(page))}`);
    });
  };
  const pressAndWait = async (key) => {
    const before = await currentScreen(page);
    await kb.press(key);
    await page.waitForFunction(
      (b) => {
        const el = document.querySelector("carepath-assessment").shadowRoot.querySelector("[data-screen]");
        return el.getAttribute("data-screen") !== b.screen || el.getAttribute("data-question") !== b.question;
      },
      before,
    );
    return currentScreen(page);
  };

  await tabTo("section[data-screen=start] button.cp-primary");
  let s = await pressAndWait("Enter");
  assert.equal(s.question, "danger_now");
  await headingFocused("danger_now");

  // danger_now: Tab into the radio group, arrow down to "No".
  await tabTo('input[name="danger_now"]');
  await kb.press("ArrowDown");
  assert.equal(await option(page, "danger_now", "no").isChecked(), true, "ArrowDown chose 'No'");
  await tabTo("button[type=submit]");
  s = await pressAndWait("Enter");
  assert.equal(s.question, "for_whom");
  await headingFocused("for_whom");

  // for_whom: Space checks the focused first radio ("Myself").
  await tabTo('input[name="for_whom"]');
  await kb.press("Space");
  assert.equal(await option(page, "for_whom", "self").isChecked(), true, "Space chose 'self'");
  await tabTo("button[type=submit]");
  s = await pressAndWait("Enter");
  assert.equal(s.question, "age");
  await headingFocused("age");

  // age: arrow to the second option.
  await tabTo('input[name="age"]');
  await kb.press("ArrowDown");
  assert.equal(await option(page, "age", "18_to_64").isChecked(), true, "ArrowDown chose 18 to 64");
  await tabTo("button[type=submit]");
  s = await pressAndWait("Enter");
  assert.equal(s.question, "pregnant");
  await headingFocused("pregnant");

  // pregnant: skip with Space on "Prefer not to say".
  await tabTo("button.cp-secondary");
  s = await pressAndWait("Space");
  assert.equal(s.question, "substances");
  await headingFocused("substances");

  // substances: checkboxes, Space on alcohol.
  await tabTo('input[name="substances"][value="alcohol"]');
  await kb.press("Space");
  assert.equal(await option(page, "substances", "alcohol").isChecked(), true, "Space checked alcohol");
  await tabTo("button[type=submit]");
  s = await pressAndWait("Enter");
  assert.equal(s.question, "use_frequency");
  await headingFocused("use_frequency");

  // The rest: "Prefer not to say" with Enter, checking focus each time.
  for (let i = 0; i < 20 && s.screen === "question"; i++) {
    await tabTo("button.cp-secondary");
    s = await pressAndWait("Enter");
    await headingFocused(s.screen === "question" ? s.question : null);
  }
  assert.equal(s.screen, "result");
  const r = await readResult(page);
  assert.ok(r.level, "a level is shown");
});

for (const [label, contextOptions] of [
  ["320 px wide", { viewport: { width: 320, height: 640 } }],
  ["1280 px at 400% zoom (320 x 256)", { viewport: { width: 320, height: 256 }, deviceScaleFactor: 1 }],
]) {
  test(`${label}: no horizontal scrolling on any screen`, async () => {
    await open(contextOptions);
    const checked = [];
    await answerJourney(
      page,
      { danger_now: "yes", ...Object.fromEntries(Object.entries(MODERATE_ALCOHOL_WORKING).slice(1)) },
      {
        onScreen: async ({ screen, question }) => {
          const { scrollWidth, innerWidth } = await horizontalOverflow(page);
          checked.push(question ?? screen);
          assert.ok(
            scrollWidth <= innerWidth,
            `${question ?? screen} scrolls sideways: scrollWidth ${scrollWidth} > innerWidth ${innerWidth}`,
          );
        },
      },
    );
    assert.ok(checked.includes("crisis") && checked.includes("criteria") && checked.includes("result"), `${checked}`);
  });
}

// What the question on screen shows as checked, e.g. ["danger_now=no"].
const checkedOnScreen = () =>
  page.locator("form[data-screen=question] input").evaluateAll((els) =>
    els.filter((e) => e.checked).map((e) => `${e.name}=${e.value}`),
  );

// Going back from for_whom ("self", the first option) to danger_now ("no",
// the second) guards against radio inputs reused across questions losing
// their checked state when their group name changes.
test("Back keeps answers", async () => {
  await open();
  await begin(page);
  await choose(page, "danger_now", "no");
  await clickAndWait(page, nextButton(page));
  await choose(page, "for_whom", "self");
  await clickAndWait(page, nextButton(page));
  await choose(page, "age", "18_to_64");
  await clickAndWait(page, nextButton(page));
  await waitForQuestion(page, "pregnant");

  let s = await clickAndWait(page, backButton(page));
  assert.equal(s.question, "age");
  assert.deepEqual(await checkedOnScreen(), ["age=18_to_64"], "Back to age: 18 to 64 is still checked");
  s = await clickAndWait(page, backButton(page));
  assert.equal(s.question, "for_whom");
  assert.deepEqual(await checkedOnScreen(), ["for_whom=self"], "Back to for_whom: self is still checked");
  s = await clickAndWait(page, backButton(page));
  assert.equal(s.question, "danger_now");
  assert.deepEqual(await checkedOnScreen(), ["danger_now=no"], "Back to danger_now: 'No' is still checked");

  // And forward again without touching anything.
  s = await clickAndWait(page, nextButton(page));
  assert.equal(s.question, "for_whom");
  assert.deepEqual(await checkedOnScreen(), ["for_whom=self"]);
});

test("Back keeps checkbox answers", async () => {
  await open();
  await answerUntil("substances", { danger_now: "no", for_whom: "self", age: "18_to_64" });
  await choose(page, "substances", ["alcohol", "cannabis"]);
  await clickAndWait(page, nextButton(page));
  const s = await clickAndWait(page, backButton(page));
  assert.equal(s.question, "substances");
  assert.deepEqual(await checkedOnScreen(), ["substances=alcohol", "substances=cannabis"]);
});

test("Next without an answer shows an error and stays on the question", async () => {
  await open();
  await begin(page);
  await nextButton(page).click();
  const error = page.locator("form[data-question=danger_now] p.cp-error[role=alert]");
  await error.waitFor();
  assert.ok((await error.textContent()).trim().length > 0);
  assert.equal((await currentScreen(page)).question, "danger_now");
  // Answering clears the way on.
  await choose(page, "danger_now", "no");
  const s = await clickAndWait(page, nextButton(page));
  assert.equal(s.question, "for_whom");
});

test("print summary opens a new page with the level and 'not a diagnosis'", async () => {
  await open();
  await answerJourney(page, MODERATE_ALCOHOL_WORKING);
  const text = await summaryText(page);
  assert.match(text, /Intensive outpatient program \(IOP\)/);
  assert.match(text, /not a diagnosis/);
  assert.match(text, /About 9 hours a week, on 3 days:/);
  assert.match(text, /Monday, 6 pm to 9 pm/);
  // The host page is left as it was.
  assert.equal((await currentScreen(page)).screen, "result");
});

test("Start over goes back to the start screen and the new journey has no answers", async () => {
  await open();
  await answerJourney(page, MODERATE_ALCOHOL_WORKING);
  const s = await clickAndWait(page, page.locator("section[data-screen=result] [data-action=restart]"));
  assert.equal(s.screen, "start");
  await page.locator("section[data-screen=start] button.cp-primary").waitFor();

  const seen = [];
  await answerJourney(
    page,
    { danger_now: "no" },
    {
      onScreen: async ({ screen, question }) => {
        if (screen !== "question") return;
        seen.push(question);
        const checked = await page
          .locator("form[data-screen=question] input:checked")
          .evaluateAll((els) => els.map((e) => `${e.name}=${e.value}`));
        assert.deepEqual(checked, [], `question ${question} starts with answers checked`);
      },
    },
  );
  assert.ok(seen.includes("criteria") && seen.includes("responsibilities"), `${seen}`);
  const r = await readResult(page);
  assert.equal(r.level, "outpatient", "the old answers no longer count");
});

test("the result shows the answers as a reference code, after one plain sentence; the summary prints it; the CLI decodes it to the same result", async () => {
  await open();
  await answerJourney(page, MODERATE_ALCOHOL_WORKING);
  const r = await readResult(page);
  const box = page.locator("section[data-screen=result] .cp-code-box");
  const code = (await box.locator(".cp-code").innerText()).trim();
  assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{3}$/);
  const intro = await box.locator("p").first().innerText();
  assert.match(intro, /holds your answers\. Share it only with the center/);
  assert.equal(await comesBefore(page, ".cp-code-box > p:not(.cp-code)", ".cp-code"), true, "the sentence comes first");
  const decoded = JSON.parse(execFileSync(join(REPO, "target", "debug", "carepath"), ["decode", code]).toString());
  assert.equal(decoded.seen.level, r.level);
  assert.equal(decoded.language, "en");
  // On a 320 px phone the code wraps only after a hyphen: each group stays
  // on one line and nothing runs off the side.
  await page.setViewportSize({ width: 320, height: 700 });
  const wrap = await box.locator(".cp-code").evaluate((p) => ({
    groups: [...p.children].map((s) => [s.textContent, s.getClientRects().length]),
    overflow: p.scrollWidth - p.clientWidth,
  }));
  assert.deepEqual(wrap.groups.map((g) => g[1]), [1, 1, 1, 1], JSON.stringify(wrap));
  assert.equal(wrap.groups.map((g) => g[0]).join(""), code);
  assert.ok(wrap.groups.slice(0, 3).every((g) => g[0].endsWith("-")));
  assert.equal(wrap.overflow, 0);
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.equal(decoded.answers.for_whom, "self");
  const text = await summaryText(page);
  assert.ok(text.includes(code), "the print summary shows the code");
  assert.ok(!text.includes("Copy the code"), "no copy button on paper");
  // In Spanish, the same answers; the code now says Spanish (its second
  // character), so intake can offer an interpreter.
  await chooseLanguage(page, "es");
  await page.locator(".cp[lang=es] .cp-code-box").waitFor();
  const es = (await page.locator(".cp-code").innerText()).trim();
  assert.equal(es[1], "1");
  const decodedEs = JSON.parse(execFileSync(join(REPO, "target", "debug", "carepath"), ["decode", es]).toString());
  assert.deepEqual(decodedEs.answers, decoded.answers);
  assert.equal(decodedEs.language, "es");
  assert.match(await page.locator(".cp-code-box").innerText(), /Sus respuestas en un código/);
});
