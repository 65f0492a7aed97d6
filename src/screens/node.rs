//! The screens' output: a plain tree of elements and text, with what each
//! control does as data. Renderers (yew, the print summary, the loader's
//! data) only walk it.

use crate::assessment::Q;
use crate::journey::Msg;

/// What a control does when used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    /// A journey message.
    Go(Msg),
    /// A checkbox: the message takes whether it is now checked.
    Toggle(Q, &'static str),
    /// The language switch, to this locale.
    Switch(&'static str),
    /// Print or save the summary.
    Print,
    /// Copy the reference code.
    CopyCode,
    /// Try loading the widget again (the loader's slow and failed messages).
    Retry,
    /// The staff page: read the code in the form.
    ReadCode,
    /// The staff page: clear the code and what it showed.
    Clear,
}

/// The DOM event a control listens to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum On {
    Click,
    /// A form's submit (the renderer prevents the page's default).
    Submit,
    Change,
}

/// Where a part shows: everywhere, only on screen (controls), or only in
/// the printed summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Only {
    #[default]
    Both,
    Screen,
    Print,
}

impl Slot {
    /// Its name in the loader's data and in placeholders.
    pub fn name(self) -> &'static str {
        match self {
            Slot::Center => "center",
            Slot::Tel => "tel",
            Slot::Privacy => "privacy",
            Slot::Screen => "screen",
            Slot::Exit => "exit",
            Slot::Languages => "languages",
        }
    }
}

/// A value the host page sets, filled in by the renderer: the widget has
/// it from the element's attributes, the loader reads it itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// The center's name, isolated (FSI ... PDI).
    Center,
    /// `tel:` and the center's number.
    Tel,
    /// The start screen's privacy sentences, for the loader (which reads
    /// the attributes itself); the widget writes them in place.
    Privacy,
    /// Where the loader's frame takes its screen.
    Screen,
    /// Quick exit's address (`exit-url`, else the default).
    Exit,
    /// The language menu's items (the loader's and the declared screen's;
    /// the widget writes them in place).
    Languages,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    El(Box<El>),
    Text(String),
    /// A host value as text.
    Slot(Slot),
}

/// An attribute's value: text, or a host value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Slot(Slot),
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct El {
    pub tag: &'static str,
    /// In the order the renderers set them.
    pub attrs: Vec<(&'static str, Value)>,
    /// An input's `checked` property.
    pub checked: Option<bool>,
    pub on: Option<(On, Act)>,
    pub children: Vec<Node>,
    pub only: Only,
    /// Rebuild instead of reuse when this changes (yew's `key`).
    pub key: Option<String>,
}

pub fn el(tag: &'static str) -> El {
    El {
        tag,
        ..El::default()
    }
}

/// `<p>text</p>`, the commonest node.
pub fn p(text: impl Into<String>) -> El {
    el("p").text(text)
}

impl El {
    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.attrs.push((name, Value::Text(value.into())));
        self
    }

    pub fn class(self, class: &str) -> Self {
        self.attr("class", class)
    }

    pub fn slot_attr(mut self, name: &'static str, slot: Slot) -> Self {
        self.attrs.push((name, Value::Slot(slot)));
        self
    }

    pub fn text(mut self, text: impl Into<String>) -> Self {
        self.children.push(Node::Text(text.into()));
        self
    }

    pub fn child(mut self, node: impl Into<Node>) -> Self {
        self.children.push(node.into());
        self
    }

    pub fn maybe(self, node: Option<impl Into<Node>>) -> Self {
        match node {
            Some(n) => self.child(n),
            None => self,
        }
    }

    pub fn children<N: Into<Node>>(mut self, nodes: impl IntoIterator<Item = N>) -> Self {
        self.children.extend(nodes.into_iter().map(Into::into));
        self
    }

    pub fn on(mut self, on: On, act: Act) -> Self {
        self.on = Some((on, act));
        self
    }

    pub fn checked(mut self, checked: bool) -> Self {
        self.checked = Some(checked);
        self
    }

    pub fn only(mut self, only: Only) -> Self {
        self.only = only;
        self
    }

    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(key.into());
        self
    }

    /// A button that does `act`.
    pub fn button(class: &str, text: impl Into<String>, act: Act) -> El {
        el("button")
            .attr("type", "button")
            .class(class)
            .on(On::Click, act)
            .text(text)
    }

    /// A form's default button. It acts on its own click, not the form's
    /// submit: a page that frames the widget in a sandbox without
    /// `allow-forms` blocks every submission, but Enter in an answer still
    /// clicks this button. (Inlined: as a call it cost 124 B more wasm,
    /// measured with scripts/size.sh.)
    #[inline(always)]
    pub fn submit(text: impl Into<String>, act: Act) -> El {
        el("button")
            .attr("type", "submit")
            .class("cp-button cp-primary")
            .text(text)
            .on(On::Click, act)
    }

    /// A link.
    pub fn link(class: &str, href: impl Into<String>, text: impl Into<String>) -> El {
        el("a").class(class).attr("href", href).text(text)
    }

    /// The first element (depth first) with this class.
    pub fn find(&self, class: &str) -> Option<&El> {
        let has = self.attrs.iter().any(|(n, v)| {
            *n == "class" && matches!(v, Value::Text(c) if c.split(' ').any(|c| c == class))
        });
        if has {
            return Some(self);
        }
        self.children.iter().find_map(|c| match c {
            Node::El(e) => e.find(class),
            _ => None,
        })
    }
}

