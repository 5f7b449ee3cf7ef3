//! The spans of every node by JSON pointer, stored for a parse on every keystroke: all pointers
//! in one string and a table from their hashes, instead of one allocation per node.

use super::NodeSpans;
use super::pointer_hash::{BuildIdentityHasher, hash_pointer};
use crate::span::Span;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::ops::Range;

/// Spans of every node, by JSON pointer.
#[derive(Clone, Debug, Default)]
pub struct SpanIndex {
    /// Every pointer's text, back to back; entries refer to ranges of it.
    text: String,
    entries: Vec<IndexEntry>,
    /// Pointer hash to entry. A pointer whose hash another pointer already holds (rare) is
    /// listed in `collided` instead.
    by_hash: HashMap<u64, usize, BuildIdentityHasher>,
    collided: Vec<usize>,
}

#[derive(Clone, Debug)]
struct IndexEntry {
    pointer: Range<usize>,
    spans: NodeSpans,
}

impl SpanIndex {
    /// Records `spans` for `pointer`, replacing what an earlier insert recorded for it.
    pub fn insert(&mut self, pointer: String, spans: NodeSpans) {
        let range = self.text.len()..self.text.len() + pointer.len();
        self.text.push_str(&pointer);
        self.insert_range(range, spans);
    }

    /// An index over pointers already written into `text`, one node per range, later nodes
    /// replacing earlier ones with the same pointer.
    pub(super) fn from_text(
        text: String,
        capacity: usize,
        nodes: impl Iterator<Item = (Range<usize>, NodeSpans)>,
    ) -> Self {
        let mut index = SpanIndex {
            text,
            entries: Vec::with_capacity(capacity),
            by_hash: HashMap::with_capacity_and_hasher(capacity, BuildIdentityHasher::default()),
            collided: Vec::new(),
        };
        for (range, spans) in nodes {
            index.insert_range(range, spans);
        }
        index
    }

    fn insert_range(&mut self, range: Range<usize>, spans: NodeSpans) {
        let pointer = self.text.get(range.clone()).unwrap_or_default();
        let position = self.entries.len();
        let existing = match self.by_hash.entry(hash_pointer(pointer)) {
            Entry::Vacant(slot) => {
                slot.insert(position);
                None
            }
            Entry::Occupied(slot) => {
                let first = *slot.get();
                let found = std::iter::once(first)
                    .chain(self.collided.iter().copied())
                    .find(|&at| pointer_at(&self.entries, &self.text, at) == pointer);
                if found.is_none() {
                    self.collided.push(position);
                }
                found
            }
        };
        match existing.and_then(|at| self.entries.get_mut(at)) {
            Some(entry) => entry.spans = spans,
            None => self.entries.push(IndexEntry { pointer: range, spans }),
        }
    }

    fn find(&self, pointer: &str, hash: u64) -> Option<usize> {
        // A pointer can only be among the collided ones if another pointer holds its hash.
        let first = *self.by_hash.get(&hash)?;
        std::iter::once(first)
            .chain(self.collided.iter().copied())
            .find(|&at| pointer_at(&self.entries, &self.text, at) == pointer)
    }

    pub fn get(&self, pointer: &str) -> Option<&NodeSpans> {
        let position = self.find(pointer, hash_pointer(pointer))?;
        self.entries.get(position).map(|entry| &entry.spans)
    }

    /// The best span to point a person at for `pointer`: the member's key when it has one, else
    /// its value; when the node does not exist (a missing field), its closest existing ancestor.
    pub fn locate(&self, pointer: &str) -> Span {
        let mut p = pointer;
        loop {
            if let Some(n) = self.get(p) {
                return n.key.unwrap_or(n.value);
            }
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None => return Span::default(),
            }
        }
    }

    /// Every node's pointer and spans, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &NodeSpans)> {
        self.entries.iter().map(|entry| {
            let pointer = self.text.get(entry.pointer.clone()).unwrap_or_default();
            (pointer, &entry.spans)
        })
    }

    /// Moves every span (a text's spans onto the text it was made from).
    pub fn map_spans(&mut self, f: impl Fn(Span) -> Span) {
        for entry in &mut self.entries {
            entry.spans = NodeSpans { key: entry.spans.key.map(&f), value: f(entry.spans.value) };
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// The pointer of entry `at` (fields passed apart so that the table can be borrowed meanwhile).
fn pointer_at<'t>(entries: &[IndexEntry], text: &'t str, at: usize) -> &'t str {
    entries.get(at).and_then(|entry| text.get(entry.pointer.clone())).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(at: usize) -> NodeSpans {
        NodeSpans { key: None, value: Span::new(at, at + 1) }
    }

    #[test]
    fn insert_replaces_and_get_finds() {
        let mut index = SpanIndex::default();
        index.insert("/a".into(), spans(1));
        index.insert("/a/b".into(), spans(2));
        index.insert("/a".into(), spans(3));
        assert_eq!(index.len(), 2);
        assert_eq!(index.get("/a"), Some(&spans(3)));
        assert_eq!(index.get("/a/b"), Some(&spans(2)));
        assert_eq!(index.get("/a/c"), None);
        assert_eq!(index.locate("/a/c/d"), Span::new(3, 4));
        assert_eq!(index.locate("/x"), Span::default());
    }

    #[test]
    fn pointers_with_one_hash_are_told_apart() {
        // Force every pointer into one hash slot to exercise the collision path.
        let mut index = SpanIndex::default();
        for (at, pointer) in ["/x", "/y", "/z"].into_iter().enumerate() {
            index.text.push_str(pointer);
            let range = index.text.len() - 2..index.text.len();
            let position = index.entries.len();
            index.entries.push(IndexEntry { pointer: range, spans: spans(at) });
            match index.by_hash.entry(hash_pointer("/x")) {
                Entry::Vacant(slot) => {
                    slot.insert(position);
                }
                Entry::Occupied(_) => index.collided.push(position),
            }
        }
        // Lookups by the shared hash go through `find` directly.
        assert_eq!(index.find("/z", hash_pointer("/x")), Some(2));
        assert_eq!(index.find("/y", hash_pointer("/x")), Some(1));
        assert_eq!(index.find("/x", hash_pointer("/x")), Some(0));
        assert_eq!(index.find("/w", hash_pointer("/x")), None);
    }
}
