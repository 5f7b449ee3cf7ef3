//! Path text to [`Path`].

use super::Path;

/// One step of a path after its root.
#[derive(Clone, Debug, PartialEq)]
pub enum Segment {}

/// Why a path text is not a valid path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathSyntaxError {
    pub message: String,
}

impl Path {
    pub fn parse(_text: &str) -> Result<Path, PathSyntaxError> {
        todo!("path parser")
    }

    pub fn is_definite(&self) -> bool {
        todo!()
    }

    pub fn is_reference_path(&self) -> bool {
        todo!()
    }
}
