//! What a level means for the visitor's week: the band of hours, days and
//! weeks, a suggested schedule (the center's, or one fitted to work, school
//! and preference), and the phases over the coming months.

use serde::Serialize;

use super::answers::ReadAnswers;
use super::center::Center;
use super::ids::{Day, Level, Urgent, Withdrawal, Q};
use super::sessions::{on_days, Hours, Session, Time};

/// An inclusive range, as the result JSON writes it: `{"min": 9, "max": 19}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Range {
    pub min: u32,
    pub max: u32,
}

const fn r(min: u32, max: u32) -> Range {
    Range { min, max }
}

/// A level's row of the contract's weekly commitment table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Band {
    pub level: Level,
    pub hours_adult: Range,
    pub hours_under_18: Range,
    pub days: Range,
    /// `None`: no set length (self-guided).
    pub weeks: Option<Range>,
    /// The level a person usually steps down to afterwards.
    pub steps_down_to: Option<Level>,
}

/// The contract's table; residential is 24 h x 7 days = 168 hours.
pub static BANDS: [Band; 5] = [
    Band {
        level: Level::SelfGuided,
        hours_adult: r(0, 2),
        hours_under_18: r(0, 2),
        days: r(0, 1),
        weeks: None,
        steps_down_to: None,
    },
    Band {
        level: Level::Outpatient,
        hours_adult: r(1, 8),
        hours_under_18: r(1, 5),
        days: r(1, 2),
        weeks: Some(r(12, 26)),
        steps_down_to: Some(Level::SelfGuided),
    },
    Band {
        level: Level::IntensiveOutpatient,
        hours_adult: r(9, 19),
        hours_under_18: r(6, 19),
        days: r(3, 5),
        weeks: Some(r(8, 12)),
        steps_down_to: Some(Level::Outpatient),
    },
    Band {
        level: Level::PartialHospitalization,
        hours_adult: r(20, 35),
        hours_under_18: r(20, 35),
        days: r(5, 5),
        weeks: Some(r(2, 4)),
        steps_down_to: Some(Level::IntensiveOutpatient),
    },
    Band {
        level: Level::Residential,
        hours_adult: r(168, 168),
        hours_under_18: r(168, 168),
        days: r(7, 7),
        weeks: Some(r(4, 13)),
        steps_down_to: Some(Level::PartialHospitalization),
    },
];

pub fn band(level: Level) -> &'static Band {
    &BANDS[level as usize]
}

impl Band {
    pub fn hours(&self, under_18: bool) -> Range {
        if under_18 {
            self.hours_under_18
        } else {
            self.hours_adult
        }
    }
}

/// Where the suggested week comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Generic,
    Center,
}

/// The suggested week (the result's `schedule`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Schedule {
    pub source: Source,
    pub sessions: Vec<Session>,
    pub hours_per_week: Hours,
}

impl Schedule {
    /// How many different days the week's sessions fall on.
    pub fn day_count(&self) -> usize {
        distinct_days(&self.sessions) as usize
    }
}

/// A center's own program for the level when its hours or days lie
/// outside the band: shown beside the generic week as "this center's program".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CenterProgram {
    pub sessions: Vec<Session>,
    pub hours_per_week: Hours,
}

/// The time of day a generic week is fitted to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Track {
    Daytime,
    Evenings,
    Weekends,
}

/// Fits the track to the `schedule` answer, then to work or school: a
/// person who works or studies gets the evening track unless they asked
/// otherwise.
pub fn track(read: &ReadAnswers) -> Track {
    match read.one(Q::Schedule) {
        Some("daytime") => Track::Daytime,
        Some("evenings") => Track::Evenings,
        Some("weekends") => Track::Weekends,
        _ if read.has_any(
            Q::Responsibilities,
            &["full_time_work", "part_time_work", "school"],
        ) =>
        {
            Track::Evenings
        }
        _ => Track::Daytime,
    }
}

use Day::{Fri, Mon, Sat, Sun, Thu, Tue, Wed};

/// A generic week for the level, always inside its band.
pub fn generic_week(level: Level, track: Track, under_18: bool) -> Vec<Session> {
    // Adolescent evening groups start after school.
    let evening = if under_18 {
        Time::hm(16, 0)
    } else {
        Time::hm(18, 0)
    };
    let plus = |t: Time, hours: u16| Time(t.0 + hours * 60);
    match (level, track) {
        (Level::SelfGuided | Level::Residential, _) => Vec::new(),
        (Level::Outpatient, Track::Daytime) => on_days(&[Tue], Time::hm(10, 0), Time::hm(12, 0)),
        (Level::Outpatient, Track::Evenings) => on_days(&[Tue], evening, plus(evening, 2)),
        (Level::Outpatient, Track::Weekends) => on_days(&[Sat], Time::hm(10, 0), Time::hm(12, 0)),
        // About 3 sessions of 3 hours (9 h), the usual IOP week.
        (Level::IntensiveOutpatient, Track::Daytime) => {
            on_days(&[Mon, Wed, Thu], Time::hm(9, 0), Time::hm(12, 0))
        }
        (Level::IntensiveOutpatient, Track::Evenings) => {
            on_days(&[Mon, Wed, Thu], evening, plus(evening, 3))
        }
        // IOP needs 3 days: the weekend plus one weekday evening.
        (Level::IntensiveOutpatient, Track::Weekends) => {
            let mut week = on_days(&[Wed], evening, plus(evening, 3));
            week.extend(on_days(&[Sat, Sun], Time::hm(9, 0), Time::hm(12, 0)));
            week
        }
        // Partial hospitalization runs on weekdays, 5 days x 5 hours.
        (Level::PartialHospitalization, _) => {
            on_days(&[Mon, Tue, Wed, Thu, Fri], Time::hm(9, 0), Time::hm(14, 0))
        }
    }
}

