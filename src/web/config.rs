//! What the host page tells the widget: the center's name, phone, contact
//! link and (optionally) its offers and schedules.

use crate::assessment::Center;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    pub center_name: Option<String>,
    /// A `tel:`-ready phone number.
    pub phone: Option<String>,
    /// An `https:`, `http:`, `mailto:` or `tel:` link.
    pub contact_url: Option<String>,
    pub center: Option<Center>,
}
