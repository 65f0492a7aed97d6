//! Released contract versions. Each is frozen as it shipped: its question
//! bank, its rules and the facts the printed table states. A reference
//! code is read only with its own version (contract v4, "Versions and the
//! reference code"). The widget uses [`CURRENT`] alone, so it never
//! carries an older version; the command line and the staff page reach
//! every one through [`released`].

use super::questions::{Question, QUESTIONS, QUESTIONS_V3};
use super::rules::Rule;
use super::rules_v3::RULES_V3;
use super::rules_v4::RULES_V4;

/// One released contract version.
#[derive(Debug)]
pub struct Version {
    /// The contract version (3 is v3).
    pub number: u32,
    pub bank: &'static [Question; QUESTIONS.len()],
    pub rules: &'static [Rule],
    /// The contract's "skips never escalate" principle, as this version
    /// words it.
    pub skips: &'static str,
    /// What `n` means when `criteria` is unanswered.
    pub n_means: &'static str,
    /// Whether the reference code carries the visitor's language (v4 on).
    pub code_has_language: bool,
    /// Facts this version adds to the printed table (v4 on): each printed
    /// as a paragraph after the rules.
    pub notes: &'static [&'static str],
}

impl PartialEq for Version {
    fn eq(&self, other: &Self) -> bool {
        self.number == other.number
    }
}

impl Eq for Version {}

/// Contract v3, as it shipped.
pub static V3: Version = Version {
    number: 3,
    bank: &QUESTIONS_V3,
    rules: RULES_V3,
    skips: "**Skips never escalate.** An unanswered question never by \
itself sets `withdrawal = medically_managed` or minimum `residential` (every condition that can \
set them holds on answered values, with two exceptions: `recent` in rule 2a, on purpose, and \
`on_medication`, whose reading `none` only keeps the `prescribed_only` exception off), and is \
never \"another risk\" in rule 3. A skip may add flags: `see_doctor_first`, `crisis_line`, \
`talk_to_clinician`, and those of the value it reads as (`overdose_risk` and \
`medication_for_opioids` for `substances`; `co_occurring` or `mental_health_care` for \
`mental_health`).",
    n_means: "the number of `criteria` chosen (2 when unanswered)",
    code_has_language: false,
    notes: &[],
};

/// Contract v4, the current version.
pub static V4: Version = Version {
    number: 4,
    bank: &QUESTIONS,
    rules: RULES_V4,
    skips: "**Skips never escalate.** An unanswered question never by \
itself sets `withdrawal = medically_managed` or minimum `residential` (every condition that can \
set them holds on answered values, with two exceptions: `recent` and `wm_substance` in rule 2a, \
on purpose, since they act only together with an answered `withdrawal = severe`; and \
`on_medication`, whose reading `none` only keeps the `prescribed_only` and \
`on_opioid_treatment` exceptions off), and is never \"another risk\" in rule 3. A skip may add \
flags: `see_doctor_first`, `crisis_line`, `talk_to_clinician`, and those of the value it reads \
as (`overdose_risk` and `medication_for_opioids` for `substances`; `co_occurring` or \
`mental_health_care` for `mental_health`).",
    n_means: "the number of `criteria` chosen (2 when unanswered; 0 when unanswered and \
`substances` is answered `[]`)",
    code_has_language: true,
    notes: &[
        "**W1.** No visitor or staff text states or assumes a substance the visitor did not \
         choose: a text that rests on a skipped `substances` (a flag, a reason, a first-step \
         heading) uses its \"if you use ...\" form or a substance-neutral form; opioid wording \
         needs `chosen(opioids)`, alcohol or sedative wording needs the substance chosen.",
        "**Ambulatory withdrawal from benzodiazepines** (`chosen(benzodiazepines)`) starts a \
         slow taper with the prescriber or clinic that lasts weeks (steps of no more than about \
         a quarter of the dose every 2 weeks); the daily visits above are its start, and the \
         text says so.",
    ],
};

/// The version this product estimates with; the widget carries only it.
pub static CURRENT: &Version = &V4;

/// Every released version, oldest first (the command line and the staff
/// page only: naming this list links the old versions in).
pub fn released() -> [&'static Version; 2] {
    [&V3, &V4]
}

/// A released version by number (`None`: unknown, or 0-2, never read).
pub fn version(number: u32) -> Option<&'static Version> {
    released().into_iter().find(|v| v.number == number)
}
