//! What the host page configures through attributes, parsed and checked
//! in plain Rust (no web dependency, tested natively). A bad value never
//! stops the widget: it is left out, with one warning that names the
//! attribute and the accepted form.

use std::collections::BTreeMap;

use crate::assessment::Center;
use crate::assessment::{Day, Level, Offer};
use crate::assessment::{Session, Time};

pub mod schema;

/// The attribute that carries a level's schedule.
pub const SCHEDULE_ATTRIBUTES: [(&str, Level); 3] = [
    ("outpatient-schedule", Level::Outpatient),
    ("iop-schedule", Level::IntensiveOutpatient),
    ("php-schedule", Level::PartialHospitalization),
];

/// The widget's configuration.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    pub center_name: Option<String>,
    /// Digits with an optional leading `+`, ready for a `tel:` link.
    pub phone: Option<String>,
    /// The same number as the center wrote it ("+1-555-010-0199"), for
    /// people to read (the printed summary); set with `phone`.
    pub phone_shown: Option<String>,
    /// An `https:`, `http:`, `mailto:` or `tel:` link.
    pub contact_url: Option<String>,
    /// The center input for the engine (offers, schedules), when given.
    pub center: Option<Center>,
    /// `auto` or a language id (one of `languages`).
    pub locale: String,
    /// The languages the menu offers, in the registry's order (never
    /// empty).
    pub languages: Vec<&'static str>,
    /// The center offers free language help (`language-help="free"`).
    pub free_language_help: bool,
    /// Keep progress in sessionStorage (opt-in; needs an `id`).
    pub remember: bool,
    /// `carepath:step` events, with the question id (opt-in).
    pub share_progress: bool,
    /// `carepath:complete` carries the full result, and refer-on taps are
    /// sent (opt-in).
    pub share_result: bool,
    /// ... and the answers (a second opt-in).
    pub share_answers: bool,
    /// `shadow="open"`: page scripts may read the widget (opt-in).
    pub open_shadow: bool,
    /// Quick exit (a "Leave this page" button, Shift three times): on
    /// unless `quick-exit="off"`.
    pub quick_exit: bool,
    /// Where quick exit goes: an absolute `https:` or `http:` address.
    pub exit_url: String,
    /// How people can pay for the center's care ([`PAYMENT`] ids, in
    /// that order); empty: no payment step.
    pub payment: Vec<&'static str>,
    /// The state whose Medicaid the center takes (two capital letters).
    pub medicaid_state: Option<String>,
    /// The insurance plans the center is in network with.
    pub plans: Vec<String>,
    /// The center's own line on paying.
    pub payment_note: Option<String>,
    /// A number that takes texts, ready for an `sms:` link.
    pub sms: Option<String>,
}

/// The ways a center can say people pay (`payment`), in the order the
/// visitor's options follow.
pub const PAYMENT: [&str; 8] = [
    "medicaid",
    "medicare",
    "tricare",
    "va",
    "private",
    "self_pay",
    "sliding_scale",
    "free",
];

/// The two-letter codes `medicaid-state` accepts: the states, DC and the
/// territories with Medicaid programs (USPS abbreviations).
pub const STATES: [&str; 56] = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
    "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
    "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP",
];

/// At most this many plan names, each at most this long.
pub const PLANS_MAX: usize = 20;
pub const PLAN_CHARS: usize = 60;
/// The center's own payment line, at most this long.
pub const NOTE_CHARS: usize = 200;

/// Where quick exit goes by default: a neutral page that is not
/// personalised and says nothing about the visitor (the US National
/// Weather Service's home page).
pub const EXIT_URL: &str = "https://www.weather.gov/";

/// The `sandbox` flags a sandboxed iframe form needs, each with what it
/// keeps working (`frame-host.js` names the missing ones in the console;
/// the README lists them). Without `allow-top-navigation-to-custom-protocols`
/// (or the popups pair) a `tel:` or `sms:` link, 911 and 988 included, does
/// nothing when pressed.
pub const FRAME_SANDBOX: &[(&str, &str)] = &[
    ("allow-scripts", "the care check runs at all"),
    (
        "allow-same-origin",
        "its files load under the frame's own origin",
    ),
    (
        "allow-popups",
        "the printable summary and the links that open a new tab (988 chat, FindTreatment.gov)",
    ),
    (
        "allow-popups-to-escape-sandbox",
        "those tabs work as normal pages",
    ),
    (
        "allow-top-navigation-by-user-activation",
        "the \"Leave this page\" button can replace the whole page",
    ),
    (
        "allow-top-navigation-to-custom-protocols",
        "the tel: and sms: links (911, 988, the center's phone) open the phone or messages app",
    ),
];

