//! Evaluating paths, payload templates and intrinsic calls against one moment of an
//! execution: the context object `$$` and the variables in scope, with `$` given per call
//! (it changes along a state's data flow: effective input, task result, error output...).

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::context::{ExecutionContext, StateContext};
use super::vars::{ScopeId, Scopes};
use crate::errors::Failure;
use crate::intrinsics;
use crate::model::{Expr, Template, TemplateValue};
use crate::path::{Path, PathRoot};
use crate::rng::Rng;

/// Everything a path or template can read besides `$`.
pub(crate) struct Env<'a> {
    pub exec: &'a ExecutionContext,
    pub state: StateContext<'a>,
    pub vars: &'a Scopes,
    pub scope: ScopeId,
    pub rng: &'a mut Rng,
}

impl Env<'_> {
    /// The value a path selects when `$` is `dollar`, or `None` when it selects nothing.
    pub fn select<'v>(&'v self, path: &Path, dollar: &'v Value) -> Option<Cow<'v, Value>> {
        match path.root() {
            PathRoot::Input => path.select(dollar),
            PathRoot::Variable(name) => path.select(self.vars.get(self.scope, name)?),
            PathRoot::Context => {
                let whole = self.state.whole(self.exec);
                path.select(&whole).map(|v| Cow::Owned(v.into_owned()))
            }
        }
    }

    /// Evaluates the value of a `.$` field (`field` is its name, for messages).
    pub fn expr(&mut self, expr: &Expr, dollar: &Value, field: &str) -> Result<Value, Failure> {
        match expr {
            Expr::Path(p) => match self.select(p, dollar) {
                Some(v) => Ok(v.into_owned()),
                None => Err(self.not_found(p, dollar, field)),
            },
            Expr::Intrinsic(call) => call.eval(&mut WithDollar { env: self, dollar }),
        }
    }

    fn not_found(&self, path: &Path, dollar: &Value, field: &str) -> Failure {
        match path.root() {
            PathRoot::Variable(name) if self.vars.get(self.scope, name).is_none() => Failure::runtime(format!(
                "The variable '${name}' referenced by the path '{}' in the field '{field}' is not defined",
                path.as_str()
            )),
            // AWS quotes the document the path was applied to: the context object for `$$`,
            // the variable's value for `$name`.
            PathRoot::Context => not_found_in(path, &self.state.whole(self.exec), field),
            PathRoot::Variable(name) => not_found_in(path, self.vars.get(self.scope, name).unwrap_or(dollar), field),
            PathRoot::Input => not_found_in(path, dollar, field),
        }
    }

    /// Evaluates a payload template with `$` = `dollar`.
    pub fn template(&mut self, t: &Template, dollar: &Value) -> Result<Value, Failure> {
        match t {
            Template::Literal(v) => Ok(v.clone()),
            Template::Array(items) => {
                items.iter().map(|i| self.template(i, dollar)).collect::<Result<Vec<_>, _>>().map(Value::Array)
            }
            Template::Object(fields) => {
                let mut out = Map::with_capacity(fields.len());
                for f in fields {
                    let v = match &f.value {
                        TemplateValue::Static(t) => self.template(t, dollar)?,
                        TemplateValue::Expr(e) => self.expr(e, dollar, &f.source_key)?,
                    };
                    out.insert(f.key.clone(), v);
                }
                Ok(Value::Object(out))
            }
        }
    }
}

/// A payload template's path that selects nothing in `document`.
fn not_found_in(path: &Path, document: &Value, field: &str) -> Failure {
    Failure::runtime(format!(
        "The JSONPath '{}' specified for the field '{field}' could not be found in the input '{}'",
        path.as_str(),
        compact(document)
    ))
}

/// An [`Env`] with a fixed `$`, as intrinsic functions see it.
struct WithDollar<'e, 'a, 'v> {
    env: &'e mut Env<'a>,
    dollar: &'v Value,
}

impl intrinsics::Env for WithDollar<'_, '_, '_> {
    fn resolve(&mut self, path: &Path) -> Result<Value, Failure> {
        match self.env.select(path, self.dollar) {
            Some(v) => Ok(v.into_owned()),
            None => Err(self.env.not_found(path, self.dollar, path.as_str())),
        }
    }

    fn rng(&mut self) -> &mut Rng {
        self.env.rng
    }
}

/// A value read by a `*Path` field as AWS prints it in that field's error causes: a string
/// as it is, without quotes (`"NoNumber"` reads `NoNumber`), anything else as compact JSON.
pub(crate) fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => compact(other),
    }
}

/// Compact JSON text, as AWS quotes payloads in error causes.
pub(crate) fn compact(v: &Value) -> String {
    serde_json::to_string(v).unwrap_or_default()
}
