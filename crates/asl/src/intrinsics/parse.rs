//! Intrinsic call text to a [`Call`] tree, with the checks that need no data: known function,
//! argument count, literal argument types, AWS's string escapes, nesting depth, and
//! `States.Format`'s placeholder count when its template is a literal.

use serde_json::Value;

use super::format::Template;
use super::functions::{Function, HASH_ALGORITHMS, describe, ordinal};
use crate::path::Path;

/// How deeply calls may nest inside one field (AWS documents 10).
pub const MAX_NESTING: usize = 10;

/// One argument of a call.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// A string (escapes already resolved), number, `true`, `false` or `null`.
    Literal(Value),
    Path(Path),
    Call(Box<Call>),
}

/// A parsed intrinsic call.
#[derive(Clone, Debug, PartialEq)]
pub struct Call {
    pub function: Function,
    pub args: Vec<Arg>,
    /// `States.Format` with a literal template: the template split at its placeholders, kept
    /// because escaped braces (`\{\}`) are text, not placeholders, and the resolved string no
    /// longer tells them apart.
    pub(crate) template: Option<Template>,
}

/// Why a text is not a valid intrinsic call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntrinsicSyntaxError {
    pub message: String,
    /// Byte offset in the call text where the problem was found.
    pub offset: usize,
}

impl std::fmt::Display for IntrinsicSyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for IntrinsicSyntaxError {}

/// Whether a text starts like an intrinsic call, `States.Name(`, so that a payload template
/// treats it as one (and reports its syntax errors) rather than as a path.
pub fn is_intrinsic(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("States.") else {
        return false;
    };
    let name_len = rest.bytes().take_while(|b| b.is_ascii_alphanumeric()).count();
    name_len > 0 && rest.get(name_len..).is_some_and(|after| after.trim_start().starts_with('('))
}

/// Parses a whole intrinsic call such as `States.Format('{} items', States.ArrayLength($.a))`.
pub fn parse(text: &str) -> Result<Call, IntrinsicSyntaxError> {
    let mut parser = Parser { text, pos: 0 };
    parser.skip_whitespace();
    let call = parser.call(1)?;
    parser.skip_whitespace();
    if parser.pos < text.len() {
        return Err(parser.error_here(format!(
            "unexpected text '{}' after the closing ')' of {}",
            parser.rest(),
            call.function
        )));
    }
    Ok(call)
}

struct Parser<'t> {
    text: &'t str,
    pos: usize,
}

/// An argument as parsed, with what the checks after the argument list need.
struct ParsedArg {
    arg: Arg,
    offset: usize,
    /// For a string literal: where its unescaped `{}` placeholders start in the resolved text.
    placeholders: Vec<usize>,
}

