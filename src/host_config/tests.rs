use std::collections::HashMap;

use super::*;

fn config(attrs: &[(&str, &str)]) -> (Config, Vec<String>) {
    let map: HashMap<String, String> = attrs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    from_attributes(|name| map.get(name).cloned())
}

#[test]
fn the_readme_example_parses_without_warnings() {
    let (c, warnings) = config(&[
        ("center-name", "Riverside Recovery"),
        ("phone", "+1-555-010-0199"),
        ("contact-url", "https://riverside.example/intake"),
        (
            "offers",
            "outpatient intensive_outpatient ambulatory_withdrawal",
        ),
        ("iop-schedule", "Mon Wed Thu 18:00-21:00"),
        ("locale", "auto"),
    ]);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(c.phone.as_deref(), Some("+15550100199"));
    let center = c.center.unwrap();
    assert_eq!(
        center.offers,
        Some(vec![
            Offer::Outpatient,
            Offer::IntensiveOutpatient,
            Offer::AmbulatoryWithdrawal
        ])
    );
    let iop = &center.schedules[&Level::IntensiveOutpatient];
    assert_eq!(iop.len(), 3);
    assert!(!c.remember && !c.share_result && !c.share_answers);
}

#[test]
fn no_attributes_is_a_working_default() {
    let (c, warnings) = config(&[]);
    assert!(warnings.is_empty());
    assert_eq!(c.locale, "auto");
    assert_eq!(c.center, None);
}

#[test]
fn schedules_follow_the_grammar() {
    let s = parse_schedule("Mon Wed Thu 18:00-21:00; Sat 09:00-12:00").unwrap();
    let text: Vec<String> = s
        .iter()
        .map(|s| format!("{} {}-{}", s.day, s.start, s.end))
        .collect();
    assert_eq!(
        text,
        [
            "mon 18:00-21:00",
            "wed 18:00-21:00",
            "thu 18:00-21:00",
            "sat 09:00-12:00"
        ]
    );
    assert!(parse_schedule("mon tue 9:60-12:00")
        .unwrap_err()
        .contains("9:60"));
    assert!(parse_schedule("Monday 09:00-12:00")
        .unwrap_err()
        .contains("\"Monday\" is not a day"));
    assert!(parse_schedule("Mon 21:00-18:00")
        .unwrap_err()
        .contains("ends before it starts"));
    assert!(parse_schedule("18:00-21:00")
        .unwrap_err()
        .contains("names no day"));
    assert!(parse_schedule("Mon evenings").is_err());
    assert!(parse_schedule(" ; ").is_err());
}

/// The forms centers write: day ranges, commas, 12-hour times.
#[test]
fn schedules_take_day_ranges_and_12_hour_times() {
    let text = |t: &str| -> Vec<String> {
        parse_schedule(t)
            .unwrap_or_else(|e| panic!("{t}: {e}"))
            .iter()
            .map(|s| format!("{} {}-{}", s.day, s.start, s.end))
            .collect()
    };
    assert_eq!(
        text("Mon-Fri 6pm-9pm"),
        ["mon", "tue", "wed", "thu", "fri"].map(|d| format!("{d} 18:00-21:00"))
    );
    assert_eq!(
        text("Mon, Wed 6:30-9pm"),
        ["mon 18:30-21:00", "wed 18:30-21:00"]
    );
    assert_eq!(text("Sat 9-12pm"), ["sat 09:00-12:00"]);
    assert_eq!(text("Sat 9am-12:30PM"), ["sat 09:00-12:30"]);
    assert_eq!(text("Tue 9:00-12:00"), ["tue 09:00-12:00"]);
    assert_eq!(text("Sun 12am-1am"), ["sun 00:00-01:00"]);
    assert_eq!(text("Mon-Wed 09:00-12:00; Sat-Sun 10am-1pm").len(), 5);
    for (bad, says) in [
        ("Fri-Mon 6pm-9pm", "runs backwards"),
        ("Mon 6-9", "\"9\" is not a time"),
        ("Mon 1pm-13pm", "13pm"),
        ("Mon 9pm-6pm", "ends before it starts"),
        ("Mon-Funday 6pm-9pm", "\"Funday\" is not a day"),
    ] {
        let e = parse_schedule(bad).unwrap_err();
        assert!(e.contains(says), "{bad}: {e}");
    }
}

