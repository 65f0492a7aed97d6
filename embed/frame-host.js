// Host side of the iframe form: sizes every <iframe> that shows frame.html
// from this folder to the height its page posts. One line on the host page:
//   <script type="module" src="https://cdn.example.org/carepath/v2/frame-host.js"></script>
// A message counts only if it comes from this folder's origin and from the
// iframe's own window (another frame of that origin cannot size it).
const page = new URL("frame.html", import.meta.url);

const isOurs = (iframe) => {
  try {
    const url = new URL(iframe.src);
    return url.origin === page.origin && url.pathname === page.pathname;
  } catch {
    return false;
  }
};

// Quick exit from inside the frame: a key press gives the frame no right to
// move the top page, so it asks; the host page leaves for the iframe's
// data-exit-url (an absolute https: or http: address), else the default.
// Filled in by the build from the schema (exit-url's default).
const EXIT_URL = null;
const leave = (iframe) => {
  const asked = (iframe.dataset.exitUrl ?? "").trim();
  location.replace(/^https?:\/\/[^/?#\s<>"]+/i.test(asked) ? asked : EXIT_URL);
};

// A sandboxed iframe without the flags the form needs still shows 911 and
// 988, but its tel: and sms: links, its exit or its summary do nothing when
// pressed: the console names each missing flag and what it breaks, once per
// iframe. Filled in by the build (host_config::FRAME_SANDBOX): [flag, keeps].
const SANDBOX = null;
const checked = new WeakSet();
const checkSandbox = (iframe) => {
  if (checked.has(iframe) || !iframe.hasAttribute("sandbox")) return;
  checked.add(iframe);
  // The browser reads the flags in any case; allow-top-navigation covers its
  // by-user-activation form.
  const given = new Set([...iframe.sandbox].map((f) => f.toLowerCase()));
  if (given.has("allow-top-navigation")) given.add("allow-top-navigation-by-user-activation");
  const missing = SANDBOX.filter(({ flag }) => !given.has(flag));
  if (!missing.length) return;
  console.warn(`carepath: this iframe's sandbox lacks ${missing.map((m) => m.flag).join(", ")}, so without them: ${missing.map((m) => `${m.flag}: ${m.keeps}`).join("; ")}. Use sandbox="${SANDBOX.map((m) => m.flag).join(" ")}".`, iframe);
};
const checkAll = () => document.querySelectorAll("iframe").forEach((f) => isOurs(f) && checkSandbox(f));
// Now, and for iframes a site builder adds later (one without scripts or
// its own origin never posts a message to be checked on).
// Only a change that adds an iframe is looked at: a busy page's other
// mutations cost nothing here.
const addsFrame = (n) => n.nodeType === 1 && (n.localName === "iframe" || n.querySelector("iframe"));
const watch = () => {
  checkAll();
  new MutationObserver((records) => records.some((r) => [...r.addedNodes].some(addsFrame)) && checkAll())
    .observe(document.documentElement, { childList: true, subtree: true });
};
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
else watch();

addEventListener("message", (event) => {
  if (event.origin !== page.origin) return;
  if (event.data?.type === "carepath:exit") {
    const iframe = [...document.querySelectorAll("iframe")].find((f) => f.contentWindow === event.source && isOurs(f));
    if (iframe) leave(iframe);
    return;
  }
  const { type, height } = event.data ?? {};
  if (type !== "carepath:height" || !Number.isInteger(height) || height < 1 || height > 10000) return;
  const iframe = [...document.querySelectorAll("iframe")].find((f) => f.contentWindow === event.source && isOurs(f));
  if (!iframe) return;
  checkSandbox(iframe);
  iframe.height = String(height);
});
