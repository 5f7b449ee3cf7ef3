//! Path text to [`Path`]: the root (`$`, `$$`, `$name`) and the segments after it, accepting
//! what AWS's Jayway-flavoured JsonPath accepts.

use super::cursor::Cursor;
use super::filter::{Filter, parse_filter};
use super::{Path, PathRoot};

/// How deeply filters may nest inside filters (and groups inside groups) before the parser
/// refuses, so that hostile input cannot exhaust the stack.
pub(crate) const MAX_NESTING: usize = 32;

/// One step of a path after its root.
#[derive(Clone, Debug, PartialEq)]
pub enum Segment {
    /// `.name`, `['name']` or `["name"]`: one member of an object.
    Name(String),
    /// `['a','b']`: several members. As the last segment it selects one object holding those
    /// members that exist (Jayway's merge, a definite result); before other segments it
    /// selects each member in turn.
    Names(Vec<String>),
    /// `[2]`, or `[-1]` counting from the end.
    Index(i64),
    /// `[0,2,-1]`: several elements, in the order written.
    Indexes(Vec<i64>),
    /// `[start:end]`, `[start:]` or `[:end]` (end excluded; negative counts from the end).
    Slice { start: Option<i64>, end: Option<i64> },
    /// `.*` or `[*]`: every member value of an object, every element of an array.
    Wildcard,
    /// `..`: the following segment applied to this node and to every node below it.
    DeepScan,
    /// `[?( ... )]`: the elements of an array (or an object itself) the condition accepts.
    Filter(Box<Filter>),
    /// `.length()` and the other Jayway functions: accepted as AWS accepts them, but AWS
    /// evaluates none of them, so a path ending in one never finds a value. `args` is the text
    /// between the parentheses.
    Function { name: String, args: String },
}

/// Why a path text is not a valid path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathSyntaxError {
    /// The whole sentence: what is wrong, where, and in which path.
    pub message: String,
    /// What is wrong, without the position ("unexpected character ']' (...)").
    pub reason: String,
    /// Byte offset in the path text where the problem was found.
    pub offset: usize,
}

impl PathSyntaxError {
    pub(crate) fn new(text: &str, offset: usize, reason: String) -> Self {
        PathSyntaxError { message: format!("{reason} at offset {offset} in path '{text}'"), reason, offset }
    }
}

impl std::fmt::Display for PathSyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for PathSyntaxError {}

/// Where a run of segments is being read: a whole path, or a path inside a filter, which ends
/// where the filter's syntax (an operator, a space, `)`, `&&`...) begins.
#[derive(Clone, Copy)]
pub(crate) struct Context {
    pub(crate) in_filter: bool,
    pub(crate) depth: usize,
}

impl Path {
    /// Spaces around the path are not part of it: AWS's path compiler (Jayway JsonPath) trims
    /// them, so `"$$.Execution.Name "` is a valid path (one of AWS's own samples has it).
    /// Only the space character is trimmed, as there; a tab or newline stays an error. The text
    /// kept is the one given, so messages quote what the person wrote.
    pub fn parse(text: &str) -> Result<Path, PathSyntaxError> {
        let leading = text.len() - text.trim_start_matches(' ').len();
        let in_text = |e: PathSyntaxError| PathSyntaxError::new(text, e.offset + leading, e.reason);
        let mut cursor = Cursor::new(text.trim_matches(' '));
        let root = parse_root(&mut cursor).map_err(in_text)?;
        let context = Context { in_filter: false, depth: 0 };
        let segments = parse_segments(&mut cursor, context).map_err(in_text)?;
        if !cursor.at_end() {
            return Err(in_text(cursor.unexpected("expected '.' or '['")));
        }
        let definite = segments_are_definite(&segments);
        Ok(Path { text: text.to_string(), root, segments, definite })
    }

    /// No wildcard, slice, filter, deep scan, several indexes, or several names before the
    /// last segment: the path names at most one value.
    pub fn is_definite(&self) -> bool {
        self.definite
    }

    /// Only names and single non-negative indexes after the root, as the States Language
    /// allows in ResultPath, OutputPath, ItemsPath and the other reference paths. (Which roots
    /// a field allows is for the caller to check.)
    pub fn is_reference_path(&self) -> bool {
        self.segments.iter().all(|segment| match segment {
            Segment::Name(_) => true,
            Segment::Index(index) => *index >= 0,
            _ => false,
        })
    }
}

