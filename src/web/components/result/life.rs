//! How the care fits work, school and children.

use yew::prelude::*;

use super::super::use_texts;
use crate::assessment::{Assessment, Level, Q};
use crate::journey::Journey;

#[derive(Properties, PartialEq)]
pub struct LifeProps {
    pub result: Assessment,
    pub journey: Journey,
}

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

#[function_component]
pub fn Life(props: &LifeProps) -> Html {
    let t = use_texts();
    let items = life_keys(props.result.level, &props.journey)
        .into_iter()
        .map(|k| html! { <li>{ t.t(k) }</li> });
    html! {
        <div class="cp-life">
            <h3>{ t.t("life.heading") }</h3>
            <ul>{ for items }</ul>
        </div>
    }
}