#[test]
fn bad_values_warn_once_naming_the_attribute_and_fall_back() {
    let (c, warnings) = config(&[
        ("phone", "call us"),
        ("contact-url", "javascript:alert(1)"),
        ("offers", "outpatient detox"),
        ("iop-schedule", "evenings"),
        ("locale", "fr"),
        ("remember", "forever"),
        ("share-answers", ""),
    ]);
    assert_eq!(warnings.len(), 7, "{warnings:#?}");
    for (w, name) in warnings.iter().zip([
        "phone=",
        "contact-url=",
        "offers:",
        "iop-schedule=",
        "locale=",
        "remember=",
        "share-answers",
    ]) {
        assert!(w.starts_with(name), "{w}");
    }
    assert!(warnings[1].contains("https:, http:, mailto: or tel:"));
    assert!(warnings[3].contains("Mon-Thu 6pm-9pm"));
    assert_eq!(c.phone, None);
    assert_eq!(c.contact_url, None);
    assert_eq!(c.center.unwrap().offers, Some(vec![Offer::Outpatient]));
    assert_eq!(c.locale, "auto", "an unknown language is chosen as auto");
    assert!(!c.remember && !c.share_answers);
}

#[test]
fn only_safe_link_schemes_are_accepted() {
    for ok in [
        "https://x.org",
        "HTTP://x.org",
        "mailto:a@b.org",
        "tel:+15550100199",
    ] {
        assert!(safe_link(ok), "{ok}");
    }
    for bad in [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,x",
        "//x.org",
        "ftp://x",
    ] {
        assert!(!safe_link(bad), "{bad}");
    }
}

#[test]
fn phone_numbers() {
    assert_eq!(parse_phone("(555) 010-0199").as_deref(), Some("5550100199"));
    assert_eq!(
        parse_phone("+1 555.010.0199").as_deref(),
        Some("+15550100199")
    );
    assert_eq!(parse_phone("12"), None);
    assert_eq!(parse_phone("555-0199 ext 2"), None);
    assert_eq!(parse_phone("1+555"), None);
}

#[test]
fn the_number_is_kept_as_the_center_wrote_it_for_people_to_read() {
    for (written, tel) in [
        ("+1-555-010-0199", "+15550100199"),
        ("  (555) 010-0199 ", "5550100199"),
        ("+44 20 7946 0958", "+442079460958"),
    ] {
        let (c, w) = config(&[("phone", written)]);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c.phone.as_deref(), Some(tel), "the tel: form");
        assert_eq!(c.phone_shown.as_deref(), Some(written.trim()), "as written");
    }
    let (c, _) = config(&[]);
    assert_eq!((c.phone, c.phone_shown), (None, None));
}

#[test]
fn opt_ins_are_boolean_attributes() {
    let (c, w) = config(&[
        ("share-progress", ""),
        ("share-result", ""),
        ("share-answers", ""),
        ("remember", "session"),
        ("id", "care-check"),
        ("shadow", "open"),
    ]);
    assert!(w.is_empty(), "{w:?}");
    assert!(c.share_progress && c.share_result && c.share_answers && c.remember && c.open_shadow);
    let (c, _) = config(&[("share-result", "false")]);
    assert!(!c.share_result);
}

#[test]
fn the_locale_attribute_accepts_every_language_the_center_offers() {
    let all = crate::i18n::LANGUAGE_IDS.join(" ");
    for id in crate::i18n::language_ids() {
        let (c, w) = config(&[("locale", id), ("languages", &all)]);
        assert!(w.is_empty(), "{id}: {w:?}");
        assert_eq!(c.locale, id);
    }
    // Tags that mean a language, as the lookup reads them.
    for (tag, id) in [
        ("zh-TW", "zh-Hant"),
        ("zh-HK", "zh-Hant"),
        ("zh-CN", "zh-Hans"),
        ("fil", "tl"),
        ("AR", "ar"),
    ] {
        let (c, w) = config(&[("locale", tag), ("languages", &all)]);
        assert!(w.is_empty(), "{tag}: {w:?}");
        assert_eq!(c.locale, id, "{tag}");
    }
}

