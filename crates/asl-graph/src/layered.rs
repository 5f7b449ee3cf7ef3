//! A layered ("Sugiyama") layout of one flat graph of sized boxes, top to bottom: break cycles,
//! put each node on a layer, order each layer to cross few edges, then place the boxes and
//! route the edges (long edges through the layers they cross, back edges around the right).

/// Space between boxes of one layer, and between layers.
const GAP_X: f64 = 36.0;
const GAP_Y: f64 = 52.0;
/// The width a long edge takes where it crosses a layer.
const LANE: f64 = 14.0;
const SWEEPS: usize = 8;
/// Alternating down and up passes, ending with a down pass so the flow from the top stays
/// straight.
const PLACEMENT_PASSES: usize = 7;

pub(crate) struct Input {
    pub sizes: Vec<(f64, f64)>,
    pub edges: Vec<(usize, usize)>,
    /// How strongly each edge pulls its ends into line (the main flow strongly, error paths
    /// barely).
    pub weights: Vec<f64>,
    /// The size of each edge's label, if it has one: labels take room in the layout, so they
    /// never overlap each other or the boxes.
    pub labels: Vec<Option<(f64, f64)>>,
    /// The node ranked first (the Start marker).
    pub first: usize,
    /// The node ranked last (the End marker).
    pub last: usize,
}

pub(crate) struct Output {
    /// Top-left corner of each box.
    pub positions: Vec<(f64, f64)>,
    /// The centre of each edge's label.
    pub label_centers: Vec<Option<(f64, f64)>>,
    /// Each edge's points, from its source to its target.
    pub routes: Vec<Vec<(f64, f64)>>,
    pub width: f64,
    pub height: f64,
}

/// A node of the layered graph: a box, or a point where a long edge crosses a layer (sized
/// like its label where the edge's label sits).
#[derive(Clone, Copy)]
struct Slot {
    width: f64,
    height: f64,
    real: Option<usize>,
}

