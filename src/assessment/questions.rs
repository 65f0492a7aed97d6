//! The question bank as data: ids, kinds, options, when each question is
//! asked and how an unanswered one is read (the contract's table).

use super::conditions::{Cond, Term};
use super::ids::Q;

/// One choice (radio buttons) or many (checkboxes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    One,
    Many,
}

/// How an unanswered question is read by the rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unanswered {
    /// It must be answered (`danger_now`).
    Required,
    /// Read as if these options were chosen.
    ReadsAs(&'static [&'static str]),
    /// Read as `n` criteria (`criteria`: 2).
    CountsAs(u8),
    /// Read as `n` criteria, or as `none` when `substances` was answered
    /// with nothing chosen (contract v4: "no substances" never invents a
    /// disorder from a skipped checklist).
    CountsAsUnlessNoSubstances { n: u8, none: u8 },
    /// Stays unanswered: the rules name the unanswered case themselves.
    SeeRules(&'static str),
}

/// A question of the bank.
#[derive(Debug)]
pub struct Question {
    pub id: Q,
    pub kind: Kind,
    pub options: &'static [&'static str],
    /// `None`: always asked. Judged on the answers as read, and only on
    /// questions earlier in the bank.
    pub asked_when: Option<Cond>,
    pub unanswered: Unanswered,
}

impl Question {
    /// The index of an option id, if the question has it.
    pub fn option_index(&self, option: &str) -> Option<usize> {
        self.options.iter().position(|o| *o == option)
    }
}

const SUBSTANCES: &[&str] = &[
    "alcohol",
    "opioids",
    "benzodiazepines",
    "stimulants",
    "cannabis",
    "other",
];

const A_SUBSTANCE_CHOSEN: Cond = Cond::AnyChosen(Q::Substances);

