//! Amazon States Language paths: the Jayway-flavoured JSONPath that AWS Step Functions accepts.
//!
//! CONTRACT (implemented in this module's files):
//!
//! ```ignore
//! impl Path {
//!     pub fn parse(text: &str) -> Result<Path, PathSyntaxError>;
//!     pub fn as_str(&self) -> &str;                // the text it was parsed from
//!     pub fn root(&self) -> &PathRoot;             // $, $$ or $name
//!     pub fn segments(&self) -> &[Segment];        // what follows the root
//!     pub fn is_definite(&self) -> bool;           // no wildcard, slice, filter, deep scan, union
//!     pub fn is_reference_path(&self) -> bool;     // only names and single indexes (ASL spec)
//!     pub fn select<'v>(&self, root: &'v Value) -> Option<Cow<'v, Value>>;
//!     pub fn write(&self, target: Value, value: Value) -> Result<Value, PathWriteError>;
//!     pub fn write_in_place(&self, target: &mut Value, value: Value) -> Result<(), PathWriteError>;
//! }
//! ```
//!
//! - Roots: `$` (the state's input), `$$` (the context object), `$name` (the variable `name`:
//!   a letter or `_`, then letters, digits or `_`). The caller picks the root value from
//!   `root()`; `select` and `write` only walk the segments.
//! - Syntax, as Jayway reads it: `.name` (any characters but `.`, `[`, `(`, `)`, `]` and
//!   spaces, so `$.delivery-partner` works), `['name']`/`["name"]` (also after a dot:
//!   `$.a.['b c']`), `['a','b']`, `[0]`, `[-1]`, `[0,2]`, `[*]`, `.*`, `[start:end]`,
//!   `[start:]`, `[:end]` (no step: Jayway has none), `..name` and `..[0]`, filters
//!   `[?(@.x > 1 && @.y == 'a')]` with `==`, `!=`, `<`, `<=`, `>`, `>=`, `=~ /regex/i`, `in`,
//!   `nin`, `subsetof`, `anyof`, `noneof`, `contains`, `size`, `empty`, `$` for the whole
//!   document, and `.length()`-style functions at the end. A path may have at most 256
//!   segments in all (filters' paths included), so that evaluating it cannot exhaust the stack.
//! - `select`: a definite path gives `Some(value)` (borrowed) or `None` when something along
//!   the way is missing (missing key, index out of range, wrong type). Any other path gives
//!   `Some(Value::Array(matches))`, possibly empty, skipping what is missing. Exceptions, as
//!   AWS behaves: `['a','b']` as the last segment is definite and gives one object with those
//!   members (Jayway's merge); a path ending in a function gives `None` (AWS accepts
//!   `$.a.length()` but never finds a value there); filters only ever accept objects (AWS:
//!   "the @ operator ... does not match scalar values").
//! - `write` (ResultPath): requires a reference path rooted at `$`; returns `target` with
//!   `value` placed at the path, creating missing objects along the way and replacing existing
//!   members and array elements; `$` replaces the whole target. Writing through a non-object
//!   (`$.a.b` where `a` is a string) or at an array index that does not exist fails with AWS's
//!   cause, `Unable to apply ReferencePath $.a.b to input {"a":"x"}`. `write_in_place` leaves
//!   the target untouched when it fails.

#[cfg(test)]
mod allocation;
mod cursor;
mod filter;
mod filter_eval;
mod parse;
#[cfg(test)]
mod random_input;
#[cfg(test)]
mod recorded_paths;
mod regex;
mod select;
mod write;

use std::borrow::Cow;

use serde_json::Value;

/// A parsed path.
#[derive(Clone, Debug, PartialEq)]
pub struct Path {
    pub(crate) text: String,
    pub(crate) root: PathRoot,
    pub(crate) segments: Vec<Segment>,
    /// Decided once at parse time, since `select` asks on every call.
    pub(crate) definite: bool,
}

