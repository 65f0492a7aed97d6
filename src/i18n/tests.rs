use std::collections::BTreeSet;

use super::*;
use crate::assessment::internals::RULES;
use crate::assessment::QUESTIONS;
use crate::assessment::{Day, Dimension, FirstContact, Flag, Level, Q};

/// Every key the widget looks up (keys built from ids included).
pub fn keys_used() -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for q in &QUESTIONS {
        keys.push(format!("q.{}.legend", q.id));
        if q.id != Q::DangerNow {
            // The result names skipped questions by these.
            keys.push(format!("q.{}.short", q.id));
        }
        for o in q.options {
            keys.push(format!("q.{}.opt.{o}", q.id));
        }
    }
    for l in Level::ALL {
        for part in ["name", "about", "day"] {
            keys.push(format!("level.{l}.{part}"));
        }
    }
    for f in Flag::ALL {
        keys.push(format!("flag.{f}"));
    }
    for r in RULES.iter().filter(|r| r.dimension.is_some()) {
        keys.extend(r.keys().into_iter().map(|k| format!("reason.{k}")));
    }
    for d in Dimension::ALL {
        keys.push(format!("dim.{d}"));
        keys.push(format!("reason.{d}_none"));
    }
    for step in [
        "medically_managed",
        "medically_managed.pregnant_opioids",
        "medically_managed.pregnant",
        "ambulatory",
        "ambulatory_taper",
    ] {
        keys.push(format!("first.{step}.heading"));
        keys.push(format!("first.{step}.body"));
    }
    for c in FirstContact::ALL {
        keys.push(format!("contact.{c}"));
    }
    // The payment step's options and the payers its sentences name.
    for payer in crate::screens::result::pay::PAYERS {
        keys.push(format!("pay.opt.{payer}"));
    }
    for payer in ["medicaid", "medicare", "tricare", "va", "self_pay"] {
        keys.push(format!("pay.name.{payer}"));
    }
    for d in Day::ALL {
        keys.push(format!("day.{d}"));
        keys.push(format!("day_short.{d}"));
    }
    keys
}

fn locales() -> Vec<Texts> {
    language_ids().map(Texts::for_locale).collect()
}

/// A key's base: without the "they" (`.they`), singular (`.one`) and
/// one-value range (`.single`) suffixes.
fn base(key: &str) -> &str {
    let mut key = key;
    for suffix in [".they", ".zero", ".one", ".two", ".few", ".many", ".single"] {
        key = key.strip_suffix(suffix).unwrap_or(key);
    }
    key
}

/// The plural category a key is the form of, if any.
fn category(key: &str) -> Option<&'static str> {
    let key = key.strip_suffix(".they").unwrap_or(key);
    ["zero", "one", "two", "few", "many"]
        .into_iter()
        .find(|c| key.ends_with(&format!(".{c}")))
}

/// The whole numbers 0 to 1000 in a language's plural category.
fn numbers_in(lang: &str, cat: &str) -> Vec<u64> {
    let t = Texts::for_locale(lang);
    (0..=1000).filter(|n| t.plural(*n) == cat).collect()
}

fn placeholders(text: &str) -> BTreeSet<String> {
    text.split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name.to_string()))
        .collect()
}

/// Every string literal in the widget's and the i18n module's source that
/// looks like a key (`a.b`, lowercase): the keys looked up by name.
fn literal_keys() -> BTreeSet<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    // Every screen is in src/screens (the loader draws them from there too).
    let mut files = vec![root.join("i18n/mod.rs")];
    let mut dirs = vec![
        root.join("screens"),
        root.join("web"),
        root.join("host_config"),
    ];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    let looks_like_key = |s: &str| {
        s.contains('.')
            && !s.starts_with('.')
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.')
    };
    let mut keys = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(file).unwrap();
        for (i, literal) in text.split('"').enumerate() {
            if i % 2 == 1 && looks_like_key(literal) {
                keys.insert(literal.to_string());
            }
        }
    }
    keys
}

