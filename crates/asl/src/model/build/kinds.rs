//! The fields specific to each of the eight state types.

use serde_json::Value;

use super::super::fields::Fields;
use super::super::resource::{Resource, ResourceKind};
use super::super::template::compile_expr;
use super::super::{
    BodyId, Dynamic, Fail, FailField, Map, Parallel, Pass, ProcessorMode, QueryLanguage, State, StateKind, Task, Wait,
};
use super::distributed;
use super::{Builder, is_jsonata, jsonata_body, reference_path_field, template};
use crate::diagnostics::{Diagnostics, code};

/// AWS's upper bound for TimeoutSeconds and HeartbeatSeconds.
const MAX_TASK_SECONDS: u64 = 99_999_999;

impl Builder<'_, '_> {
    /// Reads the type-specific fields; `None` when `type_name` is not a state type.
    pub(super) fn kind(
        &mut self,
        type_name: &str,
        f: &mut Fields,
        state: &mut State,
        at: (BodyId, usize),
    ) -> Option<StateKind> {
        let jsonata = state.query_language == QueryLanguage::Jsonata;
        Some(match type_name {
            "Pass" => StateKind::Pass(self.pass(f, jsonata)),
            "Task" => StateKind::Task(Box::new(self.task(f, jsonata))),
            "Choice" => StateKind::Choice(self.choice(f, jsonata)),
            "Wait" => StateKind::Wait(self.wait(f, jsonata).unwrap_or(Wait::Seconds(Dynamic::Literal(0)))),
            "Succeed" => StateKind::Succeed,
            "Fail" => StateKind::Fail(self.fail(f, jsonata)),
            "Parallel" => StateKind::Parallel(self.parallel(f, at, state.query_language)),
            "Map" => StateKind::Map(Box::new(self.map(f, state, at))),
            _ => return None,
        })
    }

    fn pass(&mut self, f: &mut Fields, jsonata: bool) -> Pass {
        if jsonata {
            return Pass::default();
        }
        let result = f.get("Result").cloned();
        if let Some(r) = &result
            && has_dollar_key(r)
        {
            self.d.warning(
                    code::PASS_RESULT_IS_STATIC,
                    &f.child("Result"),
                    "Result is static: fields ending in '.$' are not evaluated here; use Parameters to take values from the input",
                );
        }
        Pass { result: result.map(std::sync::Arc::new) }
    }

    fn task(&mut self, f: &mut Fields, jsonata: bool) -> Task {
        let d = &mut *self.d;
        let resource = if f.require(d, "Resource") { f.string(d, "Resource") } else { None };
        let resource = match resource {
            Some(arn) => {
                let r = Resource::parse(arn);
                match r.kind {
                    ResourceKind::Unknown => d.error_at_value(
                        code::INVALID_RESOURCE,
                        &f.child("Resource"),
                        format!("'{arn}' is not a Lambda function, activity or service integration ARN"),
                    ),
                    ResourceKind::Placeholder => d.warning(
                        code::SUBSTITUTION_PLACEHOLDER,
                        &f.child("Resource"),
                        format!("'{arn}' is a template substitution placeholder; it runs here as a generic task"),
                    ),
                    _ => {}
                }
                r
            }
            None => Resource { arn: String::new(), kind: ResourceKind::Unknown },
        };
        let timeout_seconds = seconds(f, d, "TimeoutSeconds", jsonata);
        let heartbeat_seconds = seconds(f, d, "HeartbeatSeconds", jsonata);
        if let (Some(Dynamic::Literal(t)), Some(Dynamic::Literal(h))) = (&timeout_seconds, &heartbeat_seconds)
            && h >= t
        {
            d.error(
                code::SCHEMA_VALIDATION_FAILED,
                &f.child("HeartbeatSeconds"),
                format!("HeartbeatSeconds ({h}) must be smaller than TimeoutSeconds ({t})"),
            );
        }
        let credentials = f.object(d, "Credentials").map(|m| Value::Object(m.clone()));
        Task { resource, timeout_seconds, heartbeat_seconds, credentials }
    }

