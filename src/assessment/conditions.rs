//! Conditions as data: what a rule (or "asked when") looks at, evaluated on
//! the answers as read and described in words for the printed table.

use super::answers::ReadAnswers;
use super::ids::{Withdrawal, Q};
use super::questions::{question, Kind};

/// A condition over the answers as read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cond {
    /// Always holds ("otherwise").
    Always,
    /// The question counts any of these options as chosen (one choice: the
    /// answer is one of them; many: the set has any of them). False when
    /// the question has no value.
    AnyOf(Q, &'static [&'static str]),
    /// The question has a value and it is none of these options. False
    /// when the question has no value.
    NoneOf(Q, &'static [&'static str]),
    /// A many-choice question has at least one option chosen.
    AnyChosen(Q),
    /// Asked and left unanswered.
    Unanswered(Q),
    /// `chosen(x)`: `substances` was answered and has `x`.
    Chosen(&'static str),
    /// `n`, the number of criteria, lies in `min..=max` (`None`: no top).
    Criteria {
        min: u8,
        max: Option<u8>,
    },
    /// The withdrawal first step (rule 2) is one of these.
    FirstStep(&'static [Withdrawal]),
    /// A named term of the contract (see [`TERMS`]).
    Term(Term),
    /// "(answered)": holds only on the visitor's own answers, never on an
    /// "unanswered reads as" value.
    Answered(&'static Cond),
    Not(&'static Cond),
    All(&'static [Cond]),
    Any(&'static [Cond]),
}

/// The contract's named terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Term {
    Recent,
    Daily,
    Used30d,
    Sedating,
    Opioid,
    SedatingChosen,
    PrescribedOnly,
    OnOpioidTreatment,
    Adult,
    AnotherRisk,
    Emergency,
}

/// A named term and its definition.
#[derive(Debug)]
pub struct TermDef {
    pub term: Term,
    pub name: &'static str,
    pub means: Cond,
}

/// The definitions of the contract's names, in the contract's words.
pub static TERMS: [TermDef; 11] = [
    TermDef {
        term: Term::Recent,
        name: "recent",
        means: Cond::AnyOf(Q::UseFrequency, &["daily", "weekly"]),
    },
    TermDef {
        term: Term::Daily,
        name: "daily",
        means: Cond::AnyOf(Q::UseFrequency, &["daily"]),
    },
    TermDef {
        term: Term::Used30d,
        name: "used_30d",
        means: Cond::NoneOf(Q::UseFrequency, &["not_in_30_days"]),
    },
    TermDef {
        term: Term::Sedating,
        name: "sedating",
        means: Cond::AnyOf(Q::Substances, &["alcohol", "benzodiazepines"]),
    },
    TermDef {
        term: Term::Opioid,
        name: "opioid",
        means: Cond::AnyOf(Q::Substances, &["opioids"]),
    },
    TermDef {
        term: Term::SedatingChosen,
        name: "sedating_chosen",
        means: Cond::Any(&[Cond::Chosen("alcohol"), Cond::Chosen("benzodiazepines")]),
    },
    TermDef {
        term: Term::PrescribedOnly,
        name: "prescribed_only",
        means: Cond::All(&[
            Cond::Chosen("benzodiazepines"),
            Cond::Not(&Cond::Chosen("alcohol")),
            Cond::AnyOf(Q::OnMedication, &["prescribed_sedatives", "both"]),
        ]),
    },
    TermDef {
        term: Term::OnOpioidTreatment,
        name: "on_opioid_treatment",
        means: Cond::AnyOf(Q::OnMedication, &["opioid_treatment", "both"]),
    },
    TermDef {
        term: Term::Adult,
        name: "adult",
        means: Cond::NoneOf(Q::Age, &["under_18"]),
    },
    TermDef {
        term: Term::AnotherRisk,
        name: "another_risk",
        // Rule 3: on answered values only; a withdrawal first step counts
        // even when it rests on a skip (the first step itself is the risk).
        means: Cond::Any(&[
            Cond::Answered(&Cond::Any(&[
                Cond::NoneOf(Q::MentalHealth, &["not_at_all"]),
                Cond::NoneOf(Q::SelfHarm, &["no"]),
                Cond::NoneOf(Q::Home, &["stable_supportive"]),
                Cond::AnyOf(Q::PastTreatment, &["relapse_after_recovery"]),
                Cond::AnyOf(Q::Overdose, &["yes"]),
                Cond::AnyOf(Q::Pregnant, &["yes"]),
            ])),
            Cond::FirstStep(&[Withdrawal::Ambulatory, Withdrawal::MedicallyManaged]),
        ]),
    },
    TermDef {
        term: Term::Emergency,
        name: "emergency",
        means: Cond::Any(&[
            Cond::AnyOf(Q::DangerNow, &["yes"]),
            Cond::AnyOf(Q::SelfHarm, &["plan_or_attempt"]),
        ]),
    },
];

impl Term {
    pub fn def(self) -> &'static TermDef {
        TERMS
            .iter()
            .find(|d| d.term == self)
            .expect("every term has a definition")
    }
}

/// What a condition is judged on.
#[derive(Clone, Copy, Debug)]
pub struct Facts<'a> {
    pub read: &'a ReadAnswers,
    /// The withdrawal first step, once rule 2 has decided it.
    pub first_step: Option<Withdrawal>,
    /// Judge on the visitor's own answers only ("(answered)").
    pub answered_only: bool,
}

impl<'a> Facts<'a> {
    pub fn of(read: &'a ReadAnswers, first_step: Option<Withdrawal>) -> Self {
        Facts {
            read,
            first_step,
            answered_only: false,
        }
    }

    /// The same facts, without the "unanswered reads as" values.
    pub fn answered_only(self) -> Self {
        Facts {
            answered_only: true,
            ..self
        }
    }
}

impl Cond {
    pub fn holds(&self, facts: &Facts) -> bool {
        let read = facts.read;
        let only = facts.answered_only;
        match self {
            Cond::Always => true,
            Cond::AnyOf(q, options) => read.any_of(*q, options, only),
            Cond::NoneOf(q, options) => read.none_of(*q, options, only),
            Cond::AnyChosen(q) => read.mask(*q, only).is_some_and(|m| m != 0),
            Cond::Unanswered(q) => !only && read.is_unanswered(*q),
            Cond::Chosen(x) => read.any_of(Q::Substances, &[x], true),
            Cond::Criteria { min, max } => read
                .n(only)
                .is_some_and(|n| n >= *min && max.is_none_or(|max| n <= max)),
            Cond::FirstStep(steps) => facts.first_step.is_some_and(|w| steps.contains(&w)),
            Cond::Term(t) => t.def().means.holds(facts),
            Cond::Answered(c) => c.holds(&facts.answered_only()),
            Cond::Not(c) => !c.holds(facts),
            Cond::All(cs) => cs.iter().all(|c| c.holds(facts)),
            Cond::Any(cs) => cs.iter().any(|c| c.holds(facts)),
        }
    }

    /// Evaluates on answers alone (no withdrawal decision yet).
    pub fn holds_on(&self, read: &ReadAnswers) -> bool {
        self.holds(&Facts::of(read, None))
    }

    /// Calls `f` on this condition and every condition inside it,
    /// following named terms.
    pub fn visit(&self, f: &mut dyn FnMut(&Cond)) {
        f(self);
        match self {
            Cond::Term(t) => t.def().means.visit(f),
            Cond::Not(c) | Cond::Answered(c) => c.visit(f),
            Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| c.visit(f)),
            _ => {}
        }
    }

    /// The condition in words, for the Markdown decision table.
    pub fn describe(&self) -> String {
        match self {
            Cond::Always => "otherwise".to_string(),
            Cond::AnyOf(q, options) => {
                let list = code_list(options);
                match (question(*q).kind, options.len()) {
                    (Kind::One, 1) => format!("`{q}` = {list}"),
                    (Kind::One, _) => format!("`{q}` is one of {list}"),
                    (Kind::Many, 1) => format!("`{q}` has {list}"),
                    (Kind::Many, _) => format!("`{q}` has any of {list}"),
                }
            }
            Cond::NoneOf(q, options) if question(*q).kind == Kind::One => {
                format!("`{q}` is not {}", code_list(options))
            }
            Cond::NoneOf(q, options) => format!("`{q}` has none of {}", code_list(options)),
            Cond::AnyChosen(q) => format!("`{q}` has any option chosen"),
            Cond::Chosen(x) => format!("`chosen({x})`"),
            Cond::Answered(c) => match c {
                Cond::All(_) | Cond::Any(_) => format!("({}) (answered)", c.describe()),
                _ => format!("{} (answered)", c.describe()),
            },
            Cond::Unanswered(q) => format!("`{q}` asked and unanswered"),
            Cond::Criteria { min, max: None } => format!("`n` >= {min}"),
            Cond::Criteria {
                min,
                max: Some(max),
            } if min == max => format!("`n` = {min}"),
            Cond::Criteria {
                min,
                max: Some(max),
            } => format!("`n` {min}-{max}"),
            Cond::FirstStep(steps) => {
                let ids: Vec<&str> = steps.iter().map(|w| w.id()).collect();
                match ids.as_slice() {
                    [one] => format!("withdrawal first step is `{one}`"),
                    _ => format!("withdrawal first step is one of {}", code_list(&ids)),
                }
            }
            Cond::Term(t) => format!("`{}`", t.def().name),
            Cond::Not(c) => match c {
                Cond::AnyOf(q, options) if question(*q).kind == Kind::One => {
                    format!("`{q}` is not {}", code_list(options))
                }
                Cond::AnyOf(q, options) => format!("`{q}` has none of {}", code_list(options)),
                Cond::Term(t) => format!("not `{}`", t.def().name),
                Cond::Chosen(x) => format!("not `chosen({x})`"),
                other => format!("not ({})", other.describe()),
            },
            Cond::All(cs) => join(cs, " and "),
            Cond::Any(cs) => join(cs, " or "),
        }
    }
}

fn join(cs: &[Cond], sep: &str) -> String {
    cs.iter()
        .map(|c| match c {
            Cond::All(_) | Cond::Any(_) => format!("({})", c.describe()),
            _ => c.describe(),
        })
        .collect::<Vec<_>>()
        .join(sep)
}

/// `a` alone, or a list in parentheses: (`a`, `b`).
fn code_list(items: &[&str]) -> String {
    let coded: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match coded.as_slice() {
        [one] => one.clone(),
        _ => format!("({})", coded.join(", ")),
    }
}
