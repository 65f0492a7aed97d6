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

/// The `sms:` link to 988 for a locale id (English's for any other).
pub fn text_988(locale: &str) -> &'static str {
    TEXT_988
        .iter()
        .find(|(id, _)| *id == locale)
        .map_or(TEXT_988[0].1, |(_, href)| href)
}