/// [`FRAME_SANDBOX`] as the attribute's value.
pub fn frame_sandbox() -> String {
    FRAME_SANDBOX
        .iter()
        .map(|(f, _)| *f)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The exit address for an `exit-url` value: an absolute `https:` or
/// `http:` URL, else the default; and a warning, if any (refused, or
/// `http:` other than localhost: the exit page would travel in clear).
pub fn exit_url(value: Option<&str>) -> (String, Option<String>) {
    let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return (EXIT_URL.to_string(), None);
    };
    let lower = v.to_ascii_lowercase();
    let host = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .map(|rest| rest.split(['/', '?', '#']).next().unwrap_or(""))
        .filter(|h| {
            !h.is_empty() && !h.contains(char::is_whitespace) && !h.contains(['<', '>', '"', '\\'])
        });
    match host {
        None => (
            EXIT_URL.to_string(),
            Some(format!(
                "exit-url=\"{v}\" is not an absolute https: or http: address, e.g. exit-url=\"https://www.weather.gov/\". Quick exit goes to {EXIT_URL}."
            )),
        ),
        Some(h) if lower.starts_with("http://") && !["localhost", "127.0.0.1"].contains(&h.split(':').next().unwrap_or("")) => (
            v.to_string(),
            Some(format!(
                "exit-url=\"{v}\" uses http:, so the page a visitor leaves to travels unencrypted; use https: if the site has it."
            )),
        ),
        Some(_) => (v.to_string(), None),
    }
}

impl Config {
    /// The start screen's privacy sentences: what the host turned on, or
    /// the promise that nothing leaves when nothing is on.
    pub fn privacy_keys(&self) -> Vec<&'static str> {
        let mut keys = Vec::new();
        if self.share_progress {
            keys.push("start.private_progress");
        }
        if self.share_answers {
            keys.push("start.private_answers");
        } else if self.share_result {
            keys.push("start.private_result");
        }
        if self.remember {
            keys.push("start.private_kept");
        }
        if keys.is_empty() {
            keys.push("start.private");
        }
        // Quick exit's honest limit, beside the promise.
        if self.quick_exit {
            keys.push("start.private_exit");
        }
        keys
    }
}

/// At most this many ids are named in one warning (a page may hold
/// thousands of bad ones; the console and the check stay small).
const NAMED_IDS: usize = 5;

