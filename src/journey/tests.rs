use super::*;

fn at(journey: &Journey) -> Screen {
    journey.screen
}

fn answer(j: &mut Journey, q: Q, option: &'static str) {
    assert_eq!(j.screen, Screen::Question(q), "expected to be on {q}");
    j.update(Msg::Choose(q, option));
    j.update(Msg::Next);
}

fn started() -> Journey {
    let mut j = Journey::new();
    j.update(Msg::Begin);
    j
}

#[test]
fn begin_asks_danger_now_first() {
    assert_eq!(at(&started()), Screen::Question(Q::DangerNow));
    assert_eq!(started().progress(Q::DangerNow), (1, 18));
}

#[test]
fn danger_now_yes_opens_the_crisis_screen_and_continue_goes_on() {
    let mut j = started();
    answer(&mut j, Q::DangerNow, "yes");
    assert_eq!(at(&j), Screen::Crisis { from: Q::DangerNow });
    j.update(Msg::Continue);
    assert_eq!(at(&j), Screen::Question(Q::ForWhom));
    assert_eq!(j.answers.chosen(Q::DangerNow), Some(vec!["yes"]));
}

#[test]
fn danger_now_cannot_be_skipped_or_left_empty() {
    let mut j = started();
    assert!(!j.update(Msg::Skip));
    j.update(Msg::Next);
    assert_eq!(j.hold, Some(Hold::NeedAnswer));
    assert_eq!(at(&j), Screen::Question(Q::DangerNow));
    j.update(Msg::Choose(Q::DangerNow, "no"));
    assert_eq!(j.hold, None);
}

#[test]
fn self_harm_plan_or_attempt_opens_the_crisis_screen_at_once() {
    let mut j = started();
    answer(&mut j, Q::DangerNow, "no");
    while j.screen != Screen::Question(Q::SelfHarm) {
        j.update(Msg::Skip);
    }
    answer(&mut j, Q::SelfHarm, "plan_or_attempt");
    assert_eq!(at(&j), Screen::Crisis { from: Q::SelfHarm });
    j.update(Msg::Back);
    assert_eq!(at(&j), Screen::Question(Q::SelfHarm));
    j.update(Msg::Next);
    j.update(Msg::Continue);
    assert_eq!(at(&j), Screen::Question(Q::Medical));
}

#[test]
fn skip_leaves_the_question_unanswered_and_moves_on() {
    let mut j = started();
    answer(&mut j, Q::DangerNow, "no");
    j.update(Msg::Choose(Q::ForWhom, "someone_else"));
    j.update(Msg::Skip);
    assert_eq!(at(&j), Screen::Question(Q::Age));
    assert!(!j.answers.is_answered(Q::ForWhom));
}

#[test]
fn answers_survive_back() {
    let mut j = started();
    answer(&mut j, Q::DangerNow, "no");
    answer(&mut j, Q::ForWhom, "someone_else");
    j.update(Msg::Back);
    assert_eq!(at(&j), Screen::Question(Q::ForWhom));
    assert_eq!(j.answers.chosen(Q::ForWhom), Some(vec!["someone_else"]));
    j.update(Msg::Back);
    j.update(Msg::Back);
    assert_eq!(at(&j), Screen::Start);
    assert_eq!(j.answers.chosen(Q::DangerNow), Some(vec!["no"]));
}

#[test]
fn questions_that_cannot_apply_are_skipped_and_the_count_follows() {
    let mut j = started();
    answer(&mut j, Q::DangerNow, "no");
    answer(&mut j, Q::ForWhom, "self");
    answer(&mut j, Q::Age, "18_to_64");
    answer(&mut j, Q::Pregnant, "no");
    j.update(Msg::Toggle(Q::Substances, "alcohol", true));
    assert_eq!(j.progress(Q::Substances), (5, 17)); // no on_medication
    j.update(Msg::Toggle(Q::Substances, "alcohol", false));
    j.update(Msg::Next); // nothing chosen
    assert_eq!(at(&j), Screen::Question(Q::Criteria));
    assert_eq!(j.progress(Q::Criteria), (6, 14));
    j.update(Msg::Back);
    assert_eq!(at(&j), Screen::Question(Q::Substances));
}

