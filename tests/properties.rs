//! Properties over the answer space: proptest over every question, and
//! exhaustive enumeration over the answers the safety rules read. The
//! oracle (tests/common/oracle.rs) is an independent reading of the
//! contract that the engine must match everywhere.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use carepath::assessment::internals::decide;
use carepath::assessment::internals::Facts;
use carepath::assessment::internals::RULES;
use carepath::assessment::{
    assess, Answers, Center, Day, FirstContact, Level, Offer, Urgent, Withdrawal, Q,
};
use carepath::assessment::{internals::band, Source};
use carepath::assessment::{Hours, Session, Time};
use carepath::assessment::{Kind, QUESTIONS};
use common::oracle::oracle;
use proptest::prelude::*;

/// Any valid answers: every question answered (any option, or any subset)
/// or left unanswered; `danger_now` always answered.
fn any_answers() -> impl Strategy<Value = Answers> {
    let per_question: Vec<_> = QUESTIONS
        .iter()
        .map(|q| {
            let len = q.options.len() as u16;
            let pick = match q.kind {
                Kind::One => (0..len).prop_map(|i| 1u16 << i).boxed(),
                Kind::Many => (0..(1u16 << len)).boxed(),
            };
            if q.id == Q::DangerNow {
                pick.prop_map(Some).boxed()
            } else {
                proptest::option::weighted(0.8, pick).boxed()
            }
        })
        .collect();
    per_question.prop_map(|masks| {
        let mut a = Answers::new();
        for (q, mask) in QUESTIONS.iter().zip(masks) {
            if let Some(mask) = mask {
                let options: Vec<&str> = q
                    .options
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mask & (1 << i) != 0)
                    .map(|(_, o)| *o)
                    .collect();
                a.set(q.id, &options).unwrap();
            }
        }
        a
    })
}

fn any_session() -> impl Strategy<Value = Session> {
    (0..7usize, 0u16..23, 1u16..10).prop_map(|(d, h, len)| Session {
        day: Day::ALL[d],
        start: Time::hm(h, 0),
        end: Time::hm((h + len).min(23), 59),
    })
}

/// Any center: offers any subset of levels and first steps (or says
/// nothing), with a schedule of 0-6 sessions for any levels.
fn any_center() -> impl Strategy<Value = Center> {
    let offers = proptest::option::of(proptest::sample::subsequence(Offer::ALL.to_vec(), 0..=7));
    let schedules = proptest::collection::btree_map(
        proptest::sample::select(Level::ALL.to_vec()),
        proptest::collection::vec(any_session(), 1..7),
        0..4,
    );
    (offers, schedules).prop_map(|(offers, schedules)| {
        let schedules = schedules
            .into_iter()
            .map(|(l, mut s): (Level, Vec<Session>)| {
                s.sort();
                (l, s)
            })
            .collect();
        Center { offers, schedules }
    })
}

fn with_one(a: &Answers, q: Q, option: &str) -> Answers {
    let mut b = a.clone();
    b.set(q, &[option]).unwrap();
    b
}

fn level(a: &Answers) -> Level {
    assess(a, None).unwrap().level
}

