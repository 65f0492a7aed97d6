//! The months ahead: first step, core program, step-down.

use super::words::StepWords;
use crate::assessment::{Care, Phase, PhaseKind};
use crate::i18n::Texts;

/// Every phase in words, in order: the core program says "Then" only
/// after a first step.
pub fn phase_lines(t: &Texts, phases: &[Phase], step: StepWords) -> Vec<String> {
    phases
        .iter()
        .enumerate()
        .map(|(i, p)| phase_text(t, p, i == 0, step))
        .collect()
}

/// One phase in words; `first`: the first line of the months ahead;
/// `step`: how the first step is worded ([`StepWords`]). A length of one
/// value reads as that value (`Texts::f` picks the key's `.single` form
/// when `min` and `max` are equal).
pub fn phase_text(t: &Texts, p: &Phase, first: bool, step: StepWords) -> String {
    let range = p.days.or(p.weeks);
    let (min, max) = range.map_or((String::new(), String::new()), |r| {
        (r.min.to_string(), r.max.to_string())
    });
    match (p.phase, p.care) {
        (_, Care::Emergency) => t.t("phase.emergency").to_string(),
        (_, Care::MedicallyManagedWithdrawal) => t.f(
            match step {
                StepWords::PregnantOpioids => "phase.medically_managed_pregnant_opioids",
                StepWords::Pregnant => "phase.medically_managed_pregnant",
                _ => "phase.medically_managed_withdrawal",
            },
            &[("min", &min), ("max", &max)],
        ),
        (_, Care::AmbulatoryWithdrawal) => t.f(
            if step == StepWords::Taper {
                "phase.ambulatory_taper"
            } else {
                "phase.ambulatory_withdrawal"
            },
            &[("min", &min), ("max", &max)],
        ),
        (kind, Care::Level(level)) => {
            let name_key = format!("level.{level}.name");
            let name = t.t(&name_key);
            let key = match (kind, range.is_some(), first) {
                (PhaseKind::StepDown, true, _) => "phase.step_down",
                (PhaseKind::StepDown, false, _) => "phase.step_down_open",
                (_, true, true) => "phase.core_first",
                (_, false, true) => "phase.core_open_first",
                (_, true, false) => "phase.core",
                (_, false, false) => "phase.core_open",
            };
            t.f(key, &[("level", name), ("min", &min), ("max", &max)])
        }
    }
}
