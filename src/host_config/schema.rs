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
pub static ATTRIBUTES: [Attribute; 24] = [
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
        values: &["auto", "en", "es"],
        ..text("locale", Some("locale"), "locale=\"auto\"")
    },
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

/// The theme attributes and the CSS property each value must be valid for.
pub fn theme() -> Vec<(&'static str, &'static str)> {
    ATTRIBUTES
        .iter()
        .filter_map(|a| a.css.map(|css| (a.name, css)))
        .collect()
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
pub static EVENTS: [(&str, EventDoc); 4] = [
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
            description: "A contact action was used: call, contact or print (helpline and find_treatment only with share-result).",
        },
    ),
];

/// The schema as JSON: `{"attributes": [...], "methods": {...}, "events":
/// {...}}`, each attribute with its label and description in every
/// language the widget speaks.
pub fn json() -> serde_json::Value {
    use crate::i18n::{Texts, LOCALES};
    let words = |name: &str, part: &str| {
        let mut m = serde_json::Map::new();
        for (id, _, _) in LOCALES {
            let key = format!("attr.{name}.{part}");
            m.insert(id.to_string(), Texts::schema(id).t(&key).into());
        }
        serde_json::Value::Object(m)
    };
    let attributes: Vec<serde_json::Value> = ATTRIBUTES
        .iter()
        .map(|a| {
            let mut v = serde_json::to_value(a).expect("an attribute serializes");
            let o = v.as_object_mut().expect("an attribute is an object");
            o.insert("label".into(), words(a.name, "label"));
            o.insert("description".into(), words(a.name, "description"));
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
