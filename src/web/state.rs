//! The journey reducer, as yew's `Reducible`.

use std::rc::Rc;

use yew::Reducible;

use crate::journey::{Journey, Msg};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct State(pub Journey);

impl Reducible for State {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut journey = self.0.clone();
        if journey.update(msg) {
            Rc::new(State(journey))
        } else {
            self
        }
    }
}
