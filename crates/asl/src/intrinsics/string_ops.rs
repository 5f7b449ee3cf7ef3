//! `States.StringSplit`: splits a string at any of the delimiter's characters.

use serde_json::Value;

use super::Env;
use super::eval::{arguments, string_arg};
use super::functions::Function;
use super::parse::Call;
use crate::errors::Failure;

/// Every character of the delimiter string separates, and empty pieces are dropped: AWS
/// splits like Java's `StringTokenizer` (`"a,,b"` gives `["a", "b"]`, `"This.is+a"` split
/// at `".+"` gives `["This", "is", "a"]`).
pub(super) fn split(call: &Call, env: &mut dyn Env) -> Result<Value, Failure> {
    let [text, delimiters] = arguments(call, env)?;
    let text = string_arg(Function::StringSplit, 0, &text)?;
    let delimiters = string_arg(Function::StringSplit, 1, &delimiters)?;
    let pieces = text
        .split(|c: char| delimiters.contains(c))
        .filter(|piece| !piece.is_empty())
        .map(|piece| Value::String(piece.to_string()))
        .collect();
    Ok(Value::Array(pieces))
}

#[cfg(test)]
mod tests {
    use super::super::test_env::{cause, eval};
    use serde_json::json;

    #[test]
    fn splits_at_any_delimiter_character_and_drops_empty_pieces() {
        let cases = [
            ("States.StringSplit('1,2,3,4,5', ',')", json!(["1", "2", "3", "4", "5"])),
            ("States.StringSplit('This.is+a,test=string', '.+,=')", json!(["This", "is", "a", "test", "string"])),
            ("States.StringSplit(',,a,,', ',')", json!(["a"])),
            ("States.StringSplit('', ',')", json!([])),
            ("States.StringSplit('abc', '')", json!(["abc"])),
            ("States.StringSplit('aébéc', 'é')", json!(["a", "b", "c"])),
        ];
        for (call, expected) in cases {
            assert_eq!(eval(call).expect(call), expected, "{call}");
        }
        assert!(cause("States.StringSplit(States.Array(), ',')").contains("must be a string"));
    }
}
