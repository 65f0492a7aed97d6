//! One test (or more) per contract rule, named for the case it pins.

mod common;

use carepath::assessment::{Answers, Center, FirstContact, Flag, Level, Urgent, Withdrawal, Q};
use common::{base, has_flag, level, run, run_with, AnswersExt};
use Level::{
    IntensiveOutpatient as Iop, Outpatient, PartialHospitalization as Php, Residential, SelfGuided,
};

/// A change to the answers that adds one risk.
type Change = fn(Answers) -> Answers;

fn drinker(frequency: &str, withdrawal: &str) -> Answers {
    base()
        .with(Q::Substances, &["alcohol"])
        .set1(Q::UseFrequency, frequency)
        .set1(Q::Withdrawal, withdrawal)
}

fn opioid_user(withdrawal: &str, medication: &str) -> Answers {
    base()
        .with(Q::Substances, &["opioids"])
        .set1(Q::UseFrequency, "daily")
        .set1(Q::Withdrawal, withdrawal)
        .set1(Q::OnMedication, medication)
}

#[test]
fn base_case_is_self_guided_with_nothing_flagged() {
    let r = run(&base());
    assert_eq!(r.level, SelfGuided);
    assert_eq!(r.urgent, Urgent::None);
    assert_eq!(r.withdrawal, Withdrawal::None);
    assert!(r.flags.is_empty(), "{:?}", r.flags);
    assert!(r.unanswered.is_empty(), "{:?}", r.unanswered);
}

// Rule 1.

#[test]
fn rule_1_danger_now_yes_is_emergency() {
    assert_eq!(
        run(&base().set1(Q::DangerNow, "yes")).urgent,
        Urgent::Emergency
    );
}

#[test]
fn rule_1_self_harm_plan_or_attempt_is_emergency() {
    let r = run(&base().set1(Q::SelfHarm, "plan_or_attempt"));
    assert_eq!(r.urgent, Urgent::Emergency);
}

#[test]
fn rule_1_method_or_thoughts_alone_are_not_emergency() {
    for answer in ["no", "wish_or_thoughts", "method"] {
        assert_eq!(
            run(&base().set1(Q::SelfHarm, answer)).urgent,
            Urgent::None,
            "{answer}"
        );
    }
}

#[test]
fn rule_1_emergency_still_computes_the_level_for_once_you_are_safe() {
    let r = run(&base().set1(Q::DangerNow, "yes").n(4));
    assert_eq!(r.urgent, Urgent::Emergency);
    assert_eq!(r.level, Iop);
    assert_eq!(r.phases[0].care, carepath::assessment::Care::Emergency);
}

// Rule 2: withdrawal first step.

#[test]
fn rule_2a_severe_withdrawal_with_recent_use_is_medically_managed() {
    // v4: for the substances whose withdrawal can kill (wm_substance).
    for substance in ["alcohol", "benzodiazepines", "other", "opioids"] {
        for frequency in ["daily", "weekly"] {
            let a = base()
                .with(Q::Substances, &[substance])
                .set1(Q::UseFrequency, frequency)
                .set1(Q::Withdrawal, "severe");
            assert_eq!(
                run(&a).withdrawal,
                Withdrawal::MedicallyManaged,
                "{substance} {frequency}"
            );
        }
    }
}

#[test]
fn rule_2a_v4_a_severe_history_with_stimulants_cannabis_or_kept_medication_is_a_doctor_soon() {
    // No 24-hour step: at least outpatient (2m), see a doctor first (2h).
    let cases: [(&[&str], Option<&str>); 4] = [
        (&["cannabis"], None),
        (&["stimulants"], None),
        (&["stimulants", "cannabis"], None),
        (&["opioids"], Some("opioid_treatment")),
    ];
    for (substances, medication) in cases {
        let mut a = base()
            .with(Q::Substances, substances)
            .set1(Q::UseFrequency, "daily")
            .set1(Q::Withdrawal, "severe");
        if let Some(m) = medication {
            a = a.set1(Q::OnMedication, m);
        }
        let r = run(&a);
        assert_eq!(
            (r.withdrawal, r.level),
            (Withdrawal::None, Outpatient),
            "{substances:?}"
        );
        assert!(r.flags.contains(&Flag::SeeDoctorFirst), "{substances:?}");
    }
}

#[test]
fn rule_2a_severe_withdrawal_without_recent_use_is_not_a_first_step() {
    let a = base()
        .set1(Q::UseFrequency, "monthly_or_less")
        .set1(Q::Withdrawal, "severe");
    assert_eq!(run(&a).withdrawal, Withdrawal::None);
}

#[test]
fn rule_2b_mild_daily_alcohol_withdrawal_with_each_risk_is_medically_managed() {
    let risks: [(&str, Change); 4] = [
        ("age 65_plus", |a| a.set1(Q::Age, "65_plus")),
        ("medical unstable", |a| a.set1(Q::Medical, "unstable")),
        ("alcohol and benzodiazepines", |a| {
            a.with(Q::Substances, &["alcohol", "benzodiazepines"])
        }),
        ("home unsafe", |a| a.set1(Q::Home, "unsafe_or_unstable")),
    ];
    for (name, add) in risks {
        let a = add(drinker("daily", "mild"));
        assert_eq!(run(&a).withdrawal, Withdrawal::MedicallyManaged, "{name}");
    }
}

