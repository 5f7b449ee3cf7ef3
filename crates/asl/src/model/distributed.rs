//! A Distributed Map's own parts: where its items come from (`ItemReader`), how they are
//! grouped (`ItemBatcher`), and where its results go (`ResultWriter`).

use serde_json::Value;

use super::Dynamic;
use super::template::Template;

/// A field that is a payload template in JSONPath (`Parameters`) and a JSONata template in
/// JSONata (`Arguments`, evaluated by the host).
#[derive(Clone, Debug, PartialEq)]
pub enum Arguments {
    Template(Template),
    Jsonata(Value),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ItemReader {
    pub resource: ReaderResource,
    pub arguments: Option<Arguments>,
    pub config: ReaderConfig,
}

/// The S3 API an ItemReader calls.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReaderResource {
    /// `arn:aws:states:::s3:getObject`: one object, read as `ReaderConfig.InputType` says.
    GetObject,
    /// `arn:aws:states:::s3:listObjectsV2`: each object of a bucket (and prefix) is an item.
    ListObjectsV2,
    /// Something the engine does not read items from.
    Other(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputType {
    Json,
    Jsonl,
    Csv,
    Manifest,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReaderConfig {
    pub input_type: Option<InputType>,
    /// The CSV's headers, when given in the definition (`CSVHeaderLocation: GIVEN`); `None`:
    /// the first row holds them.
    pub csv_headers: Option<Vec<String>>,
    pub csv_delimiter: char,
    pub max_items: Option<Dynamic<u64>>,
    /// A JSON Pointer to the list inside a JSON object (`/records`).
    pub items_pointer: Option<String>,
    /// `Transformation: LOAD_AND_FLATTEN`: a listing's objects are read (as `input_type`) and
    /// their items flattened into one dataset.
    pub load_and_flatten: bool,
}

impl Default for ReaderConfig {
    fn default() -> Self {
        ReaderConfig {
            input_type: None,
            csv_headers: None,
            csv_delimiter: ',',
            max_items: None,
            items_pointer: None,
            load_and_flatten: false,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ItemBatcher {
    pub max_items_per_batch: Option<Dynamic<u64>>,
    pub max_input_bytes_per_batch: Option<Dynamic<u64>>,
    /// Sent with every batch as its `BatchInput`.
    pub batch_input: Option<Arguments>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ResultWriter {
    /// `None`: the results are shaped by WriterConfig but not written anywhere.
    pub resource: Option<String>,
    pub arguments: Option<Arguments>,
    pub output_type: OutputType,
    pub transformation: Transformation,
}

/// `WriterConfig.OutputType`: one JSON array per file, or JSON Lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OutputType {
    #[default]
    Json,
    Jsonl,
}

/// `WriterConfig.Transformation`: each child's whole execution record, its output only
/// (`COMPACT`), or the outputs merged into one list (`FLATTEN`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Transformation {
    #[default]
    None,
    Compact,
    Flatten,
}
