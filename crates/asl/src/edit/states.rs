//! The state machine's own edits, made on its text: add a state where a transition was, rewire,
//! rename (every reference follows), delete (the flow closes over the gap), move (the gap
//! closes, and the state goes on another transition, in its scope or another), duplicate, and
//! add a Parallel branch. Each takes the definition's text and returns the new text, or why the
//! edit cannot be made; the text outside what changes stays as it was.
//!
//! A scope is where a set of states lives, named by the pointer of the object that holds its
//! `StartAt` and `States`: `""` for the machine, `/States/P/Branches/0` for a Parallel's
//! branch, `/States/M/ItemProcessor` (or `/Iterator`) for a Map's states.

use serde_json::{Value, json};

use super::EditError;
use super::document::{Document, Place, child};
use super::text::{TextEdit, apply};

/// A state's way out, which people keep last among its fields.
pub(super) const TRANSITIONS: &[&str] = &["Next", "End"];

/// AWS's limit on a state's name, in characters.
const MAX_NAME: usize = 80;

/// A transition: where a scope starts, or one of a state's ways out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edge {
    /// The scope's `StartAt`.
    Start,
    /// The state's `Next` (or its `End`).
    Next(String),
    /// A Choice's `Default`.
    Default(String),
    /// The `Next` of a Choice's rule, by index.
    Choice(String, usize),
    /// The `Next` of a Retry-and-Catch catcher, by index.
    Catch(String, usize),
}

impl Edge {
    /// The state the edge leaves (`None` for the scope's start).
    pub fn from(&self) -> Option<&str> {
        match self {
            Edge::Start => None,
            Edge::Next(s) | Edge::Default(s) | Edge::Choice(s, _) | Edge::Catch(s, _) => Some(s),
        }
    }

    /// The pointer of the field that names the edge's target, within `scope`.
    fn field(&self, scope: &str) -> String {
        match self {
            Edge::Start => format!("{scope}/StartAt"),
            Edge::Next(s) => format!("{}/Next", state(scope, s)),
            Edge::Default(s) => format!("{}/Default", state(scope, s)),
            Edge::Choice(s, i) => format!("{}/Choices/{i}/Next", state(scope, s)),
            Edge::Catch(s, i) => format!("{}/Catch/{i}/Next", state(scope, s)),
        }
    }
}

/// The pointer of state `name` in `scope`.
pub fn state(scope: &str, name: &str) -> String {
    child(&format!("{scope}/States"), name)
}

/// Where `edge` goes now (`None` when it ends the flow or names nothing).
pub fn target(text: &str, scope: &str, edge: &Edge) -> Result<Option<String>, EditError> {
    let doc = Document::parse(text)?;
    Ok(target_in(&doc, scope, edge))
}

fn target_in(doc: &Document, scope: &str, edge: &Edge) -> Option<String> {
    doc.get(&edge.field(scope)).and_then(Value::as_str).map(str::to_string)
}

/// Where a state added "after" state `name` goes, with its scope: on its `Next` (a Choice's
/// `Default`); for a Succeed or Fail, on the first transition that leads to it, so the new
/// state comes before the end. Without a name (or one the machine lacks): the machine's start.
pub fn edge_after(machine: &Value, name: Option<&str>) -> (String, Edge) {
    let Some((scope, name)) = name.and_then(|n| scope_of(machine, n).map(|s| (s, n))) else {
        return (String::new(), Edge::Start);
    };
    let edge = match machine.pointer(&format!("{}/Type", state(&scope, name))).and_then(Value::as_str) {
        Some("Choice") => Edge::Default(name.to_string()),
        Some("Succeed" | "Fail") => references(machine, &scope, name).into_iter().next().unwrap_or(Edge::Start),
        _ => Edge::Next(name.to_string()),
    };
    (scope, edge)
}

