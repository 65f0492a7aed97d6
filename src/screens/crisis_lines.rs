//! The crisis lines' links, as data, in one place: the emergency bar on
//! every screen, the crisis screen and the result's emergency block (and so
//! the print summary and the loader's first screens, which render the same
//! trees) all take their hrefs from here. `embed/frame.html`, static HTML
//! that shows before any script runs, repeats them (tests/screens.rs checks
//! it against these).

/// 911, by phone.
pub const CALL_911: &str = "tel:911";

/// The 988 Suicide & Crisis Lifeline by phone (press 2 for Spanish).
pub const CALL_988: &str = "tel:988";

/// Poison Control (1-800-222-1222), for an awake person.
pub const POISON_CONTROL: &str = "tel:+18002221222";

/// 988 by text, per locale. The Lifeline answers texts in Spanish only for
/// a texter who sends the word AYUDA ("Text AYUDA to 988": 988 Lifeline,
/// <https://988lifeline.org/help-yourself/en-espanol/> and "What to
/// expect", <https://988lifeline.org/get-help/what-to-expect/>; SAMHSA,
/// <https://www.samhsa.gov/mental-health/988>), so a Spanish link fills
/// the message in. `sms:988?&body=AYUDA` is the form both iOS (which reads
/// the body after `&`) and Android (after `?`) fill in.
pub const TEXT_988: [(&str, &str); 2] = [("en", "sms:988"), ("es", "sms:988?&body=AYUDA")];

/// A per-locale link: the locale's, else the first (English's).
fn of_locale(table: &[(&str, &'static str)], locale: &str) -> &'static str {
    table
        .iter()
        .find(|(id, _)| *id == locale)
        .map_or(table[0].1, |(_, href)| href)
}

/// The `sms:` link to 988 for a locale id (English's for any other).
pub fn text_988(locale: &str) -> &'static str {
    of_locale(&TEXT_988, locale)
}

/// A text message to `number` with `body`, from the visitor's own phone:
/// every `sms:` link the widget writes is formed here. `?&body=` is the
/// form iOS and Android both fill in; the body is percent-encoded.
pub fn text_to(number: &str, body: &str) -> String {
    let body: String = body
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b => format!("%{b:02X}"),
        })
        .collect();
    format!("sms:{number}?&body={body}")
}

/// Whether 988 answers texts and chats in this language: English and
/// Spanish only (the pages above). In any other language the widget never
/// offers text or chat; a caller gets an interpreter by saying their
/// language in English (988 Lifeline, "What to expect",
/// <https://988lifeline.org/get-help/what-to-expect/>, which describes
/// phone interpretation; the clinical director confirms the wording).
pub fn texts_in(locale: &str) -> bool {
    TEXT_988.iter().any(|(id, _)| *id == locale)
}

/// The emergency bar's third route: text 988 where 988 texts in the
/// language; else 988 by phone, named as the way to an interpreter.
pub fn third_route(locale: &str) -> (&'static str, &'static str) {
    if texts_in(locale) {
        (text_988(locale), "bar.text988")
    } else {
        (CALL_988, "bar.interpreter")
    }
}

/// The Veterans Crisis Line by text. By phone it is 988, then 1 (988
/// Lifeline, "What to expect": the greeting offers Veterans, press 1, and
/// Spanish, press 2; a text to 988 is told "text the Veterans Crisis Line
/// at 838255", <https://988lifeline.org/get-help/what-to-expect/>).
pub const VETERANS_TEXT: &str = "sms:838255";

/// 988 by chat, per locale: the Lifeline's chat page
/// (<https://988lifeline.org/chat/>, named on 988lifeline.org and by its
/// crisis centers); in Spanish, the Lifeline's Spanish page, where its
/// Spanish chat starts ("Los servicios de texto y chat de 988 Lifeline ya
/// están disponibles en Español", <https://988lifeline.org/get-help/what-to-expect/>;
/// <https://988lifeline.org/help-yourself/en-espanol/>). Opened in a new
/// tab, with nothing of the visitor's in the address.
pub const CHAT_988: [(&str, &str); 2] = [
    ("en", "https://988lifeline.org/chat/"),
    ("es", "https://988lifeline.org/help-yourself/en-espanol/"),
];

/// The chat link for a locale id (English's for any other).
pub fn chat_988(locale: &str) -> &'static str {
    of_locale(&CHAT_988, locale)
}

/// 988 in American Sign Language: the "ASL Now" button on the Lifeline's
/// site, or 988 from a videophone (SAMHSA, 8 September 2023, "988 Suicide
/// & Crisis Lifeline Adds American Sign Language Services",
/// <https://www.samhsa.gov/newsroom/press-announcements/20230908/988-suicide-crisis-lifeline-adds-american-sign-language-services-deaf-hard-of-hearing-callers>).
pub const ASL_988: &str = "https://988lifeline.org/";

/// TTY: the relay service at 711, then 988 (FCC, Telecommunications Relay
/// Service: "dial 711" reaches a relay operator anywhere in the US).
pub const TTY_RELAY: &str = "tel:711";

/// Routes that must never be offered: the LGBTQ+ youth option ("press 3")
/// ended on 17 July 2025, and 1-800-273-8255 is the Lifeline's retired
/// number (ASL callers were once sent there). Tests fail if a locale or a
/// screen names either.
pub const RETIRED: [&str; 6] = [
    "press 3",
    "presione 3",
    "oprima 3",
    "marque 3",
    "273-8255",
    "2738255",
];

/// Every route the widget offers, as Markdown, for the clinical sign-off
/// (`carepath rules` prints it after the current decision table): each
/// link, where it shows and where the fact comes from.
pub fn markdown() -> String {
    let rows: [(&str, String, &str); 9] = [
        (
            "Danger now: 911",
            CALL_911.into(),
            "the emergency bar, the crisis screen, every emergency block",
        ),
        (
            "988 by phone (Spanish: press 2; Veterans: press 1)",
            CALL_988.into(),
            "988 Lifeline, What to expect: https://988lifeline.org/get-help/what-to-expect/",
        ),
        (
            "988 by text (English)",
            text_988("en").into(),
            "the same page",
        ),
        (
            "988 by text (Spanish: AYUDA)",
            text_988("es").into(),
            "988 Lifeline en español: https://988lifeline.org/help-yourself/en-espanol/",
        ),
        (
            "Veterans Crisis Line by text",
            VETERANS_TEXT.into(),
            "988 Lifeline, What to expect",
        ),
        (
            "988 chat (English)",
            chat_988("en").into(),
            "https://988lifeline.org/chat/",
        ),
        (
            "988 chat (Spanish)",
            chat_988("es").into(),
            "988 Lifeline en español",
        ),
        (
            "988 in ASL: ASL Now, or 988 from a videophone",
            ASL_988.into(),
            "SAMHSA, 8 September 2023",
        ),
        (
            "TTY: 711, then 988",
            TTY_RELAY.into(),
            "FCC, Telecommunications Relay Service",
        ),
    ];
    let mut out = String::from("\n## Crisis routes\n\nOffered on the crisis screen, in the result's emergency block and in the print summary, in every language. Never offered: the ended LGBTQ+ option (press 3) and the retired 1-800-273-8255.\n\n| route | link | source |\n|---|---|---|\n");
    for (what, href, source) in rows {
        out.push_str(&format!("| {what} | `{href}` | {source} |\n"));
    }
    out.push_str(&format!(
        "| Poison Control (the person is awake) | `{POISON_CONTROL}` | the crisis screen |\n"
    ));
    out
}
