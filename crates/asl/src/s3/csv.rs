//! CSV as a Distributed Map's ItemReader reads it, by the rules AWS documents ("How Step
//! Functions parses input CSV files"): fields split by one delimiter and records by line
//! breaks (LF, CRLF or CR); a field in double quotes may hold delimiters and line breaks; a
//! doubled quote stands for one quote, in a quoted field and in an unquoted one alike; a
//! backslash escapes another backslash, a double quote or the delimiter, and a backslash before
//! anything else is dropped. A line with no characters at all is no row.

use std::iter::Peekable;
use std::str::Chars;

/// Where a CSV text stops making sense.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvError {
    pub line: usize,
    pub message: String,
}

/// The rows of `text`, each a list of fields.
pub fn rows(text: &str, delimiter: char) -> Result<Vec<Vec<String>>, CsvError> {
    let mut rows = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut field = String::new();
    // The line the current row started on, for messages.
    let mut line = 1;
    let mut row_line = 1;
    let mut chars = text.chars().peekable();
    // Whether the current row has anything yet (a delimiter or a character).
    let mut started = false;
    // Whether the next character begins a field: only there does a quote open a quoted field.
    let mut field_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if field_start => {
                started = true;
                field_start = false;
                loop {
                    match chars.next() {
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some('\\') => escaped(&mut chars, delimiter, &mut field),
                        Some(c) => {
                            if c == '\n' {
                                line += 1;
                            }
                            field.push(c);
                        }
                        None => {
                            return Err(CsvError {
                                line: row_line,
                                message: "a quoted field is not closed before the end of the file".into(),
                            });
                        }
                    }
                }
                match chars.peek() {
                    None | Some('\n' | '\r') => {}
                    Some(&d) if d == delimiter => {}
                    Some(&other) => {
                        return Err(CsvError {
                            line,
                            message: format!(
                                "'{other}' follows a quoted field's closing quote, where a delimiter or the end of the line should be"
                            ),
                        });
                    }
                }
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                line += 1;
                if started {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                started = false;
                field_start = true;
                row_line = line;
            }
            c if c == delimiter => {
                started = true;
                field_start = true;
                row.push(std::mem::take(&mut field));
            }
            // Outside quotes too, a doubled quote is one quote (`{""key"":1}` reads `{"key":1}`).
            '"' if chars.peek() == Some(&'"') => {
                chars.next();
                started = true;
                field_start = false;
                field.push('"');
            }
            '\\' => {
                started = true;
                field_start = false;
                // A backslash before a line break is dropped and the line break still ends
                // the row.
                if !matches!(chars.peek(), Some('\n' | '\r')) {
                    escaped(&mut chars, delimiter, &mut field);
                }
            }
            c => {
                started = true;
                field_start = false;
                field.push(c);
            }
        }
    }
    if started {
        row.push(field);
        rows.push(row);
    }
    Ok(rows)
}

/// The character after a backslash: a backslash, a double quote or the delimiter is kept as
/// itself; before anything else the backslash is dropped and the character read as usual.
fn escaped(chars: &mut Peekable<Chars>, delimiter: char, field: &mut String) {
    match chars.peek() {
        Some(&c) if c == '\\' || c == '"' || c == delimiter => {
            chars.next();
            field.push(c);
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Vec<Vec<String>> {
        rows(text, ',').unwrap()
    }

    #[test]
    fn splits_lines_and_fields() {
        assert_eq!(parse("a,b\n1,2\n"), [["a", "b"], ["1", "2"]]);
        assert_eq!(parse("a,b\r\n1,2"), [["a", "b"], ["1", "2"]]);
        assert_eq!(parse(",,\n"), [["", "", ""]]);
        assert_eq!(parse("   \n"), [["   "]]);
    }

    #[test]
    fn blank_lines_are_no_rows() {
        assert_eq!(parse("a\n\n\nb\n"), [["a"], ["b"]]);
    }

    #[test]
    fn quoted_fields_hold_delimiters_breaks_and_quotes() {
        assert_eq!(parse("\"a,b\",\"say \"\"hi\"\"\"\n\"two\nlines\",x"), [["a,b", "say \"hi\""], ["two\nlines", "x"]]);
        assert_eq!(parse("'single',x"), [["'single'", "x"]]);
    }

    #[test]
    fn doubled_quotes_outside_quotes_are_one_quote() {
        assert_eq!(parse("{\"\"k\"\":\"\"v\"\"},a\"b\n"), [["{\"k\":\"v\"}", "a\"b"]]);
    }

    #[test]
    fn backslashes_escape_backslashes_quotes_and_the_delimiter_only() {
        assert_eq!(parse("C:\\\\Dir\\\\f.exe,1\n"), [["C:\\Dir\\f.exe", "1"]]);
        assert_eq!(parse("a\\,b,c\n"), [["a,b", "c"]]);
        assert_eq!(parse("say \\\"hi\\\",\"in \\\"quotes\\\"\"\n"), [["say \"hi\"", "in \"quotes\""]]);
        assert_eq!(parse("a\\b,x\\\n2,3\n"), [["ab", "x"], ["2", "3"]]);
        assert_eq!(rows("a\\|b|c\\,d", '|').unwrap(), [["a|b", "c,d"]]);
    }

    #[test]
    fn other_delimiters() {
        assert_eq!(rows("a|b\n1|2", '|').unwrap(), [["a", "b"], ["1", "2"]]);
        assert_eq!(rows("a\tb", '\t').unwrap(), [["a", "b"]]);
    }

    #[test]
    fn broken_quotes_are_errors_with_their_line() {
        assert_eq!(rows("a\n\"open", ',').unwrap_err().line, 2);
        assert!(rows("\"a\"b,c", ',').is_err());
    }
}
