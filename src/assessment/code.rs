//! The reference code: the visitor's answers as 15 characters they can
//! read to a center over the phone, in Crockford's base 32 (no I, L, O or
//! U), grouped by four. The first character is the contract version, the
//! second the visitor's language (from version 4; a v3 code has none and
//! 14 characters), the next eleven the answers (normalized: a question not asked is dropped,
//! a set is a set), the last two check characters (Damm's algorithm over
//! two quasigroups of order 32), so every single wrong character and every
//! swap of neighbours is caught. It holds no name and nothing else.

use std::fmt;

use super::answers::Answers;
use super::ids::Q;
use super::questions::{Kind, Question, QUESTIONS};
use super::versions::{version as released_version, Version, CURRENT};

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Characters for the answers: 11 × 5 = 55 bits; the answer space with
/// "asked when" is under 2^53.
const DATA: usize = 11;

type Bank = [Question; QUESTIONS.len()];

/// A code read: its version, the visitor's language (v4 on: a fixed
/// number, see `i18n`; `None` in a v3 code) and the answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub version: &'static Version,
    pub language: Option<u8>,
    pub answers: Answers,
}

impl Decoded {
    /// The code again, as its own version writes it.
    pub fn code(&self) -> String {
        encode_with(
            &self.answers,
            self.version,
            self.version.number,
            self.language.unwrap_or(0),
        )
        .unwrap_or_default()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// A character outside the alphabet (after reading I and L as 1, O as 0).
    BadCharacter(char),
    /// Not 14 or 15 characters (spaces and hyphens aside).
    Length(usize),
    /// The check characters do not match: a character was misread.
    Check,
    /// A code of a version this product never released (0-2, or newer
    /// than it): never read with another version's bank.
    Version { version: u32 },
    /// The number is not an answer set (a misread that the check missed).
    Invalid,
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeError::BadCharacter(c) => {
                write!(f, "'{c}' is not in a code (letters and digits, no U)")
            }
            CodeError::Length(n) => {
                write!(
                    f,
                    "a code has 15 characters (14 before version 4); this has {n}"
                )
            }
            CodeError::Check => write!(
                f,
                "the code does not check: a character is wrong or two are swapped"
            ),
            CodeError::Version { version } => write!(
                f,
                "this code names contract version {version}, which this product cannot read \
                 (it reads versions {}); it is not read with another version's questions",
                super::versions::released()
                    .iter()
                    .map(|v| v.number.to_string())
                    .collect::<Vec<_>>()
                    .join(" and ")
            ),
            CodeError::Invalid => write!(f, "the code does not hold an answer set"),
        }
    }
}

/// Multiplication in GF(32) (x^5 + x^2 + 1).
fn gf_mul(mut a: u8, mut b: u8) -> u8 {
    let mut p = 0;
    while b != 0 {
        if b & 1 != 0 {
            p ^= a;
        }
        b >>= 1;
        a <<= 1;
        if a & 0x20 != 0 {
            a ^= 0x25;
        }
    }
    p
}

/// Damm's interim digit with the quasigroup x * y = m·x + y over GF(32):
/// each row is a permutation (every single change shows) and, m ≠ 1, it is
/// totally anti-symmetric (every swap of neighbours shows).
fn damm(digits: &[u8], m: u8) -> u8 {
    digits.iter().fold(0, |x, &y| gf_mul(m, x) ^ y)
}

/// The check digit that brings the interim to 0.
fn check_digit(digits: &[u8], m: u8) -> u8 {
    gf_mul(m, damm(digits, m))
}

const M1: u8 = 2;
const M2: u8 = 7;

/// How many values a question's slot takes: 0 is "skipped".
fn radix(questions: &Bank, q: Q) -> u64 {
    let bank = &questions[q.index()];
    let k = bank.options.len() as u64;
    match bank.kind {
        Kind::One if q == Q::DangerNow => k,
        Kind::One => k + 1,
        Kind::Many => (1 << k) + 1,
    }
}

fn slot(questions: &Bank, answers: &Answers, q: Q) -> u64 {
    let bank = &questions[q.index()];
    let Some(chosen) = answers.chosen(q) else {
        return 0;
    };
    let index = |o: &str| bank.options.iter().position(|x| *x == o).unwrap_or(0) as u64;
    match bank.kind {
        Kind::One if q == Q::DangerNow => index(chosen[0]),
        Kind::One => index(chosen[0]) + 1,
        Kind::Many => 1 + chosen.iter().map(|o| 1 << index(o)).sum::<u64>(),
    }
}

/// The answers a code can hold: those of asked questions only.
pub fn normalize(answers: &Answers) -> Answers {
    normalize_with(answers, CURRENT.bank)
}

fn normalize_with(answers: &Answers, questions: &'static Bank) -> Answers {
    let mut out = Answers::new();
    for bank in questions {
        if out.read_with(questions).is_asked(bank.id) {
            if let Some(chosen) = answers.chosen(bank.id) {
                let _ = out.set(bank.id, &chosen);
            }
        }
    }
    out
}

