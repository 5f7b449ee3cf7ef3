//! MockConfigFile: the mock format of AWS Step Functions Local (also read by LocalStack), so
//! people can bring the mock files they already have.
//!
//! ```json
//! {"StateMachines": {"MyMachine": {"TestCases": {"HappyPath": {"Pay": "PaySucceeds"}}}},
//!  "MockedResponses": {"PaySucceeds": {"0": {"Return": {...}}, "1-2": {"Throw": {"Error": "E", "Cause": "C"}}}}}
//! ```
//!
//! A response list's keys are the 0-based invocation numbers of the state within the
//! execution (retries and Map iterations included), single (`"0"`) or as ranges (`"1-3"`).

use std::collections::HashMap;

use serde_json::Value;

use crate::exec::TaskAnswer;

#[derive(Clone, Debug, Default)]
pub struct MockConfig {
    /// State machine name → test case name → state name → response name.
    machines: HashMap<String, HashMap<String, HashMap<String, String>>>,
    responses: HashMap<String, Vec<(u64, u64, TaskAnswer)>>,
}

/// One test case answering an execution's tasks as they come: each state's invocations are
/// counted (retries and Map iterations included), and each is answered by the response for its
/// number. The command's `--mock-config` and the playground's MockConfigFile tab both use it.
#[derive(Clone, Debug)]
pub struct CaseAnswers {
    config: MockConfig,
    machine: String,
    case: String,
    invocations: HashMap<String, u64>,
}

impl CaseAnswers {
    /// The test case `case` of `machine` (see [`MockConfig::test_case`]), refused when the
    /// config has no such case.
    pub fn new(config: MockConfig, machine: &str, case: &str) -> Result<CaseAnswers, String> {
        config.test_case(machine, case)?;
        Ok(CaseAnswers { config, machine: machine.to_string(), case: case.to_string(), invocations: HashMap::new() })
    }

    /// Counts one more invocation of `state`, and answers it: `None` when the test case does
    /// not mock the state, a `Mock.MissingResponse` failure when it has no response for that
    /// invocation's number.
    pub fn answer(&mut self, state: &str) -> Option<TaskAnswer> {
        let n = self.invocations.entry(state.to_string()).or_insert(0);
        let index = *n;
        *n += 1;
        let case = self.config.test_case(&self.machine, &self.case).ok()?;
        if !case.mocks(state) {
            return None;
        }
        Some(
            case.answer(state, index)
                .unwrap_or_else(|e| TaskAnswer::Failed { error: "Mock.MissingResponse".into(), cause: Some(e) }),
        )
    }
}

/// One test case: which response list each state replays.
#[derive(Clone, Debug)]
pub struct TestCase<'a> {
    config: &'a MockConfig,
    states: &'a HashMap<String, String>,
}

impl MockConfig {
    /// Reads a MockConfigFile, saying what is wrong and where when it is not one.
    pub fn from_value(v: &Value) -> Result<MockConfig, String> {
        let root = v.as_object().ok_or("a MockConfigFile must be a JSON object")?;
        let mut config = MockConfig::default();
        let machines =
            root.get("StateMachines").and_then(Value::as_object).ok_or("missing the object StateMachines")?;
        for (sm, body) in machines {
            let cases = body
                .get("TestCases")
                .and_then(Value::as_object)
                .ok_or_else(|| format!("StateMachines.{sm}: missing the object TestCases"))?;
            let mut by_case = HashMap::new();
            for (case, states) in cases {
                let states = states
                    .as_object()
                    .ok_or_else(|| format!("StateMachines.{sm}.TestCases.{case} must be an object"))?;
                let mut map = HashMap::new();
                for (state, response) in states {
                    let response = response.as_str().ok_or_else(|| {
                        format!("StateMachines.{sm}.TestCases.{case}.{state} must name a mocked response")
                    })?;
                    map.insert(state.clone(), response.to_string());
                }
                by_case.insert(case.clone(), map);
            }
            config.machines.insert(sm.clone(), by_case);
        }
        if let Some(responses) = root.get("MockedResponses") {
            let responses = responses.as_object().ok_or("MockedResponses must be an object")?;
            for (name, entries) in responses {
                let entries = entries.as_object().ok_or_else(|| format!("MockedResponses.{name} must be an object"))?;
                let mut list = Vec::new();
                for (key, entry) in entries {
                    let (from, to) = parse_range(key).ok_or_else(|| {
                        format!(
                            "MockedResponses.{name}: '{key}' is not an invocation number or range like \"0\" or \"1-3\""
                        )
                    })?;
                    list.push((
                        from,
                        to,
                        parse_entry(entry).map_err(|e| format!("MockedResponses.{name}.{key}: {e}"))?,
                    ));
                }
                list.sort_by_key(|(from, _, _)| *from);
                config.responses.insert(name.clone(), list);
            }
        }
        Ok(config)
    }

