//! The command-line program as a reviewer uses it: files, stdin, exit codes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn carepath(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_carepath"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(text) = stdin {
        // The program may exit before reading (a bad center file): a
        // broken pipe here is not the test's concern.
        let _ = child.stdin.take().unwrap().write_all(text.as_bytes());
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("carepath-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn assess_a_valid_file_prints_the_result_and_exits_0() {
    let file = temp_file(
        "ok.json",
        r#"{"danger_now": "no", "substances": ["alcohol"], "use_frequency": "daily",
            "withdrawal": "severe", "criteria": ["tolerance", "cravings"]}"#,
    );
    let out = carepath(&["assess", file.to_str().unwrap()], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = json(&out);
    assert_eq!(r["withdrawal"], "medically_managed");
    assert_eq!(r["level"], "intensive_outpatient");
    assert_eq!(r["weekly_hours"], serde_json::json!({"min": 9, "max": 19}));
    assert!(out.stderr.is_empty());
}

#[test]
fn assess_reads_standard_input_when_the_file_is_a_dash() {
    let out = carepath(&["assess", "-"], Some(r#"{"danger_now": "yes"}"#));
    assert!(out.status.success());
    assert_eq!(json(&out)["urgent"], "emergency");
}

#[test]
fn assess_with_a_center_file_uses_its_schedule_and_offers() {
    let center = temp_file(
        "center.json",
        r#"{"offers": ["intensive_outpatient"], "schedules": {"intensive_outpatient":
            [{"days": ["tue", "wed", "thu"], "start": "17:30", "end": "20:30"}]}}"#,
    );
    let out = carepath(
        &["assess", "-", "--center", center.to_str().unwrap()],
        Some(
            r#"{"danger_now": "no", "criteria": ["tolerance", "cravings", "time_spent", "role_failure"]}"#,
        ),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = json(&out);
    assert_eq!(r["schedule"]["source"], "center");
    assert_eq!(r["schedule"]["sessions"][0]["start"], "17:30");
    assert_eq!(r["center_offers_level"], true);
}

#[test]
fn assess_an_invalid_option_names_the_id_on_stderr_and_exits_2() {
    let out = carepath(
        &["assess", "-"],
        Some(r#"{"danger_now": "no", "home": "castle"}"#),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("\"home\": unknown option \"castle\""), "{err}");
    assert!(
        err.contains("stable_supportive, stable_unsupportive, unsafe_or_unstable"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn assess_without_danger_now_exits_2() {
    let out = carepath(&["assess", "-"], Some("{}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("danger_now"));
}

#[test]
fn assess_a_bad_center_names_the_field_and_exits_2() {
    let center = temp_file("bad-center.json", r#"{"offers": ["detox"]}"#);
    let out = carepath(
        &["assess", "-", "--center", center.to_str().unwrap()],
        Some(r#"{"danger_now": "no"}"#),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("offers[0]")
            && err.contains("unknown level or first step \"detox\"")
            && err.contains("medically_managed_withdrawal"),
        "{err}"
    );
}

#[test]
fn assess_a_missing_file_exits_1() {
    let out = carepath(&["assess", "/nonexistent/answers.json"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}

#[test]
fn rules_prints_the_decision_table_as_markdown() {
    let out = carepath(&["rules"], None);
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# Carepath decision table"));
    assert_eq!(md, carepath::assessment::rules_markdown());
    assert!(md.contains("| 2a | withdrawal | `withdrawal` = `severe` and `recent` | withdrawal = `medically_managed` |"));
}

#[test]
fn rules_prints_v3_with_the_principle_and_every_clinical_fact_the_engine_uses() {
    let md = carepath::assessment::rules_markdown();
    assert!(md.starts_with("# Carepath decision table (contract v3)"));
    assert!(md.contains("**Skips never escalate.**"));
    assert!(md.contains("| 15 | none |"), "rule 15");
    assert!(md.contains("`center_offers_first_step`"), "rule 14");
    // Rule 2's hit policy, from the rules themselves.
    assert!(md.contains("(2a, 2b, 2c, 2d, 2e, 2f) are tried in this order"));
    // First-step lengths and generic weeks are printed, not only coded.
    assert!(md.contains("| `medically_managed` | 24-hour care | 3-7 |"));
    assert!(md.contains("| `ambulatory` | daily visits | 5-7 |"));
    assert!(md.contains(
        "| `intensive_outpatient` | evenings | mon 18:00-21:00, wed 18:00-21:00, thu 18:00-21:00 | mon 16:00-19:00, wed 16:00-19:00, thu 16:00-19:00 |"
    ), "{md}");
    assert!(md.contains("8-12, then `outpatient`"));
}

#[test]
fn questions_lists_the_bank() {
    let out = carepath(&["questions"], None);
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.contains("| 1 | `danger_now` | one | `yes`, `no` | always | (required) |"),
        "{md}"
    );
    assert_eq!(md.matches("\n| ").count(), 18 + 1);
}

#[test]
fn an_unknown_command_exits_with_usage() {
    let out = carepath(&["diagnose"], None);
    assert_eq!(out.status.code(), Some(2)); // clap's usage error
    assert!(String::from_utf8_lossy(&out.stderr).contains("Usage"));
}

#[test]
fn decode_prints_the_answers_and_the_result_of_a_code() {
    let answers = carepath::assessment::Answers::from_json(
        r#"{"danger_now": "no", "for_whom": "self", "substances": ["alcohol"], "use_frequency": "daily",
            "withdrawal": "mild", "criteria": ["tolerance", "cravings", "time_spent", "role_failure"]}"#,
    )
    .unwrap();
    let code = carepath::assessment::encode_code(&answers).unwrap();
    let out = carepath(&["decode", &code.to_lowercase()], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    let want = carepath::assessment::assess(&answers, None).unwrap();
    assert_eq!(
        v["result"],
        serde_json::from_str::<serde_json::Value>(&want.to_json()).unwrap()
    );
    assert_eq!(v["answers"]["withdrawal"], "mild");
    // One character misread: it says so, exit 2.
    let mut wrong: Vec<char> = code.chars().collect();
    wrong[2] = if wrong[2] == 'A' { 'B' } else { 'A' };
    let out = carepath(&["decode", &wrong.iter().collect::<String>()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not check"));
}

#[test]
fn decode_names_another_version_and_prints_its_answers_without_a_result() {
    let answers = carepath::assessment::Answers::from_json(
        r#"{"danger_now": "no", "for_whom": "self", "substances": ["alcohol"], "use_frequency": "daily"}"#,
    )
    .unwrap();
    let code = carepath::assessment::internals::encode_as_version(&answers, 4).unwrap();
    let out = carepath(&["decode", &code], None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("contract version 4"), "{err}");
    let v = json(&out);
    assert_eq!(v["answers"]["use_frequency"], "daily");
    assert!(v.get("result").is_none());
}

#[test]
fn code_prints_the_code_a_visitor_with_these_answers_sees() {
    let text = r#"{"danger_now": "no", "for_whom": "self", "substances": ["alcohol"], "use_frequency": "daily"}"#;
    let out = carepath(&["code", "-"], Some(text));
    assert!(out.status.success());
    let code = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let answers = carepath::assessment::Answers::from_json(text).unwrap();
    assert_eq!(
        Some(code.clone()),
        carepath::assessment::encode_code(&answers)
    );
    // And back.
    let v = json(&carepath(&["decode", &code], None));
    assert_eq!(v["answers"]["use_frequency"], "daily");
    // Bad answers: every problem named, exit 2.
    let out = carepath(&["code", "-"], Some(r#"{"danger_now": "maybe"}"#));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("danger_now"));
}
