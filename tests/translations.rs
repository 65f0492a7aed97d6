//! The draft translations in locales/drafts/ (not in the widget): each is
//! complete, keeps every placeholder and crisis number, carries no bidi
//! controls or retired crisis routes, and has a blind back-translation
//! with the same keys, so its review sheet (`carepath translations LANG`)
//! is whole.

use std::path::Path;

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
fn every_draft_is_complete_with_its_back_translation_and_notes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let english = read(&dir.join("en.json"));
    let drafts = dir.join("drafts");
    let mut seen = Vec::new();
    for entry in std::fs::read_dir(&drafts).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let Some(lang) = name.strip_suffix(".json").filter(|l| !l.contains('.')) else {
            continue;
        };
        seen.push(lang.to_string());
        let draft = read(&path);
        for (key, en) in &english {
            let en = en.as_str().unwrap();
            let text = draft
                .get(key)
                .and_then(Value::as_str)
                .unwrap_or_else(|| panic!("{lang}: {key} is missing"));
            assert!(!text.trim().is_empty(), "{lang}: {key} is empty");
            // A singular form may say its one value in words.
            if !key.ends_with(".one") {
                for p in placeholders(en) {
                    assert!(text.contains(p), "{lang}: {key} lost {p}");
                }
            }
            for number in ["911", "988", "711", "838255"] {
                if en.contains(number) {
                    assert!(text.contains(number), "{lang}: {key} lost {number}");
                }
            }
        }
        for (key, text) in &draft {
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
        let back = read(&drafts.join(format!("{lang}.back.json")));
        assert_eq!(
            back.keys().collect::<Vec<_>>(),
            draft.keys().collect::<Vec<_>>(),
            "{lang}: the back-translation has the draft's keys"
        );
        assert!(
            drafts.join(format!("{lang}.notes.md")).is_file(),
            "{lang}: the translator's notes"
        );
    }
    seen.sort();
    assert_eq!(seen, ["ar", "ko", "tl", "vi", "zh-Hans", "zh-Hant"]);
}
