//! `Retry` and `Catch`: retriers and catchers, with the rules on `ErrorEquals`.

use serde_json::Value;

use super::super::fields::Fields;
use super::super::{Catcher, Jitter, Retrier};
use super::{assign, result_path};
use crate::diagnostics::{Diagnostics, code};
use crate::errors::ALL;

pub(super) fn retriers(f: &mut Fields, d: &mut Diagnostics) -> Vec<Retrier> {
    let Some(list) = f.array(d, "Retry") else {
        return Vec::new();
    };
    let pointer = f.child("Retry");
    let mut out = Vec::new();
    for (i, v) in list.iter().enumerate() {
        let at = format!("{pointer}/{i}");
        let Value::Object(map) = v else {
            d.error_at_value(code::SCHEMA_VALIDATION_FAILED, &at, "A retrier must be an object");
            continue;
        };
        let mut rf = Fields::new(map, at.clone());
        rf.get("Comment");
        let error_equals = error_equals(&mut rf, d, i + 1 == list.len(), "retrier");
        let interval_seconds = rf.uint(d, "IntervalSeconds").unwrap_or(1);
        if rf.has("IntervalSeconds") && !(1..=99_999_999).contains(&interval_seconds) {
            d.error_at_value(
                code::SCHEMA_VALIDATION_FAILED,
                &rf.child("IntervalSeconds"),
                "IntervalSeconds must be between 1 and 99999999",
            );
        }
        let max_attempts = rf.uint(d, "MaxAttempts").unwrap_or(3);
        if max_attempts > 99_999_999 {
            d.error_at_value(
                code::SCHEMA_VALIDATION_FAILED,
                &rf.child("MaxAttempts"),
                "MaxAttempts must be at most 99999999",
            );
        }
        let backoff_rate = rf.number(d, "BackoffRate").unwrap_or(2.0);
        if backoff_rate < 1.0 {
            d.error_at_value(
                code::SCHEMA_VALIDATION_FAILED,
                &rf.child("BackoffRate"),
                "BackoffRate must be at least 1.0",
            );
        }
        let max_delay_seconds = rf.uint(d, "MaxDelaySeconds");
        if let Some(m) = max_delay_seconds
            && !(1..=31_622_400).contains(&m)
        {
            d.error_at_value(
                code::SCHEMA_VALIDATION_FAILED,
                &rf.child("MaxDelaySeconds"),
                "MaxDelaySeconds must be between 1 and 31622400",
            );
        }
        let jitter = match rf.string(d, "JitterStrategy") {
            None | Some("NONE") => Jitter::None,
            Some("FULL") => Jitter::Full,
            Some(other) => {
                d.error_at_value(
                    code::SCHEMA_VALIDATION_FAILED,
                    &rf.child("JitterStrategy"),
                    format!("JitterStrategy '{other}' is not one of FULL, NONE"),
                );
                Jitter::None
            }
        };
        rf.finish(d, "a retrier");
        out.push(Retrier {
            error_equals,
            interval_seconds,
            max_attempts,
            backoff_rate,
            max_delay_seconds,
            jitter,
            pointer: at,
        });
    }
    out
}

pub(super) fn catchers(f: &mut Fields, d: &mut Diagnostics, jsonata: bool) -> Vec<Catcher> {
    let Some(list) = f.array(d, "Catch") else {
        return Vec::new();
    };
    let pointer = f.child("Catch");
    let mut out = Vec::new();
    for (i, v) in list.iter().enumerate() {
        let at = format!("{pointer}/{i}");
        let Value::Object(map) = v else {
            d.error_at_value(code::SCHEMA_VALIDATION_FAILED, &at, "A catcher must be an object");
            continue;
        };
        let mut cf = Fields::new(map, at.clone());
        cf.get("Comment");
        let error_equals = error_equals(&mut cf, d, i + 1 == list.len(), "catcher");
        let next = if cf.require(d, "Next") { cf.string(d, "Next").unwrap_or("").to_string() } else { String::new() };
        let (result_path, assign, jsonata_assign, output) = if jsonata {
            let ja = cf.object(d, "Assign").map(|m| Value::Object(m.clone()));
            (None, None, ja, cf.get("Output").cloned())
        } else {
            (result_path(&mut cf, d, "ResultPath"), assign(&mut cf, d), None, None)
        };
        cf.finish(d, if jsonata { "a catcher using JSONata" } else { "a catcher" });
        out.push(Catcher { error_equals, next, result_path, assign, jsonata_assign, output, pointer: at });
    }
    out
}

/// `ErrorEquals`: a non-empty list of error names, where `States.ALL` stands alone and only
/// in the last retrier or catcher.
fn error_equals(f: &mut Fields, d: &mut Diagnostics, is_last: bool, what: &str) -> Vec<String> {
    if !f.require(d, "ErrorEquals") {
        return Vec::new();
    }
    let at = f.child("ErrorEquals");
    let Some(list) = f.array(d, "ErrorEquals") else {
        return Vec::new();
    };
    if list.is_empty() {
        d.error(code::SCHEMA_VALIDATION_FAILED, &at, "ErrorEquals needs at least one error name");
    }
    let mut names = Vec::with_capacity(list.len());
    for (i, v) in list.iter().enumerate() {
        match v.as_str() {
            Some(s) => names.push(s.to_string()),
            None => {
                d.error_at_value(code::SCHEMA_VALIDATION_FAILED, &format!("{at}/{i}"), "An error name must be a STRING")
            }
        }
    }
    if names.iter().any(|n| n == ALL) {
        if names.len() > 1 {
            d.error(code::SCHEMA_VALIDATION_FAILED, &at, "States.ALL must appear alone in ErrorEquals");
        }
        if !is_last {
            d.error(code::SCHEMA_VALIDATION_FAILED, &at, format!("A {what} with States.ALL must be the last one"));
        }
    }
    names
}
