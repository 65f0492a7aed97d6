//! The screen layer (`src/screens`): the widget, the print summary and the
//! loader's first screens are one tree each, so they cannot drift. These
//! tests check the generated loader data against the reducer and the
//! widget's own screens, and the summary against the result screen.

use std::collections::BTreeSet;
use std::path::Path;

use carepath::assessment::{Answers, Center};
use carepath::host_config::Config;
use carepath::i18n::{language_ids, Texts};
use carepath::journey::handover::{drawn_by_loader, replay, words};
use carepath::journey::{Journey, Screen};
use carepath::screens::shell::state_id;
use carepath::screens::{self, result, shell, El, Host, Node, Only};
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
    let config = Config {
        languages: carepath::i18n::LANGUAGE_IDS.to_vec(),
        ..Config::default()
    };
    for id in language_ids() {
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
                "exit" => config.exit_url.clone(),
                "languages" => config
                    .languages
                    .iter()
                    .map(|l| html(&data["menu"][*l][usize::from(*l == id)], &|_| String::new()))
                    .collect(),
                other => panic!("frame slot {other}"),
            });
            let widget: Node = screens::frame(
                &t,
                Some(&config.languages),
                screens::screen(&t, &seq, &config),
            )
            .into();
            assert_eq!(
                drawn,
                widget.html(&Host::of(&config), Only::Screen),
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
    // The loader's modules (embed/loader/), as one text.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("embed/loader");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "js"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "the loader's modules: {files:?}");
    let loader: String = files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
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
            ..Host::default()
        };
        let journey = Journey {
            screen: Screen::Result,
            answers,
            ..Journey::default()
        };
        for id in language_ids() {
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

/// The result screen and its printed summary for a vignette, in a locale.
fn result_and_summary(case: &Value, id: &str) -> (El, El, Journey) {
    let answers = Answers::from_value(&case["answers"]).unwrap();
    let center = case
        .get("center")
        .map(|c| Center::from_json(&c.to_string()).unwrap());
    let config = Config {
        center,
        ..Config::default()
    };
    let journey = Journey {
        screen: Screen::Result,
        answers,
        ..Journey::default()
    };
    let t = Texts::for_locale(id).they(journey.about_someone_else());
    (
        result::screen(&t, &journey, &config),
        result::summary(&t, &journey, &config),
        journey,
    )
}

/// Each range written "N to N" (English) or "N a N" (Spanish) with both
/// ends the same.
fn ranges_of_one_value(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .windows(3)
        .filter(|w| {
            let number = |s: &str| s.trim_end_matches([',', '.']).parse::<u32>().ok();
            matches!(w[1], "to" | "a") && number(w[0]).is_some() && number(w[0]) == number(w[2])
        })
        .map(|w| w.join(" "))
        .collect()
}

#[test]
fn a_band_of_one_value_is_one_value_on_the_page_and_on_paper() {
    let mut php = 0;
    for (name, case) in vignettes() {
        for id in language_ids() {
            let (screen, summary, _) = result_and_summary(&case, id);
            let host = Host::default();
            for (what, tree, medium) in [
                ("page", &screen, Only::Screen),
                ("paper", &summary, Only::Print),
            ] {
                let text = Node::from(tree.clone()).text(&host, medium);
                assert_eq!(
                    ranges_of_one_value(&text),
                    Vec::<String>::new(),
                    "{name} {id} {what}"
                );
            }
            let level = screen.find("cp-level").unwrap();
            let is_php = level.attrs.iter().any(|(n, v)| {
                *n == "data-level" && *v == screens::Value::Text("partial_hospitalization".into())
            });
            if is_php {
                php += 1;
                // Partial hospitalization: 20 to 35 hours, on 5 days (5-5).
                let want = match id {
                    "en" => "Programs at this level take 20 to 35 hours a week, 5 days.",
                    "es" => "Los programas de este nivel son de 20 a 35 horas por semana, 5 días.",
                    _ => continue,
                };
                let week = Node::from(screen.find("cp-week").unwrap().clone());
                assert!(
                    week.text(&host, Only::Screen).contains(want),
                    "{name} {id}: {}",
                    week.text(&host, Only::Screen)
                );
            }
        }
    }
    assert!(
        php > 0,
        "some vignette is partial hospitalization (days 5-5)"
    );
}

#[test]
fn the_months_ahead_open_with_then_only_after_a_first_step() {
    use carepath::assessment::{Care, Level, Phase, PhaseKind, Range};
    let level = |phase, level, min, max| Phase {
        phase,
        care: Care::Level(level),
        days: None,
        weeks: Some(Range { min, max }),
    };
    let iop = level(PhaseKind::Core, Level::IntensiveOutpatient, 8, 12);
    let op = level(PhaseKind::StepDown, Level::Outpatient, 2, 2);
    let detox = Phase {
        phase: PhaseKind::FirstStep,
        care: Care::AmbulatoryWithdrawal,
        days: Some(Range { min: 5, max: 7 }),
        weeks: None,
    };
    let self_guided = Phase {
        phase: PhaseKind::Core,
        care: Care::Level(Level::SelfGuided),
        days: None,
        weeks: None,
    };
    let en = Texts::english();
    let es = Texts::for_locale("es");
    assert_eq!(
        result::phase_lines(&en, &[iop, op], Default::default()),
        [
            "First: Intensive outpatient program (IOP), about 8 to 12 weeks.",
            "After that: Outpatient care, about 2 weeks.",
        ]
    );
    assert_eq!(
        result::phase_lines(&en, &[detox, iop], Default::default()),
        [
            "First: detox at home with daily visits, about 5 to 7 days.",
            "Then: Intensive outpatient program (IOP), about 8 to 12 weeks.",
        ]
    );
    assert_eq!(
        result::phase_lines(&en, &[self_guided], Default::default()),
        ["First: Self-guided support, for as long as it helps."]
    );
    let lines = result::phase_lines(&es, &[iop, op], Default::default());
    assert!(lines[0].starts_with("Primero: "), "{lines:?}");
    assert!(lines[1].ends_with("por unas 2 semanas."), "{lines:?}");
    assert!(
        result::phase_lines(&es, &[self_guided], Default::default())[0].starts_with("Primero: "),
        "es self-guided"
    );
    // In every vignette and locale, the first line never says "Then".
    let mut core_first = 0;
    for (name, case) in vignettes() {
        for id in language_ids() {
            let t = Texts::for_locale(id);
            let then = t.t("phase.core").split('{').next().unwrap().to_string();
            let (screen, _, _) = result_and_summary(&case, id);
            let timeline = screen.find("cp-timeline").unwrap();
            let first = timeline.find("cp-phase").expect("a first phase");
            let text = Node::from(first.clone()).text(&Host::default(), Only::Screen);
            assert!(!text.starts_with(then.trim()), "{name} {id}: {text}");
            core_first += usize::from(
                first.attrs.iter().any(|(n, v)| {
                    *n == "data-care" && !matches!(v, screens::Value::Text(c) if c.contains("withdrawal") || c == "emergency")
                }),
            );
        }
    }
    assert!(core_first > 0, "some vignette has no first step");
}

#[test]
fn the_summary_shows_the_centers_number_as_the_center_wrote_it() {
    let (config, warnings) = carepath::host_config::from_attributes(|name| match name {
        "center-name" => Some("Riverside Recovery".into()),
        "phone" => Some(" +1-555-010-0199 ".into()),
        _ => None,
    });
    assert!(warnings.is_empty(), "{warnings:?}");
    let host = Host {
        center: "Riverside Recovery".into(),
        phone: config.phone.clone(),
        ..Host::default()
    };
    let journey = Journey {
        screen: Screen::Result,
        answers: Answers::new().with(carepath::assessment::Q::DangerNow, &["no"]),
        ..Journey::default()
    };
    for id in language_ids() {
        let t = Texts::for_locale(id);
        let paper = Node::from(result::summary(&t, &journey, &config)).html(&host, Only::Print);
        assert!(
            paper.contains(&format!(": {}", carepath::i18n::isolate("+1-555-010-0199"))),
            "{id}: {paper}"
        );
        assert!(
            !paper.contains("+15550100199"),
            "{id}: no bare digits on paper"
        );
        // The call link dials the normalized number.
        let page = Node::from(result::screen(&t, &journey, &config)).html(&host, Only::Screen);
        assert!(page.contains("href=\"tel:+15550100199\""), "{id}: {page}");
    }
}

/// Every `sms:` link to 988 in a tree (the Veterans line's is another).
/// In what `medium` renders (a summary prints no `Only::Screen`).
fn sms_hrefs_in(e: &El, medium: Only, out: &mut Vec<String>) {
    if e.only != Only::Both && medium != Only::Both && e.only != medium {
        return;
    }
    for (name, value) in &e.attrs {
        if let (&"href", screens::Value::Text(href)) = (name, value) {
            if href.starts_with("sms:988") {
                out.push(href.clone());
            }
        }
    }
    for c in &e.children {
        if let Node::El(c) = c {
            sms_hrefs_in(c, medium, out);
        }
    }
}

#[test]
fn spanish_texts_to_988_say_ayuda_everywhere_english_ones_do_not() {
    use carepath::screens::crisis_lines::{text_988, texts_in};
    assert_eq!(text_988("en"), "sms:988");
    assert_eq!(text_988("es"), "sms:988?&body=AYUDA");
    let danger = vignettes()
        .into_iter()
        .find(|(name, _)| name.contains("danger-now"))
        .expect("the danger-now vignette")
        .1;
    let config = Config::default();
    for id in language_ids() {
        let want = if id == "es" {
            "sms:988?&body=AYUDA"
        } else {
            "sms:988"
        };
        // 988 texts only in English and Spanish: elsewhere no text link.
        let links_in = |n: usize| if texts_in(id) { n } else { 0 };
        let t = Texts::for_locale(id);
        let (result, summary, journey) = result_and_summary(&danger, id);
        let crisis = Journey {
            screen: Screen::Crisis {
                from: carepath::assessment::Q::DangerNow,
            },
            ..journey.clone()
        };
        for (what, tree, links, medium) in [
            ("bar", screens::bar(&t, Some(&["en", "es"])), 1, Only::Both),
            ("crisis", screens::crisis(&t), 1, Only::Both),
            (
                "crisis in its frame",
                screens::frame(
                    &t,
                    Some(&config.languages),
                    screens::screen(&t, &crisis, &config),
                ),
                2,
                Only::Both,
            ),
            // The emergency block's, and the short line at the top of
            // each long part (on screen only).
            ("result", result, 6, Only::Screen),
            ("summary", summary, 1, Only::Print),
        ] {
            let mut hrefs = Vec::new();
            sms_hrefs_in(&tree, medium, &mut hrefs);
            assert_eq!(hrefs, vec![want; links_in(links)], "{id} {what}");
        }
    }
    // The loader's first screens (`carepath shell`): in each locale's
    // strings, as the loader builds them.
    let data = shell::data();
    for id in language_ids() {
        let view = resolve(&data["views"], &data["strings"][id], &[]);
        let html = html(&view["frame"], &|_| String::new());
        let want = escape(text_988(id));
        assert_eq!(
            html.contains(&format!("href=\"{want}\"")),
            texts_in(id),
            "{id}: {html}"
        );
        let all = serde_json::to_string(&view).unwrap();
        assert_eq!(
            all.matches("sms:988").count(),
            all.matches(&format!("\"{}\"", text_988(id))).count(),
            "{id}: every text link of the loader's screens"
        );
    }
    // frame.html's static line, before any script: both.
    let frame =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("embed/frame.html"))
            .unwrap();
    let hrefs: Vec<String> = frame
        .split("href=\"")
        .skip(1)
        .map(|h| h[..h.find('"').unwrap()].replace("&amp;", "&"))
        .filter(|h| h.starts_with("sms:"))
        .collect();
    assert_eq!(hrefs, [text_988("en"), text_988("es")], "frame.html");
    // One place: no other source writes an sms: link.
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.file_name().is_some_and(|n| n != "crisis_lines.rs") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                assert!(!text.contains("\"sms:"), "{}", path.display());
            }
        }
    }
}