pub(crate) fn place(input: &Input) -> Output {
    let n = input.sizes.len();
    let reversed = back_edges(n, &input.edges, input.first);
    let mut ranks = rank(n, &input.edges, &reversed, input.first, input.last);
    // With labels, every edge spans two layers so that a label can sit between them.
    let labelled = input.labels.iter().any(Option::is_some);
    let spread = if labelled { 2 } else { 1 };
    for r in &mut ranks {
        *r *= spread;
    }
    let gap_y = GAP_Y / spread as f64;
    let layer_count = ranks.iter().copied().max().map_or(0, |m| m + 1);

    // Layers of slots: the boxes, then one slot per layer each long edge crosses.
    let mut slots: Vec<Slot> =
        (0..n).map(|i| Slot { width: input.sizes[i].0, height: input.sizes[i].1, real: Some(i) }).collect();
    let mut layer_of: Vec<usize> = ranks.clone();
    let mut chains: Vec<Vec<usize>> = Vec::with_capacity(input.edges.len());
    let mut label_slot: Vec<Option<usize>> = vec![None; input.edges.len()];
    for (e, &(from, to)) in input.edges.iter().enumerate() {
        let (top, bottom) = if reversed[e] { (to, from) } else { (from, to) };
        let mut chain = vec![top];
        if from != to {
            let middle = (ranks[top] + ranks[bottom]) / 2;
            for r in ranks[top] + 1..ranks[bottom] {
                let label = input.labels.get(e).copied().flatten().filter(|_| r == middle && !reversed[e]);
                let (width, height) = label.unwrap_or((LANE, 0.0));
                slots.push(Slot { width, height, real: None });
                layer_of.push(r);
                chain.push(slots.len() - 1);
                if label.is_some() {
                    label_slot[e] = Some(slots.len() - 1);
                }
            }
        }
        chain.push(bottom);
        chains.push(chain);
    }
    let mut up: Vec<Vec<(usize, f64)>> = vec![Vec::new(); slots.len()];
    let mut down: Vec<Vec<(usize, f64)>> = vec![Vec::new(); slots.len()];
    for (e, chain) in chains.iter().enumerate() {
        let weight = input.weights.get(e).copied().unwrap_or(1.0);
        for w in chain.windows(2) {
            if w[0] != w[1] {
                down[w[0]].push((w[1], weight));
                up[w[1]].push((w[0], weight));
            }
        }
    }

    let mut layers: Vec<Vec<usize>> = vec![Vec::new(); layer_count];
    for s in discovery_order(&slots, &down, input.first) {
        layers[layer_of[s]].push(s);
    }
    order(&mut layers, &up, &down, slots.len());
    let x = coordinates(&layers, &slots, &up, &down);

    // Heights of layers, and the top of each.
    let layer_height = |r: usize| -> f64 { layers[r].iter().map(|&s| slots[s].height).fold(0.0, f64::max).max(LANE) };
    let mut layer_top = Vec::with_capacity(layer_count);
    let mut y = 0.0;
    for r in 0..layers.len() {
        layer_top.push(y);
        y += layer_height(r) + gap_y;
    }
    let height = (y - gap_y).max(0.0);
    let mut positions = vec![(0.0, 0.0); n];
    for (r, layer) in layers.iter().enumerate() {
        for &s in layer {
            if let Some(i) = slots[s].real {
                let h = input.sizes[i].1;
                positions[i] = (x[s], layer_top[r] + (layer_height(r) - h) / 2.0);
            }
        }
    }
    let center = |s: usize| -> (f64, f64) {
        match slots[s].real {
            Some(i) => (positions[i].0 + input.sizes[i].0 / 2.0, positions[i].1 + input.sizes[i].1 / 2.0),
            None => (x[s] + slots[s].width / 2.0, layer_top[layer_of[s]] + layer_height(layer_of[s]) / 2.0),
        }
    };
    let label_centers = label_slot.iter().map(|s| s.map(center)).collect();
    let right_edge = x.iter().zip(&slots).map(|(x, s)| x + s.width).fold(0.0, f64::max);
    let mut routes = Vec::with_capacity(input.edges.len());
    for (e, &(from, to)) in input.edges.iter().enumerate() {
        let chain = &chains[e];
        let (fw, fh) = input.sizes[from];
        let (tw, th) = input.sizes[to];
        let (fx, fy) = positions[from];
        let (tx, ty) = positions[to];
        let route = if from == to {
            // A state that moves to itself: a small loop on its right.
            let (r, m) = (fx + fw, fy + fh / 2.0);
            vec![(r, m - 8.0), (r + 22.0, m - 8.0), (r + 22.0, m + 8.0), (r, m + 8.0)]
        } else if reversed[e] {
            // Back edges (loops) leave from the right and come back up along the right side.
            let lane =
                chain[1..chain.len() - 1].iter().map(|&s| center(s).0).fold(fx + fw, f64::max).max(tx + tw) + 18.0;
            let mut pts = vec![(fx + fw, fy + fh / 2.0), (lane, fy + fh / 2.0)];
            pts.push((lane, ty + th / 2.0));
            pts.push((tx + tw, ty + th / 2.0));
            pts
        } else {
            let mut pts = vec![(fx + fw / 2.0, fy + fh)];
            for &s in &chain[1..chain.len() - 1] {
                pts.push(center(s));
            }
            pts.push((tx + tw / 2.0, ty));
            pts
        };
        routes.push(route);
    }
    let width = routes.iter().flatten().map(|p| p.0).fold(right_edge, f64::max);
    Output { positions, label_centers, routes, width, height }
}

