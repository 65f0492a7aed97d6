// The hand-off to admissions (issue 14): a visitor's code, read over the
// phone, typed on the staff page, gives the intake worker the same
// estimate and reasons the visitor saw; the page passes axe, speaks
// Spanish, prints the bank and table, and no request carries the answers.
import { test } from "node:test";
import assert from "node:assert/strict";
import AxeBuilder from "@axe-core/playwright";
import { AXE_TAGS, VERSION, answerJourney, chooseLanguage, demoSession, readResult } from "./helpers.mjs";

const { open, server } = demoSession();

const WORKING_PARENT = {
  danger_now: "no",
  for_whom: "someone_else",
  age: "18_to_64",
  pregnant: "no",
  substances: ["alcohol", "opioids"],
  use_frequency: "daily",
  withdrawal: "mild",
  overdose: "no",
  criteria: ["more_than_intended", "cant_cut_down", "time_spent", "cravings"],
  mental_health: "not_at_all",
  self_harm: "no",
  medical: "no",
};

const staffUrl = () => `${server().url}carepath/${VERSION}/staff/`;

async function openStaff(context) {
  const staff = await context.newPage();
  staff.errors = [];
  staff.on("pageerror", (e) => staff.errors.push(e.message));
  staff.on("console", (m) => m.type() === "error" && staff.errors.push(m.text()));
  await staff.goto(staffUrl());
  await staff.locator(".cps form.cps-form").waitFor();
  return staff;
}

async function read(staff, code) {
  await staff.locator("#cps-code").fill(code);
  await staff.locator("#cps-code").press("Enter");
}

async function axe(page) {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("a code read over the phone shows the intake worker the same estimate, answers and reasons; no request carries them", async () => {
  const page = await open();
  const context = page.context();
  const requests = [];
  context.on("request", (r) => requests.push({ url: r.url(), method: r.method(), body: r.postData() }));
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server().origin });

  await answerJourney(page, WORKING_PARENT);
  const seen = await readResult(page);
  const code = (await page.locator(".cp-code").innerText()).trim();
  const reasons = (await page.locator("section[data-screen=result] .cp-why li").allInnerTexts()).map((t) =>
    t.replace(/\s+/g, " ").trim(),
  );
  assert.ok(reasons.length > 0);

  // Copy: the button says it worked, and the clipboard holds the code.
  await page.locator(".cp-code-box button").click();
  await page.locator(".cp-code-status", { hasText: "Copied" }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);

  const staff = await openStaff(context);
  // As heard and typed: lower case, spaces, O for 0 and l for 1.
  const heard = code.toLowerCase().replace(/-/g, " ").replace(/0/g, "o").replace(/1/g, "l");
  await read(staff, heard);
  const estimate = staff.locator(".cps-estimate");
  await estimate.waitFor();
  assert.equal(await estimate.getAttribute("data-level"), seen.level);
  assert.equal(await estimate.getAttribute("data-withdrawal"), seen.withdrawal);
  assert.equal(await estimate.getAttribute("data-urgent"), seen.urgent);
  assert.ok((await estimate.innerText()).includes(seen.levelName), "the level's name as the visitor saw it");
  assert.equal(await staff.locator("#cps-read-heading").innerText(), `Code ${code}`);
  assert.equal(
    await staff.evaluate(() => document.activeElement?.id),
    "cps-read-heading",
    "focus moves to what the code showed",
  );
  // Every reason the visitor saw, each with its rule number.
  const why = (await staff.locator(".cps-why li").allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());
  for (const reason of reasons) {
    const found = why.find((w) => w.replace(/ rule \d+[a-z]?$/, "") === reason);
    assert.ok(found, `the staff page gives the reason "${reason}" (has: ${why.join(" | ")})`);
    assert.match(found, /rule \d+[a-z]?$/);
  }
  assert.ok((await staff.locator(".cps-rules tbody tr").count()) >= why.length);
  // The answers, in the visitor's words ("they": asked for someone else).
  const row = staff.locator("tr[data-question=substances]");
  assert.equal(await row.getAttribute("data-answer"), "alcohol opioids");
  assert.match(await row.innerText(), /they/i);
  assert.match(await estimate.innerText(), /no center settings/);
  // The result page they saw, closed until opened.
  await staff.locator(".cps-seen summary").click();
  assert.equal(await staff.locator(".cps-seen [data-screen=result] .cp-level").getAttribute("data-level"), seen.level);

  assert.deepEqual(await axe(staff), [], "axe on the staff page with a code read");

  // Spanish: the staff words and the visitor's.
  await chooseLanguage(staff, "es");
  assert.match(await staff.locator(".cps-read > .cps-answers h3").innerText(), /Lo que respondió/);
  assert.match(await staff.locator("h1").innerText(), /Leer el código/);
  assert.match(await staff.title(), /Leer el código/, "the window's title follows");

  // Nothing carried the answers: only the widget's and the page's own files
  // were asked for, with GET, no body, no query; the code is in none.
  const compact = code.replace(/-/g, "");
  for (const r of requests) {
    assert.equal(new URL(r.url).origin, server().origin, `only its own files: ${r.url}`);
    assert.equal(r.method, "GET", r.url);
    assert.equal(r.body, null, r.url);
    assert.equal(new URL(r.url).search, "", r.url);
    assert.ok(!r.url.toUpperCase().includes(compact), r.url);
    assert.ok(!/alcohol|opioid|someone_else/.test(r.url), r.url);
  }
  const staffFiles = requests.filter((r) => r.url.includes("/staff/")).map((r) => new URL(r.url).pathname.split("/").pop());
  assert.deepEqual(
    [...new Set(staffFiles)].sort(),
    ["", "carepath-staff_bg.wasm", "staff.css", "staff.js"],
  );
  // It keeps nothing.
  assert.deepEqual(
    await staff.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]),
    [0, 0, ""],
  );
  assert.deepEqual(staff.errors, []);
});

