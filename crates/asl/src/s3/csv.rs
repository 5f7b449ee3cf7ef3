//! CSV as a Distributed Map's ItemReader reads it (RFC 4180): fields split by one delimiter,
//! quoted fields may hold delimiters, line breaks and doubled quotes, and lines end with LF,
//! CRLF or CR. A line with no characters at all is no row.

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
    while let Some(c) = chars.next() {
        match c {
            '"' if field.is_empty() => {
                started = true;
                loop {
                    match chars.next() {
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
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
                row_line = line;
            }
            c if c == delimiter => {
                started = true;
                row.push(std::mem::take(&mut field));
            }
            c => {
                started = true;
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
