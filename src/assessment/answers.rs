//! The visitor's answers: parsed from the contract's JSON, checked against
//! the question bank, and read as the contract's "asked when" and
//! "unanswered reads as" columns say.

use std::fmt;

use serde_json::{Map, Value};

use super::conditions::Cond;
use super::ids::{Withdrawal, Q};
use super::questions::{question, Kind, Question, Unanswered, QUESTIONS};

/// The answers as given: for each question, the chosen options as a bit
/// mask over the question's options (bit i = `options[i]`), or `None`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    given: [Option<u16>; QUESTIONS.len()],
}

/// A problem with one answer; its message names the question and lists the
/// allowed values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerError {
    Syntax(String),
    NotAnObject,
    UnknownQuestion(String),
    UnknownOption { question: Q, option: String },
    RepeatedOption { question: Q, option: String },
    WrongType { question: Q },
    NotOneOption { question: Q },
    Missing { question: Q },
}

impl AnswerError {
    /// The question id the error is about, when there is one.
    pub fn question_id(&self) -> Option<&str> {
        match self {
            AnswerError::Syntax(_) | AnswerError::NotAnObject => None,
            AnswerError::UnknownQuestion(id) => Some(id),
            AnswerError::UnknownOption { question, .. }
            | AnswerError::RepeatedOption { question, .. }
            | AnswerError::WrongType { question }
            | AnswerError::NotOneOption { question }
            | AnswerError::Missing { question } => Some(question.id()),
        }
    }
}

fn allowed(q: Q) -> String {
    question(q).options.join(", ")
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::Syntax(e) => write!(f, "answers are not valid JSON: {e}"),
            AnswerError::NotAnObject => write!(
                f,
                "answers must be one JSON object keyed by question id; allowed ids: {}",
                Q::ids().join(", ")
            ),
            AnswerError::UnknownQuestion(id) => write!(
                f,
                "unknown question id \"{id}\"; allowed: {}",
                Q::ids().join(", ")
            ),
            AnswerError::UnknownOption {
                question: q,
                option,
            } => write!(
                f,
                "\"{q}\": unknown option \"{option}\"; allowed: {}",
                allowed(*q)
            ),
            AnswerError::RepeatedOption {
                question: q,
                option,
            } => write!(
                f,
                "\"{q}\": option \"{option}\" is repeated; each may be chosen once; allowed: {}",
                allowed(*q)
            ),
            AnswerError::WrongType { question: q } => match question(*q).kind {
                Kind::One => write!(
                    f,
                    "\"{q}\": expected one option id as a string, or null; allowed: {}",
                    allowed(*q)
                ),
                Kind::Many => write!(
                    f,
                    "\"{q}\": expected an array of option ids, or null; allowed: {}",
                    allowed(*q)
                ),
            },
            AnswerError::NotOneOption { question: q } => write!(
                f,
                "\"{q}\": expected exactly one option; allowed: {}",
                allowed(*q)
            ),
            AnswerError::Missing { question: q } => write!(
                f,
                "\"{q}\" is required and must be answered; allowed: {}",
                allowed(*q)
            ),
        }
    }
}

/// Every problem found in one set of answers, in question order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerErrors(pub Vec<AnswerError>);

impl fmt::Display for AnswerErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for AnswerErrors {}

impl Answers {
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets an answer. A one-choice question takes exactly one option.
    pub fn set(&mut self, q: Q, options: &[&str]) -> Result<(), AnswerError> {
        let bank = question(q);
        let mut mask = 0u16;
        for option in options {
            let i = bank
                .option_index(option)
                .ok_or_else(|| AnswerError::UnknownOption {
                    question: q,
                    option: option.to_string(),
                })?;
            if mask & (1 << i) != 0 {
                return Err(AnswerError::RepeatedOption {
                    question: q,
                    option: option.to_string(),
                });
            }
            mask |= 1 << i;
        }
        if bank.kind == Kind::One && options.len() != 1 {
            return Err(AnswerError::NotOneOption { question: q });
        }
        self.given[q.index()] = Some(mask);
        Ok(())
    }

    /// Builder form of [`Answers::set`] for ids known to be valid (tests,
    /// fixed data). Panics on an invalid id, naming it.
    #[must_use]
    pub fn with(mut self, q: Q, options: &[&str]) -> Self {
        if let Err(e) = self.set(q, options) {
            panic!("{e}");
        }
        self
    }

