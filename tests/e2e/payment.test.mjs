// "Can I pay for it?" and a next step that lands (issue 26): a center that
// takes WA Medicaid and two plans, with a sliding scale and free care; the
// payment step after the result (accepted, call to check with the refer-on
// links, the no-insurance route), never in a request, storage or event by
// default; the text-us link (the center's number and the code only, a
// contact event); what to have ready, on screen and on paper; the refer-on
// order where the center does not offer what fits; axe 0.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { AXE_TAGS, REPO, STEP_TIMEOUT, VERSION, answerJourney, chooseLanguage, launchBrowser, readResult, startServer } from "./helpers.mjs";

const EN = JSON.parse(readFileSync(join(REPO, "locales/en.json"), "utf8"));
const ES = JSON.parse(readFileSync(join(REPO, "locales/es.json"), "utf8"));
const SHOTS = join(REPO, "target", "screens");

const CENTER = {
  "center-name": "Riverside Recovery",
  phone: "+1-555-010-0199",
  sms: "+1-555-010-0123",
  offers: "outpatient intensive_outpatient medically_managed_withdrawal",
  payment: "medicaid private sliding_scale free",
  "medicaid-state": "wa",
  plans: "Aetna; Premera Blue Cross",
  "payment-note": "Ask us about payment plans.",
};

