//! The states design mode offers: flow states and the common service integrations, each in
//! the forms AWS has (request-response, `.sync`, `.waitForTaskToken`), written for the
//! machine's query language (JSONPath's Parameters and `.$` paths, or JSONata's Arguments and
//! `{% %}` expressions). A template becomes a state with [`Template::instantiate`], which names
//! it and any states it holds (a Parallel's branch, a Map's body) so that no name is used twice.

use serde_json::{Value, json};

use super::EditError;
use super::states::unique_name;

/// One entry of the palette.
#[derive(Clone, Debug, PartialEq)]
pub struct Template {
    /// Stable id (for tests and the page): `pass`, `lambda-invoke-wait`...
    pub id: &'static str,
    /// `Flow` or the service's name.
    pub group: &'static str,
    /// What the palette shows, also the new state's name.
    pub label: &'static str,
    /// The integration's form, for actions: "request-response", ".sync", ".waitForTaskToken".
    pub form: Option<&'static str>,
    /// The Task's resource, for actions.
    pub resource: Option<&'static str>,
}

/// Which query language a machine's states use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    JsonPath,
    Jsonata,
}

impl Language {
    /// A state's: its own `QueryLanguage`, or else the machine's.
    pub fn of_state(machine: &Value, state: &Value) -> Language {
        match state.get("QueryLanguage").and_then(Value::as_str) {
            Some("JSONata") => Language::Jsonata,
            Some(_) => Language::JsonPath,
            None => Language::of(machine),
        }
    }

    /// The machine's (its top-level `QueryLanguage`; JSONPath when it has none).
    pub fn of(machine: &Value) -> Language {
        match machine.get("QueryLanguage").and_then(Value::as_str) {
            Some("JSONata") => Language::Jsonata,
            _ => Language::JsonPath,
        }
    }
}

const FLOW: &str = "Flow";

const fn flow(id: &'static str, label: &'static str) -> Template {
    Template { id, group: FLOW, label, form: None, resource: None }
}

const fn action(
    id: &'static str,
    group: &'static str,
    label: &'static str,
    form: &'static str,
    resource: &'static str,
) -> Template {
    Template { id, group, label, form: Some(form), resource: Some(resource) }
}

const RR: &str = "request-response";
const SYNC: &str = ".sync";
const WAIT: &str = ".waitForTaskToken";

/// Every template, in the palette's order.
pub const TEMPLATES: &[Template] = &[
    flow("pass", "Pass"),
    flow("choice", "Choice"),
    flow("wait", "Wait"),
    flow("parallel", "Parallel"),
    flow("map", "Map"),
    flow("distributed-map", "Distributed Map"),
    flow("succeed", "Succeed"),
    flow("fail", "Fail"),
    action("lambda-invoke", "AWS Lambda", "Lambda Invoke", RR, "arn:aws:states:::lambda:invoke"),
    action(
        "lambda-invoke-wait",
        "AWS Lambda",
        "Lambda Invoke (wait for callback)",
        WAIT,
        "arn:aws:states:::lambda:invoke.waitForTaskToken",
    ),
    action("dynamodb-getitem", "Amazon DynamoDB", "DynamoDB GetItem", RR, "arn:aws:states:::dynamodb:getItem"),
    action("dynamodb-putitem", "Amazon DynamoDB", "DynamoDB PutItem", RR, "arn:aws:states:::dynamodb:putItem"),
    action("dynamodb-updateitem", "Amazon DynamoDB", "DynamoDB UpdateItem", RR, "arn:aws:states:::dynamodb:updateItem"),
    action("sqs-sendmessage", "Amazon SQS", "SQS SendMessage", RR, "arn:aws:states:::sqs:sendMessage"),
    action(
        "sqs-sendmessage-wait",
        "Amazon SQS",
        "SQS SendMessage (wait for callback)",
        WAIT,
        "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
    ),
    action("sns-publish", "Amazon SNS", "SNS Publish", RR, "arn:aws:states:::sns:publish"),
    action(
        "sns-publish-wait",
        "Amazon SNS",
        "SNS Publish (wait for callback)",
        WAIT,
        "arn:aws:states:::sns:publish.waitForTaskToken",
    ),
    action(
        "eventbridge-putevents",
        "Amazon EventBridge",
        "EventBridge PutEvents",
        RR,
        "arn:aws:states:::events:putEvents",
    ),
    action(
        "eventbridge-putevents-wait",
        "Amazon EventBridge",
        "EventBridge PutEvents (wait for callback)",
        WAIT,
        "arn:aws:states:::events:putEvents.waitForTaskToken",
    ),
    action("s3-getobject", "Amazon S3", "S3 GetObject", RR, "arn:aws:states:::aws-sdk:s3:getObject"),
    action("s3-putobject", "Amazon S3", "S3 PutObject", RR, "arn:aws:states:::aws-sdk:s3:putObject"),
    action("sfn-startexecution", "AWS Step Functions", "StartExecution", RR, "arn:aws:states:::states:startExecution"),
    action(
        "sfn-startexecution-sync",
        "AWS Step Functions",
        "StartExecution (run a job)",
        SYNC,
        "arn:aws:states:::states:startExecution.sync:2",
    ),
    action(
        "sfn-startexecution-wait",
        "AWS Step Functions",
        "StartExecution (wait for callback)",
        WAIT,
        "arn:aws:states:::states:startExecution.waitForTaskToken",
    ),
];

