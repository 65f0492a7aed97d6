//! A translation's review sheet (`carepath translations LANG`): every key
//! with the English, the translation and its blind back-translation, then
//! the translator's notes and a sign-off block, for a qualified human
//! translator to review. A sheet says plainly whether the language is in
//! the widget and that no qualified human has reviewed it yet.

use serde_json::{Map, Value};

/// Where a language stands (`locales/languages.json`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Offered without a `languages` attribute (English, Spanish).
    On,
    /// Offered only when a center lists it in `languages`.
    Off,
}

/// A table cell: one line, with `|` escaped.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// The sheet as Markdown. `back` and `notes` are optional (a language
/// without them says so). Keys only the translation has (a plural form
/// English does not need, like Arabic's `.few`) come after their base key.
pub fn sheet(
    lang: &str,
    status: Status,
    english: &Map<String, Value>,
    translation: &Map<String, Value>,
    back: Option<&Map<String, Value>>,
    notes: Option<&str>,
) -> String {
    let text =
        |m: &Map<String, Value>, k: &str| m.get(k).and_then(Value::as_str).map(str::to_string);
    let mut out = format!("# Review sheet: {lang}\n\n");
    out.push_str(match status {
        Status::On => "Status: in the widget, offered by default. Not yet reviewed by a qualified human translator.\n\n",
        Status::Off => "Status: in the widget, off by default: a visitor sees it only where a center lists it in the `languages` attribute. Not yet reviewed by a qualified human translator.\n\n",
    });
    out.push_str(
        "For the reviewer: compare each translation with the English. The back-translation was made by a translator who never saw the English; where it differs in meaning from the English, the translation may have drifted. Placeholders in braces ({n}, {level}) are filled in by the widget and must stay as written. Keys ending in `.they` are for a visitor answering about someone else.\n\n",
    );
    if back.is_none() {
        out.push_str("No back-translation yet.\n\n");
    }
    out.push_str("| key | English | translation | back-translation |\n|---|---|---|---|\n");
    let mut missing = Vec::new();
    let row = |out: &mut String, key: &str, en: &str| {
        let tr = text(translation, key).unwrap_or_default();
        let bt = back.and_then(|b| text(b, key)).unwrap_or_default();
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            cell(key),
            cell(en),
            cell(&tr),
            cell(&bt)
        ));
    };
    for (key, en) in english {
        let en = en.as_str().unwrap_or_default();
        if !translation.contains_key(key) {
            missing.push(key.clone());
        }
        row(&mut out, key, en);
        // Forms only the translation has, right after their base's `.one`.
        if let Some(base) = key.strip_suffix(".one") {
            for form in ["zero", "two", "few", "many"] {
                let extra = format!("{base}.{form}");
                if translation.contains_key(&extra) {
                    row(
                        &mut out,
                        &extra,
                        &format!(
                            "(the form for a count in CLDR's \"{form}\" category of `{base}`)"
                        ),
                    );
                }
            }
        }
    }
    let extra: Vec<&String> = translation
        .keys()
        .filter(|k| {
            !english.contains_key(*k)
                && !k.ends_with(".zero")
                && !k.ends_with(".two")
                && !k.ends_with(".few")
                && !k.ends_with(".many")
        })
        .collect();
    if !missing.is_empty() || !extra.is_empty() {
        out.push_str("\n## Keys that do not match the English\n\n");
        for k in &missing {
            out.push_str(&format!("- missing: `{k}`\n"));
        }
        for k in &extra {
            out.push_str(&format!("- not in the English: `{k}`\n"));
        }
    }
    out.push_str("\n## The translator's notes\n\n");
    out.push_str(notes.unwrap_or("None yet.\n"));
    out.push_str(
        "\n\n## Sign-off\n\nReviewed by (name, qualification as a medical translator): \n\nDate: \n\nKeys changed (attach the corrected file): \n\nI confirm this translation is accurate and fit for visitors: \n",
    );
    out
}
