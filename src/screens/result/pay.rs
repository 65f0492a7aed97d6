//! "How would you pay?": an optional step after the result, shown only
//! when the center says how people can pay (`payment`, `plans`). What the
//! visitor answers is not clinical: it never changes the estimate and is
//! never in the code, a saved place or an event (`journey::Pay`).

use super::super::node::{el, p, Act, El, Node, On, Only};
use super::super::parts::with_center;
use crate::host_config::Config;
use crate::i18n::Texts;
use crate::journey::{Journey, Msg, Pay};

/// The visitor's options, as the form's values.
pub const PAYERS: [&str; 8] = [
    "medicaid", "medicare", "tricare", "va", "private", "self_pay", "none", "not_sure",
];

/// What an answer means at this center (`data-payment`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// A payer the center lists (for insurance, a listed plan).
    Accepted,
    /// Call to check: another plan, not sure, or no insurance or paying on
    /// one's own where the center has a sliding scale or free care.
    Check,
    /// A payer the center does not list; no insurance where it has
    /// neither a sliding scale nor free care.
    Elsewhere,
}

impl Fit {
    pub fn id(self) -> &'static str {
        match self {
            Fit::Accepted => "accepted",
            Fit::Check => "check",
            Fit::Elsewhere => "elsewhere",
        }
    }
}

/// Whether the center says anything about paying (else: no step).
pub fn offered(config: &Config) -> bool {
    !config.payment.is_empty() || !config.plans.is_empty()
}

/// Insurance counts as listed when the center lists `private` or names
/// plans.
fn takes_insurance(config: &Config) -> bool {
    config.payment.contains(&"private") || !config.plans.is_empty()
}

/// What `payer` (and, for insurance, `plan`) means at this center.
pub fn fit(payer: &str, plan: Option<u8>, config: &Config) -> Fit {
    let lists = |id: &str| config.payment.contains(&id);
    let low_cost = lists("sliding_scale") || lists("free");
    match payer {
        "not_sure" => Fit::Check,
        "none" if low_cost => Fit::Check,
        "none" => Fit::Elsewhere,
        "self_pay" if lists("self_pay") => Fit::Accepted,
        "self_pay" if low_cost => Fit::Check,
        "private" if !takes_insurance(config) => Fit::Elsewhere,
        "private" => match plan {
            Some(i) if usize::from(i) < config.plans.len() => Fit::Accepted,
            _ => Fit::Check,
        },
        other if lists(other) => Fit::Accepted,
        _ => Fit::Elsewhere,
    }
}

/// The payer as the result's sentences name it.
fn payer_name(t: &Texts, payer: &str, plan: Option<u8>, config: &Config) -> String {
    match payer {
        "medicaid" => match &config.medicaid_state {
            Some(state) => t.f("pay.name.medicaid", &[("state", state)]),
            None => "Medicaid".to_string(),
        },
        "private" => plan
            .and_then(|i| config.plans.get(usize::from(i)))
            .map(|name| crate::i18n::isolate(name.as_str()))
            .unwrap_or_else(|| t.t("pay.name.plan").to_string()),
        other => t.t(&format!("pay.name.{other}")).to_string(),
    }
}

/// A sentence with `{center}` as the center's name and `{payer}` filled.
fn said(t: &Texts, key: &str, payer: &str) -> El {
    el("p").children(with_center(&Texts::fill(t.t(key), &[("payer", payer)])))
}

/// The ways to find a program that takes it: FindTreatment.gov and the
/// SAMHSA helpline (told to the host as refer-on taps are).
fn find_elsewhere(t: &Texts) -> Vec<Node> {
    let told = |e: El, action| e.on(On::Click, Act::Go(Msg::Contact(action)));
    vec![
        p(t.t("pay.find")).into(),
        el("p")
            .class("cp-action-row")
            .child(told(
                El::link("cp-button", "tel:+18006624357", t.t("refer.helpline_link")),
                "helpline",
            ))
            .child(told(
                El::link(
                    "cp-button",
                    "https://findtreatment.gov/",
                    t.t("refer.locator_link"),
                )
                .attr("target", "_blank")
                .attr("rel", "noopener noreferrer"),
                "find_treatment",
            ))
            .only(Only::Screen)
            .into(),
    ]
}

