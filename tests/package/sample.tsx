// Type-checked by tests/e2e/package.test.mjs (tsc --noEmit): the package's
// declarations as a React 19 app uses them.
import "carepath-assessment";
import type {} from "carepath-assessment/react";
import type { CarepathAssessmentElement, CarepathEventMap, CarepathResult } from "carepath-assessment";
import { useEffect, useRef } from "react";

export function CareCheck() {
  const ref = useRef<CarepathAssessmentElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const done = (e: CarepathEventMap["carepath:complete"]) => {
      const result = e.detail as CarepathResult;
      console.log(result.level, result.weekly_hours.min);
    };
    const step = (e: CarepathEventMap["carepath:step"]) => console.log(e.detail.question, e.detail.position);
    el.addEventListener("carepath:complete", done);
    el.addEventListener("carepath:step", step);
    return () => el.removeEventListener("carepath:complete", done);
  }, []);
  return (
    <carepath-assessment ref={ref} center-name="Riverside Recovery" phone="+1-555-010-0199"
      offers="outpatient intensive_outpatient" iop-schedule="Mon-Thu 6pm-9pm" locale="auto"
      share-result theme-accent="#0b5f4a"
      oncarepath:complete={(e) => console.log((e.detail as CarepathResult).level)}
      oncarepath:contact={(e) => console.log(e.detail.action)} />
  );
}

export function WrongHandler() {
  // @ts-expect-error a carepath:step handler gets the step detail, not a string
  return <carepath-assessment oncarepath:step={(e: string) => e} />;
}

export function reset() {
  const el = document.querySelector("carepath-assessment");
  el?.reset();
  // @ts-expect-error reset takes no argument
  el?.reset(1);
  // @ts-expect-error locale is auto, en or es
  const bad = <carepath-assessment locale="fr" />;
  return bad;
}

export function onContact(e: CarepathEventMap["carepath:contact"]) {
  // @ts-expect-error a contact action is one of the named ones
  const other: "email" = e.detail.action;
  return other;
}