    fn wait(&mut self, f: &mut Fields, jsonata: bool) -> Option<Wait> {
        let d = &mut *self.d;
        let present: Vec<&str> =
            ["Seconds", "Timestamp", "SecondsPath", "TimestampPath"].into_iter().filter(|k| f.has(k)).collect();
        if present.len() != 1 {
            let message = if present.is_empty() {
                "A Wait state needs exactly one of Seconds, Timestamp, SecondsPath, TimestampPath".to_string()
            } else {
                format!(
                    "A Wait state needs exactly one of Seconds, Timestamp, SecondsPath, TimestampPath; it has {}",
                    present.join(", ")
                )
            };
            d.error(code::SCHEMA_VALIDATION_FAILED, &f.pointer, message);
        }
        let wait = if f.has("Seconds") {
            if jsonata && f.get("Seconds").is_some_and(is_jsonata) {
                Wait::Seconds(Dynamic::Jsonata(jsonata_body(f.string(d, "Seconds").unwrap_or(""))))
            } else {
                Wait::Seconds(Dynamic::Literal(f.uint(d, "Seconds")?))
            }
        } else if f.has("Timestamp") {
            let s = f.string(d, "Timestamp")?;
            if jsonata && is_jsonata(&Value::String(s.to_string())) {
                Wait::Timestamp(Dynamic::Jsonata(jsonata_body(s)))
            } else {
                if crate::timestamp::parse(s).is_none() {
                    d.error_at_value(
                        code::SCHEMA_VALIDATION_FAILED,
                        &f.child("Timestamp"),
                        format!("'{s}' is not an ISO-8601 timestamp such as 2026-01-31T09:30:00Z"),
                    );
                }
                Wait::Timestamp(Dynamic::Literal(s.to_string()))
            }
        } else if !jsonata && f.has("SecondsPath") {
            Wait::Seconds(Dynamic::Path(reference_path_field(f, d, "SecondsPath")?))
        } else if !jsonata && f.has("TimestampPath") {
            Wait::Timestamp(Dynamic::Path(reference_path_field(f, d, "TimestampPath")?))
        } else {
            return None;
        };
        // Read the others too, so they are not also reported as unsupported.
        for k in ["Seconds", "Timestamp", "SecondsPath", "TimestampPath"] {
            f.get(k);
        }
        Some(wait)
    }

    fn fail(&mut self, f: &mut Fields, jsonata: bool) -> Fail {
        let d = &mut *self.d;
        let mut field = |name: &str| -> Option<FailField> {
            let path_name = format!("{name}Path");
            if !jsonata && f.has(name) && f.has(&path_name) {
                d.error(
                    code::SCHEMA_VALIDATION_FAILED,
                    &f.pointer,
                    format!("A Fail state cannot have both {name} and {path_name}"),
                );
                // Reported once: the path field is known, just not allowed beside its literal.
                f.get(&path_name);
            }
            if let Some(s) = f.string(d, name) {
                return Some(if jsonata && is_jsonata(&Value::String(s.to_string())) {
                    FailField::Jsonata(jsonata_body(s))
                } else {
                    FailField::Literal(s.to_string())
                });
            }
            if jsonata {
                return None;
            }
            let s = f.string(d, &path_name)?;
            compile_expr(s, &path_name, &f.child(&path_name), d).map(FailField::Expr)
        };
        let error = field("Error");
        let cause = field("Cause");
        Fail { error, cause }
    }

    fn parallel(&mut self, f: &mut Fields, at: (BodyId, usize), ql: QueryLanguage) -> Parallel {
        let mut branches = Vec::new();
        if !f.require(self.d, "Branches") {
            return Parallel { branches };
        }
        let pointer = f.child("Branches");
        let Some(list) = f.array(self.d, "Branches") else {
            return Parallel { branches };
        };
        if list.is_empty() {
            self.d.error(code::SCHEMA_VALIDATION_FAILED, &pointer, "A Parallel state needs at least one branch");
        }
        for (i, b) in list.iter().enumerate() {
            let p = format!("{pointer}/{i}");
            let Value::Object(map) = b else {
                self.d.error_at_value(
                    code::SCHEMA_VALIDATION_FAILED,
                    &p,
                    "A branch must be an object with StartAt and States",
                );
                continue;
            };
            let mut bf = Fields::new(map, p);
            branches.push(self.body_from(&mut bf, at, ql));
            bf.finish(self.d, "a Parallel branch");
        }
        Parallel { branches }
    }