#[test]
fn every_locale_has_every_key_built_from_contract_ids() {
    for texts in locales() {
        for key in keys_used() {
            assert!(
                texts.keys().any(|k| k == key),
                "{} is missing {key}",
                texts.lang()
            );
        }
    }
}

#[test]
fn every_key_exists_in_every_locale() {
    let all = locales();
    let bases = |t: &Texts| {
        t.keys()
            .filter(|k| base(k) == *k)
            .map(String::from)
            .collect::<BTreeSet<_>>()
    };
    let en = bases(&all[0]);
    for texts in &all[1..] {
        let other = bases(texts);
        assert_eq!(
            en.symmetric_difference(&other).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "en and {} differ",
            texts.lang()
        );
    }
    // A variant ("they", a plural form) has its base in the same locale,
    // and a plural form is one the language's rules have.
    for texts in &all {
        for key in texts.keys() {
            assert!(
                texts.keys().any(|k| k == base(key)),
                "{}: {key} has no base",
                texts.lang()
            );
            if let Some(cat) = category(key) {
                assert!(
                    !numbers_in(texts.lang(), cat).is_empty(),
                    "{}: {key}: the language has no {cat} form",
                    texts.lang()
                );
            }
        }
    }
}

/// Every count English says in a singular form has, in each language,
/// a form for every plural category the language has (Arabic: zero, one,
/// two, few, many and other), so no count reads as another category's.
#[test]
fn every_count_has_every_plural_form_its_language_has() {
    let en = Texts::english();
    let counted: Vec<&str> = en
        .keys()
        .filter(|k| k.ends_with(".one"))
        .map(|k| &k[..k.len() - 4])
        .collect();
    assert!(counted.contains(&"week.picture"), "{counted:?}");
    for lang in language_ids() {
        let texts = Texts::for_locale(lang);
        let has = |k: &str| texts.keys().any(|x| x == k);
        for cat in ["zero", "one", "two", "few", "many"] {
            let numbers = numbers_in(lang, cat);
            if numbers.is_empty() || numbers == [1_000_000] {
                continue;
            }
            // A category that holds many numbers (Tagalog's "one" holds
            // 1, 2, 3, 5, 7, ...) needs no form of its own: `other` says
            // `{n}` for all.
            if numbers.len() > 1 && !has(&format!("{}.{cat}", counted[0])) {
                continue;
            }
            for key in &counted {
                assert!(has(&format!("{key}.{cat}")), "{lang}: {key}.{cat}");
            }
        }
    }
}

/// The plural rules (languages.json, from CLDR) read as CLDR says, for the
/// numbers the widget counts: checked by hand here; `tests/e2e` checks
/// 0 to 1000 against the browser's Intl.PluralRules.
#[test]
fn plural_categories_follow_cldr() {
    let cat = |lang: &str, n: u64| Texts::for_locale(lang).plural(n);
    assert_eq!(
        [0, 1, 2, 5].map(|n| cat("en", n)),
        ["other", "one", "other", "other"]
    );
    assert_eq!([0, 1, 2].map(|n| cat("es", n)), ["other", "one", "other"]);
    assert_eq!(cat("es", 1_000_000), "many");
    for lang in ["zh-Hans", "zh-Hant", "vi", "ko"] {
        assert!((0..200).all(|n| cat(lang, n) == "other"), "{lang}");
    }
    assert_eq!(
        [0, 1, 2, 3, 4, 5, 6, 9, 10, 14, 16].map(|n| cat("tl", n)),
        ["one", "one", "one", "one", "other", "one", "other", "other", "one", "other", "other"]
    );
    assert_eq!(
        [0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111].map(|n| cat("ar", n)),
        ["zero", "one", "two", "few", "few", "many", "many", "other", "other", "few", "many"]
    );
}

