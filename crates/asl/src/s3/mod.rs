//! A virtual S3: the buckets and objects an execution reads and writes, as plain data.
//!
//! The host fills it before a run (the command from a folder, `--s3 DIR`; the playground from
//! its Files tab) and reads it back afterwards to show what the run wrote. The engine reads
//! Distributed Map items from it (`ItemReader`), writes a Map's results to it
//! (`ResultWriter`), and answers S3 service-integration tasks from it when no mock does. It
//! stays data: no file or network access here.

pub mod csv;
pub mod items;
pub mod results;
pub mod tasks;

use std::collections::BTreeMap;

use crate::digest::{hex, md5};

/// One object: its bytes, when it was last written (virtual milliseconds since the epoch), and
/// whether the current run wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Object {
    pub body: Vec<u8>,
    pub last_modified: i64,
    pub written: bool,
}

impl Object {
    /// The entity tag S3 gives an object written in one part: its MD5 in hex, in quotes.
    pub fn etag(&self) -> String {
        format!("\"{}\"", hex(&md5(&self.body)))
    }

    /// The body as text, or `None` when it is not UTF-8.
    pub fn text(&self) -> Option<&str> {
        std::str::from_utf8(&self.body).ok()
    }
}

/// Why S3 refused a request, in S3's own words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum S3Error {
    NoSuchBucket { bucket: String },
    NoSuchKey { bucket: String, key: String },
}

impl S3Error {
    /// S3's error code (`NoSuchKey`...), which the SDK integrations prefix with `S3.`.
    pub fn code(&self) -> &'static str {
        match self {
            S3Error::NoSuchBucket { .. } => "NoSuchBucket",
            S3Error::NoSuchKey { .. } => "NoSuchKey",
        }
    }

    /// S3's message for the error.
    pub fn message(&self) -> &'static str {
        match self {
            S3Error::NoSuchBucket { .. } => "The specified bucket does not exist",
            S3Error::NoSuchKey { .. } => "The specified key does not exist.",
        }
    }

    /// The cause a Distributed Map's reader or writer fails with: S3's error as the SDK reports
    /// it, and what a person can do about it here.
    pub fn cause(&self) -> String {
        format!(
            "{} (Service: S3, Status Code: 404, Error Code: {}). In this run, {}",
            self.message(),
            self.code(),
            self.hint()
        )
    }

    /// The message, and what a person of this tool can do about it.
    pub fn hint(&self) -> String {
        match self {
            S3Error::NoSuchBucket { bucket } => format!(
                "there is no bucket '{bucket}' in the virtual S3: add a folder '{bucket}' to the S3 folder (asl run --s3 DIR), or a file under '{bucket}/' in the Files tab"
            ),
            S3Error::NoSuchKey { bucket, key } => format!(
                "there is no object '{key}' in bucket '{bucket}' of the virtual S3: add the file '{bucket}/{key}' to the S3 folder (asl run --s3 DIR) or to the Files tab"
            ),
        }
    }
}

/// The buckets, each a map of keys to objects, in key order (S3 lists keys in UTF-8 order).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VirtualS3 {
    buckets: BTreeMap<String, BTreeMap<String, Object>>,
}

/// One entry of a listing, as ListObjectsV2 describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed<'a> {
    pub key: &'a str,
    pub object: &'a Object,
}

impl VirtualS3 {
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads `"bucket/key": "text"` pairs (a key ending in `/` with nothing after the bucket
    /// only makes the bucket), all dated `time`.
    pub fn from_files<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>, time: i64) -> Self {
        let mut s3 = VirtualS3::new();
        for (path, body) in files {
            let (bucket, key) = path.split_once('/').unwrap_or((path, ""));
            if key.is_empty() {
                s3.create_bucket(bucket);
            } else {
                s3.insert(bucket, key, body.to_vec(), time, false);
            }
        }
        s3
    }

    pub fn create_bucket(&mut self, bucket: &str) {
        self.buckets.entry(bucket.to_string()).or_default();
    }