pub(crate) fn segments_are_definite(segments: &[Segment]) -> bool {
    let last = segments.len().saturating_sub(1);
    segments.iter().enumerate().all(|(i, segment)| match segment {
        Segment::Name(_) | Segment::Index(_) | Segment::Function { .. } => true,
        Segment::Names(_) => i == last,
        _ => false,
    })
}

fn parse_root(cursor: &mut Cursor) -> Result<PathRoot, PathSyntaxError> {
    if !cursor.eat('$') {
        return Err(cursor.unexpected("a path starts with '$'"));
    }
    let root = if cursor.eat('$') {
        PathRoot::Context
    } else if cursor.peek().is_some_and(is_variable_start) {
        PathRoot::Variable(cursor.take_while(is_variable_char).to_string())
    } else {
        PathRoot::Input
    };
    match cursor.peek() {
        None | Some('.') | Some('[') => Ok(root),
        Some(_) => {
            let expected = match root {
                PathRoot::Input => "expected '.', '[' or a variable name after '$'",
                PathRoot::Context => "expected '.' or '[' after '$$'",
                PathRoot::Variable(_) => {
                    "expected '.' or '[' after the variable name (names are letters, digits and '_')"
                }
            };
            Err(cursor.unexpected(expected))
        }
    }
}

/// AWS variable names are identifiers: a letter or `_`, then letters, digits or `_`.
fn is_variable_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_variable_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// Reads segments until the text stops continuing the path.
pub(crate) fn parse_segments(cursor: &mut Cursor, context: Context) -> Result<Vec<Segment>, PathSyntaxError> {
    let mut segments = Vec::new();
    loop {
        match cursor.peek() {
            Some('.') => parse_after_dot(cursor, context, &mut segments)?,
            Some('[') => segments.push(parse_bracket(cursor, context)?),
            _ => break,
        }
        cursor.count_segment()?;
        if matches!(segments.last(), Some(Segment::Function { .. })) {
            if matches!(cursor.peek(), Some('.') | Some('[')) {
                return Err(
                    cursor.error_at(cursor.pos(), "a function call like length() must be the last part of a path")
                );
            }
            break;
        }
    }
    Ok(segments)
}

/// `.name`, `.*`, `.name()`, `..`: after a dot a bracket may also follow (`$.a.['b c']`, as
/// AWS documents).
fn parse_after_dot(cursor: &mut Cursor, context: Context, segments: &mut Vec<Segment>) -> Result<(), PathSyntaxError> {
    let dot_at = cursor.pos();
    cursor.bump();
    let deep = cursor.eat('.');
    if deep {
        segments.push(Segment::DeepScan);
    }
    match cursor.peek() {
        None => Err(cursor
            .error_at(dot_at, if deep { "a path must not end with '..'" } else { "a path must not end with '.'" })),
        Some('.') => Err(cursor.error_at(cursor.pos(), "unexpected character '.' (too many dots)")),
        // The bracket is read as the next segment.
        Some('[') => Ok(()),
        Some('*') => {
            cursor.bump();
            segments.push(Segment::Wildcard);
            Ok(())
        }
        Some(_) => {
            segments.push(parse_dot_name(cursor, context)?);
            Ok(())
        }
    }
}

fn parse_dot_name(cursor: &mut Cursor, context: Context) -> Result<Segment, PathSyntaxError> {
    let name = cursor.take_while(|c| is_dot_name_char(c, context));
    if name.is_empty() {
        let expected = match cursor.peek() {
            Some(c) if c.is_whitespace() => "expected a name after '.'; a name with spaces needs brackets: ['my name']",
            _ => "expected a name, '*' or '[' after '.'",
        };
        return Err(cursor.unexpected(expected));
    }
    if cursor.peek() == Some('(') {
        let args = parse_function_args(cursor)?;
        return Ok(Segment::Function { name: name.to_string(), args });
    }
    if !context.in_filter && cursor.peek().is_some_and(char::is_whitespace) {
        return Err(cursor.error_at(
            cursor.pos(),
            format!("unexpected space after '{name}'; a name with spaces needs brackets: ['my name']"),
        ));
    }
    Ok(Segment::Name(name.to_string()))
}

/// Jayway reads a dot name up to the next `.`, `[` or `(`; it also may not hold spaces. We
/// also stop at `]` and `)`, which in a name are surely typos. Inside a filter the name also
/// ends where the filter's own syntax begins.
fn is_dot_name_char(c: char, context: Context) -> bool {
    if c.is_whitespace() || matches!(c, '.' | '[' | ']' | '(' | ')') {
        return false;
    }
    !(context.in_filter && matches!(c, '<' | '>' | '=' | '!' | '~' | '&' | '|'))
}

