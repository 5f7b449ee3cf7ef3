//! How the page is arranged, which depends on the screen: on a phone the graph comes first with
//! the inspector as a sheet over it and the editors a tab away ([`PhoneNav`], [`SheetBar`]); on
//! wider screens the editors and the graph are two panes the person resizes or folds away
//! ([`Splitter`]). The stylesheet decides which of these a screen shows (style/responsive.css);
//! these signals only remember the person's choices.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::store::{Action, Store, Tab};

/// The arrangement the person chose. `Copy`, like the store.
#[derive(Clone, Copy)]
pub struct Ui {
    /// On a phone: the editors are showing instead of the graph.
    pub code_shown: RwSignal<bool>,
    /// On a phone: the sheet over the graph is raised.
    pub sheet_open: RwSignal<bool>,
    /// On a phone: the sheet shows the event table instead of the inspector.
    pub sheet_events: RwSignal<bool>,
    /// The editors' pane, in percent of the width (wider screens).
    pub left_percent: RwSignal<f64>,
    /// The editors' pane is folded away (wider screens).
    pub left_folded: RwSignal<bool>,
    /// The toolbar's menu of less-used actions is open (narrow screens).
    pub menu_open: RwSignal<bool>,
    /// Presentation mode's enlargement of the text and graph (Ctrl/Cmd + and −).
    pub present_zoom: RwSignal<f64>,
    /// Design mode: the editors' pane shows the palette and the selected state's form.
    pub design: RwSignal<bool>,
}

const LEFT_MIN: f64 = 20.0;
const LEFT_MAX: f64 = 75.0;
const PRESENT_ZOOM_MIN: f64 = 0.6;
const PRESENT_ZOOM_MAX: f64 = 2.5;

impl Ui {
    pub fn new() -> Ui {
        Ui {
            code_shown: RwSignal::new(false),
            sheet_open: RwSignal::new(false),
            sheet_events: RwSignal::new(false),
            left_percent: RwSignal::new(40.0),
            left_folded: RwSignal::new(false),
            menu_open: RwSignal::new(false),
            design: RwSignal::new(false),
            present_zoom: RwSignal::new(1.0),
        }
    }

    /// The classes of the page's root that the stylesheet arranges it by.
    pub fn classes(&self) -> String {
        let mut c = String::new();
        for (on, class) in [
            (self.code_shown.get(), " code-shown"),
            (self.sheet_open.get(), " sheet-open"),
            (self.sheet_events.get(), " sheet-events"),
            (self.left_folded.get(), " left-folded"),
            (self.design.get(), " design"),
        ] {
            if on {
                c.push_str(class);
            }
        }
        c
    }

    /// The CSS variables the panes' sizes and presentation's zoom are drawn from.
    pub fn style(&self) -> String {
        format!(
            "--left: {}%; --present-zoom: {}",
            crate::view::html::Num(self.left_percent.get()),
            crate::view::html::Num(self.present_zoom.get())
        )
    }

    /// Shows an editor tab (on a phone, in place of the graph). The editor starts loading now
    /// if it has not yet: a phone does not load it until an editor is first wanted.
    pub fn show_editor(&self, store: Store, tab: Tab) {
        crate::browser::load_editor();
        store.apply(Action::OpenTab(tab));
        self.code_shown.set(true);
        self.left_folded.set(false);
    }

    /// Presentation's zoom for a key pressed with Ctrl/Cmd (`+`, `-`, `0`); whether it was one.
    pub fn zoom_presentation(&self, key: &str) -> bool {
        let zoom = self.present_zoom.get_untracked();
        let next = match key {
            "+" | "=" => zoom * 1.15,
            "-" | "_" => zoom / 1.15,
            "0" => 1.0,
            _ => return false,
        };
        self.present_zoom.set(next.clamp(PRESENT_ZOOM_MIN, PRESENT_ZOOM_MAX));
        true
    }
}

impl Default for Ui {
    fn default() -> Self {
        Ui::new()
    }
}

/// A phone's switch between the graph and each editor, above them.
#[component]
pub fn PhoneNav(store: Store, ui: Ui) -> impl IntoView {
    let first_mock = move || store.workspace.with(|w| w.mocks.keys().next().cloned());
    let on_editor = move |tab: Tab| move || ui.code_shown.get() && same_kind(&store.tab.get(), &tab);
    view! {
        <nav class="phone-nav" aria-label="Views">
            <button class:on=move || !ui.code_shown.get() aria-pressed=move || (!ui.code_shown.get()).to_string() on:click=move |_| ui.code_shown.set(false)>"Graph"</button>
            <button class:on=on_editor(Tab::Definition) aria-pressed=move || on_editor(Tab::Definition)().to_string() on:click=move |_| ui.show_editor(store, Tab::Definition)>"Definition"</button>
            <button class:on=on_editor(Tab::Input) aria-pressed=move || on_editor(Tab::Input)().to_string() on:click=move |_| ui.show_editor(store, Tab::Input)>"Input"</button>
            <button
                class:on=on_editor(Tab::Mock(String::new()))
                aria-pressed=move || on_editor(Tab::Mock(String::new()))().to_string()
                disabled=move || first_mock().is_none()
                on:click=move |_| {
                    let open = store.tab.get_untracked();
                    let tab = if matches!(open, Tab::Mock(_) | Tab::File(_) | Tab::MockConfig) { open } else { first_mock().map(Tab::Mock).unwrap_or(Tab::Definition) };
                    ui.show_editor(store, tab)
                }
            >"Mocks"</button>
        </nav>
    }
}

