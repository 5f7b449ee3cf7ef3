//! Filters (`[?(@.price < 10 && @.tag == 'x')]`): their parts and how their text is read.
//!
//! Follows Jayway's filter language, with what AWS adds or takes away: an unquoted word is a
//! string (`[?(@.Type.Text==AMOUNT_PAID)]`, as deployed AWS samples use it); `&&`/`||` chains
//! group from the right as Jayway groups them (`a && b || c` is `a && (b || c)`); `!` negates
//! only an existence test (`!@.name`), the one place Jayway honours it.

use serde_json::{Map, Number, Value};

use super::PathSyntaxError;
use super::cursor::Cursor;
use super::parse::{Context, MAX_NESTING, Segment, parse_segments, segments_are_definite};
use super::regex::Regex;

/// The condition of a `[?( ... )]` filter.
#[derive(Clone, Debug, PartialEq)]
pub enum Filter {
    And(Box<Filter>, Box<Filter>),
    Or(Box<Filter>, Box<Filter>),
    /// `@.name` (the path finds something) or `!@.name` (it finds nothing).
    Exists {
        path: FilterPath,
        negated: bool,
    },
    /// `left op right`, e.g. `@.price < 10`.
    Compare {
        left: Operand,
        op: CompareOp,
        right: Operand,
    },
}

/// A path inside a filter: from the element being tested (`@`) or from the whole document
/// the outer path reads (`$`).
#[derive(Clone, Debug, PartialEq)]
pub struct FilterPath {
    pub root: FilterRoot,
    pub segments: Vec<Segment>,
    pub(crate) definite: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilterRoot {
    /// `@`
    Current,
    /// `$`
    Document,
}

/// One side of a comparison.
#[derive(Clone, Debug, PartialEq)]
pub enum Operand {
    Path(FilterPath),
    /// A quoted string, number, `true`, `false`, `null`, a JSON list or object, or an unquoted
    /// word (a string).
    Literal(Value),
    /// `/regex/` or `/regex/i`, only beside `=~`.
    Pattern(Regex),
}

/// Jayway's relational operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareOp {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `===`: `==` that also requires the same kind of value.
    StrictEq,
    /// `!==`
    StrictNe,
    Lt,
    Le,
    Gt,
    Ge,
    /// `=~`: the whole text matches the regular expression.
    Matches,
    In,
    NotIn,
    SubsetOf,
    AnyOf,
    NoneOf,
    Contains,
    Size,
    Empty,
}

/// Reads `( condition )`; the cursor is on the `(`.
pub(crate) fn parse_filter(cursor: &mut Cursor, depth: usize) -> Result<Filter, PathSyntaxError> {
    parse_group(cursor, depth)
}

fn parse_group(cursor: &mut Cursor, depth: usize) -> Result<Filter, PathSyntaxError> {
    if depth > MAX_NESTING {
        return Err(cursor.error_at(cursor.pos(), "filters nest too deeply"));
    }
    let open_at = cursor.pos();
    cursor.bump();
    let filter = parse_chain(cursor, depth)?;
    cursor.skip_whitespace();
    if !cursor.eat(')') {
        if cursor.at_end() {
            return Err(cursor.error_at(open_at, "unclosed '(' in filter"));
        }
        return Err(cursor.unexpected("expected ')', '&&' or '||'"));
    }
    Ok(filter)
}

fn parse_chain(cursor: &mut Cursor, depth: usize) -> Result<Filter, PathSyntaxError> {
    let mut terms = vec![parse_term(cursor, depth)?];
    let mut ands = Vec::new();
    loop {
        cursor.skip_whitespace();
        if cursor.eat_str("&&") {
            ands.push(true);
        } else if cursor.eat_str("||") {
            ands.push(false);
        } else {
            break;
        }
        terms.push(parse_term(cursor, depth)?);
    }
    let mut combined = match terms.pop() {
        Some(term) => term,
        None => return Err(cursor.unexpected("expected a condition")),
    };
    while let (Some(and), Some(left)) = (ands.pop(), terms.pop()) {
        combined = if and {
            Filter::And(Box::new(left), Box::new(combined))
        } else {
            Filter::Or(Box::new(left), Box::new(combined))
        };
    }
    Ok(combined)
}