impl<'t> Parser<'t> {
    fn rest(&self) -> &'t str {
        self.text.get(self.pos..).unwrap_or("")
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn skip_whitespace(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.bump();
        }
    }

    fn error_at(&self, offset: usize, message: impl Into<String>) -> IntrinsicSyntaxError {
        IntrinsicSyntaxError { message: message.into(), offset }
    }

    fn error_here(&self, message: impl Into<String>) -> IntrinsicSyntaxError {
        self.error_at(self.pos, message)
    }

    /// What is at the current position, for messages.
    fn found(&self) -> String {
        match self.peek() {
            None => "the end of the text".to_string(),
            Some(c) => format!("'{c}'"),
        }
    }

    fn call(&mut self, depth: usize) -> Result<Call, IntrinsicSyntaxError> {
        let start = self.pos;
        if depth > MAX_NESTING {
            return Err(self.error_here(format!("intrinsic functions are nested more than {MAX_NESTING} deep")));
        }
        let Some(after_prefix) = self.rest().strip_prefix("States.") else {
            return Err(self.error_here("an intrinsic function starts with 'States.'"));
        };
        let name_len = after_prefix.bytes().take_while(|b| b.is_ascii_alphanumeric()).count();
        let name_end = start + "States.".len() + name_len;
        let name = self.text.get(start..name_end).unwrap_or("");
        let function = Function::from_name(name).ok_or_else(|| self.error_at(start, unknown_function_message(name)))?;
        self.pos = name_end;
        self.skip_whitespace();
        if self.peek() != Some('(') {
            return Err(self.error_here(format!("expected '(' after {function}, found {}", self.found())));
        }
        self.bump();
        let args = self.arguments(function, depth)?;
        check_arity(function, args.len(), start)?;
        let template = check_arguments(function, &args)?;
        Ok(Call { function, args: args.into_iter().map(|parsed| parsed.arg).collect(), template })
    }

    /// The arguments after the opening `(`, through the closing `)`.
    fn arguments(&mut self, function: Function, depth: usize) -> Result<Vec<ParsedArg>, IntrinsicSyntaxError> {
        let mut args = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(')') {
            self.bump();
            return Ok(args);
        }
        loop {
            self.skip_whitespace();
            args.push(self.argument(function, depth)?);
            self.skip_whitespace();
            match self.peek() {
                Some(',') => {
                    self.bump();
                    self.skip_whitespace();
                    if self.peek() == Some(')') {
                        return Err(self.error_here(format!("expected an argument after ',' in {function}, found ')'")));
                    }
                }
                Some(')') => {
                    self.bump();
                    return Ok(args);
                }
                None => {
                    return Err(self.error_here(format!("missing ')' at the end of the arguments of {function}")));
                }
                Some(_) => {
                    return Err(self.error_here(format!(
                        "expected ',' or ')' after an argument of {function}, found {}",
                        self.found()
                    )));
                }
            }
        }
    }

    fn argument(&mut self, function: Function, depth: usize) -> Result<ParsedArg, IntrinsicSyntaxError> {
        let offset = self.pos;
        let mut placeholders = Vec::new();
        let arg = match self.peek() {
            Some('\'') => Arg::Literal(Value::String(self.string(&mut placeholders)?)),
            Some('$') => Arg::Path(self.path()?),
            Some(c) if c == '-' || c.is_ascii_digit() => Arg::Literal(self.number()?),
            Some(_) if self.rest().starts_with("States.") => Arg::Call(Box::new(self.call(depth + 1)?)),
            Some(c) if c.is_ascii_alphabetic() => Arg::Literal(self.keyword()?),
            None => {
                return Err(self.error_here(format!("missing ')' at the end of the arguments of {function}")));
            }
            Some(_) => {
                return Err(self.error_here(format!(
                    "expected an argument of {function}, found {}: an argument is a string in \
                     single quotes, a number, true, false, null, a path starting with '$', or \
                     an intrinsic function",
                    self.found()
                )));
            }
        };
        Ok(ParsedArg { arg, offset, placeholders })
    }

    /// A single-quoted string with AWS's escapes `\'`, `\{`, `\}` and `\\`; records where
    /// unescaped `{}` pairs (States.Format's placeholders) land in the resolved text.
    fn string(&mut self, placeholders: &mut Vec<usize>) -> Result<String, IntrinsicSyntaxError> {
        let start = self.pos;
        self.bump();
        let mut value = String::new();
        loop {
            let at = self.pos;
            match self.bump() {
                None => {
                    return Err(
                        self.error_at(start, "unterminated string: a string argument ends with an unescaped \"'\"")
                    );
                }
                Some('\'') => return Ok(value),
                Some('\\') => match self.bump() {
                    Some(c @ ('\'' | '{' | '}' | '\\')) => value.push(c),
                    Some(c) => {
                        return Err(self.error_at(
                            at,
                            format!(
                                "invalid escape '\\{c}' in a string argument: only \\', \\{{, \
                                 \\}} and \\\\ are allowed (write \\\\ for a backslash)"
                            ),
                        ));
                    }
                    None => {
                        return Err(self.error_at(
                            at,
                            "a string argument ends with an open escape '\\' (write \\\\ for a \
                             backslash)",
                        ));
                    }
                },
                Some('{') if self.peek() == Some('}') => {
                    self.bump();
                    placeholders.push(value.len());
                    value.push_str("{}");
                }
                Some(c) => value.push(c),
            }
        }
    }

    /// A number literal, JSON syntax (`-1`, `2.5`, `1e3`).
    fn number(&mut self) -> Result<Value, IntrinsicSyntaxError> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '.')) {
            self.bump();
        }
        let text = self.text.get(start..self.pos).unwrap_or("");
        serde_json::from_str::<serde_json::Number>(text)
            .map(Value::Number)
            .map_err(|_| self.error_at(start, format!("invalid number '{text}'")))
    }

    /// `true`, `false` or `null`.
    fn keyword(&mut self) -> Result<Value, IntrinsicSyntaxError> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.')) {
            self.bump();
        }
        match self.text.get(start..self.pos).unwrap_or("") {
            "true" => Ok(Value::Bool(true)),
            "false" => Ok(Value::Bool(false)),
            "null" => Ok(Value::Null),
            word => Err(self.error_at(
                start,
                format!(
                    "unexpected '{word}': an argument is a string in single quotes, a number, \
                     true, false, null, a path starting with '$', or an intrinsic function"
                ),
            )),
        }
    }

    /// A path argument: everything up to the next `,` or `)` that is not inside brackets,
    /// parentheses or quotes, handed to [`Path::parse`].
    fn path(&mut self) -> Result<Path, IntrinsicSyntaxError> {
        let start = self.pos;
        let mut brackets = 0usize;
        let mut parens = 0usize;
        // The quote that opened the current quoted name, and whether it was written `\'`.
        let mut quote: Option<(char, bool)> = None;
        while let Some(c) = self.peek() {
            if let Some((q, escaped)) = quote {
                self.bump();
                if c == '\\' {
                    let next = self.bump();
                    if escaped && next == Some(q) {
                        quote = None;
                    }
                } else if c == q && !escaped {
                    quote = None;
                }
                continue;
            }
            match c {
                ',' | ')' if brackets == 0 && parens == 0 => break,
                '\\' if self.rest().starts_with("\\'") => {
                    self.bump();
                    quote = Some(('\'', true));
                }
                '\'' | '"' if brackets > 0 => quote = Some((c, false)),
                '[' => brackets += 1,
                ']' => brackets = brackets.saturating_sub(1),
                '(' => parens += 1,
                ')' => parens = parens.saturating_sub(1),
                _ => {}
            }
            self.bump();
        }
        if quote.is_some() || brackets > 0 {
            return Err(self.error_at(start, "unterminated path argument"));
        }
        let raw = self.text.get(start..self.pos).unwrap_or("").trim_end();
        // Inside an intrinsic a single quote is written `\'`; the path itself wants `'`.
        let text = if raw.contains("\\'") { raw.replace("\\'", "'") } else { raw.to_string() };
        Path::parse(&text).map_err(|error| self.error_at(start, format!("invalid path '{text}': {}", error.message)))
    }
}