/// Reads every attribute through `get` (trimmed; empty counts as absent,
/// except for the boolean attributes). Returns the configuration and the
/// warnings to log.
pub fn from_attributes(get: impl Fn(&str) -> Option<String>) -> (Config, Vec<String>) {
    let mut warnings = Vec::new();
    let text = |name: &str| {
        get(name)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let flag = |name: &str| get(name).is_some_and(|v| v.trim() != "false");

    let phone = text("phone").and_then(|p| {
        let tel = parse_phone(&p);
        if tel.is_none() {
            warnings.push(format!(
                "phone=\"{p}\" is not a phone number; use digits, spaces, dashes or dots with an optional leading +, e.g. phone=\"+1-555-010-0199\". The call button is hidden."
            ));
        }
        tel.map(|tel| (tel, p))
    });
    let (phone, phone_shown) = phone.unzip();
    let contact_url = text("contact-url").and_then(|u| {
        if safe_link(&u) {
            Some(u)
        } else if u.to_ascii_lowercase().starts_with("tel:") {
            warnings.push(format!(
                "contact-url=\"{u}\" is refused: a tel: link must be the center's own number (7 to 15 digits, never 911 or 988), e.g. contact-url=\"tel:+1-555-010-0199\". The contact link is hidden."
            ));
            None
        } else {
            warnings.push(format!(
                "contact-url=\"{u}\" is refused: a link must start with https:, http:, mailto: or tel:, e.g. contact-url=\"https://example.org/intake\". The contact link is hidden."
            ));
            None
        }
    });
    let offers = text("offers").map(|list| {
        list_of(
            "offers",
            &list,
            "a level or first step",
            &Offer::ids().join(", "),
            Offer::from_id,
            left_out,
            &mut warnings,
        )
    });
    let mut schedules = BTreeMap::new();
    for (name, level) in SCHEDULE_ATTRIBUTES {
        if let Some(value) = text(name) {
            match parse_schedule(&value) {
                Ok(sessions) => {
                    schedules.insert(level, sessions);
                }
                Err(why) => warnings.push(format!(
                    "{name}=\"{value}\" is not a schedule ({why}); use days (Mon..Sun, or a range like Mon-Fri) then a time range (18:00-21:00 or 6pm-9pm), groups joined by \";\", e.g. {name}=\"Mon-Thu 6pm-9pm; Sat 9am-12pm\". A typical week is shown instead."
                )),
            }
        }
    }
    let languages = languages(text("languages").as_deref(), &mut warnings);
    let locale = match text("locale") {
        None => "auto".to_string(),
        Some(l) if l == "auto" => l,
        Some(l) => match crate::i18n::lookup(&l) {
            Some(id) if languages.contains(&id) => id.to_string(),
            Some(id) => {
                warnings.push(format!(
                    "locale=\"{l}\" is not among languages=\"{}\"; add {id} there to offer it. The language is chosen as with locale=\"auto\".",
                    languages.join(" ")
                ));
                "auto".to_string()
            }
            None => {
                warnings.push(format!(
                    "locale=\"{l}\" is not available; use auto or one of: {}. The language is chosen as with locale=\"auto\".",
                    languages.join(", ")
                ));
                "auto".to_string()
            }
        },
    };
    let free_language_help = match text("language-help").as_deref() {
        None | Some("ask") => false,
        Some("free") => true,
        Some(other) => {
            warnings.push(format!(
                "language-help=\"{other}\" is not known; use language-help=\"free\" when the center offers free language help (an interpreter), or leave it out. Visitors are told to ask the center."
            ));
            false
        }
    };
    let remember = match text("remember").as_deref() {
        None | Some("off") => false,
        // Without an id, keys by position would swap between widgets.
        Some("session") if text("id").is_none() => {
            warnings.push(
                "remember=\"session\" needs an id on the element (e.g. id=\"care-check\"), so each widget keeps its own place. Progress is not kept."
                    .to_string(),
            );
            false
        }
        Some("session") => true,
        Some(other) => {
            warnings.push(format!(
                "remember=\"{other}\" is not known; use remember=\"session\" to keep progress for this browser session, or leave it out. Progress is not kept."
            ));
            false
        }
    };
    let share_progress = flag("share-progress");
    let share_result = flag("share-result");
    let mut share_answers = flag("share-answers");
    if share_answers && !share_result {
        warnings.push(
            "share-answers needs share-result too: answers are shared only with the full result. Answers are not shared."
                .to_string(),
        );
        share_answers = false;
    }
    let center =
        (offers.is_some() || !schedules.is_empty()).then_some(Center { offers, schedules });
    let open_shadow = match text("shadow").as_deref() {
        None | Some("closed") => false,
        Some("open") => true,
        Some(other) => {
            warnings.push(format!(
                "shadow=\"{other}\" is not known; use shadow=\"open\" to let page scripts read the widget, or leave it out. The widget stays closed."
            ));
            false
        }
    };
    let quick_exit = match text("quick-exit").as_deref() {
        None | Some("on") => true,
        Some("off") => false,
        Some(other) => {
            warnings.push(format!(
                "quick-exit=\"{other}\" is not known; use quick-exit=\"off\" to hide the \"Leave this page\" button and Shift three times, or leave it out. Quick exit stays on."
            ));
            true
        }
    };
    let (exit_url, warning) = exit_url(text("exit-url").as_deref());
    warnings.extend(warning);
    let payment = payment(text("payment").as_deref(), &mut warnings);
    let medicaid_state = text("medicaid-state").and_then(|v| {
        let upper = v.to_ascii_uppercase();
        if STATES.contains(&upper.as_str()) {
            Some(upper)
        } else {
            warnings.push(format!(
                "medicaid-state=\"{v}\" is not a state; use its two letters, e.g. medicaid-state=\"WA\". Medicaid is named without a state."
            ));
            None
        }
    });
    let plans: Vec<String> = text("plans")
        .map(|v| {
            let names: Vec<String> = v
                .split(';')
                .map(|n| n.trim().to_string())
                .filter(|n| !n.is_empty())
                .collect();
            if names.len() > PLANS_MAX || names.iter().any(|n| n.chars().count() > PLAN_CHARS) {
                warnings.push(format!(
                    "plans: at most {PLANS_MAX} names of at most {PLAN_CHARS} characters, separated by \";\", e.g. plans=\"Aetna; Premera Blue Cross\". The first {PLANS_MAX} are used, each cut short."
                ));
            }
            names
                .into_iter()
                .take(PLANS_MAX)
                .map(|n| n.chars().filter(|c| !crate::i18n::BIDI_CONTROLS.contains(c)).take(PLAN_CHARS).collect())
                .collect()
        })
        .unwrap_or_default();
    let payment_note = text("payment-note").map(|v| {
        if v.chars().count() > NOTE_CHARS {
            warnings.push(format!(
                "payment-note is longer than {NOTE_CHARS} characters; it is cut short. Keep it to one plain line, e.g. payment-note=\"Ask us about payment plans.\""
            ));
        }
        v.chars().filter(|c| !crate::i18n::BIDI_CONTROLS.contains(c)).take(NOTE_CHARS).collect()
    });
    let sms = text("sms").and_then(|p| {
        let tel = parse_phone(&p);
        if tel.is_none() {
            warnings.push(format!(
                "sms=\"{p}\" is not a phone number that takes texts; use digits, spaces, dashes or dots with an optional leading +, e.g. sms=\"+1-555-010-0199\". The text link is hidden."
            ));
        }
        tel
    });
    let config = Config {
        center_name: text("center-name"),
        phone,
        phone_shown,
        contact_url,
        center,
        locale,
        languages,
        free_language_help,
        remember,
        share_progress,
        share_result,
        share_answers,
        open_shadow,
        quick_exit,
        exit_url,
        payment,
        medicaid_state,
        plans,
        payment_note,
        sms,
    };
    (config, warnings)
}

/// "It is left out." or "They are left out.", for `count` unknown ids.
fn left_out<T>(count: usize, _known: &[T]) -> String {
    format!(
        "{} left out.",
        if count == 1 { "It is" } else { "They are" }
    )
}

/// A list attribute: ids separated by spaces, each read by `read`, the
/// known ones kept once in the order given. The unknown ones are named in
/// one warning (at most [`NAMED_IDS`], then how many more): they are not
/// `what`, the ids to use are `allowed`, and `then` says what happens
/// instead.
fn list_of<T: PartialEq>(
    name: &str,
    value: &str,
    what: &str,
    allowed: &str,
    read: impl Fn(&str) -> Option<T>,
    then: impl FnOnce(usize, &[T]) -> String,
    warnings: &mut Vec<String>,
) -> Vec<T> {
    let mut known = Vec::new();
    let (mut unknown, mut count) = (Vec::new(), 0usize);
    for id in value.split_whitespace() {
        match read(id) {
            Some(x) if !known.contains(&x) => known.push(x),
            Some(_) => {}
            None => {
                count += 1;
                if unknown.len() < NAMED_IDS {
                    unknown.push(format!("\"{id}\""));
                }
            }
        }
    }
    if count > 0 {
        let more = count - unknown.len();
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        warnings.push(format!(
            "{name}: {}{more} {} not {what}; use ids separated by spaces from: {allowed}. {}",
            unknown.join(", "),
            if count == 1 { "is" } else { "are" },
            then(count, &known)
        ));
    }
    known
}

/// The `payment` attribute: [`PAYMENT`] ids separated by spaces, kept in
/// that order; unknown ones are left out with a warning.
fn payment(value: Option<&str>, warnings: &mut Vec<String>) -> Vec<&'static str> {
    let Some(value) = value else {
        return Vec::new();
    };
    let asked = list_of(
        "payment",
        value,
        "a way to pay",
        &PAYMENT.join(" "),
        |id| PAYMENT.iter().find(|p| **p == id).copied(),
        left_out,
        warnings,
    );
    PAYMENT
        .into_iter()
        .filter(|id| asked.contains(id))
        .collect()
}

