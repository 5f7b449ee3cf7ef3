//! The state machine's graph, drawn as SVG from the laid-out graph: states coloured by how the
//! played-back execution treated them, the transition just taken highlighted, pan and zoom, and
//! a click on a state to select it (and show it in the editor). When the definition is broken,
//! the last valid graph stays on screen, marked as stale.

use std::sync::Arc;

use asl_graph::{EdgeKind, LABEL_CHARS, Layout, NodeKind, PlacedEdge, PlacedNode};
use leptos::prelude::*;

use crate::playback::{self, Snapshot};
use crate::store::Store;

#[component]
pub fn GraphView(store: Store, on_node: Callback<String>) -> impl IntoView {
    let last_good: RwSignal<Option<Arc<Layout>>> = RwSignal::new(None);
    Effect::new(move |_| {
        if let Some(l) = store.analysis.with(|a| a.layout.clone()) {
            last_good.set(Some(l));
        }
    });
    let stale = move || store.analysis.with(|a| a.layout.is_none()) && last_good.with(|l| l.is_some());
    let snapshot = Memo::new(move |_| {
        let cursor = store.cursor.get();
        store.run.with(|r| r.result()).map(|r| playback::snapshot(&r.history, &r.index, cursor)).unwrap_or_default()
    });
    // The visible part of the graph: its top-left corner in graph units, and the zoom.
    let host = NodeRef::<leptos::html::Section>::new();
    let size = RwSignal::new((800.0f64, 450.0f64));
    let view = RwSignal::new(Viewport { x: 0.0, y: 0.0, scale: 1.0 });
    let measure = move || {
        if let Some(el) = host.get_untracked() {
            let (w, h) = (el.client_width() as f64, el.client_height() as f64);
            if w > 0.0 && h > 0.0 {
                size.set((w, h));
            }
        }
    };
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    let shown = move || store.analysis.with(|a| a.layout.clone()).or_else(|| last_good.get());
    // A new graph starts at a readable zoom, from the top.
    Effect::new(move |previous: Option<(f64, f64)>| {
        host.track();
        measure();
        let dims = shown().map(|l| (l.width, l.height)).unwrap_or_default();
        if previous != Some(dims) {
            view.set(Viewport::readable(dims, size.get_untracked()));
        }
        dims
    });
    // While playing, keep the running state in view.
    Effect::new(move |_| {
        let Some(current) = snapshot.with(|s| s.current.clone()) else { return };
        if !store.playing.get_untracked() {
            return;
        }
        let Some(layout) = shown() else { return };
        if let Some(n) = layout.nodes.iter().find(|n| *n.name == *current && !n.container) {
            view.update(|v| v.show(n, size.get_untracked()));
        }
    });
    let fit = move |_| {
        if let Some(l) = shown() {
            view.set(Viewport::fit((l.width, l.height), size.get_untracked()));
        }
    };
    let drag: RwSignal<Option<(f64, f64)>> = RwSignal::new(None);
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let factor = if ev.delta_y() < 0.0 { 1.15 } else { 1.0 / 1.15 };
        view.update(|v| v.zoom(factor, ev.offset_x() as f64, ev.offset_y() as f64));
    };
    let on_down = move |ev: web_sys::PointerEvent| drag.set(Some((ev.client_x() as f64, ev.client_y() as f64)));
    let on_move = move |ev: web_sys::PointerEvent| {
        if let Some((x, y)) = drag.get_untracked() {
            let (nx, ny) = (ev.client_x() as f64, ev.client_y() as f64);
            view.update(|v| {
                v.x -= (nx - x) / v.scale;
                v.y -= (ny - y) / v.scale;
            });
            drag.set(Some((nx, ny)));
        }
    };
    let on_up = move |_| drag.set(None);
    let view_box = move || {
        let v = view.get();
        let (w, h) = size.get();
        format!("{:.1} {:.1} {:.1} {:.1}", v.x, v.y, w / v.scale, h / v.scale)
    };

    view! {
        <section class="graph" aria-label="State machine graph" node_ref=host>
            <div class="graph-tools">
                <button on:click=move |_| view.update(|v| { let (w, h) = size.get_untracked(); v.zoom(1.2, w / 2.0, h / 2.0) }) title="Zoom in">"+"</button>
                <button on:click=move |_| view.update(|v| { let (w, h) = size.get_untracked(); v.zoom(1.0 / 1.2, w / 2.0, h / 2.0) }) title="Zoom out">"−"</button>
                <button on:click=fit title="Show the whole graph">"Fit"</button>
            </div>
            <Show when=stale>
                <div class="stale-badge" role="status">"Stale: the definition has errors; this is the last valid graph."</div>
            </Show>
            {move || {
                match shown() {
                    None => view! { <div class="graph-empty">"The graph appears once the definition is valid."</div> }.into_any(),
                    Some(layout) => {
                        let l1 = Arc::clone(&layout);
                        let l2 = Arc::clone(&layout);
                        view! {
                            <svg
                                class="graph-svg"
                                class:stale=stale
                                viewBox=view_box
                                preserveAspectRatio="xMinYMin meet"
                                on:wheel=on_wheel
                                on:pointerdown=on_down
                                on:pointermove=on_move
                                on:pointerup=on_up
                                on:pointerleave=on_up
                            >
                                <defs>
                                    <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                                        <path d="M0,0 L10,5 L0,10 z" class="arrowhead" />
                                    </marker>
                                </defs>
                                <g>
                                    {l1.nodes.iter().filter(|n| n.container).map(|n| container(n.clone(), store, snapshot, on_node)).collect_view()}
                                    {l2.edges.iter().map(|e| edge(e.clone(), &layout, snapshot)).collect_view()}
                                    {layout.nodes.iter().filter(|n| !n.container).map(|n| node(n.clone(), store, snapshot, on_node)).collect_view()}
                                </g>
                            </svg>
                        }
                        .into_any()
                    }
                }
            }}
        </section>
    }
}