    pub fn has_bucket(&self, bucket: &str) -> bool {
        self.buckets.contains_key(bucket)
    }

    /// Stores an object, creating its bucket.
    pub fn insert(&mut self, bucket: &str, key: &str, body: Vec<u8>, time: i64, written: bool) {
        self.buckets
            .entry(bucket.to_string())
            .or_default()
            .insert(key.to_string(), Object { body, last_modified: time, written });
    }

    /// PutObject: the bucket must exist, as on S3.
    pub fn put(&mut self, bucket: &str, key: &str, body: Vec<u8>, time: i64) -> Result<&Object, S3Error> {
        let objects =
            self.buckets.get_mut(bucket).ok_or_else(|| S3Error::NoSuchBucket { bucket: bucket.to_string() })?;
        let slot =
            objects.entry(key.to_string()).or_insert(Object { body: Vec::new(), last_modified: time, written: true });
        *slot = Object { body, last_modified: time, written: true };
        Ok(slot)
    }

    /// GetObject.
    pub fn get(&self, bucket: &str, key: &str) -> Result<&Object, S3Error> {
        let objects = self.buckets.get(bucket).ok_or_else(|| S3Error::NoSuchBucket { bucket: bucket.to_string() })?;
        objects.get(key).ok_or_else(|| S3Error::NoSuchKey { bucket: bucket.to_string(), key: key.to_string() })
    }

    /// ListObjectsV2 over a prefix, in key order.
    pub fn list(&self, bucket: &str, prefix: &str) -> Result<Vec<Listed<'_>>, S3Error> {
        let objects = self.buckets.get(bucket).ok_or_else(|| S3Error::NoSuchBucket { bucket: bucket.to_string() })?;
        Ok(objects
            .range(prefix.to_string()..)
            .take_while(|(k, _)| k.starts_with(prefix))
            .map(|(key, object)| Listed { key, object })
            .collect())
    }

    /// Every object, as `(bucket, key, object)`, buckets and keys in order.
    pub fn objects(&self) -> impl Iterator<Item = (&str, &str, &Object)> {
        self.buckets.iter().flat_map(|(b, objects)| objects.iter().map(move |(k, o)| (b.as_str(), k.as_str(), o)))
    }

    /// The buckets, in order, including empty ones.
    pub fn buckets(&self) -> impl Iterator<Item = &str> {
        self.buckets.keys().map(String::as_str)
    }

    /// The objects this run wrote.
    pub fn written(&self) -> impl Iterator<Item = (&str, &str, &Object)> {
        self.objects().filter(|(_, _, o)| o.written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_a_prefix_in_key_order() {
        let s3 = VirtualS3::from_files([("b/x/2", &b"2"[..]), ("b/x/1", b"1"), ("b/y", b"y"), ("e/", b"")], 0);
        let keys: Vec<_> = s3.list("b", "x/").unwrap().iter().map(|l| l.key).collect();
        assert_eq!(keys, ["x/1", "x/2"]);
        assert!(s3.list("e", "").unwrap().is_empty());
        assert_eq!(s3.list("none", ""), Err(S3Error::NoSuchBucket { bucket: "none".into() }));
    }

    #[test]
    fn etag_is_the_quoted_md5() {
        let o = Object { body: b"hello".to_vec(), last_modified: 0, written: false };
        assert_eq!(o.etag(), "\"5d41402abc4b2a76b9719d911017c592\"");
    }

    #[test]
    fn put_needs_the_bucket_and_marks_what_it_wrote() {
        let mut s3 = VirtualS3::from_files([("b/", &b""[..])], 0);
        assert!(s3.put("missing", "k", vec![], 5).is_err());
        s3.put("b", "k", b"v".to_vec(), 5).unwrap();
        let written: Vec<_> = s3.written().map(|(b, k, _)| format!("{b}/{k}")).collect();
        assert_eq!(written, ["b/k"]);
        assert_eq!(s3.get("b", "nope"), Err(S3Error::NoSuchKey { bucket: "b".into(), key: "nope".into() }));
    }
}
