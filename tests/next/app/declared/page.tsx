// A server component with the care check's first screen in the page's
// HTML (the package README's recipe): React 19 cannot hydrate a declared
// shadow root, so the element goes in a wrapper's HTML, which React leaves
// as it is; the loader (imported by a client component) takes it over.
import { carepathHtml } from "carepath-assessment/html";
import Loader from "./Loader";

export default function Declared() {
  const html = carepathHtml(
    { id: "w", "center-name": "Riverside Recovery", phone: "+1-555-010-0199", offers: "outpatient intensive_outpatient", shadow: "open" },
    { pageLang: "en" },
  );
  return (
    <main>
      <h1>Riverside Recovery</h1>
      <div suppressHydrationWarning dangerouslySetInnerHTML={{ __html: html }} />
      <Loader />
    </main>
  );
}
