//! The weekly commitment: bands, the fitted generic week, the center's
//! week, and the phases over time; and the center input's checks.

mod common;

use carepath::assessment::{Care, PhaseKind, Source};
use carepath::assessment::{Center, Level, Withdrawal, Q};
use common::{base, run, run_with, AnswersExt};

fn week(r: &carepath::assessment::Assessment) -> Vec<String> {
    r.schedule
        .sessions
        .iter()
        .map(|s| format!("{} {}-{}", s.day, s.start, s.end))
        .collect()
}

#[test]
fn each_level_reports_its_band() {
    let cases = [
        (base(), Level::SelfGuided, (0, 2), (0, 1), None),
        (
            base().n(2),
            Level::Outpatient,
            (1, 8),
            (1, 2),
            Some((12, 26)),
        ),
        (
            base().n(4),
            Level::IntensiveOutpatient,
            (9, 19),
            (3, 5),
            Some((8, 12)),
        ),
        (
            base().n(6).set1(Q::Overdose, "yes"),
            Level::PartialHospitalization,
            (20, 35),
            (5, 5),
            Some((2, 4)),
        ),
        (
            base().n(4).set1(Q::Home, "unsafe_or_unstable"),
            Level::Residential,
            (168, 168),
            (7, 7),
            Some((4, 13)),
        ),
    ];
    for (a, level, hours, days, weeks) in cases {
        let r = run(&a);
        assert_eq!(r.level, level);
        assert_eq!((r.weekly_hours.min, r.weekly_hours.max), hours, "{level}");
        assert_eq!((r.days_per_week.min, r.days_per_week.max), days, "{level}");
        assert_eq!(r.weeks.map(|w| (w.min, w.max)), weeks, "{level}");
    }
}

#[test]
fn self_guided_and_residential_have_no_sessions() {
    let r = run(&base());
    assert!(r.schedule.sessions.is_empty());
    assert_eq!(serde_json::to_value(r.schedule.hours_per_week).unwrap(), 0);
    let r = run(&base().n(4).set1(Q::Home, "unsafe_or_unstable"));
    assert!(r.schedule.sessions.is_empty());
    assert_eq!(
        serde_json::to_value(r.schedule.hours_per_week).unwrap(),
        168
    );
}

#[test]
fn work_or_school_with_iop_suggests_the_evening_track() {
    for duty in ["full_time_work", "part_time_work", "school"] {
        let r = run(&base().n(4).with(Q::Responsibilities, &[duty]));
        assert_eq!(
            week(&r),
            ["mon 18:00-21:00", "wed 18:00-21:00", "thu 18:00-21:00"],
            "{duty}"
        );
        assert_eq!(serde_json::to_value(r.schedule.hours_per_week).unwrap(), 9);
    }
}

#[test]
fn caregiving_or_nothing_with_iop_suggests_daytime_while_a_stated_preference_wins() {
    let r = run(&base().n(4).with(Q::Responsibilities, &["caregiving"]));
    assert_eq!(
        week(&r),
        ["mon 09:00-12:00", "wed 09:00-12:00", "thu 09:00-12:00"]
    );
    let r = run(&base()
        .n(4)
        .with(Q::Responsibilities, &["full_time_work"])
        .set1(Q::Schedule, "daytime"));
    assert_eq!(week(&r)[0], "mon 09:00-12:00");
    let r = run(&base().n(4).set1(Q::Schedule, "weekends"));
    assert_eq!(
        week(&r),
        ["wed 18:00-21:00", "sat 09:00-12:00", "sun 09:00-12:00"]
    );
}

#[test]
fn adolescents_get_after_school_groups() {
    let r = run(&base()
        .n(4)
        .set1(Q::Age, "under_18")
        .with(Q::Responsibilities, &["school"]));
    assert_eq!(
        week(&r),
        ["mon 16:00-19:00", "wed 16:00-19:00", "thu 16:00-19:00"]
    );
    let r = run(&base()
        .n(2)
        .set1(Q::Age, "under_18")
        .with(Q::Responsibilities, &["school"]));
    assert_eq!(week(&r), ["tue 16:00-18:00"]);
}

