//! The element's attributes, declared once: name, kind, default, allowed
//! values, what each opts into for privacy, the WordPress block's name for
//! it and an example. The words for each (a label and a description, in
//! every language) are a book of their own (`locales/schema/`), read only
//! by the command line, so the visitor's widget carries none of this.
//! `carepath schema` prints it as JSON; the TypeScript declarations, the
//! Custom Elements Manifest, `schema.json` and the README's table are
//! generated from that JSON, and a test checks that [`super::from_attributes`]
//! reads exactly these attributes.

use serde::Serialize;

/// How an attribute's value is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Free text (checked where the description says: phone, CSS).
    Text,
    /// Present (or any value but `false`) means on.
    Flag,
    /// One of `values`.
    Enum,
    /// A CSS color.
    Colour,
    /// Days and times (`Mon-Thu 6pm-9pm; Sat 9am-12pm`).
    Schedule,
    /// Any of `values`, separated by spaces.
    List,
    /// An address.
    Url,
}

/// One attribute of `<carepath-assessment>` (and `<div data-carepath>`).
#[derive(Debug, Serialize)]
pub struct Attribute {
    pub name: &'static str,
    pub kind: Kind,
    /// The value when the attribute is absent (`""`: none).
    pub default: &'static str,
    /// The allowed values (enum and list kinds).
    pub values: &'static [&'static str],
    /// What turning it on shares or keeps (`None`: nothing).
    pub privacy: Option<&'static str>,
    /// The WordPress block's attribute for it (`None`: no field there).
    pub wordpress: Option<&'static str>,
    /// The CSS property a theme attribute sets (`--carepath-<name>`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub css: Option<&'static str>,
    /// An example, as written on the element.
    pub example: &'static str,
}

const OFFERS: &[&str] = &[
    "self_guided",
    "outpatient",
    "intensive_outpatient",
    "partial_hospitalization",
    "residential",
    "ambulatory_withdrawal",
    "medically_managed_withdrawal",
];

const fn text(
    name: &'static str,
    wordpress: Option<&'static str>,
    example: &'static str,
) -> Attribute {
    Attribute {
        name,
        kind: Kind::Text,
        default: "",
        values: &[],
        privacy: None,
        wordpress,
        css: None,
        example,
    }
}

const fn schedule(name: &'static str, wordpress: &'static str, example: &'static str) -> Attribute {
    Attribute {
        kind: Kind::Schedule,
        ..text(name, Some(wordpress), example)
    }
}

const fn flag(name: &'static str, privacy: &'static str, example: &'static str) -> Attribute {
    Attribute {
        kind: Kind::Flag,
        privacy: Some(privacy),
        ..text(name, None, example)
    }
}

const fn colour(name: &'static str, default: &'static str, example: &'static str) -> Attribute {
    Attribute {
        kind: Kind::Colour,
        default,
        css: Some("color"),
        ..text(name, None, example)
    }
}

