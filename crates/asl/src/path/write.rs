//! Writing a value through a reference path (ResultPath).

use serde_json::Value;

use super::Path;

/// Why a value cannot be written at a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathWriteError {
    pub message: String,
}

impl Path {
    pub fn write(&self, _target: Value, _value: Value) -> Result<Value, PathWriteError> {
        todo!("path write")
    }
}
