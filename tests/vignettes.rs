//! Whole cases a clinician can read and check: each file in
//! tests/vignettes/ holds a story, the answers (and a center, if any), a
//! short hand-written `expect` and the full `expected` result JSON.

use std::path::Path;

use carepath::assessment::{assess, Answers, Center};
use serde_json::Value;

fn vignettes() -> Vec<(String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vignettes");
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

fn result_of(case: &Value) -> Value {
    let answers = Answers::from_value(&case["answers"]).unwrap();
    let center = case
        .get("center")
        .map(|c| Center::from_json(&c.to_string()).unwrap());
    let result = assess(&answers, center.as_ref()).unwrap();
    serde_json::to_value(&result).unwrap()
}

#[test]
fn there_are_about_twenty_vignettes() {
    assert!(vignettes().len() >= 20);
}

#[test]
fn each_vignette_matches_its_hand_written_summary() {
    for (name, case) in vignettes() {
        let result = result_of(&case);
        let expect = case["expect"].as_object().unwrap();
        for (field, want) in expect {
            let got = match field.as_str() {
                "schedule_source" => &result["schedule"]["source"],
                other => &result[other],
            };
            assert_eq!(got, want, "{name}: {field}");
        }
    }
}

#[test]
fn each_vignette_gives_its_full_expected_result() {
    for (name, case) in vignettes() {
        let expected = case
            .get("expected")
            .unwrap_or_else(|| panic!("{name}: no expected"));
        assert_eq!(&result_of(&case), expected, "{name}");
    }
}
