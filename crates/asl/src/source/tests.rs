use serde_json::{Value, json};

use super::template::{DefinitionSource, StringForm, state_machines};
use super::*;

fn no_files(path: &str) -> Result<String, String> {
    Err(format!("no file {path} here"))
}

fn open_ok(text: &str, choice: Option<&str>, given: &[(&str, &str)]) -> Opened {
    let given: Substitutions = given.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    open(text, choice, &given, &no_files).unwrap_or_else(|e| panic!("{e}"))
}

/// The definition as it runs: the loaded machine's first state's Resource, say.
fn resolved(opened: &Opened, pointer: &str) -> Value {
    let parsed = match opened.format {
        Format::Json => crate::json::parse(&opened.text),
        Format::Yaml => crate::yaml::parse(&opened.text),
    };
    let mut value = parsed.value.unwrap();
    let values = placeholders::values(&opened.placeholders, &Substitutions::new());
    resolve::resolve(&mut value, resolve::Mode::Plain, &values, None);
    value.pointer(pointer).cloned().unwrap_or(Value::Null)
}

fn value_of<'a>(opened: &'a Opened, name: &str) -> Option<&'a str> {
    opened.placeholders.iter().find(|p| p.name == name).and_then(|p| p.value.as_deref())
}

const SAM_YAML: &str = r#"Transform: AWS::Serverless-2016-10-31
Parameters:
  Stage:
    Type: String
    Default: dev
Resources:
  Checker:
    Type: AWS::Serverless::Function
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: orders-table
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        StartAt: Check
        States:
          Check:
            Type: Task
            Resource: ${CheckerArn}
            Next: Save
          Save:
            Type: Task
            Resource: arn:aws:states:::dynamodb:putItem
            Parameters:
              TableName: ${Table}
              Item:
                stage: {S: !Sub "${Stage}-${AWS::Region}"}
            End: true
      DefinitionSubstitutions:
        CheckerArn: !GetAtt Checker.Arn
        Table: !Ref Orders
"#;

#[test]
fn a_sam_yaml_definition_with_substitutions() {
    let document = read(SAM_YAML);
    assert_eq!((document.format, document.kind), (Format::Yaml, Kind::Template));
    let opened = open_ok(SAM_YAML, None, &[]);
    assert_eq!(opened.logical_id.as_deref(), Some("Flow"));
    assert_eq!(opened.format, Format::Yaml);
    assert!(opened.text.starts_with("        StartAt: Check\n"), "{:?}", opened.text);
    assert_eq!(&SAM_YAML[opened.offset.unwrap()..][..opened.text.len()], opened.text);
    assert_eq!(value_of(&opened, "CheckerArn"), Some("arn:aws:lambda:us-east-1:123456789012:function:Checker"));
    assert_eq!(value_of(&opened, "Table"), Some("orders-table"));
    assert_eq!(value_of(&opened, "Stage"), Some("dev"));
    assert_eq!(value_of(&opened, "AWS::Region"), Some("us-east-1"));
    let machine = opened.definition.runnable().expect("runnable");
    assert_eq!(machine.all_states().count(), 2);
    assert_eq!(resolved(&opened, "/States/Save/Parameters/Item/stage/S"), json!("dev-us-east-1"));
    assert_eq!(
        resolved(&opened, "/States/Check/Resource"),
        json!("arn:aws:lambda:us-east-1:123456789012:function:Checker")
    );
}

#[test]
fn given_values_win_and_missing_ones_are_kept_visible() {
    let opened = open_ok(SAM_YAML, Some("Flow"), &[("Table", "mine")]);
    let uses = &opened.placeholders.iter().find(|p| p.name == "Table").unwrap().uses;
    assert_eq!(uses, &vec!["/States/Save/Parameters/TableName".to_string()]);
    let bare = "StartAt: A\nStates:\n  A:\n    Type: Task\n    Resource: ${Fn}\n    End: true\n";
    let opened = open_ok(bare, None, &[]);
    assert_eq!(opened.placeholders.len(), 1);
    assert_eq!(opened.placeholders[0].value, None);
    assert_eq!(opened.placeholders[0].origin, "not given");
    let opened = open_ok(bare, None, &[("Fn", "arn:aws:lambda:eu-west-1:111122223333:function:f")]);
    assert!(opened.definition.runnable().is_some());
}

