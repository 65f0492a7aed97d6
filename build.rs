//! Compiles the locale files (`locales/*.json`, flat key -> text) into
//! static tables, so the widget neither builds a map at start-up nor
//! carries a language it does not speak: each table has its own keys, and
//! the visitor's wasm refers only to English's (the other languages reach
//! it as word packs, `i18n::install`). The language registry
//! (`locales/languages.json`) becomes [`LANGUAGES`]. The staff page's words
//! (`locales/staff/*.json`) are a book of their own, so the visitor's
//! widget never carries them.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::{env, fs, path::Path};

fn main() {
    locales("locales", "locale_tables.rs");
    languages("locales/languages.json", "languages.rs");
    locales("locales/staff", "staff_tables.rs");
    // Released versions' question and option words, frozen as they
    // shipped: the staff page and the command line only.
    locales("locales/frozen/v3", "frozen_v3_tables.rs");
    // The element's attributes in words (label, description): the command
    // line's `carepath schema` only.
    locales("locales/schema", "schema_tables.rs");
}

/// A Rust name for a language id (`zh-Hans` -> `ZH_HANS`).
fn ident(id: &str) -> String {
    id.replace('-', "_").to_uppercase()
}

fn languages(path: &str, file: &str) {
    println!("cargo::rerun-if-changed={path}");
    let text = fs::read_to_string(path).expect("the language registry is readable");
    let json: serde_json::Value = serde_json::from_str(&text).expect("languages.json is JSON");
    let list = json["languages"]
        .as_array()
        .expect("languages.json: a `languages` list");
    let str_of = |v: &serde_json::Value, k: &str| -> String {
        v[k].as_str()
            .unwrap_or_else(|| panic!("languages.json: {k} is text in {v}"))
            .to_string()
    };
    let mut out = String::new();
    writeln!(out, "pub static LANGUAGES: [Language; {}] = [", list.len()).unwrap();
    for l in list {
        let id = str_of(l, "id");
        assert!(
            Path::new(&format!("locales/{id}.json")).is_file(),
            "languages.json: {id} has no locales/{id}.json"
        );
        let dir = str_of(l, "dir");
        assert!(
            dir == "ltr" || dir == "rtl",
            "languages.json: {id}'s dir is ltr or rtl"
        );
        let code = l["code"]
            .as_u64()
            .filter(|c| *c < 32)
            .expect("code: 0 to 31");
        let also: Vec<String> = l["also"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        let plural: Vec<(String, String)> = l["plural"]
            .as_object()
            .map(|o| {
                o.iter()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                    .collect()
            })
            .unwrap_or_default();
        writeln!(
            out,
            "    Language {{ id: {id:?}, name: {:?}, rtl: {}, code: {code}, on: {}, also: &{also:?}, plural: &{plural:?}, reviewed: {:?} }},",
            str_of(l, "name"),
            dir == "rtl",
            l["on"].as_bool().unwrap_or(false),
            l["reviewed"].as_str(),
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
    // The attribute values, as the element schema lists them.
    let ids: Vec<String> = list.iter().map(|l| str_of(l, "id")).collect();
    let on: Vec<String> = list
        .iter()
        .filter(|l| l["on"].as_bool().unwrap_or(false))
        .map(|l| str_of(l, "id"))
        .collect();
    let mut values = vec!["auto".to_string()];
    values.extend(ids.iter().cloned());
    writeln!(out, "/// `locale`'s values: `auto` and every language.\npub static LOCALE_VALUES: [&str; {}] = {values:?};", values.len()).unwrap();
    writeln!(
        out,
        "/// `languages`'s values: every language.\npub static LANGUAGE_IDS: [&str; {}] = {ids:?};",
        ids.len()
    )
    .unwrap();
    writeln!(out, "/// `languages` when absent: the languages on by default.\npub static DEFAULT_LANGUAGES: &str = {:?};", on.join(" ")).unwrap();
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join(file);
    fs::write(dest, out).expect("OUT_DIR is writable");
}

fn locales(dir: &str, file: &str) {
    println!("cargo::rerun-if-changed={dir}");
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("the locale folder is readable")
        .map(|e| e.expect("locales/ entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter(|p| !p.ends_with("languages.json"))
        .collect();
    files.sort();
    let mut out = String::new();
    let mut all = Vec::new();
    for path in files {
        let id = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = fs::read_to_string(&path).expect("locale file is readable");
        let map: BTreeMap<String, String> = serde_json::from_str(&text).unwrap_or_else(|e| {
            panic!("{}: not a flat JSON object of strings: {e}", path.display())
        });
        println!("cargo::rerun-if-changed={}", path.display());
        let name = ident(&id);
        let (key_text, key_ends) = blob(map.keys().map(String::as_str));
        let (text, ends) = blob(map.values().map(String::as_str));
        writeln!(
            out,
            "pub static {name}: Table = Table {{ keys: &Keys {{ text: {key_text:?}, ends: {} }}, text: {text:?}, ends: {} }};",
            ends_of(&key_ends),
            ends_of(&ends),
        )
        .unwrap();
        all.push((id, name));
    }
    // Every table of the book, by id: the command line and the staff page
    // (the visitor's widget names only English, so only English is in it).
    writeln!(
        out,
        "pub static TABLES: [(&str, &Table); {}] = [",
        all.len()
    )
    .unwrap();
    for (id, name) in &all {
        writeln!(out, "    ({id:?}, &{name}),").unwrap();
    }
    writeln!(out, "];").unwrap();
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join(file);
    fs::write(dest, out).expect("OUT_DIR is writable");
}

/// Two bytes an end where the blob is under 64 KB, else four.
fn ends_of(ends: &[u32]) -> String {
    if ends.last().is_none_or(|e| *e <= u32::from(u16::MAX)) {
        format!("Ends::Short(&{ends:?})")
    } else {
        format!("Ends::Long(&{ends:?})")
    }
}

/// The texts end to end, and where each one ends.
fn blob<'a>(texts: impl Iterator<Item = &'a str>) -> (String, Vec<u32>) {
    let mut all = String::new();
    let mut ends = Vec::new();
    for t in texts {
        all.push_str(t);
        ends.push(u32::try_from(all.len()).expect("a locale's texts fit in 4 GB"));
    }
    (all, ends)
}