#[test]
fn rule_2b_v3_weekly_use_with_mild_withdrawal_and_a_risk_is_home_detox() {
    // v2 sent weekly use with mild symptoms to 24-hour detox; v3 needs daily.
    for risk in [
        |a: Answers| a.set1(Q::Age, "65_plus"),
        |a: Answers| a.set1(Q::Medical, "unstable"),
        |a: Answers| a.set1(Q::Home, "unsafe_or_unstable"),
    ] {
        assert_eq!(
            run(&risk(drinker("weekly", "mild"))).withdrawal,
            Withdrawal::Ambulatory
        );
    }
}

#[test]
fn rule_2b_v3_pregnant_weekly_drinker_with_mild_withdrawal_is_medically_managed() {
    // The one exception: in pregnancy, recent (answered) use is enough.
    let a = drinker("weekly", "mild").set1(Q::Pregnant, "yes");
    let r = run(&a);
    assert_eq!(r.withdrawal, Withdrawal::MedicallyManaged);
    assert_eq!(r.reasons[0].key, "withdrawal_pregnant_sedating");
}

#[test]
fn rule_2b_v3_skipped_frequency_or_substances_never_reach_24_hour_detox() {
    let skipped_frequency = drinker("daily", "mild")
        .set1(Q::Age, "65_plus")
        .unset(Q::UseFrequency);
    let r = run(&skipped_frequency);
    assert_eq!(r.withdrawal, Withdrawal::Ambulatory);
    assert!(r.flags.contains(&Flag::SeeDoctorFirst)); // 2g/2i
    assert_eq!(r.reasons[0].key, "withdrawal_mild_skipped");
    let skipped_substances = drinker("daily", "mild")
        .set1(Q::Age, "65_plus")
        .unset(Q::Substances);
    let r = run(&skipped_substances);
    assert_eq!(r.withdrawal, Withdrawal::Ambulatory);
    assert!(r.flags.contains(&Flag::SeeDoctorFirst));
}

#[test]
fn rule_2b_v3_prescribed_benzodiazepine_at_68_is_tapered_not_detoxed() {
    let a = base()
        .with(Q::Substances, &["benzodiazepines"])
        .set1(Q::UseFrequency, "daily")
        .set1(Q::Withdrawal, "mild")
        .set1(Q::OnMedication, "prescribed_sedatives")
        .set1(Q::Age, "65_plus");
    let r = run(&a);
    assert_eq!(r.withdrawal, Withdrawal::None);
    assert!(r.flags.contains(&Flag::KeepMedication));
    assert!(r.flags.contains(&Flag::SeeDoctorFirst));
    assert_eq!(r.reasons[0].key, "withdrawal_prescribed_taper");
    // Alcohol too: not prescribed_only, so 2b holds.
    let both = a.with(Q::Substances, &["alcohol", "benzodiazepines"]);
    assert_eq!(run(&both).withdrawal, Withdrawal::MedicallyManaged);
}

#[test]
fn rule_2b_mild_alcohol_withdrawal_without_a_risk_is_ambulatory() {
    assert_eq!(
        run(&drinker("weekly", "mild")).withdrawal,
        Withdrawal::Ambulatory
    );
}

#[test]
fn rule_2b_mild_benzodiazepine_withdrawal_at_65_plus_is_medically_managed() {
    let a = base()
        .with(Q::Substances, &["benzodiazepines"])
        .set1(Q::UseFrequency, "daily")
        .set1(Q::Withdrawal, "mild")
        .set1(Q::OnMedication, "none")
        .set1(Q::Age, "65_plus");
    assert_eq!(run(&a).withdrawal, Withdrawal::MedicallyManaged);
}

#[test]
fn rule_2c_pregnant_daily_drinker_who_never_stopped_is_medically_managed() {
    let a = drinker("daily", "never_stopped")
        .n(2)
        .set1(Q::Pregnant, "yes");
    let r = run(&a);
    assert_eq!(r.withdrawal, Withdrawal::MedicallyManaged);
    assert_eq!(r.reasons[0].key, "withdrawal_pregnant_never_stopped");
}

#[test]
fn rule_2c_v3_pregnant_drinker_with_withdrawal_unanswered_is_not_24_hour_detox() {
    let a = drinker("daily", "none")
        .n(2)
        .set1(Q::Pregnant, "yes")
        .unset(Q::Withdrawal);
    let r = run(&a);
    assert_eq!(r.withdrawal, Withdrawal::None);
    assert!(r.flags.contains(&Flag::SeeDoctorFirst));
    assert!(r.flags.contains(&Flag::TalkToClinician));
}

#[test]
fn rule_2c_v3_pregnant_weekly_drinker_who_never_stopped_sees_a_doctor() {
    let a = drinker("weekly", "never_stopped")
        .n(2)
        .set1(Q::Pregnant, "yes");
    let r = run(&a);
    assert_eq!(r.withdrawal, Withdrawal::None);
    assert_eq!(r.level, Iop); // 9c
    assert!(r.flags.contains(&Flag::PregnancyCare));
}