#[test]
fn withdrawal_is_skipped_when_not_used_in_30_days() {
    let mut j = started();
    answer(&mut j, Q::DangerNow, "no");
    for _ in 0..3 {
        j.update(Msg::Skip);
    }
    j.update(Msg::Toggle(Q::Substances, "cannabis", true));
    j.update(Msg::Next);
    answer(&mut j, Q::UseFrequency, "not_in_30_days");
    assert_eq!(at(&j), Screen::Question(Q::Overdose));
}

#[test]
fn the_last_question_leads_to_the_result_and_back_returns_to_it() {
    let mut j = started();
    answer(&mut j, Q::DangerNow, "no");
    while j.screen != Screen::Result {
        j.update(Msg::Skip);
    }
    j.update(Msg::Back);
    assert_eq!(at(&j), Screen::Question(Q::Schedule));
}

#[test]
fn one_choice_needs_an_answer_or_prefer_not_to_say() {
    let mut j = started();
    answer(&mut j, Q::DangerNow, "no");
    j.update(Msg::Next);
    assert_eq!(j.hold, Some(Hold::NeedAnswer));
    assert_eq!(at(&j), Screen::Question(Q::ForWhom));
}

#[test]
fn none_of_the_responsibilities_excludes_the_others() {
    let mut j = Journey {
        screen: Screen::Question(Q::Responsibilities),
        ..Journey::new()
    };
    j.update(Msg::Toggle(Q::Responsibilities, "school", true));
    j.update(Msg::Toggle(Q::Responsibilities, "caregiving", true));
    assert_eq!(
        j.answers.chosen(Q::Responsibilities),
        Some(vec!["school", "caregiving"])
    );
    j.update(Msg::Toggle(Q::Responsibilities, "none", true));
    assert_eq!(j.answers.chosen(Q::Responsibilities), Some(vec!["none"]));
    j.update(Msg::Toggle(Q::Responsibilities, "school", true));
    assert_eq!(j.answers.chosen(Q::Responsibilities), Some(vec!["school"]));
}

#[test]
fn messages_for_another_screen_are_ignored() {
    let mut j = started();
    assert!(!j.update(Msg::Choose(Q::Age, "65_plus")));
    assert!(!j.update(Msg::Continue));
    assert!(!j.answers.is_answered(Q::Age));
}

#[test]
fn restart_clears_every_answer() {
    let mut j = started();
    answer(&mut j, Q::DangerNow, "no");
    answer(&mut j, Q::ForWhom, "someone_else");
    j.update(Msg::Restart);
    assert_eq!(at(&j), Screen::Start);
    assert_eq!(j.answers, Answers::new());
}

#[test]
fn wording_follows_for_whom() {
    let mut j = started();
    answer(&mut j, Q::DangerNow, "no");
    assert!(!j.about_someone_else());
    answer(&mut j, Q::ForWhom, "someone_else");
    assert!(j.about_someone_else());
}

#[test]
fn every_screen_change_bumps_the_step() {
    let mut j = started();
    let s = j.step;
    answer(&mut j, Q::DangerNow, "no");
    assert_eq!(j.step, s + 1);
    j.update(Msg::Choose(Q::ForWhom, "self"));
    assert_eq!(j.step, s + 1);
}

#[test]
fn a_saved_place_restores_screen_and_answers() {
    let mut j = started();
    answer(&mut j, Q::DangerNow, "no");
    answer(&mut j, Q::ForWhom, "someone_else");
    let back = Journey::restore(&j.save()).unwrap();
    assert_eq!(back.screen, Screen::Question(Q::Age));
    assert_eq!(back.answers, j.answers);
    let start = Journey::restore(&Journey::new().save()).unwrap();
    assert_eq!(start.screen, Screen::Start);
    assert_eq!(Journey::restore("not a saved place"), None);
}