/// The text between the parentheses of a function call, which must balance (quotes aside).
fn parse_function_args(cursor: &mut Cursor) -> Result<String, PathSyntaxError> {
    let open_at = cursor.pos();
    cursor.bump();
    let start = cursor.pos();
    let mut depth = 1usize;
    while let Some(c) = cursor.peek() {
        match c {
            '\'' | '"' => {
                cursor.quoted()?;
                continue;
            }
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    let args = cursor.slice(start, cursor.pos()).trim().to_string();
                    cursor.bump();
                    return Ok(args);
                }
            }
            _ => {}
        }
        cursor.bump();
    }
    Err(cursor.error_at(open_at, "unclosed '(' in function call"))
}

/// `['a']`, `['a','b']`, `[0]`, `[0,1]`, `[1:2]`, `[*]`, `[?(...)]`.
fn parse_bracket(cursor: &mut Cursor, context: Context) -> Result<Segment, PathSyntaxError> {
    let open_at = cursor.pos();
    cursor.bump();
    cursor.skip_whitespace();
    let segment = match cursor.peek() {
        Some('\'') | Some('"') => parse_bracket_names(cursor)?,
        Some('*') => {
            cursor.bump();
            Segment::Wildcard
        }
        Some('?') => {
            cursor.bump();
            cursor.skip_whitespace();
            if cursor.peek() != Some('(') {
                return Err(cursor.unexpected("expected '(' after '[?': filters are written [?(...)]"));
            }
            Segment::Filter(Box::new(parse_filter(cursor, context.depth + 1)?))
        }
        Some(c) if c == '-' || c == ':' || c.is_ascii_digit() => parse_indexes(cursor)?,
        Some(']') => return Err(cursor.error_at(open_at, "empty brackets '[]'")),
        None => return Err(cursor.error_at(open_at, "unclosed '['")),
        Some(_) => {
            return Err(
                cursor.unexpected("expected a quoted name, an index, a slice, '*' or a filter '?(...)' after '['")
            );
        }
    };
    cursor.skip_whitespace();
    if !cursor.eat(']') {
        return Err(cursor.unexpected("expected ']'"));
    }
    Ok(segment)
}

fn parse_bracket_names(cursor: &mut Cursor) -> Result<Segment, PathSyntaxError> {
    let mut names = vec![cursor.quoted()?];
    loop {
        cursor.skip_whitespace();
        if !cursor.eat(',') {
            break;
        }
        cursor.skip_whitespace();
        if !matches!(cursor.peek(), Some('\'') | Some('"')) {
            return Err(cursor.unexpected("expected a quoted name after ','"));
        }
        names.push(cursor.quoted()?);
    }
    Ok(match names.len() {
        1 => Segment::Name(names.swap_remove(0)),
        _ => Segment::Names(names),
    })
}

/// `[0]`, `[-1]`, `[0,2]`, `[1:3]`, `[1:]`, `[:2]`. Jayway has no slice step, so `[::2]`
/// and `[0:4:2]` are refused rather than silently misread.
fn parse_indexes(cursor: &mut Cursor) -> Result<Segment, PathSyntaxError> {
    let first = parse_optional_int(cursor)?;
    cursor.skip_whitespace();
    if cursor.eat(':') {
        cursor.skip_whitespace();
        let end = parse_optional_int(cursor)?;
        cursor.skip_whitespace();
        if cursor.peek() == Some(':') {
            return Err(cursor.error_at(
                cursor.pos(),
                "slice steps like [start:end:step] are not supported (AWS's JsonPath slices are [start:end])",
            ));
        }
        if first.is_none() && end.is_none() {
            return Err(cursor.error_at(cursor.pos(), "a slice needs a start or an end, like [1:] or [:2]"));
        }
        return Ok(Segment::Slice { start: first, end });
    }
    let Some(first) = first else {
        return Err(cursor.unexpected("expected an index"));
    };
    let mut indexes = vec![first];
    while cursor.eat(',') {
        cursor.skip_whitespace();
        match parse_optional_int(cursor)? {
            Some(index) => indexes.push(index),
            None => return Err(cursor.unexpected("expected an index after ','")),
        }
        cursor.skip_whitespace();
    }
    Ok(match indexes.len() {
        1 => Segment::Index(first),
        _ => Segment::Indexes(indexes),
    })
}

