//! What the embed loader needs to draw the first screens before the wasm
//! arrives, computed from the screens and the journey reducer (`carepath
//! shell` prints it; `embed/build-loader.mjs` builds it into the loader):
//! the trees of each state the loader can be in, in every locale; which
//! action leads where; the waiting messages; the privacy sentences for
//! each combination of the share and remember attributes; and the host
//! facts the loader checks (attributes, phone, storage key).
//!
//! A tree is JSON: text is a string, an element is `[tag, {attributes},
//! ...children]`, a slot `{"$": name}`. An attribute `@click`, `@submit`
//! or `@change` names the action the loader records (the hand-over's
//! words), `.checked` is the input's property.

use serde_json::{json, Map, Value as Json};

use super::node::{Act, El, Node, On, Slot, Value};
use super::{crisis, frame, question_screen, start, waiting, Wait};
use crate::assessment::Q;
use crate::host_config;
use crate::i18n::{Texts, LOCALES};
use crate::journey::handover::{drawn_by_loader, message, word, words};
use crate::journey::{Journey, Screen};

fn slot_name(slot: Slot) -> &'static str {
    match slot {
        Slot::Center => "center",
        Slot::Tel => "tel",
        Slot::Privacy => "privacy",
        Slot::Screen => "screen",
    }
}

/// A tree as the loader reads it.
pub fn json(node: &Node) -> Json {
    match node {
        Node::Text(t) => Json::String(t.clone()),
        Node::Slot(s) => json!({ "$": slot_name(*s) }),
        Node::El(e) => element(e),
    }
}

fn element(e: &El) -> Json {
    // Attributes as a flat list of names and values, in the order the
    // widget sets them (a JSON object would not keep it).
    let mut attrs = Vec::new();
    for (name, value) in &e.attrs {
        attrs.push(Json::String(name.to_string()));
        attrs.push(match value {
            Value::Text(t) => Json::String(t.clone()),
            Value::Slot(s) => json!({ "$": slot_name(*s) }),
        });
    }
    if let Some(checked) = e.checked {
        attrs.extend([Json::String(".checked".into()), Json::Bool(checked)]);
    }
    if let Some((on, act)) = e.on {
        let event = match on {
            On::Click => "@click",
            On::Submit => "@submit",
            On::Change => "@change",
        };
        // The loader records journey messages by their hand-over word;
        // its own controls (language, try again) by name.
        let name = match act {
            Act::Go(msg) => word(msg),
            Act::Switch(_) => Some("switch".to_string()),
            Act::Retry => Some("retry".to_string()),
            Act::Toggle(..) | Act::Print => None,
        };
        if let Some(name) = name {
            attrs.extend([Json::String(event.into()), Json::String(name)]);
        }
    }
    let mut out = vec![Json::String(e.tag.into()), Json::Array(attrs)];
    out.extend(e.children.iter().map(json));
    Json::Array(out)
}

/// A loader state: the journey as far as its drawn screens show it.
fn state_id(j: &Journey) -> String {
    let screen = match j.screen {
        Screen::Start => "start".to_string(),
        Screen::Question(q) => q.id().to_string(),
        Screen::Crisis { .. } => "crisis".to_string(),
        Screen::Result => "result".to_string(),
    };
    let answer = j.answers.chosen(Q::DangerNow).unwrap_or_default().join("+");
    let hold = if j.hold.is_some() { ":hold" } else { "" };
    format!("{screen}:{answer}{hold}")
}

fn tree(t: &Texts, j: &Journey) -> El {
    match j.screen {
        Screen::Start => start(t, None),
        Screen::Question(q) => question_screen(t, j, q),
        _ => crisis(t),
    }
}

/// Trees equal but for the inputs' `checked`: a choice the radio already
/// shows, which needs no redraw.
fn same_but_checked(a: &El, b: &El) -> bool {
    let strip = |e: &El| {
        let mut e = e.clone();
        fn clear(e: &mut El) {
            e.checked = None;
            for c in &mut e.children {
                if let Node::El(c) = c {
                    clear(c);
                }
            }
        }
        clear(&mut e);
        e
    };
    strip(a) == strip(b)
}

