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
    assert_eq!(
        r.phases[0].care,
        carepath::assessment::commitment::Care::Emergency
    );
}

// Rule 2: withdrawal first step.

#[test]
fn rule_2a_severe_withdrawal_with_recent_use_is_medically_managed() {
    for frequency in ["daily", "weekly"] {
        let a = base()
            .set1(Q::UseFrequency, frequency)
            .set1(Q::Withdrawal, "severe");
        assert_eq!(
            run(&a).withdrawal,
            Withdrawal::MedicallyManaged,
            "{frequency}"
        );
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
fn rule_2b_mild_alcohol_withdrawal_with_each_risk_is_medically_managed() {
    let risks: [(&str, Change); 5] = [
        ("age 65_plus", |a| a.set1(Q::Age, "65_plus")),
        ("medical unstable", |a| a.set1(Q::Medical, "unstable")),
        ("pregnant", |a| a.set1(Q::Pregnant, "yes")),
        ("alcohol and benzodiazepines", |a| {
            a.with(Q::Substances, &["alcohol", "benzodiazepines"])
        }),
        ("home unsafe", |a| a.set1(Q::Home, "unsafe_or_unstable")),
    ];
    for (name, add) in risks {
        let a = add(drinker("weekly", "mild"));
        assert_eq!(run(&a).withdrawal, Withdrawal::MedicallyManaged, "{name}");
    }
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
    let a = drinker("daily", "never_stopped").set1(Q::Pregnant, "yes");
    assert_eq!(run(&a).withdrawal, Withdrawal::MedicallyManaged);
}

#[test]
fn rule_2c_pregnant_drinker_with_withdrawal_unanswered_is_medically_managed() {
    let a = drinker("weekly", "none")
        .set1(Q::Pregnant, "yes")
        .unset(Q::Withdrawal);
    assert_eq!(run(&a).withdrawal, Withdrawal::MedicallyManaged);
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
    let r = run(&base().set1(Q::Withdrawal, "severe"));
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
    let risks: [(&str, Change); 6] = [
        ("mental_health somewhat", |a| {
            a.set1(Q::MentalHealth, "somewhat")
        }),
        ("mental_health unanswered", |a| a.unset(Q::MentalHealth)),
        ("self_harm unanswered", |a| a.unset(Q::SelfHarm)),
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
    // A home that is not stable_supportive is a risk too, but with n >= 6
    // rule 8 already sets residential, so it never shows as PHP.
    for home in ["stable_unsupportive", "unsafe_or_unstable"] {
        assert_eq!(
            level(&base().n(6).set1(Q::Home, home)),
            Residential,
            "{home}"
        );
    }
    assert_eq!(
        level(&base().n(6).unset(Q::Home)),
        Residential,
        "home unanswered"
    );
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
    assert_eq!(level(&a), Residential);
    let a = base()
        .n(8)
        .set1(Q::PastTreatment, "recent_residential")
        .set1(Q::SelfHarm, "method");
    assert_eq!(level(&a), Php);
    let a = base()
        .n(6)
        .set1(Q::PastTreatment, "recent_residential")
        .set1(Q::Home, "stable_unsupportive");
    assert_eq!(level(&a), Residential);
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
fn rule_6_unable_to_function_with_two_criteria_is_residential_and_co_occurring() {
    let r = run(&base().n(2).set1(Q::MentalHealth, "unable_to_function"));
    assert_eq!(r.level, Residential);
    assert_eq!(r.flags, vec![Flag::CoOccurring]);
}

#[test]
fn rule_6_any_mental_health_need_with_fewer_than_two_criteria_flags_care_only() {
    for answer in ["somewhat", "a_lot", "unable_to_function"] {
        let r = run(&base().n(1).set1(Q::MentalHealth, answer));
        assert_eq!(r.level, SelfGuided, "{answer}");
        assert_eq!(r.flags, vec![Flag::MentalHealthCare], "{answer}");
    }
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
fn rule_7_self_harm_with_fewer_than_two_criteria_flags_mental_health_care() {
    for answer in ["wish_or_thoughts", "method", "plan_or_attempt"] {
        let r = run(&base().n(1).set1(Q::SelfHarm, answer));
        assert_eq!(r.level, SelfGuided, "{answer}");
        assert_eq!(
            r.flags,
            vec![Flag::MentalHealthCare, Flag::CrisisLine],
            "{answer}"
        );
    }
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
fn rule_8_unsupportive_home_with_six_criteria_is_residential() {
    assert_eq!(
        level(&base().n(6).set1(Q::Home, "stable_unsupportive")),
        Residential
    );
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
fn rule_11_overdose_is_intensive_outpatient_and_flags_overdose_risk() {
    let r = run(&base().set1(Q::Overdose, "yes"));
    assert_eq!(r.level, Iop);
    assert_eq!(r.flags, vec![Flag::OverdoseRisk]);
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