#[test]
fn rule_2c_v3_needs_two_answered_criteria() {
    let a = drinker("daily", "never_stopped").set1(Q::Pregnant, "yes");
    assert_eq!(run(&a.clone().n(1)).withdrawal, Withdrawal::None);
    assert_eq!(
        run(&a.clone().unset(Q::Criteria)).withdrawal,
        Withdrawal::None
    );
    assert_eq!(run(&a.n(2)).withdrawal, Withdrawal::MedicallyManaged);
}

#[test]
fn rule_2c_pregnant_drinker_with_no_withdrawal_has_no_first_step() {
    let a = drinker("daily", "none").set1(Q::Pregnant, "yes");
    assert_eq!(run(&a).withdrawal, Withdrawal::None);
}

#[test]
fn rule_2d_pregnant_opioid_user_with_mild_withdrawal_gets_no_opioid_detox() {
    let a = opioid_user("mild", "none").set1(Q::Pregnant, "yes");
    let r = run(&a);
    assert_eq!(r.withdrawal, Withdrawal::None);
    // Rule 9 sends her to a doctor and medication instead.
    assert!(r.flags.contains(&Flag::SeeDoctorFirst));
    assert!(r.flags.contains(&Flag::MedicationForOpioids));
}

#[test]
fn rule_2d_does_not_cover_pregnant_opioid_users_who_also_drink() {
    let a = opioid_user("mild", "none")
        .with(Q::Substances, &["alcohol", "opioids"])
        .set1(Q::Pregnant, "yes");
    assert_eq!(run(&a).withdrawal, Withdrawal::MedicallyManaged); // 2b: pregnant
}

#[test]
fn rule_2e_mild_withdrawal_from_alcohol_is_ambulatory() {
    assert_eq!(
        run(&drinker("daily", "mild")).withdrawal,
        Withdrawal::Ambulatory
    );
}

#[test]
fn rule_2e_mild_opioid_withdrawal_without_treatment_is_ambulatory() {
    for medication in ["none", "prescribed_sedatives"] {
        let r = run(&opioid_user("mild", medication));
        assert_eq!(r.withdrawal, Withdrawal::Ambulatory, "{medication}");
    }
}

#[test]
fn rule_2e_mild_opioid_withdrawal_on_opioid_treatment_is_no_first_step() {
    for medication in ["opioid_treatment", "both"] {
        let r = run(&opioid_user("mild", medication));
        assert_eq!(r.withdrawal, Withdrawal::None, "{medication}");
    }
}

#[test]
fn rule_2e_mild_withdrawal_from_stimulants_only_is_no_first_step() {
    let a = base()
        .with(Q::Substances, &["stimulants", "cannabis"])
        .set1(Q::UseFrequency, "daily")
        .set1(Q::Withdrawal, "mild");
    assert_eq!(run(&a).withdrawal, Withdrawal::None);
}

#[test]
fn rule_2e_mild_withdrawal_without_recent_use_is_no_first_step() {
    assert_eq!(
        run(&drinker("monthly_or_less", "mild")).withdrawal,
        Withdrawal::None
    );
}

#[test]
fn rule_2f_no_withdrawal_is_no_first_step() {
    for w in ["none", "never_stopped"] {
        assert_eq!(
            run(&drinker("daily", w)).withdrawal,
            Withdrawal::None,
            "{w}"
        );
    }
}

#[test]
fn rule_2_see_doctor_first_for_daily_drinker_who_never_stopped() {
    assert!(has_flag(
        &drinker("daily", "never_stopped"),
        Flag::SeeDoctorFirst
    ));
}

#[test]
fn rule_2_see_doctor_first_for_daily_drinker_with_withdrawal_unanswered() {
    let a = drinker("daily", "none").unset(Q::Withdrawal);
    assert!(has_flag(&a, Flag::SeeDoctorFirst));
}

#[test]
fn rule_2_see_doctor_first_not_for_weekly_drinker_or_known_withdrawal() {
    assert!(!has_flag(
        &drinker("weekly", "never_stopped"),
        Flag::SeeDoctorFirst
    ));
    assert!(!has_flag(&drinker("daily", "none"), Flag::SeeDoctorFirst));
    let opioids = opioid_user("never_stopped", "none");
    assert!(!has_flag(&opioids, Flag::SeeDoctorFirst));
}

#[test]
fn rule_2_medically_managed_sets_minimum_intensive_outpatient() {
    let r = run(&base()
        .with(Q::Substances, &["alcohol"])
        .set1(Q::Withdrawal, "severe"));
    assert_eq!((r.withdrawal, r.level), (Withdrawal::MedicallyManaged, Iop));
}

#[test]
fn rule_2_ambulatory_sets_minimum_outpatient() {
    let r = run(&drinker("daily", "mild"));
    assert_eq!(
        (r.withdrawal, r.level),
        (Withdrawal::Ambulatory, Outpatient)
    );
}

// Rule 3: severity.

#[test]
fn rule_3_zero_or_one_criterion_sets_no_level() {
    assert_eq!(level(&base().n(0)), SelfGuided);
    assert_eq!(level(&base().n(1)), SelfGuided);
}

