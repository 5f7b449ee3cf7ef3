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
/// (Written digit by digit: a long history formats one per event.)
pub fn format_millis(ms: i64) -> String {
    let days = ms.div_euclid(86_400_000);
    let in_day = ms.rem_euclid(86_400_000);
    let (year, month, day) = civil_from_days(days);
    if !(0..=9999).contains(&year) {
        return "1970-01-01T00:00:00.000Z".to_string();
    }
    let mut out = [0u8; 24];
    let mut put = |at: usize, value: i64, width: usize| {
        let mut v = value;
        for i in (0..width).rev() {
            out[at + i] = b'0' + (v % 10) as u8;
            v /= 10;
        }
    };
    put(0, year, 4);
    put(5, month, 2);
    put(8, day, 2);
    put(11, in_day / 3_600_000, 2);
    put(14, in_day / 60_000 % 60, 2);
    put(17, in_day / 1000 % 60, 2);
    put(20, in_day % 1000, 3);
    for (at, c) in [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':'), (19, b'.'), (23, b'Z')] {
        out[at] = c;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The proleptic Gregorian date of a day counted from 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
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
        assert_eq!(format_millis(951_782_400_000), "2000-02-29T00:00:00.000Z");
        assert_eq!(format_millis(-1), "1969-12-31T23:59:59.999Z");
    }

    #[test]
    fn formats_like_the_calendar_every_day_for_centuries() {
        // Every 9,973rd day from 1900 to 2400, checked against the `time` crate's calendar.
        let mut day = -25_567i64;
        while day < 157_000 {
            let ms = day * 86_400_000 + 45_296_789;
            let t = OffsetDateTime::from_unix_timestamp_nanos(ms as i128 * 1_000_000).unwrap();
            let want = format!("{:04}-{:02}-{:02}T12:34:56.789Z", t.year(), u8::from(t.month()), t.day());
            assert_eq!(format_millis(ms), want);
            day += 9_973 / 10;
        }
    }
}
