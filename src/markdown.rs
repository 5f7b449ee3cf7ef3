//! The little Markdown the examples' `about.md` files use: paragraphs, `-` and `1.` lists,
//! fenced code blocks, and inline `code`, **bold** and *emphasis*. Parsed into blocks the page renders as
//! elements (never as HTML text).

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    List { ordered: bool, items: Vec<Vec<Inline>> },
    Code(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Code(String),
    Bold(String),
    Emphasis(String),
}

pub fn parse(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_end();
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.starts_with("```") {
            let mut code = Vec::new();
            for l in lines.by_ref() {
                if l.trim_start().starts_with("```") {
                    break;
                }
                code.push(l);
            }
            blocks.push(Block::Code(code.join("\n")));
        } else if let Some((ordered, item)) = list_item(trimmed) {
            let mut items = vec![item.to_string()];
            while let Some(next) = lines.peek() {
                if let Some((_, item)) = list_item(next).filter(|(o, _)| *o == ordered) {
                    items.push(item.trim_end().to_string());
                } else if next.starts_with("  ") && !next.trim().is_empty() {
                    let last = items.last_mut().expect("a list has an item");
                    last.push(' ');
                    last.push_str(next.trim());
                } else {
                    break;
                }
                lines.next();
            }
            blocks.push(Block::List { ordered, items: items.iter().map(|i| inline(i)).collect() });
        } else {
            let mut paragraph = trimmed.to_string();
            while let Some(next) = lines.peek() {
                let next = next.trim_end();
                if next.is_empty() || list_item(next).is_some() || next.starts_with("```") {
                    break;
                }
                paragraph.push(' ');
                paragraph.push_str(next.trim_start());
                lines.next();
            }
            blocks.push(Block::Paragraph(inline(&paragraph)));
        }
    }
    blocks
}

/// A list item's text, and whether its list is numbered (`1. `) rather than bulleted (`- `).
fn list_item(line: &str) -> Option<(bool, &str)> {
    if let Some(item) = line.strip_prefix("- ") {
        return Some((false, item));
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    line[digits..].strip_prefix(". ").filter(|_| digits > 0).map(|item| (true, item))
}

/// Splits a line into text, `code`, **bold** and *emphasis*. A marker without its closing
/// partner stays as text.
pub fn inline(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let (marker, make): (&str, fn(String) -> Inline) = match c {
            '`' => ("`", Inline::Code),
            '*' if rest.starts_with("**") => ("**", Inline::Bold),
            '*' => ("*", Inline::Emphasis),
            _ => {
                plain.push(c);
                rest = &rest[c.len_utf8()..];
                continue;
            }
        };
        let body = &rest[marker.len()..];
        match body.find(marker).filter(|&end| end > 0) {
            Some(end) => {
                if !plain.is_empty() {
                    out.push(Inline::Text(std::mem::take(&mut plain)));
                }
                out.push(make(body[..end].to_string()));
                rest = &body[end + marker.len()..];
            }
            None => {
                plain.push_str(marker);
                rest = body;
            }
        }
    }
    if !plain.is_empty() {
        out.push(Inline::Text(plain));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn paragraphs_join_their_lines_and_lists_their_continuations() {
        let md = "First line\nsecond line.\n\n- **One**: a\n  continued\n- Two `x`\n\nAfter.";
        assert_eq!(
            parse(md),
            vec![
                Block::Paragraph(vec![text("First line second line.")]),
                Block::List {
                    ordered: false,
                    items: vec![
                        vec![Inline::Bold("One".into()), text(": a continued")],
                        vec![text("Two "), Inline::Code("x".into())],
                    ]
                },
                Block::Paragraph(vec![text("After.")]),
            ]
        );
    }

    #[test]
    fn numbered_lists_keep_their_continuations() {
        let md = "Steps:\n\n1. **A** first\n   more\n2. second\n10. tenth";
        assert_eq!(
            parse(md)[1],
            Block::List {
                ordered: true,
                items: vec![
                    vec![Inline::Bold("A".into()), text(" first more")],
                    vec![text("second")],
                    vec![text("tenth")]
                ]
            }
        );
        assert_eq!(parse("2026.A year")[0], Block::Paragraph(vec![text("2026.A year")]), "no space, no list");
    }

    #[test]
    fn fenced_code_keeps_its_lines() {
        let md = "Send:\n\n```json\n{\"approved\": true,\n \"x\": 1}\n```\nThen.";
        assert_eq!(
            parse(md),
            vec![
                Block::Paragraph(vec![text("Send:")]),
                Block::Code("{\"approved\": true,\n \"x\": 1}".into()),
                Block::Paragraph(vec![text("Then.")]),
            ]
        );
    }

    #[test]
    fn unclosed_markers_stay_text() {
        assert_eq!(inline("2 * 3 and `open"), vec![text("2 * 3 and `open")]);
        assert_eq!(inline("*and* `a*b`"), vec![Inline::Emphasis("and".into()), text(" "), Inline::Code("a*b".into())]);
    }
}
