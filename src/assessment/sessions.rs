//! Sessions of a week: a day and a time range, with the contract's
//! "HH:MM" 24-hour times.

use serde::{Serialize, Serializer};

use super::ids::Day;

/// Minutes after midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Time(pub u16);

impl Time {
    pub const fn hm(hours: u16, minutes: u16) -> Time {
        Time(hours * 60 + minutes)
    }

    /// Parses `HH:MM` (24-hour, two digits each).
    pub fn parse(text: &str) -> Option<Time> {
        let (h, m) = text.split_once(':')?;
        if h.len() != 2 || m.len() != 2 || !(h.bytes().chain(m.bytes())).all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
        (h < 24 && m < 60).then_some(Time::hm(h, m))
    }
}

impl std::fmt::Display for Time {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl Serialize for Time {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One session of care.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Session {
    pub day: Day,
    pub start: Time,
    pub end: Time,
}

impl Session {
    pub fn minutes(&self) -> u32 {
        u32::from(self.end.0.saturating_sub(self.start.0))
    }
}

/// The same time range on several days, in day order.
pub fn on_days(days: &[Day], start: Time, end: Time) -> Vec<Session> {
    days.iter()
        .map(|&day| Session { day, start, end })
        .collect()
}

/// Hours a week, printed as a whole number when whole (`9`, not `9.0`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hours {
    pub minutes: u32,
}

impl Hours {
    pub fn of(sessions: &[Session]) -> Hours {
        Hours {
            minutes: sessions.iter().map(Session::minutes).sum(),
        }
    }
    pub fn whole(hours: u32) -> Hours {
        Hours {
            minutes: hours * 60,
        }
    }
}

impl Serialize for Hours {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.minutes % 60 == 0 {
            s.serialize_u32(self.minutes / 60)
        } else {
            s.serialize_f64(f64::from(self.minutes) / 60.0)
        }
    }
}

/// Two sessions (sorted) that overlap on one day, in words: overlapping
/// groups would count the same hours twice.
pub fn overlap(sessions: &[Session]) -> Option<String> {
    sessions.windows(2).find_map(|pair| {
        let (a, b) = (pair[0], pair[1]);
        (a.day == b.day && b.start < a.end).then(|| {
            format!(
                "{} {}-{} overlaps {}-{}",
                a.day, a.start, a.end, b.start, b.end
            )
        })
    })
}
