//! What to do next: the first contact, call or contact the center (or be
//! referred on), print or save a summary, start over.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::super::use_texts;
use crate::assessment::Assessment;
use crate::host_config::Config;
use crate::journey::{Journey, Msg};
use crate::web::summary;

#[derive(Properties, PartialEq)]
pub struct ActionsProps {
    pub result: Assessment,
    pub journey: Journey,
    pub config: Rc<Config>,
    pub send: Callback<Msg>,
    pub on_contact: Callback<&'static str>,
}

#[function_component]
pub fn Actions(props: &ActionsProps) -> Html {
    let t = use_texts();
    let r = &props.result;
    let center = crate::i18n::isolate(&props.config.center_name.clone().unwrap_or_default());
    let contact = super::words::contact_text(&t, r);
    let print = {
        let (texts, result, journey, config) = (
            t.clone(),
            r.clone(),
            props.journey.clone(),
            props.config.clone(),
        );
        let on_contact = props.on_contact.clone();
        Callback::from(move |e: MouseEvent| {
            // The widget's own root, for a print frame if popups are blocked.
            let place = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                .map(|n| n.get_root_node());
            // Told only when the visitor got a summary or a print dialog.
            if summary::open(&texts, &result, &journey, &config, place) {
                on_contact.emit("print");
            }
        })
    };
    let tell = |action: &'static str| props.on_contact.reform(move |_: MouseEvent| action);
    let restart = props.send.reform(|_: MouseEvent| Msg::Restart);
    let back = props.send.reform(|_: MouseEvent| Msg::Back);
    let refer = r.center_offers_level == Some(false);
    let refer_first_step = r.center_offers_first_step == Some(false);
    html! {
        <div class="cp-actions">
            <h3>{ t.t("action.heading") }</h3>
            if refer || refer_first_step {
                <div class="cp-refer" data-refer="true">
                    if refer_first_step {
                        <p><strong>{ t.t("refer.first_step.heading") }</strong></p>
                    }
                    if refer {
                        <p><strong>{ t.t("refer.heading") }</strong></p>
                    }
                    <p>{ t.t("refer.body") }</p>
                    <p class="cp-action-row">
                        <a class="cp-button" href="tel:+18006624357" onclick={tell("helpline")}>{ t.t("refer.helpline_link") }</a>
                        <a class="cp-button" href="https://findtreatment.gov/" target="_blank" rel="noopener noreferrer"
                            onclick={tell("find_treatment")}>
                            { t.t("refer.locator_link") }
                        </a>
                    </p>
                </div>
            }
            <p>{ contact }</p>
            <p class="cp-action-row">
                if let Some(phone) = props.config.phone.clone() {
                    <a class="cp-button cp-primary" href={format!("tel:{phone}")} data-action="call" onclick={tell("call")}>
                        { t.f("action.call", &[("center", &center)]) }
                    </a>
                }
                if let Some(url) = props.config.contact_url.clone() {
                    <a class="cp-button" href={url} target="_blank" rel="noopener noreferrer" data-action="contact" onclick={tell("contact")}>
                        { t.f("action.contact", &[("center", &center)]) }
                    </a>
                }
                <button type="button" class="cp-button" onclick={print} data-action="print">
                    { t.t("action.print") }
                </button>
            </p>
            <p class="cp-action-row">
                <button type="button" class="cp-button cp-secondary" onclick={back} data-action="back">
                    { t.t("action.back") }
                </button>
                <button type="button" class="cp-button cp-secondary" onclick={restart} data-action="restart"
                    aria-describedby="cp-restart-note">
                    { t.t("action.restart") }
                </button>
                <span class="cp-note" id="cp-restart-note">{ t.t("action.restart_note") }</span>
            </p>
        </div>
    }
}