/// Edges that close a cycle, found by a depth-first walk from `first` (then from any node not
/// reached): they are laid out reversed.
fn back_edges(n: usize, edges: &[(usize, usize)], first: usize) -> Vec<bool> {
    let mut out_edges: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (e, &(from, _)) in edges.iter().enumerate() {
        out_edges[from].push(e);
    }
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut mark = vec![Mark::New; n];
    let mut reversed = vec![false; edges.len()];
    let roots = std::iter::once(first).chain(0..n);
    for root in roots {
        if root >= n || mark[root] != Mark::New {
            continue;
        }
        // Iterative depth-first search: (node, next edge to look at).
        let mut stack = vec![(root, 0usize)];
        mark[root] = Mark::Open;
        while let Some(&mut (v, ref mut next)) = stack.last_mut() {
            if let Some(&e) = out_edges[v].get(*next) {
                *next += 1;
                let w = edges[e].1;
                match mark[w] {
                    Mark::New => {
                        mark[w] = Mark::Open;
                        stack.push((w, 0));
                    }
                    Mark::Open => reversed[e] = true,
                    Mark::Done => {}
                }
            } else {
                mark[v] = Mark::Done;
                stack.pop();
            }
        }
    }
    reversed
}

/// Longest-path layering of the graph with back edges reversed; `first` on top, `last` below
/// everything else.
fn rank(n: usize, edges: &[(usize, usize)], reversed: &[bool], first: usize, last: usize) -> Vec<usize> {
    let mut indegree = vec![0usize; n];
    let mut succ: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (e, &(a, b)) in edges.iter().enumerate() {
        if a == b {
            continue;
        }
        let (a, b) = if reversed[e] { (b, a) } else { (a, b) };
        succ[a].push(b);
        indegree[b] += 1;
    }
    let mut rank = vec![0usize; n];
    let mut queue: Vec<usize> = (0..n).filter(|&v| indegree[v] == 0).collect();
    // Start from `first` so the entry sits on top.
    asl::sort::sort_by_key(&mut queue, |&v| v != first);
    let mut i = 0;
    while i < queue.len() {
        let v = queue[i];
        i += 1;
        for &w in &succ[v] {
            rank[w] = rank[w].max(rank[v] + 1);
            indegree[w] -= 1;
            if indegree[w] == 0 {
                queue.push(w);
            }
        }
    }
    if last < n {
        let deepest = (0..n).filter(|&v| v != last).map(|v| rank[v]).max().unwrap_or(0);
        rank[last] = deepest + 1;
    }
    rank
}

/// Slots in depth-first order from `first`, then the rest: the initial order within layers.
fn discovery_order(slots: &[Slot], down: &[Vec<(usize, f64)>], first: usize) -> Vec<usize> {
    let mut seen = vec![false; slots.len()];
    let mut out = Vec::with_capacity(slots.len());
    for root in std::iter::once(first).chain(0..slots.len()) {
        if root >= slots.len() || seen[root] {
            continue;
        }
        let mut stack = vec![root];
        while let Some(v) = stack.pop() {
            if seen[v] {
                continue;
            }
            seen[v] = true;
            out.push(v);
            for &(w, _) in down[v].iter().rev() {
                if !seen[w] {
                    stack.push(w);
                }
            }
        }
    }
    out
}

/// Barycenter sweeps: each slot moves toward the average position of its neighbours in the
/// layer above (sweeping down) or below (sweeping up).
fn order(layers: &mut [Vec<usize>], up: &[Vec<(usize, f64)>], down: &[Vec<(usize, f64)>], slot_count: usize) {
    let mut pos = vec![0.0f64; slot_count];
    let refresh = |layers: &[Vec<usize>], pos: &mut Vec<f64>| {
        for layer in layers {
            for (i, &s) in layer.iter().enumerate() {
                pos[s] = i as f64;
            }
        }
    };
    refresh(layers, &mut pos);
    for sweep in 0..SWEEPS {
        let downward = sweep % 2 == 0;
        let range: Vec<usize> =
            if downward { (1..layers.len()).collect() } else { (0..layers.len().saturating_sub(1)).rev().collect() };
        for r in range {
            let neighbours = if downward { up } else { down };
            let mut keyed: Vec<(f64, usize)> = layers[r]
                .iter()
                .map(|&s| {
                    let ns = &neighbours[s];
                    let total: f64 = ns.iter().map(|&(_, w)| w).sum();
                    let key = if ns.is_empty() || total == 0.0 {
                        pos[s]
                    } else {
                        ns.iter().map(|&(t, w)| pos[t] * w).sum::<f64>() / total
                    };
                    (key, s)
                })
                .collect();
            // Keys are finite (positions and their means), so PartialOrd orders them fully.
            asl::sort::sort_by_key(&mut keyed, |k| k.0);
            layers[r] = keyed.into_iter().map(|(_, s)| s).collect();
            for (i, &s) in layers[r].iter().enumerate() {
                pos[s] = i as f64;
            }
        }
    }
}

