//! The contract's rules as data. The engine evaluates exactly these values
//! and `carepath rules` prints them, so the table cannot drift from what runs.

use super::conditions::{Cond, Term};
use super::ids::{Dimension, FirstContact, Flag, Level, Withdrawal, Q};

/// What a rule does when its condition holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// `urgent = emergency`.
    Emergency,
    /// The withdrawal first step; among these rules the first that holds wins.
    FirstStep(Withdrawal),
    /// A minimum level.
    Minimum(Level),
    /// A rule-3 (severity) minimum: the only kind a cap applies to.
    SeverityMinimum(Level),
    /// Caps the rule-3 minimum (rule 4's step down).
    CapSeverity(Level),
    Flag(Flag),
    FirstContact(FirstContact),
}

/// One row of the decision table.
#[derive(Debug)]
pub struct Rule {
    /// The contract rule and sub-case, e.g. `2a`.
    pub id: &'static str,
    /// The ASAM dimension the rule speaks for (`None`: safety, above them).
    pub dimension: Option<Dimension>,
    /// The message key of the reason the widget shows when this rule drives
    /// its dimension.
    pub key: &'static str,
    pub when: Cond,
    pub then: &'static [Effect],
}

use Cond::{All, AnyOf, Criteria, Not};
use Effect::{CapSeverity, Emergency, FirstStep, Minimum, SeverityMinimum};
use Level::{IntensiveOutpatient as Iop, Outpatient, PartialHospitalization as Php, Residential};

const fn n_at_least(min: u8) -> Cond {
    Criteria { min, max: None }
}
const fn n_between(min: u8, max: u8) -> Cond {
    Criteria {
        min,
        max: Some(max),
    }
}
const RECENT: Cond = Cond::Term(Term::Recent);
const SEDATING: Cond = Cond::Term(Term::Sedating);
const OPIOID: Cond = Cond::Term(Term::Opioid);
const ADULT: Cond = Cond::Term(Term::Adult);
const HOME_UNSAFE: Cond = AnyOf(Q::Home, &["unsafe_or_unstable"]);
const PREGNANT: Cond = AnyOf(Q::Pregnant, &["yes"]);
const WITHDRAWAL_NOT_KNOWN: Cond = Cond::Any(&[
    AnyOf(Q::Withdrawal, &["never_stopped"]),
    Cond::Unanswered(Q::Withdrawal),
]);
const SELF_HARM_ANY: Cond = AnyOf(
    Q::SelfHarm,
    &["wish_or_thoughts", "method", "plan_or_attempt"],
);

const W: Option<Dimension> = Some(Dimension::Withdrawal);
const BIO: Option<Dimension> = Some(Dimension::Biomedical);
const EMO: Option<Dimension> = Some(Dimension::Emotional);
const READY: Option<Dimension> = Some(Dimension::Readiness);
const RELAPSE: Option<Dimension> = Some(Dimension::Relapse);
const ENV: Option<Dimension> = Some(Dimension::Environment);