#[test]
fn a_language_reaches_a_visitor_only_when_the_center_lists_it() {
    // By default: English and Spanish, as shipped.
    let (c, w) = config(&[]);
    assert_eq!((c.languages.as_slice(), w.len()), (&["en", "es"][..], 0));
    // Asked for but not listed: one warning naming both, and auto.
    let (c, w) = config(&[("locale", "ar")]);
    assert_eq!(c.locale, "auto");
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(
        w[0].starts_with("locale=\"ar\" is not among languages=\"en es\""),
        "{w:?}"
    );
    // Listed: in the registry's order, unknown ids named and left out.
    let (c, w) = config(&[("languages", "ar xx vi zh-TW es")]);
    assert_eq!(c.languages, ["es", "zh-Hant", "vi", "ar"]);
    assert_eq!(w.len(), 1);
    assert!(
        w[0].starts_with("languages: \"xx\" is not a language"),
        "{w:?}"
    );
    // Nothing known: the defaults.
    let (c, _) = config(&[("languages", "fr de")]);
    assert_eq!(c.languages, ["en", "es"]);
    // Free language help only when the center says so.
    assert!(!config(&[]).0.free_language_help);
    assert!(config(&[("language-help", "free")]).0.free_language_help);
    let (c, w) = config(&[("language-help", "yes")]);
    assert!(!c.free_language_help && w[0].starts_with("language-help=\"yes\""));
}

#[test]
fn a_center_phone_is_never_an_emergency_line_or_too_short() {
    // A "Call the center" button must never dial 911 or 988.
    for bad in ["(((((((((((911", "911", "988", "+1 911", "1-988", "0199"] {
        assert_eq!(parse_phone(bad), None, "{bad}");
        let (c, w) = config(&[("phone", bad)]);
        assert_eq!(c.phone, None, "{bad}");
        assert_eq!(c.phone_shown, None, "{bad}");
        assert!(w[0].starts_with("phone="), "{w:?}");
    }
    assert_eq!(parse_phone("555-010-0199").as_deref(), Some("5550100199"));
    assert_eq!(
        parse_phone("+44 20 7946 0958").as_deref(),
        Some("+442079460958")
    );
}

#[test]
fn overlapping_schedule_groups_are_refused_not_counted_twice() {
    let e = parse_schedule("Mon 18:00-22:00; Mon 19:00-21:00").unwrap_err();
    assert!(e.contains("overlaps"), "{e}");
    let (c, w) = config(&[("iop-schedule", "Mon Wed 18:00-21:00; Wed 20:00-22:00")]);
    assert!(c.center.is_none());
    assert!(w[0].contains("overlaps"), "{w:?}");
    // Back to back is fine.
    assert!(parse_schedule("Mon 18:00-20:00; Mon 20:00-21:00").is_ok());
    let e = crate::assessment::Center::from_json(
        r#"{"schedules": {"outpatient": [{"days": ["mon"], "start": "18:00", "end": "21:00"}, {"days": ["mon"], "start": "19:00", "end": "20:00"}]}}"#,
    )
    .unwrap_err();
    assert!(e.to_string().contains("must not overlap"), "{e}");
}

#[test]
fn remember_needs_an_id() {
    let (c, w) = config(&[("remember", "session")]);
    assert!(!c.remember);
    assert!(w[0].contains("needs an id"), "{w:?}");
    let (c, w) = config(&[("remember", "session"), ("id", "care-check")]);
    assert!(c.remember && w.is_empty());
}

#[test]
fn forty_thousand_unknown_offers_give_one_short_warning_fast() {
    let many: String = (0..40_000).map(|i| format!("bad{i} ")).collect();
    let started = std::time::Instant::now();
    let (c, w) = config(&[("offers", &format!("outpatient {many}"))]);
    assert_eq!(w.len(), 1);
    assert!(w[0].len() < 600, "{}", w[0].len());
    assert!(w[0].contains("and 39995 more"), "{}", w[0]);
    assert_eq!(c.center.unwrap().offers.unwrap().len(), 1);
    // Generous: a quadratic check took seconds here.
    assert!(started.elapsed().as_millis() < 2_000);
}

#[test]
fn the_start_screen_says_what_the_host_turned_on() {
    assert_eq!(
        config(&[]).0.privacy_keys(),
        ["start.private", "start.private_exit"]
    );
    assert_eq!(
        config(&[("quick-exit", "off")]).0.privacy_keys(),
        ["start.private"]
    );
    let (c, _) = config(&[("share-result", "")]);
    assert_eq!(
        c.privacy_keys(),
        ["start.private_result", "start.private_exit"]
    );
    let (c, _) = config(&[
        ("share-progress", ""),
        ("share-result", ""),
        ("share-answers", ""),
        ("remember", "session"),
        ("id", "x"),
    ]);
    assert_eq!(
        c.privacy_keys(),
        [
            "start.private_progress",
            "start.private_answers",
            "start.private_kept",
            "start.private_exit"
        ]
    );
    // remember without an id keeps nothing, so the promise stands.
    assert_eq!(
        config(&[("remember", "session")]).0.privacy_keys(),
        ["start.private", "start.private_exit"]
    );
}