/// What a path starts from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathRoot {
    /// `$`: the state's (effective) input.
    Input,
    /// `$$`: the context object.
    Context,
    /// `$name`: a variable set by `Assign`.
    Variable(String),
}

pub use filter::{CompareOp, Filter, FilterPath, FilterRoot, Operand};
pub use parse::{PathSyntaxError, Segment};
pub use regex::Regex;
pub use write::PathWriteError;

impl Path {
    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn root(&self) -> &PathRoot {
        &self.root
    }

    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Selects from the value of this path's root (see the module docs).
    pub fn select<'v>(&self, root: &'v Value) -> Option<Cow<'v, Value>> {
        select::select(&self.segments, root, self.definite)
    }
}

impl std::fmt::Display for Path {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

impl Path {
    /// The path in Jayway's normalized bracket form (`$['a']['b'][0]`), as AWS quotes it in
    /// some error messages.
    pub fn normalized(&self) -> String {
        let mut out = match &self.root {
            PathRoot::Input => "$".to_string(),
            PathRoot::Context => "$$".to_string(),
            PathRoot::Variable(name) => format!("${name}"),
        };
        let quoted = |names: &[String]| names.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(",");
        for segment in &self.segments {
            match segment {
                Segment::Name(n) => out.push_str(&format!("['{n}']")),
                Segment::Names(ns) => out.push_str(&format!("[{}]", quoted(ns))),
                Segment::Index(i) => out.push_str(&format!("[{i}]")),
                Segment::Indexes(is) => {
                    out.push_str(&format!("[{}]", is.iter().map(i64::to_string).collect::<Vec<_>>().join(",")))
                }
                Segment::Slice { start, end } => {
                    let show = |b: &Option<i64>| b.map(|n| n.to_string()).unwrap_or_default();
                    out.push_str(&format!("[{}:{}]", show(start), show(end)));
                }
                Segment::Wildcard => out.push_str("[*]"),
                Segment::DeepScan => out.push_str(".."),
                Segment::Filter(_) => out.push_str("[?]"),
                Segment::Function { name, args } => out.push_str(&format!(".{name}({args})")),
            }
        }
        out
    }
}

impl Path {
    /// Why this path selects nothing in `root`, in the words of the JSONPath library AWS
    /// uses: `No results for path: $['a']['b']` when the last name is missing, `Missing
    /// property in path $['a']` when a name before it is.
    pub fn not_found(&self, root: &Value) -> String {
        let mut shown = match &self.root {
            PathRoot::Input => "$".to_string(),
            PathRoot::Context => "$$".to_string(),
            PathRoot::Variable(name) => format!("${name}"),
        };
        // Only `$` paths walk the value given; the others are reported whole.
        let mut at = matches!(self.root, PathRoot::Input).then_some(root);
        let last = self.segments.len().saturating_sub(1);
        for (i, segment) in self.segments.iter().enumerate() {
            let Segment::Name(name) = segment else { break };
            shown.push_str(&format!("['{name}']"));
            match at {
                Some(Value::Object(m)) => match m.get(name) {
                    Some(v) => at = Some(v),
                    None if i < last => return format!("Missing property in path {shown}"),
                    None => break,
                },
                _ => break,
            }
        }
        format!("No results for path: {}", self.normalized())
    }
}

#[cfg(test)]
mod not_found_tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_the_first_missing_property_or_the_whole_path() {
        let p = |s: &str| Path::parse(s).unwrap();
        let doc = json!({"a": {"b": 1}});
        assert_eq!(p("$.x").not_found(&doc), "No results for path: $['x']");
        assert_eq!(p("$.a.c").not_found(&doc), "No results for path: $['a']['c']");
        assert_eq!(p("$.no.such.path").not_found(&doc), "Missing property in path $['no']");
        assert_eq!(p("$.a.x.y").not_found(&doc), "Missing property in path $['a']['x']");
        assert_eq!(p("$.a.b.c").not_found(&doc), "No results for path: $['a']['b']['c']");
    }
}
