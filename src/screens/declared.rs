//! The first screen in the page's own HTML: `<carepath-assessment>` with a
//! declarative shadow root (`<template shadowrootmode>`) that holds the
//! emergency bar and the start screen, styled, before any script runs (or
//! if none ever does). One template per language, rendered from the same
//! trees the loader and the widget draw, with `{{name}}` placeholders that
//! three fillers replace, each escaping as its language must: `carepath
//! html` ([`element`]), the npm package's `carepathHtml` and the WordPress
//! plugin. The loader takes the root over (`attachInternals().shadowRoot`)
//! without drawing it again when its `data-declared` mark matches.

#[cfg(not(target_arch = "wasm32"))]
use {
    super::node::{el, p, Host, Node, Only},
    crate::host_config,
    crate::i18n::{language_ids, Texts},
    serde_json::{json, Map, Value as Json},
};

/// The widget's stylesheet: the first screen's rules, then the rest (the
/// loader adopts both, minified, as one sheet).
#[cfg(not(target_arch = "wasm32"))]
pub const STYLESHEET: &str = concat!(
    include_str!("../../styles/first.css"),
    include_str!("../../styles/widget.css")
);
#[cfg(not(target_arch = "wasm32"))]
const FIRST_CSS: &str = include_str!("../../styles/first.css");

#[cfg(not(target_arch = "wasm32"))]
/// The placeholders a filler replaces: `mode` (`open` or `closed`),
/// `mask` (the session-replay masking attributes, only when open), `bits`
/// (the privacy sentences' number, as the loader counts them), `exit`
/// (quick exit's address, an attribute), `privacy` (the sentences, from
/// the template's own table) and `noscript` (the note for a browser with
/// scripts off, from its own pair: without and with the center's number,
/// whose `tel` and `phone` placeholders come last).
pub const PLACEHOLDERS: [&str; 10] = [
    "mode",
    "mask",
    "bits",
    "exit",
    "privacy",
    "noscript",
    "tel",
    "phone",
    "languages",
    "langs",
];

#[cfg(not(target_arch = "wasm32"))]
/// `{{name}}`.
fn slot(name: &str) -> String {
    format!("{{{{{name}}}}}")
}

#[cfg(not(target_arch = "wasm32"))]
/// The first screen's rules as the page carries them: the theme's
/// defaults (each theme attribute's custom property as the widget's own
/// variable, as the loader writes them), then styles/first.css without
/// comments or runs of spaces.
pub fn style() -> String {
    let defaults: Vec<String> = host_config::schema::theme()
        .iter()
        .map(|(name, _, default)| {
            let short = &name["theme-".len()..];
            format!("--cp-{short}:var(--carepath-{short},{default})")
        })
        .collect();
    // Until the loader has checked the host's colors for contrast (never,
    // with scripts off), the emergency bar keeps the widget's own: a host's
    // --carepath-* can never hide 911 and 988. The loader removes this
    // style once its checked sheets apply.
    let pinned: Vec<String> = host_config::schema::theme()
        .iter()
        .filter(|(_, css, _)| *css == "color")
        .map(|(name, _, default)| format!("--cp-{}:{default}", &name["theme-".len()..]))
        .collect();
    format!(
        ":host{{{}}}{}.cp-bar{{{}}}",
        defaults.join(";"),
        compact(FIRST_CSS),
        pinned.join(";")
    )
}

#[cfg(not(target_arch = "wasm32"))]
/// CSS without comments, with each run of white space one space and none
/// beside braces and semicolons.
fn compact(css: &str) -> String {
    let mut text = String::new();
    let mut rest = css;
    while let Some(at) = rest.find("/*") {
        text.push_str(&rest[..at]);
        rest = rest[at..]
            .find("*/")
            .map_or("", |end| &rest[at + end + 2..]);
    }
    text.push_str(rest);
    let spaced = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::new();
    for c in spaced.chars() {
        if matches!(c, '{' | '}' | ';') && out.ends_with(' ') {
            out.pop();
        }
        if c == ' ' && out.ends_with(['{', '}', ';']) {
            continue;
        }
        out.push(c);
    }
    out
}