/// An optionally negative integer that fits Java's `int`, as Jayway reads indexes.
fn parse_optional_int(cursor: &mut Cursor) -> Result<Option<i64>, PathSyntaxError> {
    let start = cursor.pos();
    let negative = cursor.eat('-');
    let digits = cursor.take_while(|c| c.is_ascii_digit());
    if digits.is_empty() {
        if negative {
            return Err(cursor.unexpected("expected digits after '-'"));
        }
        return Ok(None);
    }
    let text = cursor.slice(start, cursor.pos());
    match text.parse::<i32>() {
        Ok(value) => Ok(Some(i64::from(value))),
        Err(_) => Err(cursor.error_at(start, format!("index {text} is out of range"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segments(text: &str) -> Vec<Segment> {
        match Path::parse(text) {
            Ok(path) => path.segments,
            Err(error) => panic!("{text}: {error}"),
        }
    }

    fn name(text: &str) -> Segment {
        Segment::Name(text.to_string())
    }

    fn error(text: &str) -> PathSyntaxError {
        match Path::parse(text) {
            Ok(path) => panic!("{text} parsed as {path:?}"),
            Err(error) => error,
        }
    }

    #[test]
    fn spaces_around_a_path_are_trimmed_as_aws_does() {
        let path = Path::parse("$$.Execution.Name ").unwrap();
        assert_eq!(path.root, PathRoot::Context);
        assert_eq!(path.segments, vec![name("Execution"), name("Name")]);
        assert_eq!(path.as_str(), "$$.Execution.Name ", "messages quote the text as written");
        assert_eq!(segments("  $.a['b c'] "), vec![name("a"), name("b c")]);
        assert_eq!(segments(" $ "), vec![]);
        // Only spaces: other whitespace is not trimmed there either.
        assert!(Path::parse("$.a\t").is_err());
        assert!(Path::parse("\n$.a").is_err());
        // A space inside a path is still an error, placed in the text as written.
        let e = error("  $.a b");
        assert_eq!(e.offset, 5);
        assert!(e.message.ends_with("at offset 5 in path '  $.a b'"), "{}", e.message);
        assert!(Path::parse("   ").is_err());
    }

    #[test]
    fn roots() {
        assert_eq!(Path::parse("$").unwrap().root, PathRoot::Input);
        assert_eq!(Path::parse("$$").unwrap().root, PathRoot::Context);
        assert_eq!(Path::parse("$$.Map.Item.Value").unwrap().root, PathRoot::Context);
        assert_eq!(Path::parse("$name").unwrap().root, PathRoot::Variable("name".to_string()));
        let path = Path::parse("$name.field[0]").unwrap();
        assert_eq!(path.root, PathRoot::Variable("name".to_string()));
        assert_eq!(path.segments, vec![name("field"), Segment::Index(0)]);
        assert_eq!(Path::parse("$_x1").unwrap().root, PathRoot::Variable("_x1".to_string()));
        assert_eq!(Path::parse("$café").unwrap().root, PathRoot::Variable("café".to_string()));
        assert!(segments("$").is_empty());
        assert!(segments("$$").is_empty());
    }

    #[test]
    fn bad_roots() {
        assert!(error("").reason.contains("starts with '$'"));
        assert!(error("a.b").reason.contains("starts with '$'"));
        assert!(error("@.a").reason.contains("starts with '$'"));
        assert!(error("$1abc").reason.contains("variable name"));
        assert!(error("$-a").reason.contains("unexpected character '-'"));
        assert!(error("$$a").reason.contains("after '$$'"));
        assert!(error("$$$").reason.contains("after '$$'"));
        assert!(error("$no-such").reason.contains("unexpected character '-'"));
        assert!(error("$*").reason.contains("unexpected character '*'"));
    }

    #[test]
    fn dot_names() {
        assert_eq!(segments("$.a.b"), vec![name("a"), name("b")]);
        assert_eq!(segments("$.delivery-partner"), vec![name("delivery-partner")]);
        assert_eq!(
            segments("$$.Execution.Input.input-value"),
            vec![name("Execution"), name("Input"), name("input-value")]
        );
        assert_eq!(segments("$..Headers.X-Amz-Cf-Id")[2], name("X-Amz-Cf-Id"));
        assert_eq!(segments("$.a:b"), vec![name("a:b")]);
        assert_eq!(segments("$.&Ж中"), vec![name("&Ж中")]);
        assert_eq!(segments("$.a$b@c"), vec![name("a$b@c")]);
        assert_eq!(segments("$.it's"), vec![name("it's")]);
    }

    #[test]
    fn bracket_names() {
        assert_eq!(segments("$['a b']"), vec![name("a b")]);
        assert_eq!(segments("$[\"a\"]"), vec![name("a")]);
        assert_eq!(segments("$.a.['b c']"), vec![name("a"), name("b c")]);
        assert_eq!(segments("$.abc.['def ghi']"), vec![name("abc"), name("def ghi")]);
        assert_eq!(segments("$[ 'a' ]"), vec![name("a")]);
        assert_eq!(segments("$['a.b']"), vec![name("a.b")]);
        assert_eq!(segments("$['']"), vec![name("")]);
        assert_eq!(segments(r"$['it\'s']"), vec![name("it's")]);
        assert_eq!(segments(r#"$["a']"]"#), vec![name("a']")]);
        assert_eq!(
            segments("$.Config.detail['execution-id']"),
            vec![name("Config"), name("detail"), name("execution-id")]
        );
        assert_eq!(segments("$['a','b']"), vec![Segment::Names(vec!["a".to_string(), "b".to_string()])]);
        assert_eq!(segments("$['a' , \"b\"]"), vec![Segment::Names(vec!["a".to_string(), "b".to_string()])]);
    }

    #[test]
    fn indexes_and_slices() {
        assert_eq!(segments("$[0]"), vec![Segment::Index(0)]);
        assert_eq!(segments("$.a[-1]"), vec![name("a"), Segment::Index(-1)]);
        assert_eq!(segments("$[ 2 ]"), vec![Segment::Index(2)]);
        assert_eq!(segments("$[0,1]"), vec![Segment::Indexes(vec![0, 1])]);
        assert_eq!(segments("$[0, -1 ,2]"), vec![Segment::Indexes(vec![0, -1, 2])]);
        let slice = |start, end| Segment::Slice { start, end };
        assert_eq!(segments("$[1:5]"), vec![slice(Some(1), Some(5))]);
        assert_eq!(segments("$[:1]"), vec![slice(None, Some(1))]);
        assert_eq!(segments("$[1:]"), vec![slice(Some(1), None)]);
        assert_eq!(segments("$[-2:]"), vec![slice(Some(-2), None)]);
        assert_eq!(segments("$[ 1 : 2 ]"), vec![slice(Some(1), Some(2))]);
        assert_eq!(segments("$.Snapshots.[0].State")[1], Segment::Index(0));
        assert_eq!(segments("$.[0]"), vec![Segment::Index(0)]);
        assert_eq!(
            segments("$.ledgers[0][22][315].foo"),
            vec![name("ledgers"), Segment::Index(0), Segment::Index(22), Segment::Index(315), name("foo")]
        );
    }

    #[test]
    fn bad_indexes() {
        assert!(error("$[::2]").reason.contains("slice steps"));
        assert!(error("$[0:4:2]").reason.contains("slice steps"));
        assert!(error("$[:]").reason.contains("start or an end"));
        assert!(error("$[-]").reason.contains("digits after '-'"));
        assert!(error("$[1,]").reason.contains("index after ','"));
        assert!(error("$[1 2]").reason.contains("expected ']'"));
        assert!(error("$[99999999999]").reason.contains("out of range"));
        assert!(error("$[2147483648]").reason.contains("out of range"));
        assert_eq!(segments("$[2147483647]"), vec![Segment::Index(2147483647)]);
        assert_eq!(segments("$[-2147483648]"), vec![Segment::Index(-2147483648)]);
        assert!(error("$[0").reason.contains("expected ']'"));
        assert!(error("$[]").reason.contains("empty brackets"));
        assert!(error("$[").reason.contains("unclosed '['"));
        assert!(error("$[a]").reason.contains("unexpected character 'a'"));
    }

    #[test]
    fn wildcards_and_deep_scan() {
        assert_eq!(segments("$[*]"), vec![Segment::Wildcard]);
        assert_eq!(segments("$[ * ]"), vec![Segment::Wildcard]);
        assert_eq!(segments("$.*"), vec![Segment::Wildcard]);
        assert_eq!(segments("$[*][*]"), vec![Segment::Wildcard, Segment::Wildcard]);
        assert_eq!(segments("$.items[*].itemValue")[2], name("itemValue"));
        assert_eq!(segments("$..a"), vec![Segment::DeepScan, name("a")]);
        assert_eq!(segments("$..*"), vec![Segment::DeepScan, Segment::Wildcard]);
        assert_eq!(segments("$..[0]"), vec![Segment::DeepScan, Segment::Index(0)]);
        assert_eq!(segments("$..events..stateExitedEventDetails.output.FunctionResult").len(), 6);
    }

    #[test]
    fn functions() {
        assert_eq!(
            segments("$.Jobs.sum()"),
            vec![name("Jobs"), Segment::Function { name: "sum".to_string(), args: String::new() }]
        );
        assert_eq!(
            segments("$.a.concat('x', \"y)\")")[1],
            Segment::Function { name: "concat".to_string(), args: "'x', \"y)\"".to_string() }
        );
        assert!(error("$.a.length().b").reason.contains("last part"));
        assert!(error("$.a.length(").reason.contains("unclosed '('"));
    }

    #[test]
    fn bad_dots_and_names() {
        let e = error("$.a]");
        assert_eq!(e.offset, 3);
        assert!(e.reason.starts_with("unexpected character ']'"));
        assert_eq!(e.message, "unexpected character ']' (expected '.' or '[') at offset 3 in path '$.a]'");
        assert!(error("$.").reason.contains("must not end with '.'"));
        assert!(error("$.a.").reason.contains("must not end with '.'"));
        assert!(error("$..").reason.contains("must not end with '..'"));
        assert!(error("$...a").reason.contains("too many dots"));
        assert!(error("$.a b").reason.contains("brackets"));
        assert!(error("$. a").reason.contains("brackets"));
        assert!(error("$.a)").reason.contains("unexpected character ')'"));
        assert!(error("$[0]x").reason.contains("unexpected character 'x'"));
        assert!(error("$.*x").reason.contains("unexpected character 'x'"));
        assert!(error("$.a b").reason.contains("unexpected space"));
        assert!(error("$['a'").reason.contains("expected ']'"));
        assert!(error("$['a',]").reason.contains("quoted name after ','"));
        assert!(error("$['a' 'b']").reason.contains("expected ']'"));
    }

    #[test]
    fn too_many_segments() {
        assert!(Path::parse(&format!("$.{}", ["a"; 200].join("."))).is_ok());
        let long = format!("$.{}", ["a"; 300].join("."));
        assert!(error(&long).reason.contains("at most 256 parts"));
        let filters = "[?(@)]".repeat(300);
        assert!(error(&format!("$.a{filters}")).reason.contains("at most 256 parts"));
        let nested = format!("$[?(@{})]", "[?(@.a.b.c.d.e.f.g)]".repeat(40));
        assert!(error(&nested).reason.contains("at most 256 parts"));
    }

    #[test]
    fn definiteness() {
        let definite = |text: &str| Path::parse(text).unwrap().is_definite();
        assert!(definite("$"));
        assert!(definite("$.a.b"));
        assert!(definite("$.a[0]"));
        assert!(definite("$.a[-1]"));
        assert!(definite("$['a','b']"));
        assert!(definite("$.a.length()"));
        assert!(!definite("$['a','b'].c"));
        assert!(!definite("$.a[*]"));
        assert!(!definite("$.a.*"));
        assert!(!definite("$.a[0,1]"));
        assert!(!definite("$.a[1:]"));
        assert!(!definite("$..a"));
        assert!(!definite("$.a[?(@.b)]"));
    }

    #[test]
    fn reference_paths() {
        let reference = |text: &str| Path::parse(text).unwrap().is_reference_path();
        assert!(reference("$"));
        assert!(reference("$.a.b"));
        assert!(reference("$.a[0].b"));
        assert!(reference("$['a b'].c"));
        assert!(reference("$$.Execution.Input"));
        assert!(reference("$var.x"));
        assert!(!reference("$.a[-1]"));
        assert!(!reference("$['a','b']"));
        assert!(!reference("$.a[*]"));
        assert!(!reference("$.a[0,1]"));
        assert!(!reference("$.a[1:]"));
        assert!(!reference("$..a"));
        assert!(!reference("$.a[?(@.b)]"));
        assert!(!reference("$.a.length()"));
    }

    #[test]
    fn as_str_keeps_the_text() {
        let path = Path::parse("$.a['b c'][0]").unwrap();
        assert_eq!(path.as_str(), "$.a['b c'][0]");
    }
}