    /// Leaves a question unanswered ("prefer not to say").
    pub fn clear(&mut self, q: Q) {
        self.given[q.index()] = None;
    }

    /// Whether the question has an answer (which may be an empty set).
    pub fn is_answered(&self, q: Q) -> bool {
        self.given[q.index()].is_some()
    }

    /// The chosen option ids, in the bank's order (`None`: unanswered).
    pub fn chosen(&self, q: Q) -> Option<Vec<&'static str>> {
        let mask = self.given[q.index()]?;
        Some(options_in(q, mask))
    }

    /// Parses the contract's answers JSON.
    pub fn from_json(text: &str) -> Result<Self, AnswerErrors> {
        let value: Value = serde_json::from_str(text)
            .map_err(|e| AnswerErrors(vec![AnswerError::Syntax(e.to_string())]))?;
        Self::from_value(&value)
    }

    /// Checks and converts an already parsed answers object.
    pub fn from_value(value: &Value) -> Result<Self, AnswerErrors> {
        let Value::Object(map) = value else {
            return Err(AnswerErrors(vec![AnswerError::NotAnObject]));
        };
        let mut errors: Vec<AnswerError> = map
            .keys()
            .filter(|k| Q::from_id(k).is_none())
            .map(|k| AnswerError::UnknownQuestion(k.clone()))
            .collect();
        let mut answers = Answers::new();
        for bank in &QUESTIONS {
            if let Err(e) = answers.set_from_json(bank.id, map) {
                errors.push(e);
            }
        }
        if answers.given[Q::DangerNow.index()].is_none()
            && !errors.iter().any(|e| e.question_id() == Some("danger_now"))
        {
            errors.push(AnswerError::Missing {
                question: Q::DangerNow,
            });
        }
        if errors.is_empty() {
            Ok(answers)
        } else {
            Err(AnswerErrors(errors))
        }
    }

    fn set_from_json(&mut self, q: Q, map: &Map<String, Value>) -> Result<(), AnswerError> {
        let wrong_type = AnswerError::WrongType { question: q };
        match (question(q).kind, map.get(q.id())) {
            (_, None | Some(Value::Null)) => Ok(()),
            (Kind::One, Some(Value::String(s))) => self.set(q, &[s.as_str()]),
            (Kind::Many, Some(Value::Array(items))) => {
                let options = items
                    .iter()
                    .map(|v| v.as_str().ok_or(wrong_type.clone()))
                    .collect::<Result<Vec<_>, _>>()?;
                self.set(q, &options)
            }
            _ => Err(wrong_type),
        }
    }

    /// The answers as the contract's JSON (unanswered questions left out).
    pub fn to_json_value(&self) -> Value {
        let mut map = Map::new();
        for bank in &QUESTIONS {
            if let Some(options) = self.chosen(bank.id) {
                let value = match bank.kind {
                    Kind::One => Value::String(options[0].to_string()),
                    Kind::Many => Value::Array(
                        options
                            .into_iter()
                            .map(|o| Value::String(o.to_string()))
                            .collect(),
                    ),
                };
                map.insert(bank.id.id().to_string(), value);
            }
        }
        Value::Object(map)
    }

    /// Reads the answers as the current version's rules see them.
    pub fn read(&self) -> ReadAnswers {
        ReadAnswers::new(self, &QUESTIONS)
    }

    /// Reads the answers with a released version's bank ("asked when" and
    /// "unanswered reads as"). Every released bank has the current bank's
    /// ids and options (a test pins it), so the stored answers mean the same.
    pub fn read_with(&self, bank: &'static [Question; QUESTIONS.len()]) -> ReadAnswers {
        ReadAnswers::new(self, bank)
    }
}

fn options_in(q: Q, mask: u16) -> Vec<&'static str> {
    question(q)
        .options
        .iter()
        .enumerate()
        .filter(|(i, _)| mask & (1 << i) != 0)
        .map(|(_, o)| *o)
        .collect()
}

fn mask_of(q: Q, options: &[&str]) -> u16 {
    let bank = question(q);
    options
        .iter()
        .filter_map(|o| bank.option_index(o))
        .fold(0, |mask, i| mask | (1 << i))
}

/// One question's answer as read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Read {
    /// "Asked when" does not hold: the question has no value, every
    /// condition on it is false, and it is neither answered nor unanswered.
    NotAsked,
    /// The visitor's own answer.
    Given(u16),
    /// Asked, not answered, and read as these options ("unanswered reads
    /// as"; `criteria` reads as `n = 2` with an empty mask).
    ReadsAs(u16),
    /// Asked, not answered, with no reading: the rules name the case.
    NoValue,
}

