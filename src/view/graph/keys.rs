//! Moving between the graph's states with the keyboard: down follows a transition to the next
//! state, up goes back along one, left and right move to the neighbouring state in the same row,
//! Home goes to the first state. A Parallel or Map is entered from above: the state after it
//! comes after the states inside it.

use asl_graph::{Layout, NodeKind, PlacedNode};

/// The state the focus moves to from the state `from` for the key `key`, if any.
pub fn next(layout: &Layout, from: &str, key: &str) -> Option<String> {
    let at = layout.nodes.iter().position(|n| is_state(n) && n.name == from)?;
    let to = match key {
        "ArrowDown" => successors(layout, at).into_iter().next(),
        "ArrowUp" => predecessors(layout, at).into_iter().next(),
        "ArrowLeft" => beside(layout, at, -1.0),
        "ArrowRight" => beside(layout, at, 1.0),
        "Home" => entry(layout),
        _ => None,
    }?;
    Some(layout.nodes[to].name.clone())
}

/// The machine's first state: where the top-level Start marker leads.
pub fn entry(layout: &Layout) -> Option<usize> {
    let start = layout.nodes.iter().position(|n| n.kind == NodeKind::Start && n.depth == 0)?;
    let first = layout.edges.iter().find(|e| e.from == start).map(|e| e.to)?;
    Some(first).filter(|&i| is_state(&layout.nodes[i]))
}

fn is_state(n: &PlacedNode) -> bool {
    n.kind == NodeKind::State
}

fn inside(inner: &PlacedNode, outer: &PlacedNode) -> bool {
    inner.depth > outer.depth
        && inner.x >= outer.x
        && inner.y >= outer.y
        && inner.x + inner.width <= outer.x + outer.width
        && inner.y + inner.height <= outer.y + outer.height
}

/// The states a transition from `at` leads to: into a container's first states, then its
/// transitions, passing through a branch's Start marker.
fn successors(layout: &Layout, at: usize) -> Vec<usize> {
    let node = &layout.nodes[at];
    let mut out = Vec::new();
    if node.container {
        for (i, marker) in layout.nodes.iter().enumerate() {
            if marker.kind == NodeKind::Start && marker.depth == node.depth + 1 && inside(marker, node) {
                out.extend(layout.edges.iter().filter(|e| e.from == i).map(|e| e.to));
            }
        }
    }
    out.extend(layout.edges.iter().filter(|e| e.from == at).map(|e| e.to));
    out.retain(|&i| is_state(&layout.nodes[i]) && i != at);
    out.dedup();
    out
}

/// The states with a transition to `at`; the first state of a branch goes back to its
/// Parallel or Map.
fn predecessors(layout: &Layout, at: usize) -> Vec<usize> {
    let mut out = Vec::new();
    for e in layout.edges.iter().filter(|e| e.to == at) {
        let from = &layout.nodes[e.from];
        if is_state(from) {
            out.push(e.from);
        } else if from.kind == NodeKind::Start && from.depth > 0 {
            // The innermost container holding the marker.
            let holder = (0..layout.nodes.len())
                .filter(|&i| layout.nodes[i].container && inside(from, &layout.nodes[i]))
                .max_by_key(|&i| layout.nodes[i].depth);
            out.extend(holder);
        }
    }
    out.retain(|&i| i != at);
    out
}

/// The nearest state in the same row, to the left (`direction` −1) or the right (+1).
fn beside(layout: &Layout, at: usize, direction: f64) -> Option<usize> {
    let node = &layout.nodes[at];
    let middle = |n: &PlacedNode| (n.x + n.width / 2.0, n.y + n.height / 2.0);
    let (x, y) = middle(node);
    layout
        .nodes
        .iter()
        .enumerate()
        .filter(|(i, n)| *i != at && is_state(n) && !n.container && (middle(n).1 - y).abs() < node.height / 2.0)
        .filter(|(_, n)| (middle(n).0 - x) * direction > 0.0)
        .min_by(|(_, a), (_, b)| (middle(a).0 - x).abs().total_cmp(&(middle(b).0 - x).abs()))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(definition: &str) -> Layout {
        let loaded = asl::load(definition);
        let machine = loaded.machine.expect("a valid definition");
        asl_graph::layout(&asl_graph::build(&machine))
    }

    #[test]
    fn moves_along_transitions_and_rows() {
        let l = layout(
            r#"{"StartAt": "Route", "States": {
                "Route": {"Type": "Choice", "Choices": [{"Variable": "$.a", "IsPresent": true, "Next": "Left"}], "Default": "Right"},
                "Left": {"Type": "Pass", "Next": "Join"},
                "Right": {"Type": "Pass", "Next": "Join"},
                "Join": {"Type": "Succeed"}}}"#,
        );
        assert_eq!(entry(&l).map(|i| l.nodes[i].name.as_str()), Some("Route"));
        let down = next(&l, "Route", "ArrowDown").unwrap();
        assert!(down == "Left" || down == "Right", "{down}");
        let other = next(&l, &down, if down == "Left" { "ArrowRight" } else { "ArrowLeft" });
        assert!(other.is_some_and(|o| o != down && (o == "Left" || o == "Right")));
        assert_eq!(next(&l, &down, "ArrowDown").as_deref(), Some("Join"));
        assert_eq!(next(&l, "Join", "ArrowUp").as_deref().map(|n| n == "Left" || n == "Right"), Some(true));
        assert_eq!(next(&l, "Route", "ArrowUp"), None);
        assert_eq!(next(&l, "Join", "ArrowDown"), None);
        assert_eq!(next(&l, "Join", "Home").as_deref(), Some("Route"));
        assert_eq!(next(&l, "Nope", "ArrowDown"), None);
    }

    #[test]
    fn enters_and_leaves_a_parallel() {
        let l = layout(
            r#"{"StartAt": "Both", "States": {
                "Both": {"Type": "Parallel", "Next": "After", "Branches": [
                    {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
                    {"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}]},
                "After": {"Type": "Succeed"}}}"#,
        );
        let first = next(&l, "Both", "ArrowDown").unwrap();
        assert!(first == "A" || first == "B", "{first}");
        assert_eq!(next(&l, &first, "ArrowUp").as_deref(), Some("Both"));
        assert_eq!(next(&l, "After", "ArrowUp").as_deref(), Some("Both"));
    }
}
