//! A Distributed Map's results written as its `ResultWriter` says: the child executions'
//! records (or their outputs) in `SUCCEEDED_n.json` and `FAILED_n.json`, and a
//! `manifest.json` listing them, under `<Prefix>/<map run id>/`.

use serde_json::{Map, Value, json};

use super::VirtualS3;
use crate::model::distributed::{OutputType, Transformation};
use crate::timestamp::format_millis;

/// One child execution of a map run, as its result record describes it.
#[derive(Clone, Debug, PartialEq)]
pub struct ChildRecord {
    pub execution_arn: String,
    pub name: String,
    pub state_machine_arn: String,
    pub input: Value,
    /// The output, or the error and cause.
    pub outcome: Result<Value, (Option<String>, Option<String>)>,
    pub started_at: i64,
    pub stopped_at: i64,
}

impl ChildRecord {
    /// The record as `Transformation: NONE` writes it: the execution's description.
    pub fn describe(&self) -> Value {
        let mut m = Map::new();
        m.insert("ExecutionArn".into(), json!(self.execution_arn));
        m.insert("Input".into(), json!(self.input.to_string()));
        m.insert("InputDetails".into(), json!({"Included": true}));
        m.insert("Name".into(), json!(self.name));
        match &self.outcome {
            Ok(output) => {
                m.insert("Output".into(), json!(output.to_string()));
                m.insert("OutputDetails".into(), json!({"Included": true}));
            }
            Err((error, cause)) => {
                if let Some(e) = error {
                    m.insert("Error".into(), json!(e));
                }
                if let Some(c) = cause {
                    m.insert("Cause".into(), json!(c));
                }
            }
        }
        m.insert("RedriveCount".into(), json!(0));
        let (status, redrive, reason) = match &self.outcome {
            Ok(_) => ("SUCCEEDED", "NOT_REDRIVABLE", "Execution is SUCCEEDED and cannot be redriven"),
            // A child that ran out of time (an EXPRESS one past five minutes).
            Err((Some(e), _)) if e == crate::errors::TIMEOUT => ("TIMED_OUT", "REDRIVABLE", ""),
            Err(_) => ("FAILED", "REDRIVABLE", ""),
        };
        m.insert("RedriveStatus".into(), json!(redrive));
        if !reason.is_empty() {
            m.insert("RedriveStatusReason".into(), json!(reason));
        }
        m.insert("StartDate".into(), json!(format_millis(self.started_at)));
        m.insert("StateMachineArn".into(), json!(self.state_machine_arn));
        m.insert("Status".into(), json!(status));
        m.insert("StopDate".into(), json!(format_millis(self.stopped_at)));
        Value::Object(m)
    }
}

/// The children's results shaped by `Transformation`: a failed child keeps its whole record,
/// whatever the transformation.
pub fn transform(records: &[ChildRecord], transformation: Transformation) -> Vec<Value> {
    let mut out = Vec::with_capacity(records.len());
    for r in records {
        match (&r.outcome, transformation) {
            (Ok(_), Transformation::None) | (Err(_), _) => out.push(r.describe()),
            (Ok(output), Transformation::Compact) => out.push(output.clone()),
            (Ok(Value::Array(items)), Transformation::Flatten) => out.extend(items.iter().cloned()),
            (Ok(output), Transformation::Flatten) => out.push(output.clone()),
        }
    }
    out
}

/// Where to write, and how.
pub struct Destination<'a> {
    pub bucket: &'a str,
    /// The prefix as given (a `/` is added between it and the run id).
    pub prefix: &'a str,
    pub map_run_arn: &'a str,
    pub run_id: &'a str,
    pub output_type: OutputType,
    pub transformation: Transformation,
}

