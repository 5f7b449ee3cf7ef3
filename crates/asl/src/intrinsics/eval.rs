//! Evaluating a [`super::Call`].

use serde_json::Value;

use super::{Call, Env};
use crate::errors::Failure;

impl Call {
    pub fn eval(&self, _env: &mut dyn Env) -> Result<Value, Failure> {
        todo!("intrinsic evaluation")
    }
}
