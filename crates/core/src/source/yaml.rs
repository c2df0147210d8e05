//! YAML → [`Node`] tree, built from `saphyr-parser`'s pull events.
//!
//! The pull API is iterative, so hostile nesting cannot overflow the stack; on top of it this
//! builder bounds depth, node count and alias expansion, turns every problem into a diagnostic,
//! and never fails: after a syntax error the part read so far is returned with its open
//! collections marked incomplete.

use std::collections::HashMap;

use cicd_yaml::{Event, Events, ScalarStyle};

use super::issue::{Syntax, SyntaxIssue};
use super::tree::{Map, Node, Pair, Scalar, Seq, Style, Value};
use super::{Document, Format, Limits, Span};

/// Parses `text` as YAML. Never fails and never panics; see the module docs.
pub fn parse(text: &str, limits: &Limits) -> Document {
    let mut issues = Vec::new();
    if text.len() > limits.max_bytes {
        issues.push(too_large(text, limits));
        return Document {
            root: Node::new(Span::new(0, text.len()), Value::Invalid),
            issues,
            format: Format::Yaml,
            reparsable_with: None,
        };
    }
    let mut builder = Builder::new(text, limits);
    builder.run();
    issues.append(&mut builder.issues);
    let reparsable_with = (issues.is_empty()
        && builder.anchors.is_empty()
        && !builder.merged
        && builder.documents <= 1)
        .then(|| limits.clone());
    // Nothing read because of a syntax error is not an empty document: validators must not
    // report missing keys for it.
    let root = builder.root.unwrap_or_else(|| {
        let value = if builder.failed {
            Value::Invalid
        } else {
            null_value()
        };
        Node::new(Span::empty(0), value)
    });
    Document {
        root,
        issues,
        format: Format::Yaml,
        reparsable_with,
    }
}

pub(super) fn too_large(text: &str, limits: &Limits) -> SyntaxIssue {
    SyntaxIssue::new(
        Syntax::DocumentTooLarge,
        Span::empty(0),
        format!(
            "the file is {} bytes, more than the {} bytes this checker reads",
            text.len(),
            limits.max_bytes
        ),
    )
    .with_help("configuration files are far smaller than this; check that this is the right file")
}

fn null_value() -> Value {
    Value::Scalar(Scalar {
        text: String::new(),
        style: Style::Plain,
    })
}

/// Converts saphyr's character indices to byte offsets with a cursor (event positions mostly
/// move forward, so this is linear overall).
struct Offsets<'t> {
    text: &'t str,
    ascii: bool,
    char_pos: usize,
    byte_pos: usize,
}

impl<'t> Offsets<'t> {
    fn new(text: &'t str) -> Self {
        Offsets {
            text,
            ascii: text.is_ascii(),
            char_pos: 0,
            byte_pos: 0,
        }
    }

    fn byte(&mut self, char_idx: usize) -> usize {
        if self.ascii {
            return char_idx.min(self.text.len());
        }
        while self.char_pos < char_idx {
            let Some(ch) = self
                .text
                .get(self.byte_pos..)
                .and_then(|r| r.chars().next())
            else {
                return self.byte_pos;
            };
            self.byte_pos += ch.len_utf8();
            self.char_pos += 1;
        }
        while self.char_pos > char_idx {
            let Some(ch) = self
                .text
                .get(..self.byte_pos)
                .and_then(|r| r.chars().next_back())
            else {
                break;
            };
            self.byte_pos -= ch.len_utf8();
            self.char_pos -= 1;
        }
        self.byte_pos
    }

    fn span(&mut self, span: cicd_yaml::Span) -> Span {
        let start = self.byte(span.start.index());
        let end = self.byte(span.end.index());
        Span::new(start, end)
    }
}

enum Frame {
    Seq {
        start: usize,
        anchor: usize,
        tag: Option<Box<str>>,
        items: Vec<Node>,
    },
    Map {
        start: usize,
        anchor: usize,
        tag: Option<Box<str>>,
        entries: Vec<Pair>,
        key: Option<Node>,
        /// Key text → index of its first entry, and how many entries were indexed; built once
        /// the mapping grows past a few keys.
        index: Option<(HashMap<String, usize>, usize)>,
    },
}

