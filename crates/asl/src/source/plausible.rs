//! Values a deployed stack would give, made up from the template alone: what `Ref` and
//! `Fn::GetAtt` return for a resource (its name, ARN, URL or id, by its type), the template's
//! parameters' defaults, and AWS's pseudo parameters. Names come from the resource's own name
//! property when the template gives one as text, else from its logical id, so that the mocks
//! a run asks for are named after the template's resources.

use serde_json::Value;

pub const REGION: &str = "us-east-1";
pub const ACCOUNT: &str = "123456789012";
pub const STACK: &str = "playground";

/// A pseudo parameter's value (`AWS::Region`...).
pub fn pseudo(name: &str) -> Option<String> {
    Some(match name {
        "AWS::Region" => REGION.into(),
        "AWS::AccountId" => ACCOUNT.into(),
        "AWS::Partition" => "aws".into(),
        "AWS::URLSuffix" => "amazonaws.com".into(),
        "AWS::StackName" => STACK.into(),
        "AWS::StackId" => {
            format!("arn:aws:cloudformation:{REGION}:{ACCOUNT}:stack/{STACK}/00000000-0000-4000-8000-000000000000")
        }
        "AWS::NotificationARNs" => String::new(),
        "AWS::NoValue" => String::new(),
        _ => return None,
    })
}

/// What `${name}` means in an `Fn::Sub` of this template: a pseudo parameter, a parameter, a
/// resource (`Ref`), or a resource's attribute (`Resource.Attribute`).
pub fn sub_value(template: Option<&Value>, name: &str) -> Option<String> {
    pseudo(name).or_else(|| {
        let template = template?;
        ref_value(template, name).or_else(|| {
            let (resource, attribute) = name.split_once('.')?;
            get_att(template, resource, attribute)
        })
    })
}

/// What `Ref name` returns: a parameter's default (or its name), or the resource's value.
pub fn ref_value(template: &Value, name: &str) -> Option<String> {
    if let Some(value) = pseudo(name) {
        return Some(value);
    }
    if let Some(parameter) = template.get("Parameters").and_then(|p| p.get(name)) {
        return Some(match parameter.get("Default") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Array(items)) => items.iter().map(text).collect::<Vec<_>>().join(","),
            Some(other) if !other.is_null() => text(other),
            _ => name.to_string(),
        });
    }
    let resource = resource(template, name)?;
    let kind = Kind::of(resource_type(resource));
    let name = physical_name(name, resource, &kind);
    Some(match kind.reference {
        Reference::Name => name,
        Reference::Arn => arn(&kind, &name),
        Reference::Url => queue_url(&name),
        Reference::Id => name,
    })
}

/// What `Fn::GetAtt resource.attribute` returns.
pub fn get_att(template: &Value, logical_id: &str, attribute: &str) -> Option<String> {
    let resource = resource(template, logical_id)?;
    let kind = Kind::of(resource_type(resource));
    let name = physical_name(logical_id, resource, &kind);
    Some(match attribute {
        "Arn" => arn(&kind, &name),
        "StreamArn" | "LatestStreamArn" => format!("{}/stream/2025-01-01T00:00:00.000", arn(&kind, &name)),
        "QueueUrl" => queue_url(&name),
        "Name" | "QueueName" | "TopicName" | "StateMachineName" | "FunctionName" | "TableName" => name,
        "RoleId" | "Id" => format!("{logical_id}Id"),
        _ if attribute.ends_with("Arn") => arn(&kind, &name),
        _ if attribute.ends_with("Name") => name,
        _ => format!("{name}-{attribute}"),
    })
}

fn resource<'a>(template: &'a Value, logical_id: &str) -> Option<&'a Value> {
    template.get("Resources")?.get(logical_id)
}

fn resource_type(resource: &Value) -> &str {
    resource.get("Type").and_then(Value::as_str).unwrap_or("")
}

fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// What `Ref` returns for a type.
enum Reference {
    Name,
    Arn,
    Url,
    Id,
}

/// What the playground knows of a resource type.
struct Kind {
    reference: Reference,
    /// The ARN's service, and its resource part before the name (`function:`, `table/`).
    service: String,
    prefix: String,
    /// After the name (`:1` for a version).
    suffix: &'static str,
    /// Whether the ARN has a region and account (S3 and IAM's do not, or only the account).
    global: Global,
    /// The property that names it (`FunctionName`...).
    name_property: &'static str,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Global {
    No,
    NoRegion,
    NoRegionNoAccount,
}

