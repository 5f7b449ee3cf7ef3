//! A Task's `Resource` ARN, classified the way AWS classifies it: a Lambda function, an
//! activity, or a service integration with its integration pattern. The kind decides which
//! history events the task produces and how its result is shaped.

/// A Task's resource: the ARN as written and what it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resource {
    pub arn: String,
    pub kind: ResourceKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResourceKind {
    /// `arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]`: the payload is the result.
    LambdaFunction { name: String },
    /// `arn:aws:states:REGION:ACCOUNT:activity:NAME`: a worker polls for it.
    Activity { name: String },
    /// `arn:aws:states:::SERVICE:ACTION[.sync|.sync:2|.waitForTaskToken]`; `service` is e.g.
    /// `lambda`, `sqs`, or `aws-sdk:s3` for SDK integrations.
    Service { service: String, action: String, pattern: IntegrationPattern },
    /// A `${...}` substitution placeholder from a SAM or CloudFormation template.
    Placeholder,
    /// Anything else; validation reports it.
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntegrationPattern {
    RequestResponse,
    /// `.sync` and `.sync:2`: wait for the job to finish.
    Sync,
    /// `.waitForTaskToken`: wait for SendTaskSuccess/Failure with the task token.
    WaitForTaskToken,
}

impl Resource {
    pub fn parse(arn: &str) -> Resource {
        Resource { arn: arn.to_string(), kind: classify(arn) }
    }

    /// The `resourceType` AWS writes in Task* history events (`lambda`, `sqs`, `aws-sdk:s3`).
    pub fn resource_type(&self) -> &str {
        match &self.kind {
            ResourceKind::Service { service, .. } => service,
            ResourceKind::LambdaFunction { .. } => "lambda",
            ResourceKind::Activity { .. } => "activity",
            ResourceKind::Placeholder | ResourceKind::Unknown => "unknown",
        }
    }

    /// The `resource` AWS writes in Task* history events: the action with its pattern suffix.
    pub fn resource_name(&self) -> String {
        match &self.kind {
            ResourceKind::Service { action, pattern, .. } => match pattern {
                IntegrationPattern::RequestResponse => action.clone(),
                IntegrationPattern::Sync => {
                    let suffix = self.arn.rsplit_once(".sync").map(|(_, s)| s).unwrap_or("");
                    format!("{action}.sync{suffix}")
                }
                IntegrationPattern::WaitForTaskToken => format!("{action}.waitForTaskToken"),
            },
            ResourceKind::LambdaFunction { name } | ResourceKind::Activity { name } => name.clone(),
            ResourceKind::Placeholder | ResourceKind::Unknown => self.arn.clone(),
        }
    }

    /// Whether the task waits for a callback carrying its task token.
    pub fn waits_for_callback(&self) -> bool {
        matches!(
            self.kind,
            ResourceKind::Service { pattern: IntegrationPattern::WaitForTaskToken, .. } | ResourceKind::Activity { .. }
        )
    }

    /// The name a mock is known by: the Lambda function's name (for `lambda:invoke`, the one
    /// its `FunctionName` parameter names), the activity's name, or `service:action` for other
    /// integrations. The playground shows one mock tab per key; `asl run --mocks DIR` looks
    /// for `DIR/<key>.js` (with `:` written as `.`).
    pub fn mock_key(&self, input: &serde_json::Value) -> String {
        match &self.kind {
            ResourceKind::LambdaFunction { name } | ResourceKind::Activity { name } => name.clone(),
            ResourceKind::Service { service, action, .. } if service == "lambda" && action == "invoke" => {
                match input.get("FunctionName").and_then(serde_json::Value::as_str) {
                    Some(f) => function_name(f),
                    None => "lambda:invoke".to_string(),
                }
            }
            ResourceKind::Service { service, action, .. } => format!("{service}:{action}"),
            ResourceKind::Placeholder => self.arn.trim_start_matches("${").trim_end_matches('}').to_string(),
            ResourceKind::Unknown => self.arn.clone(),
        }
    }

    /// Whether the resource runs a Lambda function, whose errors AWS reports as a JSON cause.
    pub fn is_lambda(&self) -> bool {
        matches!(self.kind, ResourceKind::LambdaFunction { .. }) || self.is_lambda_invoke()
    }

    /// `arn:aws:states:::lambda:invoke` (any pattern): the Lambda payload comes back wrapped.
    pub fn is_lambda_invoke(&self) -> bool {
        matches!(&self.kind, ResourceKind::Service { service, action, .. } if service == "lambda" && action == "invoke")
    }
}

/// `arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]`, `NAME:QUALIFIER` or `NAME` to
/// `NAME`.
fn function_name(f: &str) -> String {
    if let ResourceKind::LambdaFunction { name } = classify(f) {
        return name;
    }
    f.split(':').next().unwrap_or(f).to_string()
}

fn classify(arn: &str) -> ResourceKind {
    if super::fields::is_placeholder(arn) && arn.matches("${").count() == 1 {
        return ResourceKind::Placeholder;
    }
    // `${AWS::Region}`-style placeholders hide colons: mask them (keeping every byte offset) so
    // the ARN splits on its own colons only, then cut the original text at the same offsets.
    let masked = mask_placeholders(arn);
    let mut cuts = masked.match_indices(':').map(|(i, _)| i);
    let bounds: Vec<usize> = cuts.by_ref().take(6).collect();
    if bounds.len() < 5 || !arn.starts_with("arn:") {
        return ResourceKind::Unknown;
    }
    let part = |i: usize| -> &str {
        let start = if i == 0 { 0 } else { bounds[i - 1] + 1 };
        let end = bounds.get(i).copied().unwrap_or(arn.len());
        &arn[start..end]
    };
    let rest = |i: usize| -> &str { bounds.get(i - 1).map_or("", |b| &arn[b + 1..]) };
    if part(1).is_empty() {
        return ResourceKind::Unknown;
    }
    match part(2) {
        "lambda" if bounds.len() >= 6 && part(5) == "function" && !rest(6).is_empty() => {
            let name = rest(6);
            let name = match mask_placeholders(name).find(':') {
                Some(i) => &name[..i],
                None => name,
            };
            ResourceKind::LambdaFunction { name: name.to_string() }
        }
        "states" if bounds.len() >= 5 => {
            if part(5) == "activity" && bounds.len() >= 6 && !rest(6).is_empty() {
                ResourceKind::Activity { name: rest(6).to_string() }
            } else {
                // `arn:aws:states:::sqs:sendMessage`, also with a region and account filled in.
                service(rest(5))
            }
        }
        _ => ResourceKind::Unknown,
    }
}

/// `arn` with every `${...}` replaced by as many `x`s.
fn mask_placeholders(arn: &str) -> String {
    let mut out = String::with_capacity(arn.len());
    let mut rest = arn;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        match rest[start..].find('}') {
            Some(len) => {
                out.extend(std::iter::repeat_n('x', len + 1));
                rest = &rest[start + len + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// `sqs:sendMessage.waitForTaskToken`, `aws-sdk:s3:getObject`, `states:startExecution.sync:2`.
fn service(rest: &str) -> ResourceKind {
    let (path, pattern) = if let Some(p) = rest.strip_suffix(".waitForTaskToken") {
        (p, IntegrationPattern::WaitForTaskToken)
    } else if let Some(i) = rest.find(".sync") {
        let suffix = &rest[i + 5..];
        if suffix.is_empty() || suffix.starts_with(':') {
            (&rest[..i], IntegrationPattern::Sync)
        } else {
            (rest, IntegrationPattern::RequestResponse)
        }
    } else {
        (rest, IntegrationPattern::RequestResponse)
    };
    match path.rsplit_once(':') {
        Some((service, action)) if !service.is_empty() && !action.is_empty() => {
            ResourceKind::Service { service: service.to_string(), action: action.to_string(), pattern }
        }
        _ => ResourceKind::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lambda_function_with_and_without_qualifier() {
        let r = Resource::parse("arn:aws:lambda:us-east-1:123456789012:function:Pay:live");
        assert_eq!(r.kind, ResourceKind::LambdaFunction { name: "Pay".into() });
        let r = Resource::parse("arn:<partition>:lambda:<region>:111111111111:function:<fn>");
        assert_eq!(r.kind, ResourceKind::LambdaFunction { name: "<fn>".into() });
    }

    #[test]
    fn service_integrations_and_patterns() {
        let r = Resource::parse("arn:aws:states:::sqs:sendMessage.waitForTaskToken");
        assert_eq!(
            r.kind,
            ResourceKind::Service {
                service: "sqs".into(),
                action: "sendMessage".into(),
                pattern: IntegrationPattern::WaitForTaskToken
            }
        );
        assert_eq!(r.resource_name(), "sendMessage.waitForTaskToken");
        let r = Resource::parse("arn:aws:states:::states:startExecution.sync:2");
        assert_eq!(r.resource_name(), "startExecution.sync:2");
        assert!(matches!(r.kind, ResourceKind::Service { pattern: IntegrationPattern::Sync, .. }));
        let r = Resource::parse("arn:aws:states:::aws-sdk:s3:getObject");
        assert_eq!(r.resource_type(), "aws-sdk:s3");
        assert!(Resource::parse("arn:aws:states:::lambda:invoke").is_lambda_invoke());
    }

    #[test]
    fn mock_keys() {
        let input = serde_json::json!({"FunctionName": "arn:aws:lambda:us-east-1:1:function:Pay:live", "Payload": {}});
        assert_eq!(Resource::parse("arn:aws:states:::lambda:invoke").mock_key(&input), "Pay");
        let input = serde_json::json!({"FunctionName": "Ship"});
        assert_eq!(Resource::parse("arn:aws:states:::lambda:invoke.waitForTaskToken").mock_key(&input), "Ship");
        assert_eq!(Resource::parse("arn:aws:lambda:us-east-1:1:function:Refund").mock_key(&input), "Refund");
        assert_eq!(Resource::parse("arn:aws:states:::sqs:sendMessage").mock_key(&input), "sqs:sendMessage");
        assert_eq!(Resource::parse("${ShipFunction}").mock_key(&input), "ShipFunction");
    }

    #[test]
    fn activities_placeholders_and_nonsense() {
        let r = Resource::parse("arn:aws:states:us-east-1:123456789012:activity:Approve");
        assert!(r.waits_for_callback());
        assert_eq!(Resource::parse("${PayFunctionArn}").kind, ResourceKind::Placeholder);
        assert_eq!(Resource::parse("not an arn").kind, ResourceKind::Unknown);
        assert_eq!(Resource::parse("arn:aws:states:::").kind, ResourceKind::Unknown);
    }

    #[test]
    fn placeholders_and_regional_service_arns() {
        let r = Resource::parse("arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:translate");
        assert_eq!(r.kind, ResourceKind::LambdaFunction { name: "translate".into() });
        let r = Resource::parse("arn:${AWS::Partition}:states:::sns:publish");
        assert_eq!(r.resource_type(), "sns");
        let r = Resource::parse("arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:aws-sdk:s3:getObject");
        assert_eq!(r.resource_type(), "aws-sdk:s3");
        let r = Resource::parse("arn:aws:states:us-east-1:776177632559:athena:startQueryExecution.sync");
        assert!(matches!(r.kind, ResourceKind::Service { pattern: IntegrationPattern::Sync, .. }));
        let r = Resource::parse("arn:aws:lambda:us-east-1:1:function:${Name}:live");
        assert_eq!(r.kind, ResourceKind::LambdaFunction { name: "${Name}".into() });
    }
}