/// Every attribute, in the README's order.
pub static ATTRIBUTES: [Attribute; 34] = [
    text(
        "center-name",
        Some("centerName"),
        "center-name=\"Riverside Recovery\"",
    ),
    text("phone", Some("phone"), "phone=\"+1-555-010-0199\""),
    Attribute {
        kind: Kind::Url,
        ..text(
            "contact-url",
            Some("contactUrl"),
            "contact-url=\"https://riverside.example/intake\"",
        )
    },
    Attribute {
        kind: Kind::List,
        values: OFFERS,
        ..text(
            "offers",
            Some("offers"),
            "offers=\"outpatient intensive_outpatient ambulatory_withdrawal\"",
        )
    },
    schedule(
        "outpatient-schedule",
        "outpatientSchedule",
        "outpatient-schedule=\"Tue 6pm-8pm\"",
    ),
    schedule(
        "iop-schedule",
        "iopSchedule",
        "iop-schedule=\"Mon-Thu 6pm-9pm; Sat 9am-12pm\"",
    ),
    schedule(
        "php-schedule",
        "phpSchedule",
        "php-schedule=\"Mon-Fri 9am-3pm\"",
    ),
    Attribute {
        kind: Kind::Enum,
        default: "auto",
        values: &crate::i18n::LOCALE_VALUES,
        ..text("locale", Some("locale"), "locale=\"auto\"")
    },
    // The languages the menu offers. English and Spanish by default; a
    // language without a qualified human translator's review reaches a
    // visitor only when the center lists it here (README, "Languages").
    Attribute {
        kind: Kind::List,
        default: crate::i18n::DEFAULT_LANGUAGES,
        values: &crate::i18n::LANGUAGE_IDS,
        ..text(
            "languages",
            Some("languages"),
            "languages=\"en es zh-Hans zh-Hant vi ko tl ar\"",
        )
    },
    // The center offers free language help (an interpreter): the result
    // and the start screen promise it only then.
    Attribute {
        kind: Kind::Enum,
        default: "ask",
        values: &["ask", "free"],
        ..text(
            "language-help",
            Some("languageHelp"),
            "language-help=\"free\"",
        )
    },
    // How people can pay: the payment step after the result (never part of
    // the estimate or the code).
    Attribute {
        kind: Kind::List,
        values: &super::PAYMENT,
        ..text(
            "payment",
            Some("payment"),
            "payment=\"medicaid private sliding_scale\"",
        )
    },
    text(
        "medicaid-state",
        Some("medicaidState"),
        "medicaid-state=\"WA\"",
    ),
    text(
        "plans",
        Some("plans"),
        "plans=\"Aetna; Premera Blue Cross\"",
    ),
    text(
        "payment-note",
        Some("paymentNote"),
        "payment-note=\"Ask us about payment plans.\"",
    ),
    text("sms", Some("sms"), "sms=\"+1-555-010-0199\""),
    Attribute {
        kind: Kind::Enum,
        default: "off",
        values: &["off", "session"],
        privacy: Some("keeps the visitor's place and answers in this browser tab"),
        ..text("remember", None, "id=\"care-check\" remember=\"session\"")
    },
    flag(
        "share-progress",
        "page scripts learn which questions the visitor reaches",
        "share-progress",
    ),
    flag(
        "share-result",
        "page scripts receive the result",
        "share-result",
    ),
    flag(
        "share-answers",
        "page scripts receive the answers (with share-result)",
        "share-result share-answers",
    ),
    colour("theme-accent", "#12455a", "theme-accent=\"#7a1f5c\""),
    colour(
        "theme-accent-text",
        "#ffffff",
        "theme-accent-text=\"#ffffff\"",
    ),
    colour("theme-text", "#1b1f23", "theme-text=\"#1b1f23\""),
    colour("theme-surface", "#ffffff", "theme-surface=\"#ffffff\""),
    colour("theme-muted", "#4a5560", "theme-muted=\"#4a5560\""),
    colour("theme-soft", "#eef3f5", "theme-soft=\"#eef3f5\""),
    colour("theme-urgent", "#a3140e", "theme-urgent=\"#a3140e\""),
    colour("theme-focus", "#b35c00", "theme-focus=\"#b35c00\""),
    Attribute {
        css: Some("font-family"),
        ..text("theme-font", None, "theme-font=\"Georgia, serif\"")
    },
    Attribute {
        default: "8px",
        css: Some("border-radius"),
        ..text("theme-radius", None, "theme-radius=\"4px\"")
    },
    Attribute {
        kind: Kind::Enum,
        default: "on",
        values: &["on", "off"],
        ..text("quick-exit", None, "quick-exit=\"off\"")
    },
    Attribute {
        kind: Kind::Url,
        default: super::EXIT_URL,
        ..text("exit-url", None, "exit-url=\"https://www.weather.gov/\"")
    },
    // A fixed height, the content scrolling inside: the element's height
    // no longer tells page scripts which screen is showing.
    Attribute {
        default: "auto",
        css: Some("height"),
        ..text("fixed-height", None, "fixed-height=\"640px\"")
    },
    Attribute {
        kind: Kind::Url,
        ..text(
            "files",
            None,
            concat!(
                "files=\"https://cdn.example.org/carepath/",
                env!("CARGO_PKG_VERSION"),
                "/\""
            ),
        )
    },
    Attribute {
        kind: Kind::Enum,
        default: "closed",
        values: &["closed", "open"],
        privacy: Some("page scripts can read the widget, answers included"),
        ..text("shadow", None, "shadow=\"open\"")
    },
];