/// The `languages` attribute: registered ids (or tags that mean them,
/// `zh-TW`) separated by spaces, kept in the registry's order; unknown ones
/// are left out with a warning, and none at all is the default.
fn languages(value: Option<&str>, warnings: &mut Vec<String>) -> Vec<&'static str> {
    let Some(value) = value else {
        return crate::i18n::default_languages();
    };
    let asked = list_of(
        "languages",
        value,
        "a language of this widget",
        &crate::i18n::LANGUAGE_IDS.join(" "),
        crate::i18n::lookup,
        |_, known: &[&str]| {
            if known.is_empty() {
                "The default languages are offered.".to_string()
            } else {
                "The others are offered.".to_string()
            }
        },
        warnings,
    );
    let list: Vec<&'static str> = crate::i18n::language_ids()
        .filter(|id| asked.contains(id))
        .collect();
    if list.is_empty() {
        return crate::i18n::default_languages();
    }
    list
}

/// What a phone number may hold besides digits (a `+` only first).
pub const PHONE_MARKS: &str = " +-().";
/// How many digits a center's number has.
pub const PHONE_DIGITS: std::ops::RangeInclusive<usize> = 7..=15;
/// Emergency lines the "Call the center" button must never dial: a
/// number that starts with one of these is refused (no center's number
/// does: 911 and 988 are not area codes).
pub const NEVER_CALLED: [&str; 4] = ["911", "988", "1911", "1988"];
/// The session-storage key of a kept place: this, the page's path, `#`
/// and the element's id.
pub const STORAGE_PREFIX: &str = "carepath:progress:";