/// The code for these answers and the visitor's language number, grouped
/// for reading aloud (`4K7Q-M2XD-9P0A-4TB`); `None` without an answer to
/// `danger_now`.
pub fn encode(answers: &Answers, language: u8) -> Option<String> {
    encode_with(answers, CURRENT, CURRENT.number, language)
}

fn encode_with(
    answers: &Answers,
    v: &'static Version,
    number: u32,
    language: u8,
) -> Option<String> {
    if !answers.is_answered(Q::DangerNow) {
        return None;
    }
    let answers = normalize_with(answers, v.bank);
    let read = answers.read_with(v.bank);
    let mut n: u64 = 0;
    for bank in v.bank.iter().rev() {
        if read.is_asked(bank.id) {
            n = n * radix(v.bank, bank.id) + slot(v.bank, &answers, bank.id);
        }
    }
    let mut digits = vec![(number % 32) as u8];
    if v.code_has_language {
        digits.push(language % 32);
    }
    let mut data = [0u8; DATA];
    for d in data.iter_mut().rev() {
        *d = (n % 32) as u8;
        n /= 32;
    }
    digits.extend(data);
    let c1 = check_digit(&digits, M1);
    digits.push(c1);
    let c2 = check_digit(&digits, M2);
    digits.push(c2);
    let text: String = digits
        .iter()
        .map(|&d| ALPHABET[d as usize] as char)
        .collect();
    Some(group(&text))
}

/// Upper-case Crockford characters in groups of four joined by an ASCII
/// hyphen, the one way a code is written everywhere.
pub fn group(text: &str) -> String {
    text.as_bytes()
        .chunks(4)
        .map(|c| std::str::from_utf8(c).unwrap_or(""))
        .collect::<Vec<_>>()
        .join("-")
}

/// Reads a code in any case, with I and L as 1, O as 0, spaces and
/// hyphens ignored, with its own version's bank: 14 characters for
/// version 3, 15 (with the language) from version 4.
pub fn decode(text: &str) -> Result<Decoded, CodeError> {
    let mut digits = Vec::new();
    for c in text.chars().filter(|c| !c.is_whitespace() && *c != '-') {
        let c = match c.to_ascii_uppercase() {
            'I' | 'L' => '1',
            'O' => '0',
            c => c,
        };
        let d = ALPHABET
            .iter()
            .position(|&a| a as char == c)
            .ok_or(CodeError::BadCharacter(c))?;
        digits.push(d as u8);
    }
    if digits.len() != DATA + 3 && digits.len() != DATA + 4 {
        return Err(CodeError::Length(digits.len()));
    }
    if damm(&digits[..digits.len() - 1], M1) != 0 || damm(&digits, M2) != 0 {
        return Err(CodeError::Check);
    }
    let number = u32::from(digits[0]);
    let v = released_version(number).ok_or(CodeError::Version { version: number })?;
    let with_language = digits.len() == DATA + 4;
    if with_language != v.code_has_language {
        // A v3 code is 14 characters, a v4 code 15: any other pairing is
        // a misread, never another version's code.
        return Err(CodeError::Length(digits.len()));
    }
    let language = with_language.then(|| digits[1]);
    let data = &digits[digits.len() - 2 - DATA..digits.len() - 2];
    let n = data.iter().fold(0u64, |n, &d| n * 32 + u64::from(d));
    match read_answers(v.bank, n) {
        Some(answers) => Ok(Decoded {
            version: v,
            language,
            answers,
        }),
        None => Err(CodeError::Invalid),
    }
}

/// The answers in `n`, question by question; `None` when a value lies
/// outside the bank or a remainder is left.
fn read_answers(questions: &'static Bank, mut n: u64) -> Option<Answers> {
    let mut answers = Answers::new();
    for bank in questions {
        if !answers.read_with(questions).is_asked(bank.id) {
            continue;
        }
        let r = radix(questions, bank.id);
        let v = n % r;
        n /= r;
        let options: Vec<&str> = match bank.kind {
            Kind::One if bank.id == Q::DangerNow => vec![bank.options[v as usize]],
            _ if v == 0 => continue,
            Kind::One => vec![bank.options[(v - 1) as usize]],
            Kind::Many => (0..bank.options.len())
                .filter(|i| (v - 1) & (1 << i) != 0)
                .map(|i| bank.options[i])
                .collect(),
        };
        answers.set(bank.id, &options).ok()?;
    }
    (n == 0).then_some(answers)
}

/// A code for `answers` as a released `version` writes it, or with
/// another version number in its first character (tests of refusals).
#[doc(hidden)]
pub fn encode_as_version(answers: &Answers, version: u32, language: u8) -> Option<String> {
    let v = released_version(version).unwrap_or(CURRENT);
    encode_with(answers, v, version, language)
}
