//! The JSONPath data-flow fields: InputPath, OutputPath and ResultPath, with AWS's errors.
//! (Parameters, ResultSelector and Assign are payload templates, evaluated by [`super::eval`].)

use std::sync::Arc;

use serde_json::{Map, Value};

use super::Data;

use super::eval::Env;
use crate::errors::{Failure, RESULT_PATH_MATCH_FAILURE};
use crate::model::{IoPath, ResultPath};

/// Applies `InputPath` or `OutputPath` to `dollar`. `None` means `$`: the caller keeps its
/// value as it is, without a copy.
pub(super) fn select_io(env: &Env, dollar: &Value, path: &Option<IoPath>) -> Result<Option<Value>, Failure> {
    match path {
        None => Ok(None),
        Some(IoPath::Null) => Ok(Some(Value::Object(Map::new()))),
        Some(IoPath::Path(p)) => match env.select(p, dollar) {
            Some(v) => Ok(Some(v.into_owned())),
            None => Err(Failure::runtime(format!("Invalid path '{}' : {}", p.as_str(), p.not_found(dollar)))),
        },
    }
}

/// Combines a state's raw input with its result as `ResultPath` says.
pub(super) fn apply_result_path(raw_input: &Data, result: Data, path: &Option<ResultPath>) -> Result<Data, Failure> {
    match path {
        None => Ok(result),
        Some(ResultPath::Null) => Ok(Arc::clone(raw_input)),
        Some(ResultPath::Path(p)) => p
            .write(Value::clone(raw_input), Arc::unwrap_or_clone(result))
            .map(Arc::new)
            .map_err(|e| Failure::new(RESULT_PATH_MATCH_FAILURE, e.message)),
    }
}
