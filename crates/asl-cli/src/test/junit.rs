//! `--junit FILE`: the run as JUnit XML, as CI servers read it: `<testsuites>` holding one
//! `<testsuite>`, a `<testcase>` per case with a `<failure>` that holds the readable text; a
//! suite that could not run is one `<testcase>` with an `<error>`. Times are real seconds
//! (what a CI server means by a test's time); each case's virtual time is in its text.

use std::fmt::Write;
use std::time::Duration;

use super::print::seconds;
use super::run_case::CaseRun;

pub fn report(file: &str, runs: &[CaseRun]) -> String {
    let failures = runs.iter().filter(|r| !r.result.passed).count();
    let total: Duration = runs.iter().map(|r| r.wall).sum();
    let classname = classname(file);
    let mut cases = String::new();
    for run in runs {
        let r = &run.result;
        let _ = write!(
            cases,
            "    <testcase name=\"{}\" classname=\"{}\" time=\"{}\"",
            attr(&r.name),
            attr(&classname),
            time(run.wall)
        );
        if r.passed {
            cases.push_str("/>\n");
            continue;
        }
        let first = r.failures.first().map_or(String::new(), |f| format!("{}: {}", f.expectation, f.message));
        let kind = r.failures.first().map_or("failure", |f| f.expectation.as_str());
        let _ = write!(
            cases,
            ">\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>\n",
            attr(&first),
            attr(kind),
            escape(&failure_text(file, run))
        );
    }
    document(file, runs.len(), failures, 0, total, &cases)
}

/// A suite that could not run (a bad suite): one case, in error, with every message.
pub fn error_report(file: &str, errors: &[String]) -> String {
    let first = errors.first().map_or("", String::as_str);
    let case = format!(
        "    <testcase name=\"{}\" classname=\"{}\" time=\"0.000\">\n      <error message=\"{}\" type=\"suite\">{}</error>\n    </testcase>\n",
        attr("(the suite)"),
        attr(&classname(file)),
        attr(first.lines().next().unwrap_or_default()),
        escape(&errors.join("\n"))
    );
    document(file, 1, 0, 1, Duration::ZERO, &case)
}

fn document(file: &str, tests: usize, failures: usize, errors: usize, time_taken: Duration, cases: &str) -> String {
    let t = time(time_taken);
    let name = attr(file);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"asl test\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\" time=\"{t}\">\n  <testsuite name=\"{name}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"0\" time=\"{t}\">\n{cases}  </testsuite>\n</testsuites>\n"
    )
}

/// The case's failures as the summary writes them.
fn failure_text(file: &str, run: &CaseRun) -> String {
    let r = &run.result;
    let mut out = format!("{} ({} of virtual time)\n", r.name, seconds(r.elapsed_ms));
    if let Some(m) = &r.message {
        let _ = writeln!(out, "{m}");
    }
    for f in &r.failures {
        let _ = writeln!(out, "{} at {file}:{}: {}", f.expectation, f.line, f.message);
        for d in &f.diff {
            let _ = writeln!(out, "  {}", d.text);
        }
    }
    out
}

/// The suite's file without its extension, `/` as `.` (CI servers group by class name).
fn classname(file: &str) -> String {
    let stem = file.strip_suffix(".yaml").or_else(|| file.strip_suffix(".yml")).or_else(|| file.strip_suffix(".json"));
    stem.unwrap_or(file).trim_start_matches("./").replace(['/', '\\'], ".")
}

/// Seconds with three decimals (the schema's time format).
fn time(d: Duration) -> String {
    format!("{}.{:03}", d.as_secs(), d.subsec_millis())
}

/// Text as XML attribute or element content: the five special characters escaped, and the
/// characters XML 1.0 cannot hold at all (most control characters) written as U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Text as an attribute's value: escaped, with line breaks and tabs as character references
/// (a parser would turn them into spaces).
fn attr(text: &str) -> String {
    escape(text).replace('\n', "&#10;").replace('\r', "&#13;").replace('\t', "&#9;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_xml_cannot_hold() {
        assert_eq!(escape("a<b>&\"c\"'"), "a&lt;b&gt;&amp;&quot;c&quot;&apos;");
        assert_eq!(escape("bell\u{7}\ttab"), "bell\u{FFFD}\ttab");
        assert_eq!(attr("a\nb"), "a&#10;b");
        assert_eq!(classname("examples/map/tests.yaml"), "examples.map.tests");
        assert_eq!(time(Duration::from_millis(1234)), "1.234");
    }
}
