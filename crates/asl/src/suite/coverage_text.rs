//! The coverage report in words: a line per kind (`states 12/14 (85.7%)`), then what was never
//! exercised, each item named as a person finds it in the definition. Rules, retriers and
//! catchers are counted from 1 in words (`rule 2` is `Choices[1]`).

use std::fmt::Write;

use super::coverage::{CoverageReport, Kind, TransitionItem};
use crate::model::Edge;

impl CoverageReport {
    pub fn text(&self) -> String {
        let mut out = String::new();
        let runs = if self.runs == 1 { "1 run".to_string() } else { format!("{} runs", self.runs) };
        let _ = writeln!(out, "coverage ({runs}):");
        line(&mut out, "states", &self.states);
        line(&mut out, "transitions", &self.transitions);
        line(&mut out, "choice branches", &self.choices);
        line(&mut out, "retry paths", &self.retries);
        line(&mut out, "catch paths", &self.catches);
        let missed = self.missed();
        if !missed.is_empty() {
            let _ = writeln!(out, "never exercised:");
            for m in missed {
                let _ = writeln!(out, "  {m}");
            }
        }
        out
    }

    /// Each item no run exercised, in words.
    pub fn missed(&self) -> Vec<String> {
        let mut out = Vec::new();
        for s in self.states.items.iter().filter(|s| !s.covered) {
            out.push(format!("{} \"{}\" never entered", s.state_type, s.name));
        }
        for t in self.transitions.items.iter().filter(|t| !t.covered) {
            out.push(transition(t));
        }
        for r in self.retries.items.iter().filter(|r| !r.covered) {
            out.push(format!("\"{}\": retrier {} ({}) never retried", r.name, r.index + 1, r.error_equals.join(", ")));
        }
        out
    }
}

fn transition(t: &TransitionItem) -> String {
    match t.edge {
        Edge::Next => format!("\"{}\" → \"{}\" never taken", t.from_name, t.to),
        Edge::ChoiceRule(i) => format!("Choice \"{}\": rule {} (→ {}) never taken", t.from_name, i + 1, t.to),
        Edge::Default => format!("Choice \"{}\": Default (→ {}) never taken", t.from_name, t.to),
        Edge::Catch(i) => format!("\"{}\": catcher {} (→ {}) never caught an error", t.from_name, i + 1, t.to),
    }
}

fn line<T>(out: &mut String, label: &str, kind: &Kind<T>) {
    let _ = writeln!(out, "  {label:<16} {}/{} {}", kind.covered, kind.total, percent(kind.covered, kind.total));
}

/// `(85.7%)` to one decimal, without float formatting; `(none)` when there is nothing to count.
fn percent(covered: usize, total: usize) -> String {
    if total == 0 {
        return "(none)".to_string();
    }
    let tenths = (covered * 1000 + total / 2) / total;
    format!("({}.{}%)", tenths / 10, tenths % 10)
}
