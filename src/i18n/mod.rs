//! Visitor-facing words: locale files (`locales/*.json`, flat key -> text)
//! compiled into the binary, with a lookup that knows the "they" wording.
//! Plain Rust, no web dependency.

use std::collections::HashMap;

/// The English locale file.
pub const EN: &str = include_str!("../../locales/en.json");
/// The Spanish locale file.
pub const ES: &str = include_str!("../../locales/es.json");

/// The locales the widget speaks: id, file, and the language's own name
/// (for the language switch). English is the fallback.
pub const LOCALES: [(&str, &str, &str); 2] = [("en", EN, "English"), ("es", ES, "Español")];

/// The locale for the host's `locale` setting: a supported id as is;
/// `auto` follows the browser's languages (first supported primary
/// subtag); anything else falls back to English.
pub fn choose_locale(setting: &str, browser_languages: &[String]) -> &'static str {
    let supported = |tag: &str| {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        LOCALES.iter().map(|l| l.0).find(|id| *id == primary)
    };
    match setting {
        "auto" => browser_languages
            .iter()
            .find_map(|t| supported(t))
            .unwrap_or("en"),
        other => supported(other).unwrap_or("en"),
    }
}

/// One locale's texts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Texts {
    lang: &'static str,
    map: HashMap<String, String>,
}

impl Texts {
    /// Parses a locale file. Panics on a malformed file: locale files are
    /// compiled in, and a test parses each of them.
    pub fn parse(lang: &'static str, json: &str) -> Texts {
        let map = serde_json::from_str(json).unwrap_or_else(|e| panic!("locale {lang}: {e}"));
        Texts { lang, map }
    }

    pub fn english() -> Texts {
        Self::parse("en", EN)
    }

    /// The texts of a supported locale id (English for any other).
    pub fn for_locale(id: &str) -> Texts {
        let (lang, file, _) = LOCALES.iter().find(|l| l.0 == id).unwrap_or(&LOCALES[0]);
        Self::parse(lang, file)
    }

    /// The BCP 47 language tag (for `lang` attributes).
    pub fn lang(&self) -> &'static str {
        self.lang
    }

    /// The text for `key`; a missing key shows as the key itself, so a gap
    /// is visible and never crashes.
    pub fn t<'a>(&'a self, key: &'a str) -> &'a str {
        self.map.get(key).map_or(key, String::as_str)
    }

    /// The text for `key`, in the "they" wording (`key.they`) when the
    /// visitor asks for someone else and the locale has one.
    pub fn tw<'a>(&'a self, key: &'a str, someone_else: bool) -> &'a str {
        if someone_else {
            if let Some(text) = self.map.get(&format!("{key}.they")) {
                return text;
            }
        }
        self.t(key)
    }

    /// Fills `{name}` placeholders.
    pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
        let mut out = text.to_string();
        for (name, value) in args {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }

    /// `t` then `fill`.
    pub fn f(&self, key: &str, args: &[(&str, &str)]) -> String {
        Self::fill(self.t(key), args)
    }

    /// `tw` then `fill`.
    pub fn fw(&self, key: &str, someone_else: bool, args: &[(&str, &str)]) -> String {
        Self::fill(self.tw(key, someone_else), args)
    }

    /// `key.one` when `n` is 1 and the locale has it, else `key`; then
    /// `fill`. (English and Spanish need only one singular form.)
    pub fn fcount(&self, key: &str, n: usize, args: &[(&str, &str)]) -> String {
        let one = format!("{key}.one");
        let chosen = if n == 1 && self.map.contains_key(&one) {
            one.as_str()
        } else {
            key
        };
        Self::fill(self.t(chosen), args)
    }

    /// Every key of the locale file.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.map.keys().map(String::as_str)
    }
}

/// A clock time in the locale's form: 12-hour for English ("6 pm"),
/// 24-hour where the locale says `time.clock` = 24 ("18:00").
pub fn clock(texts: &Texts, minutes: u16) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    if texts.t("time.clock") == "24" {
        return texts.f(
            "time.am_min",
            &[("h", &h.to_string()), ("m", &format!("{m:02}"))],
        );
    }
    let (h12, pm) = match h {
        0 => (12, false),
        1..=11 => (h, false),
        12 => (12, true),
        _ => (h - 12, true),
    };
    let key = match (pm, m) {
        (false, 0) => "time.am",
        (true, 0) => "time.pm",
        (false, _) => "time.am_min",
        (true, _) => "time.pm_min",
    };
    texts.f(key, &[("h", &h12.to_string()), ("m", &format!("{m:02}"))])
}

#[cfg(test)]
mod tests;
