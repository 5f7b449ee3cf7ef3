//! The light and dark themes. The page's root carries `data-theme`; index.html sets it before
//! the first paint (the person's choice, else the system's), the stylesheet draws from it, and
//! the editor's glue follows it. Choosing a theme here remembers the choice.

use leptos::prelude::*;

/// Where the choice is remembered (index.html reads the same key).
const THEME_KEY: &str = "asl-playground/theme";

fn root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// Whether the page is dark now.
pub fn is_dark() -> bool {
    root().and_then(|r| r.get_attribute("data-theme")).as_deref() == Some("dark")
}

/// Shows the page in the theme, and remembers it for the next visits.
pub fn set_dark(dark: bool) {
    let name = if dark { "dark" } else { "light" };
    if let Some(r) = root() {
        let _ = r.set_attribute("data-theme", name);
    }
    crate::browser::remember(THEME_KEY, name);
}

/// The toolbar's switch between the themes.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let dark = RwSignal::new(is_dark());
    view! {
        <button
            class="theme"
            aria-pressed=move || dark.get().to_string()
            on:click=move |_| {
                let next = !dark.get_untracked();
                set_dark(next);
                dark.set(next);
            }
            title="Switch between the light and the dark theme"
        >
            // Both labels are there and the stylesheet shows the one for the theme in use, so
            // that the first view (a static copy of the page, scripts/first-view.mjs) is right
            // in either theme too.
            <span class="to-dark">"☾ Dark"</span>
            <span class="to-light">"☀ Light"</span>
        </button>
    }
}
