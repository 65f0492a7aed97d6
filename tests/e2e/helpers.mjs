// Shared helpers for the browser end-to-end tests: a static server for the
// built widget, Debian's Chromium through playwright-core, and journey
// helpers that walk the widget screen by screen.
//
//   DIST=/path/to/dist CHROMIUM=/usr/bin/chromium node --test tests/e2e/
//
// DIST defaults to <repo>/dist (a release build made by trunk), CHROMIUM to
// /usr/bin/chromium. No browser is ever downloaded.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { after, afterEach, before } from "node:test";
import { launchChromium, startStaticServer } from "../../scripts/browser.mjs";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = resolve(process.env.DIST || join(REPO, "dist"));
/** The release version (Cargo.toml): the widget's immutable folder is carepath/<VERSION>/. */
export const VERSION = readFileSync(join(REPO, "Cargo.toml"), "utf8").match(/^version = "(.+)"$/m)[1];
/** The evergreen folder of this major version (one assessment contract): carepath/<EVERGREEN>/, e.g. v2. */
export const EVERGREEN = `v${VERSION.split(".")[0]}`;

/** How long one screen may take to appear after a click. */
export const STEP_TIMEOUT = 10_000;

/**
 * Serves DIST with scripts/static-server.mjs on a free port.
 * Returns { url, origin, port, stop }.
 */
export async function startServer() {
  if (!existsSync(join(DIST, "index.html"))) {
    throw new Error(`no built widget at ${DIST} (set DIST, or build with trunk first)`);
  }
  return startStaticServer({ dir: DIST });
}

/** Launches Debian's Chromium headless (never a downloaded browser). */
export const launchBrowser = launchChromium;

/** Serves any folder (see scripts/browser.mjs). */
export { startStaticServer };

/**
 * Opens the demo page in a fresh context and waits for the widget's start
 * screen. Uncaught page errors are collected in page.errors (the caller can
 * assert it stays empty).
 */
export async function openDemo(browser, url, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(e.message));
  await page.goto(url);
  await page.locator("carepath-assessment [data-screen=start]").waitFor();
  return page;
}

/** Closes the page's context (and any popup it opened). */
export async function closeDemo(page) {
  await page.context().close();
}

/** The widget's current screen: { screen, question } (question or null). */
export function currentScreen(page) {
  return page.evaluate(() => {
    const root = document.querySelector("carepath-assessment")?.shadowRoot;
    const el = root?.querySelector("[data-screen]");
    return {
      screen: el ? el.getAttribute("data-screen") : null,
      question: el ? el.getAttribute("data-question") : null,
    };
  });
}

const same = (a, b) => a.screen === b.screen && a.question === b.question;

/** Waits until the widget shows a screen different from `before`. */
export async function waitForNewScreen(page, before) {
  await page.waitForFunction(
    ({ screen, question }) => {
      const root = document.querySelector("carepath-assessment")?.shadowRoot;
      const el = root?.querySelector("[data-screen]");
      if (!el) return false;
      return el.getAttribute("data-screen") !== screen || el.getAttribute("data-question") !== question;
    },
    before,
    { timeout: STEP_TIMEOUT },
  );
  return currentScreen(page);
}

/** Clicks something and waits for the screen to change. */
export async function clickAndWait(page, locator) {
  const before = await currentScreen(page);
  await locator.click();
  return waitForNewScreen(page, before);
}

/** Waits until the given question is on screen. */
export function waitForQuestion(page, id) {
  return page.locator(`form[data-screen=question][data-question="${id}"]`).waitFor();
}

/** The buttons of the current question screen. */
export const nextButton = (page) => page.locator("form[data-screen=question] button[type=submit]");
export const skipButton = (page) => page.locator("form[data-screen=question] button.cp-secondary");
export const backButton = (page) => page.locator("form[data-screen=question] button.cp-link");
export const goOnButton = (page) => page.locator("section[data-screen=crisis] button.cp-primary");

/** Input for an option of a question. */
export const option = (page, question, value) => page.locator(`input[name="${question}"][value="${value}"]`);

/** Opens the language menu and chooses `lang` (its button, in its own
 * name), then waits until the widget speaks it (its words may be fetched). */
export async function chooseLanguage(scope, lang) {
  const menu = scope.locator("details.cp-langs");
  if ((await menu.getAttribute("open")) === null) await scope.locator("summary.cp-lang").click();
  await scope.locator(`button.cp-lang-item[data-lang="${lang}"]`).click();
  await scope.locator(`div.cp[lang="${lang}"], .cps[lang="${lang}"]`).first().waitFor({ timeout: 30_000 });
}

/** Clicks Start and waits for the first question. */
export async function begin(page) {
  await page.locator("section[data-screen=start] button.cp-primary").click();
  await waitForQuestion(page, "danger_now");
}