#[test]
fn yaml_diagnostics_are_placed_in_the_yaml() {
    let text = "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: Nowhere\n";
    let opened = open_ok(text, None, &[]);
    let error = opened.definition.diagnostics.iter().find(|d| d.is_error()).expect("an error");
    assert_eq!(&text[error.span.start..error.span.end], "Nowhere");
}

#[test]
fn definition_strings_in_every_form() {
    let definition = r#"{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"${Fn.Arn}","Next":"B"},"B":{"Type":"Pass","Result":"${!Literal}","End":true}}}"#;
    let template = |string: Value| {
        json!({"Resources": {
            "Fn": {"Type": "AWS::Lambda::Function", "Properties": {"FunctionName": "worker"}},
            "M": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"DefinitionString": string}}
        }})
        .to_string()
    };
    let lambda = json!("arn:aws:lambda:us-east-1:123456789012:function:worker");

    // Fn::Sub, as a string: ${!Literal} is the literal ${Literal}.
    let opened = open_ok(&template(json!({"Fn::Sub": definition})), None, &[]);
    assert_eq!(opened.text, definition);
    let machine = opened.definition.runnable().expect("runnable");
    assert_eq!(machine.all_states().count(), 2);
    assert_eq!(value_of(&opened, "Fn.Arn"), Some(lambda.as_str().unwrap()));
    assert!(!opened.placeholders.iter().any(|p| p.name.contains("Literal")));

    // Fn::Sub with variables.
    let with_variables = definition.replace("${Fn.Arn}", "${Worker}");
    let opened =
        open_ok(&template(json!({"Fn::Sub": [with_variables, {"Worker": {"Fn::GetAtt": ["Fn", "Arn"]}}]})), None, &[]);
    assert_eq!(value_of(&opened, "Worker"), Some(lambda.as_str().unwrap()));

    // Fn::Join, as CDK writes it.
    let (before, after) = definition.split_once("${Fn.Arn}").unwrap();
    let join = json!({"Fn::Join": ["", [before.replace("${!", "${"), {"Fn::GetAtt": ["Fn", "Arn"]}, after.replace("${!", "${")]]});
    let opened = open_ok(&template(join), None, &[]);
    assert_eq!(opened.text, definition, "a Join's literal ${{ is written as Fn::Sub writes it");
    assert_eq!(value_of(&opened, "Fn.Arn"), Some(lambda.as_str().unwrap()));

    // A plain string: its ${...} are DefinitionSubstitutions'.
    let opened = open_ok(&template(json!(definition.replace("${!Literal}", "x"))), None, &[]);
    assert_eq!(opened.placeholders.len(), 1);
}

#[test]
fn a_sub_string_that_is_json_only_once_substituted() {
    let definition = r#"{"StartAt":"A","States":{"A":{"Type":"Map","MaxConcurrency":${Limit},"ItemProcessor":{"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}},"End":true}}}"#;
    let text = json!({"Parameters": {"Limit": {"Type": "Number", "Default": 5}},
        "Resources": {"M": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"DefinitionString": {"Fn::Sub": definition}}}}})
    .to_string();
    let opened = open_ok(&text, None, &[]);
    assert!(opened.definition.runnable().is_some(), "{:?}", opened.definition.diagnostics);
}

#[test]
fn placeholders_in_keys_and_intrinsics_inside_a_definition() {
    let text = r#"
Mappings:
  Names: {Tables: {Lock: locks}}
Resources:
  Queue:
    Type: AWS::SQS::Queue
  Topic:
    Type: AWS::SNS::Topic
  M:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        StartAt: A
        States:
          A:
            Type: Task
            Resource: arn:aws:states:::sqs:sendMessage
            Parameters:
              QueueUrl: !Ref Queue
              MessageBody:
                ${Field}.$: $
                topic: !Ref Topic
                table: !FindInMap [Names, Tables, Lock]
                region: !Select [3, !Split [":", !Ref Topic]]
                unknown: !If [IsProd, a, b]
            End: true
      DefinitionSubstitutions:
        Field: name
"#;
    let opened = open_ok(text, None, &[]);
    assert_eq!(value_of(&opened, "Queue"), Some("https://sqs.us-east-1.amazonaws.com/123456789012/Queue"));
    assert_eq!(value_of(&opened, "Topic"), Some("arn:aws:sns:us-east-1:123456789012:Topic"));
    assert_eq!(value_of(&opened, "Field"), Some("name"));
    let machine = opened.definition.machine.as_ref().expect("built");
    assert_eq!(machine.all_states().count(), 1);
    let mut value = crate::yaml::parse(&opened.text).value.unwrap();
    let values = placeholders::values(&opened.placeholders, &Substitutions::new());
    resolve::resolve(&mut value, resolve::Mode::Plain, &values, read(text).parsed.value.as_ref());
    let body = value.pointer("/States/A/Parameters/MessageBody").unwrap();
    assert_eq!(body["name.$"], json!("$"));
    assert_eq!(body["table"], json!("locks"));
    assert_eq!(body["region"], json!("us-east-1"));
    assert_eq!(
        body["unknown"],
        json!({"Fn::If": ["IsProd", "a", "b"]}),
        "an intrinsic the playground does not evaluate stays"
    );
}

