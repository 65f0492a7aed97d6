//! Contract v4's decision table, the current one.

use super::conditions::{Cond, Term};
use super::ids::{FirstContact, Flag, Level, Withdrawal, Q};
use super::rules::*;

use Cond::{All, AnyOf, Not};
use Effect::{CapSeverity, Emergency, FirstStep, Minimum, SeverityMinimum};
use Level::{IntensiveOutpatient as Iop, Outpatient, PartialHospitalization as Php, Residential};

/// The decision table, in the contract's order.
pub static RULES_V4: &[Rule] = &[
    // 1. Safety first.
    rule("1", None, "emergency", EMERGENCY, &[Emergency]),
    // After an emergency, care within days, never "self-guided".
    rule(
        "1b",
        EMO,
        "emergency_follow_up",
        AnyOf(Q::DangerNow, &["yes"]),
        &[Minimum(Outpatient)],
    ),
    // 2. Withdrawal first step: the first of 2a-2f that holds.
    rule_s(
        "2a",
        W,
        "withdrawal_severe",
        "withdrawal_severe_skipped",
        All(&[SEVERE, RECENT, Cond::Term(Term::WmSubstance)]),
        &[FirstStep(Withdrawal::MedicallyManaged)],
    ),
    Rule {
        id: "2b",
        dimension: W,
        key: "withdrawal_mild_high_risk",
        skipped: None,
        variants: &[Variant {
            when: PREGNANT,
            key: "withdrawal_pregnant_sedating",
        }],
        when: All(&[
            SEDATING_CHOSEN,
            Not(&PRESCRIBED_ONLY),
            MILD,
            Cond::Any(&[
                All(&[
                    Cond::Answered(&DAILY),
                    Cond::Any(&[
                        AnyOf(Q::Age, &["65_plus"]),
                        AnyOf(Q::Medical, &["unstable"]),
                        All(&[Cond::Chosen("alcohol"), Cond::Chosen("benzodiazepines")]),
                        HOME_UNSAFE,
                    ]),
                ]),
                All(&[Cond::Answered(&RECENT), PREGNANT]),
            ]),
        ]),
        then: &[FirstStep(Withdrawal::MedicallyManaged)],
    },
    rule(
        "2c",
        W,
        "withdrawal_pregnant_never_stopped",
        All(&[
            PREGNANT,
            SEDATING_CHOSEN,
            Not(&PRESCRIBED_ONLY),
            Cond::Answered(&DAILY),
            AnyOf(Q::Withdrawal, &["never_stopped"]),
            Cond::Answered(&n_at_least(2)),
        ]),
        &[FirstStep(Withdrawal::MedicallyManaged)],
    ),
    Rule {
        id: "2d",
        dimension: W,
        key: "withdrawal_pregnant_opioids",
        skipped: Some("withdrawal_pregnant_doctor"),
        variants: &[Variant {
            when: Not(&Cond::Chosen("opioids")),
            key: "withdrawal_pregnant_doctor",
        }],
        when: All(&[PREGNANT, Cond::Any(&[OPIOID, MILD])]),
        then: &[FirstStep(Withdrawal::None)],
    },
    rule_s(
        "2e",
        W,
        "withdrawal_mild",
        "withdrawal_mild_skipped",
        All(&[
            MILD,
            RECENT,
            Cond::Any(&[
                All(&[SEDATING, Not(&PRESCRIBED_ONLY)]),
                All(&[OPIOID, Not(&ON_OPIOID_TREATMENT)]),
            ]),
        ]),
        &[FirstStep(Withdrawal::Ambulatory)],
    ),
    Rule {
        id: "2f",
        dimension: W,
        key: "withdrawal_none",
        skipped: None,
        variants: &[
            Variant {
                when: PRESCRIBED_ONLY,
                key: "withdrawal_prescribed_taper",
            },
            Variant {
                when: Cond::Unanswered(Q::Withdrawal),
                key: "withdrawal_unknown",
            },
        ],
        when: Cond::Always,
        then: &[FirstStep(Withdrawal::None)],
    },
    rule_s(
        "2g",
        W,
        "stop_with_doctor",
        "stop_with_doctor_skipped",
        All(&[
            SEDATING,
            DAILY,
            Cond::Any(&[
                AnyOf(Q::Withdrawal, &["never_stopped"]),
                Cond::Unanswered(Q::Withdrawal),
            ]),
        ]),
        &[flag(Flag::SeeDoctorFirst)],
    ),
    rule(
        "2h",
        W,
        "withdrawal_severe_history",
        All(&[
            SEVERE,
            Not(&Cond::FirstStep(&[Withdrawal::MedicallyManaged])),
        ]),
        &[flag(Flag::SeeDoctorFirst)],
    ),
    rule_s(
        "2i",
        W,
        "withdrawal_check_with_doctor",
        "withdrawal_check_with_doctor",
        All(&[
            MILD,
            SEDATING,
            Cond::Any(&[
                Cond::Unanswered(Q::Substances),
                Cond::Unanswered(Q::UseFrequency),
            ]),
        ]),
        &[flag(Flag::SeeDoctorFirst)],
    ),
    // Daily `other` drugs (gabapentin, phenibut, muscle relaxants): their
    // withdrawal can be dangerous and no question tells them apart.
    rule_s(
        "2l",
        W,
        "withdrawal_other_doctor",
        "withdrawal_other_doctor",
        All(&[
            AnyOf(Q::Substances, &["other"]),
            DAILY,
            Cond::Any(&[
                AnyOf(Q::Withdrawal, &["mild", "never_stopped"]),
                Cond::Unanswered(Q::Withdrawal),
            ]),
        ]),
        &[flag(Flag::SeeDoctorFirst)],
    ),
    rule(
        "2j",
        W,
        "after_medical_detox",
        Cond::FirstStep(&[Withdrawal::MedicallyManaged]),
        &[Minimum(Iop)],
    ),
    rule(
        "2k",
        W,
        "after_home_detox",
        Cond::FirstStep(&[Withdrawal::Ambulatory]),
        &[Minimum(Outpatient)],
    ),
    // A severe history with recent use and no 24-hour step (stimulants or
    // cannabis alone, or methadone or buprenorphine kept): a doctor soon.
    Rule {
        id: "2m",
        dimension: W,
        key: "withdrawal_severe_other",
        skipped: None,
        variants: &[Variant {
            when: ON_OPIOID_TREATMENT,
            key: "withdrawal_severe_moud",
        }],
        when: All(&[
            SEVERE,
            RECENT,
            Not(&Cond::FirstStep(&[Withdrawal::MedicallyManaged])),
        ]),
        then: &[Minimum(Outpatient)],
    },
    // 3. Severity (n); rule 4a may cap it.
    rule_s(
        "3a",
        RELAPSE,
        "severity_mild",
        "severity_skipped",
        n_between(2, 3),
        &[SeverityMinimum(Outpatient)],
    ),
    rule(
        "3b",
        RELAPSE,
        "severity_moderate",
        n_between(4, 5),
        &[SeverityMinimum(Iop)],
    ),
    rule(
        "3c",
        RELAPSE,
        "severity_severe",
        n_at_least(6),
        &[SeverityMinimum(Iop)],
    ),
    rule(
        "3d",
        RELAPSE,
        "severity_severe_with_risk",
        All(&[n_at_least(6), Cond::Term(Term::AnotherRisk)]),
        &[SeverityMinimum(Php)],
    ),
    // 4. After care.
    rule(
        "4a",
        RELAPSE,
        "step_down_from_residential",
        AnyOf(Q::PastTreatment, &["recent_residential"]),
        &[Minimum(Iop), CapSeverity(Iop)],
    ),
    rule(
        "4b",
        RELAPSE,
        "after_detox",
        AnyOf(Q::PastTreatment, &["recent_detox"]),
        &[Minimum(Iop)],
    ),
    // 5. Relapse.
    rule_s(
        "5",
        RELAPSE,
        "relapse",
        "relapse_skipped",
        All(&[
            AnyOf(Q::PastTreatment, &["relapse_after_recovery"]),
            n_at_least(2),
        ]),
        &[Minimum(Iop)],
    ),
    // 6. Mental health.
    rule_s(
        "6a",
        EMO,
        "mental_health_some",
        "mental_health_some_skipped",
        All(&[n_at_least(2), AnyOf(Q::MentalHealth, &["somewhat"])]),
        &[flag(Flag::CoOccurring)],
    ),
    rule_s(
        "6b",
        EMO,
        "mental_health_a_lot",
        "mental_health_a_lot_skipped",
        All(&[n_at_least(2), AnyOf(Q::MentalHealth, &["a_lot"])]),
        &[Minimum(Iop), flag(Flag::CoOccurring)],
    ),
    rule_s(
        "6c",
        EMO,
        "mental_health_unable",
        "mental_health_unable_skipped",
        All(&[
            n_at_least(2),
            AnyOf(Q::MentalHealth, &["unable_to_function"]),
        ]),
        &[Minimum(Php), flag(Flag::CoOccurring)],
    ),
    rule(
        "6d",
        EMO,
        "mental_health_unable_severe",
        All(&[
            n_at_least(6),
            AnyOf(Q::MentalHealth, &["unable_to_function"]),
        ]),
        &[Minimum(Residential), flag(Flag::CoOccurring)],
    ),
    // v4: `n` may now rest on a skipped checklist (0 after "no
    // substances"), so "you skipped the question on mood" is said only
    // when that question was the one skipped.
    Rule {
        id: "6e",
        dimension: EMO,
        key: "mental_health_care",
        skipped: None,
        variants: &[Variant {
            when: Cond::Unanswered(Q::MentalHealth),
            key: "mental_health_care_skipped",
        }],
        when: All(&[
            n_between(0, 1),
            AnyOf(Q::MentalHealth, &["somewhat", "a_lot"]),
        ]),
        then: &[flag(Flag::MentalHealthCare)],
    },
    rule(
        "6f",
        EMO,
        "mental_health_unable_care",
        All(&[
            n_between(0, 1),
            AnyOf(Q::MentalHealth, &["unable_to_function"]),
        ]),
        &[Minimum(Outpatient), flag(Flag::MentalHealthCare)],
    ),
    // 7. Self-harm.
    rule(
        "7a",
        EMO,
        "self_harm_crisis_line",
        Cond::NoneOf(Q::SelfHarm, &["no"]),
        &[flag(Flag::CrisisLine)],
    ),
    rule_s(
        "7b",
        EMO,
        "self_harm_unanswered",
        "self_harm_unanswered",
        Cond::Unanswered(Q::SelfHarm),
        &[flag(Flag::CrisisLine)],
    ),
    rule_s(
        "7c",
        EMO,
        "self_harm_thoughts",
        "self_harm_thoughts_skipped",
        All(&[AnyOf(Q::SelfHarm, &["wish_or_thoughts"]), n_at_least(2)]),
        &[Minimum(Iop), flag(Flag::CoOccurring)],
    ),
    rule_s(
        "7d",
        EMO,
        "self_harm_method_or_plan",
        "self_harm_method_or_plan_skipped",
        All(&[METHOD_OR_PLAN, n_at_least(2)]),
        &[Minimum(Php), flag(Flag::CoOccurring)],
    ),
    rule(
        "7e",
        EMO,
        "self_harm_care",
        All(&[AnyOf(Q::SelfHarm, &["wish_or_thoughts"]), n_between(0, 1)]),
        &[flag(Flag::MentalHealthCare)],
    ),
    rule(
        "7f",
        EMO,
        "self_harm_method_care",
        All(&[METHOD_OR_PLAN, n_between(0, 1)]),
        &[Minimum(Outpatient), flag(Flag::MentalHealthCare)],
    ),
    // 8. Home (an unanswered home has no value: nothing here holds).
    rule(
        "8a",
        ENV,
        "home_unsafe_severe",
        All(&[HOME_UNSAFE, n_at_least(4)]),
        &[Minimum(Residential)],
    ),
    rule_s(
        "8b",
        ENV,
        "home_unsafe",
        "home_unsafe_skipped",
        All(&[HOME_UNSAFE, n_between(2, 3)]),
        &[Minimum(Iop)],
    ),
    rule(
        "8c",
        ENV,
        "home_unsafe_housing",
        All(&[HOME_UNSAFE, n_at_least(2), ADULT]),
        &[flag(Flag::RecoveryHousing)],
    ),
    rule(
        "8d",
        ENV,
        "home_unsafe_trusted_adult",
        All(&[HOME_UNSAFE, n_at_least(2), Not(&ADULT)]),
        &[flag(Flag::TrustedAdult)],
    ),
    rule_s(
        "8e",
        ENV,
        "home_unsupportive",
        "home_unsupportive_skipped",
        All(&[
            AnyOf(Q::Home, &["stable_unsupportive"]),
            n_at_least(2),
            ADULT,
        ]),
        &[flag(Flag::RecoveryHousing)],
    ),
    // 9. Medical and pregnancy.
    rule(
        "9a",
        BIO,
        "medical_unstable",
        AnyOf(Q::Medical, &["unstable"]),
        &[flag(Flag::SeeDoctorFirst)],
    ),
    rule(
        "9b",
        BIO,
        "pregnant",
        PREGNANT,
        &[flag(Flag::PregnancyCare)],
    ),
    rule_s(
        "9c",
        BIO,
        "pregnant_use",
        "pregnant_use_skipped",
        All(&[PREGNANT, n_at_least(2)]),
        &[Minimum(Iop)],
    ),
    Rule {
        id: "9d",
        dimension: BIO,
        key: "pregnant_opioids",
        skipped: Some("pregnant_stop_with_doctor"),
        variants: &[
            Variant {
                when: All(&[
                    Not(&Cond::Chosen("opioids")),
                    AnyOf(Q::Withdrawal, &["mild", "severe"]),
                ]),
                key: "pregnant_withdrawal",
            },
            Variant {
                when: Not(&Cond::Chosen("opioids")),
                key: "pregnant_stop_with_doctor",
            },
        ],
        when: All(&[
            PREGNANT,
            Cond::Any(&[OPIOID, AnyOf(Q::Withdrawal, &["mild", "severe"])]),
        ]),
        then: &[flag(Flag::SeeDoctorFirst), Minimum(Outpatient)],
    },
    // No safe amount in pregnancy: daily use sees a clinician, unless the
    // only substance is a prescribed sedative taken as prescribed.
    rule(
        "9f",
        BIO,
        "pregnant_daily_use",
        All(&[
            PREGNANT,
            Cond::Answered(&DAILY),
            Not(&All(&[
                PRESCRIBED_ONLY,
                Cond::Answered(&Cond::NoneOf(
                    Q::Substances,
                    &["alcohol", "opioids", "stimulants", "cannabis", "other"],
                )),
            ])),
        ]),
        &[Minimum(Outpatient)],
    ),
    rule_s(
        "9e",
        BIO,
        "pregnant_opioid_medicine",
        "opioids_skipped",
        All(&[PREGNANT, OPIOID, Not(&ON_OPIOID_TREATMENT)]),
        &[flag(Flag::MedicationForOpioids)],
    ),
    // 10. Opioids, street drugs and medication.
    rule_s(
        "10a",
        W,
        "opioids",
        "opioids_skipped",
        OPIOID,
        &[flag(Flag::OverdoseRisk)],
    ),
    rule_s(
        "10b",
        W,
        "opioids_medication",
        "opioids_skipped",
        All(&[OPIOID, Not(&ON_OPIOID_TREATMENT)]),
        &[flag(Flag::MedicationForOpioids)],
    ),
    rule(
        "10c",
        W,
        "stimulants",
        Cond::Chosen("stimulants"),
        &[flag(Flag::OverdoseRisk)],
    ),
    rule(
        "10d",
        BIO,
        "keep_medication",
        AnyOf(
            Q::OnMedication,
            &["opioid_treatment", "prescribed_sedatives", "both"],
        ),
        &[flag(Flag::KeepMedication)],
    ),
    rule(
        "10e",
        BIO,
        "prescribed_sedatives",
        AnyOf(Q::OnMedication, &["prescribed_sedatives", "both"]),
        &[flag(Flag::SeeDoctorFirst)],
    ),
    // Methadone or buprenorphine with sedatives or alcohol can stop
    // breathing: naloxone advice for everyone on them.
    rule(
        "10f",
        W,
        "opioid_treatment_naloxone",
        ON_OPIOID_TREATMENT,
        &[flag(Flag::OverdoseRisk)],
    ),
    // 11. Overdose.
    rule_s(
        "11a",
        W,
        "overdose",
        "overdose_skipped",
        All(&[AnyOf(Q::Overdose, &["yes"]), n_at_least(2)]),
        &[Minimum(Iop), flag(Flag::OverdoseRisk)],
    ),
    rule(
        "11b",
        W,
        "overdose_little_use",
        All(&[AnyOf(Q::Overdose, &["yes"]), n_between(0, 1)]),
        &[Minimum(Outpatient), flag(Flag::OverdoseRisk)],
    ),
    // 12. Age (the adolescent hours are in the weekly commitment).
    rule(
        "12a",
        ENV,
        "under_18",
        All(&[Not(&ADULT), Not(&HOME_UNSAFE)]),
        &[flag(Flag::InvolveGuardian)],
    ),
    rule(
        "12b",
        ENV,
        "under_18_unsafe_home",
        All(&[Not(&ADULT), HOME_UNSAFE]),
        &[flag(Flag::TrustedAdult)],
    ),
    // 13. Readiness changes the first contact, never the level; an
    // emergency puts safety first whatever readiness says.
    rule(
        "13a",
        READY,
        "ready_now",
        All(&[Not(&EMERGENCY), AnyOf(Q::Readiness, &["ready_now"])]),
        &[Effect::FirstContact(FirstContact::ReachOut)],
    ),
    Rule {
        id: "13b",
        dimension: READY,
        key: "not_ready_yet",
        skipped: None,
        variants: &[Variant {
            when: Cond::Unanswered(Q::Readiness),
            key: "readiness_skipped",
        }],
        when: All(&[Not(&EMERGENCY), Not(&AnyOf(Q::Readiness, &["ready_now"]))]),
        then: &[Effect::FirstContact(FirstContact::TalkItOver)],
    },
    rule(
        "13c",
        READY,
        "safety_first",
        EMERGENCY,
        &[Effect::FirstContact(FirstContact::SafetyFirst)],
    ),
    // 15. Skipped answers (rule 14, the center, is in `center.rs`).
    rule(
        "15",
        None,
        "talk_to_clinician",
        Cond::Any(&[
            Cond::Unanswered(Q::Substances),
            Cond::Unanswered(Q::UseFrequency),
            Cond::Unanswered(Q::Withdrawal),
            Cond::Unanswered(Q::Criteria),
            Cond::Unanswered(Q::MentalHealth),
            Cond::Unanswered(Q::SelfHarm),
            Cond::Unanswered(Q::Home),
        ]),
        &[flag(Flag::TalkToClinician)],
    ),
    // 16. Someone else: help for the person asking.
    rule(
        "16",
        None,
        "family_support",
        Cond::Answered(&AnyOf(Q::ForWhom, &["someone_else"])),
        &[flag(Flag::FamilySupport)],
    ),
];