/// The names, in order (what the loader observes).
pub fn names() -> Vec<&'static str> {
    ATTRIBUTES.iter().map(|a| a.name).collect()
}

/// The theme attributes, the CSS property each value must be valid for,
/// and the default (`""`: the page's own, `inherit`). The loader writes
/// the stylesheet's `:host` block from it: `--cp-accent:
/// var(--carepath-accent, #12455a)` for each.
pub fn theme() -> Vec<(&'static str, &'static str, &'static str)> {
    ATTRIBUTES
        .iter()
        .filter_map(|a| a.css.map(|css| (a.name, css, theme_default(a))))
        .collect()
}

/// Each theme attribute's [`pattern`], in [`theme`]'s order: the loader
/// takes a value only if it matches (and the browser takes it).
pub fn theme_patterns() -> Vec<String> {
    ATTRIBUTES
        .iter()
        .filter(|a| a.css.is_some())
        .map(|a| pattern(a).unwrap_or_else(|| "^$".into()))
        .collect()
}

fn theme_default(a: &Attribute) -> &'static str {
    if a.default.is_empty() {
        "inherit"
    } else {
        a.default
    }
}

/// The widget's light panel behind the emergency bar, the crisis lines and
/// urgent boxes (`styles/widget.css`), which a theme does not change.
pub const LIGHT_PANEL: &str = "#fdf1f0";
/// The elements drawn on [`LIGHT_PANEL`].
pub const PANELS: &str = ".cp-bar,.cp-line,.cp-crisis-lines li,.cp-first:not(.cp-first-detox)";

/// A pair of colors the loader checks for contrast (WCAG 2.2 AA) on every
/// screen, in every theme, so a theme can never hide the emergency line:
/// each side a theme attribute or a fixed color of the widget; when the
/// pair fails, the attributes in `fix` fall back to their defaults
/// together (on the light panels only, if `panels`). Install tools check
/// the same pairs before saving, named by their label.
#[derive(Debug, Serialize)]
pub struct ContrastPair {
    pub fg: &'static str,
    pub bg: &'static str,
    pub min: f32,
    pub fix: &'static [&'static str],
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub panels: bool,
    /// The key of its label in the schema book (`contrast.<key>`).
    #[serde(skip)]
    pub key: &'static str,
}

// Text, hints and panels fall back together: one default alone could
// clash with the theme's others.
const PALETTE: &[&str] = &["theme-text", "theme-surface", "theme-muted", "theme-soft"];

const fn pair(
    key: &'static str,
    fg: &'static str,
    bg: &'static str,
    min: f32,
    fix: &'static [&'static str],
) -> ContrastPair {
    ContrastPair {
        fg,
        bg,
        min,
        fix,
        panels: false,
        key,
    }
}

/// Every pair the loader checks.
pub static CONTRAST: [ContrastPair; 8] = [
    pair("text", "theme-text", "theme-surface", 4.5, PALETTE),
    pair("muted", "theme-muted", "theme-surface", 4.5, PALETTE),
    pair("panels", "theme-text", "theme-soft", 4.5, PALETTE),
    pair(
        "accent",
        "theme-accent-text",
        "theme-accent",
        4.5,
        &["theme-accent-text", "theme-accent"],
    ),
    ContrastPair {
        panels: true,
        ..pair(
            "emergency_text",
            "theme-text",
            LIGHT_PANEL,
            4.5,
            &["theme-text", "theme-muted"],
        )
    },
    pair(
        "emergency_line",
        "theme-urgent",
        LIGHT_PANEL,
        4.5,
        &["theme-urgent"],
    ),
    pair(
        "emergency_white",
        "#ffffff",
        "theme-urgent",
        4.5,
        &["theme-urgent"],
    ),
    pair(
        "focus",
        "theme-focus",
        "theme-surface",
        3.0,
        &["theme-focus"],
    ),
];

