//! The hand-over from the embed loader: before the wasm arrives, the loader
//! draws the start screen, the first question (`danger_now`) and the crisis
//! screen, and records what the visitor does there as words ("begin",
//! "choose:yes", "next", "back", "continue"). The widget replays them
//! through the same reducer, so it opens exactly where the visitor is.

use super::{Event, Journey, Msg, Screen};
use crate::assessment::question;
use crate::assessment::Q;

/// The journey after the loader's recorded actions, and the events the
/// host would have heard meanwhile (start, and a step for each question
/// reached). Words that do not read are ignored. The journey's `step` is 0:
/// opening on it moves no focus and announces nothing again.
pub fn replay(actions: &str) -> (Journey, Vec<Event>) {
    replay_from(Journey::new(), actions)
}

/// [`replay`] from a journey kept this session at its start screen (its
/// answers stay).
pub fn replay_from(mut journey: Journey, actions: &str) -> (Journey, Vec<Event>) {
    let mut events = Vec::new();
    for word in actions.split_whitespace() {
        let Some(msg) = message(word) else {
            continue;
        };
        events.extend(journey.apply(msg));
    }
    journey.step = 0;
    (journey, events)
}

/// Whether the loader draws this screen (it keeps the visitor's focus
/// there); on any other, the widget focuses the screen's heading.
pub fn drawn_by_loader(screen: Screen) -> bool {
    matches!(
        screen,
        Screen::Start | Screen::Question(Q::DangerNow) | Screen::Crisis { .. }
    )
}

/// The words the loader records, one per message it can send.
pub fn words() -> Vec<String> {
    let mut words: Vec<String> = ["begin", "next", "back", "continue"]
        .map(String::from)
        .to_vec();
    words.extend(
        question(Q::DangerNow)
            .options
            .iter()
            .map(|o| format!("choose:{o}")),
    );
    words
}

/// The message a recorded word stands for.
pub fn message(word: &str) -> Option<Msg> {
    Some(match word {
        "begin" => Msg::Begin,
        "next" => Msg::Next,
        "back" => Msg::Back,
        "continue" => Msg::Continue,
        _ => {
            let option = word.strip_prefix("choose:")?;
            let option = question(Q::DangerNow)
                .options
                .iter()
                .find(|o| **o == option)?;
            Msg::Choose(Q::DangerNow, option)
        }
    })
}

/// The word for a message the loader's screens send, if it records it.
pub fn word(msg: Msg) -> Option<String> {
    words().into_iter().find(|w| message(w) == Some(msg))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::Hold;

    #[test]
    fn yes_and_next_open_the_crisis_screen_and_continue_goes_on() {
        let (j, events) = replay("begin choose:yes next");
        assert_eq!(j.screen, Screen::Crisis { from: Q::DangerNow });
        assert_eq!(events, [Event::Start, Event::Step(Q::DangerNow)]);
        assert_eq!(j.step, 0);
        let (j, events) = replay("begin choose:yes next continue");
        assert_eq!(j.screen, Screen::Question(Q::ForWhom));
        assert_eq!(events.last(), Some(&Event::Step(Q::ForWhom)));
        assert!(!drawn_by_loader(j.screen));
    }

    #[test]
    fn no_and_next_open_the_second_question() {
        let (j, events) = replay("begin choose:no next");
        assert_eq!(j.screen, Screen::Question(Q::ForWhom));
        assert_eq!(j.answers.chosen(Q::DangerNow), Some(vec!["no"]));
        assert_eq!(
            events,
            [
                Event::Start,
                Event::Step(Q::DangerNow),
                Event::Step(Q::ForWhom)
            ]
        );
    }

    #[test]
    fn next_without_an_answer_holds_and_a_later_answer_clears_it() {
        let (j, _) = replay("begin next");
        assert_eq!(j.screen, Screen::Question(Q::DangerNow));
        assert_eq!(j.hold, Some(Hold::NeedAnswer));
        let (j, _) = replay("begin next choose:no");
        assert_eq!((j.screen, j.hold), (Screen::Question(Q::DangerNow), None));
        assert!(drawn_by_loader(j.screen));
    }

    #[test]
    fn back_keeps_the_answer_and_the_crisis_back_returns_to_the_question() {
        let (j, _) = replay("begin choose:no back");
        assert_eq!(j.screen, Screen::Start);
        assert_eq!(j.answers.chosen(Q::DangerNow), Some(vec!["no"]));
        let (j, events) = replay("begin choose:yes next back choose:no next");
        assert_eq!(j.screen, Screen::Question(Q::ForWhom));
        assert_eq!(events.iter().filter(|e| **e == Event::Start).count(), 1);
    }

    #[test]
    fn a_kept_start_keeps_its_answers_under_the_replay() {
        let (kept, _) = replay("begin choose:no back");
        let (j, events) = replay_from(kept, "begin next");
        assert_eq!(j.screen, Screen::Question(Q::ForWhom));
        assert_eq!(j.answers.chosen(Q::DangerNow), Some(vec!["no"]));
        assert_eq!(events.first(), Some(&Event::Start));
    }

    #[test]
    fn words_that_do_not_read_are_ignored() {
        assert_eq!(replay("").0, Journey::new());
        let (j, events) = replay("begin choose:maybe choose: jump next");
        assert_eq!(j.hold, Some(Hold::NeedAnswer));
        assert_eq!(events, [Event::Start, Event::Step(Q::DangerNow)]);
    }
}