struct Builder<'t> {
    text: &'t str,
    limits: &'t Limits,
    offsets: Offsets<'t>,
    stack: Vec<Frame>,
    root: Option<Node>,
    issues: Vec<SyntaxIssue>,
    anchors: HashMap<usize, (Node, usize)>,
    nodes: usize,
    alias_nodes: usize,
    alias_reported: bool,
    /// Depth of collections being skipped because they are nested too deeply.
    skip_depth: usize,
    skip_start: usize,
    documents: usize,
    /// A merge key (`<<`) moved entries into another mapping.
    merged: bool,
    stop: bool,
    /// A syntax error ended the parse.
    failed: bool,
}

impl<'t> Builder<'t> {
    fn new(text: &'t str, limits: &'t Limits) -> Self {
        Builder {
            text,
            limits,
            offsets: Offsets::new(text),
            stack: Vec::new(),
            root: None,
            issues: Vec::new(),
            anchors: HashMap::new(),
            nodes: 0,
            alias_nodes: 0,
            alias_reported: false,
            skip_depth: 0,
            skip_start: 0,
            documents: 0,
            merged: false,
            stop: false,
            failed: false,
        }
    }

    fn run(&mut self) {
        let mut parser = Events::new(self.text);
        let mut error_line_end = None;
        // saphyr accepts most control characters, which YAML (and AWS's reader) refuse: the
        // file is read up to the first one, as if the parser had stopped there.
        let control = first_control_character(self.text);
        while !self.stop {
            let Some(next) = parser.next_event() else {
                break;
            };
            match next {
                Ok((event, span)) => {
                    let span = self.offsets.span(span);
                    if let Some(at) = control
                        && (span.start() >= at || span.end() > at)
                    {
                        self.failed = true;
                        error_line_end = Some(self.report_control_character(at));
                        break;
                    }
                    self.event(event, span);
                }
                Err(err) => {
                    self.failed = true;
                    let at = self.offsets.byte(err.marker().index());
                    error_line_end = Some(match control {
                        Some(c) if at >= c => self.report_control_character(c),
                        _ => self.report_syntax_error(err.info(), at),
                    });
                    break;
                }
            }
        }
        self.close_open_frames();
        if let Some(from) = error_line_end {
            self.scan_tabs_after(from);
        }
    }