/// How many different days sessions fall on.
pub fn distinct_days(sessions: &[Session]) -> u32 {
    Day::ALL
        .iter()
        .filter(|d| sessions.iter().any(|s| s.day == **d))
        .count() as u32
}

/// Whether a week lies in the level's band: both its hours a week and its
/// distinct days a week (rule 14).
pub fn in_band(level: Level, under_18: bool, sessions: &[Session]) -> bool {
    let band = band(level);
    let hours = band.hours(under_18);
    let days = distinct_days(sessions);
    (hours.min * 60..=hours.max * 60).contains(&Hours::of(sessions).minutes)
        && (band.days.min..=band.days.max).contains(&days)
}

/// The suggested week, and the center's out-of-band program if any.
pub fn schedule(
    level: Level,
    read: &ReadAnswers,
    center: Option<&Center>,
) -> (Schedule, Option<CenterProgram>) {
    let under_18 = read.has_any(Q::Age, &["under_18"]);
    let own = center
        .and_then(|c| c.schedules.get(&level))
        .filter(|_| !matches!(level, Level::SelfGuided | Level::Residential));
    if let Some(sessions) = own {
        let hours = Hours::of(sessions);
        if in_band(level, under_18, sessions) {
            let schedule = Schedule {
                source: Source::Center,
                sessions: sessions.clone(),
                hours_per_week: hours,
            };
            return (schedule, None);
        }
    }
    let sessions = generic_week(level, track(read), under_18);
    let hours = match level {
        Level::Residential => Hours::whole(168),
        _ => Hours::of(&sessions),
    };
    let program = own.map(|sessions| CenterProgram {
        sessions: sessions.clone(),
        hours_per_week: Hours::of(sessions),
    });
    let schedule = Schedule {
        source: Source::Generic,
        sessions,
        hours_per_week: hours,
    };
    (schedule, program)
}

/// What a phase is: a first step or a level of care.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Care {
    Emergency,
    MedicallyManagedWithdrawal,
    AmbulatoryWithdrawal,
    #[serde(untagged)]
    Level(Level),
}

impl Care {
    /// The id the result JSON uses.
    pub fn id(self) -> &'static str {
        match self {
            Care::Emergency => "emergency",
            Care::MedicallyManagedWithdrawal => "medically_managed_withdrawal",
            Care::AmbulatoryWithdrawal => "ambulatory_withdrawal",
            Care::Level(level) => level.id(),
        }
    }
}

/// Which part of the way a phase is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PhaseKind {
    FirstStep,
    Core,
    StepDown,
}

/// One phase over time: first step, core program, step-down.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Phase {
    pub phase: PhaseKind,
    pub care: Care,
    /// Length in days (first steps), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days: Option<Range>,
    /// Length in weeks (levels), `None` when open-ended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weeks: Option<Range>,
}

/// A withdrawal first step and how long it lasts (the contract's "First
/// steps"): one table, used by the phases and printed by `carepath rules`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FirstStepLength {
    pub care: Care,
    pub withdrawal: Withdrawal,
    pub days: Range,
    /// What it is, for the printed table.
    pub means: &'static str,
}

pub static FIRST_STEPS: [FirstStepLength; 2] = [
    FirstStepLength {
        care: Care::MedicallyManagedWithdrawal,
        withdrawal: Withdrawal::MedicallyManaged,
        days: r(3, 7),
        means: "24-hour care",
    },
    FirstStepLength {
        care: Care::AmbulatoryWithdrawal,
        withdrawal: Withdrawal::Ambulatory,
        days: r(5, 7),
        means: "daily visits",
    },
];

/// Every track, for the printed table of generic weeks.
pub const TRACKS: [Track; 3] = [Track::Daytime, Track::Evenings, Track::Weekends];

impl Track {
    pub fn id(self) -> &'static str {
        match self {
            Track::Daytime => "daytime",
            Track::Evenings => "evenings",
            Track::Weekends => "weekends",
        }
    }
}

/// The phases over the coming months, in order.
pub fn phases(urgent: Urgent, withdrawal: Withdrawal, level: Level) -> Vec<Phase> {
    let first = |care, days| Phase {
        phase: PhaseKind::FirstStep,
        care,
        days,
        weeks: None,
    };
    let mut phases = Vec::new();
    if urgent == Urgent::Emergency {
        phases.push(first(Care::Emergency, None));
    }
    if let Some(step) = FIRST_STEPS.iter().find(|s| s.withdrawal == withdrawal) {
        phases.push(first(step.care, Some(step.days)));
    }
    let core = band(level);
    phases.push(Phase {
        phase: PhaseKind::Core,
        care: Care::Level(level),
        days: None,
        weeks: core.weeks,
    });
    if let Some(next) = core.steps_down_to {
        phases.push(Phase {
            phase: PhaseKind::StepDown,
            care: Care::Level(next),
            days: None,
            weeks: band(next).weeks,
        });
    }
    phases
}
