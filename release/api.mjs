// The element's event detail types, for the TypeScript declarations that
// release/build.mjs writes. The attributes, methods and events themselves
// are declared once, in Rust (src/host_config/schema.rs), and reach the
// declarations through `carepath schema`.

export const TYPES = `
/** The carepath:start detail: empty. */
export type CarepathStartDetail = Record<string, never>;

/** The carepath:exit detail: none (quick exit says nothing of the visitor). */
export type CarepathExitDetail = null;

/** The carepath:step detail (share-progress). */
export interface CarepathStepDetail {
  question: string;
  /** 1 for the first question. */
  position: number;
}

export interface CarepathRange { min: number; max: number }
export interface CarepathSession { day: "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun"; start: string; end: string }
export type CarepathLevel = "self_guided" | "outpatient" | "intensive_outpatient" | "partial_hospitalization" | "residential";

/** The result (share-result), as the assessment contract's JSON. */
export interface CarepathResult {
  urgent: "none" | "emergency";
  withdrawal: "none" | "ambulatory" | "medically_managed";
  level: CarepathLevel;
  weekly_hours: CarepathRange;
  days_per_week: CarepathRange;
  weeks: CarepathRange | null;
  schedule: { source: "center" | "generic"; sessions: CarepathSession[]; hours_per_week: number };
  center_program: { sessions: CarepathSession[]; hours_per_week: number } | null;
  center_offers_level: boolean | null;
  center_offers_first_step: boolean | null;
  first_contact: "reach_out" | "talk_it_over" | "safety_first";
  flags: string[];
  unanswered: string[];
  reasons: { dimension: string; key: string; rule: string | null; level: CarepathLevel | null; drives: boolean }[];
  phases: { phase: string; care: string; days?: CarepathRange; weeks?: CarepathRange }[];
  /** The answers, question id to option id(s) (share-answers). */
  answers?: Record<string, string | string[]>;
}

/** The carepath:complete detail: empty, or the result (share-result). */
export type CarepathCompleteDetail = Record<string, never> | CarepathResult;

/** The carepath:contact detail. */
export interface CarepathContactDetail {
  action: "call" | "sms" | "contact" | "print" | "helpline" | "find_treatment";
}
`;