/// The answers as the rules read them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadAnswers {
    values: [Read; QUESTIONS.len()],
    unanswered: Vec<Q>,
    /// How the bank read an unanswered `criteria` (versions differ).
    criteria: Unanswered,
}

impl ReadAnswers {
    fn new(answers: &Answers, questions: &'static [Question; QUESTIONS.len()]) -> Self {
        let mut read = ReadAnswers {
            values: [Read::NotAsked; QUESTIONS.len()],
            unanswered: Vec::new(),
            criteria: questions[Q::Criteria.index()].unanswered,
        };
        // In bank order: "asked when" looks only at earlier questions.
        for bank in questions {
            let asked = bank.asked_when.as_ref().is_none_or(|c| c.holds_on(&read));
            let value = match (asked, answers.given[bank.id.index()]) {
                (false, _) => Read::NotAsked,
                (true, Some(mask)) => Read::Given(mask),
                (true, None) => {
                    read.unanswered.push(bank.id);
                    match bank.unanswered {
                        Unanswered::ReadsAs(options) => Read::ReadsAs(mask_of(bank.id, options)),
                        Unanswered::CountsAs(_) | Unanswered::CountsAsUnlessNoSubstances { .. } => {
                            Read::ReadsAs(0)
                        }
                        _ => Read::NoValue,
                    }
                }
            };
            read.values[bank.id.index()] = value;
        }
        read
    }

    pub fn value(&self, q: Q) -> Read {
        self.values[q.index()]
    }

    /// Whether the question applies ("asked when" holds).
    pub fn is_asked(&self, q: Q) -> bool {
        self.value(q) != Read::NotAsked
    }

    /// Asked and left unanswered.
    pub fn is_unanswered(&self, q: Q) -> bool {
        matches!(self.value(q), Read::ReadsAs(_) | Read::NoValue)
    }

    /// Asked questions left unanswered, in bank order.
    pub fn unanswered(&self) -> &[Q] {
        &self.unanswered
    }

    /// The options that count as chosen: the visitor's own, or (unless
    /// `answered_only`) the "unanswered reads as" value. `None`: no value.
    pub fn mask(&self, q: Q, answered_only: bool) -> Option<u16> {
        match self.value(q) {
            Read::Given(mask) => Some(mask),
            Read::ReadsAs(mask) if !answered_only => Some(mask),
            _ => None,
        }
    }

    /// Whether any of `options` counts as chosen for `q` (as read).
    pub fn has_any(&self, q: Q, options: &[&str]) -> bool {
        self.any_of(q, options, false)
    }

    /// Whether `q` has a value that includes any of `options`.
    pub fn any_of(&self, q: Q, options: &[&str], answered_only: bool) -> bool {
        self.mask(q, answered_only)
            .is_some_and(|m| m & mask_of(q, options) != 0)
    }

    /// Whether `q` has a value that includes none of `options` (false when
    /// it has no value: a question without a value is never "not x").
    pub fn none_of(&self, q: Q, options: &[&str], answered_only: bool) -> bool {
        self.mask(q, answered_only)
            .is_some_and(|m| m & mask_of(q, options) == 0)
    }

    /// The one chosen option of a one-choice question, as read.
    pub fn one(&self, q: Q) -> Option<&'static str> {
        options_in(q, self.mask(q, false)?).first().copied()
    }

    /// `n`: the number of criteria chosen; when unanswered, 2 (0 in v4
    /// when `substances` was answered `[]`); `None` when `answered_only`
    /// and unanswered.
    pub fn n(&self, answered_only: bool) -> Option<u8> {
        match (self.value(Q::Criteria), self.criteria) {
            (Read::Given(mask), _) => Some(mask.count_ones() as u8),
            (Read::ReadsAs(_), _) if answered_only => None,
            (Read::ReadsAs(_), Unanswered::CountsAs(n)) => Some(n),
            (Read::ReadsAs(_), Unanswered::CountsAsUnlessNoSubstances { n, none }) => {
                Some(if self.value(Q::Substances) == Read::Given(0) {
                    none
                } else {
                    n
                })
            }
            _ => None,
        }
    }

    /// `n` as the rules read it.
    pub fn criteria_count(&self) -> u8 {
        self.n(false).unwrap_or(0)
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
}
