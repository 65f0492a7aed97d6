//! Visitor-facing words: locale files (`locales/*.json`, flat key -> text)
//! compiled into the binary as static tables (see `build.rs`), with a
//! lookup that knows the "they" wording. Plain Rust, no web dependency.

/// Where each text of a blob ends: two bytes each where the blob is under
/// 64 KB (English's, in the visitor's wasm), else four.
#[derive(Debug, PartialEq, Eq)]
pub enum Ends {
    Short(&'static [u16]),
    Long(&'static [u32]),
}

impl Ends {
    fn len(&self) -> usize {
        match self {
            Ends::Short(e) => e.len(),
            Ends::Long(e) => e.len(),
        }
    }

    fn at(&self, i: usize) -> usize {
        match self {
            Ends::Short(e) => e[i] as usize,
            Ends::Long(e) => e[i] as usize,
        }
    }
}

/// A book's keys, sorted, end to end (`build.rs`).
#[derive(Debug, PartialEq, Eq)]
pub struct Keys {
    text: &'static str,
    ends: Ends,
}

/// One locale's texts as `build.rs` (or [`install`]) lays them out: its
/// keys, and the values end to end in the keys' order.
#[derive(Debug, PartialEq, Eq)]
pub struct Table {
    keys: &'static Keys,
    text: &'static str,
    ends: Ends,
}

/// One language the widget can speak: an entry of `locales/languages.json`
/// (see its `_about`), with its words in `locales/<id>.json`.
#[derive(Debug, PartialEq, Eq)]
pub struct Language {
    /// The BCP 47 tag, also the `locale` and `languages` value.
    pub id: &'static str,
    /// Its own name, for the language menu.
    pub name: &'static str,
    /// Written right to left.
    pub rtl: bool,
    /// Its fixed number in the reference code (contract v4).
    pub code: u8,
    /// Offered without a `languages` attribute.
    pub on: bool,
    /// Other tags that mean it; a trailing `*` matches any subtags.
    pub also: &'static [&'static str],
    /// CLDR cardinal plural rules: category, condition (`other` left out).
    pub plural: &'static [(&'static str, &'static str)],
    /// Who reviewed the translation as a qualified human translator.
    pub reviewed: Option<&'static str>,
}

include!(concat!(env!("OUT_DIR"), "/languages.rs"));

/// The visitor's words, every language (`locales/*.json`). The widget's
/// wasm names only [`EN`]; the others reach it as word packs ([`install`]).
mod visitor {
    use super::{Ends, Keys, Table};
    include!(concat!(env!("OUT_DIR"), "/locale_tables.rs"));
}
pub use visitor::EN;

/// The staff page's words (`locales/staff/`): a book of their own, so the
/// visitor's widget never carries them.
mod staff {
    use super::{Ends, Keys, Table};
    include!(concat!(env!("OUT_DIR"), "/staff_tables.rs"));
}

/// Contract v3's question and option words in en and es, frozen as they
/// shipped (`locales/frozen/v3/`): only the staff page reads them.
mod frozen_v3 {
    use super::{Ends, Keys, Table};
    include!(concat!(env!("OUT_DIR"), "/frozen_v3_tables.rs"));
}

/// The element's attributes in words (`locales/schema/`): label and
/// description, for `carepath schema` only.
mod schema_words {
    use super::{Ends, Keys, Table};
    include!(concat!(env!("OUT_DIR"), "/schema_tables.rs"));
}

type Book = [(&'static str, &'static Table)];

/// The attribute words' locales (English first).
pub static SCHEMA_LOCALES: &Book = &schema_words::TABLES;

/// The staff page's languages, for its menu.
pub static STAFF_LANGUAGES: [&str; 2] = ["en", "es"];

/// The staff page's locales (English first).
pub static STAFF_LOCALES: &Book = &staff::TABLES;

/// Released versions' frozen question words, by contract version; the
/// current version's are the visitor's book itself.
const FROZEN: [(u32, &Book); 1] = [(3, &frozen_v3::TABLES)];

/// A registered language by its exact id.
pub fn language(id: &str) -> Option<&'static Language> {
    LANGUAGES.iter().find(|l| l.id == id)
}

/// The ids of every registered language, in the menu's order.
pub fn language_ids() -> impl Iterator<Item = &'static str> {
    LANGUAGES.iter().map(|l| l.id)
}

/// The languages offered when the host sets no `languages`.
pub fn default_languages() -> Vec<&'static str> {
    LANGUAGES.iter().filter(|l| l.on).map(|l| l.id).collect()
}

/// The code number of a language id (English's for an unknown one).
pub fn code_number(lang: &str) -> u8 {
    language(lang).map_or(0, |l| l.code)
}

