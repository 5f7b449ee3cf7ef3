//! Where every node and edge of a [`Graph`] goes: each cluster is laid out on its own, then a
//! Parallel or Map state is placed as one node sized to hold its clusters side by side.

use serde::Serialize;

use crate::build::{Cluster, EdgeKind, Graph, NodeKind};
use crate::layered::{Input, place};

const STATE_HEIGHT: f64 = 46.0;
const STATE_HEIGHT_WITH_DETAIL: f64 = 58.0;
const MIN_STATE_WIDTH: f64 = 128.0;
const MAX_STATE_WIDTH: f64 = 280.0;
/// Average advance of a character of the node font, for sizing boxes before drawing them.
const CHAR_WIDTH: f64 = 7.4;
const MARKER: (f64, f64) = (64.0, 28.0);
const NESTED_MARKER: (f64, f64) = (14.0, 14.0);
const CONTAINER_HEADER: f64 = 34.0;
const CONTAINER_PAD: f64 = 16.0;
const BRANCH_GAP: f64 = 28.0;
const MARGIN: f64 = 24.0;

/// A laid-out graph, in one coordinate space (pixels, y down).
#[derive(Clone, Debug, Serialize)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    /// Containers come before the nodes inside them, so drawing in order layers them right.
    pub nodes: Vec<PlacedNode>,
    pub edges: Vec<PlacedEdge>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PlacedNode {
    pub kind: NodeKind,
    pub name: String,
    pub state_type: &'static str,
    pub pointer: String,
    pub detail: Option<String>,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// How many Parallel/Map states enclose it.
    pub depth: usize,
    /// A Parallel or Map state, drawn as a frame around its branches or item processor.
    pub container: bool,
    /// For a container, the boxes of its branches (Parallel) or its processor (Map).
    pub lanes: Vec<(f64, f64, f64, f64)>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PlacedEdge {
    pub kind: EdgeKind,
    pub label: Option<String>,
    /// Where the label's centre goes (the layout keeps room for it there).
    pub label_at: Option<(f64, f64)>,
    pub points: Vec<(f64, f64)>,
    /// Indexes into [`Layout::nodes`].
    pub from: usize,
    pub to: usize,
    /// For a Choice rule's or a catcher's edge, its index in Choices or Catch.
    pub index: Option<usize>,
}

impl Serialize for NodeKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(match self {
            NodeKind::Start => "start",
            NodeKind::End => "end",
            NodeKind::State => "state",
        })
    }
}

impl Serialize for EdgeKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(match self {
            EdgeKind::Start => "start",
            EdgeKind::Next => "next",
            EdgeKind::Choice => "choice",
            EdgeKind::Default => "default",
            EdgeKind::Catch => "catch",
            EdgeKind::End => "end",
        })
    }
}

/// Lays out `graph`.
pub fn layout(graph: &Graph) -> Layout {
    let mut out = Layout { width: 0.0, height: 0.0, nodes: Vec::new(), edges: Vec::new() };
    let (w, h) = lay_cluster(&graph.root, 0, (MARGIN, MARGIN), &mut out);
    out.width = w + 2.0 * MARGIN;
    out.height = h + 2.0 * MARGIN;
    out
}

/// A container's clusters, laid out at the container's origin: the layout, each lane's x and
/// width, and the tallest lane's height.
type Nested = (Layout, Vec<(f64, f64)>, f64);