    fn event(&mut self, event: Event<'_>, span: Span) {
        if self.skip_depth > 0 {
            match event {
                Event::SequenceStart(..) | Event::MappingStart(..) => self.skip_depth += 1,
                Event::SequenceEnd | Event::MappingEnd => {
                    self.skip_depth -= 1;
                    if self.skip_depth == 0 {
                        let node =
                            Node::new(Span::new(self.skip_start, span.end()), Value::Invalid);
                        self.push_value(node);
                    }
                }
                _ => {}
            }
            return;
        }
        match event {
            Event::Nothing | Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => {}
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    self.second_document(span);
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                if !self.count_node(span) {
                    return;
                }
                let style = match style {
                    ScalarStyle::Plain => Style::Plain,
                    ScalarStyle::SingleQuoted => Style::SingleQuoted,
                    ScalarStyle::DoubleQuoted => Style::DoubleQuoted,
                    ScalarStyle::Literal => Style::Literal,
                    ScalarStyle::Folded => Style::Folded,
                };
                let span = if matches!(style, Style::Literal | Style::Folded) {
                    trim_trailing_space(self.text, span)
                } else {
                    span
                };
                let node = Node {
                    span,
                    value: Value::Scalar(Scalar {
                        text: text.into_owned(),
                        style,
                    }),
                    tag: tag.map(|t| t.to_string().into_boxed_str()),
                };
                self.register_anchor(anchor, &node);
                self.push_value(node);
            }
            Event::SequenceStart(anchor, tag) => {
                if !self.count_node(span) || !self.enter(span) {
                    return;
                }
                self.stack.push(Frame::Seq {
                    start: span.start(),
                    anchor,
                    tag: tag.map(|t| t.to_string().into_boxed_str()),
                    items: Vec::new(),
                });
            }
            Event::MappingStart(anchor, tag) => {
                if !self.count_node(span) || !self.enter(span) {
                    return;
                }
                self.stack.push(Frame::Map {
                    start: span.start(),
                    anchor,
                    tag: tag.map(|t| t.to_string().into_boxed_str()),
                    entries: Vec::new(),
                    key: None,
                    index: None,
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(frame) = self.stack.pop() {
                    let node = self.finish(frame, span, true);
                    self.push_value(node);
                }
            }
            Event::Alias(id) => self.alias(id, span),
        }
    }

    /// Counts a new node against the limit; on overflow reports once and stops parsing.
    fn count_node(&mut self, span: Span) -> bool {
        self.nodes += 1;
        if self.nodes > self.limits.max_nodes {
            self.issues.push(
                SyntaxIssue::new(
                    Syntax::DocumentTooLarge,
                    Span::new(span.start(), span.start()),
                    format!(
                        "the document has more than {} nodes; the rest is not checked",
                        self.limits.max_nodes
                    ),
                )
                .with_help("split the file, or check that it is a configuration file"),
            );
            self.stop = true;
            return false;
        }
        true
    }

    /// Opens a collection unless that would exceed the depth limit, in which case the whole
    /// collection is skipped and stands as one invalid node.
    fn enter(&mut self, span: Span) -> bool {
        if self.stack.len() >= self.limits.max_depth {
            self.issues.push(
                SyntaxIssue::new(
                    Syntax::NestingTooDeep,
                    line_span(self.text, span.start()),
                    format!(
                        "nesting deeper than {} levels; this part is not checked",
                        self.limits.max_depth
                    ),
                )
                .with_help(
                    "AWS configuration files are never nested this deeply; flatten this part",
                ),
            );
            self.skip_depth = 1;
            self.skip_start = span.start();
            return false;
        }
        true
    }

    fn alias(&mut self, id: usize, span: Span) {
        let Some((node, count)) = self.anchors.get(&id) else {
            // saphyr reports unknown anchors itself; stay silent here.
            self.push_value(Node::new(span, Value::Invalid));
            return;
        };
        let count = *count;
        self.alias_nodes += count;
        if self.alias_nodes > self.limits.max_alias_nodes {
            if !self.alias_reported {
                self.alias_reported = true;
                self.issues.push(
                    SyntaxIssue::new(Syntax::AliasExpansionLimit,
                            span,
                            format!(
                                "aliases expand to more than {} nodes; further aliases are not expanded",
                                self.limits.max_alias_nodes
                            ),
                        )
                        .with_help("an alias copies its anchor; nested aliases multiply (a \"billion laughs\" document)"),
                );
            }
            self.push_value(Node::new(span, Value::Invalid));
            return;
        }
        self.nodes += count;
        let mut copy = node.clone();
        // The copy keeps the anchor's spans for its children (that is where the text is), but
        // the copy itself sits where the alias is written.
        copy.span = span;
        self.push_value(copy);
    }

    fn register_anchor(&mut self, anchor: usize, node: &Node) {
        if anchor != 0 {
            let count = node.count();
            self.anchors.insert(anchor, (node.clone(), count));
        }
    }

    fn finish(&mut self, frame: Frame, end_span: Span, complete: bool) -> Node {
        match frame {
            Frame::Seq {
                start,
                anchor,
                tag,
                items,
            } => {
                let end = end_of(start, end_span, items.last().map(|n| n.span.end()));
                let node = Node {
                    span: Span::new(start, end),
                    value: Value::Seq(Seq { items, complete }),
                    tag,
                };
                self.register_anchor(anchor, &node);
                node
            }
            Frame::Map {
                start,
                anchor,
                tag,
                mut entries,
                key,
                ..
            } => {
                if let Some(key) = key {
                    // A key whose value never came (cut short by an error).
                    let at = Span::empty(key.span.end());
                    entries.push(Pair {
                        key,
                        value: Node::new(at, Value::Invalid),
                    });
                }
                let last_end = entries
                    .last()
                    .map(|p| p.value.span.end().max(p.key.span.end()));
                let end = end_of(start, end_span, last_end);
                self.merged |= apply_merge_keys(&mut entries);
                let node = Node {
                    span: Span::new(start, end),
                    value: Value::Map(Map { entries, complete }),
                    tag,
                };
                self.register_anchor(anchor, &node);
                node
            }
        }
    }

    fn push_value(&mut self, node: Node) {
        match self.stack.last_mut() {
            None => {
                if self.root.is_none() {
                    self.root = Some(node);
                }
            }
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map {
                entries,
                key,
                index,
                ..
            }) => match key.take() {
                None => *key = Some(node),
                Some(k) => {
                    if let Some(dup) = find_duplicate(entries, index, &k) {
                        let first = dup.key.span;
                        let name = k.scalar().map(|s| s.text.clone()).unwrap_or_default();
                        self.issues.push(
                            SyntaxIssue::new(Syntax::DuplicateKey,
                                k.span, format!("duplicate key `{name}`"))
                                .with_label(first, format!("`{name}` first defined here"))
                                .with_help(format!(
                                    "a mapping may hold each key once; readers keep only one of the two `{name}` values (usually the last), so the other is silently lost"
                                )),
                        );
                    }
                    entries.push(Pair {
                        key: k,
                        value: node,
                    });
                }
            },
        }
    }