/// Points `edge` at `to`; `None` ends the flow there (`"End": true` for a state's Next, no
/// Default, a rule or catcher without a target).
pub fn set_transition(text: &str, scope: &str, edge: &Edge, to: Option<&str>) -> Result<String, EditError> {
    let doc = Document::parse(text)?;
    states(&doc, scope)?;
    if let Some(from) = edge.from() {
        known(&doc, scope, from)?;
    }
    if let Some(to) = to {
        known(&doc, scope, to)?;
    }
    Ok(apply(text, &retarget(&doc, scope, edge, to)?))
}

/// The edits that point `edge` at `to`. A Choice, Succeed or Fail has no Next to point.
fn retarget(doc: &Document, scope: &str, edge: &Edge, to: Option<&str>) -> Result<Vec<TextEdit>, EditError> {
    if let Edge::Next(from) = edge {
        let kind = doc.get(&format!("{}/Type", state(scope, from))).and_then(Value::as_str).unwrap_or_default();
        if matches!(kind, "Choice" | "Succeed" | "Fail") {
            return Err(EditError::Refused(format!(
                "a {kind} state has no Next: nothing can come after '{from}' that way"
            )));
        }
    }
    let to_value = to.map(|t| Value::String(t.to_string()));
    let field = edge.field(scope);
    let holder = &field[..field.rfind('/').unwrap_or(0)];
    let key = &field[holder.len() + 1..];
    Ok(match (edge, to_value) {
        (Edge::Start, Some(v)) => vec![doc.set(scope, "StartAt", &v, Place::First)?],
        (Edge::Start, None) => {
            return Err(EditError::Refused("a scope must start somewhere: StartAt needs a state".into()));
        }
        (Edge::Next(_), Some(v)) => match (doc.get(&field), doc.get(&format!("{holder}/End"))) {
            (Some(_), _) => vec![doc.replace(&field, &v)?],
            (None, Some(_)) => vec![doc.replace_member(&format!("{holder}/End"), "Next", &v)?],
            (None, None) => vec![doc.insert(holder, "Next", &v, Place::Last)?],
        },
        (Edge::Next(_), None) => match (doc.get(&field), doc.get(&format!("{holder}/End"))) {
            (Some(_), _) => vec![doc.replace_member(&field, "End", &Value::Bool(true))?],
            (None, Some(_)) => vec![],
            (None, None) => vec![doc.insert(holder, "End", &Value::Bool(true), Place::Last)?],
        },
        (_, Some(v)) => {
            if doc.get(holder).is_none() {
                return Err(EditError::NotFound(holder.to_string()));
            }
            let place = if key == "Default" { Place::After("Choices") } else { Place::Last };
            vec![doc.set(holder, key, &v, place)?]
        }
        (_, None) => match doc.get(&field) {
            Some(_) => vec![doc.remove(&field)?],
            None => vec![],
        },
    })
}

/// Renames state `old` of `scope` to `new`, and every transition that names it.
pub fn rename_state(text: &str, scope: &str, old: &str, new: &str) -> Result<String, EditError> {
    let doc = Document::parse(text)?;
    known(&doc, scope, old)?;
    if old == new {
        return Ok(text.to_string());
    }
    check_new_name(&doc, new)?;
    let mut edits = vec![doc.rename_key(&state(scope, old), new)?];
    let name = Value::String(new.to_string());
    for edge in references(doc.value(), scope, old) {
        edits.push(doc.replace(&edge.field(scope), &name)?);
    }
    Ok(apply(text, &edits))
}

/// Deletes state `name` of `scope`. What led to it leads to where it went (its `Next`); when it
/// ended the flow, a `Next` that led to it ends the flow instead. Transitions with nowhere to go
/// are left naming it, for the validation to show.
pub fn delete_state(text: &str, scope: &str, name: &str) -> Result<String, EditError> {
    let doc = Document::parse(text)?;
    known(&doc, scope, name)?;
    let pointer = state(scope, name);
    let deleted = doc.get(&pointer).cloned().unwrap_or(Value::Null);
    let successor = deleted.get("Next").and_then(Value::as_str).filter(|s| *s != name);
    let mut edits = vec![doc.remove(&pointer)?];
    edits.extend(close_gap(&doc, scope, name, successor, ends_flow(&deleted))?.0);
    Ok(apply(text, &edits))
}

