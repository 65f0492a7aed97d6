//! Helpers shared by the engine's integration tests.
#![allow(dead_code)]

pub mod oracle;

use carepath::assessment::question;
use carepath::assessment::{assess, Answers, Assessment, Center, Flag, Level, Q};

/// A low-risk adult who answered everything: cannabis weekly, no
/// withdrawal, no criteria, no other risk, ready now. Rules give
/// `self_guided`, no flags; each test changes what its rule reads.
pub fn base() -> Answers {
    Answers::new()
        .with(Q::DangerNow, &["no"])
        .with(Q::ForWhom, &["self"])
        .with(Q::Age, &["18_to_64"])
        .with(Q::Pregnant, &["no"])
        .with(Q::Substances, &["cannabis"])
        .with(Q::UseFrequency, &["weekly"])
        .with(Q::Withdrawal, &["none"])
        .with(Q::Overdose, &["no"])
        .with(Q::Criteria, &[])
        .with(Q::MentalHealth, &["not_at_all"])
        .with(Q::SelfHarm, &["no"])
        .with(Q::Medical, &["no"])
        .with(Q::PastTreatment, &["never"])
        .with(Q::Readiness, &["ready_now"])
        .with(Q::Home, &["stable_supportive"])
        .with(Q::Responsibilities, &["none"])
        .with(Q::Schedule, &["flexible"])
}

/// The first `n` criteria.
pub fn criteria(n: usize) -> &'static [&'static str] {
    &question(Q::Criteria).options[..n]
}

pub trait AnswersExt {
    fn n(self, n: usize) -> Self;
    fn set1(self, q: Q, option: &str) -> Self;
    fn unset(self, q: Q) -> Self;
}

impl AnswersExt for Answers {
    fn n(self, n: usize) -> Self {
        self.with(Q::Criteria, criteria(n))
    }
    fn set1(self, q: Q, option: &str) -> Self {
        self.with(q, &[option])
    }
    fn unset(mut self, q: Q) -> Self {
        self.clear(q);
        self
    }
}

pub fn run(a: &Answers) -> Assessment {
    assess(a, None).expect("danger_now is answered")
}

pub fn run_with(a: &Answers, center: &Center) -> Assessment {
    assess(a, Some(center)).expect("danger_now is answered")
}

pub fn level(a: &Answers) -> Level {
    run(a).level
}

pub fn has_flag(a: &Answers, flag: Flag) -> bool {
    run(a).flags.contains(&flag)
}

/// Every whole case in tests/vignettes/, by file name, in name order.
pub fn vignettes() -> Vec<(String, serde_json::Value)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vignettes");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, serde_json::from_str(&text).unwrap())
        })
        .collect()
}

/// Any answer set: `danger_now` always answered, each other question
/// skipped `skip_percent` of the time (always when in `skipped`), else
/// answered (sets as any subset of their options).
pub fn answer_sets(
    skip_percent: u32,
    skipped: &'static [Q],
) -> impl proptest::strategy::Strategy<Value = Answers> {
    use carepath::assessment::{Kind, QUESTIONS};
    use proptest::prelude::*;
    let picks: Vec<_> = QUESTIONS
        .iter()
        .map(|_| (0u32..100, any::<u16>()))
        .collect();
    picks.prop_map(move |picks| {
        let mut a = Answers::new();
        for (bank, (skip, bits)) in QUESTIONS.iter().zip(picks) {
            let required = bank.id == Q::DangerNow;
            if !required && (skip < skip_percent || skipped.contains(&bank.id)) {
                continue;
            }
            let options: Vec<&str> = match bank.kind {
                Kind::One => vec![bank.options[bits as usize % bank.options.len()]],
                Kind::Many => (0..bank.options.len())
                    .filter(|i| bits & (1 << i) != 0)
                    .map(|i| bank.options[i])
                    .collect(),
            };
            a.set(bank.id, &options).unwrap();
        }
        a
    })
}
