//! What the playground derives from the definition text on every edit: the engine's
//! diagnostics (with the UTF-16 positions Monaco wants), the state machine when it can run, its
//! laid-out graph, the mocks it needs, and where each state sits in the text.

use std::sync::Arc;

use asl::diagnostics::Severity;
use asl::model::{MockNeed, StateMachine, mock_needs};
use asl::source::{Format, Placeholder};
use asl::span::LineIndex;
use asl_graph::Layout;

use crate::sources::{Offered, Prepared};

/// One diagnostic, placed for the editor.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub error: bool,
    pub code: &'static str,
    pub message: String,
    pub location: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// A state's place in the text, for moving between the editor and the graph.
#[derive(Clone, Debug, PartialEq)]
pub struct StateSpan {
    pub name: String,
    /// UTF-16 offsets (as the editor counts) of the state's key and of the end of its value.
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

#[derive(Debug)]
pub struct Analysis {
    pub text: String,
    pub problems: Vec<Problem>,
    /// The state machine, when the definition has no ERROR.
    pub machine: Option<Arc<StateMachine>>,
    pub layout: Option<Arc<Layout>>,
    pub needs: Vec<MockNeed>,
    pub spans: Vec<StateSpan>,
    /// How the text is written.
    pub format: Format,
    /// The `${...}` placeholders (and a template's `Ref` / `Fn::GetAtt`) the definition uses.
    pub placeholders: Vec<Placeholder>,
    /// When the text is a SAM or CloudFormation template: the state machines it offers.
    pub offer: Option<Vec<Offered>>,
    /// Why the workspace's template gives the placeholders no values.
    pub template_problem: Option<String>,
    /// The definition's value with its placeholders' values put in, when the reader of YAML
    /// and templates read it (see [`Analysis::definition_value`]).
    pub value: Option<Arc<serde_json::Value>>,
}

impl PartialEq for Analysis {
    /// The same text read the same way: what follows from it (the graph, the problems) is the
    /// same, so nothing downstream redraws.
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
            && self.placeholders == other.placeholders
            && self.offer == other.offer
            && self.template_problem == other.template_problem
    }
}

impl Analysis {
    /// A JSON definition with no placeholder (the engine's reader of YAML and templates is
    /// not needed, see `sources`).
    pub fn of(text: &str) -> Analysis {
        Analysis::of_definition(text, asl::load(text), Format::Json, Vec::new())
    }

    /// What the reader of YAML and templates made of the text.
    pub fn of_prepared(prepared: Prepared) -> Analysis {
        let text = prepared.key.text.as_str();
        let Some(definition) = prepared.definition else {
            let count = prepared.offer.as_ref().map_or(0, Vec::len);
            let problem = Problem {
                error: true,
                code: "TEMPLATE",
                message: format!(
                    "This is a SAM or CloudFormation template with {count} state machine{}, not a definition: open one below the editor",
                    if count == 1 { "" } else { "s" }
                ),
                location: String::new(),
                line: 1,
                column: 1,
                end_line: 1,
                end_column: 2,
            };
            return Analysis {
                problems: vec![problem],
                format: prepared.format,
                offer: prepared.offer,
                ..Analysis::of_definition(text, asl::Definition::empty(), prepared.format, Vec::new())
            };
        };
        let mut analysis = Analysis::of_definition(text, definition, prepared.format, prepared.placeholders);
        analysis.template_problem = prepared.template_problem;
        analysis.value = prepared.value;
        analysis
    }

