//! Writing HTML and SVG as text, for the views drawn as one markup string (the graph, the
//! timeline, the share and export panels): a long or rarely changing view costs one string and
//! one DOM update instead of a reactive node per element.

/// Escapes text for element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The `data-action` of the element an event came from (or of its nearest ancestor with one):
/// how a markup view knows which of its buttons was pressed.
pub fn action_of(ev: &web_sys::Event) -> Option<(String, web_sys::Element)> {
    use wasm_bindgen::JsCast;
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let el = target.closest("[data-action]").ok()??;
    Some((el.get_attribute("data-action")?, el))
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(super::esc(r#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}
