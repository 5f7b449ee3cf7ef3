//! The state machine's graph, drawn as SVG from the laid-out graph: states coloured by how the
//! played-back execution treated them, the transition just taken highlighted, pan and zoom (a
//! drag or one finger pans, the wheel or a pinch zooms), and a click on a state to select it
//! (and show it in the editor). The states are focusable: the arrow keys move between them
//! along the transitions ([`keys`]) and Enter opens the inspector; each is announced with its
//! name, type and outcome. When the definition is broken, the last valid graph stays on screen,
//! marked as stale.
//!
//! The markup is written once per layout ([`markup`]); the playback then only changes classes
//! and badges on the elements it already has, so scrubbing through a long history stays fast.

pub mod drop;
mod keys;
mod markup;
mod reshape;

use std::sync::Arc;

use crate::view::html::Num;

use asl_graph::{Layout, PlacedNode};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::playback::{self, Snapshot};
use crate::store::{Action, Store};

#[component]
pub fn GraphView(
    store: Store,
    on_node: Callback<String>,
    zoom: RwSignal<f64>,
    /// Whether design mode is on: states and transitions can then be dragged ([`reshape`]).
    #[prop(into)]
    design: Signal<bool>,
) -> impl IntoView {
    let last_good: RwSignal<Option<Arc<Layout>>> = RwSignal::new(None);
    Effect::new(move |_| {
        if let Some(l) = store.analysis.with(|a| a.layout.clone()) {
            last_good.set(Some(l));
        }
    });
    let stale = move || store.analysis.with(|a| a.layout.is_none()) && last_good.with(|l| l.is_some());
    let shown =
        Memo::new(move |_| store.analysis.with(|a| a.layout.clone()).or_else(|| last_good.get()).map(ByPointer));
    let snapshot = Memo::new(move |_| {
        let cursor = store.cursor.get();
        store.run.with(|r| r.result()).map(|r| r.checkpoints.at(&r.history, &r.index, cursor)).unwrap_or_default()
    });

    // The visible part of the graph: its top-left corner in graph units, and the zoom.
    let host = NodeRef::<leptos::html::Section>::new();
    let svg = NodeRef::<leptos::svg::Svg>::new();
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
    // Measured once the section is in the page and whenever its size changes (the window, the
    // explanation beside it folding away), not on every new graph: reading sizes forces the
    // browser to lay the page out at once.
    Effect::new(move |_| {
        if let Some(el) = host.get() {
            crate::browser::on_resize(&el, measure);
        }
    });
    // A new graph starts at a readable zoom, from the top; in presentation mode a small graph
    // is enlarged for the room. Until the person zooms or pans, it is fitted again as the space
    // around it changes.
    let fitted = StoredValue::new(true);
    Effect::new(move |previous: Option<((f64, f64), bool)>| {
        let dims = shown.with(|l| l.as_ref().map(|l| (l.0.width, l.0.height))).unwrap_or_default();
        let present = store.mode.get() != crate::share::Mode::Edit;
        let screen = size.get();
        if previous != Some((dims, present)) || fitted.get_value() {
            let max = if present { PRESENT_SCALE * zoom.get_untracked() } else { 1.0 };
            let entry = shown.with(|l| l.as_ref().and_then(|l| keys::entry(&l.0).map(|i| centre_x(&l.0.nodes[i]))));
            view.set(Viewport::readable(dims, screen, max, entry));
            fitted.set_value(true);
        }
        (dims, present)
    });
    // Presentation's Ctrl/Cmd + and − enlarge the graph with the text, about its middle.
    Effect::new(move |previous: Option<f64>| {
        let z = zoom.get();
        if let Some(p) = previous.filter(|p| *p != z) {
            let (w, h) = size.get_untracked();
            fitted.set_value(false);
            view.update(|v| v.zoom(z / p, w / 2.0, h / 2.0));
        }
        z
    });
    // The state that Tab reaches in the graph (the others are reached with the arrow keys).
    let focus_target: RwSignal<Option<String>> = RwSignal::new(None);
    // While playing, keep the running state in view.
    Effect::new(move |_| {
        let Some(current) = snapshot.with(|s| s.current.clone()) else { return };
        if !store.playing.get_untracked() {
            return;
        }
        shown.with_untracked(|l| {
            let Some(l) = l else { return };
            if let Some(n) = l.0.nodes.iter().find(|n| *n.name == *current && !n.container) {
                view.update(|v| v.show(n, size.get_untracked()));
            }
        });
    });
    // The next state Test state's answer names is brought into view.
    Effect::new(move |_| {
        let Some(next) = store.test_next.get() else { return };
        shown.with_untracked(|l| {
            let Some(l) = l else { return };
            if let Some(n) = l.0.nodes.iter().find(|n| *n.name == *next && !n.container) {
                view.update(|v| v.show(n, size.get_untracked()));
            }
        });
    });
    // The states waiting for the person, once the playback has caught up with the pause.
    let waiting = Memo::new(move |_| {
        let cursor = store.cursor.get();
        store.run.with(|r| {
            r.result()
                .filter(|r| r.is_paused() && cursor >= r.history.len())
                .map(|r| r.waiting.iter().map(|t| t.state_name.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    // The state where a run departs from the workspace's recording.
    let departs = Memo::new(move |_| {
        store.run.with(|r| {
            let r = r.result()?;
            let crate::runner::Origin::Compared(Some(d)) = &r.origin else { return None };
            r.index
                .state_of
                .get(d.index)
                .cloned()
                .flatten()
                .map(|s| s.to_string())
                .or_else(|| d.recorded.as_ref().and_then(|e| e.state.clone()))
        })
    });
    // Colours, badges and the taken transitions, applied to the drawn elements.
    Effect::new(move |_| {
        shown.track();
        // What the test suite's cases never exercised, when the graph shows the coverage.
        // (The suite's run is held, not its marks copied: this runs on every playback step.)
        let suite = store.show_coverage.get().then(|| store.suite.get()).flatten();
        let uncovered = suite.as_deref().and_then(|s| s.uncovered.as_ref());
        let selected = store.selected.get();
        let waiting = waiting.get();
        let departs = departs.get();
        let tested_next = store.test_next.get();
        let tab_stop = focus_target.get().or_else(|| {
            shown.with_untracked(|l| l.as_ref().and_then(|l| keys::entry(&l.0).map(|i| l.0.nodes[i].name.clone())))
        });
        snapshot.with(|s| {
            if let Some(el) = svg.get() {
                paint(
                    &el,
                    s,
                    Marks {
                        selected: selected.as_deref(),
                        waiting: &waiting,
                        departs: departs.as_deref(),
                        tested_next: tested_next.as_deref(),
                        uncovered,
                    },
                    tab_stop.as_deref(),
                );
            }
        });
    });
    // Once a graph is on screen, the page may load the editor (see index.html) and the code
    // that runs the workflow.
    Effect::new(move |told: Option<bool>| {
        let drawn = told.unwrap_or(false) || shown.with(|l| l.is_some());
        if drawn && told != Some(true) {
            crate::browser::graph_drawn();
            crate::runner::preload();
        }
        drawn
    });

    let fit = move |_| {
        if let Some(l) = shown.get_untracked() {
            let max = if store.mode.get_untracked() == crate::share::Mode::Edit { 1.0 } else { PRESENT_SCALE };
            view.set(Viewport::fit((l.0.width, l.0.height), size.get_untracked(), max));
            fitted.set_value(true);
        }
    };
    // The pointers down on the graph (a mouse, or one or two fingers) and where they were.
    let pointers: StoredValue<Vec<(i32, f64, f64)>> = StoredValue::new(Vec::new());
    let moved = RwSignal::new(false);
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let factor = if ev.delta_y() < 0.0 { 1.15 } else { 1.0 / 1.15 };
        fitted.set_value(false);
        view.update(|v| v.zoom(factor, ev.offset_x() as f64, ev.offset_y() as f64));
    };
    // A design-mode drag of a state or a transition, from press to release.
    let gesture: StoredValue<Option<reshape::Gesture>> = StoredValue::new(None);
    let on_down = move |ev: web_sys::PointerEvent| {
        // A second finger while one drags: a pinch, not a drag.
        if let Some(g) = gesture.get_value() {
            gesture.set_value(None);
            if let Some(el) = svg.get_untracked() {
                reshape::cancel(&el);
            }
            let (id, (x, y)) = g.pointer();
            pointers.set_value(vec![(id, x, y)]);
        }
        if design.get_untracked()
            && pointers.with_value(|p| p.is_empty())
            && let Some(el) = svg.get_untracked()
        {
            let rect = el.get_bounding_client_rect();
            let v = view.get_untracked();
            let frame = reshape::Frame { origin: (rect.left(), rect.top()), view: (v.x, v.y, v.scale) };
            if let Some(g) = reshape::begin(&ev, frame) {
                gesture.set_value(Some(g));
                moved.set(false);
                return;
            }
        }
        let (id, x, y) = (ev.pointer_id(), ev.client_x() as f64, ev.client_y() as f64);
        pointers.update_value(|p| {
            p.retain(|q| q.0 != id);
            p.push((id, x, y));
        });
        moved.set(false);
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        if let Some(mut g) = gesture.get_value() {
            let Some(el) = svg.get_untracked() else { return };
            if reshape::follow(&el, &mut g, &ev) {
                ev.prevent_default();
                moved.set(true);
            }
            gesture.set_value(Some(g));
            return;
        }
        let (id, x, y) = (ev.pointer_id(), ev.client_x() as f64, ev.client_y() as f64);
        let before = pointers.get_value();
        let Some(&(_, px, py)) = before.iter().find(|p| p.0 == id) else { return };
        let after: Vec<_> = before.iter().map(|&p| if p.0 == id { (id, x, y) } else { p }).collect();
        pointers.set_value(after.clone());
        if (x - px).abs() + (y - py).abs() > 2.0 {
            moved.set(true);
            fitted.set_value(false);
        }
        match (before.as_slice(), after.as_slice()) {
            // Two fingers: zoom by how far apart they moved, about the point between them, and
            // pan with that point.
            ([a0, b0], [a1, b1]) => {
                let origin = svg.get_untracked().map(|el| el.get_bounding_client_rect());
                let (ox, oy) = origin.map(|r| (r.left(), r.top())).unwrap_or_default();
                let (m0, m1) = (midpoint(a0, b0), midpoint(a1, b1));
                let factor = distance(a1, b1) / distance(a0, b0).max(1.0);
                view.update(|v| {
                    v.x -= (m1.0 - m0.0) / v.scale;
                    v.y -= (m1.1 - m0.1) / v.scale;
                    v.zoom(factor, m1.0 - ox, m1.1 - oy);
                });
            }
            ([_], [_]) => view.update(|v| {
                v.x -= (x - px) / v.scale;
                v.y -= (y - py) / v.scale;
            }),
            _ => {}
        }
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        if let Some(g) = gesture.get_value() {
            // Leaving the graph mid-drag does not end it: the pointer is captured.
            if ev.type_() == "pointerleave" && g.is_dragging() {
                return;
            }
            gesture.set_value(None);
            if let Some(el) = svg.get_untracked() {
                moved.set(reshape::finish(&el, g, &ev));
            }
            return;
        }
        let id = ev.pointer_id();
        pointers.update_value(|p| p.retain(|q| q.0 != id));
    };
    // The keyboard on a focused state: Enter (or space) opens it in the inspector; the arrows
    // and Home move the focus to another state, bringing it into view.
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let Some(name) = state_of(ev.target()) else { return };
        let key = ev.key();
        if key == "Enter" || key == " " {
            ev.prevent_default();
            store.apply(Action::Select(Some(name)));
            return;
        }
        let Some(to) = shown.with_untracked(|l| l.as_ref().and_then(|l| keys::next(&l.0, &name, &key))) else {
            return;
        };
        ev.prevent_default();
        focus_target.set(Some(to.clone()));
        if let Some(el) = svg.get_untracked() {
            focus_state(&el, &to);
        }
        shown.with_untracked(|l| {
            if let Some(n) = l.as_ref().and_then(|l| l.0.nodes.iter().find(|n| n.name == to)) {
                fitted.set_value(false);
                view.update(|v| v.show(n, size.get_untracked()));
            }
        });
    };
    let on_focus = move |ev: web_sys::FocusEvent| {
        if let Some(name) = state_of(ev.target())
            && focus_target.get_untracked().as_deref() != Some(name.as_str())
        {
            focus_target.set(Some(name));
        }
    };
    // A click on a state (not the end of a drag) selects it.
    let on_click = move |ev: web_sys::MouseEvent| {
        if moved.get_untracked() {
            return;
        }
        if let Some(name) = state_of(ev.target()) {
            on_node.run(name);
        }
    };
    let view_box = move || {
        let v = view.get();
        let (w, h) = size.get();
        format!("{:.1} {:.1} {:.1} {:.1}", Num(v.x), Num(v.y), Num(w / v.scale), Num(h / v.scale))
    };
    let markup = move || shown.with(|l| l.as_ref().map(|l| markup::svg(&l.0)).unwrap_or_default());

    view! {
        <section class="graph" aria-label="State machine graph" node_ref=host>
            <div class="graph-tools">
                <button on:click=move |_| { fitted.set_value(false); view.update(|v| { let (w, h) = size.get_untracked(); v.zoom(1.2, w / 2.0, h / 2.0) }) } title="Zoom in">"+"</button>
                <button on:click=move |_| { fitted.set_value(false); view.update(|v| { let (w, h) = size.get_untracked(); v.zoom(1.0 / 1.2, w / 2.0, h / 2.0) }) } title="Zoom out">"−"</button>
                <button on:click=fit title="Show the whole graph">"Fit"</button>
            </div>
            <Show when=stale>
                <div class="stale-badge" role="status">"Stale: the definition has errors; this is the last valid graph."</div>
            </Show>
            <Show when=move || shown.with(|l| l.is_none())>
                <div class="graph-empty">"The graph appears once the definition is valid."</div>
            </Show>
            <svg
                class="graph-svg"
                class:stale=stale
                class:hidden=move || shown.with(|l| l.is_none())
                role="group"
                tabindex="-1"
                aria-label="The state machine's states: Tab reaches the first; the arrow keys move along the transitions; Enter opens a state in the inspector"
                node_ref=svg
                viewBox=view_box
                preserveAspectRatio="xMinYMin meet"
                on:wheel=on_wheel
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=on_up
                on:pointerleave=on_up
                on:click=on_click
                on:keydown=on_key
                on:dragover=move |ev| if let Some(el) = svg.get_untracked() { drop::on_dragover(&el, &ev) }
                on:dragleave=move |_| if let Some(el) = svg.get_untracked() { drop::on_dragleave(&el) }
                on:drop=move |ev| if let Some(el) = svg.get_untracked() { drop::on_drop(&el, &ev) }
                on:focusin=on_focus
                inner_html=markup
            ></svg>
        </section>
    }
}

/// A layout compared by identity: a new layout means new markup.
#[derive(Clone)]
struct ByPointer(Arc<Layout>);

impl PartialEq for ByPointer {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The state an event happened on (its element or one inside it).
fn state_of(target: Option<web_sys::EventTarget>) -> Option<String> {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("[data-state]").ok().flatten())
        .and_then(|el| el.get_attribute("data-state"))
}

/// Moves the keyboard's focus to a drawn state.
fn focus_state(svg: &web_sys::SvgElement, name: &str) {
    let Ok(nodes) = svg.query_selector_all("[data-state]") else { return };
    for i in 0..nodes.length() {
        let Some(el) = nodes.item(i).and_then(|n| n.dyn_into::<web_sys::SvgElement>().ok()) else { continue };
        if el.get_attribute("data-state").as_deref() == Some(name) {
            let _ = el.focus();
            return;
        }
    }
}

fn midpoint(a: &(i32, f64, f64), b: &(i32, f64, f64)) -> (f64, f64) {
    ((a.1 + b.1) / 2.0, (a.2 + b.2) / 2.0)
}

fn distance(a: &(i32, f64, f64), b: &(i32, f64, f64)) -> f64 {
    ((a.1 - b.1).powi(2) + (a.2 - b.2).powi(2)).sqrt()
}

fn centre_x(node: &PlacedNode) -> f64 {
    node.x + node.width / 2.0
}

/// What a screen reader says of a state's outcome in the playback.
fn outcome_words(phase: Option<playback::Phase>, waiting: bool) -> &'static str {
    use playback::Phase;
    if waiting {
        return ", waiting for a callback";
    }
    match phase {
        None => "",
        Some(Phase::Active) => ", running",
        Some(Phase::Succeeded) => ", succeeded",
        Some(Phase::Retried) => ", succeeded after a retry",
        Some(Phase::Retrying) => ", failed, retrying",
        Some(Phase::Failed) => ", failed",
        Some(Phase::Caught) => ", failed, error caught",
        Some(Phase::Cancelled) => ", cancelled",
    }
}

/// What marks states beside the playback: the selection, the callbacks waiting for the person,
/// where a run departs from the recording, and the next state Test state's answer names.
struct Marks<'a> {
    selected: Option<&'a str>,
    waiting: &'a [String],
    departs: Option<&'a str>,
    tested_next: Option<&'a str>,
    uncovered: Option<&'a crate::runner::suite::Uncovered>,
}

/// Sets each drawn state's and transition's classes (and badges) from the playback, what each
/// state is announced as, and which state Tab reaches (`tab_stop`).
fn paint(svg: &web_sys::SvgElement, s: &Snapshot, marks: Marks, tab_stop: Option<&str>) {
    let Marks { selected, waiting, departs, tested_next, uncovered } = marks;
    let Ok(nodes) = svg.query_selector_all("[data-state]") else { return };
    for i in 0..nodes.length() {
        let Some(el) = nodes.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
        let name = el.get_attribute("data-state").unwrap_or_default();
        let base = if el.class_list().contains("container") { "container" } else { "node" };
        let type_class = el.class_list().value().split(' ').find(|c| c.starts_with("type-")).unwrap_or("").to_string();
        let status = s.nodes.get(name.as_str());
        let phase = status.map(|st| st.phase.class()).unwrap_or("idle");
        let chosen = if selected == Some(name.as_str()) { " selected" } else { "" };
        let waits = if waiting.contains(&name) { " waiting" } else { "" };
        let departs = if departs == Some(name.as_str()) { " departs" } else { "" };
        let next = if tested_next == Some(name.as_str()) { " test-next" } else { "" };
        let dim = if uncovered.is_some_and(|u| u.states.contains(&name)) { " uncovered" } else { "" };
        el.set_attribute("class", &format!("{base} {phase} {type_class}{chosen}{waits}{departs}{next}{dim}")).ok();
        let kind = type_class.strip_prefix("type-").map(state_type_name).unwrap_or("");
        let departure = if departs.is_empty() { "" } else { ", where the run departs from the recording" };
        let departure = if next.is_empty() { departure } else { ", the next state in Test state's answer" };
        let label =
            format!("{name}, {kind} state{}{departure}", outcome_words(status.map(|st| st.phase), !waits.is_empty()));
        if el.get_attribute("aria-label").as_deref() != Some(label.as_str()) {
            el.set_attribute("aria-label", &label).ok();
        }
        let tabindex = if tab_stop == Some(name.as_str()) { "0" } else { "-1" };
        if el.get_attribute("tabindex").as_deref() != Some(tabindex) {
            el.set_attribute("tabindex", tabindex).ok();
        }
        if base == "node" {
            let badge = status.map(badge).unwrap_or_default();
            if let Ok(Some(b)) = el.query_selector(".badge")
                && b.text_content().unwrap_or_default() != badge
            {
                b.set_text_content(Some(&badge));
            }
        }
    }
    let Ok(edges) = svg.query_selector_all(".edge") else { return };
    for i in 0..edges.length() {
        let Some(el) = edges.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
        let (from, to) =
            (el.get_attribute("data-from").unwrap_or_default(), el.get_attribute("data-to").unwrap_or_default());
        let taken = s.edges.iter().any(|(a, b)| **a == *from && **b == *to);
        let last = s.last_edge.as_ref().is_some_and(|(a, b)| **a == *from && **b == *to);
        let list = el.class_list();
        let _ = list.toggle_with_force("taken", taken);
        let _ = list.toggle_with_force("last", last);
        let never = uncovered.is_some_and(|u| {
            let kind = el.get_attribute("data-kind").unwrap_or_default();
            u.edge(&from, &to, &kind, el.get_attribute("data-index").as_deref())
        });
        let _ = list.toggle_with_force("uncovered", never);
    }
}

/// A state type as AWS writes it, from its lower-case class name.
fn state_type_name(class: &str) -> &'static str {
    ["Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map"]
        .into_iter()
        .find(|t| t.eq_ignore_ascii_case(class))
        .unwrap_or("")
}

/// `×3` visits, `↻2` failed attempts.
fn badge(st: &playback::NodeStatus) -> String {
    let mut b = String::new();
    if st.visits > 1 {
        b.push_str(&format!("×{}", st.visits));
    }
    if st.failed_attempts > 0 {
        b.push_str(&format!(" ↻{}", st.failed_attempts));
    }
    b.trim().to_string()
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
/// How far presentation mode enlarges a small graph.
const PRESENT_SCALE: f64 = 1.6;
/// Screen pixels kept free above the graph for the Graph/Timeline switch.
const TOP_MARGIN: f64 = 40.0;
/// Below this zoom the state names get hard to read: a tall graph starts here, from the top.
const READABLE_SCALE: f64 = 0.6;

impl Viewport {
    /// The whole graph, centred below the view switch.
    fn fit((gw, gh): (f64, f64), (w, h): (f64, f64), max: f64) -> Viewport {
        let h = (h - TOP_MARGIN).max(1.0);
        let scale = (w / gw.max(1.0)).min(h / gh.max(1.0)).clamp(MIN_SCALE, max);
        Viewport { x: -(w / scale - gw) / 2.0, y: -TOP_MARGIN / scale - (h / scale - gh).max(0.0) / 2.0, scale }
    }

    /// The whole graph when it fits at a readable size; otherwise readable, from the top, with
    /// its entry (at `entry_x` across) in the middle of the view.
    fn readable(graph: (f64, f64), screen: (f64, f64), max: f64, entry_x: Option<f64>) -> Viewport {
        let fit = Viewport::fit(graph, screen, max);
        if fit.scale >= READABLE_SCALE {
            return fit;
        }
        let scale = (screen.0 / graph.0.max(1.0)).clamp(READABLE_SCALE, 1.0);
        let visible = screen.0 / scale;
        let x = if visible >= graph.0 {
            -(visible - graph.0) / 2.0
        } else {
            let centre = entry_x.unwrap_or(graph.0 / 2.0);
            (centre - visible / 2.0).clamp(0.0, graph.0 - visible)
        };
        Viewport { x, y: -TOP_MARGIN / scale, scale }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_graph_is_fitted_whole() {
        let v = Viewport::readable((400.0, 300.0), (800.0, 600.0), 1.0, Some(200.0));
        assert_eq!(v.scale, 1.0);
        assert!(v.x < 0.0, "centred: {v:?}");
    }

    #[test]
    fn a_wide_graph_opens_on_its_entry() {
        // 33 branches side by side: far wider than the pane, with its entry in the middle.
        let (graph, screen) = ((6000.0, 500.0), (800.0, 600.0));
        let v = Viewport::readable(graph, screen, 1.0, Some(3000.0));
        let visible = screen.0 / v.scale;
        assert!(v.scale >= READABLE_SCALE);
        assert!(v.x <= 3000.0 && 3000.0 <= v.x + visible, "the entry is in view: {v:?}");
        // An entry near an edge keeps the view inside the graph.
        let v = Viewport::readable(graph, screen, 1.0, Some(10.0));
        assert_eq!(v.x, 0.0);
        let v = Viewport::readable(graph, screen, 1.0, Some(5990.0));
        assert!((v.x + screen.0 / v.scale - 6000.0).abs() < 1e-6);
    }
}