#[test]
fn a_saved_place_keeps_many_choice_sets_the_crisis_and_the_result() {
    let mut j = started();
    answer(&mut j, Q::DangerNow, "no");
    let answers = j
        .answers
        .clone()
        .with(Q::ForWhom, &["self"])
        .with(Q::Substances, &["alcohol", "opioids"])
        .with(Q::Criteria, &[]);
    for screen in [
        Screen::Result,
        Screen::Crisis { from: Q::SelfHarm },
        Screen::Question(Q::Criteria),
    ] {
        let place = Journey {
            screen,
            answers: answers.clone(),
            hold: None,
            step: 0,
            revisit: false,
            copied: None,
            version: crate::assessment::CURRENT,
            locale: Some("ar"),
            pay: crate::journey::Pay::default(),
        };
        let back = Journey::restore(&place.save()).unwrap();
        assert_eq!((back.screen, &back.answers), (screen, &answers));
        assert_eq!(back.locale, Some("ar"), "the visitor's language is kept");
    }
    assert_eq!(
        answers.chosen(Q::Criteria),
        Some(vec![]),
        "an empty set stays answered"
    );
}

#[test]
fn a_saved_place_that_does_not_read_is_dropped_whole() {
    let good = "carepath-progress 1\nscreen=question:age\ndanger_now=no\nfor_whom=self";
    assert!(Journey::restore(good).is_some());
    for bad in [
        "carepath-progress 0\nscreen=question:age\ndanger_now=no",
        "carepath-progress 1\nscreen=question:nope",
        "carepath-progress 1\nscreen=elsewhere",
        "carepath-progress 1\nscreen=question:age\ndanger_now=maybe",
        "carepath-progress 1\nscreen=question:age\ndanger_now=no+yes",
        "carepath-progress 1\nscreen=question:age\ndanger_now=no\ndanger_now=no",
        "carepath-progress 1\nscreen=question:age\nnope=no",
        "carepath-progress 1\nscreen=question:age\nfor_whom=self",
        "carepath-progress 1\nscreen=result",
        "carepath-progress 1\nscreen=question:age\ndanger_now",
        "{\"screen\":\"start\",\"answers\":{}}",
        "",
    ] {
        assert_eq!(Journey::restore(bad), None, "{bad:?}");
    }
}

/// A journey at the result with `skips` skipped and the rest answered.
fn result_with_skips(skips: &[Q]) -> Journey {
    let mut j = started();
    while let Screen::Question(q) = j.screen {
        if skips.contains(&q) {
            j.update(Msg::Skip);
            continue;
        }
        let first = question(q).options[0];
        let option = match q {
            Q::DangerNow | Q::SelfHarm => "no",
            Q::Substances => "alcohol",
            _ => first,
        };
        j.update(Msg::Choose(q, option));
        j.update(Msg::Toggle(q, option, true));
        j.update(Msg::Next);
    }
    assert_eq!(j.screen, Screen::Result);
    j
}

#[test]
fn the_result_lists_each_skipped_question_in_asking_order() {
    let j = result_with_skips(&[Q::Home, Q::UseFrequency, Q::Medical]);
    assert_eq!(j.skipped(), vec![Q::UseFrequency, Q::Medical, Q::Home]);
    assert!(result_with_skips(&[]).skipped().is_empty());
}

#[test]
fn revisit_answers_a_skipped_question_and_next_returns_to_the_result() {
    let mut j = result_with_skips(&[Q::Home, Q::Medical]);
    let asked = j.asked();
    assert!(j.update(Msg::Revisit(Q::Home)));
    assert_eq!(j.screen, Screen::Question(Q::Home));
    j.update(Msg::Choose(Q::Home, "stable_supportive"));
    j.update(Msg::Next);
    assert_eq!(j.screen, Screen::Result);
    assert_eq!(j.skipped(), vec![Q::Medical]);
    assert_eq!(j.asked(), asked, "no question is added");
    // After returning, Next-style walking is normal again.
    assert!(!j.revisit);
}