const IOP = {
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
  schedule: "evenings",
};

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(attrs) {
  const context = await browser.newContext({ viewport: { width: 400, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  page.requests = [];
  page.on("request", (r) => page.requests.push(`${r.url()} ${r.postData() ?? ""}`));
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Riverside</title><script type="module" src="carepath/${VERSION}/carepath.js"></script></head><body><main>
<carepath-assessment${Object.entries(attrs).map(([k, v]) => ` ${k}="${v}"`).join("")}></carepath-assessment></main>
<script type="module">
  window.heard = [];
  const el = document.querySelector("carepath-assessment");
  for (const type of ["start", "step", "complete", "contact", "exit"]) el.addEventListener("carepath:" + type, (e) => window.heard.push({ type, detail: JSON.stringify(e.detail ?? null) }));
</script></body></html>`;
  await page.route("**/center-test.html", (route) => route.fulfill({ body: html, contentType: "text/html" }));
  await page.goto(`${server.url}center-test.html`);
  await page.locator("carepath-assessment [data-screen=start]").waitFor();
  await page.waitForFunction(() => document.querySelector("carepath-assessment").matches(":defined"));
  return page;
}

const axe = async (page) =>
  (await new AxeBuilder({ page }).include("carepath-assessment").withTags(AXE_TAGS).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);

/** Opens the payment step from its button, answers, and shows what it means. */
async function pay(page, payer, plan) {
  const root = page.locator("carepath-assessment");
  await root.getByRole("button", { name: /pay/ }).click();
  const form = root.locator("form[data-question=payment]");
  await form.waitFor();
  await form.locator(`input[name=payment][value=${payer}]`).check();
  if (plan) await form.locator(`input[name=plan][value=${plan}]`).check();
  await form.locator("button[type=submit]").click();
  await root.locator("[data-payment]").waitFor();
  return root.locator("[data-payment]");
}

test("a center with WA Medicaid and two plans: accepted, call to check with the refer-on links, the no-insurance route; nothing of it leaves the page", async () => {
  const page = await open(CENTER);
  const root = page.locator("carepath-assessment");
  await answerJourney(page, IOP);
  const before = await readResult(page);
  // The step is offered after the estimate, never before.
  assert.equal(await root.locator("[data-screen=result] .cp-pay").count(), 1);
  assert.equal(await root.locator("form[data-question=payment]").count(), 0, "asked only when the visitor opens it");
  assert.match(await root.locator(".cp-pay-note").innerText(), /Ask us about payment plans\./);

  // Medicaid: accepted, naming the state.
  await root.getByRole("button", { name: /pay/ }).click();
  const form = root.locator("form[data-question=payment]");
  assert.deepEqual(await form.locator("input[name=payment]").evaluateAll((i) => i.map((x) => x.value)), ["medicaid", "medicare", "tricare", "va", "private", "self_pay", "none", "not_sure"]);
  assert.equal(await form.locator("button[type=submit]").count(), 1);
  assert.equal(await form.locator("input[type=checkbox], input[type=text]").count(), 0, "never a member id");
  assert.deepEqual(await axe(page), [], "axe with the payment form open");
  mkdirSync(SHOTS, { recursive: true });
  await root.locator(".cp-pay").screenshot({ path: join(SHOTS, "pay-form.png") });
  await form.locator("input[name=payment][value=medicaid]").check();
  await form.locator("button[type=submit]").click();
  let part = root.locator("[data-payment]");
  assert.equal(await part.getAttribute("data-payment"), "accepted");
  assert.match(await part.innerText(), /Riverside Recovery\u2069? takes WA Medicaid\./);

  // Another plan: call to check, with FindTreatment.gov and the helpline.
  await root.getByRole("button", { name: /pay/ }).click();
  await form.locator("input[name=payment][value=private]").check();
  assert.deepEqual(await form.locator("input[name=plan]").evaluateAll((i) => i.map((x) => x.value)), ["plan_0", "plan_1", "other_plan"]);
  assert.deepEqual(await form.locator("input[name=plan] + label").allInnerTexts(), ["Aetna", "Premera Blue Cross", EN["pay.plan.other"]]);
  await form.locator("input[name=plan][value=other_plan]").check();
  await form.locator("button[type=submit]").click();
  part = root.locator("[data-payment]");
  assert.equal(await part.getAttribute("data-payment"), "check");
  assert.match(await part.innerText(), /does not list your plan\. Call to check/);
  assert.equal(await part.locator("a[href='https://findtreatment.gov/']").count(), 1);
  assert.equal(await part.locator("a[href='tel:+18006624357']").count(), 1);

  // A listed plan: accepted, by its name.
  part = await pay(page, "private", "plan_1");
  assert.equal(await part.getAttribute("data-payment"), "accepted");
  assert.match(await part.innerText(), /takes \u2068?Premera Blue Cross/);

  // No insurance: the sliding scale and free care, and a Good Faith Estimate.
  part = await pay(page, "none");
  assert.equal(await part.getAttribute("data-payment"), "check");
  const none = await part.innerText();
  assert.match(none, /sliding scale/);
  assert.match(none, /free or state-funded care/);
  assert.match(none, /Good Faith Estimate/);
  assert.deepEqual(await axe(page), [], "axe with an outcome shown");
  await root.locator(".cp-pay").screenshot({ path: join(SHOTS, "pay-none.png") });
  await root.locator(".cp-ready").screenshot({ path: join(SHOTS, "pay-ready.png") });

  // The estimate never changed; nothing of the payment left the page.
  const after = await readResult(page);
  assert.deepEqual({ level: after.level, urgent: after.urgent, withdrawal: after.withdrawal }, { level: before.level, urgent: before.urgent, withdrawal: before.withdrawal });
  const heard = await page.evaluate(() => window.heard);
  for (const word of ["medicaid", "premera", "aetna", "private", "plan", "none", "sliding", "payment"]) {
    assert.ok(!heard.some((h) => h.detail.toLowerCase().includes(word)), `no event carries ${word}: ${JSON.stringify(heard)}`);
    assert.ok(!page.requests.some((r) => r.toLowerCase().includes(word)), `no request carries ${word}`);
  }
  assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]), [0, 0, ""]);
  // Not in the reference code: the same answers give the same code.
  const code = (await root.locator(".cp-code").innerText()).trim();
  assert.equal(await root.locator(".cp-code-box").getAttribute("data-code"), code);

  // Text the code: the center's number and the code, one plain sentence.
  const sms = root.locator("a[data-action=sms]");
  const href = await sms.getAttribute("href");
  assert.ok(href.startsWith("sms:+15550100123?&body="), href);
  const body = decodeURIComponent(href.split("&body=")[1]);
  assert.equal(body, `${EN["sms.body"]} ${code}`);
  for (const word of ["outpatient", "IOP", "alcohol", "Medicaid", "detox"]) assert.ok(!body.includes(word), body);
  assert.match(await root.locator(".cp-actions").innerText(), /stays in your messages/);
  // Tapping it tells the host "sms", as a call does (the link itself is
  // the visitor's phone's business).
  await sms.evaluate((a) => {
    a.addEventListener("click", (e) => e.preventDefault(), { once: true });
    a.click();
  });
  await page.waitForFunction(() => window.heard.some((h) => h.type === "contact"));
  assert.deepEqual((await page.evaluate(() => window.heard)).filter((h) => h.type === "contact").map((h) => h.detail), ['{"action":"sms"}']);

  // What to have ready: on the result and on paper.
  const ready = await root.locator(".cp-ready").innerText();
  for (const key of ["ready.id", "ready.meds", "ready.code", "ready.q.licensed"]) assert.ok(ready.includes(EN[key]), key);
  const [popup] = await Promise.all([page.waitForEvent("popup"), root.locator("[data-action=print]").click()]);
  await popup.waitForFunction(() => document.body?.innerText.includes("not a diagnosis"));
  const paper = await popup.evaluate(() => document.body.innerText);
  assert.ok(paper.includes(EN["ready.heading"]) && paper.includes(EN["ready.q.after"]), "the printed summary has the card");
  assert.ok(paper.includes(code));
  await page.context().close();
});

test("a center that says nothing about paying has no payment step; prefer not to say leaves nothing", async () => {
  const page = await open({ "center-name": "Riverside Recovery", phone: "+1-555-010-0199" });
  await answerJourney(page, IOP);
  const root = page.locator("carepath-assessment");
  assert.equal(await root.locator(".cp-pay").count(), 0);
  assert.equal(await root.locator("a[data-action=sms]").count(), 0, "no text link without sms");
  assert.equal(await root.locator(".cp-ready").count(), 1, "the card is always there");
  await page.context().close();

  const page2 = await open(CENTER);
  await answerJourney(page2, IOP);
  const r2 = page2.locator("carepath-assessment");
  await r2.getByRole("button", { name: /pay/ }).click();
  await r2.locator("form[data-question=payment] input[value=medicare]").check();
  await r2.locator("form[data-question=payment] button.cp-secondary").click();
  assert.equal(await r2.locator("[data-payment]").count(), 0);
  assert.equal(await r2.locator("form[data-question=payment]").count(), 0);
  // Medicare is not listed: elsewhere, with the ways to find a program.
  const part = await pay(page2, "medicare");
  assert.equal(await part.getAttribute("data-payment"), "elsewhere");
  assert.equal(await part.locator("a[href='https://findtreatment.gov/']").count(), 1);
  await page2.context().close();
});

test("no insurance at a center with neither a sliding scale nor free care is elsewhere, never accepted; in Spanish, for someone else", async () => {
  const page = await open({ ...CENTER, payment: "medicaid private", locale: "es" });
  await answerJourney(page, { ...IOP, for_whom: "someone_else" });
  const root = page.locator("carepath-assessment");
  await root.getByRole("button", { name: /pagar/ }).click();
  assert.equal((await root.locator("form[data-question=payment] input[value=private] + label").innerText()).trim(), ES["pay.opt.private.they"]);
  await root.locator("form[data-question=payment] input[value=none]").check();
  await root.locator("form[data-question=payment] button[type=submit]").click();
  const part = root.locator("[data-payment]");
  assert.equal(await part.getAttribute("data-payment"), "elsewhere");
  assert.ok((await part.innerText()).includes("Good Faith Estimate"));
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test("where the center does not offer what fits, the result refers on first, then the center's number with why it is still worth a call", async () => {
  const page = await open({ ...CENTER, offers: "outpatient" });
  await answerJourney(page, IOP);
  const root = page.locator("carepath-assessment");
  assert.equal(await root.locator(".cp-refer").count(), 1);
  const actions = await root.locator(".cp-actions").innerText();
  assert.ok(actions.indexOf(EN["refer.body"].slice(0, 30)) < actions.indexOf("can still help"), actions);
  // The main button is the helpline, not the center.
  assert.equal(await root.locator(".cp-actions .cp-primary").getAttribute("href"), "tel:+18006624357");
  assert.equal(await root.locator("a[data-action=call]").getAttribute("class"), "cp-button");
  await page.context().close();
});