    fn second_document(&mut self, span: Span) {
        // A trailing `---` with nothing after it is harmless; only content counts.
        let rest = self.text.get(span.end()..).unwrap_or("");
        let has_content = rest
            .lines()
            .map(str::trim)
            .any(|l| !l.is_empty() && !l.starts_with('#') && l != "..." && l != "---");
        if has_content {
            self.issues.push(
                SyntaxIssue::new(Syntax::MultipleDocuments,
                        line_span(self.text, span.start()),
                        "the file holds more than one YAML document; only the first is checked",
                    )
                    .with_help("AWS reads one document per file; remove the `---` separator and merge the documents, or split them into files"),
            );
        }
        self.stop = true;
    }

    /// Reports the control character at byte `at`; returns the end of its line.
    fn report_control_character(&mut self, at: usize) -> usize {
        let c = self
            .text
            .get(at..)
            .and_then(|t| t.chars().next())
            .unwrap_or('\0');
        let code = format!("U+{:04X}", u32::from(c));
        let (message, help) = if c == '\0' {
            (
                format!("invalid YAML: a NUL byte ({code}) cannot appear in a YAML file"),
                "a NUL byte usually means a binary file or one saved as UTF-16: save it as UTF-8 text".to_string(),
            )
        } else {
            (
                format!("invalid YAML: the control character {code} cannot appear in a YAML file"),
                format!(
                    "YAML allows no control character but tab, line feed and carriage return, not even inside quotes; remove it, or write it as the escape `\\x{:02x}` inside double quotes",
                    u32::from(c)
                ),
            )
        };
        self.issues.push(
            SyntaxIssue::new(
                Syntax::YamlSyntax,
                Span::new(at, at + c.len_utf8()),
                message,
            )
            .with_help(help),
        );
        line_span(self.text, at).end()
    }

    /// Reports a syntax error at byte `at`; returns the end of its line.
    fn report_syntax_error(&mut self, info: &str, at: usize) -> usize {
        let mut span = line_span(self.text, at);
        let tab = mentions_tab(info);
        if tab {
            // Point at the line's indentation rather than just past the tab.
            let line_start = self
                .text
                .get(..at)
                .and_then(|t| t.rfind('\n'))
                .map_or(0, |i| i + 1);
            let line = self.text.get(line_start..).unwrap_or("");
            let lead = line.len() - line.trim_start_matches([' ', '\t']).len();
            if lead > 0 {
                span = Span::new(line_start, line_start + lead);
            }
        }
        if info.contains("recursion limit") {
            // saphyr's own cap on `[`/`{` nesting: the same finding as our depth limit.
            self.issues.push(
                SyntaxIssue::new(
                    Syntax::NestingTooDeep,
                    span,
                    "nesting too deep for the YAML reader; the rest of the file is not checked",
                )
                .with_help(
                    "AWS configuration files are never nested this deeply; flatten this part",
                ),
            );
            return span.end();
        }
        let issue = if tab {
            SyntaxIssue::new(
                Syntax::TabIndentation,
                span,
                "tab character used for indentation",
            )
            .with_help("YAML indentation must use spaces; replace the tab characters with spaces")
        } else {
            SyntaxIssue::new(Syntax::YamlSyntax, span, format!("invalid YAML: {info}"))
                .with_help(syntax_help(info))
        };
        self.issues.push(issue);
        span.end()
    }

