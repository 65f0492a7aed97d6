//! The emergency line, on every screen: 911 and 988 (call or text).

use yew::prelude::*;

use super::use_texts;

#[function_component]
pub fn EmergencyBar() -> Html {
    let t = use_texts();
    html! {
        <aside class="cp-bar" aria-label={t.t("bar.text").to_string()}>
            <span class="cp-bar-text">{ t.t("bar.text") }</span>
            <a class="cp-bar-link" href="tel:911">{ t.t("bar.call911") }</a>
            <a class="cp-bar-link" href="tel:988">{ t.t("bar.call988") }</a>
            <a class="cp-bar-link" href="sms:988">{ t.t("bar.text988") }</a>
        </aside>
    }
}