/// Options of a one-choice question from least to most worrying.
const WORSE: [(Q, &[&str]); 3] = [
    (
        Q::Home,
        &[
            "stable_supportive",
            "stable_unsupportive",
            "unsafe_or_unstable",
        ],
    ),
    (
        Q::MentalHealth,
        &["not_at_all", "somewhat", "a_lot", "unable_to_function"],
    ),
    (
        Q::SelfHarm,
        &["no", "wish_or_thoughts", "method", "plan_or_attempt"],
    ),
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_and_always_serializes(a in any_answers(), c in any_center()) {
        let r = assess(&a, Some(&c)).unwrap();
        let json: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
        prop_assert_eq!(json["level"].as_str(), Some(r.level.id()));
    }

    #[test]
    fn engine_matches_the_oracle_everywhere(a in any_answers()) {
        let r = assess(&a, None).unwrap();
        let o = oracle(&a);
        let ordered = o.flags_in_order();
        prop_assert_eq!(r.urgent.id(), o.urgent);
        prop_assert_eq!(r.withdrawal.id(), o.withdrawal);
        prop_assert_eq!(r.level.id(), o.level);
        let flags: BTreeSet<&str> = r.flags.iter().map(|f| f.id()).collect();
        prop_assert_eq!(flags, o.flags);
        prop_assert_eq!(r.first_contact.id(), o.first_contact);
        let unanswered: Vec<&str> = r.unanswered.iter().map(|q| q.id()).collect();
        prop_assert_eq!(unanswered, o.unanswered);
        // The result lists the flags in the contract's order, family_support last.
        let json: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
        let listed: Vec<&str> = json["flags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f.as_str().unwrap())
            .collect();
        prop_assert_eq!(listed, ordered);
    }

    #[test]
    fn danger_now_yes_or_plan_or_attempt_is_always_emergency_and_nothing_else_is(a in any_answers()) {
        // For this background, every combination of the two safety answers.
        for danger in ["yes", "no"] {
            for self_harm in [None, Some("no"), Some("wish_or_thoughts"), Some("method"), Some("plan_or_attempt")] {
                let mut b = with_one(&a, Q::DangerNow, danger);
                match self_harm {
                    Some(s) => b.set(Q::SelfHarm, &[s]).unwrap(),
                    None => b.clear(Q::SelfHarm),
                }
                let expected = danger == "yes" || self_harm == Some("plan_or_attempt");
                let r = assess(&b, None).unwrap();
                prop_assert_eq!(r.urgent == Urgent::Emergency, expected, "{} {:?}", danger, self_harm);
                if expected {
                    prop_assert_eq!(r.phases[0].care, carepath::assessment::Care::Emergency);
                }
            }
        }
    }

    #[test]
    fn adding_a_criterion_never_lowers_the_level(a in any_answers(), pick in 0usize..11) {
        if let Some(chosen) = a.chosen(Q::Criteria) {
            let option = QUESTIONS[Q::Criteria.index()].options[pick];
            if !chosen.contains(&option) {
                let mut more = chosen.clone();
                more.push(option);
                let mut b = a.clone();
                b.set(Q::Criteria, &more).unwrap();
                prop_assert!(level(&b) >= level(&a));
            }
        }
    }

    #[test]
    fn a_worse_home_mental_health_or_self_harm_never_lowers_the_level(a in any_answers()) {
        for (q, order) in WORSE {
            for (i, lower) in order.iter().enumerate() {
                for higher in &order[i + 1..] {
                    let (lo, hi) = (with_one(&a, q, lower), with_one(&a, q, higher));
                    prop_assert!(level(&hi) >= level(&lo), "{} {} -> {}", q, lower, higher);
                }
            }
        }
    }

    #[test]
    fn an_overdose_never_lowers_the_level(a in any_answers()) {
        let (no, yes) = (with_one(&a, Q::Overdose, "no"), with_one(&a, Q::Overdose, "yes"));
        prop_assert!(level(&yes) >= level(&no));
    }

    #[test]
    fn a_center_never_changes_the_clinical_result(a in any_answers(), c in any_center()) {
        let alone = assess(&a, None).unwrap();
        let with = assess(&a, Some(&c)).unwrap();
        prop_assert_eq!(alone.level, with.level);
        prop_assert_eq!(alone.urgent, with.urgent);
        prop_assert_eq!(alone.withdrawal, with.withdrawal);
        prop_assert_eq!(&alone.flags, &with.flags);
        prop_assert_eq!(&alone.unanswered, &with.unanswered);
        prop_assert_eq!(&alone.reasons, &with.reasons);
        prop_assert_eq!(&alone.phases, &with.phases);
        prop_assert_eq!(alone.first_contact, with.first_contact);
        // The first step is offered or referred on only when there is one.
        let step = with.withdrawal != Withdrawal::None;
        prop_assert_eq!(with.center_offers_first_step.is_some(), step && c.offers.is_some());
    }

    #[test]
    fn p4_method_attempt_unable_to_function_or_danger_is_at_least_outpatient(a in any_answers()) {
        for (q, option) in [
            (Q::SelfHarm, "method"),
            (Q::SelfHarm, "plan_or_attempt"),
            (Q::MentalHealth, "unable_to_function"),
            (Q::DangerNow, "yes"),
        ] {
            prop_assert!(level(&with_one(&a, q, option)) >= Level::Outpatient, "{} {}", q, option);
        }
    }

    #[test]
    fn p6_an_emergency_puts_safety_first(a in any_answers()) {
        let r = assess(&a, None).unwrap();
        prop_assert_eq!(
            r.urgent == Urgent::Emergency,
            r.first_contact == FirstContact::SafetyFirst
        );
    }

    #[test]
    fn p8_pregnancy_never_lowers_the_level(a in any_answers()) {
        let (no, yes) = (with_one(&a, Q::Pregnant, "no"), with_one(&a, Q::Pregnant, "yes"));
        prop_assert!(level(&yes) >= level(&no));
        prop_assert!(assess(&yes, None).unwrap().withdrawal != Withdrawal::Ambulatory, "P5");
    }

    #[test]
    fn p9_no_24_hour_step_for_stimulants_cannabis_or_opioids_on_treatment(a in any_answers(), pick in 0usize..5) {
        let (substances, medication): (&[&str], Option<&str>) = match pick {
            0 => (&["stimulants"], None),
            1 => (&["cannabis"], None),
            2 => (&["stimulants", "cannabis"], None),
            3 => (&["opioids"], Some("opioid_treatment")),
            _ => (&["opioids"], Some("both")),
        };
        let mut b = a.clone();
        b.set(Q::Substances, substances).unwrap();
        if let Some(m) = medication {
            b.set(Q::OnMedication, &[m]).unwrap();
        }
        for withdrawal in ["severe", "mild", "never_stopped"] {
            let c = with_one(&b, Q::Withdrawal, withdrawal);
            let r = assess(&c, None).unwrap();
            prop_assert_ne!(r.withdrawal, Withdrawal::MedicallyManaged, "P9: {:?}", c.to_json_value());
        }
    }

    #[test]
    fn p10_opioid_treatment_gives_overdose_risk(a in any_answers(), add in 0usize..3) {
        // Keep the visitor's substances, or add opioids or benzodiazepines
        // to an answered list so that on_medication is asked.
        let mut b = a.clone();
        if let (Some(mut s), Some(extra)) = (a.chosen(Q::Substances), [None, Some("opioids"), Some("benzodiazepines")][add]) {
            if !s.contains(&extra) {
                s.push(extra);
            }
            b.set(Q::Substances, &s).unwrap();
        }
        for medication in ["opioid_treatment", "both"] {
            let c = with_one(&b, Q::OnMedication, medication);
            if c.read().is_asked(Q::OnMedication) {
                prop_assert!(has_flag(&c, "overdose_risk"), "P10: {:?}", c.to_json_value());
            }
        }
    }

    #[test]
    fn p11_pregnancy_with_withdrawal_or_daily_use_is_at_least_outpatient(a in any_answers()) {
        let b = with_one(&a, Q::Pregnant, "yes");
        for withdrawal in ["mild", "severe"] {
            let c = with_one(&b, Q::Withdrawal, withdrawal);
            if c.read().is_asked(Q::Withdrawal) {
                prop_assert!(has_flag(&c, "see_doctor_first"), "P11: {:?}", c.to_json_value());
                prop_assert!(level(&c) >= Level::Outpatient, "P11: {:?}", c.to_json_value());
            }
        }
        let c = with_one(&b, Q::UseFrequency, "daily");
        if c.read().is_asked(Q::UseFrequency) && !only_prescribed_benzodiazepines(&c) {
            prop_assert!(level(&c) >= Level::Outpatient, "P11 daily: {:?}", c.to_json_value());
        }
    }

    #[test]
    fn p12_an_unsafe_home_always_flags_housing_or_a_trusted_adult(a in any_answers()) {
        let b = with_one(&a, Q::Home, "unsafe_or_unstable");
        check_p12(&b);
    }

    #[test]
    fn p1_p2_a_skip_never_sets_residential_or_24_hour_detox(a in any_answers()) {
        check_skips_never_escalate(&a);
    }

    #[test]
    fn a_reason_never_states_a_skipped_answer_as_a_fact(a in any_answers()) {
        check_skip_worded_reasons(&a);
    }

    #[test]
    fn the_center_schedule_is_used_only_inside_the_band(a in any_answers(), c in any_center()) {
        let r = assess(&a, Some(&c)).unwrap();
        let under_18 = a.read().has_any(Q::Age, &["under_18"]);
        let hours = band(r.level).hours(under_18);
        let days = band(r.level).days;
        let day_count = |s: &[Session]| s.iter().map(|x| x.day).collect::<BTreeSet<_>>().len() as u32;
        let hours_in = |h: Hours| (hours.min * 60..=hours.max * 60).contains(&h.minutes);
        // Rule 14 (P7): both the hours and the distinct days lie in the band.
        let in_band = |s: &[Session]| hours_in(Hours::of(s)) && (days.min..=days.max).contains(&day_count(s));
        prop_assert!(hours_in(r.schedule.hours_per_week), "suggested week outside the band");
        prop_assert_eq!(r.schedule.hours_per_week, match r.level {
            Level::Residential => Hours::whole(168),
            _ => Hours::of(&r.schedule.sessions),
        });
        let own = c.schedules.get(&r.level);
        let usable = !matches!(r.level, Level::SelfGuided | Level::Residential);
        match r.schedule.source {
            Source::Center => {
                prop_assert!(usable);
                prop_assert_eq!(Some(&r.schedule.sessions), own);
                prop_assert!(in_band(&r.schedule.sessions), "P7: a center week outside the band");
            }
            Source::Generic => {
                // The center's week was absent, unusable, or outside the band.
                let fits = own.is_some_and(|s| usable && in_band(s));
                prop_assert!(!fits);
                prop_assert_eq!(r.center_program.is_some(), own.is_some() && usable);
            }
        }
    }

    #[test]
    fn the_generic_week_keeps_the_days_of_the_band(a in any_answers()) {
        let r = assess(&a, None).unwrap();
        let days: BTreeSet<Day> = r.schedule.sessions.iter().map(|s| s.day).collect();
        let band = band(r.level);
        if r.level != Level::Residential {
            prop_assert!((band.days.min..=band.days.max).contains(&(days.len() as u32)), "{:?}", days);
        }
    }
}

fn has_flag(a: &Answers, id: &str) -> bool {
    assess(a, None).unwrap().flags.iter().any(|f| f.id() == id)
}

/// Rule 9's exception: `substances` answered exactly `[benzodiazepines]`
/// and `on_medication` answered `prescribed_sedatives` or `both`.
fn only_prescribed_benzodiazepines(a: &Answers) -> bool {
    a.chosen(Q::Substances).as_deref() == Some(&["benzodiazepines"][..])
        && matches!(
            a.chosen(Q::OnMedication).as_deref(),
            Some(["prescribed_sedatives"]) | Some(["both"])
        )
}

/// `n` as the contract names it: the criteria chosen; 2 when unanswered,
/// 0 when unanswered and `substances` is answered `[]`.
fn contract_n(a: &Answers) -> usize {
    match a.chosen(Q::Criteria) {
        Some(c) => c.len(),
        None if a.chosen(Q::Substances).is_some_and(|s| s.is_empty()) => 0,
        None => 2,
    }
}

/// P12: `home = unsafe_or_unstable` with `n >= 2` flags `recovery_housing`
/// (adult) or `trusted_adult` (under 18), at every level.
fn check_p12(a: &Answers) {
    if a.chosen(Q::Home).as_deref() != Some(&["unsafe_or_unstable"][..]) || contract_n(a) < 2 {
        return;
    }
    let under_18 = a.chosen(Q::Age).as_deref() == Some(&["under_18"][..]);
    let flag = if under_18 {
        "trusted_adult"
    } else {
        "recovery_housing"
    };
    assert!(has_flag(a, flag), "P12 {flag}: {:?}", a.to_json_value());
}

/// Reason keys that speak of a skip in their own words, or whose words
/// state nothing the visitor may have skipped.
const SKIP_WORDED: [&str; 13] = [
    "withdrawal_check_with_doctor",
    "self_harm_unanswered",
    "withdrawal_pregnant_doctor",
    "pregnant_stop_with_doctor",
    "readiness_skipped",
    "withdrawal_unknown",
    // Rule 2's [v4] `other` bullet fires on a skipped use_frequency or
    // withdrawal on purpose; its words ("Some pills, like gabapentin or
    // muscle relaxers, can cause seizures if stopped all at once. Ask a
    // doctor before stopping.") state neither.
    "withdrawal_other_doctor",
    // [v4] A skipped checklist after an answered "no substances" reads n = 0
    // from that answer (no disorder is invented); 6f and 7f then state only
    // the mood and self-harm answers the visitor gave, and rule 15 still
    // says the checklist was skipped.
    "mental_health_unable_care",
    "mental_health_care",
    "self_harm_method_care",
    // [v4] Rule 2's severe-history floor (2m) holds on a skipped frequency
    // on purpose (as rule 3 does); its words state only the answered
    // severe withdrawal and, for the variant, the answered medication.
    "withdrawal_severe_other",
    "withdrawal_severe_moud",
    // [v4] Rule 3's "another risk" counts a severe history with recent use
    // also on a skipped frequency (the contract says so, as for a first
    // step); 3d's words ("plus another risk") state no skipped answer.
    "severity_severe_with_risk",
];

/// A reason whose rule holds only through a skipped answer's reading uses a
/// "you skipped..." key.
fn check_skip_worded_reasons(a: &Answers) {
    let r = assess(a, None).unwrap();
    let read = a.read();
    let facts = Facts::of(&read, Some(r.withdrawal));
    for reason in &r.reasons {
        let Some(id) = reason.rule else { continue };
        let rule = RULES.iter().find(|x| x.id == id).unwrap();
        if rule.rests_on_skip(&facts) {
            assert!(
                reason.key.ends_with("_skipped") || SKIP_WORDED.contains(&reason.key.as_str()),
                "rule {id} rests on a skip but says {}: {:?}",
                reason.key,
                a.to_json_value()
            );
        }
    }
}

/// P1 and P2: with `q` unanswered (and still asked), `residential` or
/// `medically_managed` holds for every option of `q`.
fn check_skips_never_escalate(a: &Answers) {
    let r = assess(a, None).unwrap();
    let mm = r.withdrawal == Withdrawal::MedicallyManaged;
    let residential = r.level == Level::Residential;
    if !mm && !residential {
        return;
    }
    let severe = a.chosen(Q::Withdrawal).unwrap_or_default() == ["severe"];
    // P2's exceptions: use_frequency and substances under rule 2a, and
    // on_medication (its reading `none` only keeps two exceptions off).
    for &q in &r.unanswered {
        let bank = &QUESTIONS[q.index()];
        let options: Vec<Vec<&str>> = match bank.kind {
            Kind::One => bank.options.iter().map(|o| vec![*o]).collect(),
            // Each single option and none: enough to show a skip's reading
            // is not what set it.
            Kind::Many => std::iter::once(vec![])
                .chain(bank.options.iter().map(|o| vec![*o]))
                .collect(),
        };
        for option in options {
            let mut b = a.clone();
            b.set(q, &option).unwrap();
            // Only answers that keep every other question asked.
            let (ra, rb) = (a.read(), b.read());
            if QUESTIONS
                .iter()
                .any(|x| ra.is_asked(x.id) && !rb.is_asked(x.id))
            {
                continue;
            }
            let s = assess(&b, None).unwrap();
            if residential {
                assert_eq!(
                    s.level,
                    Level::Residential,
                    "P1: {q} = {option:?} in {:?}",
                    a.to_json_value()
                );
            }
            let exempt =
                q == Q::OnMedication || (severe && matches!(q, Q::UseFrequency | Q::Substances));
            if mm && !exempt {
                assert_eq!(
                    s.withdrawal,
                    Withdrawal::MedicallyManaged,
                    "P2: {q} = {option:?} in {:?}",
                    a.to_json_value()
                );
            }
        }
    }
}

/// P3: for `mental_health`, `self_harm` and `home`, unanswered gives the
/// level and withdrawal of the calmest answer.
fn check_p3(a: &Answers) {
    let r = assess(a, None).unwrap();
    for (q, calm) in [
        (Q::MentalHealth, "not_at_all"),
        (Q::SelfHarm, "no"),
        (Q::Home, "stable_supportive"),
    ] {
        if a.is_answered(q) {
            continue;
        }
        let s = assess(&with_one(a, q, calm), None).unwrap();
        assert_eq!(
            (r.level, r.withdrawal),
            (s.level, s.withdrawal),
            "P3 {q}: {:?}",
            a.to_json_value()
        );
    }
}

/// Every option of a one-choice question, and unanswered (`None`).
fn each_answer(q: Q) -> Vec<Option<&'static str>> {
    let mut v: Vec<Option<&str>> = QUESTIONS[q.index()]
        .options
        .iter()
        .map(|o| Some(*o))
        .collect();
    v.push(None);
    v
}

