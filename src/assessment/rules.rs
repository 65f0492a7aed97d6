//! The contract's rules as data. The engine evaluates exactly these values
//! and `carepath rules` prints them, so the table cannot drift from what runs.

use super::answers::Facts;
use super::conditions::{Cond, Term};
use super::ids::{Dimension, FirstContact, Flag, Level, Withdrawal, Q};

/// What a rule does when its condition holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// `urgent = emergency`.
    Emergency,
    /// The withdrawal first step; among these rules the first that holds wins.
    FirstStep(Withdrawal),
    /// A minimum level.
    Minimum(Level),
    /// A rule-3 (severity) minimum: the only kind a cap applies to.
    SeverityMinimum(Level),
    /// Caps the rule-3 minimum (rule 4's step down).
    CapSeverity(Level),
    Flag(Flag),
    FirstContact(FirstContact),
}

/// A reason key that replaces the rule's own when its condition holds.
#[derive(Debug)]
pub struct Variant {
    pub when: Cond,
    pub key: &'static str,
}

/// One row of the decision table.
#[derive(Debug)]
pub struct Rule {
    /// The contract rule and sub-case, e.g. `2a`.
    pub id: &'static str,
    /// The ASAM dimension the rule speaks for (`None`: safety and skips,
    /// above them).
    pub dimension: Option<Dimension>,
    /// The message key of the reason the widget shows when this rule drives
    /// its dimension.
    pub key: &'static str,
    /// The key used instead when the rule holds only through a skipped
    /// answer's reading, so the reason never states a skip as a fact.
    pub skipped: Option<&'static str>,
    /// Other keys for sub-cases, the first that holds wins.
    pub variants: &'static [Variant],
    pub when: Cond,
    pub then: &'static [Effect],
}

use Cond::{AnyOf, Criteria};
use Effect::{CapSeverity, Emergency, FirstStep, Minimum, SeverityMinimum};

pub(super) const fn n_at_least(min: u8) -> Cond {
    Criteria { min, max: None }
}
pub(super) const fn n_between(min: u8, max: u8) -> Cond {
    Criteria {
        min,
        max: Some(max),
    }
}
pub(super) const RECENT: Cond = Cond::Term(Term::Recent);
pub(super) const DAILY: Cond = Cond::Term(Term::Daily);
pub(super) const SEDATING: Cond = Cond::Term(Term::Sedating);
pub(super) const OPIOID: Cond = Cond::Term(Term::Opioid);
pub(super) const SEDATING_CHOSEN: Cond = Cond::Term(Term::SedatingChosen);
pub(super) const PRESCRIBED_ONLY: Cond = Cond::Term(Term::PrescribedOnly);
pub(super) const ON_OPIOID_TREATMENT: Cond = Cond::Term(Term::OnOpioidTreatment);
pub(super) const ADULT: Cond = Cond::Term(Term::Adult);
pub(super) const EMERGENCY: Cond = Cond::Term(Term::Emergency);
pub(super) const HOME_UNSAFE: Cond = AnyOf(Q::Home, &["unsafe_or_unstable"]);
pub(super) const PREGNANT: Cond = AnyOf(Q::Pregnant, &["yes"]);
pub(super) const MILD: Cond = AnyOf(Q::Withdrawal, &["mild"]);
pub(super) const SEVERE: Cond = AnyOf(Q::Withdrawal, &["severe"]);
pub(super) const METHOD_OR_PLAN: Cond = AnyOf(Q::SelfHarm, &["method", "plan_or_attempt"]);

pub(super) const W: Option<Dimension> = Some(Dimension::Withdrawal);
pub(super) const BIO: Option<Dimension> = Some(Dimension::Biomedical);
pub(super) const EMO: Option<Dimension> = Some(Dimension::Emotional);
pub(super) const READY: Option<Dimension> = Some(Dimension::Readiness);
pub(super) const RELAPSE: Option<Dimension> = Some(Dimension::Relapse);
pub(super) const ENV: Option<Dimension> = Some(Dimension::Environment);

/// A rule with one reason key and no variants.
pub(super) const fn rule(
    id: &'static str,
    dimension: Option<Dimension>,
    key: &'static str,
    when: Cond,
    then: &'static [Effect],
) -> Rule {
    Rule {
        id,
        dimension,
        key,
        skipped: None,
        variants: &[],
        when,
        then,
    }
}

/// A rule whose reason has a "you skipped..." key.
pub(super) const fn rule_s(
    id: &'static str,
    dimension: Option<Dimension>,
    key: &'static str,
    skipped: &'static str,
    when: Cond,
    then: &'static [Effect],
) -> Rule {
    Rule {
        id,
        dimension,
        key,
        skipped: Some(skipped),
        variants: &[],
        when,
        then,
    }
}

pub(super) const fn flag(f: Flag) -> Effect {
    Effect::Flag(f)
}

impl Effect {
    /// The effect in words, for the Markdown decision table.
    pub fn describe(&self) -> String {
        match self {
            Emergency => "urgent = `emergency` (911 / 988 first)".to_string(),
            FirstStep(w) => format!("withdrawal = `{w}`"),
            Minimum(l) => format!("minimum `{l}`"),
            SeverityMinimum(l) => format!("severity minimum `{l}` (rule 4a may cap it)"),
            CapSeverity(l) => format!("caps the rule-3 minimum at `{l}`"),
            Effect::Flag(f) => format!("flag `{f}`"),
            Effect::FirstContact(c) => format!("first_contact = `{c}`"),
        }
    }
}

impl Rule {
    /// Whether this rule is one of rule 2's ordered first-step rules.
    pub fn is_first_step(&self) -> bool {
        self.then.iter().any(|e| matches!(e, FirstStep(_)))
    }

    /// Whether the rule holds on the answers as read but not on the
    /// visitor's own answers: it rests on a skipped answer's reading.
    pub fn rests_on_skip(&self, facts: &Facts) -> bool {
        self.when.holds(facts) && !self.when.holds(&facts.answered_only())
    }

    /// The reason key for these facts (the rule holds on them).
    pub fn key_for(&self, facts: &Facts) -> &'static str {
        match self.skipped {
            Some(k) if self.rests_on_skip(facts) => k,
            _ => self
                .variants
                .iter()
                .find(|v| v.when.holds(facts))
                .map_or(self.key, |v| v.key),
        }
    }

    /// Every reason key the rule can give.
    pub fn keys(&self) -> Vec<&'static str> {
        let mut keys = vec![self.key];
        keys.extend(self.skipped);
        keys.extend(self.variants.iter().map(|v| v.key));
        keys.sort_unstable();
        keys.dedup();
        keys
    }
}
