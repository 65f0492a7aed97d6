//! Compiles the locale files (`locales/*.json`, flat key -> text) into
//! static tables, so the widget neither ships a JSON parser for them nor
//! builds a map at start-up, and each key is stored once for all locales.
//! The staff page's words (`locales/staff/*.json`) are a book of their own,
//! so the visitor's widget never carries them.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::{env, fs, path::Path};

fn main() {
    locales("locales", "locale_tables.rs");
    locales("locales/staff", "staff_tables.rs");
    // Released versions' question and option words, frozen as they
    // shipped: the staff page and the command line only.
    locales("locales/frozen/v3", "frozen_v3_tables.rs");
    // The element's attributes in words (label, description): the command
    // line's `carepath schema` only.
    locales("locales/schema", "schema_tables.rs");
}

fn locales(dir: &str, file: &str) {
    println!("cargo::rerun-if-changed={dir}");
    let mut locales: Vec<(String, BTreeMap<String, String>)> = Vec::new();
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("the locale folder is readable")
        .map(|e| e.expect("locales/ entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for path in files {
        let id = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = fs::read_to_string(&path).expect("locale file is readable");
        let map: BTreeMap<String, String> = serde_json::from_str(&text).unwrap_or_else(|e| {
            panic!("{}: not a flat JSON object of strings: {e}", path.display())
        });
        println!("cargo::rerun-if-changed={}", path.display());
        locales.push((id, map));
    }
    let keys: BTreeSet<&str> = locales
        .iter()
        .flat_map(|(_, m)| m.keys().map(String::as_str))
        .collect();

    let mut out = String::new();
    let (key_text, key_ends) = blob(keys.iter().copied());
    writeln!(
        out,
        "/// Every key of every locale, sorted, end to end.\npub static KEYS: Keys = Keys {{ text: {key_text:?}, ends: &{key_ends:?} }};"
    )
    .unwrap();
    for (id, map) in &locales {
        let values = keys.iter().map(|k| map.get(*k).map_or("", String::as_str));
        let (text, ends) = blob(values);
        let missing: Vec<usize> = keys
            .iter()
            .enumerate()
            .filter(|(_, k)| !map.contains_key(**k))
            .map(|(i, _)| i)
            .collect();
        writeln!(
            out,
            "pub static {}: Table = Table {{ keys: &KEYS, text: {text:?}, ends: &{ends:?}, missing: &{missing:?} }};",
            id.to_uppercase()
        )
        .unwrap();
    }
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join(file);
    fs::write(dest, out).expect("OUT_DIR is writable");
}

/// The texts end to end, and where each one ends.
fn blob<'a>(texts: impl Iterator<Item = &'a str>) -> (String, Vec<u16>) {
    let mut all = String::new();
    let mut ends = Vec::new();
    for t in texts {
        all.push_str(t);
        ends.push(u16::try_from(all.len()).expect("a locale's texts fit in 64 KB"));
    }
    (all, ends)
}