#[test]
fn choosing_among_several_and_the_ways_there_is_none() {
    let two = json!({"Resources": {
        "A": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"Definition": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}},
        "B": {"Type": "AWS::Serverless::StateMachine", "Properties": {"DefinitionUri": "flow.asl.json"}},
        "C": {"Type": "AWS::Serverless::StateMachine", "Properties": {"DefinitionUri": {"Bucket": "b", "Key": "k.json"}}},
        "D": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"DefinitionS3Location": {"Bucket": "b", "Key": "d.json"}}},
        "E": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {}},
        "F": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"DefinitionString": {"Fn::If": ["c", "a", "b"]}}},
    }})
    .to_string();
    let document = read(&two);
    let machines = state_machines(document.parsed.value.as_ref().unwrap());
    assert_eq!(machines.iter().map(|m| m.logical_id.as_str()).collect::<Vec<_>>(), ["A", "B", "C", "D", "E", "F"]);
    assert_eq!(machines[1].definition, DefinitionSource::File { path: "flow.asl.json".into() });
    assert_eq!(machines[2].definition, DefinitionSource::S3 { location: "s3://b/k.json".into() });
    assert!(matches!(machines[5].definition, DefinitionSource::String { form: StringForm::Other, .. }));

    let refusal = |choice: Option<&str>| open(&two, choice, &Substitutions::new(), &no_files).unwrap_err();
    assert!(refusal(None).contains("defines 6 state machines (A, B, C, D, E, F): choose one"));
    assert!(refusal(Some("Z")).contains("has no state machine Z"));
    assert!(refusal(Some("B")).contains("DefinitionUri flow.asl.json cannot be read"));
    assert!(refusal(Some("C")).contains("in S3 (s3://b/k.json)"));
    assert!(refusal(Some("D")).contains("in S3"));
    assert!(refusal(Some("E")).contains("gives no definition"));
    assert!(refusal(Some("F")).contains("Fn::If is not supported"));
    let opened = open_ok(&two, Some("A"), &[]);
    assert_eq!(opened.format, Format::Json);
    assert!(opened.definition.runnable().is_some());

    let beside = |path: &str| match path {
        "flow.asl.json" => Ok(r#"{"StartAt": "P", "States": {"P": {"Type": "Succeed"}}}"#.to_string()),
        _ => Err("absent".to_string()),
    };
    let opened = open(&two, Some("B"), &Substitutions::new(), &beside).unwrap();
    assert_eq!(opened.offset, None);
    assert!(opened.definition.runnable().is_some());

    let none = "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n";
    assert!(open(none, None, &Substitutions::new(), &no_files).unwrap_err().contains("defines no state machine"));
}