/// The size a cluster takes, and its nodes and edges appended to `out` at `origin`.
fn lay_cluster(cluster: &Cluster, depth: usize, origin: (f64, f64), out: &mut Layout) -> (f64, f64) {
    // Children first: a container's size depends on them. They are laid out into a scratch
    // layout at the origin and moved into place once their container is placed.
    let mut inner: Vec<Option<Nested>> = Vec::with_capacity(cluster.nodes.len());
    let mut sizes = Vec::with_capacity(cluster.nodes.len());
    for node in &cluster.nodes {
        if node.children.is_empty() {
            inner.push(None);
            sizes.push(node_size(node, depth));
            continue;
        }
        let mut scratch = Layout { width: 0.0, height: 0.0, nodes: Vec::new(), edges: Vec::new() };
        let mut lanes = Vec::new();
        let mut x = CONTAINER_PAD;
        let mut tallest: f64 = 0.0;
        for child in &node.children {
            let (w, h) = lay_cluster(child, depth + 1, (x, CONTAINER_HEADER), &mut scratch);
            lanes.push((x, w));
            x += w + BRANCH_GAP;
            tallest = tallest.max(h);
        }
        let width = (x - BRANCH_GAP + CONTAINER_PAD).max(node_size(node, depth).0);
        let height = CONTAINER_HEADER + tallest + CONTAINER_PAD;
        inner.push(Some((scratch, lanes, tallest)));
        sizes.push((width, height));
    }
    let end = cluster.nodes.iter().position(|n| n.kind == NodeKind::End).unwrap_or(cluster.nodes.len());
    let input = Input {
        sizes: sizes.clone(),
        edges: cluster.edges.iter().map(|e| (e.from, e.to)).collect(),
        weights: cluster.edges.iter().map(|e| if e.kind == EdgeKind::Catch { 0.1 } else { 1.0 }).collect(),
        labels: cluster.edges.iter().map(|e| e.label.as_deref().map(label_size)).collect(),
        first: 0,
        last: end,
    };
    let placed = place(&input);
    let (ox, oy) = origin;
    let base = out.nodes.len();
    // Reserve this cluster's nodes first so their indexes are base + i, then add the children.
    let mut child_batches = Vec::new();
    for (i, node) in cluster.nodes.iter().enumerate() {
        let (x, y) = placed.positions[i];
        let (w, h) = sizes[i];
        let (x, y) = (ox + x, oy + y);
        let lanes = match &inner[i] {
            Some((_, lanes, tallest)) => {
                lanes.iter().map(|&(lx, lw)| (x + lx, y + CONTAINER_HEADER, lw, *tallest)).collect()
            }
            None => Vec::new(),
        };
        out.nodes.push(PlacedNode {
            kind: node.kind.clone(),
            name: node.name.clone(),
            state_type: node.state_type,
            pointer: node.pointer.clone(),
            detail: node.detail.clone(),
            x,
            y,
            width: w,
            height: h,
            depth,
            container: !node.children.is_empty(),
            lanes,
        });
        if let Some((scratch, _, _)) = inner[i].take() {
            child_batches.push(((x, y), scratch));
        }
    }
    for ((x, y), scratch) in child_batches {
        let shift = out.nodes.len();
        out.nodes.extend(scratch.nodes.into_iter().map(|mut n| {
            n.x += x;
            n.y += y;
            n.lanes = n.lanes.into_iter().map(|(a, b, c, d)| (a + x, b + y, c, d)).collect();
            n
        }));
        out.edges.extend(scratch.edges.into_iter().map(|mut e| {
            e.from += shift;
            e.to += shift;
            e.points = e.points.into_iter().map(|(a, b)| (a + x, b + y)).collect();
            e.label_at = e.label_at.map(|(a, b)| (a + x, b + y));
            e
        }));
    }
    for ((edge, mut route), label_at) in cluster.edges.iter().zip(placed.routes).zip(placed.label_centers) {
        // Error paths leave from the side, so they do not start on top of the main flow.
        if edge.kind == EdgeKind::Catch && route.len() >= 2 {
            let (x, y) = placed.positions[edge.from];
            let (w, h) = sizes[edge.from];
            if route[1].0 > x + w / 2.0 {
                route[0] = (x + w, y + h / 2.0);
            }
        }
        out.edges.push(PlacedEdge {
            kind: edge.kind.clone(),
            label: edge.label.clone(),
            points: route.into_iter().map(|(x, y)| (ox + x, oy + y)).collect(),
            label_at: label_at.map(|(x, y)| (ox + x, oy + y)),
            from: base + edge.from,
            to: base + edge.to,
            index: edge.index,
        });
    }
    (placed.width, placed.height)
}