/// Tags to languages (issue 25's lookup), and the visitor's language
/// among those the center offers.
#[test]
fn tags_find_their_language() {
    for (tag, want) in [
        ("zh-Hans", Some("zh-Hans")),
        ("zh", Some("zh-Hans")),
        ("zh-CN", Some("zh-Hans")),
        ("zh-SG", Some("zh-Hans")),
        ("zh-Hans-CN", Some("zh-Hans")),
        ("zh-TW", Some("zh-Hant")),
        ("zh-HK", Some("zh-Hant")),
        ("zh-MO", Some("zh-Hant")),
        ("zh-Hant-HK", Some("zh-Hant")),
        ("zh_tw", Some("zh-Hant")),
        ("fil", Some("tl")),
        ("fil-PH", Some("tl")),
        ("tl-PH", Some("tl")),
        ("es-419", Some("es")),
        ("ar-EG", Some("ar")),
        ("ko-KR", Some("ko")),
        ("vi", Some("vi")),
        ("fr", None),
        ("", None),
    ] {
        assert_eq!(lookup(tag), want, "{tag}");
    }
    let all = LANGUAGE_IDS;
    let langs = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        choose_locale("auto", "", &langs(&["zh-TW"]), &all),
        "zh-Hant"
    );
    // Not offered: the browser's next, then the first offered.
    assert_eq!(
        choose_locale("auto", "", &langs(&["zh-TW", "es"]), &["en", "es"]),
        "es"
    );
    assert_eq!(choose_locale("ar", "", &[], &["es", "ar"]), "ar");
    assert_eq!(choose_locale("auto", "fr", &[], &["es", "vi"]), "es");
}

/// A word pack as the build ships it installs, and its words are the
/// locale file's; a bad one is refused with why.
#[test]
fn a_word_pack_installs_and_a_bad_one_is_refused() {
    let read = |id: &str| -> std::collections::BTreeMap<String, String> {
        let path = format!("{}/locales/{id}.json", env!("CARGO_MANIFEST_DIR"));
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    };
    assert!(install("vi", read("vi")).is_ok());
    assert!(has_words("vi"));
    assert!(install("xx", read("vi"))
        .unwrap_err()
        .contains("xx is not a language"));
    let mut short = read("ko");
    short.remove("bar.call988");
    assert_eq!(
        install("ko", short).unwrap_err(),
        "the ko words lack bar.call988"
    );
}

#[test]
fn placeholders_match_in_every_locale_and_variant() {
    let en = Texts::english();
    for texts in locales() {
        for key in texts.keys() {
            let mut want = placeholders(en.t(base(key)));
            let have = placeholders(texts.t(key));
            // A one-value form says the range's one value as `{n}`.
            if key.contains(".single") {
                want.remove("min");
                want.remove("max");
                want.insert("n".to_string());
            }
            // A plural form may spell its count out ("1 day", Arabic's
            // dual) only where its category holds one number alone.
            let ok = match category(key) {
                Some(cat) if numbers_in(texts.lang(), cat).len() == 1 => have.is_subset(&want),
                _ => have == want,
            };
            assert!(ok, "{} {key}: {have:?}, English has {want:?}", texts.lang());
        }
    }
}

/// A range written `{min}` ... `{max}` of one value is that value
/// (`Texts::f` picks `key.single`): every such key has its one-value form,
/// in every wording, in every locale.
#[test]
fn every_range_has_its_one_value_form_in_every_locale_and_wording() {
    let en = Texts::english();
    let ranges: Vec<&str> = en
        .keys()
        .filter(|k| base(k) == *k && placeholders(en.t(k)).contains("min"))
        .collect();
    assert!(ranges.contains(&"phase.core"), "{ranges:?}");
    for texts in locales() {
        let has = |k: &str| texts.keys().any(|x| x == k);
        for key in &ranges {
            assert!(
                has(&format!("{key}.single")),
                "{} {key}.single",
                texts.lang()
            );
            if has(&format!("{key}.they")) {
                assert!(
                    has(&format!("{key}.single.they")),
                    "{} {key}.single.they",
                    texts.lang()
                );
            }
        }
    }
}

