//! The staff page (`screens::staff`): a code read back shows the answers,
//! the estimate the visitor saw and why, from the same engine; codes that
//! do not read say why; another version's code shows its answers and no
//! estimate; the bank and table hold every question and rule.

use carepath::assessment::internals::{encode_as_version, RULES};
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
        let code = encode_code(&answers).unwrap();
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
        for rule in carepath::assessment::rules_fired(&answers) {
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
    let code = encode_code(&answers).unwrap().replace('-', "");
    let mut swapped: Vec<char> = code.chars().collect();
    let i = (0..13).find(|&i| swapped[i] != swapped[i + 1]).unwrap();
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
fn another_versions_code_names_it_and_shows_the_answers_with_no_estimate() {
    let answers = Answers::from_json(
        r#"{"danger_now": "no", "for_whom": "someone_else", "age": "18_to_64",
            "substances": ["opioids"], "use_frequency": "daily"}"#,
    )
    .unwrap();
    let code = encode_as_version(&answers, 4).unwrap();
    let out = html("en", Some(&code), &Config::default());
    assert!(out.contains("This code is from version 4 of the check"));
    assert!(out.contains("This page reads version 3"));
    assert!(out.contains("data-question=\"substances\" data-answer=\"opioids\""));
    assert!(!out.contains("cps-estimate") && !out.contains("data-rule=\"1"));
    // The questions as the visitor saw them: about someone else.
    let they = Texts::english().they(true);
    assert!(out.contains(they.t("q.substances.legend")));
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
    let code = encode_code(&answers).unwrap();
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