/// Where a widget keeps its progress (`remember="session"`, which needs an
/// id): the page's path with its query (`/?p=12`) and the element's id, so
/// widgets never swap places.
pub fn storage_key(path: &str, id: &str) -> String {
    format!("{STORAGE_PREFIX}{path}#{id}")
}

/// A phone number as a `tel:` link wants it: `+` and digits only.
pub fn parse_phone(text: &str) -> Option<String> {
    let allowed = |c: char| c.is_ascii_digit() || PHONE_MARKS.contains(c);
    if !text.chars().all(allowed) || text.trim_start().get(1..)?.contains('+') {
        return None;
    }
    let tel: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    let digits: String = tel.chars().filter(char::is_ascii_digit).collect();
    // A center's number: 7-15 digits, and never an emergency line (the
    // "Call the center" button must not dial 911 or 988).
    let emergency = NEVER_CALLED.iter().any(|n| digits.starts_with(n));
    (PHONE_DIGITS.contains(&digits.len()) && !emergency).then_some(tel)
}

/// The link schemes a host may set: web, mail and phone.
pub const SAFE_SCHEMES: [&str; 4] = ["https:", "http:", "mailto:", "tel:"];

/// Only web, mail and phone links: never `javascript:`, `data:` or others.
pub fn safe_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    // A contact link that dials an emergency line is not the center's.
    if let Some(number) = lower.strip_prefix("tel:") {
        if parse_phone(number).is_none() {
            return false;
        }
    }
    SAFE_SCHEMES.iter().any(|scheme| lower.starts_with(scheme))
}

/// Parses a schedule attribute into sessions in day order:
/// `Mon Wed Thu 18:00-21:00; Sat 09:00-12:00`, with day ranges
/// (`Mon-Fri`), commas, and 12-hour times (`6pm-9pm`, `6:30-9pm`: a time
/// without am/pm takes the end's). The error says what is wrong.
pub fn parse_schedule(text: &str) -> Result<Vec<Session>, String> {
    let mut sessions = Vec::new();
    for group in text.split(';').map(str::trim).filter(|g| !g.is_empty()) {
        let mut words: Vec<&str> = group
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        let range = words.pop().ok_or("an empty group")?;
        let (start, end) = parse_range(range)?;
        if words.is_empty() {
            return Err(format!("\"{group}\" names no day"));
        }
        for word in words {
            for day in parse_days(word)? {
                sessions.push(Session { day, start, end });
            }
        }
    }
    if sessions.is_empty() {
        return Err("no sessions".to_string());
    }
    sessions.sort_unstable();
    sessions.dedup();
    match crate::assessment::overlap(&sessions) {
        Some(why) => Err(why),
        None => Ok(sessions),
    }
}

