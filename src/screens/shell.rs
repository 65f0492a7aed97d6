//! What the embed loader needs to draw the first screens before the wasm
//! arrives, computed from the screens and the journey reducer (`carepath
//! shell` prints it; `embed/build.mjs` builds it into the loader):
//! the trees of each state the loader can be in, in every locale; which
//! action leads where; the waiting messages; the privacy sentences for
//! each combination of the share and remember attributes; and the host
//! facts the loader checks (attributes, phone, storage key).
//!
//! A tree is JSON: text is a string, an element is `[tag, [name, value,
//! ...], ...children]`, a slot `{"$": name}`, a translated string `{"#": n}`.
//! An attribute `@click`, `@submit` or `@change` names the action the
//! loader records (the hand-over's words). A state is a tree and the ids
//! of the inputs it checks.

use serde_json::{json, Map, Value as Json};

use super::node::{Act, El, Node, On, Slot, Value};
use super::{crisis, frame, question_screen, start, waiting, Wait};
use crate::assessment::Q;
use crate::host_config;
use crate::i18n::{language_ids, Texts};
use crate::journey::handover::{drawn_by_loader, message, word, words};
use crate::journey::{Journey, Screen};

/// A tree as the loader reads it.
pub fn json(node: &Node) -> Json {
    match node {
        Node::Text(t) => Json::String(t.clone()),
        Node::Slot(s) => json!({ "$": s.name() }),
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
            Value::Slot(s) => json!({ "$": s.name() }),
        });
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
            Act::Switch(to) => Some(format!("switch:{to}")),
            Act::Retry => Some("retry".to_string()),
            Act::Toggle(..) | Act::Print | Act::CopyCode | Act::ReadCode | Act::Clear => None,
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
pub fn state_id(j: &Journey) -> String {
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

/// The tree with every input unchecked.
fn unchecked(e: &El) -> El {
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
}

/// The ids of the checked inputs in the tree.
fn checked_ids(e: &El) -> Vec<String> {
    let mut ids = Vec::new();
    if e.checked == Some(true) {
        ids.extend(e.attrs.iter().find_map(|(n, v)| match (n, v) {
            (&"id", Value::Text(id)) => Some(id.clone()),
            _ => None,
        }));
    }
    for c in &e.children {
        if let Node::El(c) = c {
            ids.extend(checked_ids(c));
        }
    }
    ids
}

/// Trees equal but for the inputs' `checked`: a choice the radio already
/// shows, which needs no redraw.
fn same_but_checked(a: &El, b: &El) -> bool {
    unchecked(a) == unchecked(b)
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
            let mut edge = Map::new();
            edge.insert("to".into(), json!(at));
            if found[at].screen != from.screen {
                // A new screen: focus its heading, as the widget does.
                edge.insert("focus".into(), Json::Bool(true));
            } else if same_but_checked(&tree(&en, &from), &tree(&en, &found[at])) {
                edge.insert("quiet".into(), Json::Bool(true));
            }
            out.insert(w, Json::Object(edge));
        }
        edges.push(out);
        i += 1;
    }
    (found, edges)
}

/// The start screen's privacy sentences (their keys), and which of them
/// show for each combination of share-progress (1), share-result (2),
/// share-answers (4), remember with an id (8) and quick exit (16), by the
/// sum: what `Config::privacy_keys` says for them.
pub fn privacy_table() -> (Vec<&'static str>, Vec<Vec<usize>>) {
    let mut keys: Vec<&'static str> = Vec::new();
    let mut shown = Vec::new();
    for bits in 0..32u8 {
        let on = |i: u8| bits & (1 << i) != 0;
        let (config, _) = host_config::from_attributes(|name| {
            let set = match name {
                "share-progress" => on(0),
                "share-result" => on(1),
                "share-answers" => on(2),
                "remember" => return on(3).then(|| "session".to_string()),
                "id" => return on(3).then(|| "kept".to_string()),
                // Quick exit is on unless turned off (bit 16: on).
                "quick-exit" => return (!on(4)).then(|| "off".to_string()),
                _ => false,
            };
            set.then(String::new)
        });
        let list = config
            .privacy_keys()
            .into_iter()
            .map(|k| {
                keys.iter().position(|x| *x == k).unwrap_or_else(|| {
                    keys.push(k);
                    keys.len() - 1
                })
            })
            .collect();
        shown.push(list);
    }
    (keys, shown)
}