#[test]
fn rule_3_two_or_three_criteria_is_outpatient() {
    assert_eq!(level(&base().n(2)), Outpatient);
    assert_eq!(level(&base().n(3)), Outpatient);
}

#[test]
fn rule_3_four_or_five_criteria_is_intensive_outpatient() {
    assert_eq!(level(&base().n(4)), Iop);
    assert_eq!(level(&base().n(5)), Iop);
}

#[test]
fn rule_3_six_or_more_criteria_without_another_risk_is_intensive_outpatient() {
    for n in 6..=11 {
        assert_eq!(level(&base().n(n)), Iop, "n = {n}");
    }
}

#[test]
fn rule_3_six_criteria_with_each_other_risk_is_partial_hospitalization() {
    let risks: [(&str, Change); 5] = [
        ("pregnant", |a| a.set1(Q::Pregnant, "yes")),
        ("mental_health somewhat", |a| {
            a.set1(Q::MentalHealth, "somewhat")
        }),
        ("relapse", |a| {
            a.set1(Q::PastTreatment, "relapse_after_recovery")
        }),
        ("withdrawal first step", |a| {
            a.with(Q::Substances, &["alcohol"])
                .set1(Q::Withdrawal, "mild")
        }),
        ("overdose", |a| a.set1(Q::Overdose, "yes")),
    ];
    for (name, add) in risks {
        assert_eq!(level(&add(base().n(6))), Php, "{name}");
    }
    // self_harm wish_or_thoughts is also a risk, though rule 7 sets IOP only.
    assert_eq!(
        level(&base().n(6).set1(Q::SelfHarm, "wish_or_thoughts")),
        Php
    );
    // v3: an unsupportive home is another risk (a day program plus
    // recovery housing); an unsafe one with n >= 4 is residential (rule 8).
    let r = run(&base().n(6).set1(Q::Home, "stable_unsupportive"));
    assert_eq!(r.level, Php);
    assert!(r.flags.contains(&Flag::RecoveryHousing));
    assert_eq!(
        level(&base().n(6).set1(Q::Home, "unsafe_or_unstable")),
        Residential
    );
}

#[test]
fn rule_3_v3_a_skipped_answer_is_never_another_risk() {
    let skips: [(&str, Change); 3] = [
        ("mental_health", |a| a.unset(Q::MentalHealth)),
        ("self_harm", |a| a.unset(Q::SelfHarm)),
        ("home", |a| a.unset(Q::Home)),
    ];
    for (name, skip) in skips {
        let r = run(&skip(base().n(6)));
        assert_eq!(r.level, Iop, "{name}");
        assert!(r.flags.contains(&Flag::TalkToClinician), "{name}");
    }
}

#[test]
fn rule_3_v3_a_first_step_resting_on_a_skipped_frequency_is_another_risk() {
    // The first step itself is the risk (rule 3's note on 2a and 2e).
    let a = base()
        .n(6)
        .with(Q::Substances, &["alcohol"])
        .set1(Q::Withdrawal, "mild")
        .unset(Q::UseFrequency);
    let r = run(&a);
    assert_eq!(r.withdrawal, Withdrawal::Ambulatory);
    assert_eq!(r.level, Php);
}

#[test]
fn rule_3_v3_skipped_home_with_six_criteria_is_intensive_outpatient_not_residential() {
    let a = base()
        .n(6)
        .with(Q::Substances, &["alcohol"])
        .set1(Q::UseFrequency, "daily")
        .unset(Q::Home);
    let r = run(&a);
    assert_eq!(r.level, Iop);
    assert!(!r.flags.contains(&Flag::RecoveryHousing));
    assert!(r.flags.contains(&Flag::TalkToClinician));
}

// Rule 4: after care.

#[test]
fn rule_4_recent_residential_sets_minimum_intensive_outpatient() {
    let a = base().set1(Q::PastTreatment, "recent_residential");
    assert_eq!(level(&a), Iop);
}

#[test]
fn rule_4_recent_residential_caps_severity_at_intensive_outpatient() {
    let a = base()
        .n(8)
        .set1(Q::Overdose, "yes")
        .set1(Q::PastTreatment, "recent_residential");
    assert_eq!(level(&a), Iop);
}

#[test]
fn rule_4_recent_residential_cap_leaves_other_rules_alone() {
    let a = base()
        .n(8)
        .set1(Q::PastTreatment, "recent_residential")
        .set1(Q::MentalHealth, "unable_to_function");
    assert_eq!(level(&a), Residential); // 6d
    let a = base()
        .n(8)
        .set1(Q::PastTreatment, "recent_residential")
        .set1(Q::SelfHarm, "method");
    assert_eq!(level(&a), Php);
    let a = base()
        .n(6)
        .set1(Q::PastTreatment, "recent_residential")
        .set1(Q::Home, "unsafe_or_unstable");
    assert_eq!(level(&a), Residential); // 8a
}

#[test]
fn rule_4_recent_detox_sets_minimum_intensive_outpatient_with_no_cap() {
    assert_eq!(level(&base().set1(Q::PastTreatment, "recent_detox")), Iop);
    let a = base()
        .n(6)
        .set1(Q::Overdose, "yes")
        .set1(Q::PastTreatment, "recent_detox");
    assert_eq!(level(&a), Php);
}

