use crate::edit::{TextEdit, apply, difference};
use crate::span::Span;

#[test]
fn edits_apply_against_the_original_positions_in_any_order() {
    let edits = [TextEdit::replace(Span::new(6, 11), "there"), TextEdit::insert(0, ">> "), TextEdit::insert(11, "!")];
    assert_eq!(apply("hello world", &edits), ">> hello there!");
}

#[test]
fn insertions_at_one_place_keep_their_order() {
    let edits = [TextEdit::insert(1, "b"), TextEdit::insert(1, "c")];
    assert_eq!(apply("a", &edits), "abc");
}

#[test]
fn the_difference_is_one_replacement_between_the_common_start_and_end() {
    let d = difference("{\"a\": 1, \"b\": 2}", "{\"a\": 1, \"b\": 30}").unwrap();
    assert_eq!((d.span.start, d.span.end, d.text.as_str()), (14, 15, "30"));
    assert_eq!(difference("same", "same"), None);
    let d = difference("abc", "abXbc").unwrap();
    assert_eq!(apply("abc", &[d]), "abXbc");
}

#[test]
fn the_difference_never_cuts_a_character() {
    for (a, b) in [("é", "è"), ("aé", "aè"), ("xé", "é"), ("ü€", "€"), ("€", "ü€")] {
        let d = difference(a, b).unwrap();
        assert!(a.is_char_boundary(d.span.start) && a.is_char_boundary(d.span.end), "{a} -> {b}: {d:?}");
        assert_eq!(apply(a, &[d]), b);
    }
}