/// The language id of a code number, if one is assigned.
pub fn language_of(number: u8) -> Option<&'static str> {
    LANGUAGES.iter().find(|l| l.code == number).map(|l| l.id)
}

/// A registered language's own name ("Español").
pub fn own_name(lang: &str) -> Option<&'static str> {
    language(lang).map(|l| l.name)
}

/// The language a BCP 47 tag means, if the widget knows it: the exact id
/// (any case, `_` for `-`); then a tag a language lists in `also`
/// (`zh-TW` is Traditional Chinese, `fil` Tagalog); then the same for the
/// tag's first subtag (`es-MX` is Spanish, `zh` Simplified Chinese).
pub fn lookup(tag: &str) -> Option<&'static str> {
    let tag = tag.trim().replace('_', "-");
    let find = |tag: &str| {
        let is = |pattern: &str| match pattern.strip_suffix('*') {
            Some(prefix) => {
                tag.len() > prefix.len() && tag[..prefix.len()].eq_ignore_ascii_case(prefix)
            }
            None => pattern.eq_ignore_ascii_case(tag),
        };
        LANGUAGES
            .iter()
            .find(|l| is(l.id))
            .or_else(|| LANGUAGES.iter().find(|l| l.also.iter().any(|a| is(a))))
            .map(|l| l.id)
    };
    if tag.is_empty() {
        return None;
    }
    find(&tag).or_else(|| find(tag.split('-').next().unwrap_or("")))
}

/// The locale for the host's `locale` setting, among the `offered`
/// languages (never empty; English if it is): a language as is; `auto`
/// takes the page's `lang` when it names an offered language other than
/// English (a page written in Spanish), else follows the browser's
/// languages (the first offered one); else the first offered language.
/// A setting that names no offered language is taken as `auto` (the host
/// config warns).
pub fn choose_locale(
    setting: &str,
    page_lang: &str,
    browser_languages: &[String],
    offered: &[&'static str],
) -> &'static str {
    let offered_as = |tag: &str| lookup(tag).filter(|id| offered.contains(id));
    offered_as(setting)
        .or_else(|| offered_as(page_lang).filter(|id| *id != "en"))
        .or_else(|| browser_languages.iter().find_map(|t| offered_as(t)))
        .or_else(|| offered.first().copied())
        .unwrap_or("en")
}

/// Word packs given at run time ([`install`]), and on the staff page every
/// bundled language ([`install_bundled`]).
static PACKS: std::sync::Mutex<Vec<(&'static str, &'static Table)>> =
    std::sync::Mutex::new(Vec::new());

fn installed(id: &str) -> Option<&'static Table> {
    PACKS
        .lock()
        .ok()?
        .iter()
        .find(|(l, _)| *l == id)
        .map(|(_, t)| *t)
}

/// Whether a language's words are here: English always; another once its
/// word pack is installed (natively, every language).
pub fn has_words(id: &str) -> bool {
    table(id).is_some()
}

/// A language's words, if they are here: installed, or bundled.
fn table(id: &str) -> Option<&'static Table> {
    installed(id).or_else(|| bundled(id))
}

/// A language's words (its locale file's keys and texts, as the build
/// ships them in `words/<id>.json` and the loader reads them), kept for the
/// life of the page. Refused, with why, if the id is not a language or the
/// words are not its whole book (an English key missing).
pub fn install(id: &str, map: std::collections::BTreeMap<String, String>) -> Result<(), String> {
    let lang = language(id).ok_or_else(|| format!("{id} is not a language of this widget"))?;
    if installed(lang.id).is_some() {
        return Ok(());
    }
    if let Some(missing) = Texts::english()
        .keys()
        .find(|k| !k.contains(".one") && !map.contains_key(*k))
    {
        return Err(format!("the {id} words lack {missing}"));
    }
    let (key_text, key_ends) = blob(map.keys());
    let (text, ends) = blob(map.values());
    let keys: &'static Keys = Box::leak(Box::new(Keys {
        text: key_text,
        ends: key_ends,
    }));
    let table: &'static Table = Box::leak(Box::new(Table { keys, text, ends }));
    if let Ok(mut packs) = PACKS.lock() {
        packs.push((lang.id, table));
    }
    Ok(())
}

/// Every bundled language, as if installed: for the staff page's wasm,
/// which reads back a caller's answers in their language (the visitor's
/// wasm never calls it, so never carries them).
pub fn install_bundled() {
    if let Ok(mut packs) = PACKS.lock() {
        packs.extend(visitor::TABLES.iter().copied());
    }
}

/// The texts end to end, leaked for the page's life, and their ends.
fn blob<'a>(texts: impl Iterator<Item = &'a String>) -> (&'static str, Ends) {
    let mut all = String::new();
    let mut ends = Vec::new();
    for t in texts {
        all.push_str(t);
        ends.push(u32::try_from(all.len()).unwrap_or(u32::MAX));
    }
    (
        Box::leak(all.into_boxed_str()),
        Ends::Long(Box::leak(ends.into_boxed_slice())),
    )
}