fn phase_class(snapshot: Memo<Snapshot>, name: &str) -> String {
    snapshot.with(|s| s.nodes.get(name).map(|st| st.phase.class()).unwrap_or("idle").to_string())
}

fn node(n: PlacedNode, store: Store, snapshot: Memo<Snapshot>, on_node: Callback<String>) -> impl IntoView {
    let (x, y, w, h) = (n.x, n.y, n.width, n.height);
    match n.kind {
        NodeKind::Start | NodeKind::End => {
            if n.depth == 0 {
                view! {
                    <g class="marker">
                        <rect x=x y=y width=w height=h rx=h / 2.0 />
                        <text x=x + w / 2.0 y=y + h / 2.0 + 4.0 text-anchor="middle">{n.name.clone()}</text>
                    </g>
                }
                .into_any()
            } else {
                view! { <circle class="marker nested" cx=x + w / 2.0 cy=y + h / 2.0 r=w / 2.0 /> }.into_any()
            }
        }
        NodeKind::State => {
            let name = n.name.clone();
            let class_name = name.clone();
            let select_name = name.clone();
            let badge_name = name.clone();
            let selected_name = name.clone();
            let class =
                move || format!("node {} type-{}", phase_class(snapshot, &class_name), n.state_type.to_lowercase());
            let badges = move || {
                snapshot.with(|s| {
                    s.nodes.get(badge_name.as_str()).map(|st| {
                        let mut b = String::new();
                        if st.visits > 1 {
                            b.push_str(&format!("×{}", st.visits));
                        }
                        if st.failed_attempts > 0 {
                            b.push_str(&format!(" ↻{}", st.failed_attempts));
                        }
                        b.trim().to_string()
                    })
                })
            };
            let subtitle = n.detail.clone().unwrap_or_else(|| n.state_type.to_string());
            view! {
                <g
                    class=class
                    class:selected=move || store.selected.with(|s| s.as_deref() == Some(selected_name.as_str()))
                    data-state=name.clone()
                    on:click=move |ev: web_sys::MouseEvent| {
                        ev.stop_propagation();
                        on_node.run(select_name.clone());
                    }
                >
                    <title>{format!("{} ({})", n.name, n.state_type)}</title>
                    <rect x=x y=y width=w height=h rx="8" />
                    <text class="name" x=x + w / 2.0 y=y + if n.detail.is_some() { 22.0 } else { 20.0 } text-anchor="middle">{truncate(&n.name, (w / 7.4) as usize)}</text>
                    <text class="kind" x=x + w / 2.0 y=y + h - 12.0 text-anchor="middle">{truncate(&subtitle, (w / 6.4) as usize)}</text>
                    {move || badges().filter(|b| !b.is_empty()).map(|b| view! {
                        <text class="badge" x=x + w - 6.0 y=y + 13.0 text-anchor="end">{b}</text>
                    })}
                </g>
            }
            .into_any()
        }
    }
}

fn container(n: PlacedNode, store: Store, snapshot: Memo<Snapshot>, on_node: Callback<String>) -> impl IntoView {
    let name = n.name.clone();
    let class_name = name.clone();
    let selected_name = name.clone();
    let select_name = name.clone();
    let class =
        move || format!("container {} type-{}", phase_class(snapshot, &class_name), n.state_type.to_lowercase());
    view! {
        <g
            class=class
            class:selected=move || store.selected.with(|s| s.as_deref() == Some(selected_name.as_str()))
            data-state=name.clone()
        >
            <rect class="frame" x=n.x y=n.y width=n.width height=n.height rx="10" />
            <text
                class="container-title"
                x=n.x + 12.0
                y=n.y + 21.0
                on:click=move |ev: web_sys::MouseEvent| {
                    ev.stop_propagation();
                    on_node.run(select_name.clone());
                }
            >
                {format!("{} · {}", n.state_type, n.name)}
            </text>
            {n.lanes.iter().map(|&(lx, ly, lw, lh)| view! {
                <rect class="lane" x=lx - 6.0 y=ly - 4.0 width=lw + 12.0 height=lh + 8.0 rx="6" />
            }).collect_view()}
        </g>
    }
}