#[test]
fn plausible_values_by_resource_type() {
    let template = json!({"Resources": {
        "Fn": {"Type": "AWS::Serverless::Function"},
        "Bucket": {"Type": "AWS::S3::Bucket"},
        "Named": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "my-data"}},
        "Sub": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::Sub": "${AWS::StackName}-x"}}},
        "Machine": {"Type": "AWS::Serverless::StateMachine"},
        "Bus": {"Type": "AWS::Events::EventBus"},
        "Role": {"Type": "AWS::IAM::Role"},
        "Stream": {"Type": "AWS::DynamoDB::Table"},
        "Odd": {"Type": "AWS::Foo::Bar"},
    }});
    let r = |name: &str| plausible::ref_value(&template, name);
    let a = |name: &str, attribute: &str| plausible::get_att(&template, name, attribute);
    assert_eq!(r("Fn").as_deref(), Some("Fn"));
    assert_eq!(a("Fn", "Arn").as_deref(), Some("arn:aws:lambda:us-east-1:123456789012:function:Fn"));
    assert_eq!(r("Bucket").as_deref(), Some("bucket"));
    assert_eq!(a("Bucket", "Arn").as_deref(), Some("arn:aws:s3:::bucket"));
    assert_eq!(r("Named").as_deref(), Some("my-data"));
    assert_eq!(r("Sub").as_deref(), Some("sub"));
    assert_eq!(r("Machine").as_deref(), Some("arn:aws:states:us-east-1:123456789012:stateMachine:Machine"));
    assert_eq!(a("Bus", "Arn").as_deref(), Some("arn:aws:events:us-east-1:123456789012:event-bus/Bus"));
    assert_eq!(a("Role", "Arn").as_deref(), Some("arn:aws:iam::123456789012:role/Role"));
    assert_eq!(
        a("Stream", "StreamArn").as_deref(),
        Some("arn:aws:dynamodb:us-east-1:123456789012:table/Stream/stream/2025-01-01T00:00:00.000")
    );
    assert_eq!(a("Odd", "Arn").as_deref(), Some("arn:aws:foo:us-east-1:123456789012:bar/Odd"));
    assert_eq!(r("Nothing"), None);
    assert_eq!(plausible::sub_value(None, "AWS::Partition").as_deref(), Some("aws"));
}

#[test]
fn a_json_template_is_seen_at_a_glance() {
    assert!(may_be_template("{\"Resources\": {}}"));
    assert!(may_be_template("{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\"}"));
    assert!(!may_be_template("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}"));
}

#[test]
fn a_definition_is_not_taken_for_a_template() {
    let document = read("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}, \"Resources\": {}}");
    assert_eq!(document.kind, Kind::Definition);
    assert_eq!(read("AWSTemplateFormatVersion: '2010-09-09'\n").kind, Kind::Template);
    assert_eq!(read("not: [valid").kind, Kind::Definition);
}

mod export_back {
    use super::*;
    use crate::source::export::replace_definition;

    /// What the editor shows of a template's state machine, and the template written back
    /// from it (as it is, or edited by `edit`).
    fn round_trip(template: &str, id: &str, edit: impl Fn(&str) -> String) -> (String, String) {
        let found = extract(template, Some(id), &|_| Err("no file".into())).unwrap();
        let edited = edit(&found.shown());
        let written = replace_definition(template, id, &edited).unwrap_or_else(|e| panic!("{e}"));
        (edited, written)
    }

    fn reopened(template: &str, id: &str) -> String {
        extract(template, Some(id), &|_| Err("no file".into())).unwrap().shown()
    }

    #[test]
    fn a_yaml_definition_goes_back_as_it_came() {
        let (_, written) = round_trip(SAM_YAML, "Flow", str::to_string);
        assert_eq!(written, SAM_YAML);
        let (edited, written) =
            round_trip(SAM_YAML, "Flow", |t| t.replace("Next: Save", "Comment: checked\n    Next: Save"));
        assert_eq!(reopened(&written, "Flow"), edited);
        assert!(written.contains("            Comment: checked\n            Next: Save\n"), "{written}");
        // Everything but the definition is as it was.
        assert!(written.ends_with(
            "      DefinitionSubstitutions:\n        CheckerArn: !GetAtt Checker.Arn\n        Table: !Ref Orders\n"
        ));
        let opened = open(&written, Some("Flow"), &Substitutions::new(), &no_files).unwrap();
        assert_eq!(value_of(&opened, "Table"), Some("orders-table"));
    }

    #[test]
    fn a_yaml_definition_shown_as_json_goes_back_as_yaml() {
        let found = extract(SAM_YAML, Some("Flow"), &|_| Err("no file".into())).unwrap();
        let value = crate::yaml::parse(&found.shown()).value.unwrap();
        let as_json = serde_json::to_string_pretty(&value).unwrap();
        let written = replace_definition(SAM_YAML, "Flow", &as_json).unwrap();
        let back = reopened(&written, "Flow");
        assert!(!crate::yaml::looks_like_json(&back), "{written}");
        assert_eq!(crate::yaml::parse(&back).value.unwrap(), value);
        // Everything but the definition is as it was.
        assert!(written.ends_with(
            "      DefinitionSubstitutions:\n        CheckerArn: !GetAtt Checker.Arn\n        Table: !Ref Orders\n"
        ));
    }