/// `Mon`, or a range in week order, `Mon-Fri`.
fn parse_days(word: &str) -> Result<Vec<Day>, String> {
    let day = |w: &str| {
        Day::from_id(&w.to_ascii_lowercase()).ok_or_else(|| {
            format!(
                "\"{w}\" is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun, or a range like Mon-Fri)"
            )
        })
    };
    let Some((first, last)) = word.split_once('-') else {
        return Ok(vec![day(word)?]);
    };
    let (first, last) = (day(first)?, day(last)?);
    let days: Vec<Day> = Day::ALL
        .iter()
        .copied()
        .skip_while(|d| *d != first)
        .take_while(|d| *d <= last)
        .collect();
    if last < first {
        return Err(format!(
            "\"{word}\" runs backwards; write the days in week order, e.g. Mon-Fri"
        ));
    }
    Ok(days)
}

/// `18:00-21:00`, `6pm-9pm`, `6:30-9pm`, `9-12pm` (9 am to noon).
fn parse_range(range: &str) -> Result<(Time, Time), String> {
    let (start, end) = range
        .split_once('-')
        .ok_or_else(|| format!("\"{range}\" is not a time range like 18:00-21:00 or 6pm-9pm"))?;
    let bad = |t: &str| format!("\"{t}\" is not a time like 18:00, 6pm or 6:30pm");
    let (end_clock, end_half) = clock(end).ok_or_else(|| bad(end))?;
    let end_time = end_clock.alone().ok_or_else(|| bad(end))?;
    let (start_clock, start_half) = clock(start).ok_or_else(|| bad(start))?;
    let start_time = match (start_half, end_half) {
        (Some(_), _) | (None, None) => start_clock.alone(),
        // No half of its own: the end's, else the other if that keeps the
        // range in order ("9-12pm" is 9 am to noon).
        (None, Some(pm)) => [pm, !pm]
            .into_iter()
            .filter_map(|pm| start_clock.with_half(pm))
            .find(|t| *t < end_time),
    }
    .ok_or_else(|| bad(start))?;
    if end_time <= start_time {
        return Err(format!("{range} ends before it starts"));
    }
    Ok((start_time, end_time))
}

/// A time as written: with a colon (`18:00`, `6:30`) or a bare hour (`6`).
#[derive(Clone, Copy)]
struct Clock {
    hour: u16,
    minute: u16,
    colon: bool,
    /// `pm` (true) or `am` (false), when written.
    half: Option<bool>,
}

impl Clock {
    /// The time with no other help: 12-hour with its half, or 24-hour
    /// with a colon.
    fn alone(self) -> Option<Time> {
        match self.half {
            Some(pm) => self.with_half(pm),
            None if self.colon && self.hour < 24 => Some(Time::hm(self.hour, self.minute)),
            None => None,
        }
    }

    /// As a 12-hour time in this half of the day (12 am is midnight).
    fn with_half(self, pm: bool) -> Option<Time> {
        if !(1..=12).contains(&self.hour) {
            return None;
        }
        let hour = self.hour % 12 + if pm { 12 } else { 0 };
        Some(Time::hm(hour, self.minute))
    }
}

fn clock(text: &str) -> Option<(Clock, Option<bool>)> {
    let lower = text.trim().to_ascii_lowercase();
    let (number, half) = if let Some(n) = lower.strip_suffix("am") {
        (n, Some(false))
    } else if let Some(n) = lower.strip_suffix("pm") {
        (n, Some(true))
    } else {
        (lower.as_str(), None)
    };
    let (h, m) = number.split_once(':').unwrap_or((number, "00"));
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || m.len() != 2 || !digits(m) {
        return None;
    }
    let (hour, minute): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (minute < 60).then_some((
        Clock {
            hour,
            minute,
            colon: number.contains(':'),
            half,
        },
        half,
    ))
}

#[cfg(test)]
mod tests;