impl From<El> for Node {
    fn from(el: El) -> Node {
        Node::El(Box::new(el))
    }
}

impl From<String> for Node {
    fn from(text: String) -> Node {
        Node::Text(text)
    }
}

impl From<&str> for Node {
    fn from(text: &str) -> Node {
        Node::Text(text.to_string())
    }
}

impl From<Slot> for Node {
    fn from(slot: Slot) -> Node {
        Node::Slot(slot)
    }
}

/// The host values a renderer fills slots with.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Host {
    pub center: String,
    /// The number as a `tel:` link wants it (`+` and digits).
    pub phone: Option<String>,
    /// Quick exit's address.
    pub exit: String,
    /// Write each slot as its `{{name}}` placeholder (the declared
    /// templates, which other languages fill).
    pub placeholders: bool,
}

impl Host {
    /// The host values of a configuration.
    pub fn of(config: &crate::host_config::Config) -> Host {
        Host {
            center: config.center_name.clone().unwrap_or_default(),
            phone: config.phone.clone(),
            exit: config.exit_url.clone(),
            placeholders: false,
        }
    }

    pub fn value(&self, slot: Slot) -> String {
        if self.placeholders {
            return format!("{{{{{}}}}}", slot.name());
        }
        match slot {
            Slot::Center => crate::i18n::isolate(&self.center),
            Slot::Tel => format!("tel:{}", self.phone.as_deref().unwrap_or("")),
            Slot::Exit => self.exit.clone(),
            Slot::Privacy | Slot::Screen | Slot::Languages => String::new(),
        }
    }
}

/// Text or a double-quoted attribute value, escaped for HTML.
pub(crate) fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

impl Node {
    /// The tree as HTML text for `medium` (tests and the command line;
    /// browsers build it with DOM calls).
    pub fn html(&self, host: &Host, medium: Only) -> String {
        let mut out = String::new();
        self.write_html(host, medium, &mut out);
        out
    }

    fn write_html(&self, host: &Host, medium: Only, out: &mut String) {
        match self {
            Node::Text(t) => escape(t, out),
            Node::Slot(s) => escape(&host.value(*s), out),
            Node::El(e) => {
                if e.only != Only::Both && e.only != medium {
                    return;
                }
                out.push('<');
                out.push_str(e.tag);
                for (name, value) in &e.attrs {
                    out.push(' ');
                    out.push_str(name);
                    out.push_str("=\"");
                    match value {
                        Value::Text(t) => escape(t, out),
                        Value::Slot(s) => escape(&host.value(*s), out),
                    }
                    out.push('"');
                }
                if e.checked == Some(true) {
                    out.push_str(" checked");
                }
                out.push('>');
                if !matches!(e.tag, "input" | "rect" | "line") {
                    for c in &e.children {
                        c.write_html(host, medium, out);
                    }
                    out.push_str("</");
                    out.push_str(e.tag);
                    out.push('>');
                }
            }
        }
    }

    /// All the text in the tree for `medium`, joined by spaces.
    pub fn text(&self, host: &Host, medium: Only) -> String {
        let mut parts = Vec::new();
        self.collect_text(host, medium, &mut parts);
        parts.join(" ")
    }

    fn collect_text(&self, host: &Host, medium: Only, parts: &mut Vec<String>) {
        match self {
            Node::Text(t) => parts.push(t.clone()),
            Node::Slot(s) => parts.push(host.value(*s)),
            Node::El(e) if e.only == Only::Both || e.only == medium => {
                for c in &e.children {
                    c.collect_text(host, medium, parts);
                }
            }
            Node::El(_) => {}
        }
    }
}