/// The locales' trees as one tree: a string that differs between locales
/// becomes `{"#": n}`, the `n`th of each locale's `strings` (one entry for
/// each distinct set of translations), so the markup is written once. A
/// part whose shape differs (988's text and chat routes exist only where
/// 988 texts in the language) is each locale's whole subtree there.
fn factor(locales: &[Json], strings: &mut [Vec<Json>]) -> Json {
    let same_shape = |a: &Json, b: &Json| match (a, b) {
        (Json::Array(x), Json::Array(y)) => x.len() == y.len(),
        (Json::String(_), Json::String(_)) => true,
        (Json::Object(x), Json::Object(y)) => x.keys().eq(y.keys()),
        (x, y) => x == y,
    };
    if !locales.iter().all(|l| same_shape(&locales[0], l)) {
        return json!({ "#": entry(locales, strings) });
    }
    match &locales[0] {
        Json::String(first) => {
            if locales.iter().all(|s| s.as_str() == Some(first)) {
                return Json::String(first.clone());
            }
            json!({ "#": entry(locales, strings) })
        }
        Json::Array(items) => Json::Array(
            (0..items.len())
                .map(|i| {
                    let parts: Vec<Json> = locales.iter().map(|l| l[i].clone()).collect();
                    factor(&parts, strings)
                })
                .collect(),
        ),
        Json::Object(map) => Json::Object(
            map.keys()
                .map(|k| {
                    let parts: Vec<Json> = locales.iter().map(|l| l[k].clone()).collect();
                    (k.clone(), factor(&parts, strings))
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

/// The place of these per-locale values in `strings`: an existing entry
/// with the same values, else a new one.
fn entry(locales: &[Json], strings: &mut [Vec<Json>]) -> usize {
    (0..strings[0].len())
        .find(|&i| {
            locales
                .iter()
                .zip(strings.iter())
                .all(|(s, table)| table[i] == *s)
        })
        .unwrap_or_else(|| {
            for (table, s) in strings.iter_mut().zip(locales) {
                table.push(s.clone());
            }
            strings[0].len() - 1
        })
}

/// The contrast pairs as the loader checks them, small: each side the
/// index of a theme attribute in `theme` or a fixed color, the minimum,
/// the indices of the attributes that fall back, and 1 if only on the
/// light panels.
fn contrast() -> Json {
    let theme = host_config::schema::theme();
    let at = |name: &str| theme.iter().position(|t| t.0 == name);
    let side = |s: &str| at(s).map_or_else(|| json!(s), |i| json!(i));
    host_config::schema::CONTRAST
        .iter()
        .map(|p| {
            let fix: Vec<usize> = p.fix.iter().filter_map(|a| at(a)).collect();
            let mut v = vec![side(p.fg), side(p.bg), json!(p.min), json!(fix)];
            if p.panels {
                v.push(json!(1));
            }
            Json::Array(v)
        })
        .collect()
}

/// The loader's data, as JSON.
pub fn data() -> Json {
    let (found, go) = states();
    // States that look the same but for their checked inputs share one
    // tree; a state names the ids it checks.
    let en = Texts::english();
    let mut unique: Vec<El> = Vec::new();
    let view: Vec<Json> = found
        .iter()
        .map(|j| {
            let shown = tree(&en, j);
            let n = unique
                .iter()
                .position(|u| same_but_checked(u, &shown))
                .unwrap_or_else(|| {
                    unique.push(unchecked(&shown));
                    unique.len() - 1
                });
            let mut entry = vec![json!(n)];
            entry.extend(checked_ids(&shown).into_iter().map(Json::String));
            Json::Array(entry)
        })
        .collect();
    let shown: Vec<&Journey> = (0..unique.len())
        .map(|u| {
            let first = view.iter().position(|v| v[0] == json!(u)).unwrap_or(0);
            &found[first]
        })
        .collect();
    let (privacy_keys, privacy) = privacy_table();
    let mut views = Vec::new();
    for id in language_ids() {
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
        views.push(json!({
            "frame": json(&frame(&t, None, Node::Slot(Slot::Screen)).into()),
            "screens": shown.iter().map(|j| json(&unchecked(&tree(&t, j)).into())).collect::<Vec<_>>(),
            "wait": wait,
            "privacy": privacy_keys.iter().map(|k| json(&super::p(t.t(k)).into())).collect::<Vec<_>>(),
        }));
    }
    let mut strings = vec![Vec::new(); views.len()];
    let view_trees = factor(&views, &mut strings);
    let strings: Map<String, Json> = language_ids()
        .zip(strings)
        .map(|(l, s)| (l.to_string(), json!(s)))
        .collect();
    // The language registry as the loader reads tags: id, the tags that
    // mean it, the default ones; and each menu item, not current and current.
    let languages: Vec<Json> = crate::i18n::LANGUAGES
        .iter()
        .map(|l| json!([l.id, l.also]))
        .collect();
    let menu: Map<String, Json> = language_ids()
        .map(|id| {
            let item = |current| json(&super::language_item(id, current).into());
            (id.to_string(), json!([item(false), item(true)]))
        })
        .collect();
    json!({
        "locales": language_ids().collect::<Vec<_>>(),
        "languages": languages,
        "defaultLanguages": crate::i18n::default_languages(),
        "menu": menu,
        "attributes": host_config::schema::names(),
        "theme": host_config::schema::theme(),
        "themePatterns": host_config::schema::theme_patterns(),
        "bidi": crate::i18n::BIDI_CONTROLS.iter().collect::<String>(),
        "contrast": contrast(),
        "panels": host_config::schema::PANELS,
        "states": found.iter().map(state_id).collect::<Vec<_>>(),
        "privacy": privacy,
        "privacyKeys": privacy_keys,
        "view": view,
        "go": go,
        "views": view_trees,
        "strings": strings,
        "phone": {
            "marks": host_config::PHONE_MARKS,
            "min": host_config::PHONE_DIGITS.start(),
            "max": host_config::PHONE_DIGITS.end(),
            "never": host_config::NEVER_CALLED,
        },
        "storage": host_config::STORAGE_PREFIX,
        // Quick exit: where it goes by default, and the count as Shift is
        // pressed (one more, two more), in each language.
        "exitUrl": host_config::EXIT_URL,
        "exitCount": language_ids().map(|id| {
            let t = Texts::for_locale(id);
            (id.to_string(), json!([t.t("exit.count.1"), t.t("exit.count.2")]))
        }).collect::<Map<String, Json>>(),
        "keptStart": Journey::new().save(),
        // A first screen declared in the page's HTML is adopted only if its
        // mark names this version (screens::declared); the masking markers
        // for an open root.
        "version": env!("CARGO_PKG_VERSION"),
        // The widget's stylesheet, for the build to minify into the loader.
        "stylesheet": super::declared::STYLESHEET,
        "mask": super::declared::MASK,
    })
}

/// Cases for what the loader computes before the wasm, each with the
/// answer the widget's own Rust gives (`carepath vectors`; the loader's
/// test runs its functions on them): the locale chosen from the `locale`
/// attribute, the page's `lang` and the browser's languages; the center's
/// number for a `phone` attribute; the start screen's privacy sentences
/// for the share and remember attributes; the storage key of a kept place.
pub fn vectors() -> Json {
    let attrs = |pairs: &[(&str, &str)]| {
        let owned: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name: &str| {
            owned
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    };
    let mut locale = Vec::new();
    let settings: [Option<&str>; 16] = [
        None,
        Some(""),
        Some("auto"),
        Some(" auto "),
        Some("es"),
        Some(" es "),
        Some("ES"),
        Some("es-MX"),
        Some("en"),
        Some("fr"),
        Some("zh-Hant"),
        Some("zh-TW"),
        Some("ar"),
        Some("fil"),
        Some("zh-hans-sg"),
        Some("nonsense"),
    ];
    let pages = [
        "",
        "en",
        "es",
        "es-419",
        "EN-us",
        "fr",
        "es_US",
        " es",
        "zh",
        "zh-Hant-TW",
        "ar-EG",
        "ko",
    ];
    let browsers: [&[&str]; 10] = [
        &[],
        &["es-MX", "en"],
        &["fr", "es"],
        &["fr"],
        &["en-GB", "es"],
        &["ES"],
        &["", "es"],
        &["zh-HK", "en"],
        &["fil-PH"],
        &["vi-VN", "zh-CN"],
    ];
    let offered = [
        None,
        Some("en es zh-Hans zh-Hant vi ko tl ar"),
        Some("ar es"),
        Some("vi"),
    ];
    for setting in settings {
        for page in pages {
            for browser in browsers {
                for languages in offered {
                    let mut pairs: Vec<(&str, &str)> =
                        setting.map(|s| ("locale", s)).into_iter().collect();
                    pairs.extend(languages.map(|l| ("languages", l)));
                    let (config, _) = host_config::from_attributes(attrs(&pairs));
                    let langs: Vec<String> = browser.iter().map(|s| s.to_string()).collect();
                    let want =
                        crate::i18n::choose_locale(&config.locale, page, &langs, &config.languages);
                    locale.push(json!({ "locale": setting, "offered": languages, "page": page, "languages": browser, "want": want }));
                }
            }
        }
    }
    let phones = [
        "",
        "  ",
        "5550100147",
        "+1-555-010-0199",
        " +1 (555) 010-0199 ",
        "555.010.0199",
        "911",
        "988",
        "1-988",
        "+1911",
        "1 988",
        "123456",
        "1234567",
        "123456789012345",
        "1234567890123456",
        "+1+5550100199",
        "555-0100 ext 2",
        "555–010–0199",
        "٥٥٥٠١٠٠١٩٩",
        "+",
        "tel:5550100199",
        "(555) 010 0199",
        "++15550100199",
        "9115550100",
        "988-555-0100",
        "1 (988) 555-0100",
        "+1 911 555 0100",
        "555-911-0100",
    ];
    let phone: Vec<Json> = phones
        .iter()
        .map(|p| {
            let (config, _) = host_config::from_attributes(attrs(&[("phone", p)]));
            json!({ "phone": p, "want": config.phone })
        })
        .collect();
    let flags = [
        None,
        Some(""),
        Some("false"),
        Some(" FALSE "),
        Some(" false "),
        Some("yes"),
    ];
    let remember = [
        None,
        Some("session"),
        Some(" session "),
        Some("Session"),
        Some("off"),
    ];
    let ids = [None, Some(""), Some("  "), Some("care")];
    let exits = [None, Some("off"), Some(" off "), Some("on"), Some("OFF")];
    let mut privacy = Vec::new();
    for (i, progress) in flags.iter().enumerate() {
        for (j, result) in flags.iter().enumerate() {
            for (k, answers) in flags.iter().enumerate() {
                // Every flag value for each attribute, and remember with
                // every id, without the full product (thousands of cases).
                let (r, id) = (
                    remember[(i + j + k) % remember.len()],
                    ids[(i * 3 + j + k) % ids.len()],
                );
                let quick = exits[(i + 2 * j + k) % exits.len()];
                let mut pairs = Vec::new();
                for (name, v) in [
                    ("share-progress", progress),
                    ("share-result", result),
                    ("share-answers", answers),
                    ("remember", &r),
                    ("id", &id),
                    ("quick-exit", &quick),
                ] {
                    if let Some(v) = v {
                        pairs.push((name, *v));
                    }
                }
                let (config, _) = host_config::from_attributes(attrs(&pairs));
                let attributes: Map<String, Json> = pairs
                    .iter()
                    .map(|(k, v)| (k.to_string(), json!(v)))
                    .collect();
                privacy.push(json!({ "attributes": attributes, "want": config.privacy_keys() }));
            }
        }
    }
    let storage: Vec<Json> = [
        ("/", "care"),
        ("/help/check", "w"),
        ("/a b/", "x#y"),
        ("", "care-check"),
        ("/?p=12", "carepath-1a2b"),
    ]
    .iter()
    .map(|(path, id)| json!({ "path": path, "id": id, "want": host_config::storage_key(path, id) }))
    .collect();
    // Schedules and links, for the schema's patterns (what is checked
    // before saving): each with whether the widget takes it.
    let schedule: Vec<Json> = [
        "Mon-Thu 6pm-9pm",
        "Mon Wed Thu 18:00-21:00; Sat 09:00-12:00",
        "mon-fri 9am-2pm",
        "Tue 6pm-7pm;",
        "Mon, Wed 6:30-9pm",
        "Sat 9-12pm",
        "Mon evenings",
        "6pm-9pm",
        "Mon-Thu",
        "Funday 6pm-9pm",
        "Mon-Thu 6pm-9pm; Sat",
        "",
    ]
    .iter()
    .map(|v| json!({ "schedule": v, "ok": host_config::parse_schedule(v).is_ok() }))
    .collect();
    let link: Vec<Json> = [
        "https://riverside.example/intake",
        "HTTP://riverside.example",
        "mailto:intake@riverside.example",
        "tel:+15550100199",
        "javascript:alert(1)",
        "data:text/html,x",
        "//riverside.example",
        "riverside.example",
        " https://x.example",
        "tel:911",
        "tel:+1-988-555-0100",
        "tel:+1-555-010-0199",
        "TEL:5550100199",
    ]
    .iter()
    .map(|v| json!({ "url": v, "ok": host_config::safe_link(v) }))
    .collect();
    // Centers' names with bidi controls of their own, isolated.
    let center: Vec<Json> = [
        "Riverside Recovery",
        "Riverside\u{2069}\u{202E} Recovery",
        "\u{200F}مركز\u{2066}",
        "",
    ]
    .iter()
    .map(|v| json!({ "center": v, "want": crate::i18n::isolate(v) }))
    .collect();
    // Theme values, each with whether the schema's pattern takes it.
    let theme: Vec<Json> = [
        ("theme-accent", "#0b5f4a", true),
        ("theme-accent", "rgb(11 95 74 / 90%)", true),
        ("theme-accent", "hsl(160deg 80% 20%)", true),
        ("theme-accent", "teal", true),
        ("theme-accent", "currentColor", false),
        ("theme-accent", "oklch(40% 0.1 160)", false),
        ("theme-accent", "lab(40% 20 30)", false),
        ("theme-accent", "color-mix(in srgb, red, blue)", false),
        ("theme-accent", "light-dark(#000, #fff)", false),
        ("theme-accent", "var(--brand)", false),
        ("theme-accent", "rgb(var(--r), 0, 0)", false),
        ("theme-urgent", "url(https://x.example/a.png)", false),
        ("theme-font", "Georgia, 'Times New Roman', serif", true),
        ("theme-font", "url(https://x.example/f.woff)", false),
        ("theme-font", "var(--f)", false),
        ("theme-radius", "4px", true),
        ("theme-radius", "0.5rem 2px", true),
        ("theme-radius", "calc(1px + var(--r))", false),
        ("theme-radius", "url(x)", false),
    ]
    .iter()
    .map(|(name, value, ok)| json!({ "name": name, "value": value, "ok": ok }))
    .collect();
    // Quick exit's address for an `exit-url` value.
    let exit: Vec<Json> = [
        None,
        Some(""),
        Some("https://www.weather.gov/"),
        Some(" https://example.org/news?x=1 "),
        Some("http://localhost:8080/"),
        Some("http://example.org/"),
        Some("javascript:alert(1)"),
        Some("//example.org/"),
        Some("example.org"),
        Some("https://"),
        Some("HTTPS://EXAMPLE.ORG/"),
        Some("https://exa mple.org/"),
    ]
    .iter()
    .map(|v| json!({ "exitUrl": v, "want": host_config::exit_url(*v).0 }))
    .collect();
    // Each language's plural category of 0 to 1000 (the registry's CLDR
    // rules, as the widget reads them), for a test against Intl.PluralRules.
    let plural: Map<String, Json> = language_ids()
        .map(|id| {
            let t = Texts::for_locale(id);
            (
                id.to_string(),
                json!((0..=1000u64).map(|n| t.plural(n)).collect::<Vec<_>>()),
            )
        })
        .collect();
    json!({ "locale": locale, "phone": phone, "privacy": privacy, "storage": storage, "schedule": schedule, "link": link, "center": center, "theme": theme, "exit": exit, "plural": plural })
}