/// Whether a state ends the flow where it is (`"End": true`, a Succeed or a Fail).
fn ends_flow(state: &Value) -> bool {
    state.get("End") == Some(&Value::Bool(true))
        || matches!(state.get("Type").and_then(Value::as_str), Some("Succeed" | "Fail"))
}

/// The edits that close the gap state `name` leaves in `scope`: what led to it leads to
/// `successor`; without one, a Next that led to it ends the flow when the state ended it
/// (`ends`). Also returns the transitions left naming it, which nothing can take the place of.
fn close_gap(
    doc: &Document,
    scope: &str,
    name: &str,
    successor: Option<&str>,
    ends: bool,
) -> Result<(Vec<TextEdit>, Vec<Edge>), EditError> {
    let mut edits = Vec::new();
    let mut stranded = Vec::new();
    for edge in references(doc.value(), scope, name) {
        if edge.from() == Some(name) {
            continue;
        }
        match (successor, &edge) {
            (Some(next), _) => edits.extend(retarget(doc, scope, &edge, Some(next))?),
            (None, Edge::Next(_)) if ends => edits.extend(retarget(doc, scope, &edge, None)?),
            _ => stranded.push(edge),
        }
    }
    Ok((edits, stranded))
}

/// Moves state `name` of `from_scope` onto `edge` of `to_scope` (which may be the same scope).
///
/// The gap it leaves closes as [`delete_state`] closes it: what led to it leads to its `Next`
/// (a Choice's `Default`, the way it goes when no rule matches), or ends the flow where it
/// ended it; the scope's `StartAt` moves on the same way. It then goes on `edge` as
/// [`insert_state`] puts a new state there: the edge leads to it, and it leads where the edge
/// went (its `Next`, `"End": true` when the edge ended the flow, a Choice's `Default`; a
/// Succeed or Fail ends the flow itself).
///
/// Only transitions change: within one scope the state's text stays where it is; into another
/// scope its text moves, as it is written, to that scope's `States`, after the state the edge
/// leaves (first for the scope's start).
///
/// Refused, with the text unchanged: no such state or scope; no such transition; a move onto
/// one of the state's own transitions (it leads there or leaves from there: it is already
/// there, and the refusal says so rather than report a change that changes nothing); a move
/// into the state itself (a Parallel into its own branch); a scope left without states; a name
/// the target scope already has; into another scope, a transition that would be left naming a
/// state of the scope it left (a catcher or rule of its own, or one that led to it when nothing
/// follows it); and any move that would give the definition an error it did not have.
pub fn move_state(text: &str, from_scope: &str, name: &str, to_scope: &str, edge: &Edge) -> Result<String, EditError> {
    let doc = Document::parse(text)?;
    check_move(&doc, from_scope, name, to_scope, edge)?;
    let across = from_scope != to_scope;
    let moved = doc.get(&state(from_scope, name)).cloned().unwrap_or(Value::Null);
    let (mut edits, stranded) = close_gap(&doc, from_scope, name, way_on(&moved, name), ends_flow(&moved))?;
    if let (true, Some(left)) = (across, stranded.first()) {
        return Err(EditError::Refused(format!(
            "nothing follows '{name}' to take its place: {} would lead nowhere",
            describe(left)
        )));
    }
    let onward = target_in(&doc, to_scope, edge);
    edits.extend(retarget(&doc, to_scope, edge, Some(name))?);
    edits.extend(lead_on(&doc, from_scope, name, &moved, onward.as_deref())?);
    let rewired = apply(text, &edits);
    let out = if across { relocate(&rewired, from_scope, name, to_scope, edge.from())? } else { rewired };
    // What the rules above do not foresee (a Choice put where the flow ended, whose way on now
    // loops back, so that no state ends it) is still refused: a move never breaks the machine.
    match new_error(text, &out) {
        Some(why) => {
            Err(EditError::Refused(format!("moving '{name}' there would leave the state machine wrong: {why}")))
        }
        None => Ok(out),
    }
}

