//! The graph's SVG markup, written in one pass from the layout: states, containers, edges and
//! labels, each tagged with the names the playback needs to colour it. Building text and
//! letting the browser parse it once is several times faster than creating each element
//! through the DOM, which keeps a 200-state graph well within a frame budget.

use crate::view::html::{Num, esc};
use std::fmt::Write;

use asl_graph::{EdgeKind, LABEL_CHARS, Layout, NodeKind, PlacedEdge, PlacedNode};

/// The markup of the whole graph (the children of its `<svg>`).
pub fn svg(layout: &Layout) -> String {
    let mut out = String::with_capacity(256 * (layout.nodes.len() + layout.edges.len()));
    out.push_str(concat!(
        r#"<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">"#,
        r#"<path d="M0,0 L10,5 L0,10 z" class="arrowhead"/></marker></defs>"#
    ));
    for n in layout.nodes.iter().filter(|n| n.container) {
        container(&mut out, n);
    }
    for e in &layout.edges {
        edge(&mut out, e, layout);
    }
    for n in layout.nodes.iter().filter(|n| !n.container) {
        node(&mut out, n);
    }
    out
}

fn node(out: &mut String, n: &PlacedNode) {
    let (x, y, w, h) = (n.x, n.y, n.width, n.height);
    let (nx, ny, nw, nh) = (Num(x), Num(y), Num(w), Num(h));
    match n.kind {
        NodeKind::Start | NodeKind::End if n.depth == 0 => {
            let _ = write!(
                out,
                r#"<g class="marker"><rect x="{nx:.1}" y="{ny:.1}" width="{nw:.1}" height="{nh:.1}" rx="{:.1}"/><text x="{:.1}" y="{:.1}" text-anchor="middle">{}</text></g>"#,
                Num(h / 2.0),
                Num(x + w / 2.0),
                Num(y + h / 2.0 + 4.0),
                esc(&n.name)
            );
        }
        NodeKind::Start | NodeKind::End => {
            let _ = write!(
                out,
                r#"<circle class="marker nested" cx="{:.1}" cy="{:.1}" r="{:.1}"/>"#,
                Num(x + w / 2.0),
                Num(y + h / 2.0),
                Num(w / 2.0)
            );
        }
        NodeKind::State => {
            let subtitle = n.detail.clone().unwrap_or_else(|| n.state_type.to_string());
            let _ = write!(
                out,
                r#"<g class="node idle type-{}" data-state="{}" tabindex="-1" role="group" aria-label="{}, {} state"><title>{} ({})</title><rect x="{nx:.1}" y="{ny:.1}" width="{nw:.1}" height="{nh:.1}" rx="8"/><text aria-hidden="true" class="name" x="{:.1}" y="{:.1}" text-anchor="middle">{}</text><text aria-hidden="true" class="kind" x="{:.1}" y="{:.1}" text-anchor="middle">{}</text><text aria-hidden="true" class="badge" x="{:.1}" y="{:.1}" text-anchor="end"></text>{}</g>"#,
                n.state_type.to_ascii_lowercase(),
                esc(&n.name),
                esc(&n.name),
                n.state_type,
                esc(&n.name),
                n.state_type,
                Num(x + w / 2.0),
                Num(y + if n.detail.is_some() { 22.0 } else { 20.0 }),
                esc(&truncate(&n.name, (w / 7.4) as usize)),
                Num(x + w / 2.0),
                Num(y + h - 12.0),
                esc(&truncate(&subtitle, (w / 6.4) as usize)),
                Num(x + w - 6.0),
                Num(y + 13.0),
                handle(n),
            );
        }
    }
}

fn container(out: &mut String, n: &PlacedNode) {
    let _ = write!(
        out,
        r#"<g class="container idle type-{}" data-state="{}" tabindex="-1" role="group" aria-label="{}, {} state"><rect class="frame" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="10"/><text aria-hidden="true" class="container-title" x="{:.1}" y="{:.1}">{} · {}</text>"#,
        n.state_type.to_ascii_lowercase(),
        esc(&n.name),
        esc(&n.name),
        n.state_type,
        Num(n.x),
        Num(n.y),
        Num(n.width),
        Num(n.height),
        Num(n.x + 12.0),
        Num(n.y + 21.0),
        n.state_type,
        esc(&n.name)
    );
    out.push_str(&handle(n));
    for &(lx, ly, lw, lh) in &n.lanes {
        let _ = write!(
            out,
            r#"<rect class="lane" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="6"/>"#,
            Num(lx - 6.0),
            Num(ly - 4.0),
            Num(lw + 12.0),
            Num(lh + 8.0)
        );
    }
    out.push_str("</g>");
}

