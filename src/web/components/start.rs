//! What this is, before the first question.

use yew::prelude::*;

use super::use_texts;
use crate::journey::Msg;

#[derive(Properties, PartialEq)]
pub struct StartProps {
    pub send: Callback<Msg>,
    /// The privacy sentences for what the host turned on
    /// (`Config::privacy_keys`).
    pub privacy: Vec<&'static str>,
}

#[function_component]
pub fn StartScreen(props: &StartProps) -> Html {
    let t = use_texts();
    let begin = props.send.reform(|_: MouseEvent| Msg::Begin);
    html! {
        <section class="cp-start" data-screen="start">
            <h2 class="cp-heading cp-focus" tabindex="-1">{ t.t("start.heading") }</h2>
            <p>{ t.t("start.intro") }</p>
            { for props.privacy.iter().map(|k| html! { <p>{ t.t(k) }</p> }) }
            <p>{ t.t("start.estimate") }</p>
            <p>{ t.t("start.who") }</p>
            <button type="button" class="cp-button cp-primary" onclick={begin}>
                { t.t("start.begin") }
            </button>
        </section>
    }
}
