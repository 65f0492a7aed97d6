//! The months ahead: first step, core program, step-down.

use crate::assessment::{Care, Phase, PhaseKind};
use crate::i18n::Texts;

/// One phase in words; `pregnant_opioids`: the 24-hour first step starts
/// medicine, it is not called detox.
pub fn phase_text(t: &Texts, p: &Phase, pregnant_opioids: bool) -> String {
    let range = p.days.or(p.weeks);
    let (min, max) = range.map_or((String::new(), String::new()), |r| {
        (r.min.to_string(), r.max.to_string())
    });
    match (p.phase, p.care) {
        (_, Care::Emergency) => t.t("phase.emergency").to_string(),
        (_, Care::MedicallyManagedWithdrawal) => t.f(
            if pregnant_opioids {
                "phase.medically_managed_pregnant_opioids"
            } else {
                "phase.medically_managed_withdrawal"
            },
            &[("min", &min), ("max", &max)],
        ),
        (_, Care::AmbulatoryWithdrawal) => t.f(
            "phase.ambulatory_withdrawal",
            &[("min", &min), ("max", &max)],
        ),
        (kind, Care::Level(level)) => {
            let name_key = format!("level.{level}.name");
            let name = t.t(&name_key);
            let key = match (kind, range.is_some()) {
                (PhaseKind::StepDown, true) => "phase.step_down",
                (PhaseKind::StepDown, false) => "phase.step_down_open",
                (_, true) => "phase.core",
                (_, false) => "phase.core_open",
            };
            t.f(key, &[("level", name), ("min", &min), ("max", &max)])
        }
    }
}