#[test]
fn partial_hospitalization_is_five_weekdays() {
    let r = run(&base()
        .n(6)
        .set1(Q::Overdose, "yes")
        .set1(Q::Schedule, "evenings"));
    assert_eq!(r.schedule.sessions.len(), 5);
    assert_eq!(serde_json::to_value(r.schedule.hours_per_week).unwrap(), 25);
}

#[test]
fn a_center_week_in_the_band_replaces_the_generic_one() {
    let center = Center::from_json(
        r#"{"schedules": {"intensive_outpatient": [
            {"days": ["mon", "wed"], "start": "18:00", "end": "21:00"},
            {"days": ["sat"], "start": "09:00", "end": "12:30"}]}}"#,
    )
    .unwrap();
    let r = run_with(&base().n(4), &center);
    assert_eq!(r.schedule.source, Source::Center);
    assert_eq!(
        week(&r),
        ["mon 18:00-21:00", "wed 18:00-21:00", "sat 09:00-12:30"]
    );
    assert_eq!(
        serde_json::to_value(r.schedule.hours_per_week).unwrap(),
        9.5
    );
    assert!(r.center_program.is_none());
    assert_eq!(r.center_offers_level, None); // offers not given
}

#[test]
fn a_center_week_outside_the_band_is_named_beside_the_generic_one() {
    let center = Center::from_json(
        r#"{"schedules": {"intensive_outpatient": [{"days": ["mon","tue","wed","thu","fri"], "start": "09:00", "end": "13:00"}]}}"#,
    )
    .unwrap();
    let r = run_with(&base().n(4), &center);
    assert_eq!(r.schedule.source, Source::Generic);
    let program = r.center_program.unwrap();
    assert_eq!(serde_json::to_value(program.hours_per_week).unwrap(), 20);
    // A center's week for another level is not used.
    let r = run_with(&base().n(2), &center);
    assert!(r.center_program.is_none());
}

#[test]
fn an_adolescent_center_week_is_judged_on_adolescent_hours() {
    let center = Center::from_json(
        r#"{"schedules": {"intensive_outpatient": [{"days": ["mon","wed","thu"], "start": "16:00", "end": "18:00"}]}}"#,
    )
    .unwrap();
    assert_eq!(
        run_with(&base().n(4).set1(Q::Age, "under_18"), &center)
            .schedule
            .source,
        Source::Center
    );
    assert_eq!(
        run_with(&base().n(4), &center).schedule.source,
        Source::Generic
    );
}

#[test]
fn phases_run_first_step_then_core_then_step_down() {
    // Alcohol: a severe history with it is 24-hour care (v4: not with
    // cannabis, the base's substance).
    let r = run(&base()
        .with(Q::Substances, &["alcohol"])
        .set1(Q::Withdrawal, "severe")
        .set1(Q::DangerNow, "yes")
        .n(4));
    let kinds: Vec<(PhaseKind, Care)> = r.phases.iter().map(|p| (p.phase, p.care)).collect();
    assert_eq!(
        kinds,
        [
            (PhaseKind::FirstStep, Care::Emergency),
            (PhaseKind::FirstStep, Care::MedicallyManagedWithdrawal),
            (PhaseKind::Core, Care::Level(Level::IntensiveOutpatient)),
            (PhaseKind::StepDown, Care::Level(Level::Outpatient)),
        ]
    );
    let days = r.phases[1].days.unwrap();
    assert_eq!((days.min, days.max), (3, 7));
    let json = serde_json::to_value(r.phases[2]).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"phase": "core", "care": "intensive_outpatient", "weeks": {"min": 8, "max": 12}})
    );
    let r = run(&base()
        .with(Q::Substances, &["alcohol"])
        .set1(Q::Withdrawal, "mild"));
    assert_eq!(r.phases[0].care, Care::AmbulatoryWithdrawal);
    assert_eq!(r.phases[0].days.map(|d| (d.min, d.max)), Some((5, 7)));
}