/// Writes the result files and the manifest; returns the `ResultWriterDetails` (bucket and
/// manifest key), or the cause of `States.ResultWriterFailed`.
pub fn write(s3: &mut VirtualS3, to: &Destination, records: &[ChildRecord], now: i64) -> Result<Value, String> {
    if !s3.has_bucket(to.bucket) {
        return Err(super::S3Error::NoSuchBucket { bucket: to.bucket.into() }.cause());
    }
    let folder = match to.prefix.trim_end_matches('/') {
        "" => to.run_id.to_string(),
        p => format!("{p}/{}", to.run_id),
    };
    let (succeeded, failed): (Vec<ChildRecord>, Vec<ChildRecord>) =
        records.iter().cloned().partition(|r| r.outcome.is_ok());
    let mut listed = Map::new();
    for (status, group) in [("FAILED", failed), ("PENDING", Vec::new()), ("SUCCEEDED", succeeded)] {
        let mut files = Vec::new();
        if !group.is_empty() {
            let key = format!("{folder}/{status}_0.json");
            let body = encode(&transform(&group, to.transformation), to.output_type);
            let size = body.len();
            s3.put(to.bucket, &key, body, now).map_err(|e| e.cause())?;
            files.push(json!({"Key": key, "Size": size}));
        }
        listed.insert(status.to_string(), Value::Array(files));
    }
    let manifest = json!({
        "DestinationBucket": to.bucket,
        "MapRunArn": to.map_run_arn,
        "ResultFiles": Value::Object(listed),
    });
    let key = format!("{folder}/manifest.json");
    s3.put(to.bucket, &key, manifest.to_string().into_bytes(), now).map_err(|e| e.cause())?;
    Ok(json!({"Bucket": to.bucket, "Key": key}))
}

fn encode(values: &[Value], output_type: OutputType) -> Vec<u8> {
    match output_type {
        OutputType::Json => Value::Array(values.to_vec()).to_string().into_bytes(),
        OutputType::Jsonl => {
            let mut out = String::new();
            for v in values {
                out.push_str(&v.to_string());
                out.push('\n');
            }
            out.into_bytes()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(outcome: Result<Value, (Option<String>, Option<String>)>) -> ChildRecord {
        ChildRecord {
            execution_arn: "arn:x".into(),
            name: "child".into(),
            state_machine_arn: "arn:sm".into(),
            input: json!({"i": 1}),
            outcome,
            started_at: 0,
            stopped_at: 1000,
        }
    }

    #[test]
    fn writes_the_files_and_a_manifest_listing_them() {
        let mut s3 = VirtualS3::from_files([("out/", &b""[..])], 0);
        let to = Destination {
            bucket: "out",
            prefix: "jobs",
            map_run_arn: "arn:run",
            run_id: "r1",
            output_type: OutputType::Json,
            transformation: Transformation::Compact,
        };
        let records = [record(Ok(json!([1, 2]))), record(Err((Some("E".into()), None)))];
        let details = write(&mut s3, &to, &records, 7).unwrap();
        assert_eq!(details, json!({"Bucket": "out", "Key": "jobs/r1/manifest.json"}));
        let succeeded = s3.get("out", "jobs/r1/SUCCEEDED_0.json").unwrap();
        assert_eq!(succeeded.text(), Some("[[1,2]]"));
        let failed: Value =
            serde_json::from_str(s3.get("out", "jobs/r1/FAILED_0.json").unwrap().text().unwrap()).unwrap();
        assert_eq!(failed[0]["Status"], "FAILED");
        assert_eq!(failed[0]["Error"], "E");
        let manifest: Value =
            serde_json::from_str(s3.get("out", "jobs/r1/manifest.json").unwrap().text().unwrap()).unwrap();
        assert_eq!(manifest["ResultFiles"]["SUCCEEDED"][0]["Key"], "jobs/r1/SUCCEEDED_0.json");
        assert_eq!(manifest["ResultFiles"]["PENDING"], json!([]));
    }

    #[test]
    fn a_missing_bucket_is_a_cause() {
        let mut s3 = VirtualS3::new();
        let to = Destination {
            bucket: "none",
            prefix: "",
            map_run_arn: "a",
            run_id: "r",
            output_type: OutputType::Jsonl,
            transformation: Transformation::None,
        };
        assert!(write(&mut s3, &to, &[], 0).unwrap_err().contains("bucket does not exist"));
    }

    #[test]
    fn flatten_merges_list_outputs_and_keeps_failures_whole() {
        let records = [record(Ok(json!([1, 2]))), record(Ok(json!(3))), record(Err((None, Some("c".into()))))];
        let out = transform(&records, Transformation::Flatten);
        assert_eq!(out[..3], [json!(1), json!(2), json!(3)]);
        assert_eq!(out[3]["Cause"], "c");
        assert_eq!(transform(&records[..1], Transformation::None)[0]["Output"], "[1,2]");
    }
}
