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
    // Today's table, then the crisis routes.
    assert_eq!(
        md,
        carepath::assessment::rules_markdown(carepath::assessment::CURRENT)
            + &carepath::screens::crisis_lines::markdown()
    );
    assert!(md.contains("| 2a | withdrawal | `withdrawal` = `severe` and `recent` and `wm_substance` | withdrawal = `medically_managed` |"), "{md}");
}

#[test]
fn rules_version_3_prints_v3_exactly_as_it_shipped() {
    for (args, golden) in [
        (&["rules", "--version", "3"][..], "tests/golden/v3-rules.md"),
        (
            &["questions", "--version", "3"][..],
            "tests/golden/v3-questions.md",
        ),
    ] {
        let out = carepath(args, None);
        assert!(out.status.success());
        let want = std::fs::read_to_string(golden).unwrap();
        assert_eq!(String::from_utf8(out.stdout).unwrap(), want, "{args:?}");
    }
    for bad in ["2", "5"] {
        let out = carepath(&["rules", "--version", bad], None);
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn rules_prints_v4_with_the_principle_and_every_clinical_fact_the_engine_uses() {
    let md = carepath::assessment::rules_markdown(carepath::assessment::CURRENT);
    assert!(md.starts_with("# Carepath decision table (contract v4)"));
    assert!(md.contains("**Skips never escalate.**"));
    assert!(md.contains("| 15 | none |"), "rule 15");
    assert!(md.contains("| 16 | none |"), "rule 16");
    assert!(md.contains("flag `family_support`"));
    assert!(md.contains("**W1.**"));
    // The crisis routing, from rule 1's data.
    assert!(
        md.contains("`danger_now = yes` or `self_harm = plan_or_attempt` opens the crisis screen"),
        "{md}"
    );
    // The first-step floors are rules the reasons read.
    assert!(md.contains("| 2j | withdrawal | withdrawal first step is `medically_managed` | minimum `intensive_outpatient` |"), "{md}");
    assert!(md.contains("`wm_substance`"));
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
    let code = carepath::assessment::encode_code(&answers, 1).unwrap();
    let out = carepath(&["decode", &code.to_lowercase()], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    let want = carepath::assessment::assess(&answers, None).unwrap();
    assert_eq!(
        v["seen"],
        serde_json::from_str::<serde_json::Value>(&want.to_json()).unwrap()
    );
    assert_eq!(v["answers"]["withdrawal"], "mild");
    assert!(v.get("today").is_none() && v.get("rules_differ").is_none());
    assert_eq!(
        (&v["version"], &v["language"]),
        (&serde_json::json!(4), &serde_json::json!("es"))
    );
    // answers first, then seen.
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.find("\"answers\"").unwrap() < text.find("\"seen\"").unwrap());
    // One character misread: it says so, exit 2.
    let mut wrong: Vec<char> = code.chars().collect();
    wrong[2] = if wrong[2] == 'A' { 'B' } else { 'A' };
    let out = carepath(&["decode", &wrong.iter().collect::<String>()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not check"));
}

#[test]
fn decode_refuses_a_never_released_version_with_nothing_on_stdout() {
    let answers = carepath::assessment::Answers::from_json(
        r#"{"danger_now": "no", "for_whom": "self", "substances": ["alcohol"], "use_frequency": "daily"}"#,
    )
    .unwrap();
    for v in [0, 1, 2, 5, 31] {
        let code = carepath::assessment::internals::encode_as_version(&answers, v, 0).unwrap();
        let out = carepath(&["decode", &code], None);
        assert_eq!(out.status.code(), Some(2), "{v}");
        assert!(out.stdout.is_empty(), "{v}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&format!("contract version {v}")), "{err}");
    }
}

/// Every golden code of every released version decodes, in every build,
/// to the answers and the result recorded when it shipped; a v3 code whose
/// estimate differs today also carries `today` and `rules_differ`.
#[test]
fn decode_reads_every_golden_code_exactly() {
    for file in ["tests/golden/v3.json", "tests/golden/v4.json"] {
        let g: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        for e in g["golden"].as_array().unwrap() {
            let code = e["code"].as_str().unwrap();
            let out = carepath(&["decode", code], None);
            assert_eq!(out.status.code(), Some(0), "{file} {code}");
            let v = json(&out);
            assert_eq!(v["answers"], e["answers"], "{file} {code}");
            assert_eq!(v["seen"], e["result"], "{file} {code}");
            assert_eq!(v["version"], g["version"], "{file} {code}");
            let today = v.get("today");
            assert_eq!(today.is_some(), v.get("rules_differ").is_some(), "{code}");
            if g["version"] == 4 {
                assert!(today.is_none(), "{code}");
            }
        }
    }
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
        carepath::assessment::encode_code(&answers, 0)
    );
    assert_eq!(code.len(), 18, "15 characters in groups of four: {code}");
    // --lang names the language the visitor used.
    let es = carepath(&["code", "-", "--lang", "es"], Some(text));
    let es = String::from_utf8_lossy(&es.stdout).trim().to_string();
    assert_eq!(json(&carepath(&["decode", &es], None))["language"], "es");
    let bad = carepath(&["code", "-", "--lang", "xx"], Some(text));
    assert_eq!(bad.status.code(), Some(2));
    // And back.
    let v = json(&carepath(&["decode", &code], None));
    assert_eq!(v["answers"]["use_frequency"], "daily");
    // Bad answers: every problem named, exit 2.
    let out = carepath(&["code", "-"], Some(r#"{"danger_now": "maybe"}"#));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("danger_now"));
}

/// `carepath rules` prints the crisis routes after today's table, each
/// link once; a released version's table stays as it was.
#[test]
fn rules_print_the_crisis_routes() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_carepath"))
        .arg("rules")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("## Crisis routes"));
    for href in [
        "tel:911",
        "tel:988",
        "sms:988",
        "sms:988?&body=AYUDA",
        "sms:838255",
        "https://988lifeline.org/chat/",
        "tel:711",
    ] {
        assert!(text.contains(&format!("`{href}`")), "{href}");
    }
    let v3 = std::process::Command::new(env!("CARGO_BIN_EXE_carepath"))
        .args(["rules", "--version", "3"])
        .output()
        .unwrap();
    assert!(!String::from_utf8(v3.stdout)
        .unwrap()
        .contains("## Crisis routes"));
}

#[test]
fn translations_prints_a_review_sheet_with_every_key_and_says_it_is_unreviewed() {
    let locales = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");
    let out = carepath(&["translations", "es", "--locales", locales], None);
    assert!(out.status.success());
    let sheet = String::from_utf8(out.stdout).unwrap();
    assert!(sheet.contains(
        "Status: in the widget, offered by default. Not yet reviewed by a qualified human translator."
    ));
    let english: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(format!("{locales}/en.json")).unwrap())
            .unwrap();
    for key in english.keys() {
        assert!(
            sheet.contains(&format!("| `{key}` |")),
            "{key} is on the sheet"
        );
    }
    assert!(
        sheet.contains("| `bar.text988` | Text 988 | Enviar AYUDA al 988 |"),
        "the English beside the Spanish"
    );
    assert!(sheet.contains("## Sign-off"));

    // Neither in the widget nor a draft: the command names the ones there are.
    let none = carepath(&["translations", "xx", "--locales", locales], None);
    assert_eq!(none.status.code(), Some(2));
    let said = String::from_utf8(none.stderr).unwrap();
    assert!(said.contains("\"xx\"") && said.contains("es"), "{said}");

    // A language off by default says so, with its back-translation.
    let ar = carepath(&["translations", "ar", "--locales", locales], None);
    let sheet = String::from_utf8(ar.stdout).unwrap();
    assert!(sheet.contains("off by default: a visitor sees it only where a center lists it in the `languages` attribute"));
    assert!(!sheet.contains("No back-translation yet."));
}