/// Sets (or, for `None`, clears) a one-choice answer.
fn put(a: &mut Answers, q: Q, v: Option<&str>) {
    match v {
        Some(o) => a.set(q, &[o]).unwrap(),
        None => a.clear(q),
    }
}

/// Checks the engine's decision against the oracle for one case.
fn matches_oracle(a: &Answers) -> carepath::assessment::internals::Decision {
    let d = decide(&a.read());
    let o = oracle(a);
    let flags: BTreeSet<&str> = d.flags.iter().map(|f| f.id()).collect();
    assert_eq!(d.urgent.id(), o.urgent, "{:?}", a.to_json_value());
    assert_eq!(d.withdrawal.id(), o.withdrawal, "{:?}", a.to_json_value());
    assert_eq!(d.level.id(), o.level, "{:?}", a.to_json_value());
    assert_eq!(flags, o.flags, "{:?}", a.to_json_value());
    assert_eq!(
        d.first_contact.id(),
        o.first_contact,
        "{:?}",
        a.to_json_value()
    );
    d
}

/// One case per v4 change, worked out by hand from the contract text, so
/// that the oracle itself is pinned (not only the engine against it). Each
/// starts from `common::base()`: an adult, not pregnant, cannabis weekly, no
/// withdrawal, no criteria, nothing else of concern, ready now.
#[test]
fn v4_cases_worked_by_hand_from_the_contract() {
    use common::AnswersExt;
    type Case = (
        &'static str,
        Answers,
        &'static str,
        &'static str,
        &'static [&'static str],
    );
    let b = common::base;
    let cases: Vec<Case> = vec![
        // Rule 2a: not wm_substance; rule 2's floor; see_doctor_first.
        (
            "severe history with cannabis alone",
            b().set1(Q::Withdrawal, "severe"),
            "none",
            "outpatient",
            &["see_doctor_first"],
        ),
        (
            "severe history on methadone",
            b().with(Q::Substances, &["opioids"])
                .set1(Q::UseFrequency, "daily")
                .set1(Q::Withdrawal, "severe")
                .set1(Q::OnMedication, "opioid_treatment"),
            "none",
            "outpatient",
            &["overdose_risk", "keep_medication", "see_doctor_first"],
        ),
        (
            "severe history with opioids, no treatment",
            b().with(Q::Substances, &["opioids"])
                .set1(Q::UseFrequency, "weekly")
                .set1(Q::Withdrawal, "severe")
                .set1(Q::OnMedication, "none"),
            "medically_managed",
            "intensive_outpatient",
            &["medication_for_opioids", "overdose_risk"],
        ),
        (
            "severe history with other",
            b().with(Q::Substances, &["other"])
                .set1(Q::Withdrawal, "severe"),
            "medically_managed",
            "intensive_outpatient",
            &[],
        ),
        // Rule 3: severe and recent is another risk at n >= 6.
        (
            "severe history with stimulants and 6 criteria",
            b().with(Q::Substances, &["stimulants"])
                .set1(Q::Withdrawal, "severe")
                .n(6),
            "none",
            "partial_hospitalization",
            &["overdose_risk", "see_doctor_first"],
        ),
        // Rule 2's fourth bullet.
        (
            "daily other, never stopped",
            b().with(Q::Substances, &["other"])
                .set1(Q::UseFrequency, "daily")
                .set1(Q::Withdrawal, "never_stopped"),
            "none",
            "self_guided",
            &["see_doctor_first"],
        ),
        (
            "daily other, mild",
            b().with(Q::Substances, &["other"])
                .set1(Q::UseFrequency, "daily")
                .set1(Q::Withdrawal, "mild"),
            "none",
            "self_guided",
            &["see_doctor_first"],
        ),
        // Rule 1.
        (
            "danger now",
            b().set1(Q::DangerNow, "yes"),
            "none",
            "outpatient",
            &[],
        ),
        // Rule 3: medical = unstable is another risk.
        (
            "unstable health and 6 criteria",
            b().set1(Q::Medical, "unstable").n(6),
            "none",
            "partial_hospitalization",
            &["see_doctor_first"],
        ),
        // Rule 8: the flag at every level.
        (
            "unsafe home and 4 criteria",
            b().set1(Q::Home, "unsafe_or_unstable").n(4),
            "none",
            "residential",
            &["recovery_housing"],
        ),
        (
            "unsafe home, 4 criteria, under 18",
            b().set1(Q::Home, "unsafe_or_unstable")
                .n(4)
                .set1(Q::Age, "under_18"),
            "none",
            "residential",
            &["trusted_adult"],
        ),
        // Rule 9 [v4].
        (
            "pregnant, daily alcohol, no withdrawal",
            b().set1(Q::Pregnant, "yes")
                .with(Q::Substances, &["alcohol"])
                .set1(Q::UseFrequency, "daily"),
            "none",
            "outpatient",
            &["pregnancy_care"],
        ),
        (
            "pregnant, prescribed benzodiazepines only, daily",
            b().set1(Q::Pregnant, "yes")
                .with(Q::Substances, &["benzodiazepines"])
                .set1(Q::UseFrequency, "daily")
                .set1(Q::OnMedication, "prescribed_sedatives"),
            "none",
            "self_guided",
            &["keep_medication", "see_doctor_first", "pregnancy_care"],
        ),
        (
            "pregnant, cannabis weekly, mild withdrawal",
            b().set1(Q::Pregnant, "yes").set1(Q::Withdrawal, "mild"),
            "none",
            "outpatient",
            &["see_doctor_first", "pregnancy_care"],
        ),
        (
            "pregnant, opioids, severe (2a before 2d)",
            b().set1(Q::Pregnant, "yes")
                .with(Q::Substances, &["opioids"])
                .set1(Q::UseFrequency, "daily")
                .set1(Q::Withdrawal, "severe")
                .set1(Q::OnMedication, "none"),
            "medically_managed",
            "intensive_outpatient",
            &[
                "medication_for_opioids",
                "overdose_risk",
                "see_doctor_first",
                "pregnancy_care",
            ],
        ),
        // Rule 10 [v4].
        (
            "methadone with sedatives",
            b().with(Q::Substances, &["benzodiazepines"])
                .set1(Q::OnMedication, "opioid_treatment"),
            "none",
            "self_guided",
            &["overdose_risk", "keep_medication"],
        ),
        // n = 0 for a skipped checklist after "no substances".
        (
            "no substances, criteria skipped",
            b().with(Q::Substances, &[]).unset(Q::Criteria),
            "none",
            "self_guided",
            &["talk_to_clinician"],
        ),
        (
            "no substances, criteria and mood skipped",
            b().with(Q::Substances, &[])
                .unset(Q::Criteria)
                .unset(Q::MentalHealth),
            "none",
            "self_guided",
            &["mental_health_care", "talk_to_clinician"],
        ),
        (
            "cannabis, criteria skipped",
            b().unset(Q::Criteria),
            "none",
            "outpatient",
            &["talk_to_clinician"],
        ),
        // Rule 16, last in the list.
        (
            "someone else, skipped mood",
            b().set1(Q::ForWhom, "someone_else").unset(Q::MentalHealth),
            "none",
            "self_guided",
            &["mental_health_care", "talk_to_clinician", "family_support"],
        ),
    ];
    for (name, a, withdrawal, level, flags) in cases {
        let o = oracle(&a);
        assert_eq!(
            (o.withdrawal, o.level, o.flags_in_order()),
            (withdrawal, level, flags.to_vec()),
            "oracle: {name}"
        );
        let r = assess(&a, None).unwrap();
        let json: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
        let listed: Vec<&str> = json["flags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f.as_str().unwrap())
            .collect();
        assert_eq!(
            (r.withdrawal.id(), r.level.id(), listed),
            (withdrawal, level, flags.to_vec()),
            "engine: {name}"
        );
    }
}