// Rule 5: relapse.

#[test]
fn rule_5_relapse_after_recovery_with_two_criteria_is_intensive_outpatient() {
    let a = base().n(2).set1(Q::PastTreatment, "relapse_after_recovery");
    assert_eq!(level(&a), Iop);
}

#[test]
fn rule_5_relapse_with_fewer_than_two_criteria_sets_no_level() {
    let a = base().n(1).set1(Q::PastTreatment, "relapse_after_recovery");
    assert_eq!(level(&a), SelfGuided);
}

// Rule 6: mental health.

#[test]
fn rule_6_somewhat_with_two_criteria_flags_co_occurring_only() {
    let r = run(&base().n(2).set1(Q::MentalHealth, "somewhat"));
    assert_eq!(r.level, Outpatient);
    assert_eq!(r.flags, vec![Flag::CoOccurring]);
}

#[test]
fn rule_6_a_lot_with_two_criteria_is_intensive_outpatient_and_co_occurring() {
    let r = run(&base().n(2).set1(Q::MentalHealth, "a_lot"));
    assert_eq!(r.level, Iop);
    assert_eq!(r.flags, vec![Flag::CoOccurring]);
}

#[test]
fn rule_6_v3_unable_to_function_with_two_to_five_criteria_is_a_day_program() {
    for n in 2..=5 {
        let r = run(&base().n(n).set1(Q::MentalHealth, "unable_to_function"));
        assert_eq!(r.level, Php, "n = {n}");
        assert_eq!(r.flags, vec![Flag::CoOccurring]);
        assert_eq!(r.reasons[2].key, "mental_health_unable");
    }
}

#[test]
fn rule_6_v3_unable_to_function_with_six_criteria_is_residential() {
    let r = run(&base().n(6).set1(Q::MentalHealth, "unable_to_function"));
    assert_eq!(r.level, Residential);
    assert_eq!(r.reasons[2].key, "mental_health_unable_severe");
}

#[test]
fn rule_6_somewhat_or_a_lot_with_fewer_than_two_criteria_flags_care_only() {
    for answer in ["somewhat", "a_lot"] {
        let r = run(&base().n(1).set1(Q::MentalHealth, answer));
        assert_eq!(r.level, SelfGuided, "{answer}");
        assert_eq!(r.flags, vec![Flag::MentalHealthCare], "{answer}");
    }
}

#[test]
fn rule_6_v3_unable_to_function_with_fewer_than_two_criteria_is_outpatient() {
    let r = run(&base().n(1).set1(Q::MentalHealth, "unable_to_function"));
    assert_eq!(r.level, Outpatient);
    assert_eq!(r.flags, vec![Flag::MentalHealthCare]);
    assert_eq!(r.reasons[2].key, "mental_health_unable_care");
}

// Rule 7: self-harm.

#[test]
fn rule_7_any_self_harm_answer_but_no_flags_crisis_line() {
    for answer in ["wish_or_thoughts", "method", "plan_or_attempt"] {
        assert!(
            has_flag(&base().set1(Q::SelfHarm, answer), Flag::CrisisLine),
            "{answer}"
        );
    }
    assert!(!has_flag(&base(), Flag::CrisisLine));
}

#[test]
fn rule_7_wish_or_thoughts_with_two_criteria_is_intensive_outpatient() {
    let r = run(&base().n(2).set1(Q::SelfHarm, "wish_or_thoughts"));
    assert_eq!(r.level, Iop);
    assert_eq!(r.flags, vec![Flag::CoOccurring, Flag::CrisisLine]);
}

#[test]
fn rule_7_method_or_plan_with_two_criteria_is_partial_hospitalization() {
    for answer in ["method", "plan_or_attempt"] {
        let r = run(&base().n(2).set1(Q::SelfHarm, answer));
        assert_eq!(r.level, Php, "{answer}");
        assert_eq!(
            r.flags,
            vec![Flag::CoOccurring, Flag::CrisisLine],
            "{answer}"
        );
    }
}

#[test]
fn rule_7_wish_or_thoughts_with_fewer_than_two_criteria_flags_mental_health_care() {
    let r = run(&base().n(1).set1(Q::SelfHarm, "wish_or_thoughts"));
    assert_eq!(r.level, SelfGuided);
    assert_eq!(r.flags, vec![Flag::MentalHealthCare, Flag::CrisisLine]);
}

#[test]
fn rule_7_v3_method_or_attempt_with_no_substance_use_is_outpatient_not_self_guided() {
    for answer in ["method", "plan_or_attempt"] {
        let a = base()
            .with(Q::Substances, &[])
            .n(0)
            .set1(Q::SelfHarm, answer);
        let r = run(&a);
        assert_eq!(r.level, Outpatient, "{answer}");
        assert_eq!(
            r.flags,
            vec![Flag::MentalHealthCare, Flag::CrisisLine],
            "{answer}"
        );
    }
    let attempt = run(&base()
        .with(Q::Substances, &[])
        .n(0)
        .set1(Q::SelfHarm, "plan_or_attempt"));
    assert_eq!(attempt.urgent, Urgent::Emergency);
    assert_eq!(attempt.first_contact, FirstContact::SafetyFirst);
}