/// Whether two tabs are the same editor, counting every mock and file as "the mocks".
fn same_kind(a: &Tab, b: &Tab) -> bool {
    matches!(
        (a, b),
        (Tab::Definition, Tab::Definition)
            | (Tab::Input, Tab::Input)
            | (Tab::Mock(_) | Tab::File(_) | Tab::MockConfig, Tab::Mock(_) | Tab::File(_) | Tab::MockConfig)
    )
}

/// The handle of a phone's sheet: the inspector or the event table, raised or lowered.
#[component]
pub fn SheetBar(store: Store, ui: Ui) -> impl IntoView {
    let title = move || match store.selected.get() {
        Some(name) if !ui.sheet_events.get() => name,
        _ if ui.sheet_events.get() => "Events".to_string(),
        _ => store.run.with(|r| match r.result().and_then(|r| r.outcome.as_ref().map(|o| o.status.name())) {
            Some(status) => format!("Execution {status}"),
            None if r.is_running() => "Running…".to_string(),
            None => "Execution".to_string(),
        }),
    };
    view! {
        <div class="sheet-bar">
            <button
                class="sheet-toggle"
                aria-expanded=move || ui.sheet_open.get().to_string()
                on:click=move |_| ui.sheet_open.update(|o| *o = !*o)
                title="Raise or lower the inspector"
            >
                <span class="grip" aria-hidden="true"></span>
                <span class="sheet-title">{title}</span>
            </button>
            <div class="segmented light" role="group" aria-label="Sheet">
                <button class:on=move || !ui.sheet_events.get() aria-pressed=move || (!ui.sheet_events.get()).to_string() on:click=move |_| { ui.sheet_events.set(false); ui.sheet_open.set(true) }>"Inspector"</button>
                <button class:on=move || ui.sheet_events.get() aria-pressed=move || ui.sheet_events.get().to_string() on:click=move |_| { ui.sheet_events.set(true); ui.sheet_open.set(true) }>"Events"</button>
            </div>
        </div>
    }
}

/// The border between the editors and the graph: drag it (or use the arrow keys on it) to
/// share the width; its button, or Enter, folds the editors away and brings them back.
#[component]
pub fn Splitter(ui: Ui) -> impl IntoView {
    let dragging = StoredValue::new(false);
    let on_down = move |ev: web_sys::PointerEvent| {
        if ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlButtonElement>().ok()).is_some() {
            return;
        }
        dragging.set_value(true);
        if let Some(el) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        if !dragging.get_value() {
            return;
        }
        let width = window().inner_width().ok().and_then(|w| w.as_f64()).unwrap_or(1.0).max(1.0);
        ui.left_folded.set(false);
        ui.left_percent.set((ev.client_x() as f64 / width * 100.0).clamp(LEFT_MIN, LEFT_MAX));
    };
    let on_up = move |_| dragging.set_value(false);
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let step = match ev.key().as_str() {
            "ArrowLeft" => -5.0,
            "ArrowRight" => 5.0,
            "Enter" => {
                ev.prevent_default();
                ui.left_folded.update(|f| *f = !*f);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        ev.stop_propagation();
        ui.left_folded.set(false);
        ui.left_percent.update(|p| *p = (*p + step).clamp(LEFT_MIN, LEFT_MAX));
    };
    view! {
        <div class="splitter" on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up>
            <div
                class="splitter-handle"
                role="separator"
                tabindex="0"
                aria-orientation="vertical"
                aria-label="Editors' width (arrow keys resize, Enter folds)"
                aria-valuemin=LEFT_MIN.to_string()
                aria-valuemax=LEFT_MAX.to_string()
                aria-valuenow=move || if ui.left_folded.get() { "0".to_string() } else { crate::view::html::Num(ui.left_percent.get().round()).to_string() }
                on:keydown=on_key
            ></div>
            // The same as Enter on the handle, for the mouse and fingers.
            <button
                class="fold"
                tabindex="-1"
                aria-hidden="true"
                on:click=move |_| ui.left_folded.update(|f| *f = !*f)
                title=move || if ui.left_folded.get() { "Show the editors" } else { "Fold the editors away" }
            >{move || if ui.left_folded.get() { "›" } else { "‹" }}</button>
        </div>
    }
}
