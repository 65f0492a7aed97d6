//! The result's words that depend on more than one field (the answers as
//! well as the result): chosen once here for the result screen and the
//! print summary alike.

use crate::assessment::{Assessment, FirstContact, Flag, Level, Withdrawal, Q};
use crate::i18n::Texts;
use crate::journey::Journey;

/// `chosen(x)`: the visitor chose the substance (never from a skip). W1:
/// only a chosen substance is named as theirs.
fn chosen(journey: &Journey, x: &str) -> bool {
    journey
        .answers
        .chosen(Q::Substances)
        .is_some_and(|c| c.contains(&x))
}

/// How the withdrawal first step is worded (the result, the summary and
/// the months ahead alike).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StepWords {
    #[default]
    Usual,
    /// 24-hour care in pregnancy with opioids chosen: a hospital stay to
    /// start medicine, never "detox".
    PregnantOpioids,
    /// 24-hour care in pregnancy, no substance named (W1).
    Pregnant,
    /// Home withdrawal with benzodiazepines chosen: a slow taper over
    /// weeks (contract v4's first steps).
    Taper,
}

impl StepWords {
    /// The words for this result's first step.
    pub fn of(r: &Assessment, journey: &Journey) -> StepWords {
        let pregnant = journey.answers.chosen(Q::Pregnant).unwrap_or_default() == ["yes"];
        match r.withdrawal {
            Withdrawal::MedicallyManaged if pregnant && chosen(journey, "opioids") => {
                StepWords::PregnantOpioids
            }
            Withdrawal::MedicallyManaged if pregnant => StepWords::Pregnant,
            Withdrawal::Ambulatory if chosen(journey, "benzodiazepines") => StepWords::Taper,
            _ => StepWords::Usual,
        }
    }
}

/// Why it is an emergency: danger now, or the self-harm answer.
pub fn emergency_body<'a>(t: &'a Texts, journey: &Journey) -> &'a str {
    if journey.answers.chosen(Q::DangerNow).unwrap_or_default() == ["yes"] {
        t.t("first.emergency.body")
    } else {
        t.t("first.emergency.body_self_harm")
    }
}

/// The withdrawal first step's heading and paragraphs, when there is one.
pub fn detox_text(t: &Texts, r: &Assessment, journey: &Journey) -> Option<(String, Vec<String>)> {
    let words = StepWords::of(r, journey);
    let name = match (r.withdrawal, words) {
        (Withdrawal::None, _) => return None,
        (_, StepWords::PregnantOpioids) => "medically_managed.pregnant_opioids",
        (_, StepWords::Pregnant) => "medically_managed.pregnant",
        (_, StepWords::Taper) => "ambulatory_taper",
        (Withdrawal::MedicallyManaged, _) => "medically_managed",
        (Withdrawal::Ambulatory, _) => "ambulatory",
    };
    let days = r.phases.iter().find_map(|p| p.days)?;
    let (min, max) = (days.min.to_string(), days.max.to_string());
    let mut body = vec![t.f(
        &format!("first.{name}.body"),
        &[("min", &min), ("max", &max)],
    )];
    if r.withdrawal == Withdrawal::Ambulatory {
        // W1: opioids named as theirs only when chosen; a skipped list
        // gets the "if you use opioids" form.
        if chosen(journey, "opioids") {
            body.push(t.t("first.ambulatory.opioids").to_string());
            body.push(t.t("first.ambulatory.opioids_pain").to_string());
        } else if journey.answers.read().has_any(Q::Substances, &["opioids"]) {
            body.push(t.t("first.ambulatory.opioids.if_use").to_string());
        }
    }
    Some((t.t(&format!("first.{name}.heading")).to_string(), body))
}

/// Each flag's advice, in the result's order.
pub fn flag_texts(t: &Texts, r: &Assessment, journey: &Journey) -> Vec<String> {
    let read = journey.answers.read();
    let opioid = read.has_any(Q::Substances, &["opioids"]);
    let on_moud = read.has_any(Q::OnMedication, &["opioid_treatment", "both"]);
    let daily_other =
        read.has_any(Q::Substances, &["other"]) && read.has_any(Q::UseFrequency, &["daily"]);
    let self_harm_skipped = read.is_unanswered(Q::SelfHarm);
    r.flags
        .iter()
        .map(|f| {
            let key = match f {
                Flag::OverdoseRisk if on_moud => "flag.overdose_risk.moud",
                Flag::RecoveryHousing if r.level == Level::Residential => {
                    "flag.recovery_housing.residential"
                }
                Flag::MedicationForOpioids if !chosen(journey, "opioids") => {
                    "flag.medication_for_opioids.if_use"
                }
                Flag::TalkToClinician if self_harm_skipped => "flag.talk_to_clinician.self_harm",
                _ => "",
            };
            let text = if key.is_empty() {
                t.t(&format!("flag.{f}")).to_string()
            } else {
                t.t(key).to_string()
            };
            // A sentence added for some cases; the "if you take ..." and
            // "some pills" forms name nothing the visitor did not choose.
            let extra = match f {
                Flag::RecoveryHousing if opioid => Some("flag.recovery_housing.opioids"),
                Flag::SeeDoctorFirst if daily_other => Some("flag.see_doctor_first.other"),
                Flag::FamilySupport if chosen(journey, "opioids") => {
                    Some("flag.family_support.opioids")
                }
                _ => None,
            };
            match extra {
                Some(k) => format!("{text} {}", t.t(k)),
                None => text,
            }
        })
        .collect()
}

/// The suggested first contact (rule 13).
pub fn contact_text<'a>(t: &'a Texts, r: &Assessment) -> &'a str {
    match r.first_contact {
        FirstContact::ReachOut => t.t("contact.reach_out"),
        FirstContact::TalkItOver => t.t("contact.talk_it_over"),
        FirstContact::SafetyFirst => t.t("contact.safety_first"),
    }
}

/// The skipped questions, each by its short name.
pub fn skipped_names(t: &Texts, journey: &Journey) -> Vec<(Q, String)> {
    journey
        .skipped()
        .into_iter()
        .map(|q| (q, t.t(&format!("q.{q}.short")).to_string()))
        .collect()
}
