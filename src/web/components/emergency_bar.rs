//! The emergency line, on every screen: 911 and 988 (call or text); and
//! the language switch, which keeps the answers and the place.

use yew::prelude::*;

use super::use_texts;

#[derive(Properties, PartialEq)]
pub struct EmergencyBarProps {
    /// The locale the switch offers (its button is in that language).
    pub switch_to: &'static str,
    pub on_switch: Callback<()>,
}

#[function_component]
pub fn EmergencyBar(props: &EmergencyBarProps) -> Html {
    let t = use_texts();
    let switch = props.on_switch.reform(|_: MouseEvent| ());
    html! {
        <aside class="cp-bar" aria-label={t.t("bar.text").to_string()}>
            <span class="cp-bar-text">{ t.t("bar.text") }</span>
            <a class="cp-bar-link" href="tel:911">{ t.t("bar.call911") }</a>
            <a class="cp-bar-link" href="tel:988">{ t.t("bar.call988") }</a>
            <a class="cp-bar-link" href="sms:988">{ t.t("bar.text988") }</a>
            <button type="button" class="cp-lang" lang={props.switch_to} onclick={switch} data-switch-to={props.switch_to}>
                { t.t("lang.switch") }
            </button>
        </aside>
    }
}