fn parse_term(cursor: &mut Cursor, depth: usize) -> Result<Filter, PathSyntaxError> {
    // Each condition counts as a part of the path: a chain of thousands would nest as deep.
    cursor.count_segment()?;
    cursor.skip_whitespace();
    let start = cursor.pos();
    if cursor.peek() == Some('(') {
        return parse_group(cursor, depth + 1);
    }
    if cursor.peek() == Some('!') && cursor.peek_second() != Some('=') {
        cursor.bump();
        cursor.skip_whitespace();
        let negates_path = matches!(cursor.peek(), Some('@') | Some('$'));
        let operand = if negates_path { Some(parse_operand(cursor, depth)?) } else { None };
        let Some(Operand::Path(path)) = operand else {
            return Err(cursor.error_at(start, "'!' can only negate a path, as in !@.name"));
        };
        cursor.skip_whitespace();
        if !at_condition_end(cursor) {
            return Err(cursor.error_at(start, "'!' can only negate an existence test like !@.name, not a comparison"));
        }
        return Ok(Filter::Exists { path, negated: true });
    }
    let left = parse_operand(cursor, depth)?;
    cursor.skip_whitespace();
    if at_condition_end(cursor) {
        return match left {
            Operand::Path(path) => Ok(Filter::Exists { path, negated: false }),
            _ => Err(cursor.error_at(start, "a filter needs a comparison like @.a == 1, or a path to test like @.a")),
        };
    }
    let op_at = cursor.pos();
    let op = parse_operator(cursor)?;
    cursor.skip_whitespace();
    let right = parse_operand(cursor, depth)?;
    let patterns = [&left, &right].iter().filter(|operand| matches!(operand, Operand::Pattern(_))).count();
    if op == CompareOp::Matches && patterns != 1 {
        return Err(cursor.error_at(op_at, "=~ needs a regular expression like /abc/ on one side"));
    }
    if op != CompareOp::Matches && patterns > 0 {
        return Err(cursor.error_at(op_at, "a regular expression can only be used with =~"));
    }
    Ok(Filter::Compare { left, op, right })
}

fn at_condition_end(cursor: &Cursor) -> bool {
    let rest = cursor.rest();
    rest.is_empty() || rest.starts_with(')') || rest.starts_with("&&") || rest.starts_with("||")
}

fn parse_operator(cursor: &mut Cursor) -> Result<CompareOp, PathSyntaxError> {
    let start = cursor.pos();
    match cursor.peek() {
        Some(c) if is_symbol_operator_char(c) => {
            let symbol = cursor.take_while(is_symbol_operator_char);
            let op = match symbol {
                "==" => CompareOp::Eq,
                "!=" => CompareOp::Ne,
                "===" => CompareOp::StrictEq,
                "!==" => CompareOp::StrictNe,
                "<" => CompareOp::Lt,
                "<=" => CompareOp::Le,
                ">" => CompareOp::Gt,
                ">=" => CompareOp::Ge,
                "=~" => CompareOp::Matches,
                "=" => {
                    return Err(cursor.error_at(start, "unknown operator '=' (use == to compare)"));
                }
                other => return Err(cursor.error_at(start, format!("unknown operator '{other}'"))),
            };
            Ok(op)
        }
        Some(c) if c.is_alphabetic() => {
            let word = cursor.take_while(char::is_alphabetic);
            let op = match word.to_ascii_lowercase().as_str() {
                "in" => CompareOp::In,
                "nin" => CompareOp::NotIn,
                "subsetof" => CompareOp::SubsetOf,
                "anyof" => CompareOp::AnyOf,
                "noneof" => CompareOp::NoneOf,
                "contains" => CompareOp::Contains,
                "size" => CompareOp::Size,
                "empty" => CompareOp::Empty,
                "all" | "type" | "matches" | "exists" => {
                    return Err(cursor.error_at(start, format!("the filter operator '{word}' is not supported")));
                }
                _ => return Err(cursor.error_at(start, format!("unknown operator '{word}'"))),
            };
            Ok(op)
        }
        _ => Err(cursor.unexpected("expected an operator such as ==, !=, <, <=, >, >=, =~, in or nin, or ')'")),
    }
}