/// Labels longer than this are shortened when drawn (the whole text shows on hover).
pub const LABEL_CHARS: usize = 30;
const LABEL_CHAR_WIDTH: f64 = 6.1;

/// The room a label takes: its (shortened) text in the label font, with a little margin.
fn label_size(text: &str) -> (f64, f64) {
    let chars = text.chars().count().min(LABEL_CHARS);
    (chars as f64 * LABEL_CHAR_WIDTH + 12.0, 16.0)
}

fn node_size(node: &crate::build::Node, depth: usize) -> (f64, f64) {
    match node.kind {
        NodeKind::Start | NodeKind::End => {
            if depth == 0 {
                MARKER
            } else {
                NESTED_MARKER
            }
        }
        NodeKind::State => {
            let text = node.name.chars().count().max(node.detail.as_ref().map_or(0, |d| d.chars().count()));
            let width = (text as f64 * CHAR_WIDTH + 32.0).clamp(MIN_STATE_WIDTH, MAX_STATE_WIDTH);
            let height = if node.detail.is_some() { STATE_HEIGHT_WITH_DETAIL } else { STATE_HEIGHT };
            (width, height)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn lay(def: serde_json::Value) -> Layout {
        let d = asl::load_value(&def);
        layout(&crate::build(d.machine.as_ref().unwrap()))
    }

    fn overlaps(a: &PlacedNode, b: &PlacedNode) -> bool {
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    }

    #[test]
    fn a_chain_goes_down_and_nothing_overlaps() {
        let l = lay(json!({"StartAt": "A", "States": {
            "A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "C"}, "C": {"Type": "Succeed"}}}));
        let y = |n: &str| l.nodes.iter().find(|p| p.name == n).unwrap().y;
        assert!(y("Start") < y("A") && y("A") < y("B") && y("B") < y("C") && y("C") < y("End"));
        for (i, a) in l.nodes.iter().enumerate() {
            for b in &l.nodes[i + 1..] {
                assert!(!overlaps(a, b), "{} overlaps {}", a.name, b.name);
            }
        }
        assert_eq!(l.edges.len(), 4);
    }

    #[test]
    fn containers_hold_their_branches() {
        let l = lay(json!({"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
            {"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}
        ]}}}));
        let p = l.nodes.iter().find(|n| n.name == "P").unwrap();
        assert!(p.container);
        assert_eq!(p.lanes.len(), 2);
        for name in ["A", "B"] {
            let n = l.nodes.iter().find(|n| n.name == name).unwrap();
            assert_eq!(n.depth, 1);
            assert!(
                n.x >= p.x && n.x + n.width <= p.x + p.width && n.y >= p.y && n.y + n.height <= p.y + p.height,
                "{name} is outside P"
            );
        }
        let a = l.nodes.iter().find(|n| n.name == "A").unwrap();
        let b = l.nodes.iter().find(|n| n.name == "B").unwrap();
        assert!(!overlaps(a, b));
    }

    #[test]
    fn loops_route_back_up_and_choices_are_labelled() {
        let l = lay(json!({"StartAt": "Inc", "States": {
            "Inc": {"Type": "Pass", "Next": "Check"},
            "Check": {"Type": "Choice", "Choices": [{"Variable": "$.i", "NumericLessThan": 3, "Next": "Inc"}], "Default": "Done"},
            "Done": {"Type": "Succeed"}}}));
        let choice = l.edges.iter().find(|e| e.kind == EdgeKind::Choice).unwrap();
        assert_eq!(choice.label.as_deref(), Some("$.i < 3"));
        let first = choice.points.first().unwrap();
        let last = choice.points.last().unwrap();
        assert!(last.1 < first.1, "the loop goes back up");
        assert!(l.edges.iter().any(|e| e.kind == EdgeKind::Default));
    }
}