    fn close_open_frames(&mut self) {
        while let Some(frame) = self.stack.pop() {
            let end = self.text.len();
            let node = self.finish(frame, Span::empty(end), false);
            self.push_value(node);
        }
        if self.skip_depth > 0 {
            self.skip_depth = 0;
        }
    }

    /// After a syntax error the parser stops; report the other tab-indented lines too so that a
    /// pasted file with tabs shows all its problems at once.
    fn scan_tabs_after(&mut self, from: usize) {
        let mut block_indent: Option<usize> = None;
        let mut offset = 0usize;
        for line in self.text.split_inclusive('\n') {
            let start = offset;
            offset += line.len();
            let content = line.trim_end_matches(['\n', '\r']);
            let indent = content.len() - content.trim_start_matches(' ').len();
            let blank = content.trim().is_empty();
            if let Some(bi) = block_indent {
                if blank || indent > bi {
                    continue;
                }
                block_indent = None;
            }
            if starts_block_scalar(content) {
                block_indent = Some(indent);
            }
            if start < from {
                continue;
            }
            let lead = content.len() - content.trim_start_matches([' ', '\t']).len();
            let leading = content.get(..lead).unwrap_or("");
            if leading.contains('\t') && !blank {
                self.issues.push(
                    SyntaxIssue::new(
                        Syntax::TabIndentation,
                        Span::new(start, start + lead),
                        "tab character used for indentation",
                    )
                    .with_help(
                        "YAML indentation must use spaces; replace the tab characters with spaces",
                    ),
                );
            }
        }
    }
}

/// Whether one of saphyr's messages is about a tab: the word, not the letters (its message for
/// a NUL byte is "found unprintable character").
fn mentions_tab(info: &str) -> bool {
    info.split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w.eq_ignore_ascii_case("tab") || w.eq_ignore_ascii_case("tabs"))
}

/// The byte offset of the first character YAML does not allow in a stream: the C0 controls but
/// tab, line feed and carriage return, DEL, the C1 controls but NEL, and U+FFFE/U+FFFF
/// (YAML 1.2 §5.1, the set libyaml and go-yaml enforce).
///
/// Scans bytes, not characters (it runs over every YAML text on every keystroke): the C1
/// controls are `C2 80`–`C2 9F` in UTF-8, U+FFFE and U+FFFF are `EF BF BE`/`EF BF BF`, and in
/// valid UTF-8 `C2` and `EF` only ever start a character.
fn first_control_character(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().find_map(|(i, &b)| {
        let control = match b {
            0x00..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F | 0x7F => true,
            0xC2 => matches!(bytes.get(i + 1), Some(&n) if (0x80..=0x9F).contains(&n) && n != 0x85),
            0xEF => {
                bytes.get(i + 1) == Some(&0xBF) && matches!(bytes.get(i + 2), Some(0xBE | 0xBF))
            }
            _ => false,
        };
        control.then_some(i)
    })
}

/// Whether a line ends with a block scalar header (`|`, `>-`, `|2+`...), ignoring a comment.
fn starts_block_scalar(line: &str) -> bool {
    let code = match line.find(" #") {
        Some(i) => line.get(..i).unwrap_or(line),
        None => line,
    };
    let code = code.trim_end();
    let Some(pos) = code.rfind(['|', '>']) else {
        return false;
    };
    let header = code.get(pos + 1..).unwrap_or("");
    let before = code.get(..pos).unwrap_or("").trim_end();
    header
        .chars()
        .all(|c| c.is_ascii_digit() || c == '+' || c == '-')
        && (before.is_empty() || before.ends_with(':') || before.ends_with('-'))
}

fn find_duplicate<'e>(
    entries: &'e [Pair],
    index: &mut Option<(HashMap<String, usize>, usize)>,
    key: &Node,
) -> Option<&'e Pair> {
    let text = key.scalar()?.text.as_str();
    if entries.len() < 16 {
        return entries.iter().find(|p| p.key_str() == Some(text));
    }
    let (idx, indexed) = index.get_or_insert_with(|| (HashMap::new(), 0));
    // Keep the index in step with the entries pushed since it was last used.
    for (i, p) in entries.iter().enumerate().skip(*indexed) {
        if let Some(k) = p.key_str() {
            idx.entry(k.to_string()).or_insert(i);
        }
    }
    *indexed = entries.len();
    idx.get(text).and_then(|&i| entries.get(i))
}