#[test]
fn revisit_skip_and_back_return_to_the_result_unchanged() {
    let mut j = result_with_skips(&[Q::Medical]);
    j.update(Msg::Revisit(Q::Medical));
    j.update(Msg::Skip);
    assert_eq!(j.screen, Screen::Result);
    assert_eq!(j.skipped(), vec![Q::Medical]);
    j.update(Msg::Revisit(Q::Medical));
    j.update(Msg::Choose(Q::Medical, "unstable"));
    j.update(Msg::Back);
    assert_eq!(j.screen, Screen::Result);
}

#[test]
fn revisit_only_opens_a_question_that_was_skipped() {
    let mut j = result_with_skips(&[Q::Medical]);
    assert!(!j.update(Msg::Revisit(Q::Age)));
    assert!(!j.update(Msg::Revisit(Q::DangerNow)));
    assert_eq!(j.screen, Screen::Result);
}

#[test]
fn revisit_self_harm_with_an_attempt_opens_the_crisis_screen_then_the_result() {
    let mut j = result_with_skips(&[Q::SelfHarm]);
    j.update(Msg::Revisit(Q::SelfHarm));
    j.update(Msg::Choose(Q::SelfHarm, "plan_or_attempt"));
    j.update(Msg::Next);
    assert_eq!(j.screen, Screen::Crisis { from: Q::SelfHarm });
    j.update(Msg::Continue);
    assert_eq!(j.screen, Screen::Result);
}

#[test]
fn answering_skipped_substances_never_adds_questions() {
    let mut j = result_with_skips(&[Q::Substances]);
    let asked = j.asked();
    j.update(Msg::Revisit(Q::Substances));
    j.update(Msg::Toggle(Q::Substances, "cannabis", true));
    j.update(Msg::Next);
    assert_eq!(j.screen, Screen::Result);
    let now = j.asked();
    assert!(
        now.iter().all(|q| asked.contains(q)),
        "{now:?} vs {asked:?}"
    );
    assert!(!now.contains(&Q::OnMedication));
}

#[test]
fn a_revisit_place_is_kept_across_a_reload() {
    let mut j = result_with_skips(&[Q::Medical]);
    j.update(Msg::Revisit(Q::Medical));
    let back = Journey::restore(&j.save()).unwrap();
    assert_eq!(back.screen, Screen::Question(Q::Medical));
    assert!(back.revisit);
}

#[test]
fn apply_returns_the_events_a_host_hears_once_per_message() {
    let mut j = Journey::new();
    assert_eq!(
        j.apply(Msg::Begin),
        [Event::Start, Event::Step(Q::DangerNow)]
    );
    assert_eq!(j.apply(Msg::Choose(Q::DangerNow, "no")), []);
    assert_eq!(j.apply(Msg::Next), [Event::Step(Q::ForWhom)]);
    // Back shows a question again: a step too.
    assert_eq!(j.apply(Msg::Back), [Event::Step(Q::DangerNow)]);
    // Nothing changes, nothing is heard.
    assert_eq!(j.apply(Msg::Continue), []);
    let mut done = result_with_skips(&[]);
    assert_eq!(done.apply(Msg::Contact("call")), [Event::Contact("call")]);
    assert_eq!(done.screen, Screen::Result);
    done.apply(Msg::Back);
    assert_eq!(done.apply(Msg::Next), [Event::Complete]);
    assert_eq!(done.apply(Msg::Restart), []);
}

#[test]
fn copying_the_code_is_said_on_the_result_until_the_screen_changes() {
    let mut j = Journey {
        screen: Screen::Result,
        answers: Answers::new().with(Q::DangerNow, &["no"]),
        ..Journey::new()
    };
    assert!(
        j.apply(Msg::Copied(true)).is_empty(),
        "no event: nothing leaves"
    );
    assert_eq!(j.copied, Some(true));
    j.update(Msg::Copied(false));
    assert_eq!(j.copied, Some(false));
    j.update(Msg::Back);
    assert_eq!(j.copied, None);
    // Only the result has a code to copy.
    j.update(Msg::Copied(true));
    assert_eq!(j.copied, None);
}
