// The release packages (./scripts/release.sh, run by the test command
// after the build): the npm package imported in a real Vite production
// build walks a journey; the widget's files from a wrong place fail with a
// clear message and the emergency line stays; the declarations type-check
// a React 19 TSX file (tsc --noEmit); the archive and the package hold
// what a web developer needs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EVERGREEN, REPO, STEP_TIMEOUT, VERSION, answerJourney, launchBrowser, readResult, startStaticServer } from "./helpers.mjs";

const OUT = join(REPO, "target", "release");
const TGZ = join(OUT, `carepath-assessment-${VERSION}.tgz`);
const ZIP = join(OUT, `carepath-${VERSION}.zip`);
const bin = (name) => join(REPO, "node_modules", ".bin", name);

let app;
let browser;
before(() => {
  assert.ok(existsSync(TGZ), `${TGZ} is missing: run ./scripts/release.sh after the build`);
  // A new app, as a web developer starts one: the package from its tarball.
  app = mkdtempSync(join(tmpdir(), "carepath-vite-"));
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "center-site", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", TGZ], { cwd: app, stdio: "pipe" });
  cpSync(join(REPO, "tests", "package", "sample.tsx"), join(app, "sample.tsx"));
});
after(async () => {
  await browser?.close();
  if (app) rmSync(app, { recursive: true, force: true });
});