#[test]
fn a_range_of_one_value_says_the_value_once() {
    let en = Texts::english();
    let es = Texts::for_locale("es");
    let args = |min: &'static str, max: &'static str| [("min", min), ("max", max)];
    assert_eq!(en.f("week.band_days", &args("3", "5")), "3 to 5 days");
    assert_eq!(en.f("week.band_days", &args("5", "5")), "5 days");
    assert_eq!(en.f("week.band_days", &args("1", "1")), "1 day");
    assert_eq!(es.f("week.band_days", &args("3", "5")), "de 3 a 5 días");
    assert_eq!(es.f("week.band_days", &args("5", "5")), "5 días");
    assert_eq!(es.f("week.band_days", &args("1", "1")), "1 día");
    // The other placeholders are filled as ever, in the "they" wording too.
    let body = en
        .they(true)
        .f("first.medically_managed.body", &args("4", "4"));
    assert!(
        body.contains("about 4 days,") && body.contains("they should"),
        "{body}"
    );
    let step = es.f(
        "phase.step_down",
        &[
            ("level", "Atención ambulatoria"),
            ("min", "2"),
            ("max", "2"),
        ],
    );
    assert_eq!(step, "Después: Atención ambulatoria, por unas 2 semanas.");
}

/// Keys a question may have (hint, help), looked up for every question.
fn optional_keys() -> Vec<String> {
    QUESTIONS
        .iter()
        .flat_map(|q| [format!("q.{}.hint", q.id), format!("q.{}.help", q.id)])
        .collect()
}

#[test]
fn no_key_is_unused() {
    let used: BTreeSet<String> = keys_used()
        .into_iter()
        .chain(optional_keys())
        .chain(literal_keys())
        .collect();
    for key in Texts::english().keys() {
        assert!(
            used.contains(base(key)),
            "{key} is in the locale files but the widget never looks it up"
        );
    }
}

#[test]
fn auto_follows_the_browser_languages_with_english_as_fallback() {
    let langs = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        choose_locale("auto", "", &langs(&["es-MX", "en-US"]), &["en", "es"]),
        "es"
    );
    assert_eq!(
        choose_locale("auto", "", &langs(&["fr-FR", "es"]), &["en", "es"]),
        "es"
    );
    assert_eq!(
        choose_locale("auto", "", &langs(&["fr-FR"]), &["en", "es"]),
        "en"
    );
    assert_eq!(choose_locale("auto", "", &[], &["en", "es"]), "en");
    assert_eq!(
        choose_locale("es", "", &langs(&["en-US"]), &["en", "es"]),
        "es"
    );
    assert_eq!(choose_locale("de", "", &[], &["en", "es"]), "en");
    // A Spanish page speaks Spanish to an English browser; an English or
    // unsupported page leaves it to the browser.
    assert_eq!(
        choose_locale("auto", "es-US", &langs(&["en-US"]), &["en", "es"]),
        "es"
    );
    assert_eq!(
        choose_locale("auto", "en", &langs(&["es-MX"]), &["en", "es"]),
        "es"
    );
    assert_eq!(
        choose_locale("auto", "fr", &langs(&["en-US"]), &["en", "es"]),
        "en"
    );
    assert_eq!(choose_locale("en", "es", &[], &["en", "es"]), "en");
}

#[test]
fn spanish_uses_a_24_hour_clock_and_a_decimal_comma() {
    let es = Texts::for_locale("es");
    assert_eq!(clock(&es, 18 * 60), "18:00");
    assert_eq!(clock(&es, 9 * 60 + 30), "9:30");
    assert_eq!(es.t("num.decimal"), ",");
}

#[test]
fn they_wording_is_used_only_for_someone_else() {
    let en = Texts::english();
    assert_eq!(en.t("q.age.legend"), "How old are you?");
    assert_eq!(en.they(false).t("q.age.legend"), "How old are you?");
    assert_eq!(en.they(true).t("q.age.legend"), "How old are they?");
    // No "other" form: the plain text serves both.
    assert_eq!(
        en.they(true).t("q.for_whom.legend"),
        en.t("q.for_whom.legend")
    );
}