#[test]
fn center_input_errors_name_the_field_and_the_accepted_form() {
    for (json, needle) in [
        (
            r#"{"offers": ["iop"]}"#,
            "center \"offers[0]\": unknown level or first step \"iop\"; allowed: self_guided",
        ),
        (r#"{"schedules": {"detox": []}}"#, "center \"schedules.detox\": unknown level"),
        (
            r#"{"schedules": {"outpatient": [{"days": ["mon"], "start": "6pm", "end": "21:00"}]}}"#,
            "center \"schedules.outpatient[0].start\": \"6pm\" is not a 24-hour time; expected HH:MM",
        ),
        (
            r#"{"schedules": {"outpatient": [{"days": ["mon"], "start": "21:00", "end": "18:00"}]}}"#,
            "center \"schedules.outpatient[0].end\": must be after start 21:00",
        ),
        (
            r#"{"schedules": {"outpatient": [{"days": ["monday"], "start": "18:00", "end": "19:00"}]}}"#,
            "unknown day \"monday\"; allowed: mon, tue, wed, thu, fri, sat, sun",
        ),
        (r#"{"offer": []}"#, "unknown field `offer`"),
        (
            r#"{"schedules": {"outpatient": [{"days": ["mon"], "start": "24:00", "end": "25:00"}]}}"#,
            "is not a 24-hour time",
        ),
    ] {
        let e = Center::from_json(json).unwrap_err().to_string();
        assert!(e.contains(needle), "{json}: {e}");
    }
}

#[test]
fn rule_14_v3_center_iop_of_one_9_hour_saturday_is_not_called_iop() {
    // 9 hours lie in the IOP band, but 1 day is outside its 3-5 days.
    let center = Center::from_json(
        r#"{"offers": ["intensive_outpatient"], "schedules": {"intensive_outpatient": [{"days": ["sat"], "start": "08:00", "end": "17:00"}]}}"#,
    )
    .unwrap();
    let r = run_with(&base().n(4), &center);
    assert_eq!(r.level, Level::IntensiveOutpatient);
    assert_eq!(r.schedule.source, Source::Generic);
    assert!(r.schedule.day_count() >= 3);
    let program = r.center_program.expect("named beside the generic week");
    assert_eq!(serde_json::to_value(program.hours_per_week).unwrap(), 9);
    assert_eq!(r.center_offers_level, Some(true));
}

#[test]
fn rule_14_v3_in_band_needs_both_hours_and_days() {
    use carepath::assessment::internals::in_band;
    use carepath::assessment::Day::*;
    use carepath::assessment::{internals::on_days, Time};
    let iop3 = on_days(&[Mon, Wed, Thu], Time::hm(18, 0), Time::hm(21, 0));
    assert!(in_band(Level::IntensiveOutpatient, false, &iop3));
    let sat9 = on_days(&[Sat], Time::hm(8, 0), Time::hm(17, 0));
    assert!(!in_band(Level::IntensiveOutpatient, false, &sat9));
    // Outpatient: 1-2 days; 3 short evenings are outside it.
    let op3 = on_days(&[Mon, Wed, Thu], Time::hm(18, 0), Time::hm(19, 0));
    assert!(!in_band(Level::Outpatient, false, &op3));
    let php4 = on_days(&[Mon, Tue, Wed, Thu], Time::hm(8, 0), Time::hm(14, 0));
    assert!(!in_band(Level::PartialHospitalization, false, &php4));
}

#[test]
fn rule_14_v3_center_offers_first_step_is_null_without_a_step_or_center() {
    let mild = base()
        .with(Q::Substances, &["alcohol"])
        .set1(Q::UseFrequency, "daily")
        .set1(Q::Withdrawal, "mild");
    assert_eq!(run(&mild).center_offers_first_step, None);
    let detox =
        Center::from_json(r#"{"offers": ["outpatient", "ambulatory_withdrawal"]}"#).unwrap();
    let r = run_with(&mild, &detox);
    assert_eq!(r.withdrawal, Withdrawal::Ambulatory);
    assert_eq!(r.center_offers_first_step, Some(true));
    let no_detox = Center::from_json(r#"{"offers": ["outpatient"]}"#).unwrap();
    assert_eq!(
        run_with(&mild, &no_detox).center_offers_first_step,
        Some(false)
    );
    // 24-hour withdrawal care is a different offer.
    let mm = mild.clone().set1(Q::Age, "65_plus");
    let r = run_with(&mm, &detox);
    assert_eq!(r.withdrawal, Withdrawal::MedicallyManaged);
    assert_eq!(r.center_offers_first_step, Some(false));
    // No first step: null, whatever the center offers.
    assert_eq!(run_with(&base(), &detox).center_offers_first_step, None);
    let json = serde_json::to_value(run_with(&mild, &detox)).unwrap();
    assert_eq!(json["center_offers_first_step"], true);
}