fn unknown_function_message(name: &str) -> String {
    let near = Function::ALL.into_iter().find(|f| f.name().eq_ignore_ascii_case(name));
    match near {
        Some(f) => format!("unknown intrinsic function '{name}' (did you mean {f}?)"),
        None => format!(
            "unknown intrinsic function '{name}'; the functions are {}",
            Function::ALL.map(Function::name).join(", ")
        ),
    }
}

fn check_arity(function: Function, count: usize, at: usize) -> Result<(), IntrinsicSyntaxError> {
    let arity = function.arity();
    if arity.allows(count) {
        return Ok(());
    }
    let plural = |n: usize| if n == 1 { "argument" } else { "arguments" };
    let expected = match arity.max {
        Some(max) if max == arity.min => format!("exactly {} {}", max, plural(max)),
        Some(max) => format!("{} to {} arguments", arity.min, max),
        None => format!("at least {} {}", arity.min, plural(arity.min)),
    };
    Err(IntrinsicSyntaxError {
        message: format!("{function} takes {expected}, but {count} {} given", if count == 1 { "was" } else { "were" }),
        offset: at,
    })
}

/// Checks literal arguments against the types the function fixes; returns `States.Format`'s
/// template when it is a literal.
fn check_arguments(function: Function, args: &[ParsedArg]) -> Result<Option<Template>, IntrinsicSyntaxError> {
    for (index, parsed) in args.iter().enumerate() {
        let Arg::Literal(value) = &parsed.arg else {
            continue;
        };
        let kind = function.param(index);
        if !kind.matches(value) {
            return Err(IntrinsicSyntaxError {
                message: format!(
                    "the {} argument of {function} must be {}, but the literal {} is {}",
                    ordinal(index),
                    kind.described(),
                    literal_text(value),
                    describe(value)
                ),
                offset: parsed.offset,
            });
        }
    }
    match function {
        Function::Hash => check_hash_algorithm(args),
        Function::Format => format_template(args),
        _ => Ok(None),
    }
}