// Rule 8: home.

#[test]
fn rule_8_unsafe_home_with_four_criteria_is_residential() {
    assert_eq!(
        level(&base().n(4).set1(Q::Home, "unsafe_or_unstable")),
        Residential
    );
}

#[test]
fn rule_8_unsafe_home_with_two_criteria_is_iop_and_recovery_housing_for_adults() {
    let r = run(&base().n(2).set1(Q::Home, "unsafe_or_unstable"));
    assert_eq!(r.level, Iop);
    assert_eq!(r.flags, vec![Flag::RecoveryHousing]);
}

#[test]
fn rule_8_unsafe_home_with_three_criteria_under_18_flags_trusted_adult() {
    let r = run(&base()
        .n(3)
        .set1(Q::Home, "unsafe_or_unstable")
        .set1(Q::Age, "under_18"));
    assert_eq!(r.level, Iop);
    assert_eq!(r.flags, vec![Flag::TrustedAdult]);
}

#[test]
fn rule_8_unsafe_home_with_fewer_than_two_criteria_sets_no_level() {
    assert_eq!(
        level(&base().n(1).set1(Q::Home, "unsafe_or_unstable")),
        SelfGuided
    );
}

#[test]
fn rule_8_v3_unsupportive_home_with_six_criteria_is_a_day_program_and_recovery_housing() {
    let r = run(&base().n(6).set1(Q::Home, "stable_unsupportive"));
    assert_eq!(r.level, Php); // rule 3: another risk
    assert!(r.flags.contains(&Flag::RecoveryHousing));
    assert_eq!(r.reasons[5].key, "home_unsupportive");
}

#[test]
fn rule_8_v3_skipped_home_sets_no_level_and_no_flag() {
    for n in [2, 4, 6] {
        let r = run(&base().n(n).unset(Q::Home));
        assert!(!r.flags.contains(&Flag::RecoveryHousing), "n = {n}");
        assert!(r.level < Residential, "n = {n}");
        assert_eq!(r.reasons[5].key, "environment_none");
    }
}

#[test]
fn rule_8_unsupportive_home_with_two_to_five_criteria_flags_recovery_housing_for_adults() {
    for n in 2..=5 {
        let a = base().n(n).set1(Q::Home, "stable_unsupportive");
        assert!(has_flag(&a, Flag::RecoveryHousing), "n = {n}");
        assert!(
            !has_flag(&a.set1(Q::Age, "under_18"), Flag::RecoveryHousing),
            "n = {n}"
        );
    }
    assert!(!has_flag(
        &base().n(1).set1(Q::Home, "stable_unsupportive"),
        Flag::RecoveryHousing
    ));
}

// Rule 9: medical and pregnancy.

#[test]
fn rule_9_unstable_medical_problem_flags_see_doctor_first() {
    assert!(has_flag(
        &base().set1(Q::Medical, "unstable"),
        Flag::SeeDoctorFirst
    ));
    assert!(!has_flag(
        &base().set1(Q::Medical, "managed"),
        Flag::SeeDoctorFirst
    ));
}

#[test]
fn rule_9_pregnancy_flags_pregnancy_care() {
    let r = run(&base().set1(Q::Pregnant, "yes"));
    assert_eq!(r.flags, vec![Flag::PregnancyCare]);
    assert_eq!(r.level, SelfGuided);
}

#[test]
fn rule_9_pregnancy_with_two_criteria_is_intensive_outpatient() {
    assert_eq!(level(&base().n(2).set1(Q::Pregnant, "yes")), Iop);
}

#[test]
fn rule_9_pregnancy_with_opioids_flags_doctor_and_medication() {
    let r = run(&opioid_user("none", "none").set1(Q::Pregnant, "yes"));
    for f in [
        Flag::PregnancyCare,
        Flag::SeeDoctorFirst,
        Flag::MedicationForOpioids,
    ] {
        assert!(r.flags.contains(&f), "{f}");
    }
}

// Rule 10: opioids and medication.

#[test]
fn rule_10_opioids_flag_overdose_risk_and_medication() {
    let r = run(&opioid_user("none", "none"));
    assert_eq!(
        r.flags,
        vec![Flag::MedicationForOpioids, Flag::OverdoseRisk]
    );
}

#[test]
fn rule_10_any_medication_flags_keep_medication() {
    for medication in ["opioid_treatment", "prescribed_sedatives", "both"] {
        assert!(
            has_flag(&opioid_user("none", medication), Flag::KeepMedication),
            "{medication}"
        );
    }
    assert!(!has_flag(
        &opioid_user("none", "none"),
        Flag::KeepMedication
    ));
}

#[test]
fn rule_10_prescribed_sedatives_flag_see_doctor_first() {
    for medication in ["prescribed_sedatives", "both"] {
        assert!(
            has_flag(&opioid_user("none", medication), Flag::SeeDoctorFirst),
            "{medication}"
        );
    }
    assert!(!has_flag(
        &opioid_user("none", "opioid_treatment"),
        Flag::SeeDoctorFirst
    ));
}

// Rule 11: overdose.

