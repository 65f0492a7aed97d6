//! The screen layer (`src/screens`): the widget, the print summary and the
//! loader's first screens are one tree each, so they cannot drift. These
//! tests check the generated loader data against the reducer and the
//! widget's own screens, and the summary against the result screen.

use std::collections::BTreeSet;
use std::path::Path;

use carepath::assessment::{Answers, Center};
use carepath::host_config::Config;
use carepath::i18n::{Texts, LOCALES};
use carepath::journey::handover::{drawn_by_loader, replay, words};
use carepath::journey::{Journey, Screen};
use carepath::screens::shell::state_id;
use carepath::screens::{self, result, shell, Host, Node, Only};
use serde_json::Value;

mod common;
use common::vignettes;

/// A tree from the loader's data as HTML, the way the loader builds it
/// (slots filled from `fill`; `@` listeners and `.checked` are not markup).
fn html(node: &Value, fill: &dyn Fn(&str) -> String) -> String {
    match node {
        Value::String(t) => escape(t),
        Value::Object(o) => fill(o["$"].as_str().unwrap()),
        Value::Array(a) => {
            let tag = a[0].as_str().unwrap();
            let attrs = a[1].as_array().unwrap();
            let mut out = format!("<{tag}");
            for pair in attrs.chunks(2) {
                let name = pair[0].as_str().unwrap();
                if name.starts_with('@') || name.starts_with('.') {
                    continue;
                }
                let value = match &pair[1] {
                    Value::String(v) => escape(v),
                    Value::Object(o) => fill(o["$"].as_str().unwrap()),
                    other => panic!("attribute {name}: {other}"),
                };
                out.push_str(&format!(" {name}=\"{value}\""));
            }
            if attrs.chunks(2).any(|p| p[0] == ".checked" && p[1] == true) {
                out.push_str(" checked");
            }
            out.push('>');
            if tag != "input" {
                for child in &a[2..] {
                    out.push_str(&html(child, fill));
                }
                out.push_str(&format!("</{tag}>"));
            }
            out
        }
        other => panic!("not a tree: {other}"),
    }
}

/// The tree with each translated string `{"#": n}` taken from `strings`
/// and the inputs with these ids checked, as the loader does.
fn resolve(node: &Value, strings: &Value, checked: &[Value]) -> Value {
    match node {
        Value::Object(o) if o.contains_key("#") => {
            strings[o["#"].as_u64().unwrap() as usize].clone()
        }
        Value::Object(o) => Value::Object(
            o.iter()
                .map(|(k, v)| (k.clone(), resolve(v, strings, checked)))
                .collect(),
        ),
        Value::Array(a) => {
            let mut out: Vec<Value> = a.iter().map(|v| resolve(v, strings, checked)).collect();
            // An element: [tag, [name, value, ...], ...].
            if let (Some(Value::String(_)), Some(Value::Array(attrs))) = (out.first(), out.get(1)) {
                let id = attrs.chunks(2).find(|p| p[0] == "id").map(|p| p[1].clone());
                if id.is_some_and(|id| checked.contains(&id)) {
                    if let Value::Array(attrs) = &mut out[1] {
                        attrs.extend([Value::from(".checked"), Value::Bool(true)]);
                    }
                }
            }
            Value::Array(out)
        }
        other => other.clone(),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Every sequence of the loader's words up to `len` long.
fn sequences(len: usize) -> Vec<Vec<String>> {
    let mut all = vec![vec![]];
    let mut last = vec![vec![]];
    for _ in 0..len {
        let mut next = Vec::new();
        for seq in &last {
            for w in words() {
                let mut s: Vec<String> = seq.clone();
                s.push(w);
                next.push(s);
            }
        }
        all.extend(next.iter().cloned());
        last = next;
    }
    all
}

#[test]
fn the_loaders_transitions_are_the_reducers() {
    let data = shell::data();
    let states: Vec<&str> = data["states"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    for seq in sequences(6) {
        // Follow the loader's table until it waits for the widget.
        let mut at = 0usize;
        let mut waited = false;
        for (i, w) in seq.iter().enumerate() {
            match &data["go"][at][w.as_str()] {
                Value::Null if data["go"][at].get(w.as_str()).is_some() => {
                    let (j, _) = replay(&seq[..=i].join(" "));
                    assert!(
                        !drawn_by_loader(j.screen),
                        "{seq:?}: waits, but {:?} is drawn",
                        j.screen
                    );
                    waited = true;
                    break;
                }
                Value::Null => {}
                edge => at = edge["to"].as_u64().unwrap() as usize,
            }
        }
        if !waited {
            let (j, _) = replay(&seq.join(" "));
            assert_eq!(states[at], state_id(&j), "{seq:?}");
        }
    }
}

#[test]
fn each_state_the_loader_draws_is_the_widgets_own_screen_in_every_locale() {
    let data = shell::data();
    let config = Config::default();
    for (id, _, _) in LOCALES {
        let strings = &data["strings"][id];
        let view = resolve(&data["views"], strings, &[]);
        let t = Texts::for_locale(id);
        for (i, state) in data["states"].as_array().unwrap().iter().enumerate() {
            // The journey behind the state, by the words that reach it.
            let seq = sequences(4)
                .into_iter()
                .map(|s| replay(&s.join(" ")).0)
                .find(|j| state_id(j) == state.as_str().unwrap())
                .expect("every state is reached within four words");
            let privacy = |name: &str| {
                assert_eq!(name, "privacy");
                data["privacy"][0]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|i| {
                        html(
                            &view["privacy"][i.as_u64().unwrap() as usize],
                            &|_| unreachable!(),
                        )
                    })
                    .collect::<String>()
            };
            let at = data["view"][i].as_array().unwrap();
            let tree = &data["views"]["screens"][at[0].as_u64().unwrap() as usize];
            let screen = html(&resolve(tree, strings, &at[1..]), &privacy);
            let drawn = html(&view["frame"], &|name| match name {
                "screen" => screen.clone(),
                other => panic!("frame slot {other}"),
            });
            let widget: Node = screens::frame(&t, screens::screen(&t, &seq, &config)).into();
            assert_eq!(
                drawn,
                widget.html(&Host::default(), Only::Screen),
                "{id} {state}"
            );
        }
    }
}

#[test]
fn the_loaders_privacy_sentences_are_the_widgets_for_every_setting() {
    let data = shell::data();
    for bits in 0..16u8 {
        let on = |i: u8| bits & (1 << i) != 0;
        let config = Config {
            share_progress: on(0),
            share_result: on(1),
            // As the widget reads it: answers only with the result.
            share_answers: on(2) && on(1),
            remember: on(3),
            ..Config::default()
        };
        let t = Texts::english();
        let want: Vec<String> = config
            .privacy_keys()
            .iter()
            .map(|k| t.t(k).to_string())
            .collect();
        let got: Vec<String> = data["privacy"][bits as usize]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                let tree = &data["views"]["privacy"][i.as_u64().unwrap() as usize];
                let p = resolve(tree, &data["strings"]["en"], &[]);
                p[2].as_str().unwrap().to_string()
            })
            .collect();
        assert_eq!(got, want, "share and remember bits {bits:04b}");
    }
}