/// What PHP and install tools check a value's shape with before saving
/// (case-insensitive, on the trimmed value), from the same constants the
/// widget's parser uses; the widget's own `check()` says the rest (a
/// schedule's days and hours, contrast).
pub fn pattern(a: &Attribute) -> Option<String> {
    use super::{PHONE_DIGITS, PHONE_MARKS, SAFE_SCHEMES};
    // Regex metacharacters escaped (and `/`, PHP's delimiter), the same in
    // JavaScript and PCRE.
    let escape = |s: &str| {
        s.chars()
            .map(|c| match c {
                '\\' | '^' | '$' | '.' | '|' | '?' | '*' | '+' | '(' | ')' | '[' | ']' | '{'
                | '}' | '-' | '/' => format!("\\{c}"),
                c => c.to_string(),
            })
            .collect::<String>()
    };
    // A phone: 7 to 15 digits, the allowed marks, a `+` only first, and
    // never starting like an emergency line (the digits of each, with
    // anything but digits between them).
    let never: String = super::NEVER_CALLED
        .iter()
        .map(|n| {
            let digits: Vec<String> = n.chars().map(String::from).collect();
            format!("(?![^0-9]*{})", digits.join("[^0-9]*"))
        })
        .collect();
    let phone = format!(
        "(?=(?:[^0-9]*[0-9]){{{},{}}}[^0-9]*$){never}\\s*\\+?[0-9{}]*$",
        PHONE_DIGITS.start(),
        PHONE_DIGITS.end(),
        escape(&PHONE_MARKS.replace('+', ""))
    );
    match (a.name, a.kind) {
        ("phone" | "sms", _) => Some(format!("^{phone}")),
        ("medicaid-state", _) => Some(format!(
            "^\\s*(?:{})\\s*$",
            super::STATES
                .iter()
                .flat_map(|s| [s.to_string(), s.to_ascii_lowercase()])
                .collect::<Vec<_>>()
                .join("|")
        )),
        ("files", _) => None,
        // A tel: link is a phone, as above.
        (_, Kind::Url) => Some(format!(
            "^(?:{})",
            SAFE_SCHEMES
                .iter()
                .map(|s| if *s == "tel:" { format!("tel:{phone}") } else { escape(s) })
                .collect::<Vec<_>>()
                .join("|")
        )),
        // Groups joined by ";", each days (letters) then a time (digits).
        (_, Kind::Schedule) => Some("^[a-z]{3}[^;]*[0-9][^;]*(?:;\\s*[a-z]{3}[^;]*[0-9][^;]*)*;?$".into()),
        // Only colors the loader's contrast check can compute: hex, rgb(),
        // hsl() and names (not currentColor, which follows the text). Never
        // var(), url(), color-mix(), light-dark(), oklch(), lab() and
        // the like: one could hide 911 and 988, the other make a request.
        (_, Kind::Colour) => Some(
            "^(?:#[0-9a-f]{3,4}|#[0-9a-f]{6}|#[0-9a-f]{8}|(?!currentcolor$)[a-z]+|(?:rgba?|hsla?)\\([0-9a-z.,%\\s/+-]*\\))$".into(),
        ),
        // Font names, never a function (no url(), var()).
        (_, _) if a.css == Some("font-family") => Some("^[a-z0-9 ,'\"_-]+$".into()),
        // One length.
        (_, _) if a.css == Some("height") => Some("^[0-9]*\\.?[0-9]+(?:px|rem|em|vh|dvh|svh|%)$".into()),
        // One to four lengths.
        (_, _) if a.css == Some("border-radius") => {
            let length = "[0-9]*\\.?[0-9]+(?:px|rem|em|%)?";
            Some(format!("^{length}(?:\\s+{length}){{0,3}}$"))
        }
        _ => None,
    }
}

/// A method of the element.
#[derive(Debug, Serialize)]
pub struct Method {
    pub description: &'static str,
    pub returns: &'static str,
}

/// An event the element sends, with its detail's TypeScript type.
#[derive(Debug, Serialize)]
pub struct EventDoc {
    pub detail: &'static str,
    pub description: &'static str,
}

/// The element's methods, by name.
pub static METHODS: [(&str, Method); 1] = [(
    "reset",
    Method {
        description: "Starts over, clearing every answer.",
        returns: "void",
    },
)];