fn check_hash_algorithm(args: &[ParsedArg]) -> Result<Option<Template>, IntrinsicSyntaxError> {
    if let Some(ParsedArg { arg: Arg::Literal(Value::String(algorithm)), offset, .. }) = args.get(1)
        && !HASH_ALGORITHMS.contains(&algorithm.as_str())
    {
        return Err(IntrinsicSyntaxError {
            message: format!(
                "States.Hash does not know the algorithm '{algorithm}'; it accepts {}",
                HASH_ALGORITHMS.join(", ")
            ),
            offset: *offset,
        });
    }
    Ok(None)
}

fn format_template(args: &[ParsedArg]) -> Result<Option<Template>, IntrinsicSyntaxError> {
    let Some(ParsedArg { arg: Arg::Literal(Value::String(text)), offset, placeholders }) = args.first() else {
        return Ok(None);
    };
    let values = args.len() - 1;
    if placeholders.len() != values {
        return Err(IntrinsicSyntaxError {
            message: format!(
                "the template of States.Format has {} placeholder{} '{{}}' but {} value{} {} \
                 given after it",
                placeholders.len(),
                if placeholders.len() == 1 { "" } else { "s" },
                values,
                if values == 1 { "" } else { "s" },
                if values == 1 { "is" } else { "are" },
            ),
            offset: *offset,
        });
    }
    Ok(Some(Template::from_literal(text, placeholders)))
}