#[test]
fn rule_11_overdose_with_two_criteria_is_intensive_outpatient_and_flags_overdose_risk() {
    let r = run(&base().n(2).set1(Q::Overdose, "yes"));
    assert_eq!(r.level, Iop);
    assert_eq!(r.flags, vec![Flag::OverdoseRisk]);
}

#[test]
fn rule_11_v3_one_overdose_with_no_disorder_is_outpatient() {
    for n in [0, 1] {
        let r = run(&base().n(n).set1(Q::Overdose, "yes"));
        assert_eq!(r.level, Outpatient, "n = {n}");
        assert_eq!(r.flags, vec![Flag::OverdoseRisk]);
        assert_eq!(r.reasons[0].key, "overdose_little_use");
    }
}

// Rule 12: age.

#[test]
fn rule_12_under_18_flags_involve_guardian_and_uses_adolescent_hours() {
    let r = run(&base().n(2).set1(Q::Age, "under_18"));
    assert_eq!(r.flags, vec![Flag::InvolveGuardian]);
    assert_eq!((r.weekly_hours.min, r.weekly_hours.max), (1, 5));
    let r = run(&base().n(4).set1(Q::Age, "under_18"));
    assert_eq!((r.weekly_hours.min, r.weekly_hours.max), (6, 19));
}

#[test]
fn rule_12_under_18_with_unsafe_home_flags_trusted_adult_instead() {
    let r = run(&base()
        .set1(Q::Age, "under_18")
        .set1(Q::Home, "unsafe_or_unstable"));
    assert_eq!(r.flags, vec![Flag::TrustedAdult]);
}

#[test]
fn rule_12_recovery_housing_is_never_flagged_under_18() {
    for home in ["stable_unsupportive", "unsafe_or_unstable"] {
        for n in 0..=11 {
            let a = base().n(n).set1(Q::Home, home).set1(Q::Age, "under_18");
            assert!(!has_flag(&a, Flag::RecoveryHousing), "{home} n = {n}");
        }
    }
}

// Rule 13: readiness.

#[test]
fn rule_13_readiness_never_changes_the_level() {
    for n in [0, 2, 4, 6] {
        let levels: Vec<Level> = ["ready_now", "cut_down", "unsure", "not_now"]
            .iter()
            .map(|r| level(&base().n(n).set1(Q::Readiness, r)))
            .collect();
        assert!(
            levels.windows(2).all(|w| w[0] == w[1]),
            "n = {n}: {levels:?}"
        );
    }
}

#[test]
fn rule_13_ready_now_reaches_out_and_others_talk_it_over() {
    assert_eq!(run(&base()).first_contact, FirstContact::ReachOut);
    for r in ["cut_down", "unsure", "not_now"] {
        assert_eq!(
            run(&base().set1(Q::Readiness, r)).first_contact,
            FirstContact::TalkItOver
        );
    }
}

// Rule 14: the center.