    /// Every test case, as (state machine, test case), sorted.
    pub fn cases(&self) -> Vec<(&str, &str)> {
        let mut all: Vec<(&str, &str)> =
            self.machines.iter().flat_map(|(m, cases)| cases.keys().map(move |c| (m.as_str(), c.as_str()))).collect();
        all.sort();
        all
    }

    /// The test case `case` for the state machine `machine` (or for the only state machine in
    /// the file, whatever its name).
    pub fn test_case(&self, machine: &str, case: &str) -> Result<TestCase<'_>, String> {
        let cases = match self.machines.get(machine) {
            Some(c) => c,
            None if self.machines.len() == 1 => self.machines.values().next().ok_or("no state machines")?,
            None => {
                let mut names: Vec<&str> = self.machines.keys().map(String::as_str).collect();
                names.sort();
                return Err(format!("the mock config has no state machine '{machine}' (it has: {})", names.join(", ")));
            }
        };
        let states = cases.get(case).ok_or_else(|| {
            let mut names: Vec<&str> = cases.keys().map(String::as_str).collect();
            names.sort();
            format!("the mock config has no test case '{case}' (it has: {})", names.join(", "))
        })?;
        Ok(TestCase { config: self, states })
    }
}

impl TestCase<'_> {
    /// Whether the test case mocks `state`.
    pub fn mocks(&self, state: &str) -> bool {
        self.states.contains_key(state)
    }

    /// The answer for invocation number `n` (0-based) of `state`.
    pub fn answer(&self, state: &str, n: u64) -> Result<TaskAnswer, String> {
        let name = self.states.get(state).ok_or_else(|| format!("the test case does not mock the state '{state}'"))?;
        let list =
            self.config.responses.get(name).ok_or_else(|| format!("the mocked response '{name}' is not defined"))?;
        list.iter()
            .find(|(from, to, _)| (*from..=*to).contains(&n))
            .map(|(_, _, a)| a.clone())
            .ok_or_else(|| format!("the mocked response '{name}' has no entry for invocation {n} of '{state}'"))
    }
}

fn parse_range(key: &str) -> Option<(u64, u64)> {
    match key.split_once('-') {
        Some((a, b)) => {
            let (a, b) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
            (a <= b).then_some((a, b))
        }
        None => key.trim().parse().ok().map(|n| (n, n)),
    }
}

fn parse_entry(entry: &Value) -> Result<TaskAnswer, String> {
    let obj = entry.as_object().ok_or("an entry must be an object with Return or Throw")?;
    if let Some(v) = obj.get("Return") {
        return Ok(TaskAnswer::Succeeded(v.clone()));
    }
    if let Some(t) = obj.get("Throw") {
        // A failure may carry a cause and no error name, as AWS records some task failures.
        let error = match t.get("Error") {
            None | Some(Value::Null) => "",
            Some(Value::String(e)) => e,
            Some(_) => return Err("Throw's Error must be a string".into()),
        };
        if error.is_empty() && t.get("Cause").is_none_or(Value::is_null) {
            return Err("Throw needs an Error or a Cause".into());
        }
        let cause = t.get("Cause").map(|c| match c {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        });
        return Ok(TaskAnswer::Failed { error: error.to_string(), cause });
    }
    Err("an entry needs Return or Throw".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn replays_by_invocation_number() {
        let config = MockConfig::from_value(&json!({
            "StateMachines": {"M": {"TestCases": {"T": {"Pay": "R"}}}},
            "MockedResponses": {"R": {"0": {"Throw": {"Error": "E", "Cause": "C"}}, "1-2": {"Return": {"ok": true}}}}
        }))
        .unwrap();
        let case = config.test_case("Other", "T").unwrap();
        assert_eq!(case.answer("Pay", 0).unwrap(), TaskAnswer::Failed { error: "E".into(), cause: Some("C".into()) });
        assert_eq!(case.answer("Pay", 2).unwrap(), TaskAnswer::Succeeded(json!({"ok": true})));
        assert!(case.answer("Pay", 3).is_err());
        assert!(config.test_case("M", "Nope").is_err());
    }

    #[test]
    fn a_throw_may_carry_only_a_cause_but_not_nothing() {
        let config = |throw: Value| {
            MockConfig::from_value(&json!({
                "StateMachines": {"M": {"TestCases": {"T": {"Pay": "R"}}}},
                "MockedResponses": {"R": {"0": {"Throw": throw}}}
            }))
        };
        let c = config(json!({"Cause": "no name"})).unwrap();
        let answer = c.test_case("M", "T").unwrap().answer("Pay", 0).unwrap();
        assert_eq!(answer, TaskAnswer::Failed { error: String::new(), cause: Some("no name".into()) });
        assert!(config(json!({})).is_err());
        assert!(config(json!({"Error": 7})).is_err());
    }
}
