// The element's public API, described once: the TypeScript declarations
// (carepath.d.ts, react.d.ts) and the Custom Elements Manifest are
// generated from it by release/build.mjs, which also checks that it names
// exactly the attributes the widget reads (`carepath shell`).

const color = (what) => ({ type: "string", description: `A CSS color for ${what}; checked for contrast (WCAG AA), the default is used when it fails.` });

export const ATTRIBUTES = {
  "center-name": { type: "string", description: "The center's name on the call and contact buttons (shown as text, never HTML)." },
  phone: { type: "string", description: "The center's phone number (7-15 digits; never 911 or 988) for the call button." },
  "contact-url": { type: "string", description: "The center's intake page (https:, http:, mailto: or tel: only)." },
  offers: { type: "string", description: "The care the center offers, ids separated by spaces: self_guided outpatient intensive_outpatient partial_hospitalization residential ambulatory_withdrawal medically_managed_withdrawal." },
  "outpatient-schedule": { type: "string", description: "The center's outpatient sessions, e.g. \"Mon-Thu 6pm-9pm; Sat 9am-12pm\"." },
  "iop-schedule": { type: "string", description: "The center's intensive outpatient sessions, e.g. \"Mon Wed Thu 18:00-21:00\"." },
  "php-schedule": { type: "string", description: "The center's partial hospitalization sessions, e.g. \"Mon-Fri 9am-3pm\"." },
  locale: { type: '"auto" | "en" | "es"', description: "The language: auto (the default) takes the page's lang when it is Spanish, else the browser's languages." },
  remember: { type: '"session" | "off"', description: "session keeps the visitor's place for this browser tab (needs an id on the element)." },
  "share-progress": { type: "boolean", description: "Opt-in: carepath:step events name each question reached (which questions are asked reveals answers)." },
  "share-result": { type: "boolean", description: "Opt-in: carepath:complete carries the result (health information)." },
  "share-answers": { type: "boolean", description: "Opt-in, with share-result: carepath:complete also carries the answers." },
  shadow: { type: '"closed" | "open"', description: "open lets page scripts read the widget (closed by default: they cannot read the answers)." },
  "theme-accent": color("buttons and headings"),
  "theme-accent-text": color("text on the accent color"),
  "theme-text": color("body text"),
  "theme-surface": color("the background"),
  "theme-muted": color("hints and notes"),
  "theme-soft": color("panels"),
  "theme-urgent": color("the emergency line"),
  "theme-focus": color("the focus ring"),
  "theme-font": { type: "string", description: "A CSS font-family for the widget." },
  "theme-radius": { type: "string", description: "A CSS border-radius for buttons and panels, e.g. 8px." },
  files: { type: "string", description: "The folder (a URL) that holds carepath-widget.js and carepath-widget_bg.wasm, e.g. a CDN; by default beside carepath.js." },
};

export const METHODS = {
  reset: { description: "Starts over, clearing every answer.", returns: "void" },
};

// Each event's detail. None carries health meaning unless the host opted in.
export const EVENTS = {
  "carepath:start": { detail: "CarepathStartDetail", description: "The visitor pressed Start. The detail is empty." },
  "carepath:step": { detail: "CarepathStepDetail", description: "A question is on screen (only with share-progress)." },
  "carepath:complete": { detail: "CarepathCompleteDetail", description: "The result is on screen. The detail is empty unless share-result (and share-answers) is set." },
  "carepath:contact": { detail: "CarepathContactDetail", description: "A contact action was used: call, contact or print (helpline and find_treatment only with share-result)." },
};

export const TYPES = `
/** The carepath:start detail: empty. */
export type CarepathStartDetail = Record<string, never>;

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
  action: "call" | "contact" | "print" | "helpline" | "find_treatment";
}
`;
