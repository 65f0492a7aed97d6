//! Small parts more than one screen uses.

use super::node::{el, El, Node, Slot};
use crate::i18n::Texts;

/// A text with a `{center}` placeholder, as text around the center's name
/// (a slot the renderer fills, isolated).
pub fn with_center(text: &str) -> Vec<Node> {
    let mut nodes = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("{center}") {
        if at > 0 {
            nodes.push(Node::Text(rest[..at].to_string()));
        }
        nodes.push(Node::Slot(Slot::Center));
        rest = &rest[at + "{center}".len()..];
    }
    if !rest.is_empty() {
        nodes.push(Node::Text(rest.to_string()));
    }
    nodes
}

/// "Call <center>", a `tel:` link to the center's number.
pub fn call_center(t: &Texts, class: &str) -> El {
    el("a")
        .class(class)
        .slot_attr("href", Slot::Tel)
        .children(with_center(t.t("action.call")))
}