fn is_symbol_operator_char(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '!' | '~')
}

fn parse_operand(cursor: &mut Cursor, depth: usize) -> Result<Operand, PathSyntaxError> {
    cursor.skip_whitespace();
    match cursor.peek() {
        Some('@') => {
            cursor.bump();
            parse_filter_path(cursor, FilterRoot::Current, depth)
        }
        Some('$') => {
            cursor.bump();
            if cursor.peek().is_some_and(|c| c == '$' || c == '_' || c.is_alphanumeric()) {
                return Err(cursor.error_at(
                    cursor.pos() - 1,
                    "inside a filter a path starts with @ (the element tested) or $ (the whole document)",
                ));
            }
            parse_filter_path(cursor, FilterRoot::Document, depth)
        }
        Some('\'') | Some('"') => Ok(Operand::Literal(Value::String(cursor.quoted()?))),
        Some('/') => Ok(Operand::Pattern(parse_pattern(cursor)?)),
        Some('[') | Some('{') => Ok(Operand::Literal(parse_json_literal(cursor, depth)?)),
        Some(c) if c == '-' || c.is_ascii_digit() => Ok(Operand::Literal(parse_number(cursor)?)),
        Some(c) if is_word_char(c) => Ok(Operand::Literal(word_value(cursor.take_while(is_word_char)))),
        _ => Err(cursor.unexpected("expected a path like @.name, a quoted string, a number, true, false or null")),
    }
}

fn parse_filter_path(cursor: &mut Cursor, root: FilterRoot, depth: usize) -> Result<Operand, PathSyntaxError> {
    let context = Context { in_filter: true, depth };
    let segments = parse_segments(cursor, context)?;
    Ok(Operand::Path(FilterPath { root, definite: segments_are_definite(&segments), segments }))
}

/// Characters of an unquoted word: anything but space and the filter's own punctuation.
fn is_word_char(c: char) -> bool {
    !c.is_whitespace()
        && !matches!(
            c,
            '(' | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | '&'
                | '|'
                | '<'
                | '>'
                | '='
                | '!'
                | '~'
                | ','
                | '\''
                | '"'
                | '@'
                | '$'
                | '/'
        )
}

fn word_value(word: &str) -> Value {
    match word {
        "true" => Value::Bool(true),
        "false" => Value::Bool(false),
        "null" => Value::Null,
        _ => Value::String(word.to_string()),
    }
}

/// A number as Jayway reads one: `-12`, `3.5`, `1e3`.
fn parse_number(cursor: &mut Cursor) -> Result<Value, PathSyntaxError> {
    let start = cursor.pos();
    cursor.eat('-');
    if cursor.take_while(|c| c.is_ascii_digit()).is_empty() {
        return Err(cursor.unexpected("expected digits"));
    }
    let mut integer = true;
    if cursor.peek() == Some('.') && cursor.peek_second().is_some_and(|c| c.is_ascii_digit()) {
        integer = false;
        cursor.bump();
        cursor.take_while(|c| c.is_ascii_digit());
    }
    if matches!(cursor.peek(), Some('e') | Some('E')) {
        integer = false;
        cursor.bump();
        if !cursor.eat('+') {
            cursor.eat('-');
        }
        if cursor.take_while(|c| c.is_ascii_digit()).is_empty() {
            return Err(cursor.unexpected("expected the exponent's digits"));
        }
    }
    if cursor.peek().is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
        return Err(cursor.unexpected("a number must end here"));
    }
    let text = cursor.slice(start, cursor.pos());
    let number = if integer {
        text.parse::<i64>()
            .map(Number::from)
            .or_else(|_| text.parse::<u64>().map(Number::from))
            .ok()
            .or_else(|| text.parse::<f64>().ok().and_then(Number::from_f64))
    } else {
        text.parse::<f64>().ok().and_then(Number::from_f64)
    };
    number.map(Value::Number).ok_or_else(|| cursor.error_at(start, format!("number {text} is out of range")))
}

