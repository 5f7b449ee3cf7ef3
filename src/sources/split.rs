//! Where the wasm is cut for the reader of YAML and templates (see the module above). A
//! module that fails to load is an `Err` the analysis says, never a crash. Natively (tests)
//! these are plain calls.

use leptos::wasm_split::{SplitLoaderError, wasm_split};

use super::{Key, Prepared, read};
use crate::store::TemplateSource;

/// Reads a definition's text (see [`read::prepare`]).
#[wasm_split(sources, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn prepare(key: Key) -> Result<Prepared, SplitLoaderError> {
    Ok(read::prepare(key))
}

/// Opens a template's state machine: its definition's text as the editor shows it (see
/// [`read::open_machine`]).
#[wasm_split(sources, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn open_machine(
    template: String,
    logical_id: String,
    file: Option<String>,
) -> Result<Result<(String, TemplateSource), String>, SplitLoaderError> {
    Ok(read::open_machine(&template, &logical_id, file))
}

/// The template with its state machine's definition replaced by the edited text, in the form
/// the template has it (see `asl::source::export`): `Ok(Ok(template))`, or `Ok(Err(file))` when
/// the definition is kept in its own `DefinitionUri` file (that file is what to export), or
/// `Ok(Err(why))`.
#[wasm_split(sources, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn export_template(source: TemplateSource, definition: String) -> Result<Exported, SplitLoaderError> {
    Ok(read::export_template(&source, &definition))
}

pub use super::read::Exported;

/// The definition's text in the other form (see [`read::convert`]).
#[wasm_split(sources, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn convert(text: String, to: asl::source::Format) -> Result<Result<String, String>, SplitLoaderError> {
    Ok(read::convert(&text, to))
}
