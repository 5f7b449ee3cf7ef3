//! Draws a definition's layout as a plain SVG file, to look at the layout without the app.
//!
//!     cargo run -p asl-graph --example svg -- definition.asl.json > graph.svg

fn main() {
    let path = std::env::args().nth(1).expect("usage: svg DEFINITION");
    let text = std::fs::read_to_string(&path).expect("readable definition");
    let def = asl::load(&text);
    let machine = def.machine.expect("a state machine");
    let l = asl_graph::layout(&asl_graph::build(&machine));
    let mut s = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" font-family="sans-serif" font-size="12"><rect width="100%" height="100%" fill="white"/>"##,
        l.width, l.height
    );
    for n in &l.nodes {
        let fill = if n.container {
            "#f1f5f9"
        } else if n.state_type.is_empty() {
            "#e2e8f0"
        } else {
            "#ffffff"
        };
        s += &format!(
            r##"<rect x="{}" y="{}" width="{}" height="{}" rx="6" fill="{fill}" stroke="#64748b"/>"##,
            n.x, n.y, n.width, n.height
        );
        let ty = if n.container { n.y + 18.0 } else { n.y + n.height / 2.0 };
        s += &format!(
            r##"<text x="{}" y="{}" text-anchor="middle">{}</text>"##,
            n.x + n.width / 2.0,
            ty,
            n.name.replace('&', "&amp;").replace('<', "&lt;")
        );
    }
    for e in &l.edges {
        let pts: Vec<String> = e.points.iter().map(|(x, y)| format!("{x},{y}")).collect();
        let color = match e.kind {
            asl_graph::EdgeKind::Catch => "#dc2626",
            asl_graph::EdgeKind::Default => "#7c3aed",
            _ => "#334155",
        };
        s += &format!(r##"<polyline points="{}" fill="none" stroke="{color}"/>"##, pts.join(" "));
        if let (Some(label), Some(p)) = (&e.label, e.points.get(e.points.len() / 2)) {
            s += &format!(
                r##"<text x="{}" y="{}" fill="{color}" font-size="10">{}</text>"##,
                p.0 + 4.0,
                p.1,
                label.replace('&', "&amp;").replace('<', "&lt;")
            );
        }
    }
    s += "</svg>";
    println!("{s}");
}