/// YAML 1.1 merge keys (`<<: *defaults`): entries of the merged mappings are added unless the
/// mapping already has that key. go-yaml, PyYAML, SnakeYAML and Ruby's Psych all do this.
/// Returns whether there was a merge key.
fn apply_merge_keys(entries: &mut Vec<Pair>) -> bool {
    let is_merge = |p: &Pair| {
        p.key
            .scalar()
            .is_some_and(|s| s.style == Style::Plain && s.text == "<<")
    };
    if !entries.iter().any(is_merge) {
        return false;
    }
    let (merges, mut own): (Vec<Pair>, Vec<Pair>) = entries.drain(..).partition(is_merge);
    let mut sources = Vec::new();
    for m in merges {
        match m.value.value {
            Value::Map(map) => sources.push(map),
            Value::Seq(seq) => {
                sources.extend(seq.items.into_iter().filter_map(|n| match n.value {
                    Value::Map(map) => Some(map),
                    _ => None,
                }))
            }
            _ => {}
        }
    }
    for source in sources {
        for pair in source.entries {
            let exists = own
                .iter()
                .any(|p| p.key_str().is_some() && p.key_str() == pair.key_str());
            if !exists {
                own.push(pair);
            }
        }
    }
    *entries = own;
    true
}

fn end_of(start: usize, end_span: Span, last_child_end: Option<usize>) -> usize {
    let mut end = last_child_end.unwrap_or(start).max(start);
    if !end_span.is_empty() {
        // Flow collections end at their closing bracket.
        end = end.max(end_span.end());
    }
    end
}

fn trim_trailing_space(text: &str, span: Span) -> Span {
    let slice = span.slice(text);
    let trimmed = slice.trim_end();
    Span::new(
        span.start(),
        span.start() + trimmed.len().max(1).min(slice.len()),
    )
}

/// The span from `at` to the end of its line (at least one character when there is one).
pub(super) fn line_span(text: &str, at: usize) -> Span {
    let at = super::line_index::clamp_to_char_boundary(text, at);
    let rest = text.get(at..).unwrap_or("");
    let len = rest.find(['\n', '\r']).unwrap_or(rest.len());
    let len = if len == 0 {
        rest.chars().next().map_or(0, |c| {
            if c == '\n' || c == '\r' {
                0
            } else {
                c.len_utf8()
            }
        })
    } else {
        len
    };
    Span::new(at, at + len)
}

