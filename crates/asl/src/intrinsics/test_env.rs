//! A test [`Env`]: paths resolve against a given input, context object and variables; the
//! random generator is seeded. Shared by this module's tests.

use std::collections::HashMap;

use serde_json::Value;

use super::{Env, parse};
use crate::errors::Failure;
use crate::path::{Path, PathRoot};
use crate::rng::Rng;

pub struct TestEnv {
    pub input: Value,
    pub context: Value,
    pub variables: HashMap<String, Value>,
    pub rng: Rng,
}

impl TestEnv {
    pub fn new(input: Value) -> Self {
        TestEnv { input, context: Value::Null, variables: HashMap::new(), rng: Rng::from_seed(1) }
    }

    pub fn with_context(mut self, context: Value) -> Self {
        self.context = context;
        self
    }

    pub fn with_variables(mut self, variables: Value) -> Self {
        if let Value::Object(members) = variables {
            self.variables = members.into_iter().collect();
        }
        self
    }

    /// Parses and evaluates `text`; a syntax error panics (the tests that want one call
    /// `parse` themselves).
    pub fn eval(&mut self, text: &str) -> Result<Value, Failure> {
        match parse(text) {
            Ok(call) => call.eval(self),
            Err(error) => panic!("{text}: syntax error: {}", error.message),
        }
    }
}

impl Env for TestEnv {
    fn resolve(&mut self, path: &Path) -> Result<Value, Failure> {
        let root = match path.root() {
            PathRoot::Input => Some(&self.input),
            PathRoot::Context => Some(&self.context),
            PathRoot::Variable(name) => self.variables.get(name),
        };
        root.and_then(|root| path.select(root))
            .map(|value| value.into_owned())
            .ok_or_else(|| Failure::runtime(format!("The JsonPath argument '{}' could not be found", path.as_str())))
    }

    fn rng(&mut self) -> &mut Rng {
        &mut self.rng
    }
}

/// Evaluates a call without paths against an empty input.
pub fn eval(text: &str) -> Result<Value, Failure> {
    TestEnv::new(Value::Null).eval(text)
}

/// The cause of a failed evaluation, for assertions.
pub fn cause(text: &str) -> String {
    match eval(text) {
        Ok(value) => panic!("{text}: expected a failure, got {value}"),
        Err(failure) => {
            assert_eq!(failure.error, crate::errors::INTRINSIC_FAILURE, "{text}");
            failure.cause.unwrap_or_default()
        }
    }
}