/// What the answer means, plainly.
fn outcome(t: &Texts, payer: &'static str, plan: Option<u8>, config: &Config) -> El {
    let fit = fit(payer, plan, config);
    let name = payer_name(t, payer, plan, config);
    let lists = |id: &str| config.payment.contains(&id);
    let mut part = el("div")
        .class("cp-pay-fit")
        .attr("data-payment", fit.id())
        .attr("role", "status");
    part = match (fit, payer) {
        (Fit::Accepted, _) => part.child(said(t, "pay.accepted", &name)),
        (Fit::Check, "not_sure") => part.child(p(t.t("pay.not_sure"))),
        (Fit::Check, "none" | "self_pay") => part
            .maybe(lists("sliding_scale").then(|| said(t, "pay.sliding", "")))
            .maybe(lists("free").then(|| said(t, "pay.free", ""))),
        (Fit::Check, _) => part
            .child(said(t, "pay.check", &name))
            .children(find_elsewhere(t)),
        (Fit::Elsewhere, "none") => part
            .child(p(t.t("pay.no_insurance")))
            .children(find_elsewhere(t)),
        (Fit::Elsewhere, _) => part
            .child(said(t, "pay.elsewhere", &name))
            .children(find_elsewhere(t)),
    };
    // Without insurance, or paying on one's own: the right to a written
    // cost first (the No Surprises Act's Good Faith Estimate).
    part.maybe(matches!(payer, "none" | "self_pay").then(|| p(t.t("pay.gfe"))))
}

/// The form: one question, with "not sure" among the options and "Prefer
/// not to say" beside the button; insurance then asks which plan.
fn form(t: &Texts, pay: &Pay, config: &Config) -> El {
    let radio = |name: &'static str, value: String, label: String, checked: bool, act: Msg| {
        let id = format!("cp-pay-{value}");
        el("div")
            .class("cp-option")
            .child(
                el("input")
                    .attr("type", "radio")
                    .class("cp-input")
                    .attr("id", id.clone())
                    .attr("name", name)
                    .attr("value", value)
                    .checked(checked)
                    .on(On::Change, Act::Go(act)),
            )
            .child(el("label").attr("for", id).text(label))
    };
    let payers = PAYERS.iter().map(|&payer| {
        radio(
            "payment",
            payer.to_string(),
            t.t(&format!("pay.opt.{payer}")).to_string(),
            pay.pick == Some(payer),
            Msg::PayPick(payer),
        )
    });
    let plans = (pay.pick == Some("private") && !config.plans.is_empty()).then(|| {
        let mut options: Vec<El> = config
            .plans
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let i = u8::try_from(i).unwrap_or(0);
                radio(
                    "plan",
                    format!("plan_{i}"),
                    name.clone(),
                    pay.plan == Some(i),
                    Msg::PayPlan(i),
                )
            })
            .collect();
        options.push(radio(
            "plan",
            "other_plan".to_string(),
            t.t("pay.plan.other").to_string(),
            pay.plan == Some(Pay::OTHER_PLAN),
            Msg::PayPlan(Pay::OTHER_PLAN),
        ));
        el("fieldset")
            .class("cp-fieldset")
            .child(el("legend").class("cp-legend").text(t.t("pay.plan")))
            .child(el("div").class("cp-options").children(options))
    });
    el("form")
        .class("cp-pay-form")
        .attr("data-question", "payment")
        .attr("novalidate", "true")
        .child(
            el("fieldset")
                .class("cp-fieldset")
                .child(
                    el("legend").class("cp-legend").child(
                        el("h4")
                            .class("cp-pay-focus")
                            .attr("tabindex", "-1")
                            .text(t.t("pay.open")),
                    ),
                )
                .child(
                    el("p")
                        .class("cp-hint")
                        .children(with_center(t.t("pay.intro"))),
                )
                .child(el("div").class("cp-options").children(payers)),
        )
        .maybe(plans)
        .child(
            el("div")
                .class("cp-nav")
                .child(El::submit(t.t("pay.submit"), Act::Go(Msg::PaySubmit)))
                .child(El::button(
                    "cp-button cp-secondary",
                    t.t("nav.skip"),
                    Act::Go(Msg::PaySkip),
                )),
        )
}

