//! Visitor-facing words: locale files (`locales/*.json`, flat key -> text)
//! compiled into the binary as static tables (see `build.rs`), with a
//! lookup that knows the "they" wording. Plain Rust, no web dependency.

/// A book's keys, sorted, end to end (`build.rs`).
#[derive(Debug, PartialEq, Eq)]
pub struct Keys {
    text: &'static str,
    ends: &'static [u16],
}

/// One locale's texts as `build.rs` lays them out: the values end to end
/// in the order of its book's keys, and the keys this locale's file lacks.
#[derive(Debug, PartialEq, Eq)]
pub struct Table {
    keys: &'static Keys,
    text: &'static str,
    ends: &'static [u16],
    missing: &'static [u16],
}

include!(concat!(env!("OUT_DIR"), "/locale_tables.rs"));

/// The staff page's words (`locales/staff/`): a book of their own, so the
/// visitor's widget never carries them.
mod staff {
    use super::{Keys, Table};
    include!(concat!(env!("OUT_DIR"), "/staff_tables.rs"));
}

/// Contract v3's question and option words in en and es, frozen as they
/// shipped (`locales/frozen/v3/`): only the staff page reads them.
mod frozen_v3 {
    use super::{Keys, Table};
    include!(concat!(env!("OUT_DIR"), "/frozen_v3_tables.rs"));
}

/// The element's attributes in words (`locales/schema/`): label and
/// description, for `carepath schema` only.
mod schema_words {
    use super::{Keys, Table};
    include!(concat!(env!("OUT_DIR"), "/schema_tables.rs"));
}

/// The attribute words' locales, in the same order as [`LOCALES`].
pub const SCHEMA_LOCALES: [(&str, &Table, &str); 2] = [
    ("en", &schema_words::EN, "English"),
    ("es", &schema_words::ES, "Español"),
];

/// Released versions' frozen question words, by contract version; the
/// current version's are the visitor's book itself.
type Book = [(&'static str, &'static Table, &'static str); 2];
const FROZEN: [(u32, Book); 1] = [(
    3,
    [
        ("en", &frozen_v3::EN, "English"),
        ("es", &frozen_v3::ES, "Español"),
    ],
)];

/// Each language's fixed number in the reference code (contract v4):
/// written here once, never taken from file order; the code has room for
/// 32. Ids of languages still to come are reserved now.
pub const CODE_NUMBERS: [(&str, u8); 8] = [
    ("en", 0),
    ("es", 1),
    ("zh-Hans", 2),
    ("zh-Hant", 3),
    ("vi", 4),
    ("ko", 5),
    ("tl", 6),
    ("ar", 7),
];

/// The code number of a language id (English's for an unknown one).
pub fn code_number(lang: &str) -> u8 {
    CODE_NUMBERS
        .iter()
        .find(|(id, _)| *id == lang)
        .map_or(0, |(_, n)| *n)
}

/// The language id of a code number, if one is assigned.
pub fn language_of(number: u8) -> Option<&'static str> {
    CODE_NUMBERS
        .iter()
        .find(|(_, n)| *n == number)
        .map(|(id, _)| *id)
}

/// A supported language's own name ("Español"), if this build speaks it.
pub fn own_name(lang: &str) -> Option<&'static str> {
    LOCALES.iter().find(|l| l.0 == lang).map(|l| l.2)
}

/// The locales the widget speaks: id, texts, and the language's own name
/// (for the language switch). English is the fallback.
pub const LOCALES: [(&str, &Table, &str); 2] = [("en", &EN, "English"), ("es", &ES, "Español")];

/// The staff page's locales, in the same order.
pub const STAFF_LOCALES: [(&str, &Table, &str); 2] =
    [("en", &staff::EN, "English"), ("es", &staff::ES, "Español")];

/// The `i`th entry of a blob laid out by `build.rs`.
fn entry(text: &'static str, ends: &[u16], i: usize) -> &'static str {
    let start = if i == 0 { 0 } else { ends[i - 1] as usize };
    &text[start..ends[i] as usize]
}

/// The key's place in its book.
fn key_index(keys: &Keys, key: &str) -> Option<usize> {
    let (mut lo, mut hi) = (0, keys.ends.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        match entry(keys.text, keys.ends, mid).cmp(key) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some(mid),
        }
    }
    None
}

/// The locale for the host's `locale` setting: a supported id as is;
/// `auto` takes the page's `lang` when it names a supported language other
/// than English (a page written in Spanish), else follows the browser's
/// languages (first supported primary subtag); anything else falls back
/// to English.
pub fn choose_locale(setting: &str, page_lang: &str, browser_languages: &[String]) -> &'static str {
    let supported = |tag: &str| {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        LOCALES.iter().map(|l| l.0).find(|id| *id == primary)
    };
    match setting {
        "auto" => supported(page_lang)
            .filter(|id| *id != "en")
            .or_else(|| browser_languages.iter().find_map(|t| supported(t)))
            .unwrap_or("en"),
        other => supported(other).unwrap_or("en"),
    }
}

