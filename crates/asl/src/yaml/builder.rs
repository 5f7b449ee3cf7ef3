//! The parser's events to one value, with the spans of every node by JSON pointer.

use std::borrow::Cow;
use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, Span as YamlSpan, Tag};
use serde_json::{Map, Value};

use super::positions::Positions;
use super::tags::{self, TagMeaning};
use super::{ALIAS_EXPANSION_LIMIT, scalars};
use crate::json::{DuplicateKey, JsonSyntaxError, NodeSpans, ParsedJson, SpanIndex, escape_pointer_segment};
use crate::span::Span;

/// As deep as the JSON parser allows.
const MAX_DEPTH: usize = 512;

pub fn build(text: &str) -> ParsedJson {
    let mut builder = Builder {
        positions: Positions::new(text),
        stack: Vec::new(),
        anchors: HashMap::new(),
        expanded: 0,
        documents: 0,
        value: None,
        spans: SpanIndex::default(),
        errors: Vec::new(),
        duplicate_keys: Vec::new(),
    };
    for event in Parser::new_from_str(text) {
        let step = match event {
            Ok((event, span)) => builder.event(event, span),
            Err(e) => {
                let at = builder.positions.byte(e.marker().index());
                Err(JsonSyntaxError { message: e.info().to_string(), span: Span::new(at, at) })
            }
        };
        if let Err(e) = step {
            builder.errors.push(e);
            // What was built so far is incomplete: no value rather than a wrong one.
            builder.value = None;
            builder.stack.clear();
            break;
        }
    }
    ParsedJson {
        value: builder.value,
        errors: builder.errors,
        spans: builder.spans,
        duplicate_keys: builder.duplicate_keys,
    }
}

/// A container being read.
struct Frame {
    /// The container's pointer; its children's pointers start with `inner`.
    pointer: String,
    inner: String,
    start: usize,
    key: Option<Span>,
    anchor: usize,
    tag: TagMeaning,
    content: Content,
    /// Values it holds so far, itself included.
    size: usize,
}

enum Content {
    Sequence(Vec<Value>),
    /// The object so far, and the key read and waiting for its value.
    Mapping(Map<String, Value>, Option<(String, Span)>),
}

/// A finished node on its way into its parent.
struct Node {
    value: Value,
    span: Span,
    /// Values it holds, itself included (what an alias of it costs: copies of copies count
    /// in full).
    size: usize,
}

struct Builder {
    positions: Positions,
    stack: Vec<Frame>,
    /// Each anchor's value, with its size.
    anchors: HashMap<usize, (Value, usize)>,
    expanded: usize,
    documents: usize,
    value: Option<Value>,
    spans: SpanIndex,
    errors: Vec<JsonSyntaxError>,
    duplicate_keys: Vec<DuplicateKey>,
}

type Step = Result<(), JsonSyntaxError>;

impl Builder {
    fn span(&self, span: YamlSpan) -> Span {
        Span::new(self.positions.byte(span.start.index()), self.positions.byte(span.end.index()))
    }

    fn fail(&self, span: Span, message: impl Into<String>) -> JsonSyntaxError {
        JsonSyntaxError { message: message.into(), span }
    }