/// The decision table, in the contract's order.
pub static RULES: &[Rule] = &[
    // 1. Safety first.
    Rule {
        id: "1",
        dimension: None,
        key: "emergency",
        when: Cond::Any(&[
            AnyOf(Q::DangerNow, &["yes"]),
            AnyOf(Q::SelfHarm, &["plan_or_attempt"]),
        ]),
        then: &[Emergency],
    },
    // 2. Withdrawal first step: the first of 2a-2f that holds.
    Rule {
        id: "2a",
        dimension: W,
        key: "withdrawal_severe",
        when: All(&[AnyOf(Q::Withdrawal, &["severe"]), RECENT]),
        then: &[FirstStep(Withdrawal::MedicallyManaged)],
    },
    Rule {
        id: "2b",
        dimension: W,
        key: "withdrawal_mild_high_risk",
        when: All(&[
            SEDATING,
            RECENT,
            AnyOf(Q::Withdrawal, &["mild"]),
            Cond::Any(&[
                AnyOf(Q::Age, &["65_plus"]),
                AnyOf(Q::Medical, &["unstable"]),
                PREGNANT,
                All(&[
                    AnyOf(Q::Substances, &["alcohol"]),
                    AnyOf(Q::Substances, &["benzodiazepines"]),
                ]),
                HOME_UNSAFE,
            ]),
        ]),
        then: &[FirstStep(Withdrawal::MedicallyManaged)],
    },
    Rule {
        id: "2c",
        dimension: W,
        key: "withdrawal_pregnant_sedating",
        when: All(&[PREGNANT, SEDATING, RECENT, WITHDRAWAL_NOT_KNOWN]),
        then: &[FirstStep(Withdrawal::MedicallyManaged)],
    },
    Rule {
        id: "2d",
        dimension: W,
        key: "withdrawal_pregnant_opioids",
        when: All(&[PREGNANT, OPIOID, Not(&SEDATING)]),
        then: &[FirstStep(Withdrawal::None)],
    },
    Rule {
        id: "2e",
        dimension: W,
        key: "withdrawal_mild",
        when: All(&[
            AnyOf(Q::Withdrawal, &["mild"]),
            RECENT,
            Cond::Any(&[
                SEDATING,
                All(&[OPIOID, Not(&Cond::Term(Term::OnOpioidTreatment))]),
            ]),
        ]),
        then: &[FirstStep(Withdrawal::Ambulatory)],
    },
    Rule {
        id: "2f",
        dimension: W,
        key: "withdrawal_none",
        when: Cond::Always,
        then: &[FirstStep(Withdrawal::None)],
    },
    Rule {
        id: "2g",
        dimension: W,
        key: "stop_with_doctor",
        when: All(&[
            SEDATING,
            AnyOf(Q::UseFrequency, &["daily"]),
            WITHDRAWAL_NOT_KNOWN,
        ]),
        then: &[Effect::Flag(Flag::SeeDoctorFirst)],
    },
    Rule {
        id: "2h",
        dimension: W,
        key: "after_medical_detox",
        when: Cond::FirstStep(&[Withdrawal::MedicallyManaged]),
        then: &[Minimum(Iop)],
    },
    Rule {
        id: "2i",
        dimension: W,
        key: "after_home_detox",
        when: Cond::FirstStep(&[Withdrawal::Ambulatory]),
        then: &[Minimum(Outpatient)],
    },
    // 3. Severity (n); rule 4a may cap it.
    Rule {
        id: "3a",
        dimension: RELAPSE,
        key: "severity_mild",
        when: n_between(2, 3),
        then: &[SeverityMinimum(Outpatient)],
    },
    Rule {
        id: "3b",
        dimension: RELAPSE,
        key: "severity_moderate",
        when: n_between(4, 5),
        then: &[SeverityMinimum(Iop)],
    },
    Rule {
        id: "3c",
        dimension: RELAPSE,
        key: "severity_severe",
        when: n_at_least(6),
        then: &[SeverityMinimum(Iop)],
    },
    Rule {
        id: "3d",
        dimension: RELAPSE,
        key: "severity_severe_with_risk",
        when: All(&[n_at_least(6), Cond::Term(Term::AnotherRisk)]),
        then: &[SeverityMinimum(Php)],
    },
    // 4. After care.
    Rule {
        id: "4a",
        dimension: RELAPSE,
        key: "step_down_from_residential",
        when: AnyOf(Q::PastTreatment, &["recent_residential"]),
        then: &[Minimum(Iop), CapSeverity(Iop)],
    },
    Rule {
        id: "4b",
        dimension: RELAPSE,
        key: "after_detox",
        when: AnyOf(Q::PastTreatment, &["recent_detox"]),
        then: &[Minimum(Iop)],
    },
    // 5. Relapse.
    Rule {
        id: "5",
        dimension: RELAPSE,
        key: "relapse",
        when: All(&[
            AnyOf(Q::PastTreatment, &["relapse_after_recovery"]),
            n_at_least(2),
        ]),
        then: &[Minimum(Iop)],
    },
    // 6. Mental health.
    Rule {
        id: "6a",
        dimension: EMO,
        key: "mental_health_some",
        when: All(&[n_at_least(2), AnyOf(Q::MentalHealth, &["somewhat"])]),
        then: &[Effect::Flag(Flag::CoOccurring)],
    },
    Rule {
        id: "6b",
        dimension: EMO,
        key: "mental_health_a_lot",
        when: All(&[n_at_least(2), AnyOf(Q::MentalHealth, &["a_lot"])]),
        then: &[Minimum(Iop), Effect::Flag(Flag::CoOccurring)],
    },
    Rule {
        id: "6c",
        dimension: EMO,
        key: "mental_health_unable",
        when: All(&[
            n_at_least(2),
            AnyOf(Q::MentalHealth, &["unable_to_function"]),
        ]),
        then: &[Minimum(Residential), Effect::Flag(Flag::CoOccurring)],
    },
    Rule {
        id: "6d",
        dimension: EMO,
        key: "mental_health_care",
        when: All(&[
            n_between(0, 1),
            AnyOf(
                Q::MentalHealth,
                &["somewhat", "a_lot", "unable_to_function"],
            ),
        ]),
        then: &[Effect::Flag(Flag::MentalHealthCare)],
    },
    // 7. Self-harm.
    Rule {
        id: "7a",
        dimension: EMO,
        key: "self_harm_crisis_line",
        when: SELF_HARM_ANY,
        then: &[Effect::Flag(Flag::CrisisLine)],
    },
    Rule {
        id: "7b",
        dimension: EMO,
        key: "self_harm_unanswered",
        when: Cond::Unanswered(Q::SelfHarm),
        then: &[Effect::Flag(Flag::CrisisLine)],
    },
    Rule {
        id: "7c",
        dimension: EMO,
        key: "self_harm_thoughts",
        when: All(&[AnyOf(Q::SelfHarm, &["wish_or_thoughts"]), n_at_least(2)]),
        then: &[Minimum(Iop), Effect::Flag(Flag::CoOccurring)],
    },
    Rule {
        id: "7d",
        dimension: EMO,
        key: "self_harm_method_or_plan",
        when: All(&[
            AnyOf(Q::SelfHarm, &["method", "plan_or_attempt"]),
            n_at_least(2),
        ]),
        then: &[Minimum(Php), Effect::Flag(Flag::CoOccurring)],
    },
    Rule {
        id: "7e",
        dimension: EMO,
        key: "self_harm_care",
        when: All(&[SELF_HARM_ANY, n_between(0, 1)]),
        then: &[Effect::Flag(Flag::MentalHealthCare)],
    },
    // 8. Home.
    Rule {
        id: "8a",
        dimension: ENV,
        key: "home_unsafe_severe",
        when: All(&[HOME_UNSAFE, n_at_least(4)]),
        then: &[Minimum(Residential)],
    },
    Rule {
        id: "8b",
        dimension: ENV,
        key: "home_unsafe",
        when: All(&[HOME_UNSAFE, n_between(2, 3)]),
        then: &[Minimum(Iop)],
    },
    Rule {
        id: "8c",
        dimension: ENV,
        key: "home_unsafe_housing",
        when: All(&[HOME_UNSAFE, n_between(2, 3), ADULT]),
        then: &[Effect::Flag(Flag::RecoveryHousing)],
    },
    Rule {
        id: "8d",
        dimension: ENV,
        key: "home_unsafe_trusted_adult",
        when: All(&[HOME_UNSAFE, n_between(2, 3), Not(&ADULT)]),
        then: &[Effect::Flag(Flag::TrustedAdult)],
    },
    Rule {
        id: "8e",
        dimension: ENV,
        key: "home_unsupportive_severe",
        when: All(&[AnyOf(Q::Home, &["stable_unsupportive"]), n_at_least(6)]),
        then: &[Minimum(Residential)],
    },
    Rule {
        id: "8f",
        dimension: ENV,
        key: "home_unsupportive",
        when: All(&[
            AnyOf(Q::Home, &["stable_unsupportive"]),
            n_between(2, 5),
            ADULT,
        ]),
        then: &[Effect::Flag(Flag::RecoveryHousing)],
    },
    // 9. Medical and pregnancy.
    Rule {
        id: "9a",
        dimension: BIO,
        key: "medical_unstable",
        when: AnyOf(Q::Medical, &["unstable"]),
        then: &[Effect::Flag(Flag::SeeDoctorFirst)],
    },
    Rule {
        id: "9b",
        dimension: BIO,
        key: "pregnant",
        when: PREGNANT,
        then: &[Effect::Flag(Flag::PregnancyCare)],
    },
    Rule {
        id: "9c",
        dimension: BIO,
        key: "pregnant_use",
        when: All(&[PREGNANT, n_at_least(2)]),
        then: &[Minimum(Iop)],
    },
    Rule {
        id: "9d",
        dimension: BIO,
        key: "pregnant_opioids",
        when: All(&[PREGNANT, OPIOID]),
        then: &[
            Effect::Flag(Flag::SeeDoctorFirst),
            Effect::Flag(Flag::MedicationForOpioids),
        ],
    },
    // 10. Opioids and medication.
    Rule {
        id: "10a",
        dimension: W,
        key: "opioids",
        when: OPIOID,
        then: &[
            Effect::Flag(Flag::OverdoseRisk),
            Effect::Flag(Flag::MedicationForOpioids),
        ],
    },
    Rule {
        id: "10b",
        dimension: BIO,
        key: "keep_medication",
        when: AnyOf(
            Q::OnMedication,
            &["opioid_treatment", "prescribed_sedatives", "both"],
        ),
        then: &[Effect::Flag(Flag::KeepMedication)],
    },
    Rule {
        id: "10c",
        dimension: BIO,
        key: "prescribed_sedatives",
        when: AnyOf(Q::OnMedication, &["prescribed_sedatives", "both"]),
        then: &[Effect::Flag(Flag::SeeDoctorFirst)],
    },
    // 11. Overdose.
    Rule {
        id: "11",
        dimension: W,
        key: "overdose",
        when: AnyOf(Q::Overdose, &["yes"]),
        then: &[Minimum(Iop), Effect::Flag(Flag::OverdoseRisk)],
    },
    // 12. Age (the adolescent hours are in the weekly commitment).
    Rule {
        id: "12a",
        dimension: ENV,
        key: "under_18",
        when: All(&[Not(&ADULT), Not(&HOME_UNSAFE)]),
        then: &[Effect::Flag(Flag::InvolveGuardian)],
    },
    Rule {
        id: "12b",
        dimension: ENV,
        key: "under_18_unsafe_home",
        when: All(&[Not(&ADULT), HOME_UNSAFE]),
        then: &[Effect::Flag(Flag::TrustedAdult)],
    },
    // 13. Readiness changes the first contact, never the level.
    Rule {
        id: "13a",
        dimension: READY,
        key: "ready_now",
        when: AnyOf(Q::Readiness, &["ready_now"]),
        then: &[Effect::FirstContact(FirstContact::ReachOut)],
    },
    Rule {
        id: "13b",
        dimension: READY,
        key: "not_ready_yet",
        when: Not(&AnyOf(Q::Readiness, &["ready_now"])),
        then: &[Effect::FirstContact(FirstContact::TalkItOver)],
    },
];

impl Effect {
    /// The effect in words, for the Markdown decision table.
    pub fn describe(&self) -> String {
        match self {
            Emergency => "urgent = `emergency` (911 / 988 first)".to_string(),
            FirstStep(w) => format!("withdrawal = `{w}`"),
            Minimum(l) => format!("minimum `{l}`"),
            SeverityMinimum(l) => format!("severity minimum `{l}` (rule 4a may cap it)"),
            CapSeverity(l) => format!("caps the rule-3 minimum at `{l}`"),
            Effect::Flag(f) => format!("flag `{f}`"),
            Effect::FirstContact(c) => format!("first_contact = `{c}`"),
        }
    }
}

impl Rule {
    /// Whether this rule is one of rule 2's ordered first-step rules.
    pub fn is_first_step(&self) -> bool {
        self.then.iter().any(|e| matches!(e, FirstStep(_)))
    }
}
