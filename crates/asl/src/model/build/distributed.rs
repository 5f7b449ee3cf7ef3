//! A Distributed Map's `ItemReader`, `ItemBatcher` and `ResultWriter`.

use serde_json::{Map as JsonMap, Value};

use super::super::distributed::{
    Arguments, InputType, ItemBatcher, ItemReader, OutputType, ReaderConfig, ReaderResource, ResultWriter,
    Transformation,
};
use super::super::fields::Fields;
use super::kinds::count;
use super::template;
use crate::diagnostics::{Diagnostics, code};

const GET_OBJECT: &str = "arn:aws:states:::s3:getObject";
const LIST_OBJECTS_V2: &str = "arn:aws:states:::s3:listObjectsV2";

pub(super) fn item_reader(map: &JsonMap<String, Value>, at: String, d: &mut Diagnostics, jsonata: bool) -> ItemReader {
    let mut f = Fields::new(map, at);
    let resource = match f.require(d, "Resource").then(|| f.string(d, "Resource")).flatten() {
        Some(r) if without_partition(r) == GET_OBJECT => ReaderResource::GetObject,
        Some(r) if without_partition(r) == LIST_OBJECTS_V2 => ReaderResource::ListObjectsV2,
        Some(other) => {
            d.error_at_value(
                code::SCHEMA_VALIDATION_FAILED,
                &f.child("Resource"),
                format!("The ItemReader Resource '{other}' is not one of {GET_OBJECT}, {LIST_OBJECTS_V2}"),
            );
            ReaderResource::Other(other.to_string())
        }
        None => ReaderResource::Other(String::new()),
    };
    let arguments = arguments(&mut f, d, jsonata);
    let config = match f.object(d, "ReaderConfig") {
        Some(c) => reader_config(c, f.child("ReaderConfig"), d, jsonata, &resource),
        None => {
            if resource == ReaderResource::GetObject {
                d.error(
                    code::SCHEMA_VALIDATION_FAILED,
                    &f.pointer,
                    "An ItemReader that reads one object (s3:getObject) needs a ReaderConfig with its InputType",
                );
            }
            ReaderConfig::default()
        }
    };
    f.finish(d, "an ItemReader");
    ItemReader { resource, arguments, config }
}

