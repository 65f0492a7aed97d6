//! A second, independent reading of the contract, written imperatively
//! straight from its text. The engine runs the rules as data; the tests
//! compare the two over every case they generate, so a mistake in the
//! table (or here) shows up as a difference.

use std::collections::BTreeSet;

use carepath::assessment::{Answers, Q};

#[derive(Debug, PartialEq, Eq)]
pub struct Expected {
    pub urgent: &'static str,
    pub withdrawal: &'static str,
    pub level: &'static str,
    pub flags: BTreeSet<&'static str>,
    pub first_contact: &'static str,
    pub unanswered: Vec<&'static str>,
}

const ALL_SUBSTANCES: [&str; 6] = [
    "alcohol",
    "opioids",
    "benzodiazepines",
    "stimulants",
    "cannabis",
    "other",
];
const LEVELS: [&str; 5] = [
    "self_guided",
    "outpatient",
    "intensive_outpatient",
    "partial_hospitalization",
    "residential",
];
const OP: usize = 1;
const IOP: usize = 2;
const PHP: usize = 3;
const RES: usize = 4;

/// A one-choice answer: `None` when not asked; the default when unanswered
/// (listed in `unanswered`).
fn answer(
    a: &Answers,
    q: Q,
    asked: bool,
    default: Option<&'static str>,
    unanswered: &mut Vec<&'static str>,
) -> Option<&'static str> {
    if !asked {
        return None;
    }
    match a.chosen(q) {
        Some(v) => v.first().copied(),
        None => {
            unanswered.push(q.id());
            default
        }
    }
}

