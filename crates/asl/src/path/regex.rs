//! The regular expressions of `=~` filters: the common part of Java's syntax, matched as
//! Jayway matches them (the whole text must match, like Java's `matches()`; the `i` flag folds
//! ASCII case only, like Java's CASE_INSENSITIVE).
//!
//! Matching simulates the automaton (Thompson's construction) instead of backtracking, so no
//! pattern can take exponential time. What the simulation cannot do (back-references,
//! look-around, possessive quantifiers) is refused when the filter is parsed.

/// The most instructions a compiled pattern may have (counted repetition copies its body).
const MAX_PROGRAM: usize = 10_000;
/// How deeply groups may nest.
const MAX_GROUP_DEPTH: usize = 32;

/// A compiled regular expression.
#[derive(Clone, Debug)]
pub struct Regex {
    source: String,
    case_insensitive: bool,
    program: Vec<Inst>,
}

impl PartialEq for Regex {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source && self.case_insensitive == other.case_insensitive
    }
}

impl Regex {
    pub(crate) fn new(source: &str, case_insensitive: bool) -> Result<Regex, String> {
        let chars: Vec<char> = source.chars().collect();
        let mut parser = Parser { chars: &chars, pos: 0 };
        let node = parser.alternation(0)?;
        if let Some(c) = parser.peek() {
            return Err(format!("unmatched '{c}'"));
        }
        let mut program = Vec::new();
        compile(&node, &mut program)?;
        program.push(Inst::Match);
        Ok(Regex { source: source.to_string(), case_insensitive, program })
    }

    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Whether the whole of `text` matches.
    pub fn is_match(&self, text: &str) -> bool {
        let input: Vec<char> = text.chars().collect();
        let mut current = StateSet::new(self.program.len());
        let mut next = StateSet::new(self.program.len());
        let mut stack = Vec::new();
        self.add_state(&mut current, &mut stack, 0, &input, 0);
        for (pos, &c) in input.iter().enumerate() {
            next.clear();
            for &pc in &current.list {
                let advances = match self.program.get(pc) {
                    Some(Inst::Char(expected)) => self.same_char(*expected, c),
                    Some(Inst::Any) => !is_line_terminator(c),
                    Some(Inst::Class(class)) => class.matches(c, self.case_insensitive),
                    _ => false,
                };
                if advances {
                    self.add_state(&mut next, &mut stack, pc + 1, &input, pos + 1);
                }
            }
            std::mem::swap(&mut current, &mut next);
            if current.list.is_empty() {
                return false;
            }
        }
        current.list.iter().any(|&pc| matches!(self.program.get(pc), Some(Inst::Match)))
    }

    /// Adds `pc` and everything reachable from it without reading a character.
    fn add_state(&self, set: &mut StateSet, stack: &mut Vec<usize>, pc: usize, input: &[char], pos: usize) {
        stack.push(pc);
        while let Some(pc) = stack.pop() {
            if !set.insert_seen(pc) {
                continue;
            }
            match self.program.get(pc) {
                Some(Inst::Jump(target)) => stack.push(*target),
                Some(Inst::Split(first, second)) => {
                    stack.push(*second);
                    stack.push(*first);
                }
                Some(Inst::Assert(assertion)) if assertion.holds(input, pos) => stack.push(pc + 1),
                Some(Inst::Assert(_)) => {}
                Some(_) => set.list.push(pc),
                None => {}
            }
        }
    }

    fn same_char(&self, expected: char, actual: char) -> bool {
        expected == actual || (self.case_insensitive && expected.eq_ignore_ascii_case(&actual))
    }
}

/// The states of the automaton at one position: `seen` marks the instructions already
/// visited, `list` those that read a character (or accept).
struct StateSet {
    seen: Vec<bool>,
    list: Vec<usize>,
    touched: Vec<usize>,
}

impl StateSet {
    fn new(size: usize) -> Self {
        StateSet { seen: vec![false; size], list: Vec::new(), touched: Vec::new() }
    }

