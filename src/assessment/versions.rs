//! Released contract versions. Each is frozen as it shipped: its question
//! bank, its rules and the facts the printed table states. A reference
//! code is read only with its own version (contract v4, "Versions and the
//! reference code"). The widget uses [`CURRENT`] alone, so it never
//! carries an older version; the command line and the staff page reach
//! every one through [`released`].

use super::questions::{Question, QUESTIONS, QUESTIONS_V3};
use super::rules::Rule;
use super::rules_v3::RULES_V3;
use super::rules_v4::RULES_V4;

/// One released contract version.
#[derive(Debug)]
pub struct Version {
    /// The contract version (3 is v3).
    pub number: u32,
    pub bank: &'static [Question; QUESTIONS.len()],
    pub rules: &'static [Rule],
    /// Whether the reference code carries the visitor's language (v4 on).
    pub code_has_language: bool,
}

impl PartialEq for Version {
    fn eq(&self, other: &Self) -> bool {
        self.number == other.number
    }
}

impl Eq for Version {}

/// Contract v3, as it shipped.
pub static V3: Version = Version {
    number: 3,
    bank: &QUESTIONS_V3,
    rules: RULES_V3,
    code_has_language: false,
};

/// Contract v4, the current version.
pub static V4: Version = Version {
    number: 4,
    bank: &QUESTIONS,
    rules: RULES_V4,
    code_has_language: true,
};

/// The version this product estimates with; the widget carries only it.
pub static CURRENT: &Version = &V4;

/// Every released version, oldest first (the command line and the staff
/// page only: naming this list links the old versions in).
pub fn released() -> [&'static Version; 2] {
    [&V3, &V4]
}

/// A released version by number (`None`: unknown, or 0-2, never read).
pub fn version(number: u32) -> Option<&'static Version> {
    released().into_iter().find(|v| v.number == number)
}
