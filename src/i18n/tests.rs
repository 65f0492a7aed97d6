use super::*;
use crate::assessment::ids::{Day, Dimension, Flag, Level};
use crate::assessment::questions::QUESTIONS;
use crate::assessment::rules::RULES;

/// Every key the widget looks up (keys built from ids included).
pub fn keys_used() -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for q in &QUESTIONS {
        keys.push(format!("q.{}.legend", q.id));
        for o in q.options {
            keys.push(format!("q.{}.opt.{o}", q.id));
        }
    }
    for l in Level::ALL {
        for part in ["name", "about", "day"] {
            keys.push(format!("level.{l}.{part}"));
        }
    }
    for f in Flag::ALL {
        keys.push(format!("flag.{f}"));
    }
    for r in RULES.iter().filter(|r| r.dimension.is_some()) {
        keys.push(format!("reason.{}", r.key));
    }
    for d in Dimension::ALL {
        keys.push(format!("dim.{d}"));
        keys.push(format!("reason.{d}_none"));
    }
    for d in Day::ALL {
        keys.push(format!("day.{d}"));
        keys.push(format!("day_short.{d}"));
    }
    keys
}

#[test]
fn english_parses_and_has_every_key_built_from_contract_ids() {
    let en = Texts::english();
    for key in keys_used() {
        assert!(en.keys().any(|k| k == key), "en is missing {key}");
    }
}

#[test]
fn they_wording_is_used_only_for_someone_else() {
    let en = Texts::english();
    assert_eq!(en.tw("q.age.legend", false), "How old are you?");
    assert_eq!(en.tw("q.age.legend", true), "How old are they?");
    // No "other" form: the plain text serves both.
    assert_eq!(en.tw("q.for_whom.legend", true), en.t("q.for_whom.legend"));
}

#[test]
fn a_missing_key_shows_itself() {
    assert_eq!(Texts::english().t("no.such.key"), "no.such.key");
}

#[test]
fn placeholders_are_filled() {
    let en = Texts::english();
    assert_eq!(
        en.f("nav.progress", &[("n", "3"), ("total", "12")]),
        "Question 3 of 12"
    );
}

#[test]
fn english_clock_is_12_hour() {
    let en = Texts::english();
    assert_eq!(clock(&en, 18 * 60), "6 pm");
    assert_eq!(clock(&en, 9 * 60 + 30), "9:30 am");
    assert_eq!(clock(&en, 12 * 60), "12 pm");
    assert_eq!(clock(&en, 0), "12 am");
}

#[test]
fn counts_of_one_use_the_singular() {
    let en = Texts::english();
    let one = en.fcount("week.summary", 1, &[("hours", "2")]);
    assert_eq!(one, "About 2 hours a week, on 1 day:");
    let three = en.fcount("week.summary", 3, &[("hours", "9"), ("days", "3")]);
    assert_eq!(three, "About 9 hours a week, on 3 days:");
}