/// The schema is the one list: the parser reads exactly its attributes
/// (and `id`, which `remember` needs), no more, no fewer.
#[test]
fn the_parser_reads_exactly_the_schemas_attributes() {
    let asked = std::cell::RefCell::new(std::collections::BTreeSet::new());
    let _ = from_attributes(|name| {
        asked.borrow_mut().insert(name.to_string());
        // Every attribute present, so every branch reads what it needs.
        Some(match name {
            "remember" => "session".to_string(),
            _ => "x".to_string(),
        })
    });
    let mut want: std::collections::BTreeSet<String> =
        schema::names().into_iter().map(str::to_string).collect();
    want.insert("id".to_string());
    let asked = asked.into_inner();
    // Theme attributes are read by the loader (constructed stylesheet), not
    // by this parser; the schema names them with their CSS property.
    let theme: std::collections::BTreeSet<String> = schema::theme()
        .into_iter()
        .map(|(n, _, _)| n.to_string())
        .collect();
    let files_and_shadow = ["files", "shadow"];
    for name in &asked {
        assert!(
            want.contains(name),
            "the parser reads {name}, which the schema lacks"
        );
    }
    for name in &want {
        assert!(
            asked.contains(name)
                || theme.contains(name)
                || files_and_shadow.contains(&name.as_str()),
            "the schema declares {name}, which nothing reads"
        );
    }
}

#[test]
fn the_schema_json_has_every_attribute_with_words_in_every_language() {
    let json = schema::json();
    let attrs = json["attributes"].as_array().unwrap();
    assert_eq!(attrs.len(), schema::ATTRIBUTES.len());
    for a in attrs {
        for key in ["name", "kind", "default", "values", "privacy", "wordpress"] {
            assert!(a.get(key).is_some(), "{a}: {key}");
        }
        for (lang, _) in crate::i18n::SCHEMA_LOCALES {
            let label = a["label"][lang].as_str().unwrap();
            let description = a["description"][lang].as_str().unwrap();
            assert!(
                !label.starts_with("attr.") && !description.starts_with("attr."),
                "{lang}: {a}"
            );
        }
        if a["kind"] == "enum" || a["kind"] == "list" {
            assert!(!a["values"].as_array().unwrap().is_empty(), "{a}");
        }
    }
    // Methods and events have keys of their own, and never pair a
    // lower-case `name` with `kind`, `type` or `default` (tools that look
    // for attributes must not mistake them for one).
    for key in ["methods", "events"] {
        for (_, v) in json[key].as_object().unwrap() {
            let o = v.as_object().unwrap();
            assert!(
                !(o.contains_key("name")
                    && (o.contains_key("kind")
                        || o.contains_key("type")
                        || o.contains_key("default")))
            );
        }
    }
}

#[test]
fn the_readme_table_is_the_schemas() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = schema::readme_table();
    assert!(
        readme.contains(&table),
        "README.md's table of every option differs from the schema: paste `carepath schema --readme` there"
    );
}

/// The README gives the iframe form's sandbox flags exactly as declared.
#[test]
fn the_readme_sandbox_is_the_declared_one() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let flat = readme.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(&format!("sandbox=\"{}\"", super::frame_sandbox())),
        "README.md's sandbox flags differ from FRAME_SANDBOX: {}",
        super::frame_sandbox()
    );
}

/// The events the schema declares are the ones the widget sends (its
/// embedding layer, and the loader for quick exit).
#[test]
fn the_schemas_events_are_the_ones_the_widget_sends() {
    let embed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/web/embed.rs")).unwrap();
    let loader = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/embed/loader/element.js"
    ))
    .unwrap();
    let sent: std::collections::BTreeSet<&str> = embed
        .split('"')
        .chain(
            loader
                .split("CustomEvent(\"")
                .skip(1)
                .map(|s| s.split('"').next().unwrap_or("")),
        )
        .filter(|s| s.starts_with("carepath:") && !s.contains(' '))
        .collect();
    let declared: std::collections::BTreeSet<&str> =
        schema::EVENTS.iter().map(|(n, _)| *n).collect();
    assert_eq!(sent, declared);
}