    fn map(&mut self, f: &mut Fields, state: &mut State, at: (BodyId, usize)) -> Map {
        let jsonata = state.query_language == QueryLanguage::Jsonata;
        let legacy = f.has("Iterator");
        if f.has("Iterator") && f.has("ItemProcessor") {
            self.d.error(
                code::SCHEMA_VALIDATION_FAILED,
                &f.pointer,
                "A Map state cannot have both ItemProcessor and Iterator",
            );
        }
        let key = if f.has("ItemProcessor") || !legacy { "ItemProcessor" } else { "Iterator" };
        let mut mode = ProcessorMode::Inline;
        let mut express_children = false;
        let processor = match f.require(self.d, key).then(|| f.object(self.d, key)).flatten() {
            Some(map) => {
                let mut pf = Fields::new(map, f.child(key));
                let id = self.body_from(&mut pf, at, state.query_language);
                if let Some(config) = pf.object(self.d, "ProcessorConfig") {
                    let mut cf = Fields::new(config, pf.child("ProcessorConfig"));
                    match cf.string(self.d, "Mode") {
                        Some("INLINE") | None => {}
                        Some("DISTRIBUTED") => mode = ProcessorMode::Distributed,
                        Some(other) => self.d.error_at_value(
                            code::SCHEMA_VALIDATION_FAILED,
                            &cf.child("Mode"),
                            format!("The processor Mode '{other}' is not one of INLINE, DISTRIBUTED"),
                        ),
                    }
                    match cf.string(self.d, "ExecutionType") {
                        Some("EXPRESS") => express_children = true,
                        Some("STANDARD") | None => {}
                        Some(other) => self.d.error_at_value(
                            code::SCHEMA_VALIDATION_FAILED,
                            &cf.child("ExecutionType"),
                            format!("The ExecutionType '{other}' is not one of STANDARD, EXPRESS"),
                        ),
                    }
                    cf.finish(self.d, "a ProcessorConfig");
                }
                pf.finish(self.d, &format!("a Map state's {key}"));
                id
            }
            None => {
                // Keep an empty body so the state still has a processor to point at.
                let id = BodyId(self.bodies.len());
                self.bodies.push(Some(super::super::Body::new(String::new(), vec![], f.child(key), Some(at))));
                id
            }
        };
        let d = &mut *self.d;
        let mut items_path = None;
        if jsonata {
            state.jsonata.items = f.get("Items").cloned();
            state.jsonata.item_selector = f.get("ItemSelector").cloned();
        } else {
            items_path = reference_path_field(f, d, "ItemsPath");
            if f.has("ItemSelector") && f.has("Parameters") {
                d.error(
                    code::SCHEMA_VALIDATION_FAILED,
                    &f.pointer,
                    "A Map state cannot have both ItemSelector and Parameters",
                );
            }
            for key in ["ItemSelector", "Parameters"] {
                if let Some(v) = f.get(key) {
                    state.parameters = Some(template(v, &f.child(key), key, d));
                }
            }
        }
        let max_concurrency = count(f, d, "MaxConcurrency", jsonata);
        let tolerated_failure_count = count(f, d, "ToleratedFailureCount", jsonata);
        let tolerated_failure_percentage = percentage(f, d, jsonata);
        let item_reader =
            f.object(d, "ItemReader").map(|m| distributed::item_reader(m, f.child("ItemReader"), d, jsonata));
        let item_batcher =
            f.object(d, "ItemBatcher").map(|m| distributed::item_batcher(m, f.child("ItemBatcher"), d, jsonata));
        let result_writer =
            f.object(d, "ResultWriter").map(|m| distributed::result_writer(m, f.child("ResultWriter"), d, jsonata));
        let label = f.string(d, "Label").map(str::to_string);
        if let Some(l) = &label
            && (l.chars().count() > 40
                || l.chars().any(|c| c.is_whitespace() || "<>{}[]?*\"#%\\^|~`$&,;:/".contains(c)))
        {
            d.error_at_value(
                code::INVALID_LABEL_NAME,
                &f.child("Label"),
                format!("The Label '{l}' must be at most 40 characters with no spaces or special characters"),
            );
        }
        if mode == ProcessorMode::Inline {
            for k in ["ItemReader", "ItemBatcher", "ResultWriter", "Label"] {
                if f.has(k) {
                    d.error(
                        code::SCHEMA_VALIDATION_FAILED,
                        &f.child(k),
                        format!("{k} is only allowed when the Map's ProcessorConfig Mode is DISTRIBUTED"),
                    );
                }
            }
        }
        Map {
            processor,
            mode,
            items_path,
            max_concurrency,
            tolerated_failure_count,
            tolerated_failure_percentage,
            item_reader,
            item_batcher,
            result_writer,
            label,
            express_children,
            legacy,
        }
    }
}