/// That state `name` of `from_scope` can go on `edge` of `to_scope`, as far as the scopes tell:
/// it is there, the edge is there and is not its own, it does not go into itself, it leaves
/// a state behind, and its name is free where it goes.
fn check_move(doc: &Document, from_scope: &str, name: &str, to_scope: &str, edge: &Edge) -> Result<(), EditError> {
    known(doc, from_scope, name)?;
    let pointer = state(from_scope, name);
    if to_scope == pointer || to_scope.starts_with(&format!("{pointer}/")) {
        return Err(EditError::Refused(format!("'{name}' cannot move into its own states")));
    }
    check_edge(doc, to_scope, edge)?;
    let across = from_scope != to_scope;
    if let Some(way) = own_transition(doc, to_scope, name, edge).filter(|_| !across) {
        return Err(EditError::Refused(format!("'{name}' is already there: {} {way}", describe(edge))));
    }
    if states(doc, from_scope)?.len() == 1 {
        return Err(EditError::Refused(format!(
            "'{name}' is the only state of its scope, which needs a state to start at: add another first"
        )));
    }
    if across && states(doc, to_scope)?.contains_key(name) {
        return Err(EditError::InvalidName(format!("the scope it moves to already has a state named '{name}'")));
    }
    Ok(())
}

/// The first error `after` has that `before` did not, by what it says (where it is may change
/// with a move: the moved state's own errors go with it).
fn new_error(before: &str, after: &str) -> Option<String> {
    let errors = |text: &str| -> Vec<String> {
        crate::load(text).diagnostics.into_iter().filter(|d| d.is_error()).map(|d| d.message).collect()
    };
    let mut new = errors(after);
    for old in errors(before) {
        if let Some(i) = new.iter().position(|m| *m == old) {
            new.remove(i);
        }
    }
    new.into_iter().next()
}

/// How `edge` of `scope` belongs to state `name` of the same scope, if it does: it leaves from
/// it or leads to it (a move onto it would change nothing).
fn own_transition(doc: &Document, scope: &str, name: &str, edge: &Edge) -> Option<&'static str> {
    if edge.from() == Some(name) {
        Some("leaves from it")
    } else if target_in(doc, scope, edge).as_deref() == Some(name) {
        Some("leads to it")
    } else {
        None
    }
}

/// Where the flow goes on past state `name` when it leaves: its `Next`, a Choice's `Default`
/// (`None` when it leads back to itself).
fn way_on<'v>(state: &'v Value, name: &str) -> Option<&'v str> {
    let key = if state.get("Type").and_then(Value::as_str) == Some("Choice") { "Default" } else { "Next" };
    state.get(key).and_then(Value::as_str).filter(|s| *s != name)
}

/// The edits that make state `name` lead to `onward`, as [`lead`] makes a new state lead there:
/// its `Next` (or `"End": true`), a Choice's `Default` (kept when there is nowhere to go), and
/// nothing for a Succeed or Fail.
fn lead_on(
    doc: &Document,
    scope: &str,
    name: &str,
    state: &Value,
    onward: Option<&str>,
) -> Result<Vec<TextEdit>, EditError> {
    match (state.get("Type").and_then(Value::as_str), onward) {
        (Some("Succeed" | "Fail"), _) | (Some("Choice"), None) => Ok(vec![]),
        (Some("Choice"), Some(_)) => retarget(doc, scope, &Edge::Default(name.to_string()), onward),
        _ => retarget(doc, scope, &Edge::Next(name.to_string()), onward),
    }
}

/// Moves state `name`'s text from `from_scope` to `to_scope`'s States, after state `after` (first
/// without one). Refused when one of its transitions names a state it leaves behind.
fn relocate(
    text: &str,
    from_scope: &str,
    name: &str,
    to_scope: &str,
    after: Option<&str>,
) -> Result<String, EditError> {
    let doc = Document::parse(text)?;
    let pointer = state(from_scope, name);
    let moved = doc.get(&pointer).cloned().unwrap_or(Value::Null);
    let behind = states(&doc, from_scope)?;
    if let Some(target) = successors(&moved).into_iter().find(|t| *t != name && behind.contains_key(*t)) {
        return Err(EditError::Refused(format!(
            "'{name}' leads to '{target}', which stays behind: a state can only lead to states of its own scope"
        )));
    }
    let place = after.map_or(Place::First, Place::After);
    let edits = [
        doc.remove(&pointer)?,
        doc.insert_written(&format!("{to_scope}/States"), name, &moved, doc.written(&pointer)?, place)?,
    ];
    Ok(apply(text, &edits))
}

