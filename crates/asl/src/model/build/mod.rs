//! Turning a parsed definition into the typed [`StateMachine`], reporting every field that is
//! missing, of the wrong type, or not allowed where it stands.

mod choice;
mod distributed;
mod errors;
mod kinds;

use serde_json::Value;

use super::fields::Fields;
use super::template::Template;
use super::{
    Body, BodyId, IoPath, JsonataFields, QueryLanguage, ResultPath, State, StateKind, StateMachine, Transition,
};
use crate::diagnostics::{Diagnostics, code};
use crate::json::escape_pointer_segment;
use crate::path::Path;

/// Builds the model from a definition's value. Returns `None` only when the value is not a
/// state machine at all (not an object); otherwise a model of everything that could be read.
pub fn build(value: &Value, d: &mut Diagnostics) -> Option<StateMachine> {
    let Value::Object(root) = value else {
        d.error(code::SCHEMA_VALIDATION_FAILED, "", "A state machine definition must be a JSON object");
        return None;
    };
    let mut f = Fields::new(root, "");
    let comment = f.string(d, "Comment").map(str::to_string);
    let version = f.string(d, "Version").map(str::to_string);
    if let Some(v) = &version
        && v != "1.0"
    {
        d.error(code::SCHEMA_VALIDATION_FAILED, "/Version", format!("The Version '{v}' is not supported; use \"1.0\""));
    }
    let timeout_seconds = f.uint(d, "TimeoutSeconds");
    let query_language = query_language(&mut f, d, QueryLanguage::JsonPath);
    let mut b = Builder { bodies: vec![None], d };
    b.fill_body(BodyId(0), &mut f, None, query_language);
    f.finish(b.d, "a state machine");
    let bodies = b
        .bodies
        .into_iter()
        .map(|b| b.unwrap_or_else(|| Body::new(String::new(), vec![], String::new(), None)))
        .collect();
    Some(StateMachine { comment, version, query_language, timeout_seconds, bodies })
}

pub(crate) struct Builder<'d, 'a> {
    bodies: Vec<Option<Body>>,
    pub d: &'d mut Diagnostics<'a>,
}

/// Reads an optional `QueryLanguage` field; `inherited` is the enclosing language.
fn query_language(f: &mut Fields, d: &mut Diagnostics, inherited: QueryLanguage) -> QueryLanguage {
    match f.string(d, "QueryLanguage") {
        None => inherited,
        Some("JSONPath") => {
            if inherited == QueryLanguage::Jsonata {
                d.error(
                    code::SCHEMA_VALIDATION_FAILED,
                    &f.child("QueryLanguage"),
                    "A state cannot use JSONPath when the state machine's QueryLanguage is JSONata",
                );
            }
            QueryLanguage::JsonPath
        }
        Some("JSONata") => QueryLanguage::Jsonata,
        Some(other) => {
            d.error_at_value(
                code::SCHEMA_VALIDATION_FAILED,
                &f.child("QueryLanguage"),
                format!("The QueryLanguage '{other}' is not one of JSONPath, JSONata"),
            );
            inherited
        }
    }
}

/// A `{% ... %}` JSONata expression string.
pub(crate) fn is_jsonata(v: &Value) -> bool {
    matches!(v, Value::String(s) if s.starts_with("{%") && s.ends_with("%}") && s.len() >= 4)
}

pub(crate) fn jsonata_body(s: &str) -> String {
    s.get(2..s.len().saturating_sub(2)).unwrap_or("").trim().to_string()
}

impl<'d, 'a> Builder<'d, 'a> {
    /// Reads `StartAt` and `States` from `f` into the body slot `id`.
    fn fill_body(&mut self, id: BodyId, f: &mut Fields, parent: Option<(BodyId, usize)>, ql: QueryLanguage) {
        let d = &mut *self.d;
        let start_at =
            if f.require(d, "StartAt") { f.string(d, "StartAt").unwrap_or("").to_string() } else { String::new() };
        let mut states = Vec::new();
        if f.require(d, "States")
            && let Some(map) = f.object(d, "States")
        {
            if map.is_empty() {
                d.error(code::SCHEMA_VALIDATION_FAILED, &f.child("States"), "States must hold at least one state");
            }
            let states_ptr = f.child("States");
            for (i, (name, v)) in map.iter().enumerate() {
                let pointer = format!("{states_ptr}/{}", escape_pointer_segment(name));
                states.push(self.state(name, v, pointer, (id, i), ql));
            }
        }
        let pointer = f.pointer.clone();
        self.bodies[id.0] = Some(Body::new(start_at, states, pointer, parent));
    }

