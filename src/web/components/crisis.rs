//! Help right now: 911 (with what to do for a possible overdose), 988
//! (call or text), Poison Control for an awake person.

use yew::prelude::*;

use super::use_texts;
use crate::journey::Msg;

#[derive(Properties, PartialEq)]
pub struct CrisisProps {
    pub send: Callback<Msg>,
}

#[function_component]
pub fn Crisis(props: &CrisisProps) -> Html {
    let t = use_texts();
    let go_on = props.send.reform(|_: MouseEvent| Msg::Continue);
    let back = props.send.reform(|_: MouseEvent| Msg::Back);
    html! {
        <section class="cp-crisis" data-screen="crisis">
            <h2 class="cp-heading cp-focus" tabindex="-1">{ t.t("crisis.heading") }</h2>
            <p>{ t.t("crisis.body") }</p>
            <ul class="cp-crisis-lines">
                <li>
                    <p>{ t.t("crisis.911") }</p>
                    <p>{ t.t("crisis.overdose") }</p>
                    <a class="cp-button cp-urgent" href="tel:911">{ t.t("bar.call911") }</a>
                </li>
                <li>
                    <p>{ t.t("crisis.988") }</p>
                    <a class="cp-button cp-urgent" href="tel:988">{ t.t("bar.call988") }</a>
                    <a class="cp-button cp-urgent" href="sms:988">{ t.t("bar.text988") }</a>
                </li>
                <li>
                    <p>{ t.t("crisis.poison") }</p>
                    <a class="cp-button" href="tel:+18002221222">{ t.t("crisis.poison_link") }</a>
                </li>
            </ul>
            <p>{ t.t("crisis.stay") }</p>
            <p>{ t.t("crisis.later") }</p>
            <div class="cp-nav">
                <button type="button" class="cp-button cp-primary" onclick={go_on}>
                    { t.t("crisis.continue") }
                </button>
                <button type="button" class="cp-button cp-link" onclick={back}>{ t.t("nav.back") }</button>
            </div>
        </section>
    }
}
