//! Dropping a state from design mode's palette on one of the graph's transitions: the edge under
//! the pointer is marked while a palette entry is dragged over it, and a drop is announced to
//! the page as `asl-drop-state` (the template and the edge: its kind, the states it joins, a
//! rule's or catcher's index), which design mode answers. The graph itself changes nothing.

use wasm_bindgen::{JsCast, JsValue};

/// The drag data type a palette entry carries: its template's id.
pub const TEMPLATE_TYPE: &str = "application/x-asl-template";
/// The class of what a drop would hit (a palette entry's, or a drag on the graph: `reshape`).
const MARK: &str = "drop-target";

/// The transition under a drag event, when a palette entry is what is dragged.
fn edge_under(ev: &web_sys::DragEvent) -> Option<web_sys::Element> {
    let carries = ev.data_transfer()?.types().iter().any(|t| t.as_string().as_deref() == Some(TEMPLATE_TYPE));
    if !carries {
        return None;
    }
    ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest(".edge").ok().flatten()
}

/// Marks `target` alone as where a drop would go (or nothing).
pub(super) fn mark(svg: &web_sys::Element, target: Option<&web_sys::Element>) {
    if let Ok(all) = svg.query_selector_all(&format!(".{MARK}")) {
        for i in 0..all.length() {
            if let Some(el) = all.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                let _ = el.class_list().remove_1(MARK);
            }
        }
    }
    if let Some(target) = target {
        let _ = target.class_list().add_1(MARK);
    }
}

/// What is marked as where a drop would go, if anything.
pub(super) fn marked(svg: &web_sys::Element) -> Option<web_sys::Element> {
    svg.query_selector(&format!(".{MARK}")).ok().flatten()
}

pub fn on_dragover(svg: &web_sys::Element, ev: &web_sys::DragEvent) {
    let edge = edge_under(ev);
    if edge.is_some() {
        // Accepting the drop here.
        ev.prevent_default();
    }
    mark(svg, edge.as_ref());
}

pub fn on_dragleave(svg: &web_sys::Element) {
    mark(svg, None);
}

pub fn on_drop(svg: &web_sys::Element, ev: &web_sys::DragEvent) {
    mark(svg, None);
    let Some(edge) = edge_under(ev) else { return };
    ev.prevent_default();
    let template = ev.data_transfer().and_then(|d| d.get_data(TEMPLATE_TYPE).ok()).unwrap_or_default();
    let detail = js_sys::Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = js_sys::Reflect::set(&detail, &k.into(), &v);
    };
    set("template", template.into());
    for key in ["kind", "from", "to", "index"] {
        set(key, edge.get_attribute(&format!("data-{key}")).map(JsValue::from).unwrap_or(JsValue::NULL));
    }
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&detail);
    if let (Some(w), Ok(event)) =
        (web_sys::window(), web_sys::CustomEvent::new_with_event_init_dict("asl-drop-state", &init))
    {
        let _ = w.dispatch_event(&event);
    }
}