/// Horizontal positions (left edges): packed left to right, then pulled toward the centres of
/// their neighbours, keeping each layer's order and gaps.
fn coordinates(
    layers: &[Vec<usize>],
    slots: &[Slot],
    up: &[Vec<(usize, f64)>],
    down: &[Vec<(usize, f64)>],
) -> Vec<f64> {
    let mut x = vec![0.0f64; slots.len()];
    let gap = |a: usize, b: usize| if slots[a].real.is_some() && slots[b].real.is_some() { GAP_X } else { GAP_X / 3.0 };
    for layer in layers {
        let mut at = 0.0;
        for (i, &s) in layer.iter().enumerate() {
            if i > 0 {
                at += gap(layer[i - 1], s);
            }
            x[s] = at;
            at += slots[s].width;
        }
    }
    let width_max = layers.iter().map(|l| l.iter().map(|&s| slots[s].width).sum::<f64>()).fold(0.0, f64::max);
    for layer in layers {
        let w: f64 = layer.iter().map(|&s| slots[s].width).sum::<f64>();
        let shift = (width_max - w) / 2.0;
        for &s in layer {
            x[s] += shift;
        }
    }
    for pass in 0..PLACEMENT_PASSES {
        let downward = pass % 2 == 0;
        let order: Vec<usize> = if downward { (0..layers.len()).collect() } else { (0..layers.len()).rev().collect() };
        for r in order {
            let layer = &layers[r];
            let neighbours = if downward { up } else { down };
            let desired: Vec<f64> = layer
                .iter()
                .map(|&s| {
                    let ns = &neighbours[s];
                    // The strongest neighbours decide; equal ones share.
                    let strongest = ns.iter().map(|&(_, w)| w).fold(0.0, f64::max);
                    let chosen: Vec<usize> = ns.iter().filter(|&&(_, w)| w >= strongest).map(|&(t, _)| t).collect();
                    if chosen.is_empty() {
                        x[s]
                    } else {
                        let c = chosen.iter().map(|&t| x[t] + slots[t].width / 2.0).sum::<f64>() / chosen.len() as f64;
                        c - slots[s].width / 2.0
                    }
                })
                .collect();
            // Left to right: no slot left of where its left neighbour allows...
            let mut placed = desired.clone();
            for i in 1..layer.len() {
                let min = placed[i - 1] + slots[layer[i - 1]].width + gap(layer[i - 1], layer[i]);
                placed[i] = placed[i].max(min);
            }
            // ...then right to left, pulling back toward the desired places.
            for i in (0..layer.len().saturating_sub(1)).rev() {
                let max = placed[i + 1] - gap(layer[i], layer[i + 1]) - slots[layer[i]].width;
                placed[i] = placed[i].min(max).max(desired[i].min(max));
            }
            for (i, &s) in layer.iter().enumerate() {
                x[s] = placed[i];
            }
        }
    }
    let min = x.iter().copied().fold(f64::INFINITY, f64::min);
    if min.is_finite() {
        for v in &mut x {
            *v -= min;
        }
    }
    x
}