fn reader_config(
    map: &JsonMap<String, Value>,
    at: String,
    d: &mut Diagnostics,
    jsonata: bool,
    resource: &ReaderResource,
) -> ReaderConfig {
    let mut f = Fields::new(map, at);
    let input_type = match f.string(d, "InputType") {
        Some("JSON") => Some(InputType::Json),
        Some("JSONL") => Some(InputType::Jsonl),
        Some("CSV") => Some(InputType::Csv),
        Some("MANIFEST") => Some(InputType::Manifest),
        Some(other) => {
            d.error_at_value(
                code::SCHEMA_VALIDATION_FAILED,
                &f.child("InputType"),
                format!("The field 'InputType' should have one of these values: [MANIFEST, JSON, CSV, JSONL] (not '{other}')"),
            );
            None
        }
        None => None,
    };
    let mut config = ReaderConfig { input_type, ..ReaderConfig::default() };
    if *resource == ReaderResource::GetObject && config.input_type.is_none() && !f.has("InputType") {
        d.error(code::SCHEMA_VALIDATION_FAILED, &f.pointer, "The field 'InputType' is required to read an object");
    }
    let location = f.string(d, "CSVHeaderLocation");
    let headers = f.array(d, "CSVHeaders");
    match location {
        Some("GIVEN") => {
            let names: Option<Vec<String>> =
                headers.map(|h| h.iter().filter_map(|v| v.as_str().map(str::to_string)).collect());
            match names {
                Some(n) if !n.is_empty() && n.len() == headers.map_or(0, Vec::len) => config.csv_headers = Some(n),
                _ => d.error(
                    code::SCHEMA_VALIDATION_FAILED,
                    &f.pointer,
                    "CSVHeaderLocation GIVEN needs CSVHeaders: a list of at least one header name (strings)",
                ),
            }
        }
        Some("FIRST_ROW") | None => {
            if headers.is_some() {
                d.error(
                    code::SCHEMA_VALIDATION_FAILED,
                    &f.child("CSVHeaders"),
                    "CSVHeaders are only used with \"CSVHeaderLocation\": \"GIVEN\"",
                );
            }
        }
        Some(other) => d.error_at_value(
            code::SCHEMA_VALIDATION_FAILED,
            &f.child("CSVHeaderLocation"),
            format!("The CSVHeaderLocation '{other}' is not one of FIRST_ROW, GIVEN"),
        ),
    }
    if let Some(delimiter) = f.string(d, "CSVDelimiter") {
        config.csv_delimiter = match delimiter {
            "COMMA" => ',',
            "PIPE" => '|',
            "SEMICOLON" => ';',
            "SPACE" => ' ',
            "TAB" => '\t',
            other => {
                d.error_at_value(
                    code::SCHEMA_VALIDATION_FAILED,
                    &f.child("CSVDelimiter"),
                    format!("The CSVDelimiter '{other}' is not one of COMMA, PIPE, SEMICOLON, SPACE, TAB"),
                );
                ','
            }
        };
    }
    config.max_items = count(&mut f, d, "MaxItems", jsonata);
    if let Some(super::super::Dynamic::Literal(n)) = config.max_items
        && n > MAX_ITEMS
    {
        d.error_at_value(
            code::SCHEMA_VALIDATION_FAILED,
            &f.child("MaxItems"),
            format!("MaxItems must be between 0 and {MAX_ITEMS}"),
        );
    }
    if let Some(pointer) = f.string(d, "ItemsPointer") {
        if pointer.is_empty() || pointer.starts_with('/') {
            config.items_pointer = Some(pointer.to_string());
        } else {
            d.error_at_value(
                code::SCHEMA_VALIDATION_FAILED,
                &f.child("ItemsPointer"),
                "ItemsPointer must be a JSON Pointer, like \"/items\"",
            );
        }
    }
    // Read so that definitions using it validate; the engine reads S3 Inventory manifests.
    f.get("ManifestType");
    match f.string(d, "Transformation") {
        Some("LOAD_AND_FLATTEN") => config.load_and_flatten = true,
        Some("NONE") | None => {}
        Some(other) => d.error_at_value(
            code::SCHEMA_VALIDATION_FAILED,
            &f.child("Transformation"),
            format!("The ReaderConfig Transformation '{other}' is not one of NONE, LOAD_AND_FLATTEN"),
        ),
    }
    f.finish(d, "a ReaderConfig");
    config
}

/// AWS's upper bound for a literal `MaxItems` (0 means no limit).
pub const MAX_ITEMS: u64 = 100_000_000;

pub(super) fn item_batcher(
    map: &JsonMap<String, Value>,
    at: String,
    d: &mut Diagnostics,
    jsonata: bool,
) -> ItemBatcher {
    let mut f = Fields::new(map, at);
    let max_items_per_batch = count(&mut f, d, "MaxItemsPerBatch", jsonata);
    let max_input_bytes_per_batch = count(&mut f, d, "MaxInputBytesPerBatch", jsonata);
    for (key, value) in
        [("MaxItemsPerBatch", &max_items_per_batch), ("MaxInputBytesPerBatch", &max_input_bytes_per_batch)]
    {
        if let Some(super::super::Dynamic::Literal(0)) = value {
            d.error_at_value(code::SCHEMA_VALIDATION_FAILED, &f.child(key), format!("{key} must be at least 1"));
        }
    }
    if let Some(super::super::Dynamic::Literal(n)) = max_input_bytes_per_batch
        && n > 262_144
    {
        d.error_at_value(
            code::SCHEMA_VALIDATION_FAILED,
            &f.child("MaxInputBytesPerBatch"),
            "MaxInputBytesPerBatch must be at most 262144 (256 KiB)",
        );
    }
    let batch_input = f.get("BatchInput").map(|v| {
        if jsonata {
            Arguments::Jsonata(v.clone())
        } else {
            Arguments::Template(template(v, &f.child("BatchInput"), "BatchInput", d))
        }
    });
    if max_items_per_batch.is_none() && max_input_bytes_per_batch.is_none() {
        d.error(
            code::SCHEMA_VALIDATION_FAILED,
            &f.pointer,
            "An ItemBatcher needs MaxItemsPerBatch or MaxInputBytesPerBatch (or their Path forms)",
        );
    }
    f.finish(d, "an ItemBatcher");
    ItemBatcher { max_items_per_batch, max_input_bytes_per_batch, batch_input }
}