fn syntax_help(info: &str) -> &'static str {
    if info.contains("mapping values are not allowed") {
        "a `: ` (colon and space) inside a plain value starts a mapping: quote the value, or check this line's indentation"
    } else if info.contains("did not find expected key")
        || info.contains("did not find expected '-'")
    {
        "check this line's indentation: it does not line up with the keys or list items around it"
    } else if info.contains("quoted scalar") {
        "a quoted value is never closed: add the closing quote"
    } else if info.contains("cannot start any token") || info.contains("found character") {
        "`@` and backquote cannot start a plain value, and `%`, `&`, `*`, `!`, `|`, `>` have special meanings: quote the value"
    } else if info.contains("flow sequence")
        || info.contains("flow mapping")
        || info.contains("expected ',' or")
    {
        "a `[`...`]` or `{`...`}` collection is not closed, or its items are not separated by commas"
    } else if info.contains("anchor") || info.contains("alias") {
        "an alias (`*name`) must refer to an anchor (`&name`) defined earlier in the file"
    } else {
        "fix the YAML syntax at this position; the rest of the file is checked only up to here"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The byte scan finds what a scan of the characters finds.
        #[test]
        fn control_characters_are_found_by_bytes_as_by_characters(
            text in "[a\n\r\t\u{0}\u{8}\u{b}\u{1f}\u{7f}\u{80}\u{85}\u{9f}\u{a0}\u{ff}\u{100}\u{fffd}\u{fffe}\u{ffff}😀]{0,30}"
        ) {
            let by_characters = text
                .char_indices()
                .find(|&(_, c)| {
                    matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}' | '\u{fffe}' | '\u{ffff}')
                        || (('\u{80}'..='\u{9f}').contains(&c) && c != '\u{85}')
                })
                .map(|(i, _)| i);
            proptest::prop_assert_eq!(first_control_character(&text), by_characters);
        }
    }

    fn parse_default(text: &str) -> Document {
        parse(text, &Limits::default())
    }

    fn codes(doc: &Document) -> Vec<&'static str> {
        let mut out = Vec::new();
        crate::source::rules::run(
            &crate::source::SyntaxCx {
                issues: &doc.issues,
            },
            &mut out,
        );
        crate::diagnostic::sort(&mut out);
        out.iter().map(|d| d.code).collect()
    }

    #[test]
    fn spans_cover_keys_and_values() {
        let text = "version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi\n";
        let doc = parse_default(text);
        assert!(doc.issues.is_empty());
        let build = doc
            .root
            .get("phases")
            .and_then(|p| p.entry("build"))
            .unwrap();
        assert_eq!(build.key.span.slice(text), "build");
        let cmd = &build.value.get("commands").unwrap().items()[0];
        assert_eq!(cmd.span.slice(text), "echo hi");
        assert_eq!(doc.root.get("version").unwrap().span.slice(text), "0.2");
    }

    #[test]
    fn spans_are_bytes_with_non_ascii_text() {
        let text = "a: \"héllo wörld\"\nb: 😀x\n";
        let doc = parse_default(text);
        assert_eq!(
            doc.root.get("a").unwrap().span.slice(text),
            "\"héllo wörld\""
        );
        assert_eq!(doc.root.get("b").unwrap().span.slice(text), "😀x");
        assert_eq!(doc.root.entry("b").unwrap().key.span.slice(text), "b");
    }

    #[test]
    fn flow_collections_end_at_bracket() {
        let text = "a: {b: [1, 2]}\n";
        let doc = parse_default(text);
        assert_eq!(doc.root.get("a").unwrap().span.slice(text), "{b: [1, 2]}");
    }

    #[test]
    fn duplicate_keys_reported_with_label() {
        let text = "a: 1\nb: 2\na: 3\n";
        let doc = parse_default(text);
        assert_eq!(codes(&doc), vec!["SRC002"]);
        let d = &doc.issues[0];
        assert_eq!(d.span.slice(text), "a");
        assert_eq!(d.span.start, 10);
        assert_eq!(d.labels[0].span.start, 0);
        // Lookups see the last value, as AWS's readers do.
        assert_eq!(doc.root.get("a").unwrap().as_str(), Some("3"));
    }

    #[test]
    fn duplicate_keys_in_large_mappings() {
        let mut text = String::new();
        for i in 0..40 {
            text.push_str(&format!("k{i}: {i}\n"));
        }
        text.push_str("k3: again\nk39: again\n");
        let doc = parse_default(&text);
        assert_eq!(codes(&doc), vec!["SRC002", "SRC002"]);
    }

    #[test]
    fn syntax_error_keeps_partial_tree_marked_incomplete() {
        let text = "version: 0.2\nphases:\n  build:\n    commands:\n      - 'echo hi\n      - x\n";
        let doc = parse_default(text);
        assert_eq!(codes(&doc), vec!["SRC001"]);
        let d = &doc.issues[0];
        assert_eq!(d.span.slice(text), "'echo hi");
        assert_eq!(doc.root.get("version").unwrap().as_str(), Some("0.2"));
        assert!(!doc.root.map().unwrap().complete);
    }

    /// saphyr's message for a NUL, "found unprintable character", contains the letters "tab":
    /// it was reported as a tab used for indentation. Each control character is named.
    #[test]
    fn control_characters_are_named_as_such() {
        for (text, at, name) in [
            ("version: 0.2\0\n", 12, "U+0000"),
            ("a:\n  - echo \0hi\n", 12, "U+0000"),
            ("a: \"x\u{1}y\"\n", 5, "U+0001"),
            ("a: x\u{1b}[0m\n", 4, "U+001B"),
            ("a: |\n  x\u{7f}\n", 8, "U+007F"),
        ] {
            let doc = parse_default(text);
            assert_eq!(codes(&doc), vec!["SRC001"], "{text:?}: {:?}", doc.issues);
            let issue = &doc.issues[0];
            assert_eq!(issue.kind, Syntax::YamlSyntax);
            assert_eq!(issue.span.start, at, "{text:?}");
            assert!(issue.message.contains(name), "{}", issue.message);
            assert!(!issue.message.contains("tab"), "{}", issue.message);
        }
        // Tab, line feed, carriage return and the byte order mark are allowed.
        assert!(
            parse_default("\u{feff}a: \"x\ty\"\r\nb: 1\n")
                .issues
                .is_empty()
        );
    }

    #[test]
    fn tabs_reported_on_every_line() {
        let text = "a:\n\tb: 1\n\tc: 2\nd: |\n  x\n\ty\n";
        let doc = parse_default(text);
        let tabs: Vec<_> = doc
            .issues
            .iter()
            .filter(|d| d.kind == Syntax::TabIndentation)
            .map(|d| d.span.start)
            .collect();
        assert!(tabs.len() >= 2, "{:?}", doc.issues);
        assert_eq!(tabs[0], 3);
    }

    #[test]
    fn merge_keys_are_applied() {
        let text = "base: &b {x: 1, y: 2}\nthing:\n  <<: *b\n  y: 3\n";
        let doc = parse_default(text);
        let thing = doc.root.get("thing").unwrap();
        assert_eq!(thing.get("x").unwrap().as_str(), Some("1"));
        assert_eq!(thing.get("y").unwrap().as_str(), Some("3"));
        assert!(thing.get("<<").is_none());
    }

    #[test]
    fn alias_bomb_is_bounded() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"];
        let mut prev = "a";
        for n in names {
            text.push_str(&format!(
                "{n}: &{n} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
            prev = n;
        }
        let doc = parse_default(&text);
        assert!(codes(&doc).contains(&"SRC006"));
        assert!(doc.root.count() < 2 * Limits::default().max_alias_nodes + 1000);
    }

    #[test]
    fn alias_bomb_in_mapping_key_is_bounded() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        let mut prev = "a".to_string();
        for n in ["b", "c", "d", "e", "f", "g", "h"] {
            text.push_str(&format!("{n}: &{n} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
            prev = n.to_string();
        }
        text.push_str(&format!("? *{prev}\n: value\n"));
        let doc = parse_default(&text);
        assert!(codes(&doc).contains(&"SRC006"));
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let depth = 100_000;
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let doc = parse_default(&text);
        assert_eq!(codes(&doc), vec!["SRC005"]);
        assert!(
            doc.root.is_invalid(),
            "nothing was read: not an empty document"
        );
        let mut block = String::new();
        for i in 0..1_000 {
            block.push_str(&" ".repeat(i));
            block.push_str("- \n");
        }
        let doc = parse_default(&block);
        assert!(codes(&doc).contains(&"SRC005"), "{:?}", codes(&doc));
    }

    #[test]
    fn node_limit_is_enforced() {
        let limits = Limits {
            max_nodes: 50,
            ..Limits::default()
        };
        let text = "a: [".to_string() + &"1, ".repeat(100) + "]";
        let doc = parse(&text, &limits);
        assert_eq!(codes(&doc), vec!["SRC007"]);
    }

    #[test]
    fn size_limit_is_enforced() {
        let limits = Limits {
            max_bytes: 10,
            ..Limits::default()
        };
        let doc = parse("a: 1234567890\n", &limits);
        assert_eq!(codes(&doc), vec!["SRC007"]);
        assert!(doc.root.is_invalid());
    }

    #[test]
    fn second_document_warns_but_trailing_separator_does_not() {
        let doc = parse_default("a: 1\n---\nb: 2\n");
        assert_eq!(codes(&doc), vec!["SRC008"]);
        assert_eq!(doc.root.get("a").unwrap().as_str(), Some("1"));
        let doc = parse_default("a: 1\n---\n");
        assert!(doc.issues.is_empty());
        let doc = parse_default("---\na: 1\n");
        assert!(doc.issues.is_empty());
    }

    #[test]
    fn empty_input_is_null_root() {
        let doc = parse_default("");
        assert!(doc.root.is_null());
        let doc = parse_default("# only a comment\n");
        assert!(doc.root.is_null());
    }

    #[test]
    fn block_scalar_detection() {
        assert!(starts_block_scalar("  run: |"));
        assert!(starts_block_scalar("  - >-"));
        assert!(starts_block_scalar("key: |2 # comment"));
        assert!(!starts_block_scalar("echo a | b"));
    }
}
