//! The optional center input: which levels a center offers and its own
//! schedule per level. It never changes the clinical decision (rule 14).

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

use super::ids::{Day, Level, Offer};
use super::sessions::{Session, Time};

/// A center, as the host page or `--center FILE` describes it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Center {
    /// `None`: the center did not say what it offers.
    pub offers: Option<Vec<Offer>>,
    /// The center's sessions for a level, in day order.
    pub schedules: BTreeMap<Level, Vec<Session>>,
}

/// A problem in the center input, naming the field and the accepted form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CenterError {
    pub field: String,
    pub message: String,
}

impl fmt::Display for CenterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "center \"{}\": {}", self.field, self.message)
    }
}

impl std::error::Error for CenterError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CenterJson {
    offers: Option<Vec<String>>,
    #[serde(default)]
    schedules: BTreeMap<String, Vec<GroupJson>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupJson {
    days: Vec<String>,
    start: String,
    end: String,
}

fn level(field: String, id: &str) -> Result<Level, CenterError> {
    Level::from_id(id).ok_or_else(|| CenterError {
        field,
        message: format!(
            "unknown level \"{id}\"; allowed: {}",
            Level::ids().join(", ")
        ),
    })
}

fn offer(field: String, id: &str) -> Result<Offer, CenterError> {
    Offer::from_id(id).ok_or_else(|| CenterError {
        field,
        message: format!(
            "unknown level or first step \"{id}\"; allowed: {}",
            Offer::ids().join(", ")
        ),
    })
}

fn time(field: String, text: &str) -> Result<Time, CenterError> {
    Time::parse(text).ok_or_else(|| CenterError {
        field,
        message: format!("\"{text}\" is not a 24-hour time; expected HH:MM, e.g. 18:00"),
    })
}

impl Center {
    /// Whether the center said it offers this (`None`: it did not say).
    pub fn offers(&self, offer: Offer) -> Option<bool> {
        self.offers.as_ref().map(|o| o.contains(&offer))
    }

    /// Parses the contract's center JSON.
    pub fn from_json(text: &str) -> Result<Center, CenterError> {
        let json: CenterJson = serde_json::from_str(text).map_err(|e| CenterError {
            field: "(file)".to_string(),
            message: format!(
                "{e}; expected {{\"offers\": [level or first-step ids], \"schedules\": {{level id: [{{\"days\": [\"mon\"..\"sun\"], \"start\": \"HH:MM\", \"end\": \"HH:MM\"}}]}}}}"
            ),
        })?;
        let offers = json
            .offers
            .map(|ids| {
                ids.iter()
                    .enumerate()
                    .map(|(i, id)| offer(format!("offers[{i}]"), id))
                    .collect::<Result<Vec<_>, _>>()
            })
            .transpose()?;
        let mut schedules = BTreeMap::new();
        for (level_id, groups) in &json.schedules {
            let lvl = level(format!("schedules.{level_id}"), level_id)?;
            let mut sessions = Vec::new();
            for (g, group) in groups.iter().enumerate() {
                let field = |name: &str| format!("schedules.{level_id}[{g}].{name}");
                let start = time(field("start"), &group.start)?;
                let end = time(field("end"), &group.end)?;
                if end <= start {
                    return Err(CenterError {
                        field: field("end"),
                        message: format!("must be after start {start}"),
                    });
                }
                if group.days.is_empty() {
                    return Err(CenterError {
                        field: field("days"),
                        message: format!(
                            "needs at least one day; allowed: {}",
                            Day::ids().join(", ")
                        ),
                    });
                }
                for day in &group.days {
                    let d = Day::from_id(day).ok_or_else(|| CenterError {
                        field: field("days"),
                        message: format!(
                            "unknown day \"{day}\"; allowed: {}",
                            Day::ids().join(", ")
                        ),
                    })?;
                    sessions.push(Session { day: d, start, end });
                }
            }
            sessions.sort_unstable();
            sessions.dedup();
            if let Some(why) = super::sessions::overlap(&sessions) {
                return Err(CenterError {
                    field: format!("schedules.{level_id}"),
                    message: format!("{why}: groups must not overlap"),
                });
            }
            schedules.insert(lvl, sessions);
        }
        Ok(Center { offers, schedules })
    }
}
