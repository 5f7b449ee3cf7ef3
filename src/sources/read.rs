//! The reader's work, in the split-off module.

use asl::source::{self, Kind, Setting, template::DefinitionSource};

use super::{Key, Offered, Prepared};
use crate::store::TemplateSource;

/// Reads `key.text`: as a template (offering its state machines), or as a definition in
/// its setting (the workspace's template), with its placeholders valued.
pub fn prepare(key: Key) -> Prepared {
    let document = source::read(&key.text);
    if document.kind == Kind::Template {
        let offer = document.parsed.value.as_ref().map(|t| {
            source::template::state_machines(t)
                .into_iter()
                .map(|m| Offered {
                    definition: m.definition.describe(),
                    needs_file: match &m.definition {
                        DefinitionSource::File { path } => Some(path.clone()),
                        _ => None,
                    },
                    refused: match &m.definition {
                        DefinitionSource::S3 { location } => {
                            Some(format!("its definition is in S3 ({location}), which the playground does not reach"))
                        }
                        DefinitionSource::Missing { why } => Some(why.clone()),
                        _ => None,
                    },
                    logical_id: m.logical_id,
                })
                .collect()
        });
        return Prepared {
            format: document.format,
            definition: None,
            value: None,
            placeholders: Vec::new(),
            offer,
            template_problem: None,
            key,
        };
    }
    let (setting, template_problem) = match &key.source {
        Some(s) => match source::setting_for(&s.template, &s.state_machine) {
            Ok(setting) => (setting, None),
            Err(why) => (Setting::default(), Some(why)),
        },
        None => (Setting::default(), None),
    };
    let opened = source::open_definition(&key.text, &setting, &key.substitutions);
    Prepared {
        format: opened.format,
        definition: Some(opened.definition),
        value: opened.value.map(std::sync::Arc::new),
        placeholders: opened.placeholders,
        offer: None,
        template_problem,
        key,
    }
}

/// Opens the template's state machine `logical_id`: the definition's text (a `Definition`
/// block taken out of the template and dedented; a `DefinitionString`'s text; the
/// `DefinitionUri` file's, given as `file`) and the workspace's source.
pub fn open_machine(
    template: &str,
    logical_id: &str,
    file: Option<String>,
) -> Result<(String, TemplateSource), String> {
    let read_file = |path: &str| file.clone().ok_or_else(|| format!("open the file {path}"));
    let found = source::extract(template, Some(logical_id), &read_file)?;
    Ok((found.shown(), TemplateSource { template: template.to_string(), state_machine: found.logical_id }))
}

/// What exporting a template gives.
pub enum Exported {
    /// The template, with the definition written back.
    Template(String),
    /// The definition is kept in this file beside the template (`DefinitionUri`).
    OwnFile(String),
    Refused(String),
}

pub fn export_template(source: &TemplateSource, definition: &str) -> Exported {
    match source::export::replace_definition(&source.template, &source.state_machine, definition) {
        Ok(text) => Exported::Template(text),
        Err(why) => {
            let document = source::read(&source.template);
            let file = document.parsed.value.as_ref().and_then(|t| {
                source::template::state_machines(t).into_iter().find(|m| m.logical_id == source.state_machine).and_then(
                    |m| match m.definition {
                        DefinitionSource::File { path } => Some(path),
                        _ => None,
                    },
                )
            });
            match file {
                Some(path) => Exported::OwnFile(path),
                None => Exported::Refused(why),
            }
        }
    }
}

/// The definition's text in the other form: JSON written as YAML, or YAML as JSON.
pub fn convert(text: &str, to: source::Format) -> Result<String, String> {
    match to {
        source::Format::Yaml => {
            let value: serde_json::Value = serde_json::from_str(text)
                .map_err(|e| format!("the definition is not valid JSON ({e}): fix it to switch to YAML"))?;
            Ok(asl::yaml::to_yaml(&value))
        }
        source::Format::Json => {
            let parsed = asl::yaml::parse(text);
            match (parsed.value, parsed.errors.first()) {
                (Some(value), None) => Ok(serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"),
                (_, Some(e)) => {
                    Err(format!("the definition's YAML has a mistake ({}): fix it to switch to JSON", e.message))
                }
                (None, None) => Err("the definition is empty".into()),
            }
        }
    }
}
