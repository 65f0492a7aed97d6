//! The reference code: the visitor's answers as 14 characters they can
//! read to a center over the phone, in Crockford's base 32 (no I, L, O or
//! U), grouped by four. The first character is the contract version, the
//! next eleven the answers (normalized: a question not asked is dropped,
//! a set is a set), the last two check characters (Damm's algorithm over
//! two quasigroups of order 32), so every single wrong character and every
//! swap of neighbours is caught. It holds no name and nothing else.

use std::fmt;

use super::answers::Answers;
use super::ids::Q;
use super::questions::{question, Kind, QUESTIONS};

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Characters for the answers: 11 × 5 = 55 bits; the answer space with
/// "asked when" is under 2^53.
const DATA: usize = 11;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// A character outside the alphabet (after reading I and L as 1, O as 0).
    BadCharacter(char),
    /// Not 14 characters (spaces and hyphens aside).
    Length(usize),
    /// The check characters do not match: a character was misread.
    Check,
    /// A code from another contract version. No estimate is made from
    /// it; `answers` are what this version's bank can read of it (see
    /// [`decode`]), to confirm with the visitor.
    Version { version: u32, answers: Answers },
    /// The number is not an answer set (a misread that the check missed).
    Invalid,
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeError::BadCharacter(c) => {
                write!(f, "'{c}' is not in a code (letters and digits, no U)")
            }
            CodeError::Length(n) => write!(f, "a code has 14 characters; this has {n}"),
            CodeError::Check => write!(
                f,
                "the code does not check: a character is wrong or two are swapped"
            ),
            CodeError::Version { version, .. } => write!(
                f,
                "this code is from contract version {version}; this engine reads version {}",
                super::CONTRACT_VERSION
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
fn radix(q: Q) -> u64 {
    let bank = question(q);
    let k = bank.options.len() as u64;
    match bank.kind {
        Kind::One if q == Q::DangerNow => k,
        Kind::One => k + 1,
        Kind::Many => (1 << k) + 1,
    }
}

fn slot(answers: &Answers, q: Q) -> u64 {
    let bank = question(q);
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
    let mut out = Answers::new();
    for bank in &QUESTIONS {
        if out.read().is_asked(bank.id) {
            if let Some(chosen) = answers.chosen(bank.id) {
                let _ = out.set(bank.id, &chosen);
            }
        }
    }
    out
}

/// The code for these answers, grouped for reading aloud
/// (`3K7Q-M2XD-9P0A-4T`); `None` without an answer to `danger_now`.
pub fn encode(answers: &Answers) -> Option<String> {
    encode_with(answers, super::CONTRACT_VERSION)
}

fn encode_with(answers: &Answers, version: u32) -> Option<String> {
    if !answers.is_answered(Q::DangerNow) {
        return None;
    }
    let answers = normalize(answers);
    let read = answers.read();
    let mut n: u64 = 0;
    for bank in QUESTIONS.iter().rev() {
        if read.is_asked(bank.id) {
            n = n * radix(bank.id) + slot(&answers, bank.id);
        }
    }
    let mut digits = vec![(version % 32) as u8];
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
    Some(
        text.as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap_or(""))
            .collect::<Vec<_>>()
            .join("-"),
    )
}

/// Reads a code in any case, with I and L as 1, O as 0, spaces and
/// hyphens ignored.
///
/// A code of another contract version fails with [`CodeError::Version`],
/// holding the answers this version's bank reads from it. They are right
/// when that version kept this one's questions and options in their order
/// and added new ones only after them (the rule for changing the bank);
/// reading stops at the first value outside this bank.
pub fn decode(text: &str) -> Result<Answers, CodeError> {
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
    if digits.len() != DATA + 3 {
        return Err(CodeError::Length(digits.len()));
    }
    if damm(&digits[..DATA + 2], M1) != 0 || damm(&digits, M2) != 0 {
        return Err(CodeError::Check);
    }
    let n = digits[1..=DATA]
        .iter()
        .fold(0u64, |n, &d| n * 32 + u64::from(d));
    let (answers, rest) = read_answers(n);
    let version = u32::from(digits[0]);
    if version != super::CONTRACT_VERSION % 32 {
        return Err(CodeError::Version {
            version,
            answers: answers.unwrap_or_else(|partial| partial),
        });
    }
    match (answers, rest) {
        (Ok(answers), 0) => Ok(answers),
        _ => Err(CodeError::Invalid),
    }
}

/// The answers in `n`, question by question, and what is left of `n`;
/// `Err` with the answers read so far at the first value outside the bank.
fn read_answers(mut n: u64) -> (Result<Answers, Answers>, u64) {
    let mut answers = Answers::new();
    for bank in &QUESTIONS {
        if !answers.read().is_asked(bank.id) {
            continue;
        }
        let r = radix(bank.id);
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
        if answers.set(bank.id, &options).is_err() {
            return (Err(answers), n);
        }
    }
    (Ok(answers), n)
}

/// A code for `answers` as another contract `version` would write it
/// under the bank rule above (for tests of [`CodeError::Version`]).
#[doc(hidden)]
pub fn encode_as_version(answers: &Answers, version: u32) -> Option<String> {
    encode_with(answers, version)
}