    fn event(&mut self, event: Event<'_>, span: YamlSpan) -> Step {
        let span = self.span(span);
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(self.fail(span, "a second YAML document: the file must hold one"));
                }
                Ok(())
            }
            Event::Scalar(text, style, anchor, tag) => self.scalar(&text, style, anchor, tag, span),
            Event::Alias(id) => {
                let Some((value, size)) = self.anchors.get(&id) else {
                    return Err(self.fail(span, "an alias to an anchor that is not defined"));
                };
                self.expanded += size;
                if self.expanded > ALIAS_EXPANSION_LIMIT {
                    return Err(self.fail(
                        span,
                        format!("aliases expand to more than {ALIAS_EXPANSION_LIMIT} values: the YAML is refused"),
                    ));
                }
                let node = Node { value: value.clone(), span, size: *size };
                self.place(node, 0, TagMeaning::None)
            }
            Event::SequenceStart(anchor, tag) => self.open(Content::Sequence(Vec::new()), anchor, tag, span),
            Event::MappingStart(anchor, tag) => self.open(Content::Mapping(Map::new(), None), anchor, tag, span),
            Event::SequenceEnd | Event::MappingEnd => self.close(span),
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => Ok(()),
        }
    }

    fn scalar(&mut self, text: &str, style: ScalarStyle, anchor: usize, tag: Option<Cow<'_, Tag>>, span: Span) -> Step {
        let tag = tag.map_or(TagMeaning::None, |t| tags::meaning(&t.handle, &t.suffix));
        let value = match (&tag, style) {
            (TagMeaning::Core(core), _) => scalars::tagged(core, text),
            (_, ScalarStyle::Plain) => scalars::plain(text),
            _ => Ok(Value::String(text.to_string())),
        }
        .map_err(|message| self.fail(span, message))?;
        if self.pending_key() {
            return self.key(value, span, anchor, tag);
        }
        self.place(Node { value, span, size: 1 }, anchor, tag)
    }

    /// Whether the next node is a mapping's key.
    fn pending_key(&self) -> bool {
        matches!(self.stack.last(), Some(Frame { content: Content::Mapping(_, None), .. }))
    }

    fn key(&mut self, value: Value, span: Span, anchor: usize, tag: TagMeaning) -> Step {
        if matches!(tag, TagMeaning::Intrinsic(_)) {
            return Err(self.fail(span, "a mapping key cannot carry an intrinsic tag"));
        }
        let key = match value {
            Value::String(s) => s,
            Value::Null => String::new(),
            other => other.to_string(),
        };
        if anchor != 0 {
            self.anchors.insert(anchor, (Value::String(key.clone()), 1));
        }
        if let Some(Frame { content: Content::Mapping(_, pending), .. }) = self.stack.last_mut() {
            *pending = Some((key, span));
        }
        Ok(())
    }

    fn open(&mut self, content: Content, anchor: usize, tag: Option<Cow<'_, Tag>>, span: Span) -> Step {
        if self.pending_key() {
            return Err(self.fail(span, "a mapping key must be a scalar, not a mapping or a sequence"));
        }
        if self.stack.len() >= MAX_DEPTH {
            return Err(self.fail(span, format!("the YAML nests deeper than {MAX_DEPTH} levels")));
        }
        let (pointer, key) = self.child_pointer();
        let tag = tag.map_or(TagMeaning::None, |t| tags::meaning(&t.handle, &t.suffix));
        let inner = match &tag {
            TagMeaning::Intrinsic(name) => format!("{pointer}/{}", escape_pointer_segment(name)),
            _ => pointer.clone(),
        };
        self.stack.push(Frame { pointer, inner, start: span.start, key, anchor, tag, content, size: 1 });
        Ok(())
    }

    fn close(&mut self, span: Span) -> Step {
        let Some(frame) = self.stack.pop() else { return Ok(()) };
        let value = match frame.content {
            Content::Sequence(items) => Value::Array(items),
            Content::Mapping(object, _) => Value::Object(object),
        };
        let size = frame.size;
        let span = Span::new(frame.start, span.end.max(frame.start));
        if frame.inner != frame.pointer {
            self.spans.insert(frame.inner.clone(), NodeSpans { key: None, value: span });
        }
        self.spans.insert(frame.pointer, NodeSpans { key: frame.key, value: span });
        let node = Node { value, span, size };
        self.attach(node, frame.anchor, frame.tag)
    }

    /// Places a finished scalar or alias: records its spans, then attaches it.
    fn place(&mut self, node: Node, anchor: usize, tag: TagMeaning) -> Step {
        let (pointer, key) = self.child_pointer();
        if let TagMeaning::Intrinsic(name) = &tag {
            self.spans.insert(
                format!("{pointer}/{}", escape_pointer_segment(name)),
                NodeSpans { key: None, value: node.span },
            );
        }
        self.spans.insert(pointer, NodeSpans { key, value: node.span });
        self.attach(node, anchor, tag)
    }

    /// Puts a finished node into its parent (or makes it the document's value).
    fn attach(&mut self, mut node: Node, anchor: usize, tag: TagMeaning) -> Step {
        if let TagMeaning::Intrinsic(name) = &tag {
            node.value = tags::wrap(name, node.value);
            node.size += 1;
        }
        if anchor != 0 {
            self.anchors.insert(anchor, (node.value.clone(), node.size));
        }
        let Some(parent) = self.stack.last_mut() else {
            self.value = Some(node.value);
            return Ok(());
        };
        parent.size = parent.size.saturating_add(node.size);
        match &mut parent.content {
            Content::Sequence(items) => items.push(node.value),
            Content::Mapping(object, pending) => {
                let Some((key, key_span)) = pending.take() else {
                    return Err(JsonSyntaxError { message: "a mapping key must be a scalar".into(), span: node.span });
                };
                if object.insert(key.clone(), node.value).is_some() {
                    self.duplicate_keys.push(DuplicateKey { object: parent.inner.clone(), key, span: key_span });
                }
            }
        }
        Ok(())
    }

    /// The pointer of the node about to be placed in the innermost container, and its key's
    /// span.
    fn child_pointer(&self) -> (String, Option<Span>) {
        match self.stack.last() {
            None => (String::new(), None),
            Some(frame) => match &frame.content {
                Content::Sequence(items) => (format!("{}/{}", frame.inner, items.len()), None),
                Content::Mapping(_, Some((key, span))) => {
                    (format!("{}/{}", frame.inner, escape_pointer_segment(key)), Some(*span))
                }
                Content::Mapping(_, None) => (frame.inner.clone(), None),
            },
        }
    }
}
