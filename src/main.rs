//! ASL Playground: edit, validate, run and animate AWS Step Functions state machines in the
//! browser, on the same engine as the `asl` command. See ARCHITECTURE.md for the map.

mod analysis;
mod app;
#[cfg(feature = "bench")]
mod bench;
mod browser;
mod dataflow;
mod editor;
mod examples;
mod export;
mod lessons;
mod markdown;
mod open;
mod origin;
mod playback;
mod runner;
mod share;
mod sources;
mod store;
mod theme;
mod timeline;
mod view;

fn main() {
    // The copy of the first view that index.html may hold (scripts/first-view.mjs) gives way to
    // the app in the same task: the page never has both.
    browser::remove_first_view();
    leptos::mount::mount_to_body(app::App);
}
