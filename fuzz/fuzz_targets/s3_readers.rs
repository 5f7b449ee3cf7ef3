//! Read whatever an S3 object holds as a Distributed Map's ItemReader would: no object may
//! panic the readers, whatever its bytes and whatever the reader's configuration.
//!
//! The data's first byte picks the reader (JSON, JSON Lines, CSV with its header location and
//! delimiter, an S3 Inventory manifest, a bucket listing, or every listed object loaded and
//! flattened) and MaxItems; the rest is the object.
//! A manifest's listed files are the same bytes again.

#![no_main]

use asl::model::distributed::{InputType, ItemReader, ReaderConfig, ReaderResource};
use asl::s3::VirtualS3;
use asl::s3::items::{ReadRequest, read};
use libfuzzer_sys::fuzz_target;
use serde_json::json;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, body)) = data.split_first() else { return };
    let s3 = VirtualS3::from_files([("b/k", body), ("b/data/1.csv", body), ("inv/data/1.csv", body)], 0);
    let input_type = match pick % 5 {
        0 => InputType::Json,
        1 => InputType::Jsonl,
        2 | 3 => InputType::Csv,
        _ => InputType::Manifest,
    };
    let config = ReaderConfig {
        input_type: Some(input_type),
        csv_headers: (pick % 5 == 3).then(|| vec!["a".to_string(), "b".to_string()]),
        csv_delimiter: [',', '|', ';', ' ', '\t'][usize::from(pick / 5 % 5)],
        max_items: None,
        items_pointer: (pick & 0x80 != 0).then(|| "/items".to_string()),
        load_and_flatten: pick >= 250 && pick % 2 == 0,
    };
    let resource = if pick >= 250 { ReaderResource::ListObjectsV2 } else { ReaderResource::GetObject };
    let reader = ItemReader { resource, arguments: None, config };
    let arguments = json!({"Bucket": "b", "Key": "k", "Prefix": ""});
    let max_items = Some(u64::from(pick % 7));
    if let Ok(items) = read(Some(&s3), &ReadRequest { reader: &reader, arguments: &arguments, max_items }) {
        // MaxItems caps what is read (0 means no cap).
        assert!(max_items == Some(0) || items.len() as u64 <= max_items.unwrap_or(u64::MAX));
    }
});