/// The crisis list has no indent: its rule outranks `.cp ul` (a selector
/// of one class and one element), which indents every other list.
#[test]
fn the_crisis_list_outranks_the_widgets_list_indent() {
    let css = carepath::screens::declared::STYLESHEET;
    // Comments out, then each innermost `selectors { declarations }`.
    let mut text = String::new();
    let mut rest = css;
    while let Some(at) = rest.find("/*") {
        text.push_str(&rest[..at]);
        rest = &rest[at + rest[at..].find("*/").unwrap() + 2..];
    }
    text.push_str(rest);
    // (ids, classes, elements) of a simple selector like `.cp .a li`.
    let specificity = |selector: &str| {
        let (mut classes, mut elements) = (0, 0);
        for compound in selector.split_whitespace() {
            let parts: Vec<&str> = compound.split('.').collect();
            classes += parts.len() - 1;
            elements += usize::from(!parts[0].is_empty());
        }
        (classes, elements)
    };
    let mut indent = None;
    let mut crisis = None;
    for (order, rule) in text.split('}').enumerate() {
        let Some((selectors, body)) = rule.rsplit_once('{') else {
            continue;
        };
        let selectors = selectors.rsplit('{').next().unwrap();
        if !body.contains("padding") {
            continue;
        }
        for selector in selectors.split(',').map(str::trim) {
            if selector == ".cp ul" {
                indent = Some((specificity(selector), order));
            }
            if selector.ends_with(".cp-crisis-lines") {
                assert!(body.contains("padding: 0"), "{selector}: {body}");
                crisis = Some((specificity(selector), order));
            }
        }
    }
    let (indent, crisis) = (indent.expect(".cp ul"), crisis.expect(".cp-crisis-lines"));
    assert!(
        crisis > indent,
        "the crisis list {crisis:?} loses to .cp ul {indent:?}"
    );
}

