//! Conditions as data: what a rule (or "asked when") looks at. They are
//! judged on the answers as read (`answers.rs`) and described in words for
//! the printed table (`table.rs`); this module depends on the ids alone.

use super::ids::{Withdrawal, Q};

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
    WmSubstance,
    /// Rule 3's "another risk" as contract v3 defined it (frozen: a
    /// released version's terms never change; a new meaning is a new term).
    AnotherRiskV3,
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
pub static TERMS: [TermDef; 13] = [
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
        term: Term::WmSubstance,
        name: "wm_substance",
        // The substances whose withdrawal can kill; methadone or
        // buprenorphine is kept, not withdrawn (as read: a skipped
        // `substances` holds every substance).
        means: Cond::Any(&[
            Cond::Term(Term::Sedating),
            Cond::AnyOf(Q::Substances, &["other"]),
            Cond::All(&[
                Cond::Term(Term::Opioid),
                Cond::Not(&Cond::Term(Term::OnOpioidTreatment)),
            ]),
        ]),
    },
    TermDef {
        term: Term::AnotherRiskV3,
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
        term: Term::AnotherRisk,
        name: "another_risk",
        // Rule 3 (v4): on answered values only; a withdrawal first step, or
        // a severe withdrawal history with recent use, counts even when it
        // rests on a skip (the step or the history itself is the risk).
        means: Cond::Any(&[
            Cond::Answered(&Cond::Any(&[
                Cond::NoneOf(Q::MentalHealth, &["not_at_all"]),
                Cond::NoneOf(Q::SelfHarm, &["no"]),
                Cond::NoneOf(Q::Home, &["stable_supportive"]),
                Cond::AnyOf(Q::Medical, &["unstable"]),
                Cond::AnyOf(Q::PastTreatment, &["relapse_after_recovery"]),
                Cond::AnyOf(Q::Overdose, &["yes"]),
                Cond::AnyOf(Q::Pregnant, &["yes"]),
            ])),
            Cond::FirstStep(&[Withdrawal::Ambulatory, Withdrawal::MedicallyManaged]),
            Cond::All(&[
                Cond::AnyOf(Q::Withdrawal, &["severe"]),
                Cond::Term(Term::Recent),
            ]),
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

impl Cond {
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
}

/// The answers that open the crisis screen at once: each `AnyOf` atom of
/// the term `emergency` (rule 1), so the journey and the printed table
/// read them from the same data as the rule.
pub fn crisis_answers() -> Vec<(Q, &'static [&'static str])> {
    let mut out = Vec::new();
    Term::Emergency.def().means.visit(&mut |c| {
        if let Cond::AnyOf(q, options) = c {
            out.push((*q, *options));
        }
    });
    out
}

/// Whether this answer to `q` opens the crisis screen at once.
pub fn opens_crisis(q: Q, chosen: &[&str]) -> bool {
    crisis_answers()
        .iter()
        .any(|(cq, options)| *cq == q && chosen.iter().any(|c| options.contains(c)))
}