/// The names a state's transitions lead to: its Next, Default, rules and catchers.
fn successors(state: &Value) -> Vec<&str> {
    let mut found: Vec<&str> = ["Next", "Default"].iter().filter_map(|k| state.get(*k)?.as_str()).collect();
    for list in ["Choices", "Catch"] {
        let rules = state.get(list).and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
        found.extend(rules.iter().filter_map(|r| r.get("Next")?.as_str()));
    }
    found
}

/// That `edge` is a transition of `scope`: its state is there and has that way out.
fn check_edge(doc: &Document, scope: &str, edge: &Edge) -> Result<(), EditError> {
    states(doc, scope)?;
    let Some(from) = edge.from() else { return Ok(()) };
    known(doc, scope, from)?;
    let at = state(scope, from);
    let kind = doc.get(&format!("{at}/Type")).and_then(Value::as_str).unwrap_or_default();
    let missing = match edge {
        Edge::Start => None,
        Edge::Next(_) if matches!(kind, "Choice" | "Succeed" | "Fail") => {
            Some(format!("a {kind} state has no Next: nothing can come after '{from}' that way"))
        }
        Edge::Next(_) => None,
        Edge::Default(_) => (kind != "Choice").then(|| format!("'{from}' is not a Choice: it has no Default")),
        Edge::Choice(_, i) => {
            doc.get(&format!("{at}/Choices/{i}")).is_none().then(|| format!("'{from}' has no rule {}", i + 1))
        }
        Edge::Catch(_, i) => {
            doc.get(&format!("{at}/Catch/{i}")).is_none().then(|| format!("'{from}' has no catcher {}", i + 1))
        }
    };
    missing.map_or(Ok(()), |why| Err(EditError::Refused(why)))
}

/// A transition as people name it.
fn describe(edge: &Edge) -> String {
    match edge {
        Edge::Start => "the start of its scope".to_string(),
        Edge::Next(s) => format!("the Next of '{s}'"),
        Edge::Default(s) => format!("the Default of '{s}'"),
        Edge::Choice(s, i) => format!("rule {} of '{s}'", i + 1),
        Edge::Catch(s, i) => format!("catcher {} of '{s}'", i + 1),
    }
}

/// Adds `state` (a state's JSON) as `name` on `edge`: the edge leads to it, and it leads where
/// the edge went (its `Next`, or a Choice's `Default`; `"End": true` when the edge ended the
/// flow). Succeed and Fail end the flow themselves. The new state is written after the state
/// the edge leaves (first for the scope's start).
pub fn insert_state(text: &str, scope: &str, edge: &Edge, name: &str, state: Value) -> Result<String, EditError> {
    let doc = Document::parse(text)?;
    check_new_name(&doc, name)?;
    // A scope with no states yet (an empty definition) starts with this one.
    if doc.get(&format!("{scope}/States")).is_none()
        && doc.get(scope).is_some_and(Value::is_object)
        && *edge == Edge::Start
    {
        let started = apply(text, &[doc.set(scope, "StartAt", &Value::String(name.to_string()), Place::Last)?]);
        let doc = Document::parse(&started)?;
        let states = json!({ name: lead(state, None) });
        return Ok(apply(&started, &[doc.insert(scope, "States", &states, Place::Last)?]));
    }
    states(&doc, scope)?;
    if let Some(from) = edge.from() {
        known(&doc, scope, from)?;
    }
    let onward = target_in(&doc, scope, edge);
    let state = lead(state, onward.as_deref());
    let place = edge.from().map_or(Place::First, Place::After);
    let mut edits = vec![doc.insert(&format!("{scope}/States"), name, &state, place)?];
    edits.extend(retarget(&doc, scope, edge, Some(name))?);
    Ok(apply(text, &edits))
}