/// The masking markers of common session-replay tools (rrweb, FullStory,
/// Hotjar, Clarity, LogRocket), set on the inner wrapper with
/// `shadow="open"` (a closed root is out of their reach): by the widget,
/// the loader (its data's `mask`) and the declared templates.
pub const MASK: [(&str, &str); 4] = [
    ("class", "rr-block fs-exclude"),
    ("data-hj-suppress", ""),
    ("data-clarity-mask", "true"),
    ("data-private", ""),
];

#[cfg(not(target_arch = "wasm32"))]
/// The privacy sentences' number for these attributes, exactly as the
/// loader counts them (`privacyBits`: a flag is on when present and not
/// "false"; remember needs `session` and an id; quick exit is on unless
/// "off"), so the loader recognises what a filler declared: share-progress
/// 1, share-result 2, share-answers 4, remember 8, quick exit 16.
pub fn bits(get: &dyn Fn(&str) -> Option<String>) -> u8 {
    let on = |name: &str| get(name).is_some_and(|v| v.trim() != "false");
    let remembers = get("remember").is_some_and(|v| v.trim() == "session")
        && get("id").is_some_and(|v| !v.trim().is_empty());
    let quick_exit = get("quick-exit").is_none_or(|v| v.trim() != "off");
    u8::from(on("share-progress"))
        | u8::from(on("share-result")) << 1
        | u8::from(on("share-answers")) << 2
        | u8::from(remembers) << 3
        | u8::from(quick_exit) << 4
}

