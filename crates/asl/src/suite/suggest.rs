//! "Did you mean": the known name closest to a misspelt one, for unknown keys and state names.

/// The candidate nearest to `name` by edit distance (ignoring ASCII case), when it is near
/// enough to be a likely typo: within a third of the name's length, and at least 2.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wanted: Vec<char> = name.to_ascii_lowercase().chars().collect();
    let limit = (wanted.len() / 3).max(2);
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let d = distance(&wanted, &candidate.to_ascii_lowercase().chars().collect::<Vec<_>>());
        if d <= limit && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// ` (did you mean 'X'?)`, or nothing.
pub fn did_you_mean<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    closest(name, candidates).map(|c| format!(" (did you mean '{c}'?)")).unwrap_or_default()
}

/// Levenshtein distance, one row at a time.
fn distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == cb { diagonal } else { 1 + diagonal.min(above).min(row[j]) };
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_near_names_only() {
        let keys = ["expect", "input", "inputFile", "mocks"];
        assert_eq!(closest("expct", keys), Some("expect"));
        assert_eq!(closest("InputFile", keys), Some("inputFile"));
        assert_eq!(closest("zebra", keys), None);
        assert_eq!(did_you_mean("mock", keys), " (did you mean 'mocks'?)");
    }
}