// Rule 2a, 2b and 2c give the same step; they stay separate to read like the contract.
#[allow(clippy::if_same_then_else)]
pub fn oracle(a: &Answers) -> Expected {
    let mut unanswered = Vec::new();
    let mut one =
        |q: Q, default: Option<&'static str>| answer(a, q, true, default, &mut unanswered);
    let danger = one(Q::DangerNow, None);
    let _for_whom = one(Q::ForWhom, Some("self"));
    let age = one(Q::Age, Some("18_to_64")).unwrap();
    let pregnant = one(Q::Pregnant, Some("no")).unwrap() == "yes";
    let substances: Vec<&str> = match a.chosen(Q::Substances) {
        Some(v) => v,
        None => {
            unanswered.push("substances");
            ALL_SUBSTANCES.to_vec()
        }
    };
    let has = |s: &str| substances.contains(&s);
    let any_substance = !substances.is_empty();
    // Questions asked only when they apply; a question not asked reads as nothing.
    let mut asked_one = |q: Q, asked: bool, default: Option<&'static str>| {
        answer(a, q, asked, default, &mut unanswered)
    };
    let frequency = asked_one(Q::UseFrequency, any_substance, Some("daily"));
    let withdrawal_asked = any_substance && frequency != Some("not_in_30_days");
    let withdrawal = asked_one(Q::Withdrawal, withdrawal_asked, None);
    let withdrawal_unanswered = withdrawal_asked && withdrawal.is_none();
    let on_medication = asked_one(
        Q::OnMedication,
        has("opioids") || has("benzodiazepines"),
        Some("none"),
    )
    .unwrap_or("none");
    let overdose = asked_one(Q::Overdose, any_substance, Some("no")) == Some("yes");
    let n = match a.chosen(Q::Criteria) {
        Some(v) => v.len(),
        None => {
            unanswered.push("criteria");
            2
        }
    };
    let mut one =
        |q: Q, default: Option<&'static str>| answer(a, q, true, default, &mut unanswered);
    let mental = one(Q::MentalHealth, Some("somewhat")).unwrap();
    let self_harm = one(Q::SelfHarm, None); // None: unanswered
    let medical = one(Q::Medical, Some("no")).unwrap();
    let past = one(Q::PastTreatment, Some("never")).unwrap();
    let readiness = one(Q::Readiness, Some("unsure")).unwrap();
    let home = one(Q::Home, Some("stable_unsupportive")).unwrap();
    let _ = one(Q::Responsibilities, None);
    let _ = one(Q::Schedule, Some("flexible"));

    let recent = matches!(frequency, Some("daily") | Some("weekly"));
    let sedating = has("alcohol") || has("benzodiazepines");
    let opioid = has("opioids");
    let on_opioid_treatment = matches!(on_medication, "opioid_treatment" | "both");
    let adult = age != "under_18";
    let mut flags = BTreeSet::new();
    let mut min = 0usize;

    // Rule 1.
    let urgent = if danger == Some("yes") || self_harm == Some("plan_or_attempt") {
        "emergency"
    } else {
        "none"
    };

    // Rule 2.
    let wd = if withdrawal == Some("severe") && recent {
        "medically_managed"
    } else if sedating
        && recent
        && withdrawal == Some("mild")
        && (age == "65_plus"
            || medical == "unstable"
            || pregnant
            || (has("alcohol") && has("benzodiazepines"))
            || home == "unsafe_or_unstable")
    {
        "medically_managed"
    } else if pregnant
        && sedating
        && recent
        && (withdrawal == Some("never_stopped") || withdrawal_unanswered)
    {
        "medically_managed"
    } else if pregnant && opioid && !sedating {
        "none"
    } else if withdrawal == Some("mild") && recent && (sedating || (opioid && !on_opioid_treatment))
    {
        "ambulatory"
    } else {
        "none"
    };
    if sedating
        && frequency == Some("daily")
        && (withdrawal == Some("never_stopped") || withdrawal_unanswered)
    {
        flags.insert("see_doctor_first");
    }
    match wd {
        "medically_managed" => min = min.max(IOP),
        "ambulatory" => min = min.max(OP),
        _ => {}
    }

    // Rule 3, with rule 4's cap.
    let another_risk = mental != "not_at_all"
        || self_harm != Some("no")
        || home != "stable_supportive"
        || past == "relapse_after_recovery"
        || wd != "none"
        || overdose;
    let mut severity = match n {
        0 | 1 => 0,
        2 | 3 => OP,
        4 | 5 => IOP,
        _ if another_risk => PHP,
        _ => IOP,
    };
    // Rule 4.
    if past == "recent_residential" {
        min = min.max(IOP);
        severity = severity.min(IOP);
    }
    if past == "recent_detox" {
        min = min.max(IOP);
    }
    min = min.max(severity);
    // Rule 5.
    if past == "relapse_after_recovery" && n >= 2 {
        min = min.max(IOP);
    }
    // Rule 6.
    if n >= 2 {
        match mental {
            "somewhat" => {
                flags.insert("co_occurring");
            }
            "a_lot" => {
                min = min.max(IOP);
                flags.insert("co_occurring");
            }
            "unable_to_function" => {
                min = min.max(RES);
                flags.insert("co_occurring");
            }
            _ => {}
        }
    } else if mental != "not_at_all" {
        flags.insert("mental_health_care");
    }
    // Rule 7 (an unanswered self_harm flags crisis_line too).
    if self_harm != Some("no") {
        flags.insert("crisis_line");
    }
    match (self_harm, n >= 2) {
        (Some("wish_or_thoughts"), true) => {
            min = min.max(IOP);
            flags.insert("co_occurring");
        }
        (Some("method") | Some("plan_or_attempt"), true) => {
            min = min.max(PHP);
            flags.insert("co_occurring");
        }
        (Some("wish_or_thoughts") | Some("method") | Some("plan_or_attempt"), false) => {
            flags.insert("mental_health_care");
        }
        _ => {}
    }
    // Rule 8.
    if home == "unsafe_or_unstable" {
        if n >= 4 {
            min = min.max(RES);
        } else if n >= 2 {
            min = min.max(IOP);
            flags.insert(if adult {
                "recovery_housing"
            } else {
                "trusted_adult"
            });
        }
    }
    if home == "stable_unsupportive" {
        if n >= 6 {
            min = min.max(RES);
        } else if n >= 2 && adult {
            flags.insert("recovery_housing");
        }
    }
    // Rule 9.
    if medical == "unstable" {
        flags.insert("see_doctor_first");
    }
    if pregnant {
        flags.insert("pregnancy_care");
        if n >= 2 {
            min = min.max(IOP);
        }
        if opioid {
            flags.insert("see_doctor_first");
            flags.insert("medication_for_opioids");
        }
    }
    // Rule 10.
    if opioid {
        flags.insert("overdose_risk");
        flags.insert("medication_for_opioids");
    }
    if on_medication != "none" {
        flags.insert("keep_medication");
    }
    if matches!(on_medication, "prescribed_sedatives" | "both") {
        flags.insert("see_doctor_first");
    }
    // Rule 11.
    if overdose {
        min = min.max(IOP);
        flags.insert("overdose_risk");
    }
    // Rule 12.
    if !adult {
        flags.insert(if home == "unsafe_or_unstable" {
            "trusted_adult"
        } else {
            "involve_guardian"
        });
    }
    Expected {
        urgent,
        withdrawal: wd,
        level: LEVELS[min],
        flags,
        first_contact: if readiness == "ready_now" {
            "reach_out"
        } else {
            "talk_it_over"
        },
        unanswered,
    }
}