#[test]
fn a_missing_key_shows_itself() {
    assert_eq!(Texts::english().t("no.such.key"), "no.such.key");
}

#[test]
fn placeholders_are_filled() {
    let en = Texts::english();
    assert_eq!(
        en.f("nav.progress", &[("n", "3"), ("total", "12")]),
        "Question 3 of 12"
    );
}

#[test]
fn english_clock_is_12_hour() {
    let en = Texts::english();
    assert_eq!(clock(&en, 18 * 60), "6 pm");
    assert_eq!(clock(&en, 9 * 60 + 30), "9:30 am");
    assert_eq!(clock(&en, 12 * 60), "12 pm");
    assert_eq!(clock(&en, 0), "12 am");
}

#[test]
fn counts_of_one_use_the_singular() {
    let en = Texts::english();
    let one = en.f("week.summary", &[("n", "1"), ("hours", "2")]);
    assert_eq!(one, "About 2 hours a week, on 1 day:");
    let three = en.f("week.summary", &[("n", "3"), ("hours", "9"), ("days", "3")]);
    assert_eq!(three, "About 9 hours a week, on 3 days:");
}

#[test]
fn the_web_layer_has_one_lookup_and_never_passes_they_by_hand() {
    // "They" is chosen inside `Texts::t` (the context's texts know who the
    // check is for); plurals inside `Texts::f`.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web");
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            for old in [".tw(", ".fw(", ".fcount("] {
                assert!(!source.contains(old), "{}: {old}", path.display());
            }
        }
    }
}

/// The compiled tables (build.rs) hold exactly what each locale file says.
#[test]
fn the_compiled_tables_match_the_locale_files() {
    for id in language_ids() {
        let path = format!("{}/locales/{id}.json", env!("CARGO_MANIFEST_DIR"));
        let file: std::collections::BTreeMap<String, String> =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let texts = Texts::for_locale(id);
        let keys: Vec<&str> = texts.keys().collect();
        assert_eq!(
            keys,
            file.keys().map(String::as_str).collect::<Vec<_>>(),
            "{id}"
        );
        for (key, value) in &file {
            assert_eq!(texts.t(key), value, "{id}: {key}");
        }
    }
    // A key only another locale has is missing here, and shows as itself.
    assert_eq!(Texts::english().t("no.such.key"), "no.such.key");
}

/// The widget's locales are the files in locales/, English first: the
/// loader (embed/build.mjs) takes its language switch order from
/// the folder, the widget from LOCALES.
#[test]
fn the_locales_are_the_locale_files_in_the_loaders_order() {
    let mut files: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/locales"))
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".json").map(str::to_string)
        })
        .collect();
    files.retain(|f| f != "languages");
    files.sort();
    let mut ids: Vec<&str> = language_ids().collect();
    ids.sort();
    assert_eq!(
        ids, files,
        "each words file has its entry in languages.json"
    );
    assert_eq!(
        language_ids().next(),
        Some("en"),
        "English first: the fallback"
    );
}

#[test]
fn a_host_value_is_isolated_so_a_bidi_override_ends_with_it() {
    let name = isolate("\u{202E}Evil Center\u{2069}\u{202E}");
    assert_eq!(name, "\u{2068}Evil Center\u{2069}");
    let text = Texts::english().f("action.call", &[("center", &name)]);
    // No override reaches the text, and the one PDI is the isolation's.
    assert!(!text.contains('\u{202E}'));
    assert_eq!(text.matches('\u{2069}').count(), 1);
}

/// After "Copied", nothing suggests putting the code in an email: codes
/// stay out of email (README, privacy).
#[test]
fn the_copied_message_does_not_suggest_email() {
    for id in language_ids() {
        let text = Texts::for_locale(id).t("code.copied").to_lowercase();
        for word in ["email", "e-mail", "correo", "mail"] {
            assert!(!text.contains(word), "{id}: {text}");
        }
    }
}
