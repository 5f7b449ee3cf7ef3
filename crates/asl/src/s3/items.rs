//! A Distributed Map's items read from S3, as its `ItemReader` says: one object read as JSON,
//! JSON Lines, CSV or an S3 Inventory manifest, or the listing of a bucket.
//!
//! Every fault is a cause for `States.ItemReaderFailed`, in AWS's words where AWS's are known.

use serde_json::{Map, Value};

use super::{VirtualS3, csv};
use crate::model::distributed::{InputType, ItemReader, ReaderResource};

/// What the reader was asked for once its Parameters (or Arguments) were evaluated.
pub struct ReadRequest<'a> {
    pub reader: &'a ItemReader,
    /// The evaluated Parameters or Arguments: `Bucket`, `Key` or `Prefix`.
    pub arguments: &'a Value,
    /// 0 or `None`: every item.
    pub max_items: Option<u64>,
}

/// The items, or the cause of `States.ItemReaderFailed`.
pub fn read(s3: Option<&VirtualS3>, request: &ReadRequest) -> Result<Vec<Value>, String> {
    let Some(s3) = s3 else {
        return Err(
            "There is no S3 to read from: give the run an S3 folder (asl run --s3 DIR, one sub-folder per bucket) or add the objects in the playground's Files tab".into(),
        );
    };
    let bucket = text_argument(request.arguments, "Bucket")?.ok_or("The ItemReader's parameters name no Bucket")?;
    let mut items = match &request.reader.resource {
        ReaderResource::ListObjectsV2 => {
            let prefix = text_argument(request.arguments, "Prefix")?.unwrap_or_default();
            if request.reader.config.load_and_flatten {
                // Each listed object read as the reader's InputType, one dataset of them all.
                let keys: Vec<String> =
                    s3.list(&bucket, &prefix).map_err(|e| e.cause())?.iter().map(|l| l.key.to_string()).collect();
                let mut items = Vec::new();
                for key in keys {
                    items.extend(object_items(s3, &bucket, &key, request)?);
                }
                items
            } else {
                list(s3, &bucket, &prefix)?
            }
        }
        ReaderResource::GetObject => {
            let key = text_argument(request.arguments, "Key")?.ok_or("The ItemReader's parameters name no Key")?;
            object_items(s3, &bucket, &key, request)?
        }
        ReaderResource::Other(r) => return Err(format!("The ItemReader Resource '{r}' cannot be read")),
    };
    if let Some(n) = request.max_items.filter(|n| *n > 0) {
        items.truncate(usize::try_from(n).unwrap_or(usize::MAX));
    }
    Ok(items)
}

/// The items of one object, read as the reader's InputType says.
fn object_items(s3: &VirtualS3, bucket: &str, key: &str, request: &ReadRequest) -> Result<Vec<Value>, String> {
    let config = &request.reader.config;
    let body = object_text(s3, bucket, key)?;
    match config.input_type {
        Some(InputType::Json) | None => json(body, config.items_pointer.as_deref()),
        Some(InputType::Jsonl) => json_lines(body),
        Some(InputType::Csv) => csv_items(body, config.csv_delimiter, config.csv_headers.as_deref()),
        Some(InputType::Manifest) => manifest(s3, body, config.csv_delimiter),
    }
}

fn text_argument(arguments: &Value, name: &str) -> Result<Option<String>, String> {
    match arguments.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(format!("The ItemReader's {name} must be a string, but was {other}")),
    }
}

fn object_text<'a>(s3: &'a VirtualS3, bucket: &str, key: &str) -> Result<&'a str, String> {
    let object = s3.get(bucket, key).map_err(|e| e.cause())?;
    object.text().ok_or_else(|| format!("The object '{key}' in bucket '{bucket}' is not UTF-8 text"))
}

fn list(s3: &VirtualS3, bucket: &str, prefix: &str) -> Result<Vec<Value>, String> {
    let listed = s3.list(bucket, prefix).map_err(|e| e.cause())?;
    Ok(listed
        .into_iter()
        .map(|l| {
            let mut item = Map::new();
            item.insert("Etag".into(), Value::String(l.object.etag()));
            item.insert("Key".into(), Value::String(l.key.to_string()));
            // Epoch seconds, as the listing reaches the Map.
            item.insert("LastModified".into(), Value::from(l.object.last_modified.div_euclid(1000)));
            item.insert("Size".into(), Value::from(l.object.body.len()));
            item.insert("StorageClass".into(), Value::String("STANDARD".into()));
            Value::Object(item)
        })
        .collect())
}

const NOT_ITERABLE: &str = "Attempting to map over non-iterable node.";

