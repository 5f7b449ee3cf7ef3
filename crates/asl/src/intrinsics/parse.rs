//! Intrinsic call text to a [`Call`] tree.

use serde_json::Value;

use crate::path::Path;

/// The eighteen intrinsic functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Function {}

/// One argument of a call.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Literal(Value),
    Path(Path),
    Call(Box<Call>),
}

/// A parsed intrinsic call.
#[derive(Clone, Debug, PartialEq)]
pub struct Call {
    pub function: Function,
    pub args: Vec<Arg>,
}

/// Why a text is not a valid intrinsic call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntrinsicSyntaxError {
    pub message: String,
}

pub fn is_intrinsic(text: &str) -> bool {
    text.starts_with("States.")
}

pub fn parse(_text: &str) -> Result<Call, IntrinsicSyntaxError> {
    todo!("intrinsic parser")
}
