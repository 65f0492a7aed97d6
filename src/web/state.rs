//! The journey reducer, as yew's `Reducible`: each message goes through
//! `Journey::apply`, and the events it returns wait in the state for the
//! app to pass on (after the embed layer has seen the new journey).

use std::rc::Rc;

use yew::Reducible;

use crate::journey::{Event, Journey, Msg};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    pub journey: Journey,
    /// The events of the last message.
    pub events: Rc<Vec<Event>>,
    /// Bumped with each message that has events, so each batch goes out once.
    pub sent: u32,
}

impl State {
    pub fn new(journey: Journey) -> Self {
        State {
            journey,
            ..State::default()
        }
    }
}

impl Reducible for State {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut journey = self.journey.clone();
        let events = journey.apply(msg);
        if events.is_empty() && journey == self.journey {
            return self;
        }
        let sent = if events.is_empty() {
            self.sent
        } else {
            self.sent + 1
        };
        Rc::new(State {
            journey,
            events: Rc::new(events),
            sent,
        })
    }
}
