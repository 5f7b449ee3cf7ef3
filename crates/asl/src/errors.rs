//! Runtime errors as AWS names them, and the error value that travels through Retry and Catch.

use serde::Serialize;

pub const ALL: &str = "States.ALL";
pub const RUNTIME: &str = "States.Runtime";
pub const TASK_FAILED: &str = "States.TaskFailed";
pub const TIMEOUT: &str = "States.Timeout";
pub const HEARTBEAT_TIMEOUT: &str = "States.HeartbeatTimeout";
pub const PARAMETER_PATH_FAILURE: &str = "States.ParameterPathFailure";
pub const RESULT_PATH_MATCH_FAILURE: &str = "States.ResultPathMatchFailure";
pub const INTRINSIC_FAILURE: &str = "States.IntrinsicFailure";
pub const BRANCH_FAILED: &str = "States.BranchFailed";
pub const NO_CHOICE_MATCHED: &str = "States.NoChoiceMatched";
pub const DATA_LIMIT_EXCEEDED: &str = "States.DataLimitExceeded";
pub const EXCEED_TOLERATED_FAILURE_THRESHOLD: &str = "States.ExceedToleratedFailureThreshold";
pub const ITEM_READER_FAILED: &str = "States.ItemReaderFailed";
pub const RESULT_WRITER_FAILED: &str = "States.ResultWriterFailed";
pub const PERMISSIONS: &str = "States.Permissions";
pub const QUERY_EVALUATION_ERROR: &str = "States.QueryEvaluationError";

/// An error raised while executing a state: the name that Retry and Catch match on, and the
/// human-readable cause (absent when, for example, a Fail state names no cause).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Failure {
    pub error: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cause: Option<String>,
    /// Raised by the interpreter itself as an error no Retry or Catch may handle
    /// (`States.Runtime`, and `States.DataLimitExceeded` for a state's own output). The same
    /// names reported by a task are handled like any task error, as AWS does.
    #[serde(skip)]
    pub terminal: bool,
    /// A task that missed its HeartbeatSeconds: AWS reports it as `States.Timeout`, and a
    /// Retry or Catch may single it out by naming `States.HeartbeatTimeout`.
    #[serde(skip)]
    pub heartbeat: bool,
    /// A task Step Functions timed out itself (its TimeoutSeconds or HeartbeatSeconds ran
    /// out): the events name no cause, but a catcher's error output has `"Cause": ""`.
    #[serde(skip)]
    pub timed_out: bool,
}

impl Failure {
    pub fn new(error: impl Into<String>, cause: impl Into<String>) -> Self {
        Failure { error: error.into(), cause: Some(cause.into()), terminal: false, heartbeat: false, timed_out: false }
    }

    /// An error without a cause.
    pub fn bare(error: impl Into<String>) -> Self {
        Failure { error: error.into(), cause: None, terminal: false, heartbeat: false, timed_out: false }
    }

    /// A task that ran past its TimeoutSeconds (see [`Failure::timed_out`]).
    pub fn task_timeout() -> Self {
        Failure { timed_out: true, ..Failure::bare(TIMEOUT) }
    }

    /// A missed heartbeat (see [`Failure::heartbeat`]).
    pub fn heartbeat_timeout() -> Self {
        Failure { heartbeat: true, ..Failure::task_timeout() }
    }

    /// An error the execution cannot handle (see [`Failure::terminal`]).
    pub fn terminal(error: impl Into<String>, cause: impl Into<String>) -> Self {
        Failure { terminal: true, ..Failure::new(error, cause) }
    }

    pub fn runtime(cause: impl Into<String>) -> Self {
        Failure::terminal(RUNTIME, cause)
    }

    /// Errors that `States.ALL` does not catch (and Retry does not retry): AWS treats them as
    /// terminal for the execution.
    pub fn is_terminal(&self) -> bool {
        self.terminal
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.cause {
            Some(cause) => write!(f, "{}: {}", self.error, cause),
            None => f.write_str(&self.error),
        }
    }
}
