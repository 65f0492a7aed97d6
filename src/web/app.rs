//! The widget's root: one reducer for the journey, the locale texts as
//! context, focus moved to each new screen's heading.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use super::components::{Crisis, EmergencyBar, QuestionScreen, ResultScreen, StartScreen};
use super::config::Config;
use super::state::State;
use crate::i18n::Texts;
use crate::journey::{Msg, Screen};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub config: Rc<Config>,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let texts = use_memo((), |_| Texts::english());
    let state = use_reducer(State::default);
    let root = use_node_ref();
    {
        // Focus the new screen's heading, but never on first load: the
        // widget must not pull focus from the host page.
        let root = root.clone();
        use_effect_with(state.0.step, move |step| {
            if *step > 0 {
                focus_heading(&root);
            }
        });
    }
    let send = {
        let state = state.clone();
        Callback::from(move |msg: Msg| state.dispatch(msg))
    };
    let journey = &state.0;
    let screen = match journey.screen {
        Screen::Start => html! { <StartScreen send={send.clone()} /> },
        Screen::Question(q) => html! {
            // Keyed by question: inputs are rebuilt for each question, so a
            // reused radio never unchecks the saved answer of the next group.
            <QuestionScreen key={q.id()} q={q} journey={journey.clone()} send={send.clone()} />
        },
        Screen::Crisis { .. } => html! {
            <Crisis someone_else={journey.about_someone_else()} send={send.clone()} />
        },
        Screen::Result => html! {
            <ResultScreen journey={journey.clone()} config={props.config.clone()} send={send.clone()} />
        },
    };
    html! {
        <ContextProvider<Rc<Texts>> context={texts.clone()}>
            <div class="cp" lang={texts.lang()} ref={root}>
                <EmergencyBar />
                <div class="cp-screen">{ screen }</div>
            </div>
        </ContextProvider<Rc<Texts>>>
    }
}

fn focus_heading(root: &NodeRef) {
    let Some(root) = root.cast::<HtmlElement>() else {
        return;
    };
    if let Ok(Some(heading)) = root.query_selector(".cp-focus") {
        if let Ok(heading) = wasm_bindgen::JsCast::dyn_into::<HtmlElement>(heading) {
            let _ = heading.focus();
        }
    }
}
