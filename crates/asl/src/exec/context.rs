//! The context object (`$$`): facts about the execution, the state machine, the current state,
//! a callback task's token and the current Map item.

use serde_json::{Map, Value, json};

use super::options::{ExecutionType, Options};
use crate::rng::Rng;
use crate::timestamp::format_millis;

/// The parts of the context object that do not change during an execution.
#[derive(Clone, Debug)]
pub struct ExecutionContext {
    /// `$$.Execution`.
    pub execution: Value,
    /// `$$.StateMachine`.
    pub state_machine: Value,
    /// The whole `$$` when the host gave it ([`Options::context_object`]).
    pub given: Option<Value>,
}

impl ExecutionContext {
    pub fn new(options: &Options, input: &Value) -> Self {
        let partition = "aws";
        let sm_name = options.state_machine_name.as_str();
        let exec_name = options
            .execution_name
            .clone()
            .unwrap_or_else(|| Rng::from_seed(options.seed ^ 0x6578_6563_6e61_6d65).uuid_v4());
        let (region, account) = (options.region.as_str(), options.account.as_str());
        // The execution's ARN shares the state machine ARN's partition, region and account,
        // also when the host names the state machine by its own ARN.
        let sm_arn = options
            .context_overrides
            .as_ref()
            .and_then(|o| o.pointer("/StateMachine/Id"))
            .and_then(Value::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| format!("arn:{partition}:states:{region}:{account}:stateMachine:{sm_name}"));
        let arn_prefix = sm_arn.split(":stateMachine:").next().unwrap_or_default().to_string();
        let exec_arn = match options.execution_type {
            ExecutionType::Standard => format!("{arn_prefix}:execution:{sm_name}:{exec_name}"),
            ExecutionType::Express => {
                let run = Rng::from_seed(options.seed ^ 0x7275_6e69_6421).uuid_v4();
                format!("{arn_prefix}:express:{sm_name}:{exec_name}:{run}")
            }
        };
        let role = options
            .role_arn
            .clone()
            .unwrap_or_else(|| format!("arn:{partition}:iam::{account}:role/StepFunctions-{sm_name}-role"));
        let mut execution = json!({
            "Id": exec_arn,
            "Input": input,
            "StartTime": format_millis(options.start_time),
            "Name": exec_name,
            "RoleArn": role,
        });
        // Only standard executions can be redriven.
        if options.execution_type == ExecutionType::Standard {
            execution["RedriveCount"] = Value::from(0);
        }
        let mut state_machine = json!({ "Id": sm_arn, "Name": sm_name });
        if let Some(Value::Object(o)) = &options.context_overrides {
            if let Some(Value::Object(e)) = o.get("Execution") {
                merge(&mut execution, e);
            }
            if let Some(Value::Object(s)) = o.get("StateMachine") {
                merge(&mut state_machine, s);
            }
        }
        ExecutionContext { execution, state_machine, given: options.context_object.clone() }
    }

    pub fn execution_arn(&self) -> &str {
        self.execution.get("Id").and_then(Value::as_str).unwrap_or("")
    }

    pub fn state_machine_arn(&self) -> &str {
        self.state_machine.get("Id").and_then(Value::as_str).unwrap_or("")
    }

    pub fn role_arn(&self) -> &str {
        self.execution.get("RoleArn").and_then(Value::as_str).unwrap_or("")
    }

    pub fn execution_name(&self) -> &str {
        self.execution.get("Name").and_then(Value::as_str).unwrap_or("")
    }
}

fn merge(target: &mut Value, overrides: &Map<String, Value>) {
    if let Value::Object(t) = target {
        for (k, v) in overrides {
            t.insert(k.clone(), v.clone());
        }
    }
}

/// The parts of the context object that belong to the state being executed.
#[derive(Clone, Copy, Debug)]
pub struct StateContext<'a> {
    pub name: &'a str,
    pub entered_time: i64,
    /// Present for states that can retry (Task, Parallel, Map).
    pub retry_count: Option<u64>,
    pub task_token: Option<&'a str>,
    pub map_item: Option<(usize, &'a Value)>,
}

impl StateContext<'_> {
    /// `$$.State`.
    pub fn state_value(&self) -> Value {
        let mut m = Map::with_capacity(3);
        m.insert("Name".into(), Value::String(self.name.to_string()));
        m.insert("EnteredTime".into(), Value::String(format_millis(self.entered_time)));
        if let Some(r) = self.retry_count {
            m.insert("RetryCount".into(), Value::from(r));
        }
        Value::Object(m)
    }

    /// `$$.Task`, when the state has a task token.
    pub fn task_value(&self) -> Option<Value> {
        self.task_token.map(|t| json!({ "Token": t }))
    }

    /// `$$.Map`, inside a Map's ItemSelector.
    pub fn map_value(&self) -> Option<Value> {
        self.map_item.map(|(i, v)| json!({ "Item": { "Index": i, "Value": v } }))
    }

    /// The whole context object.
    pub fn whole(&self, exec: &ExecutionContext) -> Value {
        if let Some(given) = &exec.given {
            return given.clone();
        }
        let mut m = Map::with_capacity(5);
        m.insert("Execution".into(), exec.execution.clone());
        m.insert("StateMachine".into(), exec.state_machine.clone());
        m.insert("State".into(), self.state_value());
        if let Some(t) = self.task_value() {
            m.insert("Task".into(), t);
        }
        if let Some(mv) = self.map_value() {
            m.insert("Map".into(), mv);
        }
        Value::Object(m)
    }
}
