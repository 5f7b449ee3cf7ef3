//! How AWS shapes a function's return value for the resource that called it: a bare Lambda
//! ARN gets the payload itself; `arn:aws:states:::lambda:invoke` wraps it in the Invoke API's
//! response.

use serde_json::{Value, json};

use crate::model::Resource;
use crate::rng::Rng;

pub(super) fn shape_function_result(resource: &Resource, payload: Value, now: i64, rng: &mut Rng) -> Value {
    if !resource.is_lambda_invoke() {
        return payload;
    }
    let request_id = rng.uuid_v4();
    let length = serde_json::to_string(&payload).map(|s| s.len()).unwrap_or(0).to_string();
    let date = http_date(now);
    let trace = format!("root=1-{:08x}-{}", (now / 1000) as u32, &rng.uuid_v4().replace('-', "")[..24]);
    json!({
        "ExecutedVersion": "$LATEST",
        "Payload": payload,
        "SdkHttpMetadata": {
            "AllHttpHeaders": {
                "X-Amz-Executed-Version": ["$LATEST"],
                "x-amzn-Remapped-Content-Length": ["0"],
                "Connection": ["keep-alive"],
                "x-amzn-RequestId": [request_id],
                "Content-Length": [length],
                "Date": [date],
                "X-Amzn-Trace-Id": [trace],
                "Content-Type": ["application/json"]
            },
            "HttpHeaders": {
                "Connection": "keep-alive",
                "Content-Length": length,
                "Content-Type": "application/json",
                "Date": date,
                "X-Amz-Executed-Version": "$LATEST",
                "x-amzn-Remapped-Content-Length": "0",
                "x-amzn-RequestId": request_id,
                "X-Amzn-Trace-Id": trace
            },
            "HttpStatusCode": 200
        },
        "SdkResponseMetadata": { "RequestId": request_id },
        "StatusCode": 200
    })
}

/// A function's thrown error as the task reports it: for a Lambda function the cause is
/// Lambda's JSON error payload as the Node.js runtime writes it (`{"errorType", "errorMessage",
/// "trace"}`, in that order, since the cause is text that people compare), otherwise the
/// message itself.
pub(super) fn function_error(lambda: bool, error: String, message: String) -> crate::errors::Failure {
    let cause =
        if lambda { json!({"errorType": error, "errorMessage": message, "trace": []}).to_string() } else { message };
    crate::errors::Failure::new(error, cause)
}

/// An HTTP `Date` header (RFC 7231) for a virtual time.
fn http_date(ms: i64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp(ms.div_euclid(1000)).unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    format!(
        "{}, {:02} {} {} {:02}:{:02}:{:02} GMT",
        DAYS[t.weekday().number_days_from_monday() as usize],
        t.day(),
        MONTHS[u8::from(t.month()) as usize - 1],
        t.year(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invoke_wraps_and_bare_arn_passes_through() {
        let mut rng = Rng::from_seed(1);
        let bare = Resource::parse("arn:aws:lambda:us-east-1:123456789012:function:F");
        assert_eq!(shape_function_result(&bare, json!({"a": 1}), 0, &mut rng), json!({"a": 1}));
        let invoke = Resource::parse("arn:aws:states:::lambda:invoke");
        let v = shape_function_result(&invoke, json!({"a": 1}), 0, &mut rng);
        assert_eq!(v["Payload"], json!({"a": 1}));
        assert_eq!(v["StatusCode"], json!(200));
        assert_eq!(v["SdkHttpMetadata"]["HttpHeaders"]["Date"], json!("Thu, 01 Jan 1970 00:00:00 GMT"));
    }
}
