//! How the care fits work, school and children.

use crate::assessment::{Level, Q};
use crate::journey::Journey;

/// The message keys for this visitor's duties at this level.
pub fn life_keys(level: Level, journey: &Journey) -> Vec<&'static str> {
    let read = journey.answers.read();
    let works = read.has_any(Q::Responsibilities, &["full_time_work", "part_time_work"]);
    let school = read.has_any(Q::Responsibilities, &["school"]);
    let caring = read.has_any(Q::Responsibilities, &["caregiving"]);
    let mut keys = Vec::new();
    match level {
        Level::Residential => {
            keys.push("life.away");
            if works {
                keys.push("life.leave");
            }
        }
        Level::PartialHospitalization if works => keys.extend(["life.work_day", "life.leave"]),
        Level::Outpatient | Level::IntensiveOutpatient if works => keys.push("life.work_evening"),
        _ => {}
    }
    if school && level != Level::Residential {
        keys.push("life.school");
    }
    if caring {
        keys.push("life.caregiving");
    }
    if keys.is_empty() {
        keys.push("life.open");
    }
    keys
}
