//! Renders a screen's tree (`crate::screens`) as yew nodes: the widget's
//! only view code. Controls send their [`Act`] with the DOM event.

use std::rc::Rc;

use yew::html::{onchange, onclick, onsubmit};
use yew::virtual_dom::{Listener, VNode, VTag, VText};
use yew::{AttrValue, Callback};

use crate::screens::{Act, El, Host, Node, On, Only, Value};

pub fn render(node: &Node, host: &Host, send: &Callback<(Act, web_sys::Event)>) -> VNode {
    match node {
        Node::Text(t) => VNode::VText(VText::new(t.clone())),
        Node::Slot(s) => VNode::VText(VText::new(host.value(*s))),
        Node::El(e) if e.only == Only::Print => VNode::default(),
        Node::El(e) => VNode::VTag(Rc::new(element(e, host, send))),
    }
}

/// One element (the app sets its root's `node_ref` on it).
pub fn element(e: &El, host: &Host, send: &Callback<(Act, web_sys::Event)>) -> VTag {
    {
        {
            let mut tag = VTag::new(e.tag);
            for (name, value) in &e.attrs {
                let value = match value {
                    Value::Text(t) => AttrValue::from(t.clone()),
                    Value::Slot(s) => AttrValue::from(host.value(*s)),
                };
                tag.add_attribute(name, value);
            }
            if let Some(checked) = e.checked {
                tag.set_checked(checked);
            }
            if let Some((on, act)) = e.on {
                let send = send.clone();
                let emit = move |event: web_sys::Event| send.emit((act, event));
                // A submit button's click does the action itself: the form
                // is never submitted (nor blocked, in a sandbox).
                let submit = e.tag == "button"
                    && e.attrs
                        .iter()
                        .any(|(n, v)| *n == "type" && matches!(v, Value::Text(t) if t == "submit"));
                let listener: Rc<dyn Listener> = match on {
                    On::Click => Rc::new(onclick::Wrapper::new(Callback::from(
                        move |e: web_sys::MouseEvent| {
                            if submit {
                                e.prevent_default();
                            }
                            emit(e.into())
                        },
                    ))),
                    On::Submit => Rc::new(onsubmit::Wrapper::new(Callback::from(
                        move |e: web_sys::SubmitEvent| {
                            e.prevent_default();
                            emit(e.into())
                        },
                    ))),
                    On::Change => Rc::new(onchange::Wrapper::new(Callback::from(emit))),
                };
                tag.add_listener(listener);
            }
            if let Some(key) = &e.key {
                tag.key = Some(key.as_str().into());
            }
            tag.add_children(e.children.iter().map(|c| render(c, host, send)));
            tag
        }
    }
}

/// Focuses the first element under `root` that matches one of
/// `selectors`, tried in order (a new screen's heading, say).
pub fn focus_first(root: &yew::NodeRef, selectors: &[&str]) {
    use wasm_bindgen::JsCast;
    let Some(root) = root.cast::<web_sys::HtmlElement>() else {
        return;
    };
    let found = selectors
        .iter()
        .find_map(|s| root.query_selector(s).ok().flatten());
    if let Some(el) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
