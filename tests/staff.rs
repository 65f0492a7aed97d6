//! The staff page (`screens::staff`): a code read back shows the answers,
//! the estimate the visitor saw and why, from the same engine and the
//! code's own version (a v3 code: v3's estimate, and today's beside it
//! where it differs); codes that do not read say why; a never-released
//! version is refused; the bank and table hold every question and rule.

use carepath::assessment::internals::{encode_as_version, RULES};
use carepath::assessment::CURRENT;
use carepath::assessment::{assess, encode_code, normalize, question, Answers, Center, QUESTIONS};
use carepath::host_config::Config;
use carepath::i18n::Texts;
use carepath::screens::staff::page;
use carepath::screens::{Host, Node, Only};

mod common;
use common::vignettes;

fn html(lang: &str, typed: Option<&str>, config: &Config) -> String {
    Node::from(page(lang, typed, 0, config)).html(&Host::default(), Only::Screen)
}

fn config_for(center: Option<&serde_json::Value>) -> Config {
    Config {
        center: center.map(|c| Center::from_json(&c.to_string()).unwrap()),
        ..Config::default()
    }
}

#[test]
fn every_vignette_read_back_shows_its_estimate_answers_and_rules() {
    for (name, v) in vignettes() {
        let answers = Answers::from_value(&v["answers"]).unwrap();
        let config = config_for(v.get("center").filter(|c| !c.is_null()));
        let result = assess(&answers, config.center.as_ref()).unwrap();
        let code = encode_code(&answers, 0).unwrap();
        // Typed as heard: lower case, spaces for hyphens.
        let out = html("en", Some(&code.to_lowercase().replace('-', " ")), &config);
        assert!(out.contains(&format!("Code {code}")), "{name}");
        assert!(
            out.contains(&format!("data-level=\"{}\"", result.level)),
            "{name}: level"
        );
        assert!(
            out.contains(&format!("data-withdrawal=\"{}\"", result.withdrawal)),
            "{name}: first step"
        );
        let en = Texts::english();
        assert!(
            out.contains(en.t(&format!("level.{}.name", result.level))),
            "{name}: level name"
        );
        for reason in &result.reasons {
            if let Some(rule) = reason.rule {
                assert!(
                    out.contains(&format!("data-rule=\"{rule}\"><strong>")),
                    "{name}: reason of rule {rule}"
                );
            }
        }
        for rule in carepath::assessment::rules_fired(&answers, CURRENT) {
            assert!(
                out.contains(&format!("<tr data-rule=\"{rule}\">")),
                "{name}: fired rule {rule}"
            );
        }
        let read = normalize(&answers);
        for bank in &QUESTIONS {
            if answers.read().is_asked(bank.id) {
                let chosen = read.chosen(bank.id).map_or(String::new(), |c| c.join(" "));
                assert!(
                    out.contains(&format!(
                        "data-question=\"{}\" data-answer=\"{chosen}\"",
                        bank.id
                    )),
                    "{name}: answer to {}",
                    bank.id
                );
            }
        }
        // What the center settings change is said.
        let note = if config.center.is_some() {
            "use your center&#39;s programs"
        } else {
            "no center settings"
        };
        assert!(
            out.contains(note.replace("&#39;", "'").as_str()),
            "{name}: center note"
        );
        // The visitor's own result page is there, without its controls.
        let seen = out.split("cps-seen").nth(1).unwrap();
        let seen = seen.split("id=\"cps-bank\"").next().unwrap();
        assert!(seen.contains("data-screen=\"result\""), "{name}");
        assert!(!seen.contains("<button"), "{name}: controls left in");
    }
}

#[test]
fn a_code_that_does_not_read_says_why_and_shows_no_answers() {
    let answers = Answers::new()
        .with(carepath::assessment::Q::DangerNow, &["no"])
        .with(carepath::assessment::Q::ForWhom, &["self"]);
    let code = encode_code(&answers, 0).unwrap().replace('-', "");
    let mut swapped: Vec<char> = code.chars().collect();
    let i = (0..14).find(|&i| swapped[i] != swapped[i + 1]).unwrap();
    swapped.swap(i, i + 1);
    let cases = [
        ("", "Type or paste the code first."),
        ("3K7Q", "this one has 4"),
        ("3K7Q-M2XD-9P0A-4U", "“U” is not used in codes"),
        (&swapped.iter().collect::<String>(), "does not check"),
    ];
    for (typed, says) in cases {
        let out = html("en", Some(typed), &Config::default());
        assert!(out.contains(says), "{typed}: {out}");
        assert!(out.contains("role=\"alert\""), "{typed}");
        assert!(out.contains("aria-invalid=\"true\""), "{typed}");
        assert!(!out.contains("cps-estimate"), "{typed}");
        assert!(!out.contains("data-answer"), "{typed}");
    }
    // Before any code: no error, no answers.
    let out = html("en", None, &Config::default());
    assert!(!out.contains("role=\"alert\"") && !out.contains("data-answer"));
}

#[test]
fn a_never_released_versions_code_is_refused_with_no_answers() {
    let answers = Answers::from_json(
        r#"{"danger_now": "no", "for_whom": "someone_else", "age": "18_to_64",
            "substances": ["opioids"], "use_frequency": "daily"}"#,
    )
    .unwrap();
    for v in [0, 2, 5] {
        let code = encode_as_version(&answers, v, 0).unwrap();
        let out = html("en", Some(&code), &Config::default());
        assert!(out.contains(&format!("This code is from version {v} of the check")));
        assert!(
            !out.contains("data-answer") && !out.contains("cps-estimate"),
            "{v}"
        );
    }
}

