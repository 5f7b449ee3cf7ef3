//! The data flow of one state visit, step by step: for each field that shapes the payload, the
//! field as written, the payload before and after it side by side, and what it added, changed
//! or removed, highlighted.

use leptos::prelude::*;
use serde_json::Value;

use crate::dataflow::{Diff, Step, StepKind};
use crate::view::json::{Highlights, JsonView};

#[component]
pub fn DataFlow(steps: Vec<Step>) -> impl IntoView {
    view! {
        <ol class="dataflow" aria-label="Data flow">
            {steps.into_iter().map(step_view).collect_view()}
        </ol>
    }
}

fn step_view(step: Step) -> impl IntoView {
    let diff = step.diff();
    let changed = !diff.is_empty() || step.kind == StepKind::Produces;
    let summary = if step.kind == StepKind::Produces { "the result".to_string() } else { diff.summary() };
    let setting = match &step.setting {
        Some(Value::String(s)) => s.clone(),
        Some(v) => serde_json::to_string(v).unwrap_or_default(),
        None => "not set".to_string(),
    };
    let is_set = step.setting.is_some();
    let Diff { before, after } = diff;
    view! {
        <li class="step" class:unchanged=!changed data-field=step.field>
            <div class="step-head">
                <b class="step-field">{step.field}</b>
                <code class="step-setting" class:unset=!is_set title=setting.clone()>{setting.clone()}</code>
                <span class="step-summary" class:changed=changed>{summary}</span>
            </div>
            <p class="step-note">{step.note}</p>
            <div class="step-sides">
                <JsonView value=Signal::stored(step.before) label=step.before_label.to_string() highlights=Highlights::new(before) />
                <JsonView value=Signal::stored(step.after) label=step.after_label.to_string() highlights=Highlights::new(after) />
            </div>
        </li>
    }
}
