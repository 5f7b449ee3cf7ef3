//! Share links and workspace files: the whole workspace in a URL fragment, `#v1.<data>`, where
//! the data is the workspace as JSON, raw-deflated and base64url-encoded. The fragment never
//! reaches a server. Every field but the definition is optional, so links made by older
//! versions keep working; a link that cannot be read says why and changes nothing.

mod codec;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::store::{TemplateSource, Workspace};

/// The format version written into new links.
pub const VERSION: u32 = 1;
/// Links longer than this are offered as a file instead: chat apps and mail clients cut or
/// refuse longer URLs.
pub const MAX_LINK_CHARS: usize = 8_000;
/// A link's data may not inflate beyond this (a small link must not expand to gigabytes).
const MAX_INFLATED_BYTES: usize = 2 << 20;
/// What a workspace file says it is.
const FILE_FORMAT: &str = "asl-playground-workspace";

/// The workspace as a link or a file carries it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Payload {
    #[serde(rename = "d")]
    definition: String,
    #[serde(rename = "i", default, skip_serializing_if = "Option::is_none")]
    input: Option<String>,
    #[serde(rename = "m", default, skip_serializing_if = "BTreeMap::is_empty")]
    mocks: BTreeMap<String, String>,
    #[serde(rename = "e", default, skip_serializing_if = "Option::is_none")]
    example: Option<String>,
    #[serde(rename = "x", default, skip_serializing_if = "std::ops::Not::not")]
    express: bool,
    /// The S3 objects of the Files tab, by `bucket/key`.
    #[serde(rename = "f", default, skip_serializing_if = "BTreeMap::is_empty")]
    files: BTreeMap<String, String>,
    /// The template the definition came from, and which state machine it is.
    #[serde(rename = "t", default, skip_serializing_if = "Option::is_none")]
    template: Option<String>,
    #[serde(rename = "s", default, skip_serializing_if = "Option::is_none")]
    state_machine: Option<String>,
    /// The values given to placeholders.
    #[serde(rename = "u", default, skip_serializing_if = "BTreeMap::is_empty")]
    substitutions: BTreeMap<String, String>,
    /// An execution history imported from AWS.
    #[serde(rename = "h", default, skip_serializing_if = "Option::is_none")]
    recording: Option<String>,
    /// The MockConfigFile (a replay's mocks).
    #[serde(rename = "c", default, skip_serializing_if = "Option::is_none")]
    mock_config: Option<String>,
    /// The test suite.
    #[serde(rename = "k", default, skip_serializing_if = "Option::is_none")]
    tests: Option<String>,
    /// The exercise the workspace is (its task, hints and hidden checks).
    #[serde(rename = "l", default, skip_serializing_if = "Option::is_none")]
    exercise: Option<String>,
}

impl Payload {
    fn of(w: &Workspace) -> Payload {
        Payload {
            definition: w.definition.clone(),
            input: Some(w.input.clone()),
            mocks: w.mocks.clone(),
            example: w.example.clone(),
            express: w.express,
            files: w.files.clone(),
            template: w.source.as_ref().map(|s| s.template.clone()),
            state_machine: w.source.as_ref().map(|s| s.state_machine.clone()),
            substitutions: w.substitutions.clone(),
            recording: w.recording.clone(),
            mock_config: w.mock_config.clone(),
            tests: w.tests.clone(),
            exercise: w.exercise.clone(),
        }
    }

    fn into_workspace(self) -> Workspace {
        Workspace {
            definition: self.definition,
            input: self.input.unwrap_or_else(|| "{}\n".into()),
            mocks: self.mocks,
            example: self.example,
            express: self.express,
            tab: None,
            files: self.files,
            source: match (self.template, self.state_machine) {
                (Some(template), Some(state_machine)) => Some(TemplateSource { template, state_machine }),
                _ => None,
            },
            substitutions: self.substitutions,
            recording: self.recording,
            mock_config: self.mock_config,
            tests: self.tests,
            exercise: self.exercise,
        }
    }
}