/// The theme's defaults live in the schema alone: the loader writes the
/// stylesheet's `:host` block from it (`theme` in its data), so
/// styles/widget.css names no theme property.
#[test]
fn the_stylesheet_leaves_the_theme_defaults_to_the_schema() {
    let css = crate::screens::declared::STYLESHEET;
    assert!(
        !css.contains("--carepath-"),
        "styles/first.css or widget.css sets a theme property"
    );
    let data = crate::screens::shell::data();
    let theme: Vec<(String, String, String)> =
        serde_json::from_value(data["theme"].clone()).unwrap();
    for a in schema::ATTRIBUTES.iter().filter(|a| a.css.is_some()) {
        let default = if a.default.is_empty() {
            "inherit"
        } else {
            a.default
        };
        assert!(
            theme.contains(&(a.name.into(), a.css.unwrap().into(), default.into())),
            "the loader's theme data lacks {}",
            a.name
        );
        // Every `--cp-` variable the stylesheet uses is a theme attribute's.
    }
    for used in css.split("var(--cp-").skip(1) {
        let name = &used[..used.find(')').unwrap()];
        assert!(
            theme.iter().any(|t| t.0[6..] == *name),
            "styles/*.css uses --cp-{name}, which no theme attribute sets"
        );
    }
}

/// The contrast pairs name theme attributes (or fixed colors), and the
/// light panel they check is the one the stylesheet draws.
#[test]
fn the_contrast_pairs_are_theme_attributes() {
    let css = crate::screens::declared::STYLESHEET;
    assert!(css.contains(&format!("background: {}", schema::LIGHT_PANEL)));
    let theme: Vec<&str> = schema::theme().iter().map(|t| t.0).collect();
    for p in &schema::CONTRAST {
        for side in [p.fg, p.bg].into_iter().chain(p.fix.iter().copied()) {
            assert!(
                theme.contains(&side) || side.starts_with('#'),
                "contrast pair {}: {side} is neither a theme attribute nor a color",
                p.key
            );
        }
        assert!(!p.fix.is_empty());
    }
    for selector in schema::PANELS.split(',') {
        let simple = selector.split(':').next().unwrap().trim();
        assert!(css.contains(simple), "the stylesheet has no {simple}");
    }
}

/// The WordPress plugin keeps no list of attributes: its settings page,
/// sanitizing, block and shortcode read the schema.json it carries, and the
/// block's attributes and fields are written from it by
/// scripts/release.sh. Its sources name an attribute only where the
/// plugin has a rule of its own (remember needs an id; files and shadow
/// are never set).
#[test]
fn the_wordpress_plugin_keeps_no_copy_of_the_attributes() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/release/wordpress/carepath/");
    let block: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}block.json")).unwrap())
            .unwrap();
    assert_eq!(
        block["attributes"],
        serde_json::json!({}),
        "block.json's attributes come from the schema"
    );
    let js = std::fs::read_to_string(format!("{dir}block.js")).unwrap();
    assert!(
        js.contains("const FIELDS = null;") && js.contains("const CHOICES = null;"),
        "block.js's fields come from the schema"
    );
    let own = ["remember", "files", "shadow"];
    for file in ["carepath.php", "settings.js", "block.js"] {
        let text = std::fs::read_to_string(format!("{dir}{file}")).unwrap();
        for a in schema::ATTRIBUTES.iter().filter(|a| !own.contains(&a.name)) {
            for quoted in [format!("'{}'", a.name), format!("\"{}\"", a.name)] {
                assert!(
                    !text.contains(&quoted),
                    "{file} names the attribute {quoted}: read it from schema.json"
                );
            }
            // (Language ids name the schema's words, not the locale's values.)
            for value in a
                .values
                .iter()
                .filter(|_| a.name != "locale" && a.name != "languages")
            {
                assert!(
                    !text.contains(&format!("'{value}'")),
                    "{file} names the value {value}"
                );
            }
        }
    }
}