pub(super) fn result_writer(
    map: &JsonMap<String, Value>,
    at: String,
    d: &mut Diagnostics,
    jsonata: bool,
) -> ResultWriter {
    let mut f = Fields::new(map, at);
    let resource = f.string(d, "Resource").map(str::to_string).unwrap_or_default();
    if !resource.is_empty() && without_partition(&resource) != "arn:aws:states:::s3:putObject" {
        d.error_at_value(
            code::SCHEMA_VALIDATION_FAILED,
            &f.child("Resource"),
            format!("The ResultWriter Resource '{resource}' is not arn:aws:states:::s3:putObject"),
        );
    }
    let arguments = arguments(&mut f, d, jsonata);
    let mut output_type = OutputType::Json;
    let mut transformation = Transformation::None;
    let has_config = f.has("WriterConfig");
    if let Some(config) = f.object(d, "WriterConfig") {
        let mut c = Fields::new(config, f.child("WriterConfig"));
        match c.string(d, "OutputType") {
            Some("JSON") | None => {}
            Some("JSONL") => output_type = OutputType::Jsonl,
            Some(other) => d.error_at_value(
                code::SCHEMA_VALIDATION_FAILED,
                &c.child("OutputType"),
                format!("The OutputType '{other}' is not one of JSON, JSONL"),
            ),
        }
        match c.string(d, "Transformation") {
            Some("NONE") | None => {}
            Some("COMPACT") => transformation = Transformation::Compact,
            Some("FLATTEN") => transformation = Transformation::Flatten,
            Some(other) => d.error_at_value(
                code::SCHEMA_VALIDATION_FAILED,
                &c.child("Transformation"),
                format!("The Transformation '{other}' is not one of NONE, COMPACT, FLATTEN"),
            ),
        }
        c.finish(d, "a WriterConfig");
    }
    if resource.is_empty() != arguments.is_none() || (resource.is_empty() && !has_config) {
        d.error(
            code::SCHEMA_VALIDATION_FAILED,
            &f.pointer,
            format!(
                "A ResultWriter needs a Resource and its {} (to write to S3), a WriterConfig (to shape the results), or all three",
                if jsonata { "Arguments" } else { "Parameters" }
            ),
        );
    }
    f.finish(d, "a ResultWriter");
    ResultWriter { resource: (!resource.is_empty()).then_some(resource), arguments, output_type, transformation }
}

/// `Parameters` in JSONPath, `Arguments` in JSONata.
fn arguments(f: &mut Fields, d: &mut Diagnostics, jsonata: bool) -> Option<Arguments> {
    let key = if jsonata { "Arguments" } else { "Parameters" };
    let value = f.get(key)?;
    // JSONata's Arguments may be one expression giving the whole object.
    let accepted = value.is_object() || (jsonata && value.is_string());
    if !accepted {
        d.error_at_value(code::SCHEMA_VALIDATION_FAILED, &f.child(key), format!("{key} must be an object"));
        return None;
    }
    Some(if jsonata {
        Arguments::Jsonata(value.clone())
    } else {
        Arguments::Template(template(value, &f.child(key), key, d))
    })
}

/// The ARN with the partition written as `aws`, so `arn:aws-cn:...` is recognised too.
fn without_partition(arn: &str) -> String {
    match arn.strip_prefix("arn:").and_then(|rest| rest.split_once(':')) {
        Some((_, rest)) => format!("arn:aws:{rest}"),
        None => arn.to_string(),
    }
}
