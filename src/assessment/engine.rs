//! Evaluates the decision table on the answers as read.

use super::answers::Facts;
use super::answers::ReadAnswers;
use super::ids::{FirstContact, Flag, Level, Urgent, Withdrawal};
use super::rules::{Effect, Rule};
use super::versions::{Version, CURRENT};

/// A rule that held, and the level it contributed after any cap.
#[derive(Clone, Copy, Debug)]
pub struct Fired {
    pub rule: &'static Rule,
    pub level: Option<Level>,
    /// The reason key for this case (a variant, or "you skipped...").
    pub key: &'static str,
}

/// The clinical decision: everything the center input cannot change.
#[derive(Clone, Debug)]
pub struct Decision {
    pub urgent: Urgent,
    pub withdrawal: Withdrawal,
    pub level: Level,
    /// In the contract's order, without repeats.
    pub flags: Vec<Flag>,
    pub first_contact: FirstContact,
    /// The rules that held, in table order.
    pub fired: Vec<Fired>,
}

/// The decision under the current version's rules.
pub fn decide(read: &ReadAnswers) -> Decision {
    decide_with(read, CURRENT)
}

/// The decision under a version's rules; `read` must come from that
/// version's bank ([`super::Answers::read_with`]).
pub fn decide_with(read: &ReadAnswers, version: &'static Version) -> Decision {
    let rules = version.rules;
    let facts = Facts::of(read, None);
    // Rule 2: the first first-step rule that holds decides.
    let first_step_rule = rules
        .iter()
        .filter(|r| r.is_first_step())
        .find(|r| r.when.holds(&facts));
    let withdrawal = first_step_rule
        .and_then(|r| {
            r.then.iter().find_map(|e| match e {
                Effect::FirstStep(w) => Some(*w),
                _ => None,
            })
        })
        .unwrap_or(Withdrawal::None);
    let facts = Facts::of(read, Some(withdrawal));
    let held: Vec<&'static Rule> = rules
        .iter()
        .filter(|r| {
            if r.is_first_step() {
                first_step_rule.is_some_and(|f| std::ptr::eq(f, *r))
            } else {
                r.when.holds(&facts)
            }
        })
        .collect();

    let effects = || held.iter().flat_map(|r| r.then.iter());
    let cap = effects()
        .filter_map(|e| match e {
            Effect::CapSeverity(l) => Some(*l),
            _ => None,
        })
        .min();
    let contributed = |e: &Effect| match e {
        Effect::Minimum(l) => Some(*l),
        Effect::SeverityMinimum(l) => Some(cap.map_or(*l, |c| (*l).min(c))),
        _ => None,
    };
    let level = effects()
        .filter_map(contributed)
        .max()
        .unwrap_or(Level::SelfGuided);
    let urgent = if effects().any(|e| *e == Effect::Emergency) {
        Urgent::Emergency
    } else {
        Urgent::None
    };
    // In contract order, each once.
    let flags: Vec<Flag> = Flag::ALL
        .iter()
        .copied()
        .filter(|f| effects().any(|e| *e == Effect::Flag(*f)))
        .collect();
    let first_contact = effects()
        .find_map(|e| match e {
            Effect::FirstContact(c) => Some(*c),
            _ => None,
        })
        .unwrap_or(FirstContact::TalkItOver);
    let fired = held
        .iter()
        .map(|rule| Fired {
            rule,
            level: rule.then.iter().filter_map(contributed).max(),
            key: rule.key_for(&facts),
        })
        .collect();
    Decision {
        urgent,
        withdrawal,
        level,
        flags,
        first_contact,
        fired,
    }
}
