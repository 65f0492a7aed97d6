//! Function components: each renders state and sends messages.

mod crisis;
mod emergency_bar;
mod question;
pub(crate) mod result;
mod start;

use std::rc::Rc;

use yew::prelude::*;

pub use crisis::Crisis;
pub use emergency_bar::EmergencyBar;
pub use question::QuestionScreen;
pub use result::ResultScreen;
pub use start::StartScreen;

use crate::i18n::Texts;

/// The locale texts provided by `App`.
#[hook]
pub fn use_texts() -> Rc<Texts> {
    use_context::<Rc<Texts>>().unwrap_or_else(|| Rc::new(Texts::english()))
}
