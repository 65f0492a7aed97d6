//! Whole cases a clinician can read and check: each file in
//! tests/vignettes/ holds a story, the answers (and a center, if any), a
//! short hand-written `expect` and the full `expected` result JSON.

use carepath::assessment::{assess, Answers, Center};
use serde_json::Value;

mod common;
use common::vignettes;

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
