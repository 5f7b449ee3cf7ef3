//! The readable summary of a suite's run: a line per case (✓ or ✗ with its virtual time), each
//! failed expectation with where it is written, its message and its differences, then the
//! count.

use std::fmt::Write;

use super::run_case::CaseRun;

pub fn summary(file: &str, runs: &[CaseRun]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{file}");
    for run in runs {
        let r = &run.result;
        let mark = if r.passed { "✓" } else { "✗" };
        let _ = writeln!(out, "  {mark} {} ({})", r.name, seconds(r.elapsed_ms));
        if let Some(message) = &r.message {
            let _ = writeln!(out, "      {message}");
        }
        for f in &r.failures {
            let _ = writeln!(out, "      {} at {file}:{}", f.expectation, f.line);
            let _ = writeln!(out, "        {}", f.message);
            for d in &f.diff {
                let _ = writeln!(out, "          {}", d.text);
            }
        }
    }
    let passed = runs.iter().filter(|r| r.result.passed).count();
    let cases = if runs.len() == 1 { "1 case".to_string() } else { format!("{} cases", runs.len()) };
    let _ = write!(out, "{cases}: {passed} passed, {} failed", runs.len() - passed);
    out
}

/// Virtual milliseconds for people: `0 s`, `2.5 s`, `1 h 2 min 5 s`, `1 h`.
pub fn seconds(ms: i64) -> String {
    let (s, frac) = (ms / 1000, ms % 1000);
    let frac = if frac == 0 { String::new() } else { format!(".{frac:03}").trim_end_matches('0').to_string() };
    let (h, min, sec) = (s / 3600, (s % 3600) / 60, s % 60);
    let mut parts = Vec::new();
    if h > 0 {
        parts.push(format!("{h} h"));
    }
    if min > 0 {
        parts.push(format!("{min} min"));
    }
    if sec > 0 || !frac.is_empty() || parts.is_empty() {
        parts.push(format!("{sec}{frac} s"));
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn virtual_time_reads_well() {
        assert_eq!(seconds(0), "0 s");
        assert_eq!(seconds(2_500), "2.5 s");
        assert_eq!(seconds(600_080), "10 min 0.08 s");
        assert_eq!(seconds(3_725_000), "1 h 2 min 5 s");
        assert_eq!(seconds(3_600_000), "1 h");
    }
}
