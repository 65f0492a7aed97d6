//! Checks that the data tables are well formed: every id a rule names
//! exists, "asked when" looks only backwards, and the printed table shows
//! every rule that runs.

use super::commitment::BANDS;
use super::conditions::Term;
use super::conditions::{Cond, TERMS};
use super::ids::{Flag, Level, Q};
use super::questions::{question, QUESTIONS};
use super::rules::Effect;
use super::table::{self, describe};
use super::versions::{released, CURRENT};

fn conditions() -> Vec<(&'static str, &'static Cond)> {
    let mut all: Vec<(&str, &Cond)> = CURRENT.rules.iter().map(|r| (r.id, &r.when)).collect();
    all.extend(TERMS.iter().map(|t| (t.name, &t.means)));
    all.extend(
        QUESTIONS
            .iter()
            .filter_map(|q| q.asked_when.as_ref().map(|c| (q.id.id(), c))),
    );
    all
}

#[test]
fn every_option_a_condition_names_exists_in_the_bank() {
    for (owner, cond) in conditions() {
        cond.visit(&mut |c| {
            if let Cond::AnyOf(q, options) = c {
                for o in *options {
                    assert!(
                        question(*q).option_index(o).is_some(),
                        "{owner}: {q} has no option {o}"
                    );
                }
            }
        });
    }
}

#[test]
fn the_bank_is_in_id_order_and_asked_when_looks_only_at_earlier_questions() {
    for (i, q) in QUESTIONS.iter().enumerate() {
        assert_eq!(q.id.index(), i);
        if let Some(cond) = &q.asked_when {
            cond.visit(&mut |c| match c {
                Cond::AnyOf(other, _) | Cond::AnyChosen(other) | Cond::Unanswered(other) => {
                    assert!(other.index() < i, "{} looks at later {}", q.id, other)
                }
                Cond::FirstStep(_) | Cond::Criteria { .. } => {
                    panic!("{}: asked when cannot use rule results", q.id)
                }
                _ => {}
            });
        }
    }
    assert_eq!(QUESTIONS.len(), Q::ALL.len());
}

#[test]
fn first_step_rules_do_not_depend_on_the_first_step() {
    for rule in CURRENT.rules.iter().filter(|r| r.is_first_step()) {
        assert_eq!(
            rule.then.len(),
            1,
            "{}: a first-step rule has one effect",
            rule.id
        );
        rule.when.visit(&mut |c| {
            assert!(
                !matches!(c, Cond::FirstStep(_)),
                "{} reads its own result",
                rule.id
            )
        });
    }
    // The last first-step rule holds always, so rule 2 always decides.
    let last = CURRENT.rules.iter().rfind(|r| r.is_first_step()).unwrap();
    assert_eq!(last.when, Cond::Always);
}

#[test]
fn rule_ids_and_reason_keys_are_unique() {
    let mut ids: Vec<&str> = CURRENT.rules.iter().map(|r| r.id).collect();
    let mut keys: Vec<&str> = CURRENT.rules.iter().map(|r| r.key).collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    keys.sort();
    keys.dedup();
    assert_eq!((ids.len(), keys.len()), (n, n));
}

#[test]
fn every_flag_and_level_can_be_reached_by_some_rule() {
    for flag in Flag::ALL {
        assert!(
            CURRENT
                .rules
                .iter()
                .any(|r| r.then.contains(&Effect::Flag(*flag))),
            "no rule sets {flag}"
        );
    }
    for level in &Level::ALL[1..] {
        assert!(
            CURRENT.rules.iter().any(|r| r.then.iter().any(
                |e| matches!(e, Effect::Minimum(l) | Effect::SeverityMinimum(l) if *l == *level)
            )),
            "no rule sets {level}"
        );
    }
}

#[test]
fn bands_are_in_level_order_and_self_consistent() {
    for (i, b) in BANDS.iter().enumerate() {
        assert_eq!(b.level as usize, i);
        assert!(b.hours_adult.min <= b.hours_adult.max && b.days.min <= b.days.max);
    }
}

#[test]
fn the_printed_table_lists_every_rule_and_term_that_runs() {
    for v in released() {
        let md = table::rules_markdown(v);
        for rule in v.rules {
            let row = format!("| {} | ", rule.id);
            assert!(md.contains(&row), "v{}: rule {} missing", v.number, rule.id);
            assert!(
                md.contains(&describe(&rule.when)),
                "v{}: rule {} condition missing",
                v.number,
                rule.id
            );
            for e in rule.then {
                assert!(
                    md.contains(&e.describe()),
                    "v{}: rule {} effect missing",
                    v.number,
                    rule.id
                );
            }
        }
        let qs = table::questions_markdown(v);
        for q in v.bank {
            assert!(qs.contains(&format!("| `{}` |", q.id)));
        }
    }
    // Every term but v3's frozen "another risk" is in today's table.
    let md = table::rules_markdown(CURRENT);
    for t in TERMS.iter().filter(|t| t.term != Term::AnotherRiskV3) {
        assert!(md.contains(&format!("| `{}` | {} |", t.name, describe(&t.means))));
    }
}