/// How a link asks the page to open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Edit,
    /// The graph and the inspector fill the screen, for showing a workflow to a room.
    Present,
    /// Presentation inside another page, read-only until the viewer chooses to edit.
    Embed,
}

impl Mode {
    fn suffix(self) -> &'static str {
        match self {
            Mode::Edit => "",
            Mode::Present => "&mode=present",
            Mode::Embed => "&mode=embed",
        }
    }
}

/// Why a link could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    NotALink,
    Newer(u32),
    Damaged(String),
    TooLarge,
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkError::NotALink => f.write_str("This link does not hold an ASL Playground workspace."),
            LinkError::Newer(v) => write!(
                f,
                "This link was made by a newer version of ASL Playground (format v{v}; this one reads v{VERSION}). Open it where it was made."
            ),
            LinkError::Damaged(why) => {
                write!(f, "This link is damaged or cut short ({why}). Ask for it again, copied whole.")
            }
            LinkError::TooLarge => {
                write!(f, "This link expands to more than {} MB; it was not opened.", MAX_INFLATED_BYTES >> 20)
            }
        }
    }
}

/// The link's fragment (without `#`) that carries `w`; [`with_mode`] adds how it opens.
pub async fn encode(w: &Workspace) -> String {
    let json = serde_json::to_string(&Payload::of(w)).unwrap_or_default();
    format!("v{VERSION}.{}", codec::pack(&json).await)
}

/// A fragment made by [`encode`], opening in `mode`.
pub fn with_mode(fragment: &str, mode: Mode) -> String {
    format!("{fragment}{}", mode.suffix())
}

/// Reads a fragment (with or without `#`). `Ok(None)` when there is no link in it at all.
pub async fn decode(fragment: &str) -> Result<Option<(Workspace, Mode)>, LinkError> {
    let fragment = fragment.trim().trim_start_matches('#');
    if fragment.is_empty() {
        return Ok(None);
    }
    let (data, flags) = fragment.split_once('&').unwrap_or((fragment, ""));
    let mode = flags.split('&').find_map(|f| match f {
        "mode=present" => Some(Mode::Present),
        "mode=embed" => Some(Mode::Embed),
        _ => None,
    });
    let (version, body) = data.split_once('.').ok_or(LinkError::NotALink)?;
    let version: u32 = version.strip_prefix('v').and_then(|v| v.parse().ok()).ok_or(LinkError::NotALink)?;
    if version > VERSION {
        return Err(LinkError::Newer(version));
    }
    let json = codec::unpack(body.trim_end_matches('='), MAX_INFLATED_BYTES).await?;
    let payload: Payload =
        serde_json::from_str(&json).map_err(|e| LinkError::Damaged(format!("its workspace does not read: {e}")))?;
    Ok(Some((payload.into_workspace(), mode.unwrap_or_default())))
}

/// The workspace as a file's text (for workspaces too big for a link).
pub fn to_file(w: &Workspace) -> String {
    let mut v = serde_json::to_value(Payload::of(w)).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        o.insert("format".into(), FILE_FORMAT.into());
        o.insert("version".into(), VERSION.into());
    }
    serde_json::to_string_pretty(&v).unwrap_or_default()
}

/// Whether `text` claims to be a workspace file (see [`to_file`]).
pub fn is_workspace_file(text: &str) -> bool {
    text.trim_start().starts_with('{') && text.contains(FILE_FORMAT)
}

/// Reads a workspace file; says what is wrong when it is not one.
pub fn from_file(text: &str) -> Result<Workspace, String> {
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("The file is not JSON: {e}"))?;
    if v.get("format").and_then(|f| f.as_str()) != Some(FILE_FORMAT) {
        return Err("The file is not an ASL Playground workspace.".into());
    }
    if let Some(version) = v.get("version").and_then(|f| f.as_u64())
        && version > VERSION as u64
    {
        return Err(format!("The file was made by a newer version of ASL Playground (format v{version})."));
    }
    let payload: Payload =
        serde_json::from_value(v).map_err(|e| format!("The workspace in the file does not read: {e}"))?;
    Ok(payload.into_workspace())
}

#[cfg(test)]
mod tests;
