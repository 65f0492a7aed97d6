//! Component tests in a real browser (wasm-bindgen-test in headless
//! Chromium): the widget mounted in its shadow root, driven by clicks.
#![cfg(target_arch = "wasm32")]

use carepath::web::embed;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

/// Lets yew render what the last event scheduled.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

async fn mounted() -> ShadowRoot {
    let document = gloo::utils::document();
    let host = document.create_element("div").unwrap();
    host.set_attribute("data-carepath", "").unwrap();
    host.set_attribute("center-name", "Test Center").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    // The loader attaches the root (closed by default) and hands it over;
    // the test opens its own so it can look inside.
    let root = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    embed::mount(&host, &root, None, None, None, None);
    settle().await;
    root
}

fn find(root: &ShadowRoot, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

async fn click(root: &ShadowRoot, selector: &str) {
    find(root, selector).unchecked_into::<HtmlElement>().click();
    settle().await;
}

async fn answer(root: &ShadowRoot, question: &str, option: &str) {
    click(root, &format!("input[name={question}][value=\"{option}\"]")).await;
    click(root, "button[type=submit]").await;
}

#[wasm_bindgen_test]
async fn the_start_screen_shows_the_emergency_line_and_a_start_button() {
    let root = mounted().await;
    find(&root, "section[data-screen=start]");
    find(&root, "aside.cp-bar a[href='tel:911']");
    find(&root, "aside.cp-bar a[href='sms:988']");
    // In Spanish, 988 by text carries AYUDA (src/screens/crisis_lines.rs).
    // Spanish's words are a pack the loader fetches: given here.
    let words: std::collections::BTreeMap<String, String> =
        serde_json::from_str(include_str!("../locales/es.json")).unwrap();
    carepath::i18n::install("es", words).unwrap();
    click(&root, "button.cp-lang-item[data-lang=es]").await;
    find(
        &root,
        "div.cp[lang=es] aside.cp-bar a[href='sms:988?&body=AYUDA']",
    );
    assert!(root.query_selector("a[href='sms:988']").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_question_renders_its_options_as_named_radio_buttons_in_a_fieldset() {
    let root = mounted().await;
    click(&root, "section[data-screen=start] button").await;
    let form = find(&root, "form[data-question=danger_now]");
    let legend = find(&root, "fieldset legend h2");
    assert!(legend.text_content().unwrap().contains("Question 1 of 18"));
    let inputs = form
        .query_selector_all("input[type=radio][name=danger_now]")
        .unwrap();
    let values: Vec<String> = (0..inputs.length())
        .map(|i| {
            inputs
                .item(i)
                .unwrap()
                .unchecked_into::<HtmlInputElement>()
                .value()
        })
        .collect();
    assert_eq!(values, ["yes", "no"]);
    // Each input has a label.
    for v in ["yes", "no"] {
        find(&root, &format!("label[for=cp-danger_now-{v}]"));
    }
}

#[wasm_bindgen_test]
async fn back_keeps_the_answers() {
    let root = mounted().await;
    click(&root, "section[data-screen=start] button").await;
    answer(&root, "danger_now", "no").await;
    answer(&root, "for_whom", "someone_else").await;
    find(&root, "form[data-question=age]");
    // The wording now speaks of "they".
    assert!(find(&root, ".cp-question-text")
        .text_content()
        .unwrap()
        .contains("they"));
    click(&root, "button.cp-link").await;
    let input: HtmlInputElement =
        find(&root, "input[name=for_whom][value=someone_else]").unchecked_into();
    assert!(input.checked());
    click(&root, "button.cp-link").await;
    let input: HtmlInputElement = find(&root, "input[name=danger_now][value=no]").unchecked_into();
    assert!(input.checked());
}

#[wasm_bindgen_test]
async fn back_shows_each_saved_radio_answer_checked() {
    // A reused radio of the previous group must not uncheck the saved one.
    let root = mounted().await;
    click(&root, "section[data-screen=start] button").await;
    answer(&root, "danger_now", "no").await;
    answer(&root, "for_whom", "self").await;
    answer(&root, "age", "18_to_64").await;
    for _ in 0..3 {
        click(&root, "button.cp-link").await;
    }
    let no: HtmlInputElement = find(&root, "input[name=danger_now][value=no]").unchecked_into();
    assert!(no.checked());
}

#[wasm_bindgen_test]
async fn danger_now_yes_opens_the_crisis_screen() {
    let root = mounted().await;
    click(&root, "section[data-screen=start] button").await;
    answer(&root, "danger_now", "yes").await;
    find(&root, "section[data-screen=crisis]");
    find(&root, "section[data-screen=crisis] a[href='tel:911']");
    find(&root, "section[data-screen=crisis] a[href='tel:988']");
    find(&root, "section[data-screen=crisis] a[href='sms:988']");
    // v3: a possible overdose is 911 and naloxone, in the 911 item, before
    // Poison Control (for an awake person).
    let text = find(&root, "section[data-screen=crisis] ul.cp-crisis-lines")
        .text_content()
        .unwrap();
    let naloxone = text.find("naloxone").expect("naloxone advice");
    let poison = text.find("Poison Control").expect("Poison Control");
    assert!(naloxone < poison, "{text}");
    let first_item = find(&root, "section[data-screen=crisis] ul.cp-crisis-lines li")
        .text_content()
        .unwrap();
    assert!(first_item.contains("naloxone") && first_item.contains("911"));
    click(&root, "section[data-screen=crisis] button.cp-primary").await;
    find(&root, "form[data-question=for_whom]");
}

#[wasm_bindgen_test]
async fn next_without_an_answer_asks_for_one_and_stays() {
    let root = mounted().await;
    click(&root, "section[data-screen=start] button").await;
    click(&root, "button[type=submit]").await;
    find(
        &root,
        "form[data-question=danger_now] p.cp-error[role=alert]",
    );
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_keep_separate_answers() {
    let first = mounted().await;
    let second = mounted().await;
    click(&first, "section[data-screen=start] button").await;
    answer(&first, "danger_now", "no").await;
    find(&first, "form[data-question=for_whom]");
    find(&second, "section[data-screen=start]");
}

/// Every vignette (tests/vignettes/), as the browser gets them.
const VIGNETTES: [&str; 29] = [
    include_str!("vignettes/01-weekend-drinker-low-risk.json"),
    include_str!("vignettes/02-working-parent-moderate-alcohol.json"),
    include_str!("vignettes/03-severe-alcohol-withdrawal.json"),
    include_str!("vignettes/04-fentanyl-mild-withdrawal-overdose.json"),
    include_str!("vignettes/05-methadone-patient-stable.json"),
    include_str!("vignettes/06-danger-now.json"),
    include_str!("vignettes/07-all-skipped.json"),
    include_str!("vignettes/08-teen-cannabis-for-someone-else.json"),
    include_str!("vignettes/09-teen-unsafe-home-thoughts.json"),
    include_str!("vignettes/10-pregnant-opioids.json"),
    include_str!("vignettes/11-pregnant-drinker-never-stopped.json"),
    include_str!("vignettes/12-older-adult-benzodiazepines.json"),
    include_str!("vignettes/13-severe-use-unsupportive-home.json"),
    include_str!("vignettes/14-self-harm-method.json"),
    include_str!("vignettes/15-plan-or-attempt-little-use.json"),
    include_str!("vignettes/16-step-down-with-center.json"),
    include_str!("vignettes/17-center-does-not-offer-residential.json"),
    include_str!("vignettes/18-center-schedule-below-the-band.json"),
    include_str!("vignettes/19-recent-detox-on-buprenorphine.json"),
    include_str!("vignettes/20-someone-else-weekends.json"),
    include_str!("vignettes/21-mild-withdrawal-unsafe-home-criteria-skipped.json"),
    include_str!("vignettes/22-no-substance-depression.json"),
    include_str!("vignettes/23-skipped-home-six-criteria.json"),
    include_str!("vignettes/24-prescribed-benzodiazepine-at-68.json"),
    include_str!("vignettes/25-suicide-attempt-no-substance-use.json"),
    include_str!("vignettes/26-pregnant-weekly-drinker-never-stopped.json"),
    include_str!("vignettes/27-past-seizure-monthly-use.json"),
    include_str!("vignettes/28-weekly-cocaine.json"),
    include_str!("vignettes/29-center-iop-one-saturday.json"),
];

/// The complete event's result object reads exactly as the CLI's JSON
/// (same keys, order and values) for every vignette.
#[wasm_bindgen_test]
fn the_result_object_reads_as_the_cli_json() {
    use carepath::assessment::{assess, Answers, Center};
    for text in VIGNETTES {
        let case: serde_json::Value = serde_json::from_str(text).unwrap();
        let answers = Answers::from_value(&case["answers"]).unwrap();
        let center = case
            .get("center")
            .map(|c| Center::from_json(&c.to_string()).unwrap());
        let result = assess(&answers, center.as_ref()).unwrap();
        let object = embed::result_object(&result);
        let text_of_object: String = js_sys::JSON::stringify(&object).unwrap().into();
        assert_eq!(
            text_of_object,
            serde_json::to_string(&result).unwrap(),
            "{}",
            case["title"]
        );
    }
}

/// Skips every question after `danger_now`, landing on the result.
async fn skip_to_result(root: &ShadowRoot) {
    click(root, "section[data-screen=start] button").await;
    answer(root, "danger_now", "no").await;
    while root
        .query_selector("section[data-screen=result]")
        .unwrap()
        .is_none()
    {
        click(root, "form .cp-nav button.cp-secondary").await;
    }
}

#[wasm_bindgen_test]
async fn the_result_lists_skipped_questions_and_each_opens_its_question_then_returns() {
    let root = mounted().await;
    skip_to_result(&root).await;
    let items = root
        .query_selector_all(".cp-skipped li[data-question]")
        .unwrap();
    assert_eq!(items.length(), 17, "every asked question was skipped");
    // The talk-to-a-clinician advice shows with the skips, naming the
    // skipped suicide question (contract v4, rule 15).
    let steps = find(&root, ".cp-steps").text_content().unwrap();
    assert!(
        steps.contains("You skipped the question about suicide"),
        "{steps}"
    );
    click(&root, ".cp-skipped li[data-question=home] button").await;
    find(&root, "form[data-question=home]");
    answer(&root, "home", "stable_supportive").await;
    find(&root, "section[data-screen=result]");
    assert!(root
        .query_selector(".cp-skipped li[data-question=home]")
        .unwrap()
        .is_none());
    // Back from a revisited question returns to the result too.
    click(&root, ".cp-skipped li[data-question=medical] button").await;
    click(&root, "form .cp-nav button.cp-link").await;
    find(&root, "section[data-screen=result]");
}
