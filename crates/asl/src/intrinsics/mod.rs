//! Intrinsic functions (`States.Format(...)` and the other seventeen), as they appear in
//! payload templates (`"key.$": "States.Format('{}', $.name)"`), in `Assign`, and in
//! `ResultSelector`/`ItemSelector`.
//!
//! CONTRACT (implemented in this module's files):
//!
//! ```ignore
//! pub fn is_intrinsic(text: &str) -> bool;              // starts like `States.Name(`
//! pub fn parse(text: &str) -> Result<Call, IntrinsicSyntaxError>;
//! impl Call { pub fn eval(&self, env: &mut dyn Env) -> Result<Value, Failure>; }
//! ```
//!
//! - `parse` checks what can be checked without data: the function name is one of the 18, the
//!   argument count is allowed for it, literal argument types are right where the function
//!   fixes them, string literals use AWS's escapes (`\'`, `\{`, `\}`, `\\`), nesting is at most
//!   10 calls deep, path arguments parse as [`crate::path::Path`].
//! - `eval` evaluates arguments left to right (paths through [`Env::resolve`], nested calls
//!   recursively) and fails as AWS fails: `States.IntrinsicFailure` (or the error AWS gives)
//!   with AWS's cause text.
//! - Randomness (`States.UUID`, `States.MathRandom` without a seed) comes from [`Env::rng`]
//!   only; `States.MathRandom` with a seed argument is deterministic for that seed.

mod array;
mod encoding;
mod eval;
mod format;
mod functions;
mod java_random;
mod java_text;
mod json_manipulation;
mod math;
mod parse;
mod string_ops;

#[cfg(test)]
mod recorded_cases;
#[cfg(test)]
mod test_env;

pub use functions::{Arity, Function, HASH_ALGORITHMS, Kind};
pub use parse::{Arg, Call, IntrinsicSyntaxError, MAX_NESTING, is_intrinsic, parse};

use crate::errors::Failure;
use crate::path::Path;
use crate::rng::Rng;
use serde_json::Value;

/// What an intrinsic call can reach while it is evaluated.
pub trait Env {
    /// The value of a path argument (`$.a`, `$$.Execution.Id`, `$var`), or the failure AWS
    /// raises when it cannot be resolved.
    fn resolve(&mut self, path: &Path) -> Result<Value, Failure>;
    /// The execution's seeded random number generator.
    fn rng(&mut self) -> &mut Rng;
}
