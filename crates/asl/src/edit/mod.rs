//! Editing a definition's text as a person would, for the playground's design mode: only the
//! part that changes is rewritten, so the key order, the formatting of everything else and the
//! fields an editor does not know stay as they were.
//!
//! - [`Document`]: a JSON text's nodes changed in place (replace, insert, remove, rename), each
//!   change a [`TextEdit`] of the original text, new values written in the text's own style;
//! - [`states`]: the state machine's edits (insert a state on a transition, rewire, rename with
//!   every reference, delete closing the gap, move onto another transition, duplicate, add a
//!   Parallel branch), text in, text out;
//! - [`fields`]: the fields the form offers for a state or the machine, read from their text,
//!   and the engine's refusal of a value it finds wrong;
//! - [`recovery`]: a state's Retry and Catch, and the error names to offer;
//! - [`rules`]: a Choice's rules as the rule builder reads, writes and changes them;
//! - [`palette`]: the states design mode offers, made for the machine's query language;
//! - [`difference`]: the one replacement that turns a text into another, for an editor's undo.

mod document;
pub mod fields;
pub mod palette;
pub mod recovery;
pub mod rules;
pub mod states;
mod style;
#[cfg(test)]
mod tests;
mod text;

use std::fmt;

pub use document::{Document, Place, child};
pub use text::{TextEdit, apply, difference};

/// Why an edit cannot be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The text is not valid JSON: its first syntax error and where (a byte offset).
    NotJson {
        message: String,
        at: usize,
    },
    /// An object repeats a key, so which member an edit means would be a guess.
    DuplicateKey {
        object: String,
        key: String,
    },
    /// Nothing is at this pointer.
    NotFound(String),
    NotAnObject(String),
    NotAnArray(String),
    /// The member to add is already there.
    Exists(String),
    NoSuchState(String),
    /// A name a state cannot have, and why.
    InvalidName(String),
    /// An edit the state machine's rules do not allow, and why.
    Refused(String),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::NotJson { message, .. } => write!(f, "the definition is not valid JSON ({message})"),
            EditError::DuplicateKey { object, key } => {
                write!(
                    f,
                    "the key '{key}' appears twice in {}",
                    if object.is_empty() { "the definition" } else { object }
                )
            }
            EditError::NotFound(pointer) => write!(f, "nothing is at {pointer}"),
            EditError::NotAnObject(pointer) => write!(f, "{pointer} is not an object"),
            EditError::NotAnArray(pointer) => write!(f, "{pointer} is not an array"),
            EditError::Exists(pointer) => write!(f, "{pointer} is already there"),
            EditError::NoSuchState(name) => write!(f, "there is no state named '{name}'"),
            EditError::InvalidName(why) | EditError::Refused(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for EditError {}