#[test]
fn rule_14_a_center_that_does_not_offer_the_level_never_changes_it() {
    let center = Center::from_json(r#"{"offers": ["outpatient"]}"#).unwrap();
    let a = base().n(6).set1(Q::Overdose, "yes");
    let r = run_with(&a, &center);
    assert_eq!(r.level, Php);
    assert_eq!(r.center_offers_level, Some(false));
}

#[test]
fn rule_14_center_offers_level_is_true_when_offered_and_null_without_center() {
    let center =
        Center::from_json(r#"{"offers": ["outpatient", "intensive_outpatient"]}"#).unwrap();
    let a = base().n(4);
    assert_eq!(run_with(&a, &center).center_offers_level, Some(true));
    assert_eq!(run(&a).center_offers_level, None);
}

// v3 changes not covered above.

#[test]
fn rule_2a_v3_past_seizure_with_monthly_use_always_warns() {
    let a = drinker("monthly_or_less", "severe");
    let r = run(&a);
    assert_eq!(r.withdrawal, Withdrawal::None);
    assert!(r.flags.contains(&Flag::SeeDoctorFirst));
    assert_eq!(r.reasons[0].key, "withdrawal_severe_history");
}

#[test]
fn rule_2a_v3_past_seizure_with_frequency_skipped_is_medically_managed_on_purpose() {
    let r = run(&drinker("daily", "severe").unset(Q::UseFrequency));
    assert_eq!(r.withdrawal, Withdrawal::MedicallyManaged);
    assert_eq!(r.reasons[0].key, "withdrawal_severe_skipped");
}

#[test]
fn rule_2d_v3_no_detox_at_home_in_pregnancy() {
    let a = drinker("weekly", "mild")
        .set1(Q::Pregnant, "yes")
        .with(Q::Substances, &["stimulants"]);
    let r = run(&a);
    assert_eq!(r.withdrawal, Withdrawal::None);
    assert_eq!(r.reasons[0].key, "withdrawal_pregnant_doctor");
    // Opioids: a doctor and medication, never opioid detox.
    let r = run(&opioid_user("mild", "none").set1(Q::Pregnant, "yes"));
    assert_eq!(r.withdrawal, Withdrawal::None);
    assert!(r.flags.contains(&Flag::SeeDoctorFirst));
    assert!(r.flags.contains(&Flag::MedicationForOpioids));
    assert!(r.level >= Outpatient);
}

#[test]
fn rule_9_v3_pregnancy_never_lowers_the_level() {
    // Without pregnancy: home detox, then outpatient; with it: no first
    // step, and rule 9 keeps at least outpatient.
    let a = opioid_user("mild", "none");
    assert_eq!(level(&a), Outpatient);
    assert_eq!(level(&a.set1(Q::Pregnant, "yes")), Outpatient);
    let a = drinker("weekly", "mild").set1(Q::Pregnant, "yes");
    assert_eq!(run(&a).withdrawal, Withdrawal::MedicallyManaged);
}

#[test]
fn rule_9_v3_pregnant_on_opioid_treatment_is_not_told_to_ask_about_medicine() {
    let r = run(&opioid_user("none", "opioid_treatment").set1(Q::Pregnant, "yes"));
    assert!(!r.flags.contains(&Flag::MedicationForOpioids));
    assert!(r.flags.contains(&Flag::KeepMedication));
    assert!(r.flags.contains(&Flag::SeeDoctorFirst));
}

#[test]
fn rule_10_v3_weekly_cocaine_user_gets_overdose_advice() {
    let a = base()
        .with(Q::Substances, &["stimulants"])
        .set1(Q::UseFrequency, "weekly")
        .n(3);
    let r = run(&a);
    assert_eq!(r.level, Outpatient);
    assert_eq!(r.flags, vec![Flag::OverdoseRisk]);
    assert!(!r.flags.contains(&Flag::MedicationForOpioids));
}

#[test]
fn rule_10_v3_no_ask_about_medicine_for_people_already_on_it() {
    for med in ["opioid_treatment", "both"] {
        let r = run(&opioid_user("none", med));
        assert!(!r.flags.contains(&Flag::MedicationForOpioids), "{med}");
        assert!(r.flags.contains(&Flag::OverdoseRisk), "{med}");
    }
    assert!(has_flag(
        &opioid_user("none", "none"),
        Flag::MedicationForOpioids
    ));
}

#[test]
fn rule_13_v3_an_emergency_puts_safety_first_whatever_readiness_says() {
    for readiness in ["ready_now", "cut_down", "unsure", "not_now"] {
        let r = run(&base()
            .set1(Q::DangerNow, "yes")
            .set1(Q::Readiness, readiness));
        assert_eq!(r.first_contact, FirstContact::SafetyFirst, "{readiness}");
        assert_eq!(r.reasons[3].key, "safety_first");
    }
    let r = run(&base()
        .set1(Q::SelfHarm, "plan_or_attempt")
        .unset(Q::Readiness));
    assert_eq!(r.first_contact, FirstContact::SafetyFirst);
}

#[test]
fn rule_13_v3_skipped_readiness_is_not_stated_as_unsure() {
    let r = run(&base().unset(Q::Readiness));
    assert_eq!(r.first_contact, FirstContact::TalkItOver);
    assert_eq!(r.reasons[3].key, "readiness_skipped");
}

#[test]
fn rule_15_each_skipped_question_it_names_flags_talk_to_clinician() {
    let skips = [
        Q::Substances,
        Q::UseFrequency,
        Q::Withdrawal,
        Q::Criteria,
        Q::MentalHealth,
        Q::SelfHarm,
        Q::Home,
    ];
    let user = base().with(Q::Substances, &["alcohol"]);
    for q in skips {
        let r = run(&user.clone().unset(q));
        assert!(r.flags.contains(&Flag::TalkToClinician), "{q}");
        // It changes nothing else.
        let without: Vec<Flag> = r
            .flags
            .iter()
            .copied()
            .filter(|f| *f != Flag::TalkToClinician)
            .collect();
        assert_eq!(r.flags.last(), Some(&Flag::TalkToClinician));
        assert!(without.len() < r.flags.len());
    }
    for q in [
        Q::ForWhom,
        Q::Age,
        Q::Pregnant,
        Q::Overdose,
        Q::Medical,
        Q::PastTreatment,
        Q::Readiness,
        Q::Responsibilities,
        Q::Schedule,
    ] {
        assert!(
            !has_flag(&user.clone().unset(q), Flag::TalkToClinician),
            "{q}"
        );
    }
    // A question not asked is not unanswered.
    let no_use = base()
        .with(Q::Substances, &[])
        .unset(Q::UseFrequency)
        .unset(Q::Withdrawal);
    assert!(!has_flag(&no_use, Flag::TalkToClinician));
}

#[test]
fn rule_6e_v4_says_the_mood_question_was_skipped_only_when_it_was() {
    // The emotional dimension's reason: its rule and key.
    let emotional = |a: &Answers| {
        run(a)
            .reasons
            .into_iter()
            .find(|x| x.dimension == carepath::assessment::Dimension::Emotional)
            .map(|x| (x.rule, x.key))
            .unwrap()
    };
    // "No substances" and the checklist skipped: n = 0 (v4), mood answered.
    let mut a = base()
        .with(Q::Substances, &[])
        .set1(Q::MentalHealth, "somewhat");
    a.clear(Q::Criteria);
    assert_eq!(
        emotional(&a),
        (Some("6e"), "mental_health_care".to_string())
    );
    a.clear(Q::MentalHealth);
    assert_eq!(emotional(&a).1, "mental_health_care_skipped");
}