    fn of_definition(text: &str, def: asl::Definition, format: Format, placeholders: Vec<Placeholder>) -> Analysis {
        let index = LineIndex::new(text);
        let spans_index = &def.spans;
        let unvalued = placeholders.iter().filter(|p| p.effective().is_none()).flat_map(|p| {
            p.uses.iter().map(move |pointer| asl::diagnostics::Diagnostic {
                severity: Severity::Warning,
                code: "PLACEHOLDER_WITHOUT_VALUE",
                message: format!("${{{}}} has no value: give it one in Substitutions", p.name),
                location: pointer.clone(),
                span: spans_index.locate(pointer),
            })
        });
        let unvalued: Vec<_> = unvalued.collect();
        let mut problems: Vec<Problem> = def
            .diagnostics
            .iter()
            .chain(&unvalued)
            .map(|d| {
                let start = index.line_col(d.span.start);
                let end = index.line_col(d.span.end.max(d.span.start + 1));
                Problem {
                    error: d.severity == Severity::Error,
                    code: d.code,
                    message: d.message.clone(),
                    location: d.location.clone(),
                    line: start.line,
                    column: start.utf16_column,
                    end_line: end.line,
                    end_column: end.utf16_column,
                }
            })
            .collect();
        asl::sort::sort_by_key(&mut problems, |p| (!p.error, p.line, p.column));
        let spans = state_spans(&def, text, &index);
        let runnable = !def.has_errors();
        let needs = def.machine.as_ref().map(mock_needs).unwrap_or_default();
        let machine = if runnable { def.machine.map(Arc::new) } else { None };
        let layout = machine.as_ref().map(|m| Arc::new(asl_graph::layout(&asl_graph::build(m))));
        Analysis {
            text: text.to_string(),
            problems,
            machine,
            layout,
            needs,
            spans,
            format,
            placeholders,
            offer: None,
            template_problem: None,
            value: None,
        }
    }

    /// The definition as a JSON value, as it runs (a YAML definition's, with its placeholders'
    /// values put in): what the inspector shows of a state, and what is exported to AWS.
    pub fn definition_value(&self) -> Option<Arc<serde_json::Value>> {
        self.value.clone().or_else(|| serde_json::from_str(&self.text).ok().map(Arc::new))
    }

    pub fn errors(&self) -> usize {
        self.problems.iter().filter(|p| p.error).count()
    }

    /// The innermost state whose text holds the UTF-16 `offset`.
    pub fn state_at(&self, offset: usize) -> Option<&StateSpan> {
        self.spans.iter().filter(|s| s.start <= offset && offset <= s.end).min_by_key(|s| s.end - s.start)
    }

    pub fn span_of(&self, name: &str) -> Option<&StateSpan> {
        self.spans.iter().find(|s| s.name == name)
    }
}

fn state_spans(def: &asl::Definition, text: &str, index: &LineIndex) -> Vec<StateSpan> {
    let Some(machine) = &def.machine else { return Vec::new() };
    let utf16 = Utf16Offsets::new(text);
    let utf16 = |byte: usize| utf16.of(byte);
    machine
        .all_states()
        .filter_map(|s| {
            let node = def.spans.get(&s.pointer)?;
            let start = node.key.unwrap_or(node.value).start;
            let end = node.value.end;
            let (a, b) = (index.line_col(start), index.line_col(node.key.map_or(node.value.end, |k| k.end)));
            Some(StateSpan {
                name: s.name.to_string(),
                start: utf16(start),
                end: utf16(end),
                line: a.line,
                column: a.utf16_column,
                end_line: b.line,
                end_column: b.utf16_column,
            })
        })
        .collect()
}

/// Byte offsets to UTF-16 offsets (what the editor counts), in O(log n) each: the UTF-16 offset
/// of every 64th byte is kept, and the rest counted from there.
struct Utf16Offsets<'a> {
    text: &'a str,
    /// (byte offset, UTF-16 offset) at character boundaries, every 64 bytes or so.
    marks: Vec<(usize, usize)>,
}

impl<'a> Utf16Offsets<'a> {
    fn new(text: &'a str) -> Self {
        let mut marks = vec![(0, 0)];
        let mut units = 0;
        let mut next = 64;
        for (i, c) in text.char_indices() {
            if i >= next {
                marks.push((i, units));
                next = i + 64;
            }
            units += c.len_utf16();
        }
        Utf16Offsets { text, marks }
    }

    fn of(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let at = self.marks.partition_point(|&(b, _)| b <= byte) - 1;
        let (from, units) = self.marks[at];
        units + self.text.get(from..byte).map_or(0, |t| t.encode_utf16().count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let text = "ab😀".repeat(100) + "é";
        let offsets = Utf16Offsets::new(&text);
        for byte in (0..text.len()).filter(|b| text.is_char_boundary(*b)) {
            assert_eq!(offsets.of(byte), text[..byte].encode_utf16().count(), "at {byte}");
        }
    }
}