    fn insert_seen(&mut self, pc: usize) -> bool {
        match self.seen.get_mut(pc) {
            Some(seen) if !*seen => {
                *seen = true;
                self.touched.push(pc);
                true
            }
            _ => false,
        }
    }

    fn clear(&mut self) {
        for pc in self.touched.drain(..) {
            if let Some(seen) = self.seen.get_mut(pc) {
                *seen = false;
            }
        }
        self.list.clear();
    }
}

#[derive(Clone, Debug)]
enum Inst {
    Char(char),
    /// `.`: any character but a line terminator.
    Any,
    Class(Box<Class>),
    Split(usize, usize),
    Jump(usize),
    Assert(Assertion),
    Match,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Assertion {
    /// `^`, `\A`
    Start,
    /// `$`, `\Z`: the end, or just before a line terminator that ends the text.
    End,
    /// `\z`
    AbsoluteEnd,
    WordBoundary,
    NotWordBoundary,
}

impl Assertion {
    fn holds(self, input: &[char], pos: usize) -> bool {
        match self {
            Assertion::Start => pos == 0,
            Assertion::AbsoluteEnd => pos == input.len(),
            Assertion::End => {
                let rest = input.get(pos..).unwrap_or(&[]);
                match rest {
                    [] => true,
                    ['\r', '\n'] => true,
                    [c] => is_line_terminator(*c),
                    _ => false,
                }
            }
            Assertion::WordBoundary | Assertion::NotWordBoundary => {
                let before = pos.checked_sub(1).and_then(|i| input.get(i)).is_some_and(|c| is_word_char(*c));
                let after = input.get(pos).is_some_and(|c| is_word_char(*c));
                (before != after) == (self == Assertion::WordBoundary)
            }
        }
    }
}

fn is_line_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// A bracketed class like `[a-z_]` or `[^0-9]`, or a shorthand like `\d`.
#[derive(Clone, Debug)]
struct Class {
    negated: bool,
    items: Vec<ClassItem>,
}

#[derive(Clone, Copy, Debug)]
enum ClassItem {
    Range(char, char),
    /// `\d` (or `\D` when negated), ASCII digits as in Java.
    Digit {
        negated: bool,
    },
    /// `\w`: `[a-zA-Z_0-9]`.
    Word {
        negated: bool,
    },
    /// `\s`: `[ \t\n\x0B\f\r]`.
    Space {
        negated: bool,
    },
}

impl ClassItem {
    fn matches(self, c: char, case_insensitive: bool) -> bool {
        match self {
            ClassItem::Range(low, high) => {
                (low..=high).contains(&c)
                    || (case_insensitive
                        && c.is_ascii_alphabetic()
                        && ((low..=high).contains(&c.to_ascii_lowercase())
                            || (low..=high).contains(&c.to_ascii_uppercase())))
            }
            ClassItem::Digit { negated } => c.is_ascii_digit() != negated,
            ClassItem::Word { negated } => is_word_char(c) != negated,
            ClassItem::Space { negated } => matches!(c, ' ' | '\t' | '\n' | '\u{b}' | '\u{c}' | '\r') != negated,
        }
    }
}

impl Class {
    fn matches(&self, c: char, case_insensitive: bool) -> bool {
        self.items.iter().any(|item| item.matches(c, case_insensitive)) != self.negated
    }

    fn single(item: ClassItem) -> Class {
        Class { negated: false, items: vec![item] }
    }
}

#[derive(Debug)]
enum Node {
    Empty,
    Char(char),
    Any,
    Class(Class),
    Assert(Assertion),
    Concat(Vec<Node>),
    Alternation(Vec<Node>),
    Repeat { node: Box<Node>, min: u32, max: Option<u32> },
}

struct Parser<'c> {
    chars: &'c [char],
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += 1;
        Some(c)
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn alternation(&mut self, depth: usize) -> Result<Node, String> {
        let mut branches = vec![self.concat(depth)?];
        while self.eat('|') {
            branches.push(self.concat(depth)?);
        }
        Ok(match branches.len() {
            1 => branches.pop().unwrap_or(Node::Empty),
            _ => Node::Alternation(branches),
        })
    }

