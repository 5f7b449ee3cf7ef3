//! Test-only: the paths found in the recorded AWS executions (`conformance/localstack`) and in
//! AWS's sample workflows (`conformance/realworld`) all parse, with the definiteness Jayway
//! gives them. (Plain `$.a.b` paths are left out; every other shape found is here.)

use super::{Path, PathRoot};

/// `(path, definite)`.
const RECORDED: &[(&str, bool)] = &[
    ("$", true),
    ("$$", true),
    ("$$.Execution.Input.input-value", true),
    ("$$.Map.Item.Value", true),
    ("$$.Task.Token", true),
    ("$..QualityResults[?(@.constraint_status==Failure)]", false),
    ("$..constraint", false),
    ("$..ApiEndpoint", false),
    ("$..Headers.x-amzn-RequestId", false),
    ("$..Headers.X-Amz-Cf-Pop", false),
    ("$..events..stateExitedEventDetails.output.FunctionResult", false),
    ("$..events..executionSucceededEventDetails.output.FunctionResult", false),
    ("$.AutoScalingResult.AutoScalingInstances[0].AutoScalingGroupName", true),
    ("$.Config.detail['destination-object']", true),
    ("$.Config.detail['num-of-records-processed']", true),
    ("$.ExpenseDocuments[0].SummaryFields[?(@.Type.Text==AMOUNT_PAID)].ValueDetection.Text", false),
    ("$.ExpenseDocuments[0].SummaryFields[?(@.Type.Text==INVOICE_RECEIPT_DATE)].ValueDetection.Text", false),
    (
        "$.FlowConfig.DestinationFlowConfigList[0].DestinationConnectorProperties['S3'].S3OutputFormatConfig.FileType",
        true,
    ),
    ("$.FlowConfig.Tasks[?(@.TaskType == 'Map')]", false),
    ("$.FlowConfig.Tasks[?(@.TaskType == 'Map')].DestinationField", false),
    ("$.InstanceDescription.Reservations[0].Instances[0].BlockDeviceMappings[0].Ebs.VolumeId", true),
    ("$.Labels[?(@.Name==Receipt)]", false),
    ("$.QualityResults[0]['check_status']", true),
    ("$.ResultSet.Rows[1].Data[0].VarCharValue", true),
    ("$.Snapshots.[0].State", true),
    ("$.[0]", true),
    ("$.[0].body", true),
    ("$.approaches[?(@.workerId == $.agent_id)].approach", false),
    ("$.delivery-partner", true),
    ("$.detail-type", true),
    ("$.detail.Tags.auto-maintain", true),
    ("$.detail['flow-name']", true),
    ("$.item.items[*]", false),
    ("$.item.items[1:5]", false),
    ("$.item.items[1:5].itemValue", false),
    ("$.item.items[1:]", false),
    ("$.item.items[:1]", false),
    ("$.items[*].itemValue", false),
    ("$.items[0]", true),
    ("$.items[10]", true),
    ("$.items[1:].itemValue", false),
    ("$.items[:1].itemValue", false),
    ("$.processedtestresults.Payload.test-run-id", true),
    ("$.test-batch.tests-to-run", true),
    ("$.users[?(@.status == 0)]", false),
    ("$['test-batch']['batch_id']", true),
    ("$['test-data']['test-number']", true),
    ("$[*]", false),
    ("$[*][*]", false),
    ("$[1].InstanceDescription.Reservations[0].Instances[0].SecurityGroups[0].GroupId", true),
    ("$[1].error.Cause", true),
    ("$[?(@.TargetLanguageCode==es)].TranslatedText", false),
    ("$AnswerTemplate", true),
    ("$PokemonList", true),
    ("$theAnswer", true),
    ("$toleratedFailurePercentage", true),
    ("$xCurrent", true),
];

#[test]
fn every_recorded_path_parses() {
    for (text, definite) in RECORDED {
        match Path::parse(text) {
            Ok(path) => assert_eq!(path.is_definite(), *definite, "{text}"),
            Err(error) => panic!("{error}"),
        }
    }
}

#[test]
fn recorded_variable_paths_have_variable_roots() {
    for (text, _) in RECORDED {
        let Ok(path) = Path::parse(text) else {
            continue;
        };
        let is_variable = matches!(path.root(), PathRoot::Variable(_));
        let looks_like_variable = text.chars().nth(1).is_some_and(char::is_alphabetic);
        assert_eq!(is_variable, looks_like_variable, "{text}");
    }
}
