//! Every language but English (locales/<id>.json, each with its entry in
//! locales/languages.json): complete, with every placeholder, crisis number
//! and plural form kept, no bidi controls or retired crisis routes, no
//! English left on its screens, a length near the English where no
//! reading-level formula exists for it (scripts/readability.py has none
//! past English and Spanish), and a blind back-translation with the same
//! keys (locales/review/), so its review sheet (`carepath translations
//! LANG`) is whole.

use std::path::Path;

use carepath::i18n::{language_ids, Texts};
use carepath::screens::crisis_lines::RETIRED;
use serde_json::{Map, Value};

fn read(path: &Path) -> Map<String, Value> {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn placeholders(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = text
        .match_indices('{')
        .filter_map(|(at, _)| text[at..].find('}').map(|end| &text[at..=at + end]))
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

#[test]
fn every_language_is_complete_with_its_back_translation() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let english = read(&dir.join("en.json"));
    let review = dir.join("review");
    let mut seen = Vec::new();
    for lang in language_ids().filter(|l| *l != "en") {
        seen.push(lang);
        let words = read(&dir.join(format!("{lang}.json")));
        // English's singular forms are the language's own affair (its CLDR
        // plural categories: the i18n tests).
        for (key, en) in english.iter().filter(|(k, _)| !k.contains(".one")) {
            let en = en.as_str().unwrap();
            let text = words
                .get(key)
                .and_then(Value::as_str)
                .unwrap_or_else(|| panic!("{lang}: {key} is missing"));
            assert!(!text.trim().is_empty(), "{lang}: {key} is empty");
            for p in placeholders(en) {
                assert!(text.contains(p), "{lang}: {key} lost {p}");
            }
            for number in ["911", "988", "711", "838255"] {
                if en.contains(number) {
                    assert!(text.contains(number), "{lang}: {key} lost {number}");
                }
            }
            // No English left: a sentence the same as the English is an
            // untranslated one (a short word may be the same: "No").
            let data = key.starts_with("time.") || key.starts_with("num.");
            assert!(
                data || text != en || en.chars().count() <= 12,
                "{lang}: {key} is still English: {text}"
            );
            // No formula reads these languages: their length stays near
            // the English (Chinese is a quarter of it, Tagalog longer).
            if en.chars().count() >= 20 {
                let ratio = text.chars().count() as f64 / en.chars().count() as f64;
                assert!(
                    (0.15..=3.5).contains(&ratio),
                    "{lang}: {key} is {ratio:.2} times the English"
                );
            }
        }
        for (key, text) in &words {
            let text = text.as_str().unwrap();
            assert!(
                !text
                    .chars()
                    .any(|c| carepath::i18n::BIDI_CONTROLS.contains(&c)),
                "{lang}: {key} carries a bidi control"
            );
            let lower = text.to_lowercase();
            for retired in RETIRED {
                assert!(!lower.contains(retired), "{lang}: {key} names {retired}");
            }
        }
        // A back-translation, where there is one (a language added
        // without one says so on its review sheet), has every key.
        let back = review.join(format!("{lang}.back.json"));
        if back.is_file() {
            assert_eq!(
                read(&back).keys().collect::<Vec<_>>(),
                words.keys().collect::<Vec<_>>(),
                "{lang}: the back-translation has the translation's keys"
            );
        }
    }
    assert!(seen.len() >= 7, "{seen:?}");
}

/// The six languages drafted for issue 25 each keep their blind
/// back-translation and the translator's notes.
#[test]
fn the_drafted_languages_keep_their_review_files() {
    let review = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/review");
    for lang in ["zh-Hans", "zh-Hant", "vi", "ko", "tl", "ar"] {
        assert!(review.join(format!("{lang}.back.json")).is_file(), "{lang}");
        assert!(review.join(format!("{lang}.notes.md")).is_file(), "{lang}");
    }
    assert!(review.join("es.back.json").is_file());
}

/// Where 988 neither texts nor chats in the language, its words never
/// offer texting 988: the crisis sentences say call, and name the
/// interpreter.
#[test]
fn call_only_languages_never_offer_to_text_988() {
    for lang in language_ids() {
        if carepath::screens::crisis_lines::texts_in(lang) {
            continue;
        }
        let t = Texts::for_locale(lang);
        let text988 = t.t("bar.text988");
        for key in [
            "crisis.988",
            "summary.crisis",
            "phase.emergency",
            "flag.crisis_line",
            "first.emergency.body",
            "first.emergency.body_self_harm",
        ] {
            for they in [false, true] {
                let text = t.they(they).t(key).to_string();
                assert!(!text.contains(text988), "{lang} {key}: {text}");
            }
        }
        assert!(
            t.t("crisis.988").contains('“')
                || t.t("crisis.988").contains('「')
                || t.t("crisis.988").contains('«'),
            "{lang}: crisis.988 names the language to say"
        );
    }
}
