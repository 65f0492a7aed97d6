//! Visitor-facing words: locale files (`locales/*.json`, flat key -> text)
//! compiled into the binary, with a lookup that knows the "they" wording.
//! Plain Rust, no web dependency.

use std::collections::HashMap;

/// The English locale file.
pub const EN: &str = include_str!("../../locales/en.json");

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

    /// The BCP 47 language tag (for `lang` attributes).
    pub fn lang(&self) -> &'static str {
        self.lang
    }

    /// The text for `key`; a missing key shows as the key itself, so a gap
    /// is visible and never crashes.
    pub fn t<'a>(&'a self, key: &'a str) -> &'a str {
        self.map.get(key).map_or(key, String::as_str)
    }

    /// The text for `key`, in the "they" wording (`key.other`) when the
    /// visitor asks for someone else and the locale has one.
    pub fn tw<'a>(&'a self, key: &'a str, someone_else: bool) -> &'a str {
        if someone_else {
            if let Some(text) = self.map.get(&format!("{key}.other")) {
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

/// A clock time in the locale's form: 12-hour for English ("6 pm").
pub fn clock(texts: &Texts, minutes: u16) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
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