/// The current bank (contract v4), in asking order; `QUESTIONS[q.index()].id == q`.
pub static QUESTIONS: [Question; 18] = [
    Question {
        id: Q::DangerNow,
        kind: Kind::One,
        options: &["yes", "no"],
        asked_when: None,
        unanswered: Unanswered::Required,
    },
    Question {
        id: Q::ForWhom,
        kind: Kind::One,
        options: &["self", "someone_else"],
        asked_when: None,
        unanswered: Unanswered::ReadsAs(&["self"]),
    },
    Question {
        id: Q::Age,
        kind: Kind::One,
        options: &["under_18", "18_to_64", "65_plus"],
        asked_when: None,
        unanswered: Unanswered::ReadsAs(&["18_to_64"]),
    },
    Question {
        id: Q::Pregnant,
        kind: Kind::One,
        options: &["yes", "no"],
        asked_when: None,
        unanswered: Unanswered::ReadsAs(&["no"]),
    },
    Question {
        id: Q::Substances,
        kind: Kind::Many,
        options: SUBSTANCES,
        asked_when: None,
        unanswered: Unanswered::ReadsAs(SUBSTANCES),
    },
    Question {
        id: Q::UseFrequency,
        kind: Kind::One,
        options: &["daily", "weekly", "monthly_or_less", "not_in_30_days"],
        asked_when: Some(A_SUBSTANCE_CHOSEN),
        unanswered: Unanswered::ReadsAs(&["daily"]),
    },
    Question {
        id: Q::Withdrawal,
        kind: Kind::One,
        options: &["none", "mild", "severe", "never_stopped"],
        asked_when: Some(Cond::All(&[A_SUBSTANCE_CHOSEN, Cond::Term(Term::Used30d)])),
        unanswered: Unanswered::SeeRules(
            "stays unanswered: sets no first step; flags `see_doctor_first` with `sedating` and `daily` (rule 2)",
        ),
    },
    Question {
        id: Q::OnMedication,
        kind: Kind::One,
        options: &["none", "opioid_treatment", "prescribed_sedatives", "both"],
        asked_when: Some(Cond::AnyOf(Q::Substances, &["opioids", "benzodiazepines"])),
        unanswered: Unanswered::ReadsAs(&["none"]),
    },
    Question {
        id: Q::Overdose,
        kind: Kind::One,
        options: &["yes", "no"],
        asked_when: Some(A_SUBSTANCE_CHOSEN),
        unanswered: Unanswered::ReadsAs(&["no"]),
    },
    Question {
        id: Q::Criteria,
        kind: Kind::Many,
        options: &[
            "more_than_intended",
            "cant_cut_down",
            "time_spent",
            "cravings",
            "role_failure",
            "relationship_problems",
            "gave_up_activities",
            "hazardous_use",
            "health_problems",
            "tolerance",
            "withdrawal_relief",
        ],
        asked_when: None,
        unanswered: Unanswered::CountsAsUnlessNoSubstances { n: 2, none: 0 },
    },
    Question {
        id: Q::MentalHealth,
        kind: Kind::One,
        options: &["not_at_all", "somewhat", "a_lot", "unable_to_function"],
        asked_when: None,
        unanswered: Unanswered::ReadsAs(&["somewhat"]),
    },
    Question {
        id: Q::SelfHarm,
        kind: Kind::One,
        options: &["no", "wish_or_thoughts", "method", "plan_or_attempt"],
        asked_when: None,
        unanswered: Unanswered::SeeRules(
            "flags `crisis_line`; sets no level; never \"another risk\" (rule 3)",
        ),
    },
    Question {
        id: Q::Medical,
        kind: Kind::One,
        options: &["no", "managed", "unstable"],
        asked_when: None,
        unanswered: Unanswered::ReadsAs(&["no"]),
    },
    Question {
        id: Q::PastTreatment,
        kind: Kind::One,
        options: &[
            "never",
            "recent_detox",
            "recent_residential",
            "relapse_after_recovery",
            "other_past",
        ],
        asked_when: None,
        unanswered: Unanswered::ReadsAs(&["never"]),
    },
    Question {
        id: Q::Readiness,
        kind: Kind::One,
        options: &["ready_now", "cut_down", "unsure", "not_now"],
        asked_when: None,
        unanswered: Unanswered::ReadsAs(&["unsure"]),
    },
    Question {
        id: Q::Home,
        kind: Kind::One,
        options: &[
            "stable_supportive",
            "stable_unsupportive",
            "unsafe_or_unstable",
        ],
        asked_when: None,
        unanswered: Unanswered::SeeRules(
            "nothing in rules 3 and 8 (no level, no flag, never \"another risk\"); rule 15 still flags `talk_to_clinician`",
        ),
    },
    Question {
        id: Q::Responsibilities,
        kind: Kind::Many,
        options: &[
            "full_time_work",
            "part_time_work",
            "school",
            "caregiving",
            "none",
        ],
        asked_when: None,
        unanswered: Unanswered::ReadsAs(&["none"]),
    },
    Question {
        id: Q::Schedule,
        kind: Kind::One,
        options: &["daytime", "evenings", "weekends", "flexible"],
        asked_when: None,
        unanswered: Unanswered::ReadsAs(&["flexible"]),
    },
];