fn json(body: &str, items_pointer: Option<&str>) -> Result<Vec<Value>, String> {
    let doc: Value = serde_json::from_str(body).map_err(|e| {
        format!("The object is not valid JSON: {} at line {}, column {}", plain(&e), e.line(), e.column())
    })?;
    let selected = match items_pointer {
        Some(p) => doc.pointer(p).cloned().ok_or_else(|| {
            "The provided ReaderConfig.ItemsPointer does not match any valid path in the JSON structure.".to_string()
        })?,
        None => doc,
    };
    match selected {
        Value::Array(items) => Ok(items),
        _ => Err(NOT_ITERABLE.into()),
    }
}

fn json_lines(body: &str) -> Result<Vec<Value>, String> {
    body.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l)
                .map_err(|e| format!("Line {} of the JSON Lines object is not valid JSON: {}", i + 1, plain(&e)))
        })
        .collect()
}

/// AWS's limit on a CSV's header row.
const MAX_CSV_HEADER_BYTES: usize = 10 * 1024;

/// CSV rows as objects keyed by the headers: missing fields read as empty strings, extra
/// fields are dropped, every value is a string.
fn csv_items(body: &str, delimiter: char, given: Option<&[String]>) -> Result<Vec<Value>, String> {
    let mut rows = csv::rows(body, delimiter)
        .map_err(|e| format!("The CSV object cannot be read at line {}: {}", e.line, e.message))?
        .into_iter();
    let headers: Vec<String> = match given {
        Some(h) => h.to_vec(),
        None => match rows.next() {
            Some(h) => h,
            None => return Ok(Vec::new()),
        },
    };
    let header_bytes = headers.iter().map(|h| h.len() + 1).sum::<usize>();
    if header_bytes > MAX_CSV_HEADER_BYTES {
        return Err(format!(
            "The CSV header is {header_bytes} bytes; Step Functions reads CSV headers of up to 10 KiB"
        ));
    }
    for (i, h) in headers.iter().enumerate() {
        if headers[..i].contains(h) {
            return Err("CSV headers cannot contain duplicates.".into());
        }
    }
    Ok(rows
        .map(|row| {
            let mut item = Map::new();
            for (i, h) in headers.iter().enumerate() {
                item.insert(h.clone(), Value::String(row.get(i).cloned().unwrap_or_default()));
            }
            Value::Object(item)
        })
        .collect())
}

/// An S3 Inventory `manifest.json`: every CSV file it lists, each row an object keyed by the
/// manifest's `fileSchema`.
fn manifest(s3: &VirtualS3, body: &str, delimiter: char) -> Result<Vec<Value>, String> {
    let m: Value = serde_json::from_str(body).map_err(|e| format!("The manifest is not valid JSON: {}", plain(&e)))?;
    if let Some(format) = m.get("fileFormat").and_then(Value::as_str)
        && !format.eq_ignore_ascii_case("CSV")
    {
        return Err(format!("The manifest's fileFormat is {format}; only CSV inventories can be read"));
    }
    let schema: Vec<String> = m
        .get("fileSchema")
        .and_then(Value::as_str)
        .ok_or("The manifest has no fileSchema")?
        .split(',')
        .map(|s| s.trim().to_string())
        .collect();
    let bucket = m
        .get("destinationBucket")
        .and_then(Value::as_str)
        .map(|b| b.rsplit(":::").next().unwrap_or(b).to_string())
        .ok_or("The manifest has no destinationBucket")?;
    let files = m.get("files").and_then(Value::as_array).ok_or("The manifest lists no files")?;
    let mut items = Vec::new();
    for file in files {
        let key = file.get("key").and_then(Value::as_str).ok_or("A file of the manifest has no key")?;
        let object = s3.get(&bucket, key).map_err(|e| e.cause())?;
        let body = if object.body.starts_with(&[0x1f, 0x8b]) {
            gunzip(&object.body).map_err(|why| format!("The inventory file '{key}' cannot be decompressed: {why}"))?
        } else {
            object.body.clone()
        };
        let text = String::from_utf8(body).map_err(|_| format!("The inventory file '{key}' is not UTF-8 text"))?;
        items.extend(csv_items(&text, delimiter, Some(&schema))?);
    }
    Ok(items)
}

/// The content of a gzip file (RFC 1952), as S3 Inventory writes its CSV files.
#[cfg(not(target_arch = "wasm32"))]
fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    const MAX_BYTES: usize = 1 << 30;
    let header = bytes.get(..10).ok_or("the gzip header is cut short")?;
    if header[2] != 8 {
        return Err("it is not deflate-compressed".into());
    }
    let flags = header[3];
    let mut at = 10;
    let cut = || "the gzip header is cut short".to_string();
    if flags & 4 != 0 {
        let len = bytes.get(at..at + 2).ok_or_else(cut)?;
        at += 2 + usize::from(u16::from_le_bytes([len[0], len[1]]));
    }
    for flag in [8, 16] {
        if flags & flag != 0 {
            let end = bytes.get(at..).and_then(|b| b.iter().position(|c| *c == 0)).ok_or_else(cut)?;
            at += end + 1;
        }
    }
    if flags & 2 != 0 {
        at += 2;
    }
    let data = bytes.get(at..).ok_or_else(cut)?;
    miniz_oxide::inflate::decompress_to_vec_with_limit(data, MAX_BYTES).map_err(|e| format!("{:?}", e.status))
}