test("a misread code says what is wrong and how to fix it; Clear forgets it; a never-released version's code is refused", async () => {
  const page = await open();
  const staff = await openStaff(page.context());
  const code = "3K7Q-M2XD-9P0A-4U";
  await read(staff, code);
  const error = staff.locator("#cps-code-error");
  await error.waitFor();
  assert.match(await error.innerText(), /“U” is not used in codes/);
  assert.equal(await staff.locator("#cps-code").getAttribute("aria-invalid"), "true");
  assert.equal(await staff.evaluate(() => document.activeElement?.id), "cps-code");
  assert.deepEqual(await axe(staff), [], "axe with an error shown");

  // Zeros check, but as a code of version 0, never released: refused,
  // never read with another version's questions.
  await read(staff, "0000 0000 0000 00");
  const other = staff.locator("section.cps-read[data-version='0']");
  await other.waitFor();
  assert.match(await other.innerText(), /This code is from version 0 of the check[\s\S]*never read with another version/);
  assert.equal(await staff.locator(".cps-estimate").count(), 0);
  assert.equal(await staff.locator("tr[data-question]").count(), 0);

  // Clear: the box is empty and nothing read is left.
  await staff.locator(".cps-form button:not([type=submit])").click();
  assert.equal(await staff.locator("#cps-code").inputValue(), "");
  assert.equal(await staff.locator("#cps-code-error").count(), 0);
  assert.deepEqual(staff.errors, []);
});

test("the staff page takes the widget's center attributes: the caller's schedule, and a level the center does not offer", async () => {
  const page = await open();
  const context = page.context();
  // The center's copy of the page, with its settings on <carepath-staff>.
  await context.route(staffUrl(), async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(
      '<carepath-staff locale="auto">',
      '<carepath-staff locale="auto" center-name="Riverside Recovery" offers="outpatient residential" outpatient-schedule="Tue 18:00-20:00">',
    );
    await route.fulfill({ response, body });
  });
  const staff = await openStaff(context);
  await read(staff, "4000-0000-VY70-SVK");
  const estimate = staff.locator(".cps-estimate");
  await estimate.waitFor();
  assert.equal(await estimate.getAttribute("data-level"), "intensive_outpatient");
  const text = await estimate.innerText();
  assert.match(text, /use your center's programs/);
  assert.match(text, /does not list this level/);
  assert.deepEqual(staff.errors, []);
});

