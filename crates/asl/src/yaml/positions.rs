//! The YAML parser counts characters; spans count bytes.

/// Converts character indexes of one text into byte offsets.
pub struct Positions {
    /// The byte offset of every character, when the text is not all ASCII (for ASCII the
    /// two are the same and nothing is stored).
    offsets: Option<Vec<usize>>,
    len: usize,
}

impl Positions {
    pub fn new(text: &str) -> Self {
        let offsets = (!text.is_ascii()).then(|| text.char_indices().map(|(i, _)| i).collect());
        Positions { offsets, len: text.len() }
    }

    /// The byte offset of the character at `index` (the text's end past the last one).
    pub fn byte(&self, index: usize) -> usize {
        match &self.offsets {
            None => index.min(self.len),
            Some(offsets) => offsets.get(index).copied().unwrap_or(self.len),
        }
    }
}