/// In the browser the Files tab holds text: no gzip there.
#[cfg(target_arch = "wasm32")]
fn gunzip(_bytes: &[u8]) -> Result<Vec<u8>, String> {
    Err("the playground reads S3 Inventory files uncompressed: store it as plain CSV".into())
}

/// serde_json's message without its " at line X column Y" suffix.
fn plain(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::model::distributed::ReaderConfig;

    fn reader(resource: ReaderResource, config: ReaderConfig) -> ItemReader {
        ItemReader { resource, arguments: None, config }
    }

    fn csv_config(headers: Option<Vec<&str>>) -> ReaderConfig {
        ReaderConfig {
            input_type: Some(InputType::Csv),
            csv_headers: headers.map(|h| h.into_iter().map(String::from).collect()),
            ..ReaderConfig::default()
        }
    }

    fn read_one(body: &str, config: ReaderConfig, max_items: Option<u64>) -> Result<Vec<Value>, String> {
        let s3 = VirtualS3::from_files([("b/k", body.as_bytes())], 0);
        let r = reader(ReaderResource::GetObject, config);
        read(Some(&s3), &ReadRequest { reader: &r, arguments: &json!({"Bucket": "b", "Key": "k"}), max_items })
    }

    #[test]
    fn csv_rows_fill_and_drop_fields() {
        let items = read_one("A,B\n1\n1,2,3\n", csv_config(None), None).unwrap();
        assert_eq!(items, [json!({"A": "1", "B": ""}), json!({"A": "1", "B": "2"})]);
    }

    #[test]
    fn csv_given_headers_read_the_first_row_as_data() {
        let items = read_one("1,2\n", csv_config(Some(vec!["X"])), None).unwrap();
        assert_eq!(items, [json!({"X": "1"})]);
    }

    #[test]
    fn csv_duplicate_headers_fail_either_way() {
        let e = read_one("A,A\n1,2\n", csv_config(None), None).unwrap_err();
        assert_eq!(e, "CSV headers cannot contain duplicates.");
        let e = read_one("1,2\n", csv_config(Some(vec!["H", "H"])), None).unwrap_err();
        assert_eq!(e, "CSV headers cannot contain duplicates.");
    }

    #[test]
    fn a_csv_header_over_10_kib_is_refused() {
        let header: Vec<String> = (0..2000).map(|i| format!("col{i}")).collect();
        let body = format!("{}\n1\n", header.join(","));
        let e = read_one(&body, csv_config(None), None).unwrap_err();
        assert!(e.contains("up to 10 KiB"), "{e}");
    }

    #[test]
    fn max_items_counts_data_rows_and_zero_means_all() {
        let body = "A\n1\n2\n3\n";
        assert_eq!(read_one(body, csv_config(None), Some(2)).unwrap().len(), 2);
        assert_eq!(read_one(body, csv_config(None), Some(0)).unwrap().len(), 3);
    }

    #[test]
    fn json_must_be_a_list_unless_a_pointer_finds_one() {
        let config = || ReaderConfig { input_type: Some(InputType::Json), ..ReaderConfig::default() };
        assert_eq!(read_one("{\"a\": 1}", config(), None).unwrap_err(), NOT_ITERABLE);
        assert_eq!(read_one("7", config(), None).unwrap_err(), NOT_ITERABLE);
        assert!(read_one("[1,", config(), None).unwrap_err().starts_with("The object is not valid JSON"));
        let pointed = ReaderConfig { items_pointer: Some("/a/b".into()), ..config() };
        assert_eq!(read_one("{\"a\": {\"b\": [1, 2]}}", pointed.clone(), None).unwrap(), [json!(1), json!(2)]);
        assert!(read_one("{\"a\": {}}", pointed, None).unwrap_err().contains("ItemsPointer"));
    }

    #[test]
    fn json_lines_skip_blank_lines_and_name_a_bad_one() {
        let config = || ReaderConfig { input_type: Some(InputType::Jsonl), ..ReaderConfig::default() };
        assert_eq!(read_one("{\"a\":1}\n\n[2]\n", config(), None).unwrap(), [json!({"a": 1}), json!([2])]);
        assert!(read_one("1\n{x\n", config(), None).unwrap_err().starts_with("Line 2 "));
    }

    #[test]
    fn listing_gives_one_item_per_object() {
        let s3 = VirtualS3::from_files([("b/p/1.txt", &b"one"[..]), ("b/q.txt", b"q")], 5_000);
        let r = reader(ReaderResource::ListObjectsV2, ReaderConfig::default());
        let items = read(
            Some(&s3),
            &ReadRequest { reader: &r, arguments: &json!({"Bucket": "b", "Prefix": "p/"}), max_items: None },
        )
        .unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0]["Key"], "p/1.txt");
        assert_eq!(items[0]["Size"], 3);
        assert_eq!(items[0]["LastModified"], 5);
    }

    #[test]
    fn missing_objects_and_buckets_say_how_to_add_them() {
        let e = read_one("[]", ReaderConfig::default(), None).map(|_| ()).and_then(|_| {
            let s3 = VirtualS3::from_files([("b/", &b""[..])], 0);
            let r = reader(ReaderResource::GetObject, ReaderConfig::default());
            read(
                Some(&s3),
                &ReadRequest { reader: &r, arguments: &json!({"Bucket": "b", "Key": "nope"}), max_items: None },
            )
            .map(|_| ())
        });
        let e = e.unwrap_err();
        assert!(e.starts_with("The specified key does not exist."), "{e}");
        assert!(e.contains("b/nope"), "{e}");
        let r = reader(ReaderResource::GetObject, ReaderConfig::default());
        let e =
            read(None, &ReadRequest { reader: &r, arguments: &json!({"Bucket": "b", "Key": "k"}), max_items: None })
                .unwrap_err();
        assert!(e.contains("--s3 DIR"), "{e}");
    }

    #[test]
    fn manifest_reads_gzipped_inventory_files_as_s3_writes_them() {
        let csv = b"src,a.txt,3\nsrc,b.txt,4\n";
        // A gzip member: header (no flags), the raw deflate stream, then CRC32 and size.
        let mut gz = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255];
        gz.extend(miniz_oxide::deflate::compress_to_vec(csv, 6));
        gz.extend([0; 8]);
        let manifest = r#"{"destinationBucket": "arn:aws:s3:::inv", "fileFormat": "CSV",
            "fileSchema": "Bucket, Key, Size", "files": [{"key": "data/1.csv.gz"}]}"#;
        let s3 = VirtualS3::from_files([("inv/manifest.json", manifest.as_bytes()), ("inv/data/1.csv.gz", &gz[..])], 0);
        let r = reader(
            ReaderResource::GetObject,
            ReaderConfig { input_type: Some(InputType::Manifest), ..ReaderConfig::default() },
        );
        let arguments = json!({"Bucket": "inv", "Key": "manifest.json"});
        let items = read(Some(&s3), &ReadRequest { reader: &r, arguments: &arguments, max_items: None }).unwrap();
        assert_eq!(items[0], json!({"Bucket": "src", "Key": "a.txt", "Size": "3"}));
        let broken =
            VirtualS3::from_files([("inv/manifest.json", manifest.as_bytes()), ("inv/data/1.csv.gz", &gz[..12])], 0);
        let e = read(Some(&broken), &ReadRequest { reader: &r, arguments: &arguments, max_items: None }).unwrap_err();
        assert!(e.contains("cannot be decompressed"), "{e}");
    }

    #[test]
    fn load_and_flatten_reads_every_listed_object() {
        let s3 = VirtualS3::from_files(
            [("b/in/1.json", &b"[1, 2]"[..]), ("b/in/2.json", b"[3]"), ("b/other.json", b"[9]")],
            0,
        );
        let r = reader(
            ReaderResource::ListObjectsV2,
            ReaderConfig { input_type: Some(InputType::Json), load_and_flatten: true, ..ReaderConfig::default() },
        );
        let arguments = json!({"Bucket": "b", "Prefix": "in/"});
        let items = read(Some(&s3), &ReadRequest { reader: &r, arguments: &arguments, max_items: None }).unwrap();
        assert_eq!(items, [json!(1), json!(2), json!(3)]);
    }

    #[test]
    fn manifest_reads_each_listed_csv_file() {
        let manifest = r#"{"destinationBucket": "arn:aws:s3:::inv", "fileFormat": "CSV",
            "fileSchema": "Bucket, Key, Size", "files": [{"key": "data/1.csv"}]}"#;
        let s3 = VirtualS3::from_files(
            [("inv/manifest.json", manifest.as_bytes()), ("inv/data/1.csv", b"src,a.txt,3\nsrc,b.txt,4\n")],
            0,
        );
        let r = reader(
            ReaderResource::GetObject,
            ReaderConfig { input_type: Some(InputType::Manifest), ..ReaderConfig::default() },
        );
        let items = read(
            Some(&s3),
            &ReadRequest { reader: &r, arguments: &json!({"Bucket": "inv", "Key": "manifest.json"}), max_items: None },
        )
        .unwrap();
        assert_eq!(items[1], json!({"Bucket": "src", "Key": "b.txt", "Size": "4"}));
    }
}
