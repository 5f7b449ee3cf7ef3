//! What the host decides when it starts an execution: its type, names, clock, seed and limits.

use serde_json::Value;

use crate::s3::VirtualS3;

/// STANDARD or EXPRESS, as chosen when the state machine is created on AWS.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ExecutionType {
    #[default]
    Standard,
    Express,
}

/// AWS's quota on one standard execution's history.
pub const STANDARD_HISTORY_LIMIT: usize = 25_000;

#[derive(Clone, Debug)]
pub struct Options {
    pub execution_type: ExecutionType,
    /// Seeds States.UUID, States.MathRandom, retry jitter and task tokens.
    pub seed: u64,
    /// Virtual start time, milliseconds since the Unix epoch.
    pub start_time: i64,
    pub state_machine_name: String,
    /// `None` means a name derived from the seed, as AWS generates a UUID.
    pub execution_name: Option<String>,
    pub region: String,
    pub account: String,
    pub role_arn: Option<String>,
    /// A partial context object (`{"Execution": {"Name": ...}, "StateMachine": {...}}`) whose
    /// fields replace the ones the engine derives.
    pub context_overrides: Option<Value>,
    /// The whole context object (`$$`) every state sees, as given (TestState's `context`):
    /// nothing is derived or added to it.
    pub context_object: Option<Value>,
    /// Record each state visit's intermediate payloads (for the inspector).
    pub record_data_flow: bool,
    /// Overrides the history limit (STANDARD: 25,000 events; EXPRESS: none).
    pub max_history_events: Option<usize>,
    /// Enforce AWS's 256 KiB payload quota (States.DataLimitExceeded). On by default; the
    /// benchmark turns it off to time workloads whose results outgrow it.
    pub enforce_payload_limit: bool,
    /// The S3 the execution sees: Distributed Map readers and writers and S3 tasks no mock
    /// answers use it. `None`: there is no S3, and a state that needs it fails saying how to
    /// give one.
    pub s3: Option<VirtualS3>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            execution_type: ExecutionType::Standard,
            seed: 0,
            // 2026-01-01T00:00:00Z: a fixed default so that runs are reproducible.
            start_time: 1_767_225_600_000,
            state_machine_name: "StateMachine".to_string(),
            execution_name: None,
            region: "us-east-1".to_string(),
            account: "123456789012".to_string(),
            role_arn: None,
            context_overrides: None,
            context_object: None,
            record_data_flow: true,
            max_history_events: None,
            enforce_payload_limit: true,
            s3: None,
        }
    }
}

impl Options {
    pub fn history_limit(&self) -> Option<usize> {
        self.max_history_events.or(match self.execution_type {
            ExecutionType::Standard => Some(STANDARD_HISTORY_LIMIT),
            ExecutionType::Express => None,
        })
    }
}
