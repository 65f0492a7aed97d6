//! The result: emergency or detox first, then the level, the week, the
//! months ahead, how it fits life, why, next steps and actions.

mod actions;
pub(crate) mod life;
pub(crate) mod timeline;
pub(crate) mod week;
pub(crate) mod words;

use std::rc::Rc;

use yew::prelude::*;

use super::use_texts;
use crate::assessment::{assess, Assessment, Urgent};
use crate::host_config::Config;
use crate::journey::{Journey, Msg};

#[derive(Properties, PartialEq)]
pub struct ResultProps {
    pub journey: Journey,
    pub config: Rc<Config>,
    pub send: Callback<Msg>,
    /// A contact action was taken (`call`, `contact`, `print`, ...).
    #[prop_or_default]
    pub on_contact: Callback<&'static str>,
}

#[function_component]
pub fn ResultScreen(props: &ResultProps) -> Html {
    let t = use_texts();
    // The first question is required, so the engine only fails if the
    // visitor never answered it: send them back to it.
    let result: Assessment = match assess(&props.journey.answers, props.config.center.as_ref()) {
        Ok(r) => r,
        Err(_) => {
            let back = props.send.reform(|_: MouseEvent| Msg::Restart);
            return html! {
                <section class="cp-result" data-screen="result">
                    <h2 class="cp-heading cp-focus" tabindex="-1">{ t.t("nav.need_answer_required") }</h2>
                    <button type="button" class="cp-button" onclick={back}>{ t.t("action.restart") }</button>
                </section>
            };
        }
    };
    let level = result.level;
    let first_step = match (result.urgent, result.withdrawal) {
        (Urgent::Emergency, _) => Some(html! {
            <div class="cp-first cp-first-emergency" role="note">
                <h3>{ t.t("first.emergency.heading") }</h3>
                <p>{ words::emergency_body(&t, &props.journey) }</p>
                <p class="cp-first-links">
                    <a class="cp-button cp-urgent" href="tel:911">{ t.t("bar.call911") }</a>
                    <a class="cp-button cp-urgent" href="tel:988">{ t.t("bar.call988") }</a>
                    <a class="cp-button cp-urgent" href="sms:988">{ t.t("bar.text988") }</a>
                </p>
            </div>
        }),
        _ => None,
    };
    let detox = words::detox_text(&t, &result, &props.journey).map(|(heading, body)| {
        let why = result
            .reasons
            .iter()
            .find(|r| r.dimension == crate::assessment::Dimension::Withdrawal)
            .map(|r| t.t(&format!("reason.{}", r.key)).to_string());
        html! {
            <div class="cp-first cp-first-detox" role="note">
                <h3>{ heading }</h3>
                { for body.into_iter().map(|p| html! { <p>{ p }</p> }) }
                if let Some(why) = why { <p>{ why }</p> }
            </div>
        }
    });
    let reasons = result.reasons.iter().filter(|r| r.rule.is_some()).map(|r| {
        html! {
            <li class={classes!(r.drives.then_some("cp-drives"))}>
                <strong>{ t.t(&format!("dim.{}", r.dimension)) }{ ": " }</strong>
                { t.t(&format!("reason.{}", r.key)) }
                if r.drives { { " " }<em>{ t.t("why.drives") }</em> }
            </li>
        }
    });
    let steps = words::flag_texts(&t, &result, &props.journey)
        .into_iter()
        .map(|text| html! { <li>{ text }</li> });
    let skipped = words::skipped_names(&t, &props.journey);
    let skipped_list = skipped.into_iter().map(|(q, name)| {
        let revisit = props.send.reform(move |_: MouseEvent| Msg::Revisit(q));
        html! {
            <li data-question={q.id()}>
                <span>{ name }</span>{ " " }
                <button type="button" class="cp-button cp-secondary" onclick={revisit}
                    aria-label={format!("{}: {}", t.t("skipped.answer"), t.t(&format!("q.{q}.short")))}>
                    { t.t("skipped.answer") }
                </button>
            </li>
        }
    });
    let has_skips = !props.journey.skipped().is_empty();
    html! {
        <section class="cp-result" data-screen="result">
            <h2 class="cp-heading cp-focus" tabindex="-1">{ t.t("result.heading") }</h2>
            { for first_step }
            { for detox }
            <div class="cp-level" data-level={level.id()} data-urgent={result.urgent.id()}
                data-withdrawal={result.withdrawal.id()}>
                <p class="cp-fits">{ t.t("result.fits") }</p>
                <p class="cp-level-name">{ t.t(&format!("level.{level}.name")) }</p>
                <p>{ t.t(&format!("level.{level}.about")) }</p>
                <h3>{ t.t("result.day_heading") }</h3>
                <p>{ t.t(&format!("level.{level}.day")) }</p>
            </div>
            <week::Week result={result.clone()} />
            <timeline::Timeline result={result.clone()} journey={props.journey.clone()} />
            <life::Life result={result.clone()} journey={props.journey.clone()} />
            <div class="cp-why">
                <h3>{ t.t("why.heading") }</h3>
                <ul>{ for reasons }</ul>
            </div>
            if !result.flags.is_empty() {
                <div class="cp-steps">
                    <h3>{ t.t("steps.heading") }</h3>
                    <ul>{ for steps }</ul>
                </div>
            }
            if has_skips {
                <div class="cp-skipped" data-skipped="true">
                    <h3>{ t.t("skipped.heading") }</h3>
                    <p>{ t.t("skipped.intro") }</p>
                    <ul>{ for skipped_list }</ul>
                </div>
            }
            <p class="cp-estimate">{ t.t("result.estimate") }</p>
            <actions::Actions result={result.clone()} journey={props.journey.clone()}
                config={props.config.clone()} send={props.send.clone()} on_contact={props.on_contact.clone()} />
        </section>
    }
}