#[test]
fn the_loader_source_holds_no_words_and_no_markup() {
    let loader =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("embed/carepath.js"))
            .unwrap();
    let t = Texts::english();
    for key in t.keys() {
        assert!(
            !loader.contains(&format!("\"{key}\"")),
            "the loader names the key {key}"
        );
        let text = t.t(key);
        if text.len() > 12 && !text.contains('{') {
            assert!(
                !loader.contains(text),
                "the loader holds the words of {key}"
            );
        }
    }
    // Elements only from the data (`createElement(tag)`), besides the
    // wrapper and the theme check's hidden probes.
    let literal: BTreeSet<&str> = loader
        .match_indices("createElement(\"")
        .map(|(i, m)| {
            let rest = &loader[i + m.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect();
    assert_eq!(literal, BTreeSet::from(["div", "span"]));
    assert!(!loader.contains("innerHTML") && !loader.contains("insertAdjacentHTML"));
}

#[test]
fn the_summary_is_the_result_screen_without_its_controls_in_every_vignette_and_locale() {
    for (name, case) in vignettes() {
        let answers = Answers::from_value(&case["answers"]).unwrap();
        let center = case
            .get("center")
            .map(|c| Center::from_json(&c.to_string()).unwrap());
        let config = Config {
            center_name: Some("Riverside Recovery".into()),
            phone: Some("+15550100199".into()),
            center,
            ..Config::default()
        };
        let host = Host {
            center: "Riverside Recovery".into(),
            phone: config.phone.clone(),
        };
        let journey = Journey {
            screen: Screen::Result,
            answers,
            ..Journey::default()
        };
        for (id, _, _) in LOCALES {
            let t = Texts::for_locale(id).they(journey.about_someone_else());
            let screen = result::screen(&t, &journey, &config);
            let summary = result::summary(&t, &journey, &config);
            // The very same tree, not a copy of its words.
            assert!(
                summary
                    .children
                    .iter()
                    .any(|c| matches!(c, Node::El(e) if **e == screen)),
                "{name} {id}: the summary holds the result screen's tree"
            );
            let printed: Node = summary.into();
            let page = printed.html(&host, Only::Print);
            assert!(
                !page.contains("data-action"),
                "{name} {id}: no controls on paper"
            );
            assert_eq!(
                page.matches("<button").count(),
                1,
                "{name} {id}: only Print"
            );
            // Every line of the screen's why, steps and week is on paper.
            let shown: Node = screen.into();
            for class in ["cp-why", "cp-steps", "cp-timeline", "cp-life", "cp-level"] {
                if let Node::El(e) = &shown {
                    if let Some(part) = e.find(class) {
                        let part: Node = part.clone().into();
                        assert!(
                            page.contains(&part.html(&host, Only::Print)),
                            "{name} {id}: {class} differs on paper"
                        );
                    }
                }
            }
            assert!(page.contains("Riverside Recovery"), "{name} {id}");
        }
    }
}

#[test]
fn the_code_box_says_whether_the_copy_worked_in_a_live_region() {
    use carepath::journey::Msg;
    let mut journey = Journey {
        screen: Screen::Result,
        answers: Answers::new().with(carepath::assessment::Q::DangerNow, &["no"]),
        ..Journey::default()
    };
    let config = Config::default();
    for (lang, copied, failed) in [
        ("en", "Copied.", "Could not copy it."),
        ("es", "Copiado.", "No se pudo copiar."),
    ] {
        let t = Texts::for_locale(lang);
        let status = |j: &Journey| {
            let tree = result::screen(&t, j, &config);
            let el = tree
                .find("cp-code-status")
                .expect("the status is always there");
            assert!(el.attrs.iter().any(
                |(n, v)| *n == "role" && *v == carepath::screens::Value::Text("status".into())
            ));
            Node::from(el.clone()).text(&Host::default(), Only::Screen)
        };
        journey.copied = None;
        assert_eq!(status(&journey), "");
        journey.update(Msg::Copied(true));
        assert!(status(&journey).starts_with(copied), "{lang}");
        journey.update(Msg::Copied(false));
        assert!(status(&journey).starts_with(failed), "{lang}");
    }
}