/// The payment part of the result, if the center says how people pay.
pub fn section(t: &Texts, journey: &Journey, config: &Config) -> Option<El> {
    if !offered(config) {
        return None;
    }
    let pay = &journey.pay;
    let shown = pay.answer.filter(|_| !pay.open);
    Some(
        el("div")
            .class("cp-pay")
            .child(el("h3").text(t.t("pay.heading")))
            .maybe(shown.map(|(payer, plan)| outcome(t, payer, plan, config)))
            .maybe(
                config
                    .payment_note
                    .as_ref()
                    .map(|note| p(note.as_str()).class("cp-pay-note")),
            )
            .child(if pay.open {
                form(t, pay, config).only(Only::Screen)
            } else {
                El::button("cp-button", t.t("pay.open"), Act::Go(Msg::PayOpen))
                    .attr("data-action", "pay")
                    .only(Only::Screen)
            }),
    )
}

/// What to have ready for the call, on the result and on paper.
pub fn ready(t: &Texts) -> El {
    let li = |key: &str| el("li").text(t.t(key));
    el("div")
        .class("cp-ready")
        .child(el("h3").text(t.t("ready.heading")))
        .child(
            el("ul")
                .child(li("ready.id"))
                .child(li("ready.card"))
                .child(li("ready.meds"))
                .child(li("ready.code")),
        )
        .child(p(t.t("ready.questions")))
        .child(
            el("ul")
                .child(li("ready.q.licensed"))
                .child(li("ready.q.medicine"))
                .child(li("ready.q.family"))
                .child(li("ready.q.after")),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn center(payment: &[&'static str], plans: &[&str]) -> Config {
        Config {
            payment: payment.to_vec(),
            plans: plans.iter().map(|p| p.to_string()).collect(),
            medicaid_state: Some("WA".into()),
            ..Config::default()
        }
    }

    /// Every answer against every kind of center: `none` is never
    /// accepted; an unlisted payer is never accepted; a listed one is.
    #[test]
    fn what_each_answer_means_at_each_center() {
        let ids = crate::host_config::PAYMENT;
        for mask in 0u16..(1 << ids.len()) {
            let payment: Vec<&'static str> = ids
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, id)| *id)
                .collect();
            for plans in [&[][..], &["Aetna", "Premera"][..]] {
                let c = center(&payment, plans);
                let low_cost = payment.contains(&"sliding_scale") || payment.contains(&"free");
                for payer in PAYERS {
                    for plan in [None, Some(0), Some(1), Some(Pay::OTHER_PLAN)] {
                        let got = fit(payer, plan, &c);
                        let want = match payer {
                            "not_sure" => Fit::Check,
                            "none" => {
                                if low_cost {
                                    Fit::Check
                                } else {
                                    Fit::Elsewhere
                                }
                            }
                            "self_pay" if payment.contains(&"self_pay") => Fit::Accepted,
                            "self_pay" => {
                                if low_cost {
                                    Fit::Check
                                } else {
                                    Fit::Elsewhere
                                }
                            }
                            "private" if !payment.contains(&"private") && plans.is_empty() => {
                                Fit::Elsewhere
                            }
                            "private" => match plan {
                                Some(i) if usize::from(i) < plans.len() => Fit::Accepted,
                                _ => Fit::Check,
                            },
                            other => {
                                if payment.contains(&other) {
                                    Fit::Accepted
                                } else {
                                    Fit::Elsewhere
                                }
                            }
                        };
                        assert_eq!(got, want, "{payer} {plan:?} at {payment:?} {plans:?}");
                        if payer == "none" {
                            assert_ne!(got, Fit::Accepted);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn medicaid_names_the_state_and_a_plan_its_name() {
        let t = Texts::english();
        let c = center(&["medicaid", "private"], &["Aetna"]);
        assert_eq!(payer_name(&t, "medicaid", None, &c), "WA Medicaid");
        assert_eq!(
            payer_name(&t, "private", Some(0), &c),
            "\u{2068}Aetna\u{2069}"
        );
        assert_eq!(
            payer_name(&t, "private", Some(Pay::OTHER_PLAN), &c),
            "your plan"
        );
    }
}
