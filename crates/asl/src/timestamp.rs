//! Timestamps as ASL uses them: ISO-8601 / RFC 3339 text (Wait's Timestamp, Timestamp*
//! comparisons) and the virtual clock's milliseconds since the Unix epoch.

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// Parses an RFC 3339 timestamp with an explicit offset (`Z` or `+01:00`), as AWS requires.
pub fn parse(text: &str) -> Option<OffsetDateTime> {
    // AWS also accepts a lowercase 't'/'z'? It does not: keep to the strict upper-case form.
    if !text.contains('T') {
        return None;
    }
    OffsetDateTime::parse(text, &Rfc3339).ok()
}

/// Milliseconds since the epoch of a parsed timestamp.
pub fn to_millis(t: OffsetDateTime) -> i128 {
    t.unix_timestamp_nanos() / 1_000_000
}

/// Formats epoch milliseconds as AWS prints context timestamps: `2026-01-31T09:30:00.123Z`.
pub fn format_millis(ms: i64) -> String {
    let t = OffsetDateTime::from_unix_timestamp_nanos(ms as i128 * 1_000_000).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.millisecond()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_offsets_and_fractions() {
        assert!(parse("2016-03-14T01:59:00Z").is_some());
        assert!(parse("2016-03-14T01:59:00.123+02:00").is_some());
        assert!(parse("2016-03-14 01:59:00Z").is_none());
        assert!(parse("2016-03-14T01:59:00").is_none());
        assert!(parse("2016-13-14T01:59:00Z").is_none());
    }

    #[test]
    fn formats_with_milliseconds() {
        assert_eq!(format_millis(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(format_millis(1_700_000_000_123), "2023-11-14T22:13:20.123Z");
    }
}
