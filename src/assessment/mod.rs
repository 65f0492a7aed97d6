//! The assessment engine: plain Rust, no web dependency. It turns a
//! visitor's answers (and, optionally, a center's description) into the
//! contract's result.

//!
//! The modules build on each other in one direction, with no cycle:
//! `ids` → `conditions` (conditions as data) → `questions` (the bank) →
//! `answers` (answers, read and judged) → `rules` → `engine` → `reasons`,
//! `commitment` → [`assess`]; `table` prints them all. Only what an app,
//! the command line and the screens need is public, below.

mod answers;
mod center;
mod code;
mod commitment;
mod conditions;
mod engine;
mod ids;
mod questions;
mod reasons;
mod rules;
mod sessions;
mod table;

use serde::Serialize;

pub use answers::{AnswerError, AnswerErrors, Answers, Read, ReadAnswers};
pub use center::{Center, CenterError};
pub use code::{decode as decode_code, encode as encode_code, normalize, CodeError};
pub use commitment::{Care, CenterProgram, Phase, PhaseKind, Range, Schedule, Source};
pub use ids::{Day, Dimension, FirstContact, Flag, Level, Offer, Urgent, Withdrawal, Q};
pub use questions::{question, Kind, Question, QUESTIONS};
pub use reasons::Reason;
pub use sessions::{overlap, Hours, Session, Time};
pub use table::{
    asked_when, markdown, questions_blocks, questions_markdown, rules_blocks, rules_markdown,
    unanswered_reads_as, Block,
};

/// The contract version this engine implements.
pub const CONTRACT_VERSION: u32 = 3;

/// The engine's insides, for the property tests' oracle comparisons and
/// the locale checks only; not an API.
#[doc(hidden)]
pub mod internals {
    pub use super::answers::Facts;
    pub use super::code::encode_as_version;
    pub use super::commitment::{band, in_band};
    pub use super::engine::{decide, Decision};
    pub use super::rules::RULES;
    pub use super::sessions::on_days;
}

/// The result, serialized as the contract's JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Assessment {
    pub urgent: Urgent,
    pub withdrawal: Withdrawal,
    pub level: Level,
    pub weekly_hours: Range,
    pub days_per_week: Range,
    pub weeks: Option<Range>,
    pub schedule: Schedule,
    /// The center's own program for the level when it lies outside the
    /// band (named beside the generic week, never called that level).
    pub center_program: Option<CenterProgram>,
    pub center_offers_level: Option<bool>,
    /// Whether the center offers the withdrawal first step (`None`: no
    /// center, or no first step).
    pub center_offers_first_step: Option<bool>,
    pub first_contact: FirstContact,
    pub flags: Vec<Flag>,
    pub unanswered: Vec<Q>,
    pub reasons: Vec<Reason>,
    pub phases: Vec<Phase>,
}

impl Assessment {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("the result always serializes")
    }
}

/// Assesses the answers. Fails only when `danger_now`, the one required
/// question, has no answer.
pub fn assess(answers: &Answers, center: Option<&Center>) -> Result<Assessment, AnswerError> {
    if !answers.is_answered(Q::DangerNow) {
        return Err(AnswerError::Missing {
            question: Q::DangerNow,
        });
    }
    let read = answers.read();
    let decision = engine::decide(&read);
    let level = decision.level;
    let under_18 = read.has_any(Q::Age, &["under_18"]);
    let band = commitment::band(level);
    let (schedule, center_program) = commitment::schedule(level, &read, center);
    Ok(Assessment {
        urgent: decision.urgent,
        withdrawal: decision.withdrawal,
        level,
        weekly_hours: band.hours(under_18),
        days_per_week: band.days,
        weeks: band.weeks,
        schedule,
        center_program,
        center_offers_level: center.and_then(|c| c.offers(Offer::level(level))),
        center_offers_first_step: Offer::first_step(decision.withdrawal)
            .and_then(|step| center.and_then(|c| c.offers(step))),
        first_contact: decision.first_contact,
        flags: decision.flags,
        unanswered: read.unanswered().to_vec(),
        reasons: reasons::reasons(&decision.fired, level),
        phases: commitment::phases(decision.urgent, decision.withdrawal, level),
    })
}

/// The ids of the rules that held for these answers, in table order (rule
/// 2's first step: only the one that decided); empty without an answer to
/// `danger_now`. For the staff page's "why".
pub fn rules_fired(answers: &Answers) -> Vec<&'static str> {
    if !answers.is_answered(Q::DangerNow) {
        return Vec::new();
    }
    engine::decide(&answers.read())
        .fired
        .iter()
        .map(|f| f.rule.id)
        .collect()
}

#[cfg(test)]
mod integrity_tests;
