//! Design mode's drags on the graph itself: a state dragged onto a transition moves there, and a
//! transition's arrow (or a state's handle, for its Next or a Choice's Default) dragged onto a
//! state points there. The graph only follows the pointer and marks what a drop would hit; the
//! drop is announced to the page, as `asl-move-state` (the state and the edge: its kind, the
//! states it joins, a rule's or catcher's index) or `asl-rewire` (the edge and the state), and
//! design mode makes the edit. A press that does not move is still a click.
//!
//! Each pointer move changes a transform, a path and two classes on elements already drawn, and
//! asks the browser which element is under the pointer: no layout, so a 200-state graph drags at
//! the screen's frame rate.

use wasm_bindgen::{JsCast, JsValue};

use super::drop::{mark, marked};

/// How far (in screen pixels) a press travels before it is a drag rather than a click.
const THRESHOLD: f64 = 6.0;

/// The transition a drag takes hold of: as the graph tags its edges.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeRef {
    pub kind: String,
    pub from: String,
    pub to: String,
    pub index: Option<String>,
}

impl EdgeRef {
    fn of(el: &web_sys::Element) -> EdgeRef {
        let get = |k: &str| el.get_attribute(&format!("data-{k}")).unwrap_or_default();
        EdgeRef { kind: get("kind"), from: get("from"), to: get("to"), index: el.get_attribute("data-index") }
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Grip {
    /// A state, to move elsewhere in the flow.
    State(String),
    /// A transition's end, to point elsewhere; drawn from where it leaves its state.
    Arrow(EdgeRef, (f64, f64)),
}

/// A press in design mode on something that can be dragged, until it is released.
#[derive(Clone, Debug, PartialEq)]
pub struct Gesture {
    grip: Grip,
    pointer: i32,
    start: (f64, f64),
    dragging: bool,
    /// The graph does not pan or zoom while a drag lasts: measured once, at the press.
    frame: Frame,
}

impl Gesture {
    pub fn is_dragging(&self) -> bool {
        self.dragging
    }

    /// The pointer that pressed, and where.
    pub fn pointer(&self) -> (i32, (f64, f64)) {
        (self.pointer, self.start)
    }
}

/// What the graph needs to turn screen positions into its own units.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    /// The graph's top-left corner on screen.
    pub origin: (f64, f64),
    /// The visible part's top-left corner in graph units, and the zoom.
    pub view: (f64, f64, f64),
}

impl Frame {
    fn to_graph(&self, (x, y): (f64, f64)) -> (f64, f64) {
        let (vx, vy, scale) = self.view;
        (vx + (x - self.origin.0) / scale, vy + (y - self.origin.1) / scale)
    }
}

/// The gesture a press starts: on a state (a Parallel or Map by its title) or its handle, or on
/// a transition. `None` leaves the press to panning.
pub fn begin(ev: &web_sys::PointerEvent, frame: Frame) -> Option<Gesture> {
    if ev.button() != 0 {
        return None;
    }
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let start = (ev.client_x() as f64, ev.client_y() as f64);
    let grip = if let Some(handle) = target.closest(".handle").ok().flatten() {
        let state = handle.closest("[data-state]").ok().flatten()?;
        let name = state.get_attribute("data-state")?;
        let kind = if state.class_list().contains("type-choice") { "default" } else { "next" };
        let edge = EdgeRef { kind: kind.into(), from: name, to: String::new(), index: None };
        Grip::Arrow(edge, point_of(&handle))
    } else if let Some(edge) = target.closest(".edge").ok().flatten() {
        let start_point = edge.query_selector("path.edge-hit").ok().flatten().and_then(|p| first_point(&p));
        Grip::Arrow(EdgeRef::of(&edge), start_point.unwrap_or_default())
    } else {
        // Inside a Parallel or a Map a press pans, as on the canvas: only its title moves it.
        let state = match target.closest(".node[data-state]").ok().flatten() {
            Some(node) => node,
            None => {
                target.closest(".container-title").ok().flatten()?.closest(".container[data-state]").ok().flatten()?
            }
        };
        Grip::State(state.get_attribute("data-state")?)
    };
    Some(Gesture { grip, pointer: ev.pointer_id(), start, dragging: false, frame })
}

/// Follows the pointer: past the threshold the drag shows, and what a drop would hit is marked.
/// Returns whether the gesture is now a drag.
pub fn follow(svg: &web_sys::Element, g: &mut Gesture, ev: &web_sys::PointerEvent) -> bool {
    if ev.pointer_id() != g.pointer {
        return g.dragging;
    }
    let at = (ev.client_x() as f64, ev.client_y() as f64);
    if !g.dragging {
        if (at.0 - g.start.0).abs() + (at.1 - g.start.1).abs() < THRESHOLD {
            return false;
        }
        g.dragging = true;
        let _ = svg.class_list().add_1("reshaping");
        // The drag's moves and release come here even when the pointer leaves the graph.
        let _ = svg.set_pointer_capture(g.pointer);
    }
    match &g.grip {
        Grip::State(name) => {
            if let Some(el) = state_element(svg, name) {
                let _ = el.class_list().add_1("moving");
                let (_, _, scale) = g.frame.view;
                let (dx, dy) = ((at.0 - g.start.0) / scale, (at.1 - g.start.1) / scale);
                let _ = el.set_attribute("transform", &format!("translate({dx:.1},{dy:.1})"));
            }
            mark(svg, under(at).and_then(|el| el.closest(".edge").ok().flatten()).as_ref());
        }
        Grip::Arrow(_, from) => {
            let (x, y) = g.frame.to_graph(at);
            line(svg, *from, (x, y));
            mark(
                svg,
                under(at)
                    .and_then(|el| el.closest(".node[data-state], .container[data-state]").ok().flatten())
                    .as_ref(),
            );
        }
    }
    true
}

/// Ends the gesture: a drag dropped on what it marked is announced; everything it drew goes.
/// Returns whether it was a drag (so the click that follows selects nothing).
pub fn finish(svg: &web_sys::Element, g: Gesture, ev: &web_sys::PointerEvent) -> bool {
    let target = marked(svg);
    cancel(svg);
    if !g.dragging || ev.type_() == "pointercancel" {
        return g.dragging;
    }
    let Some(target) = target else { return true };
    let detail = js_sys::Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = js_sys::Reflect::set(&detail, &k.into(), &v);
    };
    let (name, edge) = match g.grip {
        Grip::State(name) => ("asl-move-state", {
            set("state", name.into());
            EdgeRef::of(&target)
        }),
        Grip::Arrow(edge, _) => {
            set("target", target.get_attribute("data-state").unwrap_or_default().into());
            ("asl-rewire", edge)
        }
    };
    set("kind", edge.kind.into());
    set("from", edge.from.into());
    set("to", edge.to.into());
    set("index", edge.index.map(JsValue::from).unwrap_or(JsValue::NULL));
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&detail);
    if let (Some(w), Ok(event)) = (web_sys::window(), web_sys::CustomEvent::new_with_event_init_dict(name, &init)) {
        let _ = w.dispatch_event(&event);
    }
    true
}

