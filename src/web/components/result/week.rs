//! The weekly commitment as a picture: seven days with the sessions drawn
//! in (SVG attributes only, no inline styles: strict CSPs block them), and
//! the same hours and days as text.

use yew::prelude::*;

use super::super::use_texts;
use crate::assessment::sessions::{Hours, Session};
use crate::assessment::{Assessment, Day, Level};
use crate::i18n::{clock, Texts};

#[derive(Properties, PartialEq)]
pub struct WeekProps {
    pub result: Assessment,
}

/// Hours shown top to bottom: 6 am to 10 pm.
const FIRST_HOUR: u16 = 6;
const LAST_HOUR: u16 = 22;
const COLUMN: u16 = 60;
const HEADER: u16 = 32;
const PER_HOUR: u16 = 10;

/// Hours in the locale's form: "9", "9.5" (English), "9,5" (Spanish).
pub(crate) fn hours_text(t: &Texts, h: Hours) -> String {
    let whole = (h.minutes / 60).to_string();
    match h.minutes % 60 {
        0 => whole,
        m => format!("{whole}{}{}", t.t("num.decimal"), m * 10 / 60),
    }
}

pub(crate) fn session_text(t: &Texts, s: &Session) -> String {
    t.f(
        "week.session",
        &[
            ("day", t.t(&format!("day.{}", s.day))),
            ("start", &clock(t, s.start.0)),
            ("end", &clock(t, s.end.0)),
        ],
    )
}

fn picture(t: &Texts, sessions: &[Session]) -> Html {
    let y = |minutes: u16| {
        let clamped = minutes.clamp(FIRST_HOUR * 60, LAST_HOUR * 60) - FIRST_HOUR * 60;
        HEADER + clamped * PER_HOUR / 60
    };
    let height = HEADER + (LAST_HOUR - FIRST_HOUR) * PER_HOUR;
    let days = Day::ALL.iter().enumerate().map(|(i, d)| {
        let x = i as u16 * COLUMN;
        html! {
            <g>
                <rect class="cp-week-day" x={x.to_string()} y="0" width={COLUMN.to_string()} height={height.to_string()} />
                <text class="cp-week-label" x={(x + COLUMN / 2).to_string()} y="23" text-anchor="middle">
                    { t.t(&format!("day_short.{d}")) }
                </text>
            </g>
        }
    });
    let blocks = sessions.iter().map(|s| {
        let x = s.day as u16 * COLUMN + 5;
        let top = y(s.start.0);
        let h = y(s.end.0).saturating_sub(top).max(4);
        html! {
            <rect class="cp-week-session" x={x.to_string()} y={top.to_string()}
                width={(COLUMN - 10).to_string()} height={h.to_string()} rx="5" />
        }
    });
    html! {
        <svg class="cp-week-picture" viewBox={format!("0 0 {} {}", 7 * COLUMN, height)}
            role="img" aria-label={t.f("week.picture", &[("n", &sessions.len().to_string()), ("count", &sessions.len().to_string())])}
            focusable="false">
            { for days }
            // Faint lines at noon and 6 pm, to tell day from evening.
            <line class="cp-week-guide" x1="0" x2={(7 * COLUMN).to_string()} y1={y(12 * 60).to_string()} y2={y(12 * 60).to_string()} />
            <line class="cp-week-guide" x1="0" x2={(7 * COLUMN).to_string()} y1={y(18 * 60).to_string()} y2={y(18 * 60).to_string()} />
            { for blocks }
        </svg>
    }
}

#[function_component]
pub fn Week(props: &WeekProps) -> Html {
    let t = use_texts();
    let r = &props.result;
    let body = match r.level {
        Level::Residential => html! { <p>{ t.t("week.residential") }</p> },
        Level::SelfGuided => html! { <p>{ t.t("week.self_guided") }</p> },
        _ => {
            let days = r.schedule.day_count();
            let list = r
                .schedule
                .sessions
                .iter()
                .map(|s| html! { <li>{ session_text(&t, s) }</li> });
            let source = match r.schedule.source {
                crate::assessment::commitment::Source::Center => "week.center",
                crate::assessment::commitment::Source::Generic => "week.generic",
            };
            html! {
                <>
                    { picture(&t, &r.schedule.sessions) }
                    <p class="cp-week-summary" data-hours={hours_text(&t, r.schedule.hours_per_week)}>
                        { t.f("week.summary", &[
                            ("n", &days.to_string()),
                            ("hours", &hours_text(&t, r.schedule.hours_per_week)),
                            ("days", &days.to_string()),
                        ]) }
                    </p>
                    <ul class="cp-week-list">{ for list }</ul>
                    <p class="cp-note">{ t.t(source) }</p>
                </>
            }
        }
    };
    let band = t.f(
        "week.band",
        &[
            ("min", &r.weekly_hours.min.to_string()),
            ("max", &r.weekly_hours.max.to_string()),
            ("dmin", &r.days_per_week.min.to_string()),
            ("dmax", &r.days_per_week.max.to_string()),
        ],
    );
    let program = r.center_program.as_ref().map(|p| {
        let list = p
            .sessions
            .iter()
            .map(|s| html! { <li>{ session_text(&t, s) }</li> });
        html! {
            <div class="cp-center-program">
                <p>{ t.f("week.center_program", &[("hours", &hours_text(&t, p.hours_per_week))]) }</p>
                <ul>{ for list }</ul>
            </div>
        }
    });
    html! {
        <div class="cp-week">
            <h3>{ t.t("week.heading") }</h3>
            { body }
            if !matches!(r.level, Level::Residential | Level::SelfGuided) {
                <p class="cp-note" data-band-hours={format!("{}-{}", r.weekly_hours.min, r.weekly_hours.max)}>{ band }</p>
            }
            { for program }
        </div>
    }
}