    fn concat(&mut self, depth: usize) -> Result<Node, String> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom(depth)?;
            items.push(self.quantified(atom)?);
        }
        Ok(Node::Concat(items))
    }

    fn quantified(&mut self, atom: Node) -> Result<Node, String> {
        let (min, max) = match self.peek() {
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('?') => (0, Some(1)),
            Some('{') => return self.counted(atom),
            _ => return Ok(atom),
        };
        self.bump();
        self.repeat(atom, min, max)
    }

    fn counted(&mut self, atom: Node) -> Result<Node, String> {
        self.bump();
        let min = self.number().ok_or("'{' must start a repetition like {2} or {1,3}")?;
        let max = if self.eat(',') {
            if self.peek() == Some('}') {
                None
            } else {
                Some(self.number().ok_or("expected a number after ',' in {...}")?)
            }
        } else {
            Some(min)
        };
        if !self.eat('}') {
            return Err("unclosed '{' repetition".to_string());
        }
        if max.is_some_and(|max| max < min) {
            return Err("in {min,max} the max is smaller than the min".to_string());
        }
        self.repeat(atom, min, max)
    }

    fn repeat(&mut self, atom: Node, min: u32, max: Option<u32>) -> Result<Node, String> {
        if matches!(atom, Node::Assert(_) | Node::Empty) {
            return Err("nothing to repeat".to_string());
        }
        // A lazy quantifier matches the same whole texts; a possessive one would not.
        self.eat('?');
        if self.peek() == Some('+') {
            return Err("possessive quantifiers (like a*+) are not supported".to_string());
        }
        if matches!(self.peek(), Some('*') | Some('+') | Some('?') | Some('{')) {
            return Err("a quantifier cannot follow another quantifier".to_string());
        }
        Ok(Node::Repeat { node: Box::new(atom), min, max })
    }

    fn number(&mut self) -> Option<u32> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        let digits: String = self.chars.get(start..self.pos)?.iter().collect();
        digits.parse().ok()
    }

    fn atom(&mut self, depth: usize) -> Result<Node, String> {
        let Some(c) = self.bump() else {
            return Ok(Node::Empty);
        };
        match c {
            '(' => self.group(depth + 1),
            '[' => Ok(Node::Class(self.class()?)),
            '.' => Ok(Node::Any),
            '^' => Ok(Node::Assert(Assertion::Start)),
            '$' => Ok(Node::Assert(Assertion::End)),
            '\\' => self.escape(),
            '*' | '+' | '?' => Err(format!("nothing to repeat before '{c}'")),
            '{' => Err("nothing to repeat before '{'".to_string()),
            _ => Ok(Node::Char(c)),
        }
    }

    fn group(&mut self, depth: usize) -> Result<Node, String> {
        if depth > MAX_GROUP_DEPTH {
            return Err("groups nest too deeply".to_string());
        }
        if self.eat('?') {
            match self.bump() {
                Some(':') => {}
                Some('<') if self.peek().is_some_and(|c| c.is_ascii_alphabetic()) => {
                    while self.peek().is_some_and(|c| c.is_ascii_alphanumeric()) {
                        self.bump();
                    }
                    if !self.eat('>') {
                        return Err("unclosed group name".to_string());
                    }
                }
                _ => {
                    return Err(
                        "only (...), (?:...) and (?<name>...) groups are supported (no look-around or inline flags)"
                            .to_string(),
                    );
                }
            }
        }
        let inner = self.alternation(depth)?;
        if !self.eat(')') {
            return Err("unclosed '('".to_string());
        }
        Ok(inner)
    }

    fn escape(&mut self) -> Result<Node, String> {
        let Some(c) = self.bump() else {
            return Err("the pattern ends with '\\'".to_string());
        };
        Ok(match c {
            'd' | 'D' => Node::Class(Class::single(ClassItem::Digit { negated: c == 'D' })),
            'w' | 'W' => Node::Class(Class::single(ClassItem::Word { negated: c == 'W' })),
            's' | 'S' => Node::Class(Class::single(ClassItem::Space { negated: c == 'S' })),
            'b' => Node::Assert(Assertion::WordBoundary),
            'B' => Node::Assert(Assertion::NotWordBoundary),
            'A' => Node::Assert(Assertion::Start),
            'Z' => Node::Assert(Assertion::End),
            'z' => Node::Assert(Assertion::AbsoluteEnd),
            'Q' => self.quoted_literal(),
            _ => Node::Char(self.escaped_char(c)?),
        })
    }

    /// `\Q...\E`: everything up to `\E` (or the end) literally.
    fn quoted_literal(&mut self) -> Node {
        let mut items = Vec::new();
        while let Some(c) = self.bump() {
            if c == '\\' && self.peek() == Some('E') {
                self.bump();
                break;
            }
            items.push(Node::Char(c));
        }
        Node::Concat(items)
    }

    /// The character an escape like `\n`, `\x41`, `\u00e9`, `\.` stands for.
    fn escaped_char(&mut self, c: char) -> Result<char, String> {
        match c {
            't' => Ok('\t'),
            'n' => Ok('\n'),
            'r' => Ok('\r'),
            'f' => Ok('\u{c}'),
            'a' => Ok('\u{7}'),
            'e' => Ok('\u{1b}'),
            'x' => self.hex_char(2),
            'u' => self.hex_char(4),
            '0' => {
                let mut value = 0u32;
                let mut count = 0;
                while count < 3 && self.peek().is_some_and(|d| ('0'..='7').contains(&d)) {
                    value = value * 8 + self.bump().and_then(|d| d.to_digit(8)).unwrap_or(0);
                    count += 1;
                }
                if count == 0 {
                    return Err("\\0 must be followed by octal digits".to_string());
                }
                char::from_u32(value).ok_or_else(|| "invalid octal escape".to_string())
            }
            '1'..='9' => Err("back-references are not supported".to_string()),
            c if c.is_ascii_alphanumeric() => Err(format!("unsupported escape \\{c}")),
            c => Ok(c),
        }
    }

    fn hex_char(&mut self, digits: usize) -> Result<char, String> {
        let mut value = 0u32;
        for _ in 0..digits {
            let digit = self.bump().and_then(|c| c.to_digit(16)).ok_or("expected hex digits in the escape")?;
            value = value * 16 + digit;
        }
        char::from_u32(value).ok_or_else(|| "the escape is not a character".to_string())
    }

    /// After `[`: items up to the closing `]`.
    fn class(&mut self) -> Result<Class, String> {
        let negated = self.eat('^');
        let mut items = Vec::new();
        loop {
            let Some(c) = self.bump() else {
                return Err("unclosed '['".to_string());
            };
            let low = match c {
                ']' if !items.is_empty() => break,
                ']' => return Err("empty character class '[]'".to_string()),
                '[' => return Err("nested character classes are not supported".to_string()),
                '&' if self.peek() == Some('&') => {
                    return Err("class intersections (&&) are not supported".to_string());
                }
                '\\' => match self.class_escape()? {
                    Ok(item) => {
                        items.push(item);
                        continue;
                    }
                    Err(c) => c,
                },
                c => c,
            };
            let is_range = self.peek() == Some('-') && self.chars.get(self.pos + 1).is_some_and(|&next| next != ']');
            if !is_range {
                items.push(ClassItem::Range(low, low));
                continue;
            }
            self.bump();
            let high = match self.bump() {
                Some('\\') => match self.class_escape()? {
                    Err(c) => c,
                    Ok(_) => return Err("a range cannot end with a class like \\d".to_string()),
                },
                Some(c) => c,
                None => return Err("unclosed '['".to_string()),
            };
            if high < low {
                return Err(format!("the range {low}-{high} is out of order"));
            }
            items.push(ClassItem::Range(low, high));
        }
        Ok(Class { negated, items })
    }

    /// An escape inside a class: a shorthand class (`Ok`) or one character (`Err`).
    fn class_escape(&mut self) -> Result<Result<ClassItem, char>, String> {
        let Some(c) = self.bump() else {
            return Err("unclosed '['".to_string());
        };
        Ok(match c {
            'd' | 'D' => Ok(ClassItem::Digit { negated: c == 'D' }),
            'w' | 'W' => Ok(ClassItem::Word { negated: c == 'W' }),
            's' | 'S' => Ok(ClassItem::Space { negated: c == 'S' }),
            'b' => Err('\u{8}'),
            _ => Err(self.escaped_char(c)?),
        })
    }
}