/// Takes away what a drag drew: the moved state's offset, the line, the marks.
pub fn cancel(svg: &web_sys::Element) {
    let _ = svg.class_list().remove_1("reshaping");
    mark(svg, None);
    if let Ok(Some(line)) = svg.query_selector("path.rewire-line") {
        line.remove();
    }
    if let Ok(Some(moving)) = svg.query_selector(".moving") {
        let _ = moving.class_list().remove_1("moving");
        let _ = moving.remove_attribute("transform");
    }
}

/// The element under a point of the screen (the dragged state lets the pointer through).
fn under((x, y): (f64, f64)) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.element_from_point(x as f32, y as f32)
}

fn state_element(svg: &web_sys::Element, name: &str) -> Option<web_sys::Element> {
    let escaped = name.replace('\\', "\\\\").replace('"', "\\\"");
    svg.query_selector(&format!("[data-state=\"{escaped}\"]")).ok().flatten()
}

/// The line from a transition's start to the pointer, drawn while its end is dragged.
fn line(svg: &web_sys::Element, (x0, y0): (f64, f64), (x1, y1): (f64, f64)) {
    let d = format!("M{x0:.1},{y0:.1} L{x1:.1},{y1:.1}");
    if let Ok(Some(path)) = svg.query_selector("path.rewire-line") {
        let _ = path.set_attribute("d", &d);
        return;
    }
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Ok(path) = doc.create_element_ns(Some("http://www.w3.org/2000/svg"), "path") {
        let _ = path.set_attribute("class", "rewire-line");
        let _ = path.set_attribute("d", &d);
        let _ = path.set_attribute("marker-end", "url(#arrow)");
        let _ = svg.append_child(&path);
    }
}

/// The first point of a path's `d` ("M x,y ...").
fn first_point(path: &web_sys::Element) -> Option<(f64, f64)> {
    let d = path.get_attribute("d")?;
    let (x, y) = d.trim_start_matches('M').split_whitespace().next()?.split_once(',')?;
    Some((x.parse().ok()?, y.parse().ok()?))
}

/// A handle's centre.
fn point_of(handle: &web_sys::Element) -> (f64, f64) {
    let get = |k: &str| handle.get_attribute(k).and_then(|v| v.parse().ok()).unwrap_or(0.0);
    (get("cx"), get("cy"))
}
