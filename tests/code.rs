//! The reference code: every answer set and language round-trips, every
//! single wrong character and every swap of neighbours is caught, and a
//! code is read only with its own version (v3 codes with v3's bank).

use carepath::assessment::internals::encode_as_version;
use carepath::assessment::{
    decode_code, encode_code, normalize, question, version, Answers, CodeError, Kind, CURRENT,
    QUESTIONS, QUESTIONS_V3,
};
use proptest::prelude::*;

mod common;

/// An answer set: each question skipped or answered (sets as any subset).
fn answers() -> impl Strategy<Value = Answers> {
    common::answer_sets(15, &[])
}

const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn every_answer_set_round_trips(a in answers(), lang in 0u8..32) {
        let code = encode_code(&a, lang).unwrap();
        prop_assert_eq!(code.replace('-', "").len(), 15);
        // Upper-case groups of four joined by ASCII hyphens.
        prop_assert!(code.split('-').all(|g| g.len() <= 4 && g == g.to_uppercase()));
        let d = decode_code(&code).unwrap();
        prop_assert_eq!(&d.answers, &normalize(&a));
        prop_assert_eq!(d.language, Some(lang));
        prop_assert_eq!(d.version, CURRENT);
        prop_assert_eq!(d.code(), code.clone());
        // Read aloud and typed back any way.
        let typed = code.to_lowercase().replace('-', " ").replace('1', "l").replace('0', "o");
        prop_assert_eq!(decode_code(&typed).unwrap().answers, normalize(&a));
    }

    /// A v3 code (14 characters, no language) reads with v3's bank.
    #[test]
    fn a_v3_code_reads_with_v3(a in answers()) {
        let code = encode_as_version(&a, 3, 0).unwrap();
        prop_assert_eq!(code.replace('-', "").len(), 14);
        let d = decode_code(&code).unwrap();
        prop_assert_eq!(d.version.number, 3);
        prop_assert_eq!(d.language, None);
        prop_assert_eq!(d.code(), code);
    }

    /// A code naming a version never released (0-2, 5 on) is refused,
    /// never read with another version's bank.
    #[test]
    fn a_code_of_an_unknown_version_is_refused(a in answers(), v in 0u32..32) {
        prop_assume!(version(v).is_none());
        let code = encode_as_version(&a, v, 1).unwrap();
        prop_assert_eq!(decode_code(&code), Err(CodeError::Version { version: v }));
    }

    #[test]
    fn every_single_change_and_every_neighbour_swap_is_caught(a in answers(), lang in 0u8..32) {
        let code: Vec<char> = encode_code(&a, lang).unwrap().replace('-', "").chars().collect();
        for i in 0..code.len() {
            for c in ALPHABET.chars().filter(|c| *c != code[i]) {
                let mut wrong = code.clone();
                wrong[i] = c;
                let text: String = wrong.iter().collect();
                prop_assert_eq!(decode_code(&text), Err(CodeError::Check), "{} at {}", text, i);
            }
            if i + 1 < code.len() && code[i] != code[i + 1] {
                let mut swapped = code.clone();
                swapped.swap(i, i + 1);
                let text: String = swapped.iter().collect();
                prop_assert_eq!(decode_code(&text), Err(CodeError::Check), "{} swap {}", text, i);
            }
        }
    }
}

#[test]
fn the_largest_answer_set_fits_eleven_characters() {
    // Every question answered with its last option (sets: all options).
    let mut a = Answers::new();
    for bank in &QUESTIONS {
        let last = bank.options.len() - 1;
        let options: Vec<&str> = match bank.kind {
            Kind::One => vec![bank.options[last]],
            Kind::Many => bank.options.to_vec(),
        };
        a.set(bank.id, &options).unwrap();
    }
    assert_eq!(
        decode_code(&encode_code(&a, 31).unwrap()).unwrap().answers,
        normalize(&a)
    );
    assert_eq!(
        question(carepath::assessment::Q::DangerNow).options.len(),
        2
    );
}

#[test]
fn a_code_says_why_it_does_not_read() {
    assert_eq!(decode_code("3K7Q"), Err(CodeError::Length(4)));
    assert_eq!(
        decode_code("3K7Q-M2XD-9P0A-4U"),
        Err(CodeError::BadCharacter('U'))
    );
    assert!(
        encode_code(&Answers::new(), 0).is_none(),
        "danger_now is required"
    );
    // A v4 code cut to v3's length, or a v3 code with a language added,
    // is a misread, never the other version's code.
    let a = Answers::new().with(carepath::assessment::Q::DangerNow, &["no"]);
    let v4 = encode_code(&a, 1).unwrap().replace('-', "");
    assert!(decode_code(&v4[..14]).is_err());
}

/// Answers are stored by option index: every released bank has the
/// current bank's ids, kinds and options in the same order (a new bank
/// that changes them must make `Answers` version-aware first).
#[test]
fn released_banks_share_ids_and_options() {
    for (old, new) in QUESTIONS_V3.iter().zip(QUESTIONS.iter()) {
        assert_eq!(
            (old.id, old.kind, old.options),
            (new.id, new.kind, new.options)
        );
        assert_eq!(old.asked_when, new.asked_when, "{}", old.id);
    }
}
