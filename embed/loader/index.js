// Carepath embed loader. One <script type="module" src=".../carepath.js">
// and one <carepath-assessment> (or <div data-carepath>) element is all a
// page needs. The wasm and its glue load once, from beside this file
// (resolved from this script's own URL, not the page's), however many
// widgets the page has. Until they arrive, the loader draws the first
// screens (the emergency bar, the start screen, the first question and the
// crisis screen), so a visitor sees the 911 / 988 line at once, even if the
// wasm never comes, and can start.
//
// It writes no markup and decides nothing itself: the screens, the states
// they can be in and where each action leads come from the widget's own
// Rust (`carepath shell`), built in with the stylesheet and the wasm's hash
// by embed/build.mjs, which bundles these modules into the one carepath.js:
// - element.js: the element's lifecycle, one record per element;
// - files.js: the wasm (its glue bundled in) and its integrity;
// - screens.js: the screens drawn before the wasm;
// - theme.js: the stylesheet, theme attributes and contrast;
// - attributes.js: the attributes read as the widget reads them.
//
// Importing it touches no browser API but `customElements`, and that only
// in a browser: server rendering (Next.js, Astro) can import it.
import { define } from "./element.js";
import { widget } from "./files.js";

export { contrast, themePairs } from "./theme.js";

/** The warnings the widget gives for these attributes (an object of name
 * to value), for install tools: the widget's own rules, not a copy. */
export async function check(attributes) {
  return (await widget(null)).check(attributes);
}

if (typeof window !== "undefined" && typeof customElements !== "undefined" && typeof HTMLElement !== "undefined") define();
