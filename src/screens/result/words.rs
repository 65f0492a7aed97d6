//! The result's words that depend on more than one field (the answers as
//! well as the result): chosen once here for the result screen and the
//! print summary alike.

use crate::assessment::{Assessment, FirstContact, Flag, Withdrawal, Q};
use crate::i18n::Texts;
use crate::journey::Journey;

/// `withdrawal = medically_managed`, `pregnant = yes` and `opioid`: the
/// first step is a hospital stay to start medicine, never "detox".
pub fn pregnant_opioids(r: &Assessment, journey: &Journey) -> bool {
    let read = journey.answers.read();
    r.withdrawal == Withdrawal::MedicallyManaged
        && read.has_any(Q::Pregnant, &["yes"])
        && read.has_any(Q::Substances, &["opioids"])
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
    let name = match r.withdrawal {
        Withdrawal::None => return None,
        Withdrawal::MedicallyManaged if pregnant_opioids(r, journey) => {
            "medically_managed.pregnant_opioids"
        }
        Withdrawal::MedicallyManaged => "medically_managed",
        Withdrawal::Ambulatory => "ambulatory",
    };
    let days = r.phases.iter().find_map(|p| p.days)?;
    let (min, max) = (days.min.to_string(), days.max.to_string());
    let mut body = vec![t.f(
        &format!("first.{name}.body"),
        &[("min", &min), ("max", &max)],
    )];
    let opioid = journey.answers.read().has_any(Q::Substances, &["opioids"]);
    if r.withdrawal == Withdrawal::Ambulatory && opioid {
        body.push(t.t("first.ambulatory.opioids").to_string());
    }
    Some((t.t(&format!("first.{name}.heading")).to_string(), body))
}

/// Each flag's advice, in the result's order.
pub fn flag_texts(t: &Texts, r: &Assessment, journey: &Journey) -> Vec<String> {
    let opioid = journey.answers.read().has_any(Q::Substances, &["opioids"]);
    r.flags
        .iter()
        .map(|f| {
            let text = t.t(&format!("flag.{f}")).to_string();
            if *f == Flag::RecoveryHousing && opioid {
                format!("{text} {}", t.t("flag.recovery_housing.opioids"))
            } else {
                text
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