#[cfg(not(target_arch = "wasm32"))]
/// Fills `{{name}}` placeholders in one pass, so no value (which may hold
/// braces of its own) is ever read as a placeholder.
fn fill(template: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(at) = rest.find("{{") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        match after.find("}}") {
            Some(end)
                if after[..end]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_') =>
            {
                let name = &after[..end];
                match value(name) {
                    Some(v) => out.push_str(&v),
                    None => out.push_str(&rest[at..at + 4 + end]),
                }
                rest = &after[end + 2..];
            }
            _ => {
                out.push_str("{{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(not(target_arch = "wasm32"))]
/// One language's template: the shadow root's HTML (its `<style>`, then
/// the frame with the start screen, marked with the version and language)
/// and the fallback for browsers without declarative shadow roots.
fn template(t: &Texts) -> String {
    let host = Host {
        exit: slot("exit"),
        placeholders: true,
        ..Host::default()
    };
    let start = super::start(t, None).child(el("noscript").text(slot("noscript")));
    // "Or press Shift 3 times" is true only once the loader runs: it links
    // the hint when it takes the screen over.
    let frame = Node::from(super::frame(t, None, start))
        .html(&host, Only::Screen)
        .replace(" aria-describedby=\"cp-exit-hint\"", "");
    format!(
        "<template shadowrootmode=\"{}\"><style>{}</style><div{} data-declared=\"{} {} {} {}\">{}</div></template>{}",
        slot("mode"),
        style(),
        slot("mask"),
        env!("CARGO_PKG_VERSION"),
        t.lang(),
        slot("bits"),
        slot("langs"),
        frame,
        super::fallback_html(t),
    )
}

#[cfg(not(target_arch = "wasm32"))]
/// Every language's template, with its privacy sentences (by number) and
/// its note for scripts off (without and with the center's number), for
/// the fillers (`carepath html --templates`, shipped as declared.json).
pub fn templates() -> Json {
    let (keys, shown) = super::shell::privacy_table();
    let locales: Map<String, Json> = language_ids()
        .map(|id| {
            let t = Texts::for_locale(id);
            let html = |node: Node| node.html(&Host::default(), Only::Screen);
            let privacy: Vec<String> = shown
                .iter()
                .map(|list| list.iter().map(|&i| html(p(t.t(keys[i])).into())).collect())
                .collect();
            let note = |call: bool| {
                let mut note = el("p")
                    .class("cp-needs-scripts")
                    .text(t.t("noscript.needs"));
                if call {
                    note = note
                        .text(format!(" {} ", t.t("noscript.call")))
                        .child(el("a").attr("href", slot("tel")).text(slot("phone")))
                        .text(".");
                }
                html(note.into())
            };
            // The language menu's items, this language's marked current.
            let menu: Map<String, Json> = language_ids()
                .map(|item| {
                    (
                        item.to_string(),
                        json!(html(super::language_item(item, item == id).into())),
                    )
                })
                .collect();
            let entry = json!({
                "html": template(&t),
                "privacy": privacy,
                "noscript": [note(false), note(true)],
                "menu": menu,
            });
            (id.to_string(), entry)
        })
        .collect();
    json!({
        "version": env!("CARGO_PKG_VERSION"),
        "placeholders": PLACEHOLDERS,
        "mask": MASK,
        // What the fillers check as the widget does: the center's number,
        // quick exit's default address, the privacy number's parts (each
        // attribute and how it counts: a flag that is on, a value that is,
        // or is not, the one given; remember also needs an id, which the
        // fillers that set remember give), and the attributes behind the
        // other placeholders.
        "phone": {
            "marks": host_config::PHONE_MARKS,
            "min": host_config::PHONE_DIGITS.start(),
            "max": host_config::PHONE_DIGITS.end(),
            "never": host_config::NEVER_CALLED,
        },
        "exitUrl": host_config::EXIT_URL,
        "bits": [
            ["share-progress", "flag", ""],
            ["share-result", "flag", ""],
            ["share-answers", "flag", ""],
            ["remember", "is", "session"],
            ["quick-exit", "not", "off"],
        ],
        "attributes": {"lang": "locale", "tel": "phone", "exit": "exit-url", "mode": "shadow", "offer": "languages"},
        // The menu's languages, in its order, and those offered when the
        // element has no `languages`: `langs` is the offered ids joined by
        // commas, `languages` their menu items.
        "registry": crate::i18n::LANGUAGES.iter().map(|l| json!([l.id, l.also])).collect::<Vec<_>>(),
        "defaultLanguages": crate::i18n::default_languages(),
        // The only names a filler writes on the element: the schema's and `id`.
        "names": host_config::schema::names().into_iter().chain(["id"]).collect::<Vec<_>>(),
        "locales": locales,
    })
}

#[cfg(not(target_arch = "wasm32"))]
/// A host value for the element's HTML: the trees' own escaping, and `'`
/// too (as `carepathHtml` and PHP's esc_attr do).
fn escape(text: &str) -> String {
    let mut out = String::new();
    super::node::escape(text, &mut out);
    out.replace('\'', "&#39;")
}

#[cfg(not(target_arch = "wasm32"))]
/// The element for these attributes (name, value) with its declared first
/// screen, in the language the widget would choose on a page whose `lang`
/// is `page_lang` (a server cannot know the browser's languages: `auto`
/// takes the page's, else English). `carepath html` prints it; the npm and
/// PHP fillers do the same from [`templates`].
pub fn element(attrs: &[(String, String)], page_lang: &str) -> String {
    let get = |name: &str| {
        attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let (config, _) = host_config::from_attributes(get);
    let locale = crate::i18n::choose_locale(&config.locale, page_lang, &[], &config.languages);
    let all = templates();
    let entry = &all["locales"][locale];
    let text = |v: &Json| v.as_str().unwrap_or_default().to_string();
    let bits = bits(&get);
    let privacy = text(&entry["privacy"][usize::from(bits)]);
    let noscript = match (&config.phone, &config.phone_shown) {
        (Some(tel), Some(shown)) => fill(&text(&entry["noscript"][1]), |name| match name {
            "tel" => Some(escape(&format!("tel:{tel}"))),
            "phone" => Some(escape(shown)),
            _ => None,
        }),
        _ => text(&entry["noscript"][0]),
    };
    let mask: String = if config.open_shadow {
        MASK.iter()
            .map(|(k, v)| format!(" {k}=\"{}\"", escape(v)))
            .collect()
    } else {
        String::new()
    };
    let html = fill(&text(&entry["html"]), |name| match name {
        "mode" => Some(if config.open_shadow { "open" } else { "closed" }.to_string()),
        "mask" => Some(mask.clone()),
        "bits" => Some(bits.to_string()),
        "exit" => Some(escape(&config.exit_url)),
        "privacy" => Some(privacy.clone()),
        "noscript" => Some(noscript.clone()),
        "languages" => Some(
            config
                .languages
                .iter()
                .map(|id| text(&entry["menu"][*id]))
                .collect(),
        ),
        "langs" => Some(config.languages.join(",")),
        _ => None,
    });
    let attributes: String = attrs
        .iter()
        .map(|(k, v)| format!(" {}=\"{}\"", escape(k), escape(v)))
        .collect();
    format!("<carepath-assessment{attributes}>{html}</carepath-assessment>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_css_keeps_rules_and_drops_comments() {
        assert_eq!(
            compact("/* a */ .cp  .x {\n  color: red;\n}\n@media (x) { .a :focus { b: c; } }"),
            ".cp .x{color: red;}@media (x){.a :focus{b: c;}}"
        );
    }

    #[test]
    fn every_placeholder_is_filled_and_values_are_escaped() {
        let attrs = vec![
            ("center-name".to_string(), "A \"<b>\" & Co".to_string()),
            ("phone".to_string(), "+1 (555) 010-0199".to_string()),
            (
                "exit-url".to_string(),
                "https://example.org/?a=1&b=\"2\"".to_string(),
            ),
            ("locale".to_string(), "auto".to_string()),
        ];
        for (lang, want) in [("es-MX", "es"), ("en", "en"), ("fr", "en")] {
            let html = element(&attrs, lang);
            assert!(!html.contains("{{"), "{html}");
            assert!(html.contains(&format!(
                "data-declared=\"{} {want} 16 en,es\"",
                env!("CARGO_PKG_VERSION")
            )));
            assert!(html.contains("center-name=\"A &quot;&lt;b&gt;&quot; &amp; Co\""));
            assert!(html.contains("href=\"tel:+15550100199\">+1 (555) 010-0199</a>"));
            assert!(html.contains("href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\""));
            assert!(html.contains("shadowrootmode=\"closed\""));
            assert!(!html.contains("rr-block"));
        }
        let open = element(&[("shadow".into(), "open".into())], "en");
        assert!(
            open.contains("shadowrootmode=\"open\"")
                && open.contains("class=\"rr-block fs-exclude\"")
        );
        // A value with placeholders of its own stays a value (one pass).
        let tricky = element(
            &[
                ("exit-url".into(), "https://ex.org/{{noscript}}".into()),
                ("phone".into(), "+1 555 010 0199".into()),
            ],
            "en",
        );
        assert!(
            tricky.contains("href=\"https://ex.org/{{noscript}}\" class=\"cp-exit-skip\""),
            "{tricky}"
        );
        // No phone: the note without a number; the default exit address.
        let plain = element(&[], "en");
        assert!(plain.contains(host_config::EXIT_URL) && !plain.contains("tel:+"));
    }

    #[test]
    fn a_declared_screen_in_a_listed_language_reads_right_to_left_with_its_menu() {
        let attrs = vec![
            ("languages".to_string(), "en ar".to_string()),
            ("locale".to_string(), "ar".to_string()),
        ];
        let html = element(&attrs, "en");
        assert!(html.contains(&format!(
            "data-declared=\"{} ar 16 en,ar\"",
            env!("CARGO_PKG_VERSION")
        )));
        assert!(html.contains("class=\"cp\" lang=\"ar\" dir=\"rtl\""));
        // The menu: English and Arabic only, Arabic current.
        assert!(html.contains("data-lang=\"en\">English</button>"));
        assert!(html.contains("data-lang=\"ar\" aria-current=\"true\">العربية</button>"));
        assert!(!html.contains("data-lang=\"es\""));
        // Not listed: Arabic is never declared.
        let unlisted = element(&[("locale".to_string(), "ar".to_string())], "ar");
        assert!(unlisted.contains(" lang=\"en\" dir=\"ltr\""));
    }
}