/// A number that starts like an emergency line is never the center's
/// (911 and 988 are not area codes), and a contact link may not dial one.
#[test]
fn emergency_prefixes_are_refused_as_phones_and_links() {
    for p in [
        "911",
        "988",
        "9115550100",
        "988-555-0100",
        "1-988-555-0100",
        "+1 911 555 0100",
        "(988) 555 0100",
    ] {
        assert_eq!(parse_phone(p), None, "{p}");
        let (c, warnings) = from_attributes(|n| (n == "phone").then(|| p.to_string()));
        assert_eq!(c.phone, None, "{p}");
        assert!(warnings[0].contains("phone="), "{warnings:?}");
    }
    assert_eq!(
        parse_phone("+1-555-010-0199").as_deref(),
        Some("+15550100199")
    );
    for u in [
        "tel:911",
        "TEL:988",
        "tel:+1988",
        "tel:9885550100",
        "tel: 911",
    ] {
        assert!(!safe_link(u), "{u}");
        let (c, warnings) = from_attributes(|n| (n == "contact-url").then(|| u.to_string()));
        assert_eq!(c.contact_url, None, "{u}");
        assert!(warnings[0].contains("own number"), "{warnings:?}");
    }
    assert!(safe_link("tel:+1-555-010-0199"));
}

/// A center's name with bidi controls of its own cannot end its isolation
/// early (a stray U+2069) or reorder what follows (an override).
#[test]
fn host_values_lose_their_bidi_controls_before_isolating() {
    let name = "Riverside\u{2069}\u{202E} Recovery\u{200F}";
    let isolated = crate::i18n::isolate(name);
    assert_eq!(isolated, "\u{2068}Riverside Recovery\u{2069}");
    for c in crate::i18n::BIDI_CONTROLS {
        let inner = &isolated['\u{2068}'.len_utf8()..isolated.len() - '\u{2069}'.len_utf8()];
        assert!(!inner.contains(c), "{c:?}");
    }
}

/// The README's quick-start snippet carries the emergency line as the
/// element's fallback content, exactly as the schema gives it.
#[test]
fn the_readme_snippet_has_the_fallback_line() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let fallback = crate::screens::fallback_html(&crate::i18n::Texts::english());
    assert!(
        readme.contains(&format!("{fallback}</carepath-assessment>")),
        "README.md's snippet lacks the fallback {fallback}"
    );
    assert!(fallback.contains("href=\"tel:911\"") && fallback.contains("href=\"tel:988\""));
}

#[test]
fn how_people_pay_is_read_and_checked() {
    let (c, w) = config(&[
        ("payment", "free private bitcoin medicaid"),
        ("medicaid-state", "wa"),
        ("plans", " Aetna ;; Premera Blue Cross ; "),
        ("payment-note", "Ask us about payment plans."),
        ("sms", "+1 (555) 010-0123"),
    ]);
    // Kept in the schema's order; the unknown one named and left out.
    assert_eq!(c.payment, ["medicaid", "private", "free"]);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].starts_with("payment: \"bitcoin\" is not a way to pay"));
    assert_eq!(c.medicaid_state.as_deref(), Some("WA"));
    assert_eq!(c.plans, ["Aetna", "Premera Blue Cross"]);
    assert_eq!(
        c.payment_note.as_deref(),
        Some("Ask us about payment plans.")
    );
    assert_eq!(c.sms.as_deref(), Some("+15550100123"));
    // Refused: not a state, an emergency line, too many plans.
    let many = (0..25)
        .map(|i| format!("Plan {i}"))
        .collect::<Vec<_>>()
        .join(";");
    let (c, w) = config(&[
        ("medicaid-state", "Washington"),
        ("sms", "988"),
        ("plans", &many),
    ]);
    assert_eq!(
        (c.medicaid_state, c.sms, c.plans.len()),
        (None, None, super::PLANS_MAX)
    );
    assert_eq!(w.len(), 3, "{w:?}");
    // Many unknown ids: five named, then how many more (as offers).
    let (_, w) = config(&[("payment", "a b c d e f g medicaid")]);
    assert!(
        w[0].starts_with(
            "payment: \"a\", \"b\", \"c\", \"d\", \"e\" and 2 more are not a way to pay"
        ),
        "{w:?}"
    );
    let (_, w) = config(&[("languages", "a b c d e f es")]);
    assert!(w[0].ends_with("The others are offered."), "{w:?}");
    assert!(w[0].contains(" and 1 more are not a language"), "{w:?}");
    // Nothing said: no payment step.
    let (c, _) = config(&[]);
    assert!(c.payment.is_empty() && c.plans.is_empty());
}
