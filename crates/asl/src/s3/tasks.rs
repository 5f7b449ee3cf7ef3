//! S3 service-integration tasks answered from the virtual S3 when no mock answers them:
//! `aws-sdk:s3:getObject`, `putObject` and `listObjectsV2`, with S3's response shapes and the
//! SDK integration's error names (`S3.NoSuchKeyException`...).

use serde_json::{Map, Value, json};

use super::{Object, S3Error, VirtualS3};
use crate::model::{IntegrationPattern, Resource, ResourceKind};
use crate::timestamp::format_millis;

/// The S3 actions the virtual S3 answers.
pub fn handles(resource: &Resource) -> bool {
    matches!(&resource.kind, ResourceKind::Service { service, action, pattern: IntegrationPattern::RequestResponse }
        if service == "aws-sdk:s3" && matches!(action.as_str(), "getObject" | "putObject" | "listObjectsV2"))
}

/// The task's result, or its error and cause. `None` when the resource is not one the virtual
/// S3 answers.
pub fn answer(
    s3: &mut VirtualS3,
    resource: &Resource,
    input: &Value,
    now: i64,
) -> Option<Result<Value, (String, String)>> {
    if !handles(resource) {
        return None;
    }
    let ResourceKind::Service { action, .. } = &resource.kind else { return None };
    let text = |name: &str| input.get(name).and_then(Value::as_str).unwrap_or_default().to_string();
    let (bucket, key) = (text("Bucket"), text("Key"));
    let result = match action.as_str() {
        "getObject" => s3.get(&bucket, &key).map(get_object),
        "putObject" => {
            let body = match input.get("Body") {
                None | Some(Value::Null) => Vec::new(),
                Some(Value::String(s)) => s.clone().into_bytes(),
                // The SDK integration serialises a JSON Body.
                Some(other) => other.to_string().into_bytes(),
            };
            s3.put(&bucket, &key, body, now).map(|o| json!({"ETag": o.etag(), "ServerSideEncryption": "AES256"}))
        }
        _ => list_objects(s3, &bucket, &text("Prefix")),
    };
    Some(result.map_err(|e| sdk_error(&e, &bucket, &key)))
}

fn get_object(o: &Object) -> Value {
    let mut m = Map::new();
    m.insert("AcceptRanges".into(), json!("bytes"));
    m.insert("Body".into(), json!(String::from_utf8_lossy(&o.body)));
    m.insert("ContentLength".into(), json!(o.body.len()));
    m.insert("ContentType".into(), json!("binary/octet-stream"));
    m.insert("ETag".into(), json!(o.etag()));
    m.insert("LastModified".into(), json!(format_millis(o.last_modified)));
    m.insert("Metadata".into(), json!({}));
    m.insert("ServerSideEncryption".into(), json!("AES256"));
    Value::Object(m)
}

fn list_objects(s3: &VirtualS3, bucket: &str, prefix: &str) -> Result<Value, S3Error> {
    let listed = s3.list(bucket, prefix)?;
    let contents: Vec<Value> = listed
        .iter()
        .map(|l| {
            json!({
                "ETag": l.object.etag(),
                "Key": l.key,
                "LastModified": format_millis(l.object.last_modified),
                "Size": l.object.body.len(),
                "StorageClass": "STANDARD",
            })
        })
        .collect();
    let mut m = Map::new();
    m.insert("Contents".into(), Value::Array(contents));
    m.insert("IsTruncated".into(), json!(false));
    m.insert("KeyCount".into(), json!(listed.len()));
    m.insert("MaxKeys".into(), json!(1000));
    m.insert("Name".into(), json!(bucket));
    m.insert("Prefix".into(), json!(prefix));
    Ok(Value::Object(m))
}

/// The SDK integration's error: `S3.<Code>Exception`, and S3's message with the service's
/// decoration.
fn sdk_error(e: &S3Error, bucket: &str, key: &str) -> (String, String) {
    let request_id = request_id(bucket, key);
    (
        format!("S3.{}Exception", e.code()),
        format!(
            "{} (Service: S3, Status Code: 404, Request ID: {request_id}, Extended Request ID: {request_id})",
            e.message()
        ),
    )
}

/// A request id that stays the same from run to run.
fn request_id(bucket: &str, key: &str) -> String {
    crate::digest::hex(&crate::digest::md5(format!("{bucket}/{key}").as_bytes())[..8]).to_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sdk(action: &str) -> Resource {
        Resource::parse(&format!("arn:aws:states:::aws-sdk:s3:{action}"))
    }

    #[test]
    fn put_then_get_then_list() {
        let mut s3 = VirtualS3::from_files([("b/", &b""[..])], 0);
        let put = answer(&mut s3, &sdk("putObject"), &json!({"Bucket": "b", "Key": "k", "Body": "hello"}), 1000);
        assert_eq!(put.unwrap().unwrap()["ETag"], "\"5d41402abc4b2a76b9719d911017c592\"");
        let got = answer(&mut s3, &sdk("getObject"), &json!({"Bucket": "b", "Key": "k"}), 0).unwrap().unwrap();
        assert_eq!(got["Body"], "hello");
        assert_eq!(got["ContentLength"], 5);
        let listed = answer(&mut s3, &sdk("listObjectsV2"), &json!({"Bucket": "b"}), 0).unwrap().unwrap();
        assert_eq!(listed["KeyCount"], 1);
        assert_eq!(listed["Contents"][0]["Key"], "k");
    }

    #[test]
    fn missing_keys_and_buckets_fail_as_the_sdk_integration_does() {
        let mut s3 = VirtualS3::from_files([("b/", &b""[..])], 0);
        let (error, cause) =
            answer(&mut s3, &sdk("getObject"), &json!({"Bucket": "b", "Key": "k"}), 0).unwrap().unwrap_err();
        assert_eq!(error, "S3.NoSuchKeyException");
        assert!(cause.starts_with("The specified key does not exist. (Service: S3, Status Code: 404, Request ID: "));
        let (error, _) =
            answer(&mut s3, &sdk("putObject"), &json!({"Bucket": "x", "Key": "k"}), 0).unwrap().unwrap_err();
        assert_eq!(error, "S3.NoSuchBucketException");
    }

    #[test]
    fn other_resources_are_not_answered() {
        let mut s3 = VirtualS3::new();
        assert!(answer(&mut s3, &sdk("deleteObject"), &json!({}), 0).is_none());
        assert!(answer(&mut s3, &Resource::parse("arn:aws:states:::sqs:sendMessage"), &json!({}), 0).is_none());
    }
}