/// Adds `state` as `name` to `scope`, leading nowhere yet (unconnected states are shown as such).
pub fn add_state(text: &str, scope: &str, name: &str, state: Value) -> Result<String, EditError> {
    let doc = Document::parse(text)?;
    states(&doc, scope)?;
    check_new_name(&doc, name)?;
    Ok(apply(text, &[doc.insert(&format!("{scope}/States"), name, &state, Place::Last)?]))
}

/// Copies state `name` as a new state (named like it, unused) written after it, leading where
/// it leads. Returns the new text and the copy's name.
pub fn duplicate_state(text: &str, scope: &str, name: &str) -> Result<(String, String), EditError> {
    let doc = Document::parse(text)?;
    known(&doc, scope, name)?;
    let copy = unique_name(text, name)?;
    let body = doc.get(&state(scope, name)).cloned().unwrap_or(Value::Null);
    let edit = doc.insert(&format!("{scope}/States"), &copy, &body, Place::After(name))?;
    Ok((apply(text, &[edit]), copy))
}

/// Sets field `key` of state `name` in `scope` to `value`, or removes it (`None`). A new field
/// goes before the state's `Next` or `End`, which people keep last.
pub fn set_field(text: &str, scope: &str, name: &str, key: &str, value: Option<Value>) -> Result<String, EditError> {
    let doc = Document::parse(text)?;
    known(&doc, scope, name)?;
    match doc.put(&state(scope, name), key, value.as_ref(), Place::Before(TRANSITIONS))? {
        Some(edit) => Ok(apply(text, &[edit])),
        None => Ok(text.to_string()),
    }
}

/// Adds a branch to the Parallel at `parallel` (a state's pointer) that runs `state` as `name`.
pub fn add_branch(text: &str, parallel: &str, name: &str, state: Value) -> Result<String, EditError> {
    let doc = Document::parse(text)?;
    if doc.get(parallel).and_then(|s| s.get("Type")).and_then(Value::as_str) != Some("Parallel") {
        return Err(EditError::Refused(format!("{parallel} is not a Parallel state")));
    }
    check_new_name(&doc, name)?;
    let state = lead(state, None);
    let branch = json!({ "StartAt": name, "States": { name: state } });
    let edit = match doc.get(&format!("{parallel}/Branches")) {
        Some(_) => doc.push(&format!("{parallel}/Branches"), &branch)?,
        None => doc.insert(parallel, "Branches", &Value::Array(vec![branch]), Place::Last)?,
    };
    Ok(apply(text, &[edit]))
}

/// `base`, or `base 2`, `base 3`... : the first that no state of the machine uses.
pub fn unique_name(text: &str, base: &str) -> Result<String, EditError> {
    let doc = Document::parse(text)?;
    let names = all_names(doc.value());
    let base: String = base.chars().take(MAX_NAME - 4).collect();
    Ok((1..)
        .map(|n| if n == 1 { base.clone() } else { format!("{base} {n}") })
        .find(|candidate| !names.iter().any(|used| used == candidate))
        .unwrap_or(base))
}

/// `state` made to lead to `onward` (or end the flow), unless its type decides that itself.
fn lead(mut state: Value, onward: Option<&str>) -> Value {
    let Some(map) = state.as_object_mut() else { return state };
    match map.get("Type").and_then(Value::as_str) {
        Some("Succeed" | "Fail") => {}
        Some("Choice") => {
            if let Some(onward) = onward {
                // Its rules without a target, and its Default, go where the edge went.
                let rules = map.get_mut("Choices").and_then(Value::as_array_mut).into_iter().flatten();
                for rule in rules.filter_map(Value::as_object_mut).filter(|r| !r.contains_key("Next")) {
                    rule.insert("Next".into(), Value::String(onward.into()));
                }
                map.insert("Default".into(), Value::String(onward.into()));
            }
        }
        _ if map.contains_key("Next") || map.contains_key("End") => {}
        _ => match onward {
            Some(onward) => {
                map.insert("Next".into(), Value::String(onward.into()));
            }
            None => {
                map.insert("End".into(), Value::Bool(true));
            }
        },
    }
    state
}