/// Contract v3's bank, frozen as it shipped (only `criteria`'s unanswered
/// reading differs from v4's; ids and options are the same, which
/// `Answers` relies on: a test pins it).
pub static QUESTIONS_V3: [Question; 18] = [
    Question {
        id: Q::DangerNow,
        kind: Kind::One,
        options: &["yes", "no"],
        asked_when: None,
        unanswered: Unanswered::Required,
    },
    Question {
        id: Q::ForWhom,
        kind: Kind::One,
        options: &["self", "someone_else"],
        asked_when: None,
        unanswered: Unanswered::ReadsAs(&["self"]),
    },
    Question {
        id: Q::Age,
        kind: Kind::One,
        options: &["under_18", "18_to_64", "65_plus"],
        asked_when: None,
        unanswered: Unanswered::ReadsAs(&["18_to_64"]),
    },
    Question {
        id: Q::Pregnant,
        kind: Kind::One,
        options: &["yes", "no"],
        asked_when: None,
        unanswered: Unanswered::ReadsAs(&["no"]),
    },
    Question {
        id: Q::Substances,
        kind: Kind::Many,
        options: SUBSTANCES,
        asked_when: None,
        unanswered: Unanswered::ReadsAs(SUBSTANCES),
    },
    Question {
        id: Q::UseFrequency,
        kind: Kind::One,
        options: &["daily", "weekly", "monthly_or_less", "not_in_30_days"],
        asked_when: Some(A_SUBSTANCE_CHOSEN),
        unanswered: Unanswered::ReadsAs(&["daily"]),
    },
    Question {
        id: Q::Withdrawal,
        kind: Kind::One,
        options: &["none", "mild", "severe", "never_stopped"],
        asked_when: Some(Cond::All(&[A_SUBSTANCE_CHOSEN, Cond::Term(Term::Used30d)])),
        unanswered: Unanswered::SeeRules(
            "stays unanswered: sets no first step; flags `see_doctor_first` with `sedating` and `daily` (rule 2)",
        ),
    },
    Question {
        id: Q::OnMedication,
        kind: Kind::One,
        options: &["none", "opioid_treatment", "prescribed_sedatives", "both"],
        asked_when: Some(Cond::AnyOf(Q::Substances, &["opioids", "benzodiazepines"])),
        unanswered: Unanswered::ReadsAs(&["none"]),
    },
    Question {
        id: Q::Overdose,
        kind: Kind::One,
        options: &["yes", "no"],
        asked_when: Some(A_SUBSTANCE_CHOSEN),
        unanswered: Unanswered::ReadsAs(&["no"]),
    },
    Question {
        id: Q::Criteria,
        kind: Kind::Many,
        options: &[
            "more_than_intended",
            "cant_cut_down",
            "time_spent",
            "cravings",
            "role_failure",
            "relationship_problems",
            "gave_up_activities",
            "hazardous_use",
            "health_problems",
            "tolerance",
            "withdrawal_relief",
        ],
        asked_when: None,
        unanswered: Unanswered::CountsAs(2),
    },
    Question {
        id: Q::MentalHealth,
        kind: Kind::One,
        options: &["not_at_all", "somewhat", "a_lot", "unable_to_function"],
        asked_when: None,
        unanswered: Unanswered::ReadsAs(&["somewhat"]),
    },
    Question {
        id: Q::SelfHarm,
        kind: Kind::One,
        options: &["no", "wish_or_thoughts", "method", "plan_or_attempt"],
        asked_when: None,
        unanswered: Unanswered::SeeRules(
            "flags `crisis_line`; sets no level; never \"another risk\" (rule 3)",
        ),
    },
    Question {
        id: Q::Medical,
        kind: Kind::One,
        options: &["no", "managed", "unstable"],
        asked_when: None,
        unanswered: Unanswered::ReadsAs(&["no"]),
    },
    Question {
        id: Q::PastTreatment,
        kind: Kind::One,
        options: &[
            "never",
            "recent_detox",
            "recent_residential",
            "relapse_after_recovery",
            "other_past",
        ],
        asked_when: None,
        unanswered: Unanswered::ReadsAs(&["never"]),
    },
    Question {
        id: Q::Readiness,
        kind: Kind::One,
        options: &["ready_now", "cut_down", "unsure", "not_now"],
        asked_when: None,
        unanswered: Unanswered::ReadsAs(&["unsure"]),
    },
    Question {
        id: Q::Home,
        kind: Kind::One,
        options: &[
            "stable_supportive",
            "stable_unsupportive",
            "unsafe_or_unstable",
        ],
        asked_when: None,
        unanswered: Unanswered::SeeRules(
            "nothing in rules 3 and 8 (no level, no flag, never \"another risk\"); rule 15 still flags `talk_to_clinician`",
        ),
    },
    Question {
        id: Q::Responsibilities,
        kind: Kind::Many,
        options: &[
            "full_time_work",
            "part_time_work",
            "school",
            "caregiving",
            "none",
        ],
        asked_when: None,
        unanswered: Unanswered::ReadsAs(&["none"]),
    },
    Question {
        id: Q::Schedule,
        kind: Kind::One,
        options: &["daytime", "evenings", "weekends", "flexible"],
        asked_when: None,
        unanswered: Unanswered::ReadsAs(&["flexible"]),
    },
];

/// The bank entry of a question.
pub fn question(q: Q) -> &'static Question {
    &QUESTIONS[q.index()]
}
