//! The tolerant recursive-descent parser behind [`super::parse`].

use super::ParsedJson;

pub fn parse(_text: &str) -> ParsedJson {
    todo!("tolerant JSON parser")
}
