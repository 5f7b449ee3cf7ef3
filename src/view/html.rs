//! Writing HTML and SVG as text, for the views drawn as one markup string (the graph, the
//! timeline, the share and callback panels): a long or rarely changing view costs one string and
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

/// A number written with the formatter's precision (`{:.1}`) by integer arithmetic. The
/// standard library's fixed-precision float formatting brings several kilobytes into the wasm,
/// and the views only ever need a few decimals of a coordinate or a duration.
#[derive(Clone, Copy, Debug)]
pub struct Num(pub f64);

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let digits = f.precision().unwrap_or(1).min(6);
        let scale = 10i64.pow(digits as u32);
        let scaled = if self.0.is_finite() { (self.0 * scale as f64).round() as i64 } else { 0 };
        let sign = if scaled < 0 { "-" } else { "" };
        let abs = scaled.unsigned_abs();
        let (whole, fraction) = (abs / scale as u64, abs % scale as u64);
        if digits == 0 { write!(f, "{sign}{whole}") } else { write!(f, "{sign}{whole}.{fraction:0digits$}") }
    }
}

#[cfg(test)]
mod num_tests {
    use super::Num;

    #[test]
    fn writes_the_precision_asked_for() {
        assert_eq!(format!("{:.1}", Num(12.34)), "12.3");
        assert_eq!(format!("{:.0}", Num(99.6)), "100");
        assert_eq!(format!("{:.3}", Num(1.25)), "1.250");
        assert_eq!(format!("{:.1}", Num(-0.26)), "-0.3");
        assert_eq!(format!("{:.2}", Num(0.05)), "0.05");
        assert_eq!(format!("{:.1}", Num(f64::NAN)), "0.0");
    }
}