    /// Allocates a body slot and fills it from `f`; the caller reads any further fields of `f`
    /// (like `ProcessorConfig`) before finishing it.
    pub(crate) fn body_from(&mut self, f: &mut Fields, owner: (BodyId, usize), ql: QueryLanguage) -> BodyId {
        let id = BodyId(self.bodies.len());
        self.bodies.push(None);
        f.get("Comment");
        let ql = query_language(f, self.d, ql);
        self.fill_body(id, f, Some(owner), ql);
        id
    }

    fn state(
        &mut self,
        name: &str,
        v: &Value,
        pointer: String,
        at: (BodyId, usize),
        inherited: QueryLanguage,
    ) -> State {
        let mut state = State {
            name: name.into(),
            pointer: pointer.clone(),
            comment: None,
            query_language: inherited,
            kind: StateKind::Succeed,
            input_path: None,
            output_path: None,
            parameters: None,
            result_selector: None,
            result_path: None,
            assign: None,
            transition: Transition::None,
            retry: Vec::new(),
            catch: Vec::new(),
            jsonata: JsonataFields::default(),
        };
        let Value::Object(map) = v else {
            self.d.error_at_value(
                code::SCHEMA_VALIDATION_FAILED,
                &pointer,
                format!("The state '{name}' must be a JSON object"),
            );
            return state;
        };
        let mut f = Fields::new(map, pointer.clone());
        state.comment = f.string(self.d, "Comment").map(str::to_string);
        state.query_language = query_language(&mut f, self.d, inherited);
        let type_name = if f.require(self.d, "Type") { f.string(self.d, "Type") } else { None };
        let Some(kind) = type_name.and_then(|t| self.kind(t, &mut f, &mut state, at)) else {
            if let Some(t) = type_name {
                self.d.error_at_value(
                    code::SCHEMA_VALIDATION_FAILED,
                    &f.child("Type"),
                    format!(
                        "The state type '{t}' is not one of Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map"
                    ),
                );
            }
            // Unknown type: keep the state (so transitions to it resolve and it can be drawn)
            // without judging fields that depend on the type.
            return state;
        };
        state.kind = kind;
        self.common_fields(&mut f, &mut state);
        let context = format!("a {} state", state.type_name());
        let context =
            if state.query_language == QueryLanguage::Jsonata { format!("{context} using JSONata") } else { context };
        f.finish(self.d, &context);
        state
    }

    /// The fields several state types share, read only where the type allows them.
    fn common_fields(&mut self, f: &mut Fields, state: &mut State) {
        let d = &mut *self.d;
        let kind = &state.kind;
        let jsonata = state.query_language == QueryLanguage::Jsonata;
        let has_io = !matches!(kind, StateKind::Fail(_));
        let has_result =
            matches!(kind, StateKind::Pass(_) | StateKind::Task(_) | StateKind::Parallel(_) | StateKind::Map(_));
        let has_transition = !matches!(kind, StateKind::Choice(_) | StateKind::Succeed | StateKind::Fail(_));
        let has_assign = !matches!(kind, StateKind::Succeed | StateKind::Fail(_));
        let has_errors = matches!(kind, StateKind::Task(_) | StateKind::Parallel(_) | StateKind::Map(_));

        if jsonata {
            if has_io {
                state.jsonata.output = f.get("Output").cloned();
            }
            if has_assign {
                state.jsonata.assign = f.object(d, "Assign").map(|m| Value::Object(m.clone()));
            }
            if matches!(kind, StateKind::Task(_) | StateKind::Parallel(_)) {
                state.jsonata.arguments = f.get("Arguments").cloned();
            }
        } else {
            if has_io {
                state.input_path = io_path(f, d, "InputPath");
                state.output_path = io_path(f, d, "OutputPath");
            }
            if has_result {
                state.result_path = result_path(f, d, "ResultPath");
                if !matches!(kind, StateKind::Pass(_))
                    && let Some(v) = f.get("ResultSelector")
                {
                    state.result_selector = Some(template(v, &f.child("ResultSelector"), "ResultSelector", d));
                }
                if matches!(kind, StateKind::Pass(_) | StateKind::Task(_) | StateKind::Parallel(_))
                    && let Some(v) = f.get("Parameters")
                {
                    state.parameters = Some(template(v, &f.child("Parameters"), "Parameters", d));
                }
            }
            if has_assign {
                state.assign = assign(f, d);
            }
        }
        if has_transition {
            state.transition = transition(f, d);
        }
        if has_errors {
            state.retry = errors::retriers(f, d);
            state.catch = errors::catchers(f, d, jsonata);
        }
    }
}

/// A payload template field. The ASL specification asks for an object, but AWS runs any JSON
/// value (published workflows use arrays), so any value is compiled.
pub(crate) fn template(v: &Value, pointer: &str, _field: &str, d: &mut Diagnostics) -> Template {
    Template::compile(v, pointer, d)
}

