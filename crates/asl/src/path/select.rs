//! Reading values through a path.

use std::borrow::Cow;

use serde_json::Value;

use super::Segment;

pub(crate) fn select<'v>(_segments: &[Segment], _root: &'v Value, _definite: bool) -> Option<Cow<'v, Value>> {
    todo!("path select")
}