/// One locale's texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Texts {
    lang: &'static str,
    table: &'static Table,
    /// The visitor asks for someone else: "they" wording (`key.they`)
    /// wherever the locale has one.
    they: bool,
}

/// The Unicode bidirectional controls: embeddings and overrides (U+202A to
/// U+202E), isolates (U+2066 to U+2069) and marks (U+200E, U+200F,
/// U+061C).
pub const BIDI_CONTROLS: [char; 12] = [
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}',
];

/// A host value (a center's name, a phone number) set apart from the text
/// around it (Unicode FSI ... PDI), so a right-to-left mark inside it
/// cannot reorder the sentence or make a number read backwards. Its own
/// bidi controls go first: a stray PDI (U+2069) would end the isolation
/// early, and an override would reach past it.
pub fn isolate(value: &str) -> String {
    let clean: String = value
        .chars()
        .filter(|c| !BIDI_CONTROLS.contains(c))
        .collect();
    format!("\u{2068}{clean}\u{2069}")
}

impl Texts {
    pub fn english() -> Texts {
        Self::for_locale("en")
    }

    /// The texts of a supported locale id (English for any other).
    pub fn for_locale(id: &str) -> Texts {
        Self::of(&LOCALES, id)
    }

    /// The question and option words (`q.*`) a visitor saw under contract
    /// `version`: a released version's frozen words, or today's.
    pub fn question_words(version: u32, id: &str) -> Texts {
        match FROZEN.iter().find(|(v, _)| *v == version) {
            Some((_, book)) => Self::of(book, id),
            None => Self::for_locale(id),
        }
    }

    /// The element's attribute words in a supported locale.
    pub fn schema(id: &str) -> Texts {
        Self::of(&SCHEMA_LOCALES, id)
    }

    /// The staff page's words in a supported locale (English for any other).
    pub fn staff(id: &str) -> Texts {
        Self::of(&STAFF_LOCALES, id)
    }

    fn of(book: &'static [(&'static str, &'static Table, &'static str); 2], id: &str) -> Texts {
        let (lang, table, _) = book.iter().find(|l| l.0 == id).unwrap_or(&book[0]);
        Texts {
            lang,
            table,
            they: false,
        }
    }

    /// Whether this locale's file has the `i`th key.
    fn has(&self, i: usize) -> bool {
        !self.table.missing.iter().any(|&m| m as usize == i)
    }

    /// The text for `key` if this locale has it.
    fn get(&self, key: &str) -> Option<&'static str> {
        let i = key_index(self.table.keys, key)?;
        self.has(i)
            .then(|| entry(self.table.text, self.table.ends, i))
    }

    /// The BCP 47 language tag (for `lang` attributes).
    pub fn lang(&self) -> &'static str {
        self.lang
    }

    /// The same texts in the "they" wording when `someone_else`.
    #[must_use]
    pub fn they(self, someone_else: bool) -> Texts {
        Texts {
            they: someone_else,
            ..self
        }
    }

    /// The text for `key`, in the "they" wording (`key.they`) when these
    /// texts speak of someone else and the locale has one; a missing key
    /// shows as the key itself, so a gap is visible and never crashes.
    pub fn t<'a>(&'a self, key: &'a str) -> &'a str {
        self.they
            .then(|| self.get(&format!("{key}.they")))
            .flatten()
            .or_else(|| self.get(key))
            .unwrap_or(key)
    }

    /// Fills `{name}` placeholders.
    pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
        let mut out = text.to_string();
        for (name, value) in args {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }

    /// `t` then `fill`. A range named `min` and `max` whose ends are equal
    /// picks `key.single`, which says the one value as `{n}` ("5 days",
    /// never "5 to 5 days"), when the locale has one. A count named `n` of 1
    /// picks the singular, `key.one` (`key.single.one` for a range of one
    /// value of 1), when the locale has one (English and Spanish need only
    /// one singular form).
    pub fn f(&self, key: &str, args: &[(&str, &str)]) -> String {
        let arg = |name: &str| args.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
        let single = format!("{key}.single");
        let mut args = args.to_vec();
        let key = match (arg("min"), arg("max")) {
            (Some(min), Some(max)) if min == max && self.get(&single).is_some() => {
                args.push(("n", min));
                single.as_str()
            }
            _ => key,
        };
        let one = format!("{key}.one");
        let singular = args.contains(&("n", "1")) && self.get(&one).is_some();
        Self::fill(self.t(if singular { &one } else { key }), &args)
    }

    /// Every key of the locale file.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        let keys = self.table.keys;
        (0..keys.ends.len())
            .filter(|i| self.has(*i))
            .map(|i| entry(keys.text, keys.ends, i))
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

#[cfg(not(target_arch = "wasm32"))]
pub mod review;
#[cfg(test)]
mod tests;
