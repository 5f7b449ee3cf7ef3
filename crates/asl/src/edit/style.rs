//! How a definition is written (its indentation unit, the space after a colon), so that what
//! an edit adds reads as if the person had typed it in the same style.

use serde_json::Value;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Style {
    /// One level of indentation: two spaces unless the text says otherwise.
    pub unit: String,
    /// What follows a key's colon: `" "` or nothing.
    pub after_colon: String,
}

impl Style {
    /// The style of `text`: the smallest indentation of any line, and what follows the colon
    /// of its first member (`first_colon`: the text between that key and its value).
    pub fn of(text: &str, first_colon: Option<&str>) -> Style {
        let unit = text
            .lines()
            .skip(1)
            .map(|line| &line[..line.len() - line.trim_start_matches([' ', '\t']).len()])
            .filter(|indent| !indent.is_empty() && indent.len() <= MAX_UNIT)
            .min_by_key(|indent| indent.len())
            .map(|indent| if indent.starts_with('\t') { "\t".to_string() } else { indent.to_string() })
            .unwrap_or_else(|| "  ".to_string());
        let after_colon = match first_colon {
            Some(between) if between.trim() == ":" && !between.ends_with(':') => " ",
            Some(_) => "",
            None => " ",
        }
        .to_string();
        Style { unit, after_colon }
    }

    /// `value` as JSON, laid out for a place indented by `indent`: objects over several lines,
    /// arrays of scalars on one line (["States.ALL"]), the document's unit and colon spacing.
    pub fn write(&self, value: &Value, indent: &str) -> String {
        let mut out = String::new();
        self.write_into(&mut out, value, indent);
        out
    }

    /// `"key": value` for a member indented by `indent`.
    pub fn member(&self, key: &str, value: &Value, indent: &str) -> String {
        format!("{}:{}{}", quote(key), self.after_colon, self.write(value, indent))
    }

    fn write_into(&self, out: &mut String, value: &Value, indent: &str) {
        match value {
            Value::Object(map) if !map.is_empty() => {
                let inner = format!("{indent}{}", self.unit);
                out.push('{');
                for (i, (key, item)) in map.iter().enumerate() {
                    out.push_str(if i == 0 { "\n" } else { ",\n" });
                    out.push_str(&inner);
                    out.push_str(&quote(key));
                    out.push(':');
                    out.push_str(&self.after_colon);
                    self.write_into(out, item, &inner);
                }
                out.push('\n');
                out.push_str(indent);
                out.push('}');
            }
            Value::Array(items) if items.iter().any(|v| v.is_object() || v.is_array()) => {
                let inner = format!("{indent}{}", self.unit);
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    out.push_str(if i == 0 { "\n" } else { ",\n" });
                    out.push_str(&inner);
                    self.write_into(out, item, &inner);
                }
                out.push('\n');
                out.push_str(indent);
                out.push(']');
            }
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&item.to_string());
                }
                out.push(']');
            }
            scalar => out.push_str(&scalar.to_string()),
        }
    }
}

/// A JSON string literal.
pub fn quote(s: &str) -> String {
    Value::String(s.to_string()).to_string()
}

/// Indentation longer than this is alignment, not a unit.
const MAX_UNIT: usize = 8;
