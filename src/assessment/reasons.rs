//! One reason per ASAM dimension, as a message key the widget renders in
//! the visitor's language.

use serde::Serialize;

use super::conditions::Cond;
use super::engine::Fired;
use super::ids::{Dimension, Level, Withdrawal};
use super::rules::{Effect, Rule};

/// Why the result came out as it did, for one dimension.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub dimension: Dimension,
    /// Message key: the driving rule's key, or `<dimension>_none`.
    pub key: String,
    /// The rule id behind it (`None` when no rule of the dimension held).
    pub rule: Option<&'static str>,
    /// The minimum level this dimension set, if any.
    pub level: Option<Level>,
    /// Whether this dimension's minimum is the recommended level.
    pub drives: bool,
}

/// The minimum level a withdrawal first step brings, from the rules
/// themselves (2j, 2k: "after `medically_managed`, minimum ...").
fn first_step_floor(rules: &[Rule], step: Withdrawal) -> Option<Level> {
    rules
        .iter()
        .filter(|r| matches!(r.when, Cond::FirstStep(s) if s == [step]))
        .flat_map(|r| r.then.iter())
        .find_map(|e| match e {
            Effect::Minimum(l) => Some(*l),
            _ => None,
        })
}

/// How strongly a fired rule speaks for its dimension: the level it sets
/// (a withdrawal first step counts as the minimum it brings), then flags
/// and first contact, then "no first step" when nothing else held.
fn weight(f: &Fired, rules: &[Rule]) -> (i8, Option<Level>) {
    let first_step_level = f.rule.then.iter().find_map(|e| match e {
        Effect::FirstStep(w) => first_step_floor(rules, *w),
        _ => None,
    });
    match f.level.or(first_step_level) {
        Some(l) => (l as i8, Some(l)),
        None if f.rule.when == Cond::Always => (-2, None),
        None => (-1, None),
    }
}

pub fn reasons(fired: &[Fired], level: Level, rules: &[Rule]) -> Vec<Reason> {
    Dimension::ALL
        .iter()
        .map(|&dimension| {
            // The strongest rule wins; on a tie, the earlier one in the table.
            let best = fired
                .iter()
                .filter(|f| f.rule.dimension == Some(dimension))
                .fold(None::<(&Fired, (i8, Option<Level>))>, |best, f| {
                    let w = weight(f, rules);
                    match best {
                        Some((_, bw)) if bw.0 >= w.0 => best,
                        _ => Some((f, w)),
                    }
                });
            match best {
                Some((f, (_, lvl))) => Reason {
                    dimension,
                    key: f.key.to_string(),
                    rule: Some(f.rule.id),
                    level: lvl,
                    drives: lvl == Some(level) && level != Level::SelfGuided,
                },
                None => Reason {
                    dimension,
                    key: format!("{dimension}_none"),
                    rule: None,
                    level: None,
                    drives: false,
                },
            }
        })
        .collect()
}