/// A JSON value written in a filter (`in ['a', 'b']`), as leniently as Jayway's JSON reader:
/// strings in single or double quotes, and unquoted words as strings.
fn parse_json_literal(cursor: &mut Cursor, depth: usize) -> Result<Value, PathSyntaxError> {
    if depth > MAX_NESTING {
        return Err(cursor.error_at(cursor.pos(), "a value in the filter nests too deeply"));
    }
    cursor.skip_whitespace();
    match cursor.peek() {
        Some('[') => {
            cursor.bump();
            let mut items = Vec::new();
            cursor.skip_whitespace();
            if cursor.eat(']') {
                return Ok(Value::Array(items));
            }
            loop {
                items.push(parse_json_literal(cursor, depth + 1)?);
                cursor.skip_whitespace();
                if cursor.eat(']') {
                    return Ok(Value::Array(items));
                }
                if !cursor.eat(',') {
                    return Err(cursor.unexpected("expected ',' or ']' in the list"));
                }
            }
        }
        Some('{') => {
            cursor.bump();
            let mut members = Map::new();
            cursor.skip_whitespace();
            if cursor.eat('}') {
                return Ok(Value::Object(members));
            }
            loop {
                cursor.skip_whitespace();
                if !matches!(cursor.peek(), Some('\'') | Some('"')) {
                    return Err(cursor.unexpected("expected a quoted member name"));
                }
                let key = cursor.quoted()?;
                cursor.skip_whitespace();
                if !cursor.eat(':') {
                    return Err(cursor.unexpected("expected ':' after the member name"));
                }
                let value = parse_json_literal(cursor, depth + 1)?;
                members.insert(key, value);
                cursor.skip_whitespace();
                if cursor.eat('}') {
                    return Ok(Value::Object(members));
                }
                if !cursor.eat(',') {
                    return Err(cursor.unexpected("expected ',' or '}' in the object"));
                }
            }
        }
        Some('\'') | Some('"') => Ok(Value::String(cursor.quoted()?)),
        Some(c) if c == '-' || c.is_ascii_digit() => parse_number(cursor),
        Some(c) if is_word_char(c) => Ok(word_value(cursor.take_while(is_word_char))),
        _ => Err(cursor.unexpected("expected a value")),
    }
}

