//! Test-only: random and mangled path texts never make parsing, selecting or writing panic,
//! and what they produce keeps its promises.

use serde_json::{Value, json};

use super::{Path, PathRoot};

/// A small deterministic generator (xorshift64*), so that a failure can be replayed.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items.get(self.below(items.len())).copied().unwrap_or("")
    }
}

/// Pieces that path texts are made of, so random texts often get deep into the grammar.
const PIECES: &[&str] = &[
    "$",
    "$$",
    ".",
    "..",
    "[",
    "]",
    "'",
    "\"",
    "*",
    "?",
    "(",
    ")",
    "@",
    ",",
    ":",
    "-",
    "0",
    "1",
    "9",
    "a",
    "b",
    "x-y",
    " ",
    "==",
    "!=",
    "<",
    "<=",
    ">",
    "=~",
    "!",
    "&&",
    "||",
    "/",
    "\\",
    "i",
    "é",
    "😀",
    "{",
    "}",
    "in",
    "nin",
    "size",
    "true",
    "null",
    "'s'",
    "[?(",
    ")]",
    "[0]",
    "[-1]",
    "[1:]",
    "[:2]",
    "[*]",
    ".length()",
    "/a.*/",
    "\\u00e9",
    "\\'",
    "2147483648",
    "e",
];

const SEEDS: &[&str] = &[
    "$.store.book[?(@.price < 10 && @.category == 'fiction')].title",
    "$..book[-2:]",
    "$['a b','c'][0,1]",
    "$.x[?(@.a =~ /(ab|c)*d{1,3}/i || !@.b)]",
    "$$.Map.Item.Value",
    "$var.field[0]",
    "$.a.['b c']..d[*][1:3]",
    "$[?(@.n in [1, 'x', {'k': [true]}])]",
];

fn documents() -> Vec<Value> {
    vec![
        json!({}),
        json!([]),
        json!("text"),
        json!(null),
        json!({"a": {"b": [1, {"c": "x"}]}, "a b": [[1, 2], {"x": null}], "store": {"book": [
            {"price": 5, "category": "fiction", "title": "t"}, {"price": 15}
        ]}, "x": [{"a": "abd", "n": 1}, {"b": 2}, 3]}),
        json!([{"a": 1}, [{"a": [2]}], "s", 1.5, true]),
    ]
}

/// Returns whether the text parsed.
fn exercise(text: &str, documents: &[Value]) -> bool {
    let path = match Path::parse(text) {
        Ok(path) => path,
        Err(error) => {
            assert!(error.offset <= text.len(), "{text}: {error}");
            assert!(error.message.contains(text), "{text}: {error}");
            return false;
        }
    };
    assert_eq!(path.as_str(), text);
    if path.is_reference_path() {
        assert!(path.is_definite(), "{text}");
    }
    for document in documents {
        let selected = path.select(document);
        if !path.is_definite() && !text.ends_with(')') {
            assert!(matches!(selected.as_deref(), Some(Value::Array(_))), "{text} on {document}: {selected:?}");
        }
        let mut target = document.clone();
        let result = path.write_in_place(&mut target, json!("written"));
        if result.is_err() {
            assert_eq!(&target, document, "{text}: a failed write changed the target");
        } else if *path.root() == PathRoot::Input {
            assert_eq!(
                path.select(&target).as_deref(),
                Some(&json!("written")),
                "{text}: what was written is not found again"
            );
        }
    }
    true
}

#[test]
fn random_texts() {
    let documents = documents();
    let mut random = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut parsed = 0;
    for _ in 0..20_000 {
        let mut text = String::new();
        if random.below(4) > 0 {
            text.push('$');
        }
        for _ in 0..random.below(12) {
            text.push_str(random.pick(PIECES));
        }
        parsed += usize::from(exercise(&text, &documents));
    }
    // Enough of them are valid for select and write to be exercised too.
    assert!(parsed > 1_000, "only {parsed} random texts parsed");
}

#[test]
fn mangled_valid_paths() {
    let documents = documents();
    let mut random = XorShift(0xD1B5_4A32_D192_ED03);
    let mut parsed = 0;
    for _ in 0..20_000 {
        let seed = random.pick(SEEDS);
        let mut chars: Vec<char> = seed.chars().collect();
        for _ in 0..=random.below(3) {
            let at = random.below(chars.len() + 1);
            match random.below(3) {
                0 if at < chars.len() => {
                    chars.remove(at);
                }
                1 => {
                    let piece: Vec<char> = random.pick(PIECES).chars().collect();
                    chars.splice(at..at, piece);
                }
                _ => chars.truncate(at),
            }
        }
        let text: String = chars.into_iter().collect();
        parsed += usize::from(exercise(&text, &documents));
    }
    assert!(parsed > 2_000, "only {parsed} mangled paths parsed");
}

#[test]
fn random_bytes_as_text() {
    let mut random = XorShift(42);
    for _ in 0..20_000 {
        let bytes: Vec<u8> = (0..random.below(24)).map(|_| (random.next() & 0xFF) as u8).collect();
        let text = String::from_utf8_lossy(&bytes);
        let _ = Path::parse(&text);
        let _ = Path::parse(&format!("${text}"));
        let _ = Path::parse(&format!("$[?(@.a =~ /{text}/)]"));
    }
}
