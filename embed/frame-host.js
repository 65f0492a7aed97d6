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

addEventListener("message", (event) => {
  if (event.origin !== page.origin) return;
  const { type, height } = event.data ?? {};
  if (type !== "carepath:height" || !Number.isInteger(height) || height < 1 || height > 10000) return;
  const iframe = [...document.querySelectorAll("iframe")].find((f) => f.contentWindow === event.source && isOurs(f));
  if (iframe) iframe.height = String(height);
});
