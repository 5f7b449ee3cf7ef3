//! The timeline view: the run's state visits as bars over virtual time, one row per Map
//! iteration and Parallel branch, drawn up to the playback position. A click on a bar shows
//! that visit in the inspector.
//!
//! Drawn as one SVG string (like the graph), so a long run redraws quickly while scrubbing.

use std::fmt::Write as _;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::store::{Action, Store};
use crate::timeline::{self, SegmentKind, Timeline};
use crate::view::html::{Num, esc};

const LABEL_WIDTH: f64 = 200.0;
const ROW_HEIGHT: f64 = 22.0;
const AXIS_HEIGHT: f64 = 26.0;
const PAD: f64 = 16.0;

#[component]
pub fn TimelineView(store: Store, #[prop(into)] visible: Signal<bool>) -> impl IntoView {
    let host = NodeRef::<leptos::html::Div>::new();
    let width = RwSignal::new(900.0f64);
    let measure = move || {
        if let Some(el) = host.get_untracked() {
            let w = el.client_width() as f64;
            if w > 0.0 {
                width.set(w);
            }
        }
    };
    // Measured whenever its size changes: when it comes into view, when the explanation
    // beside it folds away, when the window is resized.
    Effect::new(move |_| {
        if let Some(el) = host.get() {
            crate::browser::on_resize(&el, measure);
        }
    });
    let markup = move || {
        if !visible.get() {
            return String::new();
        }
        let cursor = store.cursor.get();
        let selected = store.selected_visit.get();
        let plot = (width.get() - LABEL_WIDTH - 2.0 * PAD).max(200.0);
        store.run.with(|r| match r.result() {
            Some(r) => svg(&timeline::layout(&r.history, &r.visits, cursor, plot, r.outcome.is_some()), plot, selected),
            None => String::new(),
        })
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let bar = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("[data-visit]").ok().flatten());
        if let Some(bar) = bar {
            let name = bar.get_attribute("data-state");
            let visit = bar.get_attribute("data-visit").and_then(|v| v.parse().ok());
            store.apply(Action::Select(name));
            store.apply(Action::SelectVisit(visit));
        }
    };
    let empty = move || store.run.with(|r| r.result().is_none());
    view! {
        <div class="timeline" class:hidden=move || !visible.get() node_ref=host role="region" tabindex="0" aria-label="Timeline" on:click=on_click>
            <Show when=empty>
                <div class="graph-empty">"Run the state machine to see its timeline."</div>
            </Show>
            <div class="timeline-legend">
                <span class="key succeeded">"succeeded"</span>
                <span class="key caught">"failed, caught"</span>
                <span class="key failed">"failed"</span>
                <span class="key failed-attempt">"failed attempt"</span>
                <span class="key backoff">"retry backoff"</span>
                <span class="key active">"running"</span>
                <span class="key cancelled">"stopped"</span>
            </div>
            <div class="timeline-svg" inner_html=markup></div>
        </div>
    }
}

/// The timeline as SVG markup. Names are escaped: they come from the definition.
fn svg(t: &Timeline, plot: f64, selected: Option<usize>) -> String {
    let height = AXIS_HEIGHT + t.rows.len() as f64 * ROW_HEIGHT + 34.0;
    let width = LABEL_WIDTH + plot + 2.0 * PAD;
    let x = |v: f64| Num(LABEL_WIDTH + PAD + v);
    let (width, height) = (Num(width), Num(height));
    let mut s = String::with_capacity(256 + t.bars.len() * 160);
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}"><defs><pattern id="backoff" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="3" height="6" class="backoff-stripe"/></pattern></defs>"#
    );
    for (i, row) in t.rows.iter().enumerate() {
        let y = AXIS_HEIGHT + i as f64 * ROW_HEIGHT;
        let (y, label_y) = (Num(y), Num(y + 15.0));
        let _ = write!(
            s,
            r#"<g class="row{}"><rect class="row-bg" x="0" y="{y:.1}" width="{width:.0}" height="{ROW_HEIGHT}"/><text class="row-label" x="{:.1}" y="{:.1}">{}</text></g>"#,
            if i % 2 == 1 { " odd" } else { "" },
            Num(6.0 + row.depth.min(6) as f64 * 10.0),
            label_y,
            esc(&row.label)
        );
    }
    for tick in &t.ticks {
        let _ = write!(
            s,
            r#"<line class="tick" x1="{0:.1}" x2="{0:.1}" y1="{1}" y2="{2:.1}"/><text class="tick-label" x="{0:.1}" y="16">{3}</text>"#,
            x(tick.x),
            AXIS_HEIGHT - 4.0,
            Num(AXIS_HEIGHT + t.rows.len() as f64 * ROW_HEIGHT),
            tick.label
        );
    }
    for b in &t.bars {
        let y = AXIS_HEIGHT + b.row as f64 * ROW_HEIGHT + 4.0;
        let (y, label_y) = (Num(y), Num(y + 10.5));
        let chosen = if selected == Some(b.visit) { " selected" } else { "" };
        let _ = write!(
            s,
            r#"<g class="bar {}{chosen}" data-visit="{}" data-state="{}"><title>{}</title><rect class="bar-body" x="{:.1}" y="{y:.1}" width="{:.1}" height="{}" rx="2"/>"#,
            b.kind.class(),
            b.visit,
            esc(&b.state_name),
            esc(&b.title),
            x(b.x0),
            Num(b.x1 - b.x0),
            ROW_HEIGHT - 8.0
        );
        for seg in &b.segments {
            let class = match seg.kind {
                SegmentKind::FailedAttempt => "seg failed-attempt",
                SegmentKind::Backoff => "seg backoff",
            };
            let _ = write!(
                s,
                r#"<rect class="{class}" x="{:.1}" y="{y:.1}" width="{:.1}" height="{}"/>"#,
                x(seg.x0),
                Num((seg.x1 - seg.x0).max(1.0)),
                ROW_HEIGHT - 8.0
            );
        }
        // The state's name inside the bar, when it fits.
        let width = b.x1 - b.x0;
        if width > b.state_name.chars().count() as f64 * 6.6 + 10.0 {
            let _ = write!(
                s,
                r#"<text class="bar-label" x="{:.1}" y="{:.1}">{}</text>"#,
                Num(x(b.x0).0 + 5.0),
                label_y,
                esc(&b.state_name)
            );
        }
        s.push_str("</g>");
    }
    let bottom = AXIS_HEIGHT + t.rows.len() as f64 * ROW_HEIGHT;
    let _ = write!(
        s,
        r#"<line class="cursor" x1="{0:.1}" x2="{0:.1}" y1="{1}" y2="{2:.1}"/>"#,
        x(t.cursor_x),
        AXIS_HEIGHT - 6.0,
        Num(bottom)
    );
    let mut notes = Vec::new();
    if t.instant {
        notes.push("No virtual time passed: the bars are spaced by event order.".to_string());
    }
    if t.hidden_rows > 0 {
        notes.push(format!("{} more rows not drawn.", t.hidden_rows));
    }
    if t.hidden_bars > 0 {
        notes.push(format!("{} more visits not drawn.", t.hidden_bars));
    }
    if !notes.is_empty() {
        let _ = write!(
            s,
            r#"<text class="timeline-note" x="{}" y="{:.1}">{}</text>"#,
            PAD,
            Num(bottom + 20.0),
            esc(&notes.join(" "))
        );
    }
    s.push_str("</svg>");
    s
}