/// `/body/` or `/body/i`; a `/` inside the body is written `\/`.
fn parse_pattern(cursor: &mut Cursor) -> Result<Regex, PathSyntaxError> {
    let start = cursor.pos();
    cursor.bump();
    let body_start = cursor.pos();
    loop {
        match cursor.bump() {
            None => {
                return Err(cursor.error_at(start, "unterminated regular expression: missing closing /"));
            }
            Some('\\') => {
                if cursor.bump().is_none() {
                    return Err(cursor.error_at(start, "unterminated regular expression: missing closing /"));
                }
            }
            Some('/') => break,
            Some(_) => {}
        }
    }
    let body = cursor.slice(body_start, cursor.pos() - 1);
    let case_insensitive = cursor.eat('i');
    Regex::new(body, case_insensitive)
        .map_err(|reason| cursor.error_at(start, format!("invalid regular expression /{body}/: {reason}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::path::Path;
    use serde_json::json;

    fn filter(text: &str) -> Filter {
        let path = match Path::parse(&format!("$[?({text})]")) {
            Ok(path) => path,
            Err(error) => panic!("{text}: {error}"),
        };
        match path.segments.into_iter().next() {
            Some(Segment::Filter(filter)) => *filter,
            other => panic!("{text}: not a filter: {other:?}"),
        }
    }

    fn error(text: &str) -> String {
        match Path::parse(&format!("$[?({text})]")) {
            Ok(path) => panic!("{text} parsed as {path:?}"),
            Err(error) => error.reason,
        }
    }

    fn current(names: &[&str]) -> Operand {
        let segments: Vec<Segment> = names.iter().map(|n| Segment::Name(n.to_string())).collect();
        Operand::Path(FilterPath { root: FilterRoot::Current, definite: true, segments })
    }

    fn compare(left: Operand, op: CompareOp, right: Operand) -> Filter {
        Filter::Compare { left, op, right }
    }

    fn literal(value: Value) -> Operand {
        Operand::Literal(value)
    }

    #[test]
    fn comparisons() {
        assert_eq!(filter("@.status == 0"), compare(current(&["status"]), CompareOp::Eq, literal(json!(0))));
        assert_eq!(filter("@.price<10"), compare(current(&["price"]), CompareOp::Lt, literal(json!(10))));
        assert_eq!(filter("@.a >= -1.5"), compare(current(&["a"]), CompareOp::Ge, literal(json!(-1.5))));
        assert_eq!(filter("@.a != 'x'"), compare(current(&["a"]), CompareOp::Ne, literal(json!("x"))));
        assert_eq!(filter("@.a == \"x y\""), compare(current(&["a"]), CompareOp::Eq, literal(json!("x y"))));
        assert_eq!(filter("@.a <= 1e3"), compare(current(&["a"]), CompareOp::Le, literal(json!(1000.0))));
        assert_eq!(filter("'x' === @.a"), compare(literal(json!("x")), CompareOp::StrictEq, current(&["a"])));
        assert_eq!(filter("@.a == true"), compare(current(&["a"]), CompareOp::Eq, literal(json!(true))));
        assert_eq!(filter("@.a == null"), compare(current(&["a"]), CompareOp::Eq, literal(json!(null))));
        assert_eq!(filter("@ > 1"), compare(current(&[]), CompareOp::Gt, literal(json!(1))));
    }

    #[test]
    fn unquoted_words_are_strings() {
        assert_eq!(
            filter("@.constraint_status==Failure"),
            compare(current(&["constraint_status"]), CompareOp::Eq, literal(json!("Failure")))
        );
        assert_eq!(
            filter("@.Type.Text==AMOUNT_PAID"),
            compare(current(&["Type", "Text"]), CompareOp::Eq, literal(json!("AMOUNT_PAID")))
        );
        assert_eq!(
            filter("@.region == us-east-1 || @.arn == arn:aws:x"),
            Filter::Or(
                Box::new(compare(current(&["region"]), CompareOp::Eq, literal(json!("us-east-1")))),
                Box::new(compare(current(&["arn"]), CompareOp::Eq, literal(json!("arn:aws:x"))))
            )
        );
        assert_eq!(
            filter("@.TargetLanguageCode==es"),
            compare(current(&["TargetLanguageCode"]), CompareOp::Eq, literal(json!("es")))
        );
    }

    #[test]
    fn existence_and_logic() {
        let exists = |names: &[&str], negated| {
            let Operand::Path(path) = current(names) else { unreachable!() };
            Filter::Exists { path, negated }
        };
        assert_eq!(filter("@.isbn"), exists(&["isbn"], false));
        assert_eq!(filter("!@.isbn"), exists(&["isbn"], true));
        assert_eq!(filter(" ( @.isbn ) "), exists(&["isbn"], false));
        let a = || compare(current(&["a"]), CompareOp::Eq, literal(json!("x")));
        assert_eq!(filter("@.a == 'x' && @.b"), Filter::And(Box::new(a()), Box::new(exists(&["b"], false))));
        // Jayway groups from the right.
        assert_eq!(
            filter("@.a == 'x' && @.b || @.c"),
            Filter::And(
                Box::new(a()),
                Box::new(Filter::Or(Box::new(exists(&["b"], false)), Box::new(exists(&["c"], false))))
            )
        );
        assert_eq!(
            filter("(@.a == 'x' && @.b) || @.c"),
            Filter::Or(
                Box::new(Filter::And(Box::new(a()), Box::new(exists(&["b"], false)))),
                Box::new(exists(&["c"], false))
            )
        );
    }

    #[test]
    fn word_operators_and_lists() {
        assert_eq!(
            filter("@.a in ['x', \"y\", 1, true, null]"),
            compare(current(&["a"]), CompareOp::In, literal(json!(["x", "y", 1, true, null])))
        );
        assert_eq!(filter("@.a NIN [x]"), compare(current(&["a"]), CompareOp::NotIn, literal(json!(["x"]))));
        assert_eq!(filter("@.a subsetof []"), compare(current(&["a"]), CompareOp::SubsetOf, literal(json!([]))));
        assert_eq!(
            filter("@.a == {'k': [1, {\"n\": 2}]}"),
            compare(current(&["a"]), CompareOp::Eq, literal(json!({"k": [1, {"n": 2}]})))
        );
        for (text, op) in [
            ("anyof", CompareOp::AnyOf),
            ("noneof", CompareOp::NoneOf),
            ("contains", CompareOp::Contains),
            ("size", CompareOp::Size),
            ("empty", CompareOp::Empty),
        ] {
            let Filter::Compare { op: parsed, .. } = filter(&format!("@.a {text} 1")) else { panic!("{text}") };
            assert_eq!(parsed, op);
        }
    }

    #[test]
    fn paths_inside_filters() {
        let f = filter("@.workerId == $.agent_id");
        let Filter::Compare { right: Operand::Path(path), .. } = f else { panic!("{f:?}") };
        assert_eq!(path.root, FilterRoot::Document);
        assert_eq!(path.segments, vec![Segment::Name("agent_id".to_string())]);
        let f = filter("@['a b'][0].c == 1");
        let Filter::Compare { left: Operand::Path(path), .. } = f else { panic!("{f:?}") };
        assert_eq!(path.segments.len(), 3);
        let f = filter("@.a[?(@.b == 1)]");
        let Filter::Exists { path, .. } = f else { panic!("{f:?}") };
        assert!(matches!(path.segments[1], Segment::Filter(_)));
        assert!(!path.definite);
    }

    #[test]
    fn patterns() {
        let f = filter("@.author =~ /.*REES/i");
        let Filter::Compare { op: CompareOp::Matches, right: Operand::Pattern(regex), .. } = f else { panic!("{f:?}") };
        assert!(regex.is_match("Nigel Rees"));
        assert!(filter(r"@.a =~ /a\/b/") != filter("@.a =~ /ab/"));
    }

    #[test]
    fn errors() {
        assert!(error("").contains("expected a path"));
        assert!(error("@.a ==").contains("expected a path"));
        assert!(error("@.a = 1").contains("use =="));
        assert!(error("@.a <> 1").contains("unknown operator '<>'"));
        assert!(error("@.a like 1").contains("unknown operator 'like'"));
        assert!(error("@.a type 1").contains("not supported"));
        // Jayway's `all` can never match a list written in a filter; refuse it.
        assert!(error("@.a all ['x']").contains("not supported"));
        assert!(error("1").contains("needs a comparison"));
        assert!(error("!(@.a == 1)").contains("can only negate a path"));
        assert!(error("!@.a == 1").contains("not a comparison"));
        assert!(error("@.a == 'x").contains("unterminated"));
        assert!(error("@.a =~ 'x'").contains("regular expression like /abc/"));
        assert!(error("@.a == /x/").contains("only be used with =~"));
        assert!(error("@.a =~ /x").contains("unterminated regular expression"));
        assert!(error("@.a =~ /(x/").contains("invalid regular expression"));
        assert!(error("@.a == 5abc").contains("number must end"));
        assert!(error("@.a == -x").contains("expected digits"));
        assert!(error("@.a in [1,").contains("expected a value"));
        assert!(error("@.a in [1 2]").contains("',' or ']'"));
        assert!(error("@.a == $$.x").contains("starts with @"));
        assert!(error("@.a == 1 &&").contains("expected a path"));
        assert!(Path::parse("$[?(@.a == 1").unwrap_err().reason.contains("unclosed '('"));
        assert!(Path::parse("$[?(@.a == 1)").unwrap_err().reason.contains("expected ']'"));
        assert!(Path::parse("$[?@.a]").unwrap_err().reason.contains("[?(...)]"));
        let deep = format!("$[?({}@.a{})]", "(".repeat(40), ")".repeat(40));
        assert!(Path::parse(&deep).unwrap_err().reason.contains("nest too deeply"));
        let long = format!("$[?({})]", vec!["@"; 300].join(" && "));
        assert!(Path::parse(&long).unwrap_err().reason.contains("at most 256 parts"));
        let deep = format!("$[?(@.a in {}1{})]", "[".repeat(40), "]".repeat(40));
        assert!(Path::parse(&deep).unwrap_err().reason.contains("nests too deeply"));
    }
}
