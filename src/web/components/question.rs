//! One question per screen: a fieldset whose legend is the question, real
//! radio buttons or checkboxes named by the question id, valued by the
//! option id.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::use_texts;
use crate::assessment::questions::{question, Kind};
use crate::assessment::Q;
use crate::journey::{Hold, Journey, Msg};

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub q: Q,
    pub journey: Journey,
    pub send: Callback<Msg>,
}

#[function_component]
pub fn QuestionScreen(props: &QuestionProps) -> Html {
    let t = use_texts();
    let q = props.q;
    let bank = question(q);
    let (n, total) = props.journey.progress(q);
    let chosen = props.journey.answers.chosen(q).unwrap_or_default();
    let hint_key = format!("q.{q}.hint");
    let help_key = format!("q.{q}.help");
    let hint = (t.t(&hint_key) != hint_key).then(|| t.t(&hint_key).to_string());
    let help = (t.t(&help_key) != help_key).then(|| t.t(&help_key).to_string());
    let hint_id = format!("cp-hint-{q}");
    let error_id = format!("cp-error-{q}");
    let hold = props.journey.hold == Some(Hold::NeedAnswer);
    let described_by = [
        hint.as_ref().map(|_| hint_id.clone()),
        hold.then(|| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");

    let options = bank.options.iter().map(|&option| {
        let id = format!("cp-{q}-{option}");
        let checked = chosen.contains(&option);
        let send = props.send.clone();
        let (kind, onchange) = match bank.kind {
            Kind::One => (
                "radio",
                Callback::from(move |_: Event| send.emit(Msg::Choose(q, option))),
            ),
            Kind::Many => (
                "checkbox",
                Callback::from(move |e: Event| {
                    let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                    send.emit(Msg::Toggle(q, option, on));
                }),
            ),
        };
        html! {
            <div class="cp-option">
                <input type={kind} class="cp-input" id={id.clone()} name={q.id()} value={option}
                    checked={checked} {onchange} />
                <label for={id}>{ t.t(&format!("q.{q}.opt.{option}")) }</label>
            </div>
        }
    });

    let onsubmit = props.send.reform(|e: SubmitEvent| {
        e.prevent_default();
        Msg::Next
    });
    let skip = props.send.reform(|_: MouseEvent| Msg::Skip);
    let back = props.send.reform(|_: MouseEvent| Msg::Back);
    let error_key = if q == Q::DangerNow {
        "nav.need_answer_required"
    } else {
        "nav.need_answer"
    };

    html! {
        <form class="cp-question" data-screen="question" data-question={q.id()} {onsubmit} novalidate=true>
            <fieldset class="cp-fieldset" aria-describedby={(!described_by.is_empty()).then_some(described_by)}>
                <legend class="cp-legend">
                    <h2 class="cp-heading cp-focus" tabindex="-1">
                        <span class="cp-progress">
                            { t.f("nav.progress", &[("n", &n.to_string()), ("total", &total.to_string())]) }
                        </span>
                        <span class="cp-question-text">{ t.t(&format!("q.{q}.legend")) }</span>
                    </h2>
                </legend>
                if let Some(hint) = hint {
                    <p class="cp-hint" id={hint_id}>{ hint }</p>
                }
                if let Some(help) = help {
                    <details class="cp-help">
                        <summary>{ t.t("nav.help") }</summary>
                        <p>{ help }</p>
                    </details>
                }
                if hold {
                    <p class="cp-error" id={error_id} role="alert">{ t.t(error_key) }</p>
                }
                <div class={classes!("cp-options", (bank.kind == Kind::Many).then_some("cp-many"))}>
                    { for options }
                </div>
            </fieldset>
            <div class="cp-nav">
                <button type="submit" class="cp-button cp-primary">{ t.t("nav.next") }</button>
                if q != Q::DangerNow {
                    <button type="button" class="cp-button cp-secondary" onclick={skip}>{ t.t("nav.skip") }</button>
                }
                <button type="button" class="cp-button cp-link" onclick={back}>
                    { t.t(if props.journey.revisit { "skipped.back" } else { "nav.back" }) }
                </button>
            </div>
        </form>
    }
}