test("the npm package in a Vite production build walks a journey with no bundler setting", async () => {
  writeFileSync(join(app, "main.js"), 'import "carepath-assessment";\n');
  writeFileSync(
    join(app, "index.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Center</title>
<script type="module" src="./main.js"></script></head><body><h1>Riverside Recovery</h1>
<carepath-assessment id="w" center-name="Riverside Recovery"></carepath-assessment>
<carepath-assessment id="lost" files="/nowhere/"></carepath-assessment></body></html>`,
  );
  execFileSync(bin("vite"), ["build", "--logLevel", "warn"], { cwd: app, stdio: "pipe" });
  // Vite emitted the glue and the wasm beside the bundle.
  const emitted = execFileSync("ls", [join(app, "dist", "assets")]).toString();
  assert.match(emitted, /carepath-widget_bg-.*\.wasm/);
  // The glue is inside the loader (under its hash), not a file of its own.
  assert.doesNotMatch(emitted, /carepath-widget-.*\.js/);

  const server = await startStaticServer({ dir: join(app, "dist") });
  try {
    browser ??= await launchBrowser();
    // One widget, files found by the bundler.
    const one = await browser.newPage();
    one.setDefaultTimeout(STEP_TIMEOUT);
    writeFileSync(join(app, "dist", "one.html"), readFileSync(join(app, "dist", "index.html"), "utf8").replace(/<carepath-assessment id="lost"[^>]*><\/carepath-assessment>/, ""));
    await one.goto(`${server.url}one.html`);
    await answerJourney(one, { danger_now: "no", criteria: ["tolerance", "cravings", "time_spent", "role_failure"] });
    const result = await readResult(one);
    assert.equal(result.level, "intensive_outpatient");
    await one.close();

    // A page whose element says the files are elsewhere, wrongly: a clear
    // message naming the file, and 911/988 stay. (Only that element: an
    // element's files never counts for another.)
    const lost = await browser.newPage();
    const said = [];
    lost.on("console", (m) => m.type() === "error" && said.push(m.text()));
    writeFileSync(join(app, "dist", "lost.html"), readFileSync(join(app, "dist", "index.html"), "utf8").replace(/<carepath-assessment id="w"[^>]*><\/carepath-assessment>/, ""));
    await lost.goto(`${server.url}lost.html`);
    await lost.locator("#lost a[href='tel:911']").waitFor();
    await lost.waitForFunction(() => true);
    for (let i = 0; i < 50 && !said.some((t) => t.includes("could not load")); i++) await lost.waitForTimeout(100);
    assert.ok(
      said.some((t) => t.includes("could not load") && t.includes("/nowhere/carepath-widget_bg.wasm")),
      `a clear message: ${said.join(" | ")}`,
    );
    assert.ok(await lost.locator("#lost a[href='tel:988']").isVisible());
    await lost.close();

    // Theme attributes apply without inline CSS; a bad value or a theme
    // without contrast is named once and the default used.
    const themed = await browser.newPage();
    const warned = [];
    themed.on("console", (m) => m.type() === "warning" && warned.push(m.text()));
    writeFileSync(
      join(app, "dist", "theme.html"),
      readFileSync(join(app, "dist", "one.html"), "utf8").replace(
        'center-name="Riverside Recovery"',
        'center-name="Riverside Recovery" theme-accent="#0b5f4a" theme-radius="2px" theme-urgent="nonsense" theme-text="#fefefe"',
      ),
    );
    await themed.goto(`${server.url}theme.html`);
    const start = themed.locator("#w section[data-screen=start] button.cp-primary");
    await start.waitFor();
    // The loader's button is replaced by the widget's when the wasm
    // arrives: read the style of whichever is there, until it settles.
    const styleOf = async (property) => {
      let value = "";
      for (let i = 0; i < 50 && !value; i++) {
        value = await start.evaluate((b, p) => (b.isConnected ? getComputedStyle(b)[p] : ""), property).catch(() => "");
        if (!value) await themed.waitForTimeout(100);
      }
      return value;
    };
    assert.equal(await styleOf("backgroundColor"), "rgb(11, 95, 74)");
    assert.equal(await styleOf("borderTopLeftRadius"), "2px");
    assert.ok(warned.some((w) => w.includes('theme-urgent="nonsense" is not a valid color')), warned.join(" | "));
    assert.ok(warned.some((w) => w.includes("--carepath-text") && w.includes("contrast")), warned.join(" | "));
    await themed.locator("#w .cp").first().waitFor();
    let text = "";
    for (let i = 0; i < 50 && !text; i++) text = await themed.locator("#w .cp").evaluate((e) => (e.isConnected ? getComputedStyle(e).color : "")).catch(() => "");
    assert.notEqual(text, "rgb(254, 254, 254)", "white text on white is replaced");
    await themed.close();

    // A wasm that is not this release's fails safe: 911/988 stay, the
    // console says the file must match the loader's hash.
    const wasm = execFileSync("ls", [join(app, "dist", "assets")]).toString().split("\n").find((f) => f.endsWith(".wasm"));
    const file = join(app, "dist", "assets", wasm);
    writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from([0])]));
    const tampered = await browser.newPage();
    const told = [];
    tampered.on("console", (m) => m.type() === "error" && told.push(m.text()));
    await tampered.goto(`${server.url}one.html`);
    await tampered.locator("#w a[href='tel:911']").waitFor();
    for (let i = 0; i < 50 && !told.some((t) => t.includes("could not load")); i++) await tampered.waitForTimeout(100);
    assert.ok(told.some((t) => t.includes("integrity hash")), told.join(" | "));
    assert.ok(await tampered.locator("#w a[href='sms:988']").isVisible());
    await tampered.close();
  } finally {
    await server.stop();
  }
});

test("the declarations type-check a React 19 TSX file (tsc --noEmit), and wrong uses are errors", () => {
  writeFileSync(
    join(app, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022", module: "ESNext", moduleResolution: "Bundler", jsx: "react-jsx", strict: true,
        noEmit: true, skipLibCheck: false, lib: ["ES2022", "DOM"], types: [], typeRoots: [join(REPO, "node_modules", "@types")],
        paths: { react: [join(REPO, "node_modules", "@types", "react")], "react/jsx-runtime": [join(REPO, "node_modules", "@types", "react", "jsx-runtime")] },
      },
      files: ["sample.tsx"],
    }),
  );
  try {
    execFileSync(bin("tsc"), ["-p", "tsconfig.json"], { cwd: app, stdio: "pipe" });
  } catch (e) {
    assert.fail(`tsc: ${e.stdout}${e.stderr}`);
  }
});

test("the package and the archive hold the files, LICENSE with third-party notices, types, manifest and SRI hashes", () => {
  const pkg = JSON.parse(readFileSync(join(app, "node_modules", "carepath-assessment", "package.json"), "utf8"));
  assert.equal(pkg.version, VERSION);
  assert.equal(pkg.license, "MIT");
  const dir = join(app, "node_modules", "carepath-assessment");
  for (const f of ["carepath.js", "carepath-widget_bg.wasm", "carepath.d.ts", "react.d.ts", "custom-elements.json", "integrity.json", "LICENSE", "THIRD-PARTY-NOTICES.txt", "README.md"]) {
    assert.ok(existsSync(join(dir, f)), `the package has ${f}`);
  }
  const notices = readFileSync(join(dir, "THIRD-PARTY-NOTICES.txt"), "utf8");
  for (const crate of ["yew", "wasm-bindgen", "serde"]) assert.match(notices, new RegExp(`\\b${crate} \\d`), `notices name ${crate}`);
  const manifest = JSON.parse(readFileSync(join(dir, "custom-elements.json"), "utf8"));
  const el = manifest.modules[0].declarations[0];
  assert.equal(el.tagName, "carepath-assessment");
  assert.ok(el.attributes.some((a) => a.name === "theme-accent") && el.events.some((e) => e.name === "carepath:complete"));
  const sri = JSON.parse(readFileSync(join(dir, "integrity.json"), "utf8"));
  const hash = (f) => `sha384-${execFileSync("openssl", ["dgst", "-sha384", "-binary", join(dir, f)]).toString("base64")}`;
  for (const f of ["carepath.js", "carepath-widget_bg.wasm"]) assert.equal(sri[f], hash(f), f);
  assert.ok(readFileSync(join(dir, "carepath.js"), "utf8").includes(sri["carepath-widget_bg.wasm"]), "the loader checks the wasm's hash");

  const listing = execFileSync("python3", ["-m", "zipfile", "-l", ZIP]).toString();
  for (const f of [`carepath/${VERSION}/schema.json`, `carepath/${VERSION}/carepath.js`, `carepath/${VERSION}/carepath-widget_bg.wasm`, `carepath/${EVERGREEN}/carepath.js`, "LICENSE", "THIRD-PARTY-NOTICES.txt", "README.md", "carepath.d.ts", "configurator.html", "configurator.js", "configurator.css"]) {
    assert.ok(listing.includes(f), `the archive has ${f}`);
  }
  // Only this major version's evergreen folder: an older one (another
  // assessment contract) stays on the center's server as it was.
  const evergreens = [...new Set([...listing.matchAll(/carepath\/(v\d+)\//g)].map((m) => m[1]))];
  assert.deepEqual(evergreens, [EVERGREEN], "the archive has no other major version's evergreen folder");
  assert.ok(readFileSync(join(dir, "README.md"), "utf8").includes(`integrity="${sri["carepath.js"]}"`), "the README's snippet names the loader's hash");
});

test("the WordPress plugin's block takes its attributes and fields from the element's schema, which it carries", () => {
  const zip = join(OUT, `carepath-wordpress-${VERSION}.zip`);
  const read = (name) =>
    execFileSync("python3", ["-c", "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())", zip, name]).toString();
  const schema = JSON.parse(read("carepath/schema.json"));
  const names = schema.attributes.filter((a) => a.wordpress).map((a) => a.wordpress);
  assert.ok(names.includes("centerName") && names.includes("iopSchedule"));
  const block = JSON.parse(read("carepath/block.json"));
  assert.deepEqual(Object.keys(block.attributes), names);
  const js = read("carepath/block.js");
  for (const a of schema.attributes.filter((x) => x.wordpress)) {
    assert.ok(js.includes(JSON.stringify([a.wordpress, a.label.en])), `block.js has the field ${a.wordpress}`);
  }
  assert.ok(!js.includes("const FIELDS = null;"));
});
