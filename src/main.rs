//! ASL Playground: edit, validate, run and animate AWS Step Functions state machines in the
//! browser, on the same engine as the `asl` command.

use leptos::prelude::*;

fn main() {
    console_error_panic_hook_set();
    leptos::mount::mount_to_body(|| view! { <p>"ASL Playground"</p> });
}

fn console_error_panic_hook_set() {}