/// Every state the loader's screens reach from a new journey, and where
/// each recorded word leads (a state, or `null`: a screen only the widget
/// draws), found by running the reducer.
fn states() -> (Vec<Journey>, Vec<Map<String, Json>>) {
    let mut found = vec![Journey::new()];
    let mut edges = Vec::new();
    let mut i = 0;
    while i < found.len() {
        let from = found[i].clone();
        let mut out = Map::new();
        for w in words() {
            let mut j = from.clone();
            let Some(msg) = message(&w) else {
                continue;
            };
            if !j.update(msg) {
                continue;
            }
            if !drawn_by_loader(j.screen) {
                out.insert(w, Json::Null);
                continue;
            }
            j.step = 0;
            let at = match found.iter().position(|k| state_id(k) == state_id(&j)) {
                Some(at) => at,
                None => {
                    found.push(j.clone());
                    found.len() - 1
                }
            };
            let en = Texts::english();
            let quiet = found[at].screen == from.screen
                && same_but_checked(&tree(&en, &from), &tree(&en, &found[at]));
            out.insert(w, json!({ "to": at, "quiet": quiet }));
        }
        edges.push(out);
        i += 1;
    }
    (found, edges)
}

/// The privacy sentences for each combination of share-progress,
/// share-result, share-answers and remember (with an id), keyed by the
/// four as `0`/`1`: what `Config::privacy_keys` says for them.
fn privacy(t: &Texts) -> Map<String, Json> {
    let mut out = Map::new();
    for bits in 0..16u8 {
        let on = |i: u8| bits & (1 << i) != 0;
        let (config, _) = host_config::from_attributes(|name| {
            let set = match name {
                "share-progress" => on(0),
                "share-result" => on(1),
                "share-answers" => on(2),
                "remember" => return on(3).then(|| "session".to_string()),
                "id" => return on(3).then(|| "kept".to_string()),
                _ => false,
            };
            set.then(String::new)
        });
        let key: String = (0..4).map(|i| if on(i) { '1' } else { '0' }).collect();
        let texts = config
            .privacy_keys()
            .iter()
            .map(|k| json(&super::p(t.t(k)).into()))
            .collect();
        out.insert(key, Json::Array(texts));
    }
    out
}

/// The loader's data, as JSON.
pub fn data() -> Json {
    let (found, go) = states();
    // States that look the same share one tree.
    let en = Texts::english();
    let mut unique: Vec<Json> = Vec::new();
    let view: Vec<usize> = found
        .iter()
        .map(|j| {
            let tree = json(&tree(&en, j).into());
            unique.iter().position(|u| *u == tree).unwrap_or_else(|| {
                unique.push(tree);
                unique.len() - 1
            })
        })
        .collect();
    let shown: Vec<&Journey> = (0..unique.len())
        .map(|u| &found[view.iter().position(|v| *v == u).unwrap_or(0)])
        .collect();
    let mut views = Map::new();
    for (id, _, _) in LOCALES {
        let t = Texts::for_locale(id);
        let mut wait = Map::new();
        for w in Wait::ALL {
            wait.insert(
                w.id().into(),
                json!([
                    json(&waiting(&t, w, false).into()),
                    json(&waiting(&t, w, true).into())
                ]),
            );
        }
        views.insert(
            id.to_string(),
            json!({
                "frame": json(&frame(&t, Node::Slot(Slot::Screen)).into()),
                "screens": shown.iter().map(|j| json(&tree(&t, j).into())).collect::<Vec<_>>(),
                "wait": wait,
                "privacy": privacy(&t),
            }),
        );
    }
    json!({
        "locales": LOCALES.iter().map(|l| l.0).collect::<Vec<_>>(),
        "attributes": host_config::ATTRIBUTES,
        "states": found.iter().map(state_id).collect::<Vec<_>>(),
        "view": view,
        "go": go,
        "views": views,
        "phone": {
            "marks": host_config::PHONE_MARKS,
            "min": host_config::PHONE_DIGITS.start(),
            "max": host_config::PHONE_DIGITS.end(),
            "never": host_config::NEVER_CALLED,
        },
        "storage": host_config::STORAGE_PREFIX,
        "keptStart": Journey::new().save(),
    })
}