impl Kind {
    fn of(resource_type: &str) -> Kind {
        use Reference::*;
        let known = |reference, service: &str, prefix: &str, suffix, global, name_property| Kind {
            reference,
            service: service.into(),
            prefix: prefix.into(),
            suffix,
            global,
            name_property,
        };
        match resource_type {
            "AWS::Lambda::Function" | "AWS::Serverless::Function" => {
                known(Name, "lambda", "function:", "", Global::No, "FunctionName")
            }
            "AWS::DynamoDB::Table" | "AWS::DynamoDB::GlobalTable" | "AWS::Serverless::SimpleTable" => {
                known(Name, "dynamodb", "table/", "", Global::No, "TableName")
            }
            "AWS::SNS::Topic" => known(Arn, "sns", "", "", Global::No, "TopicName"),
            "AWS::SQS::Queue" => known(Url, "sqs", "", "", Global::No, "QueueName"),
            "AWS::S3::Bucket" => known(Name, "s3", "", "", Global::NoRegionNoAccount, "BucketName"),
            "AWS::StepFunctions::StateMachine" | "AWS::Serverless::StateMachine" => {
                known(Arn, "states", "stateMachine:", "", Global::No, "StateMachineName")
            }
            "AWS::StepFunctions::Activity" => known(Arn, "states", "activity:", "", Global::No, "Name"),
            "AWS::Events::EventBus" => known(Name, "events", "event-bus/", "", Global::No, "Name"),
            "AWS::Events::Rule" => known(Id, "events", "rule/", "", Global::No, "Name"),
            "AWS::IAM::Role" => known(Name, "iam", "role/", "", Global::NoRegion, "RoleName"),
            "AWS::IAM::ManagedPolicy" => known(Arn, "iam", "policy/", "", Global::NoRegion, "ManagedPolicyName"),
            "AWS::Kinesis::Stream" => known(Name, "kinesis", "stream/", "", Global::No, "Name"),
            "AWS::KinesisFirehose::DeliveryStream" => {
                known(Name, "firehose", "deliverystream/", "", Global::No, "DeliveryStreamName")
            }
            "AWS::ECS::Cluster" => known(Name, "ecs", "cluster/", "", Global::No, "ClusterName"),
            "AWS::ECS::TaskDefinition" => known(Arn, "ecs", "task-definition/", ":1", Global::No, "Family"),
            "AWS::ECS::Service" => known(Arn, "ecs", "service/", "", Global::No, "ServiceName"),
            "AWS::Logs::LogGroup" => known(Name, "logs", "log-group:", ":*", Global::No, "LogGroupName"),
            "AWS::SecretsManager::Secret" => known(Arn, "secretsmanager", "secret:", "", Global::No, "Name"),
            "AWS::SSM::Parameter" => known(Name, "ssm", "parameter/", "", Global::No, "Name"),
            "AWS::Batch::JobQueue" => known(Arn, "batch", "job-queue/", "", Global::No, "JobQueueName"),
            "AWS::Batch::JobDefinition" => {
                known(Arn, "batch", "job-definition/", ":1", Global::No, "JobDefinitionName")
            }
            "AWS::Glue::Job" => known(Name, "glue", "job/", "", Global::No, "Name"),
            "AWS::Glue::Crawler" => known(Name, "glue", "crawler/", "", Global::No, "Name"),
            "AWS::Glue::Database" => known(Name, "glue", "database/", "", Global::No, "Name"),
            "AWS::CodeBuild::Project" => known(Name, "codebuild", "project/", "", Global::No, "Name"),
            "AWS::Athena::WorkGroup" => known(Name, "athena", "workgroup/", "", Global::No, "Name"),
            "AWS::Serverless::Api" | "AWS::ApiGateway::RestApi" => {
                known(Id, "apigateway", "/restapis/", "", Global::NoRegion, "Name")
            }
            "AWS::Serverless::HttpApi" | "AWS::ApiGatewayV2::Api" => {
                known(Id, "apigateway", "/apis/", "", Global::NoRegion, "Name")
            }
            _ => {
                // AWS::Service::Thing: the service's name, the thing's as the resource part.
                let mut parts = resource_type.split("::").skip(1);
                let service = parts.next().unwrap_or("service").to_ascii_lowercase();
                let thing = parts.next().unwrap_or("resource").to_ascii_lowercase();
                known(Id, &service, &format!("{thing}/"), "", Global::No, "Name")
            }
        }
    }
}

/// The resource's name: its name property when the template writes it as text, else its
/// logical id (lower case for a bucket, whose names must be).
fn physical_name(logical_id: &str, resource: &Value, kind: &Kind) -> String {
    let given = resource.get("Properties").and_then(|p| p.get(kind.name_property)).and_then(Value::as_str);
    match given {
        Some(name) if !name.contains("${") => name.to_string(),
        _ if kind.service == "s3" => logical_id.to_ascii_lowercase(),
        _ => logical_id.to_string(),
    }
}

fn arn(kind: &Kind, name: &str) -> String {
    let (region, account) = match kind.global {
        Global::No => (REGION, ACCOUNT),
        Global::NoRegion if kind.service == "apigateway" => (REGION, ""),
        Global::NoRegion => ("", ACCOUNT),
        Global::NoRegionNoAccount => ("", ""),
    };
    format!("arn:aws:{}:{region}:{account}:{}{name}{}", kind.service, kind.prefix, kind.suffix)
}

fn queue_url(name: &str) -> String {
    format!("https://sqs.{REGION}.amazonaws.com/{ACCOUNT}/{name}")
}
