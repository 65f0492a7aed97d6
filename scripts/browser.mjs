// Debian's Chromium (through playwright-core) and the static file server,
// set up once for the browser tests, the benchmark and the Lighthouse run.
// No browser is ever downloaded.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const HERE = dirname(fileURLToPath(import.meta.url));

/** The binary: CHROMIUM, else Debian's. */
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

/** Headless, as root, on a machine with no network beyond localhost. */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * The one init script that lets the tests and the bench read the widget:
 * the loader attaches a closed shadow root by default (page scripts cannot
 * read the answers); this opens every root as it is attached, so the
 * default code path runs and `el.shadowRoot` works in the tests.
 */
export function openRoots() {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    return attach.call(this, { ...init, mode: "open" });
  };
}

/**
 * Launches Debian's Chromium headless. Every context it makes runs
 * `openRoots`; `browser.newContextAsIs` makes one without it.
 */
export async function launchChromium({ backForwardCache = false } = {}) {
  // Playwright turns the back-forward cache off; a visitor's browser has it.
  const ignoreDefaultArgs = backForwardCache ? ["--disable-back-forward-cache"] : [];
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, ignoreDefaultArgs });
  const newContext = browser.newContext.bind(browser);
  browser.newContextAsIs = newContext;
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.addInitScript(openRoots);
    return context;
  };
  return browser;
}

/**
 * Serves a folder with scripts/static-server.mjs on a free port, with
 * extra response headers (["Name: value", ...]), optional CORS and
 * optional gzip. Returns { url, origin, port, stop }.
 */
export async function startStaticServer({ dir, headers = [], cors = false, gzip = false } = {}) {
  let stderr = "";
  for (let attempt = 0; attempt < 5; attempt++) {
    // 10080 is on the browsers' list of unsafe ports (ERR_UNSAFE_PORT).
    const port = 9700 + Math.floor(Math.random() * 2000);
    if (port === 10080) continue;
    const args = [join(HERE, "static-server.mjs"), "--dir", dir, "--port", String(port)];
    for (const h of headers) args.push("--header", h);
    if (cors) args.push("--cors");
    if (gzip) args.push("--gzip");
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    // The server prints "serving ..." once it listens; it exits if the port is taken.
    const listening = await new Promise((done) => {
      const timer = setTimeout(() => done(false), 10_000);
      child.stdout.on("data", (d) => {
        if (String(d).includes("serving")) {
          clearTimeout(timer);
          done(true);
        }
      });
      child.once("exit", () => {
        clearTimeout(timer);
        done(false);
      });
    });
    if (listening) {
      child.stdout.resume();
      const origin = `http://127.0.0.1:${port}`;
      const stop = () =>
        new Promise((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once("exit", () => done());
          child.kill();
        });
      return { url: `${origin}/`, origin, port, stop };
    }
    if (child.exitCode === null) child.kill();
  }
  throw new Error(`static server did not start: ${stderr}`);
}