/// Design mode's grip for what comes after a state (its Next, a Choice's Default), at the middle
/// of its bottom edge; hidden in the other views. Succeed and Fail end the flow: none.
fn handle(n: &PlacedNode) -> String {
    if matches!(n.state_type, "Succeed" | "Fail") {
        return String::new();
    }
    format!(
        r#"<circle class="handle" aria-hidden="true" cx="{:.1}" cy="{:.1}" r="6"/>"#,
        Num(n.x + n.width / 2.0),
        Num(n.y + n.height)
    )
}

fn edge(out: &mut String, e: &PlacedEdge, layout: &Layout) {
    let name =
        |i: usize| layout.nodes.get(i).filter(|n| n.kind == NodeKind::State).map(|n| esc(&n.name)).unwrap_or_default();
    let kind = match e.kind {
        EdgeKind::Start => "start",
        EdgeKind::Next => "next",
        EdgeKind::Choice => "choice",
        EdgeKind::Default => "default",
        EdgeKind::Catch => "catch",
        EdgeKind::End => "end",
    };
    let _ = write!(
        out,
        r#"<g class="edge {kind}" data-kind="{kind}" data-from="{}" data-to="{}""#,
        name(e.from),
        name(e.to)
    );
    if let Some(index) = e.index {
        let _ = write!(out, r#" data-index="{index}""#);
    }
    let mut d = String::new();
    for (i, (x, y)) in e.points.iter().enumerate() {
        let _ = write!(d, "{}{:.1},{:.1} ", if i == 0 { "M" } else { "L" }, Num(*x), Num(*y));
    }
    // A wide, unseen copy of the line to drop a new state on in design mode.
    let _ = write!(out, r#"><path class="edge-hit" d="{d}"/><path d="{d}" marker-end="url(#arrow)"/>"#);
    if let Some(label) = &e.label {
        let (lx, ly) = e.label_at.unwrap_or_else(|| label_point(&e.points));
        let _ = write!(
            out,
            r#"<text class="edge-label {kind}" x="{:.1}" y="{:.1}" text-anchor="middle"><title>{}</title>{}</text>"#,
            Num(lx),
            Num(ly + 4.0),
            esc(label),
            esc(&truncate(label, LABEL_CHARS))
        );
    }
    out.push_str("</g>");
}

/// Where a label goes when the layout kept no room for it (a loop's label): two thirds of the
/// way along the edge.
fn label_point(points: &[(f64, f64)]) -> (f64, f64) {
    let lengths: Vec<f64> =
        points.windows(2).map(|w| ((w[1].0 - w[0].0).powi(2) + (w[1].1 - w[0].1).powi(2)).sqrt()).collect();
    let mut left = lengths.iter().sum::<f64>() * 0.62;
    for (w, len) in points.windows(2).zip(&lengths) {
        if left <= *len && *len > 0.0 {
            let t = left / len;
            return (w[0].0 + (w[1].0 - w[0].0) * t, w[0].1 + (w[1].1 - w[0].1) * t);
        }
        left -= len;
    }
    points.first().copied().unwrap_or((0.0, 0.0))
}

pub fn truncate(s: &str, max: usize) -> String {
    let max = max.max(4);
    if s.chars().count() <= max { s.to_string() } else { format!("{}…", s.chars().take(max - 1).collect::<String>()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_escaped_everywhere() {
        let def = asl::load_value(
            &serde_json::json!({"StartAt": "<b>\"x\" & y</b>", "States": {"<b>\"x\" & y</b>": {"Type": "Succeed"}}}),
        );
        let layout = asl_graph::layout(&asl_graph::build(def.machine.as_ref().unwrap()));
        let markup = svg(&layout);
        assert!(!markup.contains("<b>"));
        assert!(markup.contains("&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;"));
    }
}