fn compile(node: &Node, program: &mut Vec<Inst>) -> Result<(), String> {
    if program.len() > MAX_PROGRAM {
        return Err("the regular expression is too large".to_string());
    }
    match node {
        Node::Empty => {}
        Node::Char(c) => program.push(Inst::Char(*c)),
        Node::Any => program.push(Inst::Any),
        Node::Class(class) => program.push(Inst::Class(Box::new(class.clone()))),
        Node::Assert(assertion) => program.push(Inst::Assert(*assertion)),
        Node::Concat(items) => {
            for item in items {
                compile(item, program)?;
            }
        }
        Node::Alternation(branches) => {
            // split L1, next; L1: branch; jump end; next: split ... ; last branch; end:
            let mut jumps = Vec::new();
            for (i, branch) in branches.iter().enumerate() {
                if i + 1 < branches.len() {
                    let split = program.len();
                    program.push(Inst::Split(split + 1, 0));
                    compile(branch, program)?;
                    jumps.push(program.len());
                    program.push(Inst::Jump(0));
                    let next = program.len();
                    program[split] = Inst::Split(split + 1, next);
                } else {
                    compile(branch, program)?;
                }
            }
            let end = program.len();
            for jump in jumps {
                program[jump] = Inst::Jump(end);
            }
        }
        Node::Repeat { node, min, max } => {
            for _ in 0..*min {
                compile(node, program)?;
                if program.len() > MAX_PROGRAM {
                    return Err("the regular expression is too large".to_string());
                }
            }
            match max {
                None => {
                    // loop: split body, end; body; jump loop; end:
                    let split = program.len();
                    program.push(Inst::Split(split + 1, 0));
                    compile(node, program)?;
                    program.push(Inst::Jump(split));
                    let end = program.len();
                    program[split] = Inst::Split(split + 1, end);
                }
                Some(max) => {
                    let mut splits = Vec::new();
                    for _ in *min..*max {
                        splits.push(program.len());
                        program.push(Inst::Split(program.len() + 1, 0));
                        compile(node, program)?;
                        if program.len() > MAX_PROGRAM {
                            return Err("the regular expression is too large".to_string());
                        }
                    }
                    let end = program.len();
                    for split in splits {
                        program[split] = Inst::Split(split + 1, end);
                    }
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(pattern: &str, text: &str) -> bool {
        match Regex::new(pattern, false) {
            Ok(regex) => regex.is_match(text),
            Err(error) => panic!("/{pattern}/: {error}"),
        }
    }

    #[test]
    fn whole_text_must_match() {
        assert!(matches("abc", "abc"));
        assert!(!matches("abc", "abcd"));
        assert!(!matches("abc", "xabc"));
        assert!(matches(".*REES", "Nigel REES"));
        assert!(!matches("REES", "Nigel REES"));
        assert!(matches("", ""));
        assert!(!matches("", "a"));
    }

    #[test]
    fn quantifiers_and_alternation() {
        assert!(matches("a*", ""));
        assert!(matches("a*", "aaaa"));
        assert!(matches("a+b?", "aab"));
        assert!(!matches("a+", ""));
        assert!(matches("colou?r", "color"));
        assert!(matches("a{3}", "aaa"));
        assert!(!matches("a{3}", "aa"));
        assert!(matches("a{2,}", "aaaaa"));
        assert!(matches("a{1,2}b", "aab"));
        assert!(!matches("a{1,2}b", "aaab"));
        assert!(matches("a.*?b", "axxb"));
        assert!(matches("cat|dog", "dog"));
        assert!(matches("(cat|dog)s?", "cats"));
        assert!(matches("(?:ab)+", "ababab"));
        assert!(!matches("(?:ab)+", "aba"));
        assert!(matches("(?<word>a)b", "ab"));
        assert!(matches("(a*)*b", "aaab"));
        assert!(matches("(a|)*", "aa"));
    }

    #[test]
    fn classes_and_escapes() {
        assert!(matches("[a-c]+", "abcabc"));
        assert!(!matches("[a-c]+", "abd"));
        assert!(matches("[^0-9]+", "abc"));
        assert!(!matches("[^0-9]+", "a1"));
        assert!(matches(r"\d{3}-\d{4}", "555-1234"));
        assert!(matches(r"\w+\s\w+", "hello world"));
        assert!(matches(r"\W", "!"));
        assert!(matches(r"a\.b", "a.b"));
        assert!(!matches(r"a\.b", "axb"));
        assert!(matches(r"[\d.]+", "1.5"));
        assert!(matches(r"[-a]+", "-a-"));
        assert!(matches(r"[a-]+", "-a-"));
        assert!(matches(r"\x41\u00e9", "Aé"));
        assert!(matches(r"\Qa.b\E", "a.b"));
        assert!(!matches(r"\Qa.b\E", "axb"));
        assert!(matches(r"a\/b", "a/b"));
        assert!(matches(r"\t", "\t"));
    }

    #[test]
    fn anchors() {
        assert!(matches("^abc$", "abc"));
        assert!(matches(r"\babc\b", "abc"));
        assert!(!matches(r"a\Bb", "a b"));
        assert!(!matches("a$b", "ab"));
        assert!(matches(".", "é"));
        assert!(!matches(".", "\n"));
    }

    #[test]
    fn case_insensitive_folds_ascii() {
        let regex = Regex::new(".*rees", true).unwrap();
        assert!(regex.is_match("Nigel REES"));
        let regex = Regex::new("[a-z]+", true).unwrap();
        assert!(regex.is_match("ABC"));
        let regex = Regex::new("é", true).unwrap();
        assert!(!regex.is_match("É"));
    }

    #[test]
    fn refused_patterns() {
        for (pattern, reason) in [
            ("(a", "unclosed '('"),
            ("a)", "unmatched ')'"),
            ("[a", "unclosed '['"),
            ("[]", "empty character class"),
            ("*a", "nothing to repeat"),
            ("a**", "cannot follow another"),
            ("a*+", "possessive"),
            ("a{2", "unclosed '{'"),
            ("a{x}", "'{' must start"),
            ("a{3,1}", "smaller than the min"),
            (r"(a)\1", "back-references"),
            ("(?=a)", "look-around"),
            (r"\p{Alpha}", "unsupported escape"),
            ("[z-a]", "out of order"),
            ("a\\", "ends with"),
            ("a{5000}{5000}", "cannot follow another"),
            ("(a{5000}){5000}", "too large"),
            ("^*", "nothing to repeat"),
        ] {
            match Regex::new(pattern, false) {
                Ok(regex) => panic!("/{pattern}/ compiled: {regex:?}"),
                Err(error) => assert!(error.contains(reason), "/{pattern}/: {error}"),
            }
        }
        let nested = format!("{}a{}", "(".repeat(40), ")".repeat(40));
        assert!(Regex::new(&nested, false).unwrap_err().contains("nest too deeply"));
    }

    #[test]
    fn pathological_patterns_stay_fast() {
        let regex = Regex::new("(a+)+b", false).unwrap();
        let text = "a".repeat(10_000);
        assert!(!regex.is_match(&text));
    }
}
