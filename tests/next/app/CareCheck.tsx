"use client";
// The package README's recipe, as is: a top-level import (no effect, no
// dynamic import). Next.js renders this component on the server too, so
// importing the package must touch no browser API there.
import "carepath-assessment";
import type {} from "carepath-assessment/react";
import type { CarepathAssessmentElement, CarepathEventMap } from "carepath-assessment";
import { useEffect, useRef } from "react";

export default function CareCheck() {
  const ref = useRef<CarepathAssessmentElement>(null);
  // Next.js's compiler (SWC) refuses JSX names with a colon
  // (oncarepath:complete), so events are listened to with a ref.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const done = (e: CarepathEventMap["carepath:complete"]) => console.log(`complete ${JSON.stringify(e.detail)}`);
    el.addEventListener("carepath:complete", done);
    return () => el.removeEventListener("carepath:complete", done);
  }, []);
  return (
    <carepath-assessment
      ref={ref}
      id="w"
      center-name="Riverside Recovery"
      phone="+1-555-010-0199"
      offers="outpatient intensive_outpatient"
    />
  );
}
