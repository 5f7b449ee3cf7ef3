//! Amazon States Language paths: the Jayway-flavoured JSONPath that AWS Step Functions accepts.
//!
//! CONTRACT (implemented in this module's files):
//!
//! ```ignore
//! impl Path {
//!     pub fn parse(text: &str) -> Result<Path, PathSyntaxError>;
//!     pub fn as_str(&self) -> &str;                // the text it was parsed from
//!     pub fn root(&self) -> &PathRoot;             // $, $$ or $name
//!     pub fn is_definite(&self) -> bool;           // no wildcard, slice, filter, deep scan, union
//!     pub fn is_reference_path(&self) -> bool;     // only names and single indexes (ASL spec)
//!     pub fn select<'v>(&self, root: &'v Value) -> Option<Cow<'v, Value>>;
//!     pub fn write(&self, target: Value, value: Value) -> Result<Value, PathWriteError>;
//! }
//! ```
//!
//! - Roots: `$` (the state's input), `$$` (the context object), `$name` (the variable `name`,
//!   a name as AWS allows for variables: letters, digits, `_`; not starting with a digit). The
//!   caller picks the root value from `root()`; `select` and `write` only walk the segments.
//! - Syntax accepted, as AWS documents and accepts it: `.name`, `['name']` and `["name"]`
//!   (also after a dot: `$.a.['b c']`), names with characters other than `.`/`[` in dot
//!   notation (AWS allows `$.a-b`, `$.a b`? follow AWS), `[0]`, `[-1]`, `[*]`, `.*`,
//!   `[start:end:step]` slices, `[0,2]` and `['a','b']` unions, `..name` deep scan,
//!   `[?(@.x > 1)]`/`[?(@.x == 'a')]`/`[?(@.x)]` filters with `&&`, `||`, comparison
//!   operators, and the `length()` style functions that Jayway has where AWS accepts them.
//! - `select`: a definite path gives `Some(value)` or `None` when something along the way is
//!   missing (missing key, index out of range, wrong type). An indefinite path always gives
//!   `Some(Value::Array(matches))`, possibly empty.
//! - `write` (ResultPath): requires a reference path rooted at `$`; returns `target` with
//!   `value` placed at the path, creating missing objects along the way; `$` replaces the whole
//!   target. Writing through a non-object (e.g. `$.a.b` where `a` is a string) or an array index
//!   that does not exist is a `PathWriteError` whose message AWS would give.

mod parse;
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

pub use parse::{PathSyntaxError, Segment};
pub use write::PathWriteError;

impl Path {
    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn root(&self) -> &PathRoot {
        &self.root
    }

    /// Selects from the value of this path's root (see the module docs).
    pub fn select<'v>(&self, root: &'v Value) -> Option<Cow<'v, Value>> {
        select::select(&self.segments, root, self.is_definite())
    }
}

impl Path {
    /// The path in Jayway's normalized bracket form (`$['a']['b'][0]`), as AWS quotes it in
    /// some error messages.
    pub fn normalized(&self) -> String {
        todo!("normalized path")
    }
}