/// The element's events, by name. None carries health meaning unless the
/// host opted in.
pub static EVENTS: [(&str, EventDoc); 5] = [
    (
        "carepath:start",
        EventDoc {
            detail: "CarepathStartDetail",
            description: "The visitor pressed Start. The detail is empty.",
        },
    ),
    (
        "carepath:step",
        EventDoc {
            detail: "CarepathStepDetail",
            description: "A question is on screen (only with share-progress).",
        },
    ),
    (
        "carepath:complete",
        EventDoc {
            detail: "CarepathCompleteDetail",
            description: "The result is on screen. The detail is empty unless share-result (and share-answers) is set.",
        },
    ),
    (
        "carepath:contact",
        EventDoc {
            detail: "CarepathContactDetail",
            description: "A contact action was used: call, sms (the text-the-code link), contact or print (helpline and find_treatment only with share-result).",
        },
    ),
    (
        "carepath:exit",
        EventDoc {
            detail: "CarepathExitDetail",
            description: "The visitor used quick exit: the page is covered, the answers forgotten, and the page is being replaced by exit-url. The detail is null.",
        },
    ),
];

/// The schema as JSON: `{"attributes": [...], "methods": {...}, "events":
/// {...}}`, each attribute with its label and description in every
/// language the widget speaks.
pub fn json() -> serde_json::Value {
    use crate::i18n::{Texts, SCHEMA_LOCALES};
    let words_for = |key: &str| {
        let mut m = serde_json::Map::new();
        for (id, _) in SCHEMA_LOCALES {
            m.insert(id.to_string(), Texts::schema(id).t(key).into());
        }
        serde_json::Value::Object(m)
    };
    let words = |name: &str, part: &str| words_for(&format!("attr.{name}.{part}"));
    let attributes: Vec<serde_json::Value> = ATTRIBUTES
        .iter()
        .map(|a| {
            let mut v = serde_json::to_value(a).expect("an attribute serializes");
            let o = v.as_object_mut().expect("an attribute is an object");
            o.insert("label".into(), words(a.name, "label"));
            o.insert("description".into(), words(a.name, "description"));
            if !a.values.is_empty() {
                let labels: serde_json::Map<String, serde_json::Value> = a
                    .values
                    .iter()
                    .map(|v| {
                        // A language is named in its own words everywhere.
                        let label = match crate::i18n::own_name(v) {
                            Some(name) => SCHEMA_LOCALES
                                .iter()
                                .map(|(id, _)| (id.to_string(), serde_json::Value::from(name)))
                                .collect::<serde_json::Map<_, _>>()
                                .into(),
                            None => words(a.name, &format!("value.{v}")),
                        };
                        (v.to_string(), label)
                    })
                    .collect();
                o.insert("value_labels".into(), labels.into());
            }
            o.insert("pattern".into(), pattern(a).into());
            v
        })
        .collect();
    let map = |items: Vec<(&str, serde_json::Value)>| {
        serde_json::Value::Object(items.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
    };
    serde_json::json!({
        "attributes": attributes,
        "methods": map(METHODS.iter().map(|(n, m)| (*n, serde_json::to_value(m).unwrap_or_default())).collect()),
        "events": map(EVENTS.iter().map(|(n, e)| (*n, serde_json::to_value(e).unwrap_or_default())).collect()),
        // The emergency line to put inside the element (see
        // screens::fallback), in each language.
        "fallback": crate::i18n::language_ids()
            .map(|id| (id.to_string(), serde_json::Value::from(crate::screens::fallback_html(&Texts::for_locale(id)))))
            .collect::<serde_json::Map<_, _>>(),
        // The iframe form's sandbox flags, each with what it keeps working.
        "frame_sandbox": super::FRAME_SANDBOX.iter().map(|(flag, why)| serde_json::json!({"flag": flag, "keeps": why})).collect::<Vec<_>>(),
        "contrast": CONTRAST.iter().map(|p| {
            let mut v = serde_json::to_value(p).expect("a pair serializes");
            v["label"] = words_for(&format!("contrast.{}", p.key));
            v
        }).collect::<Vec<_>>(),
    })
}

/// The README's table of every option, from the English words (a test
/// keeps the README equal to it; `carepath schema --readme` prints it).
pub fn readme_table() -> String {
    let t = crate::i18n::Texts::schema("en");
    let mut out = String::from("| attribute | what it does | example |\n|---|---|---|\n");
    for a in &ATTRIBUTES {
        out.push_str(&format!(
            "| `{}` | {} | `{}` |\n",
            a.name,
            t.t(&format!("attr.{}.description", a.name)),
            a.example
        ));
    }
    out
}
