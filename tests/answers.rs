//! The contract's input rules, "unanswered reads as" and "asked when".

mod common;

use carepath::assessment::{
    assess, AnswerError, Answers, FirstContact, Flag, Level, Withdrawal, Q,
};
use common::{base, has_flag, level, run, AnswersExt};

fn parse_err(json: &str) -> String {
    Answers::from_json(json).unwrap_err().to_string()
}

// Input rules.

#[test]
fn input_missing_danger_now_is_an_error_naming_it() {
    let e = parse_err(r#"{"age": "65_plus"}"#);
    assert!(e.contains("\"danger_now\"") && e.contains("yes, no"), "{e}");
    let e = parse_err(r#"{"danger_now": null}"#);
    assert!(e.contains("\"danger_now\" is required"), "{e}");
    assert!(assess(&Answers::new(), None).is_err());
}

#[test]
fn input_unknown_question_id_names_it_and_lists_the_ids() {
    let e = parse_err(r#"{"danger_now": "no", "mood": "ok"}"#);
    assert!(e.contains("unknown question id \"mood\""), "{e}");
    assert!(e.contains("danger_now, for_whom, age"), "{e}");
}

#[test]
fn input_unknown_option_names_the_question_and_allowed_values() {
    let e = parse_err(r#"{"danger_now": "no", "age": "old"}"#);
    assert_eq!(
        e,
        "\"age\": unknown option \"old\"; allowed: under_18, 18_to_64, 65_plus"
    );
    let e = parse_err(r#"{"danger_now": "no", "substances": ["alcohol", "tea"]}"#);
    assert!(
        e.starts_with("\"substances\": unknown option \"tea\"; allowed: alcohol, opioids"),
        "{e}"
    );
}

#[test]
fn input_repeated_option_is_an_error() {
    let e = parse_err(r#"{"danger_now": "no", "substances": ["alcohol", "alcohol"]}"#);
    assert!(
        e.contains("\"substances\": option \"alcohol\" is repeated"),
        "{e}"
    );
    assert!(
        e.contains("allowed: alcohol, opioids, benzodiazepines"),
        "{e}"
    );
}

#[test]
fn input_wrong_types_are_errors_naming_the_id() {
    for (json, id) in [
        (r#"{"danger_now": "no", "age": ["65_plus"]}"#, "age"),
        (
            r#"{"danger_now": "no", "substances": "alcohol"}"#,
            "substances",
        ),
        (r#"{"danger_now": "no", "criteria": [1, 2]}"#, "criteria"),
        (r#"{"danger_now": true}"#, "danger_now"),
        (r#"{"danger_now": "no", "home": 3}"#, "home"),
    ] {
        let errors = Answers::from_json(json).unwrap_err();
        assert_eq!(errors.0.len(), 1, "{json}: {errors}");
        assert!(
            matches!(errors.0[0], AnswerError::WrongType { .. }),
            "{json}"
        );
        assert_eq!(errors.0[0].question_id(), Some(id));
        assert!(errors.to_string().contains("allowed: "), "{errors}");
    }
}

#[test]
fn input_not_an_object_or_not_json_is_an_error() {
    assert!(parse_err("[]").contains("one JSON object keyed by question id"));
    assert!(parse_err("{").contains("not valid JSON"));
}

#[test]
fn input_every_problem_is_reported_at_once() {
    let errors = Answers::from_json(r#"{"age": "old", "x": 1}"#).unwrap_err();
    let ids: Vec<_> = errors.0.iter().map(|e| e.question_id().unwrap()).collect();
    assert_eq!(ids, ["x", "age", "danger_now"]);
}

#[test]
fn input_null_is_unanswered_and_empty_array_is_answered_with_nothing() {
    let a = Answers::from_json(r#"{"danger_now": "no", "criteria": [], "home": null}"#).unwrap();
    let r = run(&a);
    assert!(!r.unanswered.contains(&Q::Criteria));
    assert!(r.unanswered.contains(&Q::Home));
    let a = Answers::from_json(r#"{"danger_now": "no", "substances": []}"#).unwrap();
    assert!(!run(&a).unanswered.contains(&Q::Substances));
}

#[test]
fn input_answers_round_trip_through_json() {
    let a = base().n(3).with(Q::Substances, &["alcohol", "opioids"]);
    let back = Answers::from_value(&a.to_json_value()).unwrap();
    assert_eq!(a, back);
}

// "Unanswered reads as", one test per question.

#[test]
fn unanswered_for_whom_reads_as_self() {
    let a = base().unset(Q::ForWhom);
    assert_eq!(a.read().one(Q::ForWhom), Some("self"));
    assert_eq!(run(&a).unanswered, vec![Q::ForWhom]);
}

#[test]
fn unanswered_age_reads_as_18_to_64() {
    let a = base()
        .unset(Q::Age)
        .n(2)
        .set1(Q::Home, "stable_unsupportive");
    let r = run(&a);
    assert!(r.flags.contains(&Flag::RecoveryHousing)); // adult only
    assert_eq!((r.weekly_hours.min, r.weekly_hours.max), (1, 8)); // adult hours
    let mild = a
        .with(Q::Substances, &["alcohol"])
        .set1(Q::Withdrawal, "mild");
    assert_eq!(run(&mild).withdrawal, Withdrawal::Ambulatory); // not 65_plus
}

#[test]
fn unanswered_pregnant_reads_as_no() {
    let r = run(&base().unset(Q::Pregnant).n(2));
    assert!(!r.flags.contains(&Flag::PregnancyCare));
    assert_eq!(r.level, Level::Outpatient);
    assert_eq!(r.unanswered, vec![Q::Pregnant]);
}

#[test]
fn unanswered_substances_reads_as_every_substance() {
    let a = base().unset(Q::Substances).set1(Q::Withdrawal, "mild");
    let r = run(&a);
    // sedating as read, so mild withdrawal is 2e; never 2b, which needs
    // chosen(x) (skips never escalate).
    assert_eq!(r.withdrawal, Withdrawal::Ambulatory);
    // opioid as read: rule 10's flags; 2i sends to a doctor first.
    assert!(r.flags.contains(&Flag::OverdoseRisk));
    assert!(r.flags.contains(&Flag::MedicationForOpioids));
    assert!(r.flags.contains(&Flag::SeeDoctorFirst));
    assert!(r.flags.contains(&Flag::TalkToClinician));
    // on_medication is asked (opioids or benzodiazepines).
    assert!(r.unanswered.contains(&Q::OnMedication));
}

#[test]
fn unanswered_use_frequency_reads_as_daily() {
    let a = base()
        .with(Q::Substances, &["alcohol"])
        .unset(Q::UseFrequency)
        .set1(Q::Withdrawal, "never_stopped");
    let r = run(&a);
    assert!(r.flags.contains(&Flag::SeeDoctorFirst)); // needs daily
    assert!(r.unanswered.contains(&Q::UseFrequency));
}

#[test]
fn unanswered_withdrawal_stays_unanswered_as_rule_2_reads_it() {
    let a = base()
        .with(Q::Substances, &["alcohol"])
        .set1(Q::UseFrequency, "daily")
        .unset(Q::Withdrawal);
    let r = run(&a);
    assert_eq!(r.withdrawal, Withdrawal::None); // neither mild nor severe
    assert!(r.flags.contains(&Flag::SeeDoctorFirst));
    assert_eq!(r.unanswered, vec![Q::Withdrawal]);
}

#[test]
fn unanswered_on_medication_reads_as_none() {
    let a = base()
        .with(Q::Substances, &["opioids"])
        .set1(Q::UseFrequency, "daily")
        .set1(Q::Withdrawal, "mild");
    let r = run(&a);
    assert_eq!(r.withdrawal, Withdrawal::Ambulatory); // not on opioid treatment
    assert!(!r.flags.contains(&Flag::KeepMedication));
    assert_eq!(r.unanswered, vec![Q::OnMedication]);
}

#[test]
fn unanswered_overdose_reads_as_no() {
    let r = run(&base().unset(Q::Overdose));
    assert_eq!(r.level, Level::SelfGuided);
    assert_eq!(r.unanswered, vec![Q::Overdose]);
}

#[test]
fn unanswered_criteria_reads_as_two() {
    let r = run(&base().unset(Q::Criteria));
    assert_eq!(r.level, Level::Outpatient);
    assert_eq!(r.unanswered, vec![Q::Criteria]);
    assert_eq!(base().unset(Q::Criteria).read().criteria_count(), 2);
}

#[test]
fn unanswered_mental_health_reads_as_somewhat() {
    let r = run(&base().unset(Q::MentalHealth).n(2));
    assert_eq!(r.flags, vec![Flag::CoOccurring, Flag::TalkToClinician]);
    assert_eq!(r.level, Level::Outpatient);
}

#[test]
fn unanswered_self_harm_flags_crisis_line_sets_no_level_and_is_never_another_risk() {
    let r = run(&base().unset(Q::SelfHarm).n(2));
    assert_eq!(r.flags, vec![Flag::CrisisLine, Flag::TalkToClinician]);
    assert_eq!(r.level, Level::Outpatient); // no rule-7 level
    assert_eq!(
        level(&base().unset(Q::SelfHarm).n(6)),
        Level::IntensiveOutpatient
    );
}

#[test]
fn unanswered_medical_reads_as_no() {
    let a = base()
        .unset(Q::Medical)
        .with(Q::Substances, &["alcohol"])
        .set1(Q::Withdrawal, "mild");
    assert_eq!(run(&a).withdrawal, Withdrawal::Ambulatory);
    assert!(!has_flag(&a, Flag::SeeDoctorFirst));
}

#[test]
fn unanswered_past_treatment_reads_as_never() {
    let r = run(&base().unset(Q::PastTreatment).n(2));
    assert_eq!(r.level, Level::Outpatient);
    assert_eq!(r.unanswered, vec![Q::PastTreatment]);
}

#[test]
fn unanswered_readiness_reads_as_unsure() {
    let r = run(&base().unset(Q::Readiness));
    assert_eq!(r.first_contact, FirstContact::TalkItOver);
    assert_eq!(
        base().unset(Q::Readiness).read().one(Q::Readiness),
        Some("unsure")
    );
}

#[test]
fn unanswered_home_has_no_value_in_rules_3_and_8() {
    let r = run(&base().unset(Q::Home).n(2));
    assert_eq!(r.flags, vec![Flag::TalkToClinician]);
    assert_eq!(r.unanswered, vec![Q::Home]);
    assert_eq!(
        level(&base().unset(Q::Home).n(6)),
        Level::IntensiveOutpatient
    );
    // Nor rule 12's "unsafe home": a teen who skips home involves a guardian.
    let teen = run(&base().unset(Q::Home).set1(Q::Age, "under_18"));
    assert!(teen.flags.contains(&Flag::InvolveGuardian));
    assert!(!teen.flags.contains(&Flag::TrustedAdult));
}

#[test]
fn unanswered_responsibilities_reads_as_none_so_the_week_is_daytime() {
    let r = run(&base().unset(Q::Responsibilities).n(4));
    assert_eq!(r.schedule.sessions[0].start.to_string(), "09:00");
    assert_eq!(r.unanswered, vec![Q::Responsibilities]);
}

#[test]
fn unanswered_schedule_reads_as_flexible_so_work_gets_evenings() {
    let a = base()
        .unset(Q::Schedule)
        .n(4)
        .with(Q::Responsibilities, &["full_time_work"]);
    let r = run(&a);
    assert_eq!(r.schedule.sessions[0].start.to_string(), "18:00");
    assert_eq!(r.unanswered, vec![Q::Schedule]);
}

// "Asked when".

#[test]
fn asked_when_no_substance_skips_frequency_withdrawal_medication_and_overdose() {
    let a = Answers::new()
        .with(Q::DangerNow, &["no"])
        .with(Q::Substances, &[]);
    let read = a.read();
    for q in [Q::UseFrequency, Q::Withdrawal, Q::OnMedication, Q::Overdose] {
        assert!(!read.is_asked(q), "{q}");
    }
    let r = run(&a);
    for q in [Q::UseFrequency, Q::Withdrawal, Q::OnMedication, Q::Overdose] {
        assert!(
            !r.unanswered.contains(&q),
            "{q} is not asked, so not unanswered"
        );
    }
}

#[test]
fn asked_when_answers_to_skipped_questions_are_ignored() {
    // Left over after the visitor went back and changed substances.
    let a = base()
        .with(Q::Substances, &[])
        .set1(Q::Withdrawal, "severe")
        .set1(Q::Overdose, "yes")
        .set1(Q::OnMedication, "both");
    let r = run(&a);
    assert_eq!(r.withdrawal, Withdrawal::None);
    assert_eq!(r.level, Level::SelfGuided);
    assert!(r.flags.is_empty(), "{:?}", r.flags);
}

#[test]
fn asked_when_not_in_30_days_skips_withdrawal() {
    let a = base()
        .set1(Q::UseFrequency, "not_in_30_days")
        .set1(Q::Withdrawal, "severe");
    assert!(!a.read().is_asked(Q::Withdrawal));
    assert_eq!(run(&a).withdrawal, Withdrawal::None);
    assert!(a.read().is_asked(Q::Overdose));
}

#[test]
fn asked_when_on_medication_only_for_opioids_or_benzodiazepines() {
    for (substances, asked) in [
        (&["alcohol"][..], false),
        (&["stimulants", "cannabis", "other"][..], false),
        (&["opioids"][..], true),
        (&["benzodiazepines"][..], true),
    ] {
        let a = base().with(Q::Substances, substances);
        assert_eq!(a.read().is_asked(Q::OnMedication), asked, "{substances:?}");
    }
}

#[test]
fn asked_when_skipped_substances_reads_as_every_substance_so_later_questions_are_asked() {
    let a = Answers::new().with(Q::DangerNow, &["no"]);
    let read = a.read();
    for q in [Q::UseFrequency, Q::Withdrawal, Q::OnMedication, Q::Overdose] {
        assert!(read.is_asked(q), "{q}");
    }
}