/// Contract v4's first steps: home withdrawal with benzodiazepines chosen
/// is a slow taper over weeks, in the heading, the body and the months
/// ahead; never "detox at home".
#[test]
fn a_benzodiazepine_home_step_reads_as_a_slow_taper() {
    let case = vignettes()
        .into_iter()
        .find(|(name, _)| name.contains("benzodiazepines-mild-taper"))
        .unwrap()
        .1;
    let journey = Journey {
        screen: Screen::Result,
        answers: Answers::from_value(&case["answers"]).unwrap(),
        ..Journey::default()
    };
    for id in language_ids() {
        let t = Texts::for_locale(id);
        let page = Node::from(result::screen(&t, &journey, &Config::default()))
            .html(&Host::default(), Only::Screen);
        assert!(page.contains(t.t("first.ambulatory_taper.heading")), "{id}");
        assert!(!page.contains(t.t("first.ambulatory.heading")), "{id}");
        let phase = t.t("phase.ambulatory_taper");
        let phase = &phase[..phase.find('{').unwrap()];
        assert!(page.contains(phase), "{id}: the months ahead");
    }
}

/// Every route to 988 on the crisis screen and in the result's emergency
/// block, in every language, pinned: a change to a number or link is a
/// change to this test (the facts and their sources: crisis_lines.rs).
#[test]
fn every_crisis_route_is_offered_and_pinned() {
    use carepath::screens::crisis_lines::{chat_988, ASL_988, TTY_RELAY, VETERANS_TEXT};
    assert_eq!(VETERANS_TEXT, "sms:838255");
    assert_eq!(chat_988("en"), "https://988lifeline.org/chat/");
    assert_eq!(
        chat_988("es"),
        "https://988lifeline.org/help-yourself/en-espanol/"
    );
    assert_eq!(ASL_988, "https://988lifeline.org/");
    assert_eq!(TTY_RELAY, "tel:711");
    let danger = vignettes()
        .into_iter()
        .find(|(name, _)| name.contains("danger-now"))
        .expect("the danger-now vignette")
        .1;
    for id in language_ids() {
        let t = Texts::for_locale(id);
        let (result, summary, _) = result_and_summary(&danger, id);
        for (what, tree) in [
            ("crisis", screens::crisis(&t)),
            ("result", result),
            ("summary", summary),
        ] {
            let html = Node::from(tree).html(&Host::default(), Only::Both);
            for href in ["tel:911", "tel:988", VETERANS_TEXT, ASL_988, TTY_RELAY] {
                assert!(
                    html.contains(&format!("href=\"{href}\"")),
                    "{id} {what}: {href}"
                );
            }
            // 988 chats in English and Spanish only: elsewhere no chat link.
            let chats = carepath::screens::crisis_lines::texts_in(id);
            assert_eq!(
                html.contains(&format!("href=\"{}\"", chat_988(id))),
                chats,
                "{id} {what}"
            );
            // The web links open apart from the widget, with nothing of it.
            assert_eq!(
                html.matches("target=\"_blank\" rel=\"noopener noreferrer\"")
                    .count(),
                if chats { 2 } else { 1 },
                "{id} {what}"
            );
        }
        // Veterans press 1 in every language; Spanish callers press 2.
        assert!(t.t("crisis.veterans").contains('1'), "{id}");
    }
    assert!(Texts::for_locale("es").t("crisis.988").contains("marque 2"));
}

/// Retired routes never reach a visitor: "press 3" (the LGBTQ+ youth
/// option, ended July 2025) in any language, and the Lifeline's old
/// 1-800-273-8255, in no locale file, screen or loader string.
#[test]
fn no_retired_crisis_route_appears_anywhere() {
    use carepath::screens::crisis_lines::RETIRED;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "json") {
            texts.push((
                path.display().to_string(),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
    texts.push(("loader".into(), shell::data().to_string()));
    for id in language_ids() {
        let t = Texts::for_locale(id);
        let html = Node::from(screens::crisis(&t)).html(&Host::default(), Only::Both);
        texts.push((format!("crisis {id}"), html));
    }
    assert!(texts.len() > 4);
    for (what, text) in texts {
        let lower = text.to_lowercase();
        for retired in RETIRED {
            assert!(
                !lower.contains(retired),
                "{what} names the retired route {retired:?}"
            );
        }
    }
}