/// `TimeoutSeconds`/`TimeoutSecondsPath` and the like: a positive integer, or a path to one.
fn seconds(f: &mut Fields, d: &mut Diagnostics, key: &str, jsonata: bool) -> Option<Dynamic<u64>> {
    let path_key = format!("{key}Path");
    if f.has(key) && f.has(&path_key) {
        d.error(code::SCHEMA_VALIDATION_FAILED, &f.pointer, format!("A state cannot have both {key} and {path_key}"));
        f.get(&path_key);
    }
    if jsonata && f.has(key) && f.get(key).is_some_and(is_jsonata) {
        return Some(Dynamic::Jsonata(jsonata_body(f.string(d, key).unwrap_or(""))));
    }
    if f.has(key) {
        let n = f.uint(d, key)?;
        if n == 0 || n > MAX_TASK_SECONDS {
            d.error_at_value(
                code::SCHEMA_VALIDATION_FAILED,
                &f.child(key),
                format!("{key} must be between 1 and {MAX_TASK_SECONDS}"),
            );
            return None;
        }
        return Some(Dynamic::Literal(n));
    }
    if !jsonata && f.has(&path_key) {
        return reference_path_field(f, d, &path_key).map(Dynamic::Path);
    }
    None
}

/// `MaxConcurrency`/`ToleratedFailureCount` and their `Path` forms: a non-negative integer.
pub(super) fn count(f: &mut Fields, d: &mut Diagnostics, key: &str, jsonata: bool) -> Option<Dynamic<u64>> {
    let path_key = format!("{key}Path");
    if f.has(key) && f.has(&path_key) {
        d.error(code::SCHEMA_VALIDATION_FAILED, &f.pointer, format!("A state cannot have both {key} and {path_key}"));
        f.get(&path_key);
    }
    if jsonata && f.get(key).is_some_and(is_jsonata) {
        return Some(Dynamic::Jsonata(jsonata_body(f.string(d, key).unwrap_or(""))));
    }
    if f.has(key) {
        return f.uint(d, key).map(Dynamic::Literal);
    }
    if !jsonata && f.has(&path_key) {
        return reference_path_field(f, d, &path_key).map(Dynamic::Path);
    }
    None
}

fn percentage(f: &mut Fields, d: &mut Diagnostics, jsonata: bool) -> Option<Dynamic<f64>> {
    const KEY: &str = "ToleratedFailurePercentage";
    if f.has(KEY) && f.has("ToleratedFailurePercentagePath") {
        d.error(code::SCHEMA_VALIDATION_FAILED, &f.pointer, format!("A state cannot have both {KEY} and {KEY}Path"));
        f.get("ToleratedFailurePercentagePath");
    }
    if jsonata && f.get(KEY).is_some_and(is_jsonata) {
        return Some(Dynamic::Jsonata(jsonata_body(f.string(d, KEY).unwrap_or(""))));
    }
    if f.has(KEY) {
        let p = f.number(d, KEY)?;
        if !(0.0..=100.0).contains(&p) {
            d.error_at_value(code::SCHEMA_VALIDATION_FAILED, &f.child(KEY), format!("{KEY} must be between 0 and 100"));
            return None;
        }
        return Some(Dynamic::Literal(p));
    }
    if !jsonata && f.has("ToleratedFailurePercentagePath") {
        return reference_path_field(f, d, "ToleratedFailurePercentagePath").map(Dynamic::Path);
    }
    None
}

fn has_dollar_key(v: &Value) -> bool {
    match v {
        Value::Object(m) => m.iter().any(|(k, v)| k.ends_with(".$") || has_dollar_key(v)),
        Value::Array(a) => a.iter().any(has_dollar_key),
        _ => false,
    }
}