/// The golden v3 codes, recorded before v4 (tests/golden/v3.json).
fn golden_v3() -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string("tests/golden/v3.json").unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["golden"].as_array().unwrap().clone()
}

#[test]
fn a_v3_code_after_v4_shows_the_v3_estimate_and_todays_beside_it() {
    for g in golden_v3() {
        let code = g["code"].as_str().unwrap();
        let out = html("en", Some(code), &Config::default());
        let seen = &g["result"];
        let first = out.split("cps-estimate").nth(1).unwrap();
        assert!(
            first.contains(&format!(
                "data-level=\"{}\"",
                seen["level"].as_str().unwrap()
            )),
            "{code}"
        );
        assert!(
            first.contains(&format!(
                "data-withdrawal=\"{}\"",
                seen["withdrawal"].as_str().unwrap()
            )),
            "{code}"
        );
        assert!(out.contains("contract version 3"), "{code}: labelled");
        let answers = Answers::from_value(&g["answers"]).unwrap();
        let today = assess(&answers, None).unwrap();
        let differs = today.level.id() != seen["level"]
            || today.withdrawal.id() != seen["withdrawal"]
            || today.flags.iter().map(|f| f.id()).collect::<Vec<_>>()
                != seen["flags"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|f| f.as_str().unwrap())
                    .collect::<Vec<_>>();
        assert_eq!(out.contains("cps-today"), differs, "{code}");
        if differs {
            let t = out.split("cps-today").nth(1).unwrap();
            assert!(
                t.contains(&format!("data-level=\"{}\"", today.level)),
                "{code}"
            );
            assert!(
                t.contains("Under today") && t.contains("data-rules-differ=\""),
                "{code}"
            );
        }
    }
    // The methadone patient with a past severe withdrawal: 24-hour detox
    // under v3, no detox and outpatient under v4.
    let out = html("en", Some("32KR-YRSW-7JWZ-CK"), &Config::default());
    assert!(out.contains("data-withdrawal=\"medically_managed\""));
    let t = out.split("cps-today").nth(1).unwrap();
    assert!(t.contains("data-level=\"outpatient\"") && t.contains("data-withdrawal=\"none\""));
    assert!(t.contains("2a") && t.contains("2m"));
}

#[test]
fn a_skipped_suicide_question_comes_before_everything_else() {
    let answers = Answers::from_json(r#"{"danger_now": "no", "for_whom": "self"}"#).unwrap();
    let out = html(
        "en",
        Some(&encode_code(&answers, 0).unwrap()),
        &Config::default(),
    );
    let alert = out
        .find("data-alert=\"self_harm_skipped\"><p>")
        .or_else(|| out.find("data-alert=\"self_harm_skipped\""))
        .unwrap();
    assert!(out[alert..].contains("The suicide question was skipped: ask it first"));
    assert!(alert < out.find("cps-estimate").unwrap());
    let answered = answers.with(carepath::assessment::Q::SelfHarm, &["no"]);
    let out = html(
        "en",
        Some(&encode_code(&answered, 0).unwrap()),
        &Config::default(),
    );
    assert!(!out.contains("data-alert=\"self_harm_skipped\""));
}

#[test]
fn the_callers_language_is_named_and_their_words_are_one_click_away() {
    let answers = Answers::from_json(r#"{"danger_now": "no", "for_whom": "self"}"#).unwrap();
    let out = html(
        "en",
        Some(&encode_code(&answers, 1).unwrap()),
        &Config::default(),
    );
    assert!(out.contains("data-caller-language=\"es\""));
    assert!(out.contains("interpreter"));
    let caller = out.split("cps-caller-words").nth(1).unwrap();
    assert!(caller.contains(Texts::for_locale("es").t("q.for_whom.opt.self")));
    // The same language as the page: nothing to offer.
    let out = html(
        "en",
        Some(&encode_code(&answers, 0).unwrap()),
        &Config::default(),
    );
    assert!(!out.contains("data-caller-language"));
}

#[test]
fn the_bank_and_table_hold_every_question_option_and_rule() {
    let out = html("en", None, &Config::default());
    let bank = out.split("id=\"cps-bank\"").nth(1).unwrap();
    for q in &QUESTIONS {
        assert!(bank.contains(&format!("data-question=\"{}\"", q.id)));
        for o in question(q.id).options {
            assert!(bank.contains(&format!("<code>{o}</code>")), "{} {o}", q.id);
        }
    }
    for rule in RULES {
        assert!(
            bank.contains(&format!("<th scope=\"row\">{}</th>", rule.id)),
            "rule {}",
            rule.id
        );
    }
    assert!(bank.contains("Generic weeks") && bank.contains("First steps"));
}

#[test]
fn the_page_speaks_spanish_around_the_visitors_spanish_words() {
    let answers = Answers::from_json(r#"{"danger_now": "no", "for_whom": "self"}"#).unwrap();
    let code = encode_code(&answers, 1).unwrap();
    let out = html("es", Some(&code), &Config::default());
    let es = Texts::for_locale("es");
    assert!(out.contains("lang=\"es\""));
    assert!(out.contains("Leer el código"));
    assert!(out.contains(es.t("q.for_whom.opt.self")));
    assert!(out.contains(es.t("bar.call911")));
}

#[test]
fn the_staff_words_exist_in_every_language_and_the_widget_does_not_carry_them() {
    let en: Vec<&str> = Texts::staff("en").keys().collect();
    let es: Vec<&str> = Texts::staff("es").keys().collect();
    assert_eq!(en, es, "the staff books have the same keys");
    assert!(en.len() > 30);
    assert!(Texts::english().keys().all(|k| !k.starts_with("staff.")));
}
