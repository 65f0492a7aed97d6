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
mod rules_v3;
mod rules_v4;
mod sessions;
mod table;
mod versions;

use serde::Serialize;

pub use answers::{AnswerError, AnswerErrors, Answers, Read, ReadAnswers};
pub use center::{Center, CenterError};
pub use code::{
    decode as decode_code, encode as encode_code, group as group_code, normalize, CodeError,
    Decoded,
};
pub use commitment::{Care, CenterProgram, Phase, PhaseKind, Range, Schedule, Source};
pub use conditions::{crisis_answers, opens_crisis};
pub use ids::{Day, Dimension, FirstContact, Flag, Level, Offer, Urgent, Withdrawal, Q};
pub use questions::{question, Kind, Question, QUESTIONS, QUESTIONS_V3};
pub use reasons::Reason;
pub use sessions::{overlap, Hours, Session, Time};
pub use table::{
    asked_when, markdown, questions_blocks, questions_markdown, rules_blocks, rules_markdown,
    unanswered_reads_as, Block,
};
pub use versions::{released, version, Version, CURRENT};

/// The contract version this engine estimates with ([`CURRENT`]).
pub const CONTRACT_VERSION: u32 = 4;

/// The engine's insides, for the property tests' oracle comparisons and
/// the locale checks only; not an API.
#[doc(hidden)]
pub mod internals {
    pub use super::answers::Facts;
    pub use super::code::encode_as_version;
    pub use super::commitment::{band, in_band};
    pub use super::engine::decide_with;
    pub use super::engine::{decide, Decision};
    pub use super::rules_v3::RULES_V3;
    pub use super::rules_v4::RULES_V4 as RULES;
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

    /// Whether two results give the visitor the same estimate: level,
    /// urgency, first step, first contact and flags.
    pub fn same_estimate(&self, other: &Assessment) -> bool {
        (
            self.level,
            self.urgent,
            self.withdrawal,
            self.first_contact,
            &self.flags,
        ) == (
            other.level,
            other.urgent,
            other.withdrawal,
            other.first_contact,
            &other.flags,
        )
    }
}

/// The rules that decide differently for these answers under `old` and
/// `new`: held in one version and not the other, or held in both with
/// another condition or effect. In `new`'s table order, then `old`'s.
pub fn rules_differ(
    answers: &Answers,
    old: &'static Version,
    new: &'static Version,
) -> Vec<&'static str> {
    let describe = |v: &'static Version, id: &str| {
        v.rules.iter().find(|r| r.id == id).map(|r| {
            let then: Vec<String> = r.then.iter().map(|e| e.describe()).collect();
            (table::describe(&r.when), then)
        })
    };
    let (a, b) = (rules_fired(answers, old), rules_fired(answers, new));
    let mut out: Vec<&'static str> = Vec::new();
    for id in b.iter().chain(a.iter()) {
        let differs = a.contains(id) != b.contains(id) || describe(old, id) != describe(new, id);
        if differs && !out.contains(id) {
            out.push(id);
        }
    }
    out
}

/// Assesses the answers. Fails only when `danger_now`, the one required
/// question, has no answer.
pub fn assess(answers: &Answers, center: Option<&Center>) -> Result<Assessment, AnswerError> {
    assess_with(answers, center, CURRENT)
}

/// Assesses the answers with a released version's bank and rules (a
/// reference code of that version reads only so).
pub fn assess_with(
    answers: &Answers,
    center: Option<&Center>,
    version: &'static Version,
) -> Result<Assessment, AnswerError> {
    if !answers.is_answered(Q::DangerNow) {
        return Err(AnswerError::Missing {
            question: Q::DangerNow,
        });
    }
    let read = answers.read_with(version.bank);
    let decision = engine::decide_with(&read, version);
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
        reasons: reasons::reasons(&decision.fired, level, version.rules),
        phases: commitment::phases(decision.urgent, decision.withdrawal, level),
    })
}

/// The ids of the rules that held for these answers, in table order (rule
/// 2's first step: only the one that decided); empty without an answer to
/// `danger_now`. For the staff page's "why".
pub fn rules_fired(answers: &Answers, version: &'static Version) -> Vec<&'static str> {
    if !answers.is_answered(Q::DangerNow) {
        return Vec::new();
    }
    engine::decide_with(&answers.read_with(version.bank), version)
        .fired
        .iter()
        .map(|f| f.rule.id)
        .collect()
}

#[cfg(test)]
mod integrity_tests;