fn edge(e: PlacedEdge, layout: &Layout, snapshot: Memo<Snapshot>) -> impl IntoView {
    let from = layout.nodes.get(e.from).map(|n| n.name.clone()).unwrap_or_default();
    let to = layout.nodes.get(e.to).map(|n| n.name.clone()).unwrap_or_default();
    let kind = match e.kind {
        EdgeKind::Start => "start",
        EdgeKind::Next => "next",
        EdgeKind::Choice => "choice",
        EdgeKind::Default => "default",
        EdgeKind::Catch => "catch",
        EdgeKind::End => "end",
    };
    let d = path(&e.points);
    let (f2, t2) = (from.clone(), to.clone());
    let class = move || {
        snapshot.with(|s| {
            let taken = s.edges.iter().any(|(a, b)| **a == *f2 && **b == *t2);
            let last = s.last_edge.as_ref().is_some_and(|(a, b)| **a == *f2 && **b == *t2);
            format!("edge {kind}{}{}", if taken { " taken" } else { "" }, if last { " last" } else { "" })
        })
    };
    let label = e.label.clone().map(|text| {
        let (lx, ly) = e.label_at.unwrap_or_else(|| label_point(&e.points));
        let full = text.clone();
        view! {
            <text class=format!("edge-label {kind}") x=lx y=ly + 4.0 text-anchor="middle">
                <title>{full}</title>
                {truncate(&text, LABEL_CHARS)}
            </text>
        }
    });
    view! {
        <g class=class>
            <path d=d marker-end="url(#arrow)" />
            {label}
        </g>
    }
}

fn path(points: &[(f64, f64)]) -> String {
    let mut d = String::new();
    for (i, (x, y)) in points.iter().enumerate() {
        d.push_str(&format!("{}{x:.1},{y:.1} ", if i == 0 { "M" } else { "L" }));
    }
    d
}

/// Where a label sits: two thirds of the way along the edge, where edges that leave the same
/// state have spread apart.
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

fn truncate(s: &str, max: usize) -> String {
    let max = max.max(4);
    if s.chars().count() <= max { s.to_string() } else { format!("{}…", s.chars().take(max - 1).collect::<String>()) }
}

/// The visible part of the graph: its top-left corner (graph units) and the zoom.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Viewport {
    x: f64,
    y: f64,
    scale: f64,
}

const MIN_SCALE: f64 = 0.15;
const MAX_SCALE: f64 = 3.0;
/// Below this zoom the state names get hard to read: a tall graph starts here, from the top.
const READABLE_SCALE: f64 = 0.6;

impl Viewport {
    /// The whole graph, centred.
    fn fit((gw, gh): (f64, f64), (w, h): (f64, f64)) -> Viewport {
        let scale = (w / gw.max(1.0)).min(h / gh.max(1.0)).clamp(MIN_SCALE, 1.0);
        Viewport { x: -(w / scale - gw) / 2.0, y: -(h / scale - gh).max(0.0) / 2.0, scale }
    }

    /// The whole graph when it fits at a readable size; otherwise readable, from the top.
    fn readable(graph: (f64, f64), screen: (f64, f64)) -> Viewport {
        let fit = Viewport::fit(graph, screen);
        if fit.scale >= READABLE_SCALE {
            return fit;
        }
        let scale = (screen.0 / graph.0.max(1.0)).clamp(READABLE_SCALE, 1.0);
        Viewport { x: -(screen.0 / scale - graph.0).max(0.0) / 2.0, y: 0.0, scale }
    }

    /// Zooms by `factor` keeping the point under (`px`, `py`) (screen pixels) in place.
    fn zoom(&mut self, factor: f64, px: f64, py: f64) {
        let scale = (self.scale * factor).clamp(MIN_SCALE, MAX_SCALE);
        let (gx, gy) = (self.x + px / self.scale, self.y + py / self.scale);
        self.x = gx - px / scale;
        self.y = gy - py / scale;
        self.scale = scale;
    }

    /// Pans so that `node` is in view, if it is not.
    fn show(&mut self, node: &PlacedNode, (w, h): (f64, f64)) {
        let (vw, vh) = (w / self.scale, h / self.scale);
        let inside = node.x >= self.x
            && node.y >= self.y
            && node.x + node.width <= self.x + vw
            && node.y + node.height <= self.y + vh;
        if !inside {
            self.x = node.x + node.width / 2.0 - vw / 2.0;
            self.y = node.y + node.height / 2.0 - vh / 2.0;
        }
    }
}