/// The templates whose label, group or form holds every word of `query` (any case).
pub fn search(query: &str) -> Vec<&'static Template> {
    let words: Vec<String> = query.split_whitespace().map(str::to_ascii_lowercase).collect();
    TEMPLATES
        .iter()
        .filter(|t| {
            let hay = format!("{} {} {} {}", t.label, t.group, t.form.unwrap_or(""), t.resource.unwrap_or(""))
                .to_ascii_lowercase();
            words.iter().all(|w| hay.contains(w.as_str()))
        })
        .collect()
}

/// The template with this id.
pub fn template(id: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|t| t.id == id)
}

impl Template {
    /// The state this template makes in the definition `text`, and its name (the label, or the
    /// label with a number when a state already has it). States it holds get unused names too.
    pub fn instantiate(&self, text: &str) -> Result<(String, Value), EditError> {
        let machine: Value =
            serde_json::from_str(text).map_err(|e| EditError::NotJson { message: e.to_string(), at: 0 })?;
        let language = Language::of(&machine);
        let name = unique_name(text, self.label)?;
        let inner = || -> Result<String, EditError> {
            // Unused by the machine and different from the new state's own name.
            let mut candidate = unique_name(text, &format!("{} step", self.label))?;
            if candidate == name {
                candidate.push_str(" 2");
            }
            Ok(candidate)
        };
        let state = match self.id {
            "pass" => json!({"Type": "Pass"}),
            "choice" => match language {
                Language::JsonPath => {
                    json!({"Type": "Choice", "Choices": [{"Variable": "$.value", "IsPresent": true}]})
                }
                Language::Jsonata => {
                    json!({"Type": "Choice", "Choices": [{"Condition": "{% $exists($states.input.value) %}"}]})
                }
            },
            "wait" => json!({"Type": "Wait", "Seconds": 5}),
            "parallel" => {
                let step = inner()?;
                json!({"Type": "Parallel", "Branches": [{"StartAt": step, "States": {step.clone(): {"Type": "Pass", "End": true}}}]})
            }
            "map" | "distributed-map" => {
                let step = inner()?;
                let mut processor = json!({"StartAt": step, "States": {step.clone(): {"Type": "Pass", "End": true}}});
                if self.id == "distributed-map" {
                    processor.as_object_mut().map(|p| {
                        p.insert("ProcessorConfig".into(), json!({"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}))
                    });
                }
                let mut map = json!({"Type": "Map", "ItemProcessor": processor});
                let items = match language {
                    Language::JsonPath => ("ItemsPath", json!("$.items")),
                    Language::Jsonata => ("Items", json!("{% $states.input.items %}")),
                };
                map.as_object_mut().map(|m| m.insert(items.0.into(), items.1));
                map
            }
            "succeed" => json!({"Type": "Succeed"}),
            "fail" => json!({"Type": "Fail", "Error": "Failed", "Cause": "Something went wrong"}),
            _ => self.task(language),
        };
        Ok((name, state))
    }

    /// A Task state calling this template's integration, with the arguments it needs.
    fn task(&self, language: Language) -> Value {
        let resource = self.resource.unwrap_or_default();
        let waits = self.form == Some(WAIT);
        // What each integration is given: (field, a JSONPath value, a JSONata value).
        let input = |path: &str, expr: &str| match language {
            Language::JsonPath => (true, json!(path)),
            Language::Jsonata => (false, json!(expr)),
        };
        let token = input("$$.Task.Token", "{% $states.context.Task.Token %}");
        let whole = input("$", "{% $states.input %}");
        // What a Lambda, SQS or SNS call sends: the input, or in a callback form the input with
        // the task token for the worker to answer with.
        let message = |field: &'static str| {
            if !waits {
                return (field, whole.0, whole.1.clone());
            }
            let sent = match language {
                Language::JsonPath => json!({"Input.$": "$", "TaskToken.$": "$$.Task.Token"}),
                Language::Jsonata => {
                    json!({"Input": "{% $states.input %}", "TaskToken": "{% $states.context.Task.Token %}"})
                }
            };
            (field, false, sent)
        };
        let mut fields: Vec<(&str, bool, Value)> = match self.id.split('-').next().unwrap_or_default() {
            "lambda" => {
                vec![
                    ("FunctionName", false, json!("arn:aws:lambda:us-east-1:123456789012:function:MyFunction")),
                    message("Payload"),
                ]
            }
            "dynamodb" => {
                let key = json!({"id": {"S": "1"}});
                let mut fields = vec![("TableName", false, json!("MyTable"))];
                match self.id {
                    "dynamodb-putitem" => {
                        fields.push(("Item", false, json!({"id": {"S": "1"}, "status": {"S": "new"}})))
                    }
                    "dynamodb-updateitem" => {
                        fields.push(("Key", false, key));
                        fields.push(("UpdateExpression", false, json!("SET #s = :s")));
                        fields.push(("ExpressionAttributeNames", false, json!({"#s": "status"})));
                        fields.push(("ExpressionAttributeValues", false, json!({":s": {"S": "done"}})));
                    }
                    _ => fields.push(("Key", false, key)),
                }
                fields
            }
            "sqs" => vec![
                ("QueueUrl", false, json!("https://sqs.us-east-1.amazonaws.com/123456789012/MyQueue")),
                message("MessageBody"),
            ],
            "sns" => vec![("TopicArn", false, json!("arn:aws:sns:us-east-1:123456789012:MyTopic")), message("Message")],
            "eventbridge" => {
                let mut detail = match language {
                    Language::JsonPath => json!({"Message": "Hello", "Input.$": "$"}),
                    Language::Jsonata => json!({"Message": "Hello", "Input": "{% $states.input %}"}),
                };
                if waits {
                    let (is_path, t) = token.clone();
                    detail
                        .as_object_mut()
                        .map(|d| d.insert(if is_path { "TaskToken.$" } else { "TaskToken" }.into(), t));
                }
                vec![(
                    "Entries",
                    false,
                    json!([{"Detail": detail, "DetailType": "MyDetailType", "Source": "my.source"}]),
                )]
            }
            "s3" => {
                let mut fields =
                    vec![("Bucket", false, json!("my-bucket")), ("Key", false, json!("path/to/object.json"))];
                if self.id == "s3-putobject" {
                    fields.push(("Body", whole.0, whole.1.clone()));
                }
                fields
            }
            _ => {
                let mut fields = vec![(
                    "StateMachineArn",
                    false,
                    json!("arn:aws:states:us-east-1:123456789012:stateMachine:MyStateMachine"),
                )];
                if waits {
                    let input = match language {
                        Language::JsonPath => {
                            json!({"Input.$": "$", "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$": "$$.Execution.Id", "TaskToken.$": "$$.Task.Token"})
                        }
                        Language::Jsonata => {
                            json!({"Input": "{% $states.input %}", "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID": "{% $states.context.Execution.Id %}", "TaskToken": "{% $states.context.Task.Token %}"})
                        }
                    };
                    fields.push(("Input", false, input));
                } else {
                    let input = match language {
                        Language::JsonPath => {
                            json!({"Input.$": "$", "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$": "$$.Execution.Id"})
                        }
                        Language::Jsonata => {
                            json!({"Input": "{% $states.input %}", "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID": "{% $states.context.Execution.Id %}"})
                        }
                    };
                    fields.push(("Input", false, input));
                }
                fields
            }
        };
        let mut arguments = serde_json::Map::new();
        for (field, is_path, value) in fields.drain(..) {
            arguments.insert(if is_path { format!("{field}.$") } else { field.to_string() }, value);
        }
        let mut state = serde_json::Map::new();
        state.insert("Type".into(), json!("Task"));
        state.insert("Resource".into(), json!(resource));
        let key = if language == Language::Jsonata { "Arguments" } else { "Parameters" };
        state.insert(key.into(), Value::Object(arguments));
        if self.id == "lambda-invoke" {
            match language {
                Language::JsonPath => state.insert("OutputPath".into(), json!("$.Payload")),
                Language::Jsonata => state.insert("Output".into(), json!("{% $states.result.Payload %}")),
            };
        }
        Value::Object(state)
    }
}