/// A bundled table: natively every language; in wasm only English, so a
/// visitor's wasm carries no other language.
fn bundled(id: &str) -> Option<&'static Table> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        visitor::TABLES
            .iter()
            .find(|(l, _)| *l == id)
            .map(|(_, t)| *t)
    }
    #[cfg(target_arch = "wasm32")]
    {
        (id == "en").then_some(&EN)
    }
}

/// The `i`th entry of a blob laid out by `build.rs`.
fn entry(text: &'static str, ends: &Ends, i: usize) -> &'static str {
    let start = if i == 0 { 0 } else { ends.at(i - 1) };
    &text[start..ends.at(i)]
}

/// The key's place in its book.
fn key_index(keys: &Keys, key: &str) -> Option<usize> {
    let (mut lo, mut hi) = (0, keys.ends.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        match entry(keys.text, &keys.ends, mid).cmp(key) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some(mid),
        }
    }
    None
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
        Texts {
            lang: "en",
            table: &EN,
            they: false,
        }
    }

    /// The texts of a language whose words are here (see [`has_words`]);
    /// English for any other, so a missing word pack shows English, never
    /// a gap.
    pub fn for_locale(id: &str) -> Texts {
        match language(id).and_then(|l| table(l.id).map(|t| (l.id, t))) {
            Some((lang, table)) => Texts {
                lang,
                table,
                they: false,
            },
            None => Self::english(),
        }
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
        Self::of(SCHEMA_LOCALES, id)
    }

    /// The staff page's words in a supported locale (English for any other).
    pub fn staff(id: &str) -> Texts {
        Self::of(STAFF_LOCALES, id)
    }

    fn of(book: &'static Book, id: &str) -> Texts {
        let (lang, table) = book.iter().find(|l| l.0 == id).unwrap_or(&book[0]);
        Texts {
            lang,
            table,
            they: false,
        }
    }

    /// The text for `key` if this locale has it.
    fn get(&self, key: &str) -> Option<&'static str> {
        Self::lookup_in(self.table, key)
    }

    fn lookup_in(table: &'static Table, key: &str) -> Option<&'static str> {
        key_index(table.keys, key).map(|i| entry(table.text, &table.ends, i))
    }

    /// The BCP 47 language tag (for `lang` attributes).
    pub fn lang(&self) -> &'static str {
        self.lang
    }

    /// `rtl` or `ltr` (for `dir` attributes).
    pub fn dir(&self) -> &'static str {
        if language(self.lang).is_some_and(|l| l.rtl) {
            "rtl"
        } else {
            "ltr"
        }
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
    /// texts speak of someone else and the locale has one; a key the
    /// locale lacks is English's (a complete language never does: the
    /// tests), and one nobody has shows as the key itself, so a gap is
    /// visible and never crashes.
    pub fn t<'a>(&'a self, key: &'a str) -> &'a str {
        let pick = |table: &'static Table| {
            self.they
                .then(|| Self::lookup_in(table, &format!("{key}.they")))
                .flatten()
                .or_else(|| Self::lookup_in(table, key))
        };
        pick(self.table).or_else(|| pick(&EN)).unwrap_or(key)
    }

    /// Fills `{name}` placeholders.
    pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
        let mut out = text.to_string();
        for (name, value) in args {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }

    /// The CLDR plural category of the count `n` in this language.
    pub fn plural(&self, n: u64) -> &'static str {
        plural::category(language(self.lang).map_or(&[], |l| l.plural), n)
    }

    /// `t` then `fill`. A range named `min` and `max` whose ends are equal
    /// picks `key.single`, which says the one value as `{n}` ("5 days",
    /// never "5 to 5 days"), when the locale has one. A count named `n`
    /// picks the form for its CLDR plural category, `key.<category>`
    /// (`key.one`, and in Arabic `key.zero`, `key.two`, `key.few`,
    /// `key.many`), when the locale has one; `key` itself is `other`.
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
        let form = args
            .iter()
            .find(|(name, _)| *name == "n")
            .and_then(|(_, v)| v.parse::<u64>().ok())
            .map(|n| format!("{key}.{}", self.plural(n)))
            .filter(|form| self.get(form).is_some());
        Self::fill(self.t(form.as_deref().unwrap_or(key)), &args)
    }

    /// Every key of the locale file.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        let keys = self.table.keys;
        (0..keys.ends.len()).map(|i| entry(keys.text, &keys.ends, i))
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

mod plural;
#[cfg(not(target_arch = "wasm32"))]
pub mod review;
#[cfg(test)]
mod tests;
