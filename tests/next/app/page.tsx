// A server component (prerendered at build time) with the care check in it.
import CareCheck from "./CareCheck";

export default function Home() {
  return (
    <main>
      <h1>Riverside Recovery</h1>
      <CareCheck />
    </main>
  );
}