/// Every edge of `scope` that names state `name`.
fn references(machine: &Value, scope: &str, name: &str) -> Vec<Edge> {
    let mut found = Vec::new();
    let names = |v: Option<&Value>| v.and_then(Value::as_str) == Some(name);
    if names(machine.pointer(&format!("{scope}/StartAt"))) {
        found.push(Edge::Start);
    }
    let Some(Value::Object(states)) = machine.pointer(&format!("{scope}/States")) else { return found };
    for (from, body) in states {
        if names(body.get("Next")) {
            found.push(Edge::Next(from.clone()));
        }
        if names(body.get("Default")) {
            found.push(Edge::Default(from.clone()));
        }
        for (list, edge) in [("Choices", Edge::Choice as fn(String, usize) -> Edge), ("Catch", Edge::Catch)] {
            let rules = body.get(list).and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
            for (i, rule) in rules.iter().enumerate() {
                if names(rule.get("Next")) {
                    found.push(edge(from.clone(), i));
                }
            }
        }
    }
    found
}

fn states<'d>(doc: &'d Document, scope: &str) -> Result<&'d serde_json::Map<String, Value>, EditError> {
    match doc.get(&format!("{scope}/States")) {
        Some(Value::Object(states)) => Ok(states),
        _ => Err(EditError::NotFound(format!("{scope}/States"))),
    }
}

fn known(doc: &Document, scope: &str, name: &str) -> Result<(), EditError> {
    if states(doc, scope)?.contains_key(name) { Ok(()) } else { Err(EditError::NoSuchState(name.to_string())) }
}

/// A new state's name: not empty, at most 80 characters, used by no state of the machine.
fn check_new_name(doc: &Document, name: &str) -> Result<(), EditError> {
    if name.trim().is_empty() {
        return Err(EditError::InvalidName("a state needs a name".into()));
    }
    if name.chars().count() > MAX_NAME {
        return Err(EditError::InvalidName(format!("a state's name has at most {MAX_NAME} characters")));
    }
    if all_names(doc.value()).iter().any(|n| n == name) {
        return Err(EditError::InvalidName(format!(
            "a state is already named '{name}': state names are unique in the whole state machine"
        )));
    }
    Ok(())
}

/// Every scope of the machine `machine` (its value): `""`, then each Parallel branch's and Map's
/// states, nested ones included, as pointers.
pub fn scopes(machine: &Value) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending = vec![String::new()];
    while let Some(scope) = pending.pop() {
        let Some(Value::Object(states)) = machine.pointer(&format!("{scope}/States")) else { continue };
        for (name, body) in states {
            let at = state(&scope, name);
            let branches = body.get("Branches").and_then(Value::as_array).map_or(0, Vec::len);
            pending.extend((0..branches).map(|i| format!("{at}/Branches/{i}")));
            pending.extend(
                ["ItemProcessor", "Iterator"].iter().filter(|k| body.get(**k).is_some()).map(|k| format!("{at}/{k}")),
            );
        }
        found.push(scope);
    }
    found
}

/// The scope that holds state `name` (names are unique in the whole machine).
pub fn scope_of(machine: &Value, name: &str) -> Option<String> {
    scopes(machine).into_iter().find(|scope| machine.pointer(&state(scope, name)).is_some())
}

/// The name of every state of the machine, nested branches and Map states included.
fn all_names(machine: &Value) -> Vec<String> {
    let mut names = Vec::new();
    let mut scopes = vec![machine];
    while let Some(scope) = scopes.pop() {
        let Some(Value::Object(states)) = scope.get("States") else { continue };
        for (name, body) in states {
            names.push(name.clone());
            scopes.extend(body.get("Branches").and_then(Value::as_array).into_iter().flatten());
            scopes.extend(["ItemProcessor", "Iterator"].iter().filter_map(|k| body.get(*k)));
        }
    }
    names
}
