//! What to do next: the first contact, call or contact the center (or be
//! referred on), print or save a summary, start over.

use super::super::node::{el, p, Act, El, On, Only, Slot};
use super::super::parts::with_center;
use super::words;
use crate::assessment::Assessment;
use crate::host_config::Config;
use crate::i18n::Texts;
use crate::journey::Msg;

/// A link that tells the host it was used (`Msg::Contact`).
fn told(e: El, action: &'static str) -> El {
    e.on(On::Click, Act::Go(Msg::Contact(action)))
}

/// A text to the center from the visitor's own phone: the center's number
/// and one plain sentence with the reference code, naming no level,
/// substance or payer.
pub fn sms_href(t: &Texts, number: &str, code: &str) -> String {
    super::super::crisis_lines::text_to(number, &format!("{} {code}", t.t("sms.body")))
}

pub fn actions(t: &Texts, r: &Assessment, config: &Config, code: Option<&str>) -> El {
    let refer = r.center_offers_level == Some(false);
    let refer_first_step = r.center_offers_first_step == Some(false);
    let strong = |key| el("p").child(el("strong").text(t.t(key)));
    let new_tab = |e: El| {
        e.attr("target", "_blank")
            .attr("rel", "noopener noreferrer")
    };
    let refer_box = (refer || refer_first_step).then(|| {
        el("div")
            .class("cp-refer")
            .attr("data-refer", "true")
            .maybe(refer_first_step.then(|| strong("refer.first_step.heading")))
            .maybe(refer.then(|| strong("refer.heading")))
            .child(p(t.t("refer.body")))
            .child(
                el("p")
                    .class("cp-action-row")
                    .child(told(
                        El::link(
                            "cp-button cp-primary",
                            "tel:+18006624357",
                            t.t("refer.helpline_link"),
                        ),
                        "helpline",
                    ))
                    .child(told(
                        new_tab(El::link(
                            "cp-button",
                            "https://findtreatment.gov/",
                            t.t("refer.locator_link"),
                        )),
                        "find_treatment",
                    ))
                    .only(Only::Screen),
            )
    });
    // Where the center does not offer what fits, the ways to find it come
    // first; the center's number second, with why it is still worth a call.
    let call = config.phone.as_ref().map(|_| {
        told(
            el("a")
                .class(if refer {
                    "cp-button"
                } else {
                    "cp-button cp-primary"
                })
                .slot_attr("href", Slot::Tel)
                .attr("data-action", "call")
                .children(with_center(t.t("action.call"))),
            "call",
        )
    });
    let text_us = config.sms.as_ref().zip(code).map(|(number, code)| {
        told(
            el("a")
                .class("cp-button")
                .attr("href", sms_href(t, number, code))
                .attr("data-action", "sms")
                .children(with_center(t.t("sms.link"))),
            "sms",
        )
    });
    let contact = config.contact_url.as_ref().map(|url| {
        told(
            new_tab(el("a").class("cp-button").attr("href", url.as_str()))
                .attr("data-action", "contact")
                .children(with_center(t.t("action.contact"))),
            "contact",
        )
    });
    // On paper, the center's name and number as text: the number as the
    // center wrote it (the `tel:` form only if that is all there is).
    let shown = config.phone_shown.as_ref().or(config.phone.as_ref());
    let center_line = match (&config.center_name, config.phone.as_ref().and(shown)) {
        (Some(_), Some(phone)) => Some(
            el("p")
                .child(Slot::Center)
                .text(format!(": {}", crate::i18n::isolate(phone)))
                .only(Only::Print),
        ),
        _ => None,
    };
    el("div")
        .class("cp-actions")
        .child(el("h3").text(t.t("action.heading")))
        .maybe(refer_box)
        .maybe(
            (refer && config.phone.is_some())
                .then(|| el("p").children(with_center(t.t("refer.still_call")))),
        )
        .child(p(words::contact_text(t, r)))
        .maybe(center_line)
        .child(
            el("p")
                .class("cp-action-row")
                .maybe(call)
                .maybe(text_us)
                .maybe(contact)
                .child(
                    El::button("cp-button", t.t("action.print"), Act::Print)
                        .attr("data-action", "print"),
                )
                .only(Only::Screen),
        )
        .maybe(
            config
                .sms
                .as_ref()
                .zip(code)
                .map(|_| p(t.t("sms.note")).class("cp-note").only(Only::Screen)),
        )
        .child(
            el("p")
                .class("cp-action-row")
                .child(
                    El::button(
                        "cp-button cp-secondary",
                        t.t("action.back"),
                        Act::Go(Msg::Back),
                    )
                    .attr("data-action", "back"),
                )
                .child(
                    El::button(
                        "cp-button cp-secondary",
                        t.t("action.restart"),
                        Act::Go(Msg::Restart),
                    )
                    .attr("data-action", "restart")
                    .attr("aria-describedby", "cp-restart-note"),
                )
                .child(
                    el("span")
                        .class("cp-note")
                        .attr("id", "cp-restart-note")
                        .text(t.t("action.restart_note")),
                )
                .only(Only::Screen),
        )
}
