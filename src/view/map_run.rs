//! A Distributed Map's run in the inspector: the items read, the child executions (per item or
//! per batch) and how they ended, the tolerance, and where a ResultWriter put the results.

use asl::exec::MapRunRecord;
use leptos::prelude::*;

pub fn map_run_view(r: &MapRunRecord) -> impl IntoView + use<> {
    let items = if r.reader.is_some() {
        format!("{} items read by the ItemReader", r.items)
    } else {
        format!("{} items", r.items)
    };
    let children = if r.batched {
        format!("{} child executions, one per batch", r.children)
    } else {
        format!("{} child executions, one per item", r.children)
    };
    let percent =
        |p: f64| if p.fract() == 0.0 { format!("{}", p as i64) } else { crate::view::html::Num(p).to_string() };
    let tolerance = match (r.tolerated_failure_count, r.tolerated_failure_percentage) {
        (None, None) => "no failed item tolerated".to_string(),
        (Some(c), None) => format!("up to {c} failed items tolerated"),
        (None, Some(p)) => format!("up to {}% failed items tolerated", percent(p)),
        (Some(c), Some(p)) => format!("up to {c} failed items, and up to {}%, tolerated", percent(p)),
    };
    let outcome = format!("{} succeeded, {} failed ({tolerance})", r.succeeded, r.failed);
    let outcome_class = if r.failed > 0 { "failed" } else { "" };
    let failures = (!r.failures.is_empty()).then(|| {
        view! {
            <ul class="map-run-failures">
                {r.failures.iter().map(|(i, f)| {
                    let what = format!("#{i}: {}{}", f.error, f.cause.as_ref().map(|c| format!(" — {c}")).unwrap_or_default());
                    view! { <li>{what}</li> }
                }).collect_view()}
            </ul>
        }
    });
    let written = r.result_writer.as_ref().map(|w| {
        let at = format!(
            "Results written to s3://{}/{}",
            w.get("Bucket").and_then(|v| v.as_str()).unwrap_or_default(),
            w.get("Key").and_then(|v| v.as_str()).unwrap_or_default()
        );
        view! { <p class="map-run-written">{at}</p> }
    });
    view! {
        <div class="map-run" aria-label="Map Run">
            <h4>"Map Run"</h4>
            <p class="map-run-arn"><code>{r.map_run_arn.clone()}</code></p>
            <ul class="map-run-counts">
                <li>{items}</li>
                <li>{children}</li>
                <li class=outcome_class>{outcome}</li>
            </ul>
            {failures}
            {written}
        </div>
    }
}