    #[test]
    fn a_json_definition_in_a_json_template_and_yaml_edited_into_it() {
        let template = serde_json::to_string_pretty(
            &json!({"Resources": {"M": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
            "Definition": {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}}}}}),
        )
        .unwrap();
        let (_, written) = round_trip(&template, "M", str::to_string);
        assert_eq!(written, template);
        let (_, written) = round_trip(&template, "M", |_| "StartAt: B\nStates:\n  B:\n    Type: Succeed\n".into());
        let value: Value = serde_json::from_str(&written).unwrap();
        assert_eq!(
            value.pointer("/Resources/M/Properties/Definition"),
            Some(&json!({"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}))
        );
    }

    #[test]
    fn definition_strings_stay_in_their_form() {
        let definition = r#"{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"${Fn.Arn}","Parameters":{"x":"${!Literal}"},"End":true}}}"#;
        let with = |string: Value| {
            serde_json::to_string_pretty(&json!({"Resources": {
                "Fn": {"Type": "AWS::Lambda::Function"},
                "M": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"DefinitionString": string}}}}))
            .unwrap()
        };
        let (before, after) = definition.split_once("${Fn.Arn}").unwrap();
        let join = json!({"Fn::Join": ["", [before.replace("${!", "${"), {"Fn::GetAtt": ["Fn", "Arn"]}, after.replace("${!", "${")]]});
        for template in [
            with(json!(definition)),
            with(json!({"Fn::Sub": definition})),
            with(json!({"Fn::Sub": [definition, {"V": "v"}]})),
            with(join),
        ] {
            let (_, written) = round_trip(&template, "M", str::to_string);
            assert_eq!(reopened(&written, "M"), reopened(&template, "M"), "{written}");
            let edited = |t: &str| t.replace("\"End\":true", "\"Comment\":\"c\",\"End\":true");
            let (expected, written) = round_trip(&template, "M", edited);
            assert_eq!(reopened(&written, "M"), expected);
            let before: Value = serde_json::from_str(&template).unwrap();
            let after: Value = serde_json::from_str(&written).unwrap();
            // The form is kept: the same intrinsic, and a join keeps its intrinsic parts.
            let form = |v: &Value| {
                v.pointer("/Resources/M/Properties/DefinitionString")
                    .and_then(Value::as_object)
                    .map(|o| o.keys().cloned().collect::<Vec<_>>())
            };
            assert_eq!(form(&before), form(&after));
            if written.contains("Fn::Join") {
                assert!(
                    after
                        .pointer("/Resources/M/Properties/DefinitionString/Fn::Join/1")
                        .unwrap()
                        .as_array()
                        .unwrap()
                        .contains(&json!({"Fn::GetAtt": ["Fn", "Arn"]}))
                );
            }
        }
    }

    #[test]
    fn a_yaml_sub_block_goes_back_as_a_sub() {
        let template = "Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: !Sub |\n        {\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Result\": \"${AWS::Region}\", \"End\": true}}}\n  Other:\n    Type: AWS::S3::Bucket\n";
        let (_, written) = round_trip(template, "M", |t| t.replace("Pass", "Pass\", \"Comment\": \"c"));
        assert!(written.contains("DefinitionString: !Sub "), "{written}");
        assert!(written.ends_with("  Other:\n    Type: AWS::S3::Bucket\n"), "{written}");
        let opened = open(&written, Some("M"), &Substitutions::new(), &no_files).unwrap();
        assert!(opened.definition.runnable().is_some());
        assert!(opened.text.contains("\"Comment\": \"c\""));
    }

    #[test]
    fn dedent_takes_off_the_shared_indentation() {
        use crate::source::export::dedent;
        assert_eq!(dedent("    a:\n      b: 1\n\n    c: 2\n"), ("a:\n  b: 1\n\nc: 2\n".to_string(), 4));
        assert_eq!(dedent("{\"a\": 1}"), ("{\"a\": 1}".to_string(), 0));
    }

    #[test]
    fn a_definition_in_its_own_file_is_exported_as_that_file() {
        let template = "Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: flow.asl.json\n";
        assert!(replace_definition(template, "M", "{}").unwrap_err().contains("in its own file, flow.asl.json"));
    }
}