/** Checks the given option(s) of the question on screen. */
export async function choose(page, question, value) {
  for (const v of [value].flat()) {
    const input = option(page, question, v);
    await input.check();
    assert.equal(await input.isChecked(), true, `${question}=${v} should be checked`);
  }
}

/**
 * Walks the widget from wherever it is to the result screen. On each
 * question: if `answers` has its id, checks the option(s) and presses Next,
 * otherwise presses "Prefer not to say". The crisis screen is passed with
 * its "Go on" button; the start screen with "Start".
 *
 * `onScreen(state)` (optional, async) is called on every screen before it
 * is left, including the result. Returns the list of screens visited, e.g.
 * ["start", "danger_now", "crisis", "for_whom", ..., "result"].
 */
export async function answerJourney(page, answers, { onScreen } = {}) {
  const visited = [];
  for (let guard = 0; guard < 60; guard++) {
    const state = await currentScreen(page);
    visited.push(state.screen === "question" ? state.question : state.screen);
    if (onScreen) await onScreen(state);
    if (state.screen === "result") return visited;
    if (state.screen === "start") {
      await clickAndWait(page, page.locator("section[data-screen=start] button.cp-primary"));
    } else if (state.screen === "crisis") {
      await clickAndWait(page, goOnButton(page));
    } else if (state.screen === "question") {
      const q = state.question;
      if (Object.hasOwn(answers, q)) {
        await choose(page, q, answers[q]);
        await clickAndWait(page, nextButton(page));
      } else {
        assert.ok(q !== "danger_now", "danger_now must be answered: it has no 'Prefer not to say'");
        await clickAndWait(page, skipButton(page));
      }
    } else {
      throw new Error(`unexpected screen ${JSON.stringify(state)}`);
    }
  }
  throw new Error(`no result after 60 screens: ${visited.join(" > ")}`);
}

/** The result's level box attributes and texts. */
export async function readResult(page) {
  const level = page.locator("section[data-screen=result] .cp-level");
  await level.waitFor();
  const text = async (sel) => {
    const l = page.locator(`section[data-screen=result] ${sel}`);
    return (await l.count()) ? (await l.first().textContent()).trim() : null;
  };
  return {
    level: await level.getAttribute("data-level"),
    urgent: await level.getAttribute("data-urgent"),
    withdrawal: await level.getAttribute("data-withdrawal"),
    levelName: await text(".cp-level-name"),
    weekSummary: await text(".cp-week-summary"),
    weekHours: await page
      .locator("section[data-screen=result] .cp-week-summary")
      .getAttribute("data-hours")
      .catch(() => null),
    sessions: (await page.locator("section[data-screen=result] .cp-week-list li").allTextContents()).map((s) =>
      s.trim(),
    ),
    band: await text(".cp-note[data-band-hours]"),
  };
}

/** The element focused inside the widget's shadow root, described. */
export function focusedInWidget(page) {
  return page.evaluate(() => {
    const root = document.querySelector("carepath-assessment")?.shadowRoot;
    const el = root?.activeElement;
    if (!el) return null;
    return {
      tag: el.tagName.toLowerCase(),
      classes: [...el.classList],
      type: el.getAttribute("type"),
      name: el.getAttribute("name"),
      value: el.getAttribute("value"),
      text: el.textContent.trim(),
      screen: el.closest("[data-screen]")?.getAttribute("data-screen") ?? null,
      question: el.closest("[data-screen]")?.getAttribute("data-question") ?? null,
    };
  });
}

/** Whether the page scrolls sideways. */
export function horizontalOverflow(page) {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

/** Whether `a` comes before `b` in the widget's DOM (shadow root selectors). */
export function comesBefore(page, a, b) {
  return page.evaluate(
    ([a, b]) => {
      const root = document.querySelector("carepath-assessment").shadowRoot;
      const x = root.querySelector(a);
      const y = root.querySelector(b);
      if (!x || !y) return null;
      return Boolean(x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING);
    },
    [a, b],
  );
}

/** The axe rule tags the tests hold every screen to: WCAG 2.2 A and AA. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * One static server for DIST and one browser per test file (registered as
 * before/after hooks). `open(contextOptions)` opens the demo page; with
 * `checkErrors`, an afterEach closes it and fails on uncaught page errors.
 * Returns { open, server(), browser() }.
 */
export function demoSession({ checkErrors = true } = {}) {
  let server;
  let browser;
  let page;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  if (checkErrors) {
    afterEach(async () => {
      if (page) {
        const errors = page.errors;
        await closeDemo(page);
        page = undefined;
        assert.deepEqual(errors, [], "the page threw uncaught errors");
      }
    });
  }
  return {
    open: async (contextOptions) => (page = await openDemo(browser, server.url, contextOptions)),
    server: () => server,
    browser: () => browser,
  };
}