/// JSONPath `Assign`: a template whose keys are variable names.
pub(crate) fn assign(f: &mut Fields, d: &mut Diagnostics) -> Option<Template> {
    let map = f.object(d, "Assign")?;
    let at = f.child("Assign");
    for key in map.keys() {
        let name = key.strip_suffix(".$").unwrap_or(key);
        if !is_variable_name(name) {
            d.error(
                code::SCHEMA_VALIDATION_FAILED,
                &format!("{at}/{}", escape_pointer_segment(key)),
                format!(
                    "'{name}' is not a valid variable name: use letters, digits and '_', not starting with a digit"
                ),
            );
        }
    }
    Some(Template::compile(&Value::Object(map.clone()), &at, d))
}

/// Variable names as AWS allows them.
pub(crate) fn is_variable_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_')
        && name.len() <= 80
        && name != "states"
}

fn transition(f: &mut Fields, d: &mut Diagnostics) -> Transition {
    let next = f.string(d, "Next");
    let end = f.bool(d, "End");
    match (next, end) {
        (Some(_), Some(true)) => {
            d.error(code::SCHEMA_VALIDATION_FAILED, &f.child("End"), "A state cannot have both 'Next' and 'End'");
            Transition::End
        }
        (Some(n), _) => Transition::Next(n.to_string()),
        (None, Some(true)) => Transition::End,
        (None, Some(false)) => {
            d.error(
                code::SCHEMA_VALIDATION_FAILED,
                &f.child("End"),
                "'End' must be true when present; use 'Next' to continue",
            );
            Transition::None
        }
        (None, None) => {
            if !f.has("Next") && !f.has("End") {
                d.error(code::SCHEMA_VALIDATION_FAILED, &f.pointer, "The state must have either 'Next' or 'End': true");
            }
            Transition::None
        }
    }
}

/// A path field that must be a path (`InputPath`, `ItemsPath`, `SecondsPath`...).
pub(crate) fn path_field(f: &mut Fields, d: &mut Diagnostics, key: &str) -> Option<Path> {
    let s = f.string(d, key)?;
    parse_path(s, &f.child(key), key, d)
}

pub(crate) fn parse_path(s: &str, at: &str, key: &str, d: &mut Diagnostics) -> Option<Path> {
    match Path::parse(s) {
        Ok(p) => Some(p),
        Err(e) => {
            d.error_at_value(
                code::SCHEMA_VALIDATION_FAILED,
                at,
                format!("The value of the field '{key}' is not a valid JSONPath: {}", e.message),
            );
            None
        }
    }
}

/// A reference path field (no wildcards or filters): `*Path` fields that name one value.
pub(crate) fn reference_path_field(f: &mut Fields, d: &mut Diagnostics, key: &str) -> Option<Path> {
    let p = path_field(f, d, key)?;
    if !p.is_reference_path() {
        d.error_at_value(
            code::SCHEMA_VALIDATION_FAILED,
            &f.child(key),
            format!("The value of the field '{key}' must be a reference path (names and indexes only, no wildcards or filters): '{}'", p.as_str()),
        );
        return None;
    }
    Some(p)
}

fn io_path(f: &mut Fields, d: &mut Diagnostics, key: &str) -> Option<IoPath> {
    match f.get(key)? {
        Value::Null => Some(IoPath::Null),
        Value::String(s) => parse_path(s, &f.child(key), key, d).map(IoPath::Path),
        other => {
            d.error_at_value(
                code::SCHEMA_VALIDATION_FAILED,
                &f.child(key),
                format!(
                    "The value of the field '{key}' must be a STRING holding a path, or null, not {}",
                    super::fields::type_name(other)
                ),
            );
            None
        }
    }
}

fn result_path(f: &mut Fields, d: &mut Diagnostics, key: &str) -> Option<ResultPath> {
    match f.get(key)? {
        Value::Null => Some(ResultPath::Null),
        Value::String(s) => {
            let p = parse_path(s, &f.child(key), key, d)?;
            if !p.is_reference_path() || *p.root() != crate::path::PathRoot::Input {
                d.error_at_value(
                    code::SCHEMA_VALIDATION_FAILED,
                    &f.child(key),
                    format!("The value of the field '{key}' must be a reference path into the input, starting with '$' (names and indexes only): '{s}'"),
                );
                return None;
            }
            Some(ResultPath::Path(p))
        }
        other => {
            d.error_at_value(
                code::SCHEMA_VALIDATION_FAILED,
                &f.child(key),
                format!(
                    "The value of the field '{key}' must be a STRING holding a path, or null, not {}",
                    super::fields::type_name(other)
                ),
            );
            None
        }
    }
}