test("the staff page prints the question bank and the decision table without its controls", async () => {
  const page = await open();
  const staff = await openStaff(page.context());
  await staff.emulateMedia({ media: "print" });
  assert.equal(await staff.locator(".cps-form").isVisible(), false, "no form on paper");
  assert.equal(await staff.locator(".cp-bar").isVisible(), false);
  const bank = await staff.locator("#cps-bank").innerText();
  assert.match(bank, /Who are you asking for\?/);
  assert.match(bank, /Generic weeks/);
  assert.match(bank, /Hit policy of rule 2/);
  assert.ok((await staff.locator("#cps-bank .cps-questions > li").count()) >= 16, "every question");
  await staff.emulateMedia({ media: "screen" });
  assert.deepEqual(await axe(staff), [], "axe on the page before any code");
  // 400% zoom of a 1280 px screen: nothing runs off the side (the wide
  // tables scroll inside their own box).
  await staff.setViewportSize({ width: 320, height: 800 });
  await read(staff, "4000-0000-VY70-SVK");
  await staff.locator(".cps-estimate").waitFor();
  await staff.locator(".cps-seen summary").click();
  assert.equal(
    await staff.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    0,
    "no sideways scrolling at 320 px",
  );
});

test("a v3 code read after v4 shows the estimate the caller saw, labelled, and today's beside it with the rules that differ", async () => {
  const page = await open();
  const staff = await openStaff(page.context());
  // Recorded under v3 before any v4 change (tests/golden/v3.json): a
  // methadone patient with a past severe withdrawal, sent to 24-hour
  // detox by v3; v4 keeps the methadone and says see a doctor soon.
  await read(staff, "32kr yrsw 7jwz ck");
  const seen = staff.locator(".cps-estimate:not(.cps-today)");
  await seen.waitFor();
  assert.equal(await staff.locator("section.cps-read").getAttribute("data-version"), "3");
  assert.equal(await seen.getAttribute("data-withdrawal"), "medically_managed");
  assert.equal(await seen.getAttribute("data-level"), "intensive_outpatient");
  assert.match(await seen.innerText(), /contract version 3/);
  const today = staff.locator(".cps-today");
  assert.equal(await today.getAttribute("data-withdrawal"), "none");
  assert.equal(await today.getAttribute("data-level"), "outpatient");
  assert.match(await today.innerText(), /Under today's rules \(contract version 4\)/);
  const differ = await today.locator("[data-rules-differ]").getAttribute("data-rules-differ");
  assert.ok(differ.split(", ").includes("2a") && differ.split(", ").includes("2m"), differ);
  // The answers in the words the v3 visitor saw.
  const row = staff.locator("tr[data-question=substances]");
  assert.equal(await row.getAttribute("data-answer"), "opioids");
  assert.match(await row.innerText(), /heroin, fentanyl, pain pills, or kratom$/m);
  assert.deepEqual(await axe(staff), [], "axe with two estimates");
  assert.deepEqual(staff.errors, []);
});

test("a changed staff page script (its glue is inside it) is refused by the page's hash: the page says 911 and 988, and the console names the file", async () => {
  const page = await open();
  const context = page.context();
  await context.route(`${staffUrl()}staff.js`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: `${await response.text()}\nconsole.log("changed");` });
  });
  const staff = await context.newPage();
  const said = [];
  staff.on("console", (m) => said.push(`${m.type()}: ${m.text()}`));
  await staff.goto(staffUrl());
  const note = staff.locator(".cps-loading");
  await note.waitFor();
  await staff.waitForTimeout(500);
  assert.match(await note.innerText(), /911/);
  assert.match(await note.innerText(), /988/);
  assert.ok(!said.some((m) => m.includes("changed")), "the changed code did not run");
  assert.ok(said.some((m) => m.startsWith("error") && m.includes("integrity") && m.includes("staff.js")), said.join(" | "));
  // The page's own code is whole: one script, under its hash, no other module.
  const html = await (await context.request.get(staffUrl())).text();
  assert.match(html, /<script type="module" src="staff.js" integrity="sha384-[^"]+"><\/script>/);
});