/// A literal as the person wrote it, for messages.
fn literal_text(value: &Value) -> String {
    match value {
        Value::String(s) => format!("'{s}'"),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn error(text: &str) -> IntrinsicSyntaxError {
        match parse(text) {
            Ok(call) => panic!("{text}: expected a syntax error, got {call:?}"),
            Err(error) => error,
        }
    }

    fn literals(text: &str) -> Vec<Value> {
        let call = parse(text).unwrap_or_else(|e| panic!("{text}: {}", e.message));
        call.args
            .into_iter()
            .map(|arg| match arg {
                Arg::Literal(value) => value,
                other => panic!("{text}: not a literal: {other:?}"),
            })
            .collect()
    }

    #[test]
    fn recognises_calls_by_their_start() {
        assert!(is_intrinsic("States.Format('x')"));
        assert!(is_intrinsic("States.UUID ()"));
        assert!(is_intrinsic("States.Nope(1)"));
        assert!(!is_intrinsic("States.Format"));
        assert!(!is_intrinsic("$.States.Format(1)"));
        assert!(!is_intrinsic("States.(1)"));
        assert!(!is_intrinsic(" States.Array()"));
    }

    #[test]
    fn literal_arguments() {
        assert_eq!(
            literals("States.Array('a', 1, -2, 1.5, -0.25, 1e3, true, false, null)"),
            vec![
                json!("a"),
                json!(1),
                json!(-2),
                json!(1.5),
                json!(-0.25),
                json!(1000.0),
                json!(true),
                json!(false),
                json!(null)
            ]
        );
        assert_eq!(literals("States.Array()"), Vec::<Value>::new());
        assert_eq!(literals("  States.Array( 'x' ,\t2 )  "), vec![json!("x"), json!(2)]);
        assert_eq!(literals("States.Array ('x')"), vec![json!("x")]);
    }

    #[test]
    fn string_escapes_follow_aws() {
        assert_eq!(
            literals(r"States.Array('it\'s', '\{\}', 'a\\b', '{}', 'é,)')"),
            vec![json!("it's"), json!("{}"), json!("a\\b"), json!("{}"), json!("é,)")]
        );
        assert_eq!(
            literals("States.Array('line\nbreak', '\"quoted\"')"),
            vec![json!("line\nbreak"), json!("\"quoted\"")]
        );
    }

    #[test]
    fn bad_escapes_and_unterminated_strings() {
        let e = error(r"States.Array('a\nb')");
        assert!(e.message.contains("invalid escape '\\n'"), "{}", e.message);
        assert_eq!(e.offset, 15);
        assert!(error(r#"States.Array('a\')"#).message.contains("unterminated"));
        assert!(error("States.Array('abc").message.contains("unterminated"));
        assert!(error(r#"States.Array('abc\"#).message.contains("open escape"));
    }

    #[test]
    fn nested_calls() {
        let call = parse("States.ArrayLength(States.Array(1, States.UUID()))").expect("parses");
        assert_eq!(call.function, Function::ArrayLength);
        let Some(Arg::Call(inner)) = call.args.first() else {
            panic!("expected a nested call: {call:?}");
        };
        assert_eq!(inner.function, Function::Array);
        assert!(matches!(inner.args.get(1), Some(Arg::Call(uuid)) if uuid.function == Function::Uuid));
    }

    #[test]
    fn nesting_is_limited_to_ten() {
        let nested = |depth: usize| {
            let mut text = "States.Array()".to_string();
            for _ in 1..depth {
                text = format!("States.Array({text})");
            }
            text
        };
        assert!(parse(&nested(MAX_NESTING)).is_ok());
        let e = error(&nested(MAX_NESTING + 1));
        assert!(e.message.contains("nested more than 10 deep"), "{}", e.message);
        // Deep nesting must not overflow the stack either.
        assert!(parse(&nested(10_000)).is_err());
    }

    #[test]
    fn unknown_functions() {
        let e = error("States.Uuid()");
        assert_eq!(e.message, "unknown intrinsic function 'States.Uuid' (did you mean States.UUID?)");
        let e = error("States.Array(1, States.Nope())");
        assert!(e.message.starts_with("unknown intrinsic function 'States.Nope'; the functions are States.Format,"));
        assert_eq!(e.offset, 16);
        assert!(error("Foo.Bar()").message.contains("starts with 'States.'"));
    }

    #[test]
    fn argument_counts() {
        assert_eq!(
            error("States.ArrayLength()").message,
            "States.ArrayLength takes exactly 1 argument, but 0 were given"
        );
        assert_eq!(error("States.UUID(1)").message, "States.UUID takes exactly 0 arguments, but 1 was given");
        assert_eq!(error("States.MathRandom(1)").message, "States.MathRandom takes 2 to 3 arguments, but 1 was given");
        assert_eq!(error("States.Format()").message, "States.Format takes at least 1 argument, but 0 were given");
        assert!(parse("States.MathRandom(1, 5, 7)").is_ok());
    }

    #[test]
    fn literal_types_where_fixed() {
        assert_eq!(
            error("States.ArrayPartition(States.Array(1), '2')").message,
            "the second argument of States.ArrayPartition must be a number, but the literal '2' \
             is a string"
        );
        assert!(error("States.ArrayLength('abc')").message.contains("must be an array"));
        assert!(error("States.MathAdd(1, true)").message.contains("must be a number"));
        assert!(error("States.JsonMerge(1, 2, false)").message.contains("must be a JSON object"));
        assert!(error("States.Base64Encode(5)").message.contains("must be a string"));
        assert!(error("States.StringToJson(null)").message.contains("must be a string"));
        assert!(parse("States.ArrayContains(States.Array(1), 'x')").is_ok());
        assert!(parse("States.JsonToString(1)").is_ok());
        assert!(parse("States.Format('{} {}', null, 'x')").is_ok());
    }

    #[test]
    fn hash_algorithm_names() {
        for algorithm in HASH_ALGORITHMS {
            assert!(parse(&format!("States.Hash('x', '{algorithm}')")).is_ok());
        }
        let e = error("States.Hash('x', 'SHA256')");
        assert_eq!(
            e.message,
            "States.Hash does not know the algorithm 'SHA256'; it accepts MD5, SHA-1, SHA-256, \
             SHA-384, SHA-512"
        );
        assert_eq!(e.offset, 17);
        assert!(error("States.Hash('x', 'sha-1')").message.contains("'sha-1'"));
    }

    #[test]
    fn format_placeholders_must_match_the_values() {
        assert_eq!(
            error("States.Format('{} and {}', 1)").message,
            "the template of States.Format has 2 placeholders '{}' but 1 value is given after it"
        );
        assert!(error("States.Format('none', 1)").message.contains("0 placeholders"));
        // Escaped braces are text, not placeholders.
        assert!(parse(r"States.Format('\{\}')").is_ok());
        assert!(error(r"States.Format('\{\}', 1)").message.contains("0 placeholders"));
        assert!(parse(r"States.Format('\{} {}', 1)").is_ok());
        assert!(parse("States.Format('{ }')").is_ok());
    }

    #[test]
    fn punctuation_errors() {
        assert!(error("States.Array(1,)").message.contains("expected an argument after ','"));
        assert!(error("States.Array(1 2)").message.contains("expected ',' or ')'"));
        assert!(error("States.Array(1").message.contains("missing ')'"));
        assert!(error("States.Array(").message.contains("missing ')'"));
        assert!(error("States.Array(,1)").message.contains("found ','"));
        assert!(error("States.Array() x").message.contains("unexpected text 'x'"));
        assert!(error("States.Array(tru)").message.contains("unexpected 'tru'"));
        assert!(error("States.Array(01)").message.contains("invalid number '01'"));
        assert!(error("States.Array(1.)").message.contains("invalid number"));
        assert!(error("States.Array(-)").message.contains("invalid number"));
        assert!(error("States.Array(1e400)").message.contains("invalid number"));
        assert!(error("States.Array(\"x\")").message.contains("found '\"'"));
        assert!(error("States.Array").message.contains("expected '('"));
    }

    /// The path text each argument was cut to (what `Path::parse` received).
    fn path_texts(text: &str) -> Vec<String> {
        let call = parse(text).unwrap_or_else(|e| panic!("{text}: {}", e.message));
        call.args
            .iter()
            .filter_map(|arg| match arg {
                Arg::Path(path) => Some(path.as_str().to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn path_arguments_end_at_top_level_commas_and_parentheses() {
        assert_eq!(
            path_texts("States.Array($, $.a.b , $$.Execution.Id,$var, $var.x[0], $.a[1])"),
            ["$", "$.a.b", "$$.Execution.Id", "$var", "$var.x[0]", "$.a[1]"]
        );
        assert_eq!(path_texts("States.Array($.a['b, c)'])"), ["$.a['b, c)']"]);
        assert_eq!(path_texts(r"States.Array($.a[\'b c\'], 1)"), ["$.a['b c']"]);
        assert_eq!(path_texts("States.ArrayLength(States.Array($.x))"), Vec::<String>::new());
    }

    #[test]
    fn path_arguments_with_filters_keep_their_commas() {
        assert_eq!(path_texts("States.Array($.items[?(@.name == 'a, b')], 2)"), ["$.items[?(@.name == 'a, b')]"]);
    }

    #[test]
    fn invalid_paths_are_syntax_errors() {
        let e = error("States.Array(1, $.a[)");
        assert!(e.message.contains("unterminated path") || e.message.contains("invalid path"));
        assert_eq!(e.offset, 16);
        assert!(error("States.Array($.)").message.starts_with("invalid path '$.'"));
    }

    #[test]
    fn never_panics_on_broken_text() {
        let samples = [
            r"States.Format('{} \{x\} {}', States.ArrayGetItem(States.Array(1, 'a\'b'), 0), -1.5e3)",
            r"States.Hash(States.Base64Decode('YQ=='), 'SHA-512')",
            "States.JsonMerge(States.StringToJson('\\{\\}'), States.StringToJson('\\{\\}'), false)",
            "States.Array('é😀', 1e300, 123456789012345678901234567890)",
        ];
        for sample in samples {
            assert!(parse(sample).is_ok(), "{sample}");
            for (end, _) in sample.char_indices() {
                let _ = parse(&sample[..end]);
                let _ = parse(&sample[end..]);
            }
        }
    }
}
