//! The weekly commitment as a picture: seven days with the sessions drawn
//! in (SVG attributes only, no inline styles: strict CSPs block them), and
//! the same hours and days as text.

use super::super::node::{el, p, El, Only};
use crate::assessment::Source;
use crate::assessment::{Assessment, Day, Level, Range};
use crate::assessment::{Hours, Session};
use crate::i18n::{clock, Texts};

/// Hours shown top to bottom: 6 am to 10 pm.
const FIRST_HOUR: u16 = 6;
const LAST_HOUR: u16 = 22;
const COLUMN: u16 = 60;
const HEADER: u16 = 32;
const PER_HOUR: u16 = 10;

/// Hours in the locale's form: "9", "9.5" (English), "9,5" (Spanish).
pub fn hours_text(t: &Texts, h: Hours) -> String {
    let whole = (h.minutes / 60).to_string();
    match h.minutes % 60 {
        0 => whole,
        m => format!("{whole}{}{}", t.t("num.decimal"), m * 10 / 60),
    }
}

pub fn session_text(t: &Texts, s: &Session) -> String {
    t.f(
        "week.session",
        &[
            ("day", t.t(&format!("day.{}", s.day))),
            ("start", &clock(t, s.start.0)),
            ("end", &clock(t, s.end.0)),
        ],
    )
}

fn sessions_list(t: &Texts, sessions: &[Session]) -> El {
    el("ul").children(sessions.iter().map(|s| el("li").text(session_text(t, s))))
}

/// Sets numeric SVG attributes in order.
fn nums(mut e: El, attrs: &[(&'static str, u16)]) -> El {
    for (name, v) in attrs {
        e = e.attr(name, v.to_string());
    }
    e
}

fn picture(t: &Texts, sessions: &[Session]) -> El {
    let y = |minutes: u16| {
        let clamped = minutes.clamp(FIRST_HOUR * 60, LAST_HOUR * 60) - FIRST_HOUR * 60;
        HEADER + clamped * PER_HOUR / 60
    };
    let height = HEADER + (LAST_HOUR - FIRST_HOUR) * PER_HOUR;
    // A right-to-left language reads the week from the right: Monday's
    // column is the rightmost (the labels stay upright, unlike a mirror).
    let rtl = t.dir() == "rtl";
    let column = |i: u16| if rtl { 6 - i } else { i } * COLUMN;
    let days = Day::ALL.iter().enumerate().map(|(i, d)| {
        let x = column(i as u16);
        el("g")
            .child(nums(
                el("rect").class("cp-week-day"),
                &[("x", x), ("y", 0), ("width", COLUMN), ("height", height)],
            ))
            .child(
                nums(
                    el("text").class("cp-week-label"),
                    &[("x", x + COLUMN / 2), ("y", 23)],
                )
                .attr("text-anchor", "middle")
                .text(t.t(&format!("day_short.{d}"))),
            )
    });
    // Faint lines at noon and 6 pm, to tell day from evening.
    let guide = |hour: u16| {
        nums(
            el("line").class("cp-week-guide"),
            &[
                ("x1", 0),
                ("x2", 7 * COLUMN),
                ("y1", y(hour * 60)),
                ("y2", y(hour * 60)),
            ],
        )
    };
    let blocks = sessions.iter().map(|s| {
        let top = y(s.start.0);
        nums(
            el("rect").class("cp-week-session"),
            &[
                ("x", column(s.day as u16) + 5),
                ("y", top),
                ("width", COLUMN - 10),
                ("height", y(s.end.0).saturating_sub(top).max(4)),
                ("rx", 5),
            ],
        )
    });
    let n = sessions.len().to_string();
    el("svg")
        .class("cp-week-picture")
        .attr("viewBox", format!("0 0 {} {}", 7 * COLUMN, height))
        .attr("role", "img")
        .attr(
            "aria-label",
            t.f("week.picture", &[("n", &n), ("count", &n)]),
        )
        .attr("focusable", "false")
        .children(days)
        .child(guide(12))
        .child(guide(18))
        .children(blocks)
        .only(Only::Screen)
}

pub fn week(t: &Texts, r: &Assessment) -> El {
    let mut week = el("div")
        .class("cp-week")
        .child(el("h3").text(t.t("week.heading")));
    match r.level {
        Level::Residential => return week.child(p(t.t("week.residential"))),
        Level::SelfGuided => return week.child(p(t.t("week.self_guided"))),
        _ => {}
    }
    let days = r.schedule.day_count().to_string();
    let hours = hours_text(t, r.schedule.hours_per_week);
    let source = match r.schedule.source {
        Source::Center => "week.center",
        Source::Generic => "week.generic",
    };
    week = week
        .child(picture(t, &r.schedule.sessions))
        .child(
            p(t.f(
                "week.summary",
                &[("n", &days), ("hours", &hours), ("days", &days)],
            ))
            .class("cp-week-summary")
            .attr("data-hours", hours),
        )
        .child(sessions_list(t, &r.schedule.sessions).class("cp-week-list"))
        .child(p(t.t(source)).class("cp-note"));
    // Each range in words: "20 to 35 hours", and "5 days" for a range of
    // one value (`Texts::f` picks the key's `.single` form).
    let range = |key: &str, r: Range| {
        t.f(
            key,
            &[("min", &r.min.to_string()), ("max", &r.max.to_string())],
        )
    };
    let band = t.f(
        "week.band",
        &[
            ("hours", &range("week.band_hours", r.weekly_hours)),
            ("days", &range("week.band_days", r.days_per_week)),
        ],
    );
    let program = r.center_program.as_ref().map(|prog| {
        el("div")
            .class("cp-center-program")
            .child(p(t.f(
                "week.center_program",
                &[("hours", &hours_text(t, prog.hours_per_week))],
            )))
            .child(sessions_list(t, &prog.sessions))
    });
    week.child(p(band).class("cp-note").attr(
        "data-band-hours",
        format!("{}-{}", r.weekly_hours.min, r.weekly_hours.max),
    ))
    .maybe(program)
}