/// Every combination of the answers rule 2 and the flags read, against the
/// oracle: substances (each mix of alcohol, opioids, benzodiazepines,
/// stimulants and `other`, cannabis alone, or unanswered) x frequency x
/// withdrawal x medication x pregnancy x age x medical x home, each also
/// unanswered, with criteria 0, 2 or unanswered. Also P2, P5, P8, P9, P10,
/// P11 and rule 2a on each case.
#[test]
fn withdrawal_and_safety_flags_match_the_oracle_exhaustively() {
    let mut substance_sets: Vec<Option<Vec<&str>>> = vec![None, Some(vec!["cannabis"])];
    for mask in 0..32u8 {
        let set: Vec<&str> = [
            "alcohol",
            "opioids",
            "benzodiazepines",
            "stimulants",
            "other",
        ]
        .iter()
        .enumerate()
        .filter(|(i, _)| mask & (1 << i) != 0)
        .map(|(_, s)| *s)
        .collect();
        substance_sets.push(Some(set));
    }
    let mut count = 0u32;
    let criteria_sets: [Option<usize>; 3] = [Some(0), Some(2), None];
    for n in criteria_sets {
        let mut base = common::base();
        match n {
            Some(n) => base.set(Q::Criteria, common::criteria(n)).unwrap(),
            None => base.clear(Q::Criteria),
        }
        for substances in &substance_sets {
            for frequency in each_answer(Q::UseFrequency) {
                for withdrawal in each_answer(Q::Withdrawal) {
                    for medication in each_answer(Q::OnMedication) {
                        for pregnant in each_answer(Q::Pregnant) {
                            for age in each_answer(Q::Age) {
                                for medical in each_answer(Q::Medical) {
                                    for home in each_answer(Q::Home) {
                                        let mut a = base.clone();
                                        put(&mut a, Q::UseFrequency, frequency);
                                        put(&mut a, Q::Withdrawal, withdrawal);
                                        put(&mut a, Q::OnMedication, medication);
                                        put(&mut a, Q::Pregnant, pregnant);
                                        put(&mut a, Q::Age, age);
                                        put(&mut a, Q::Medical, medical);
                                        put(&mut a, Q::Home, home);
                                        match substances {
                                            Some(s) => a.set(Q::Substances, s).unwrap(),
                                            None => a.clear(Q::Substances),
                                        }
                                        let d = matches_oracle(&a);
                                        check_rule_2_and_p5_p9_p10_p11(
                                            &a,
                                            &d,
                                            substances.as_deref(),
                                            frequency,
                                            withdrawal,
                                            medication,
                                            pregnant,
                                        );
                                        if d.withdrawal == Withdrawal::MedicallyManaged {
                                            check_skips_never_escalate(&a);
                                        }
                                        count += 1;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    assert_eq!(count, 3 * 34 * 5 * 5 * 5 * 3 * 4 * 4 * 4);
}

/// The properties of the withdrawal walk, each stated on the answers as the
/// walk set them (not through the oracle).
fn check_rule_2_and_p5_p9_p10_p11(
    a: &Answers,
    d: &carepath::assessment::internals::Decision,
    substances: Option<&[&str]>,
    frequency: Option<&str>,
    withdrawal: Option<&str>,
    medication: Option<&str>,
    pregnant: Option<&str>,
) {
    let case = || a.to_json_value();
    let has = |x: &str| substances.is_none_or(|s| s.contains(&x));
    let any_substance = substances.is_none_or(|s| !s.is_empty());
    let on_opioid_treatment = (has("opioids") || has("benzodiazepines"))
        && matches!(medication, Some("opioid_treatment") | Some("both"));
    let wm_substance = has("alcohol")
        || has("benzodiazepines")
        || has("other")
        || (has("opioids") && !on_opioid_treatment);
    let recent = any_substance && matches!(frequency, Some("daily") | Some("weekly") | None);
    let flag = |id: &str| d.flags.iter().any(|f| f.id() == id);
    // Rule 2a [v4]: a severe history with recent use is a 24-hour first step
    // for the substances whose withdrawal can kill; otherwise a doctor soon
    // and at least outpatient.
    if withdrawal == Some("severe") && recent {
        if wm_substance {
            assert_eq!(
                d.withdrawal,
                Withdrawal::MedicallyManaged,
                "2a: {:?}",
                case()
            );
        } else {
            assert_ne!(
                d.withdrawal,
                Withdrawal::MedicallyManaged,
                "2a: {:?}",
                case()
            );
            assert!(d.level >= Level::Outpatient, "rule 2: {:?}", case());
            assert!(flag("see_doctor_first"), "rule 2: {:?}", case());
        }
    }
    // P9.
    let only_stimulants_or_cannabis =
        substances.is_some_and(|s| s.iter().all(|x| matches!(*x, "stimulants" | "cannabis")));
    let opioids_on_treatment = substances == Some(&["opioids"][..]) && on_opioid_treatment;
    if only_stimulants_or_cannabis || opioids_on_treatment {
        assert_ne!(
            d.withdrawal,
            Withdrawal::MedicallyManaged,
            "P9: {:?}",
            case()
        );
    }
    // P10.
    if on_opioid_treatment {
        assert!(flag("overdose_risk"), "P10: {:?}", case());
    }
    if pregnant == Some("yes") {
        // P5 and P8.
        assert_ne!(d.withdrawal, Withdrawal::Ambulatory, "P5: {:?}", case());
        let mut no = a.clone();
        put(&mut no, Q::Pregnant, Some("no"));
        assert!(d.level >= decide(&no.read()).level, "P8: {:?}", case());
        // P11.
        let used_30d = any_substance && frequency != Some("not_in_30_days");
        if used_30d && matches!(withdrawal, Some("mild") | Some("severe")) {
            assert!(flag("see_doctor_first"), "P11: {:?}", case());
            assert!(d.level >= Level::Outpatient, "P11: {:?}", case());
        }
        if any_substance && frequency == Some("daily") && !only_prescribed_benzodiazepines(a) {
            assert!(d.level >= Level::Outpatient, "P11 daily: {:?}", case());
        }
    }
    // P5: prescribed_only without opioid has no first step unless 2a.
    let prescribed_only = substances.is_some_and(|s| {
        s.contains(&"benzodiazepines") && !s.contains(&"alcohol") && !s.contains(&"opioids")
    }) && matches!(medication, Some("prescribed_sedatives") | Some("both"));
    let rule_2a = withdrawal == Some("severe") && recent && wm_substance;
    if prescribed_only && !rule_2a {
        assert_eq!(d.withdrawal, Withdrawal::None, "P5: {:?}", case());
    }
}

/// Every combination of the answers rules 3 to 8 read, against the oracle,
/// with P1, P3 and P12 on each case.
#[test]
fn levels_match_the_oracle_exhaustively_over_severity_and_risk() {
    let mut count = 0u32;
    for n in (0..=11).map(Some).chain([None]) {
        for mental in each_answer(Q::MentalHealth) {
            for self_harm in each_answer(Q::SelfHarm) {
                for home in each_answer(Q::Home) {
                    for past in each_answer(Q::PastTreatment) {
                        for overdose in each_answer(Q::Overdose) {
                            for age in [Some("under_18"), Some("18_to_64")] {
                                for medical in [Some("no"), Some("unstable")] {
                                    let mut a = common::base();
                                    put(&mut a, Q::MentalHealth, mental);
                                    put(&mut a, Q::SelfHarm, self_harm);
                                    put(&mut a, Q::Home, home);
                                    put(&mut a, Q::PastTreatment, past);
                                    put(&mut a, Q::Overdose, overdose);
                                    put(&mut a, Q::Age, age);
                                    put(&mut a, Q::Medical, medical);
                                    match n {
                                        Some(n) => a.set(Q::Criteria, common::criteria(n)).unwrap(),
                                        None => a.clear(Q::Criteria),
                                    }
                                    let d = matches_oracle(&a);
                                    if d.level == Level::Residential {
                                        check_skips_never_escalate(&a);
                                    }
                                    check_p3(&a);
                                    check_p12(&a);
                                    check_skip_worded_reasons(&a);
                                    count += 1;
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    assert_eq!(count, 13 * 5 * 5 * 4 * 6 * 3 * 2 * 2);
}

/// "No substances" ([v4]: a skipped checklist then reads n = 0) and the
/// safety answers: criteria x mental health x self-harm x home x pregnancy x
/// age x danger now x who is asking, against the oracle, with P3, P4, P8 and
/// P12.
#[test]
fn no_substances_and_danger_match_the_oracle_exhaustively() {
    let mut count = 0u32;
    for substances in [&[][..], &["cannabis"][..]] {
        for n in (0..=11).map(Some).chain([None]) {
            for mental in each_answer(Q::MentalHealth) {
                for self_harm in each_answer(Q::SelfHarm) {
                    for home in each_answer(Q::Home) {
                        for pregnant in [Some("yes"), Some("no")] {
                            for age in [Some("under_18"), None] {
                                for danger in ["yes", "no"] {
                                    for for_whom in each_answer(Q::ForWhom) {
                                        let mut a = common::base();
                                        a.set(Q::Substances, substances).unwrap();
                                        put(&mut a, Q::MentalHealth, mental);
                                        put(&mut a, Q::SelfHarm, self_harm);
                                        put(&mut a, Q::Home, home);
                                        put(&mut a, Q::Pregnant, pregnant);
                                        put(&mut a, Q::Age, age);
                                        put(&mut a, Q::DangerNow, Some(danger));
                                        put(&mut a, Q::ForWhom, for_whom);
                                        match n {
                                            Some(n) => {
                                                a.set(Q::Criteria, common::criteria(n)).unwrap()
                                            }
                                            None => a.clear(Q::Criteria),
                                        }
                                        let d = matches_oracle(&a);
                                        if danger == "yes" {
                                            assert!(
                                                d.level >= Level::Outpatient,
                                                "P4: {:?}",
                                                a.to_json_value()
                                            );
                                        }
                                        if pregnant == Some("yes") {
                                            let mut no = a.clone();
                                            put(&mut no, Q::Pregnant, Some("no"));
                                            assert!(
                                                d.level >= decide(&no.read()).level,
                                                "P8: {:?}",
                                                a.to_json_value()
                                            );
                                        }
                                        check_p3(&a);
                                        check_p12(&a);
                                        check_skip_worded_reasons(&a);
                                        count += 1;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    assert_eq!(count, 2 * 13 * 5 * 5 * 4 * 2 * 2 * 2 * 3);
}
