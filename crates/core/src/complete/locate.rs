//! Where the cursor is in a file being written: the path of keys and list items above it, and
//! whether it is on a key or a value. The text is usually incomplete (the key being typed has no
//! colon yet), so this reads lines (YAML) or tokens (JSON) rather than the parsed tree. Linear in
//! the text before the cursor (YAML: in the lines above it), never panics, and every offset it
//! returns is on a character boundary.

/// One step of a path: a mapping's key or a list's item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Seg {
    /// The value of a key.
    Key(String),
    /// An item of a list.
    Item,
}

/// What the cursor is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum At {
    /// A key of the mapping at the path (`item`: the first key of a new list item, `- na|`,
    /// which may also be a value of the list).
    Key {
        /// Written after a list item's dash.
        item: bool,
    },
    /// The value of `key` in the mapping at the path.
    Value {
        /// The key.
        key: String,
    },
    /// An item of the list at the path (JSON: `["OP|`).
    Item,
}

/// The cursor's place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Place {
    /// The path of the mapping (or list) the cursor is in.
    pub path: Vec<Seg>,
    /// Key or value.
    pub at: At,
    /// Where the word being typed starts (bytes).
    pub from: usize,
    /// Where it ends (bytes; the cursor, or the end of the word the cursor is in).
    pub to: usize,
    /// The word before the cursor.
    pub prefix: String,
    /// JSON: whether the word is inside quotes (else a completion adds them).
    pub quoted: bool,
    /// JSON: a key typed inside quotes with no colon after them yet: the range ends after the
    /// closing quote, and a completion writes it and the colon.
    pub close_key: bool,
    /// Whether the file is JSON.
    pub json: bool,
    /// The keys the mapping already has (not offered again).
    pub siblings: Vec<String>,
    /// Where each list item of the path starts (its dash, or its `{`), in path order.
    pub items: Vec<usize>,
}

/// The largest character boundary of `text` at or before `offset`.
pub(crate) fn floor(text: &str, offset: usize) -> usize {
    let mut at = offset.min(text.len());
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'/' | b'$' | b'*')
}

/// The end of the word `offset` is in (on a character boundary: word bytes are ASCII).
fn word_end(text: &str, offset: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = offset;
    while bytes.get(end).is_some_and(|b| word_byte(*b)) {
        end += 1;
    }
    end
}

/// The place of `offset` in `text` (`json`: read as JSON), or `None` where nothing can be
/// completed (a comment, a block scalar, a flow collection in YAML).
pub(crate) fn locate(text: &str, offset: usize, json: bool) -> Option<Place> {
    let offset = floor(text, offset);
    if json {
        json_place(text, offset)
    } else {
        yaml_place(text, offset)
    }
}

// --- YAML ---------------------------------------------------------------------------------

/// One line's structure: the list dashes and the key it starts with.
struct LineParts<'t> {
    /// Columns of the dashes (`- - key:`).
    dashes: Vec<usize>,
    /// The column where the content after the dashes starts.
    content: usize,
    /// The key and what follows its colon (trimmed, comment removed), if the content is `key:`.
    key: Option<(&'t str, &'t str)>,
}

/// The position of a key's colon in `content` (`key:` at the end, or `key: value`), skipping
/// quoted keys' contents.
fn colon(content: &str) -> Option<usize> {
    let bytes = content.as_bytes();
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate() {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if (b == b'"' || b == b'\'') && i == 0 => quote = Some(b),
            None if b == b'#' && (i == 0 || bytes.get(i - 1) == Some(&b' ')) => return None,
            None if b == b':' => {
                let next = bytes.get(i + 1);
                if next.is_none() || next == Some(&b' ') || next == Some(&b'\t') {
                    return Some(i);
                }
            }
            None => {}
        }
    }
    None
}

fn unquote(key: &str) -> &str {
    let key = key.trim();
    for q in ['"', '\''] {
        if let Some(inner) = key.strip_prefix(q).and_then(|k| k.strip_suffix(q)) {
            return inner;
        }
    }
    key
}

fn strip_comment(value: &str) -> &str {
    let bytes = value.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'#' && (i == 0 || bytes.get(i - 1) == Some(&b' ')) {
            return value.get(..i).unwrap_or("").trim_end();
        }
    }
    value.trim_end()
}

fn parts(line: &str) -> LineParts<'_> {
    let mut col = line.len() - line.trim_start_matches(' ').len();
    let mut dashes = Vec::new();
    loop {
        let rest = line.get(col..).unwrap_or("");
        if rest == "-" || rest.starts_with("- ") {
            dashes.push(col);
            col += 1;
            col += line.get(col..).unwrap_or("").len()
                - line.get(col..).unwrap_or("").trim_start_matches(' ').len();
        } else {
            break;
        }
    }
    let content = line.get(col..).unwrap_or("");
    let key = colon(content).map(|c| {
        let value = content.get(c + 1..).unwrap_or("").trim_start();
        (
            unquote(content.get(..c).unwrap_or("")),
            strip_comment(value),
        )
    });
    LineParts {
        dashes,
        content: col,
        key,
    }
}

/// The lines of `text` before byte `line_start`, last first, with their start offsets.
fn lines_above(text: &str, line_start: usize) -> impl Iterator<Item = (usize, &str)> {
    let head = text.get(..line_start).unwrap_or("");
    let mut end = head.len();
    std::iter::from_fn(move || {
        if end == 0 {
            return None;
        }
        // `end` is just after a newline.
        let body = head.get(..end - 1)?;
        let start = body.rfind('\n').map_or(0, |i| i + 1);
        let line = body.get(start..)?.trim_end_matches('\r');
        end = start;
        Some((start, line))
    })
}

/// The path of the mapping whose keys start at column `limit`, from the lines above
/// `line_start`; `None` when the place is inside a scalar (a block scalar's text, say).
fn yaml_parents(text: &str, line_start: usize, mut limit: usize) -> Option<(Vec<Seg>, Vec<usize>)> {
    let mut reversed: Vec<(Seg, usize)> = Vec::new();
    for (start, line) in lines_above(text, line_start) {
        if limit == 0 {
            break;
        }
        let trimmed = line.trim_start_matches(' ');
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if line.starts_with("---") || line.starts_with("...") {
            break;
        }
        let indent = line.len() - trimmed.len();
        if indent >= limit {
            continue;
        }
        let p = parts(line);
        let mut inner = Vec::new();
        for &d in &p.dashes {
            if d < limit {
                inner.push((d, Seg::Item, start + d));
            }
        }
        match p.key {
            Some((key, value)) if p.content < limit => {
                if !value.is_empty() && !value.starts_with('&') && !value.starts_with('!') {
                    // Under `key: value`: the continuation of a scalar (or a block scalar).
                    return None;
                }
                inner.push((p.content, Seg::Key(key.to_string()), start + p.content));
            }
            None if p.content < limit && !p.content_is_empty(line) => {
                // A scalar line (a list item's text): nothing nests under it.
                return None;
            }
            _ => {}
        }
        for (_, seg, at) in inner.into_iter().rev() {
            reversed.push((seg, at));
        }
        limit = indent;
    }
    reversed.reverse();
    let items = reversed
        .iter()
        .filter(|(s, _)| *s == Seg::Item)
        .map(|(_, at)| *at)
        .collect();
    Some((reversed.into_iter().map(|(s, _)| s).collect(), items))
}

impl LineParts<'_> {
    fn content_is_empty(&self, line: &str) -> bool {
        line.get(self.content..).unwrap_or("").trim().is_empty()
    }
}

/// The keys of the mapping whose keys are at column `col` around the line at `line_start`
/// (the lines above and below up to one less indented).
fn yaml_siblings(text: &str, line_start: usize, col: usize, above: bool) -> Vec<String> {
    let mut out = Vec::new();
    let take = |out: &mut Vec<String>, line: &str| -> bool {
        let trimmed = line.trim_start_matches(' ');
        if trimmed.is_empty() || trimmed.starts_with('#') {
            return true;
        }
        let p = parts(line);
        if p.content < col {
            // A dash at the column of our item's dash ends the item.
            return false;
        }
        if p.content == col
            && let Some((key, _)) = p.key
        {
            out.push(key.to_string());
            return p.dashes.is_empty();
        }
        true
    };
    for (_, line) in lines_above(text, line_start) {
        // A new item (`- |`) has no keys above it.
        if !above || out.len() > 200 || !take(&mut out, line) {
            break;
        }
    }
    let below = text.get(line_start..).unwrap_or("");
    for line in below.split('\n').skip(1) {
        let line = line.trim_end_matches('\r');
        if out.len() > 400 {
            break;
        }
        let p = parts(line);
        if !p.dashes.is_empty() && p.dashes.first().is_some_and(|d| *d < col) {
            break;
        }
        if !take(&mut out, line) {
            break;
        }
    }
    out
}

fn yaml_place(text: &str, offset: usize) -> Option<Place> {
    let line_start = text.get(..offset)?.rfind('\n').map_or(0, |i| i + 1);
    let before = text.get(line_start..offset)?;
    if before.contains('\t') {
        return None;
    }
    let p = parts(before);
    let content = before.get(p.content..).unwrap_or("");
    if content.starts_with('#') || content.contains(" #") {
        return None;
    }
    let key_col = p.content;
    let (mut path, mut items) = yaml_parents(
        text,
        line_start,
        key_col.min(p.dashes.first().copied().unwrap_or(key_col)),
    )?;
    for d in &p.dashes {
        path.push(Seg::Item);
        items.push(line_start + d);
    }
    if let Some(c) = colon(content) {
        // A value: `key: wor|`.
        let key = unquote(content.get(..c).unwrap_or("")).to_string();
        let value = content.get(c + 1..).unwrap_or("").trim_start();
        let value = value
            .strip_prefix('"')
            .or_else(|| value.strip_prefix('\''))
            .unwrap_or(value);
        if value.starts_with(['|', '>', '{', '[', '&', '*', '!']) || value.contains(' ') {
            return None;
        }
        let from = offset - value.len();
        return Some(Place {
            path,
            at: At::Value { key },
            from,
            to: word_end(text, offset),
            prefix: value.to_string(),
            quoted: false,
            close_key: false,
            json: false,
            siblings: Vec::new(),
            items,
        });
    }
    let typed = content
        .strip_prefix('"')
        .or_else(|| content.strip_prefix('\''))
        .unwrap_or(content);
    if !typed.bytes().all(|b| word_byte(b) || b == b':') {
        return None;
    }
    let from = offset - typed.len();
    let mut siblings = yaml_siblings(text, line_start, key_col, p.dashes.is_empty());
    siblings.retain(|s| s != typed);
    Some(Place {
        path,
        at: At::Key {
            item: !p.dashes.is_empty(),
        },
        from,
        to: word_end(text, offset),
        prefix: typed.to_string(),
        quoted: false,
        close_key: false,
        json: false,
        siblings,
        items,
    })
}

/// YAML: the key the cursor is on (`from`, `to`, the key) on its line.
pub(crate) fn yaml_key_at(text: &str, offset: usize) -> Option<(usize, usize)> {
    let offset = floor(text, offset);
    let line_start = text.get(..offset)?.rfind('\n').map_or(0, |i| i + 1);
    let line_end = text
        .get(offset..)?
        .find('\n')
        .map_or(text.len(), |i| offset + i);
    let line = text.get(line_start..line_end)?.trim_end_matches('\r');
    let p = parts(line);
    let content = line.get(p.content..)?;
    let c = colon(content)?;
    let raw = content.get(..c)?;
    let start = line_start + p.content;
    let end = start + raw.trim_end().len();
    (offset >= start && offset <= end && end > start).then_some((start, end))
}

// --- JSON ---------------------------------------------------------------------------------

enum Frame {
    Obj {
        key: Option<String>,
        after_colon: bool,
        keys: Vec<String>,
    },
    Arr,
}

fn json_path(frames: &[(Frame, usize)]) -> (Vec<Seg>, Vec<usize>) {
    let parents = frames.len().saturating_sub(1);
    let mut items = Vec::new();
    let path = frames
        .iter()
        .take(parents)
        .enumerate()
        .map(|(i, (f, _))| match f {
            Frame::Obj { key, .. } => Seg::Key(key.clone().unwrap_or_default()),
            Frame::Arr => {
                items.push(frames.get(i + 1).map_or(0, |(_, start)| *start));
                Seg::Item
            }
        })
        .collect();
    (path, items)
}

fn json_place(text: &str, offset: usize) -> Option<Place> {
    let bytes = text.as_bytes();
    let mut frames: Vec<(Frame, usize)> = Vec::new();
    let mut i = 0;
    while i < offset {
        let b = *bytes.get(i)?;
        match b {
            b'{' => frames.push((
                Frame::Obj {
                    key: None,
                    after_colon: false,
                    keys: Vec::new(),
                },
                i,
            )),
            b'[' => frames.push((Frame::Arr, i)),
            b'}' | b']' => {
                frames.pop();
            }
            b',' => {
                if let Some((
                    Frame::Obj {
                        key, after_colon, ..
                    },
                    _,
                )) = frames.last_mut()
                {
                    *key = None;
                    *after_colon = false;
                }
            }
            b':' => {
                if let Some((Frame::Obj { after_colon, .. }, _)) = frames.last_mut() {
                    *after_colon = true;
                }
            }
            b'"' => {
                let start = i + 1;
                let mut j = start;
                let mut closed = None;
                while j < bytes.len() {
                    match bytes.get(j) {
                        Some(b'\\') => j += 2,
                        Some(b'"') => {
                            closed = Some(j);
                            break;
                        }
                        Some(b'\n') | None => break,
                        Some(_) => j += 1,
                    }
                }
                let end = closed.unwrap_or(j.min(bytes.len()));
                if offset <= end {
                    // The cursor is inside this string.
                    let prefix = text.get(start..offset)?.to_string();
                    let to = if closed.is_some() {
                        end
                    } else {
                        word_end(text, offset)
                    };
                    let mut place = json_at(&frames, start, to, prefix, true)?;
                    let colon_after = text
                        .get(end + 1..)
                        .is_some_and(|rest| rest.trim_start().starts_with(':'));
                    if closed.is_some() && place.at == (At::Key { item: false }) && !colon_after {
                        place.to = end + 1;
                        place.close_key = true;
                    }
                    return Some(place);
                }
                if let Some((
                    Frame::Obj {
                        key,
                        after_colon: false,
                        keys,
                    },
                    _,
                )) = frames.last_mut()
                {
                    let k = text.get(start..end).unwrap_or("").to_string();
                    keys.push(k.clone());
                    *key = Some(k);
                }
                i = end + 1;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    // Between tokens: the word before the cursor, if any.
    let mut from = offset;
    while from > 0
        && bytes
            .get(from - 1)
            .is_some_and(|b| b.is_ascii_alphanumeric())
    {
        from -= 1;
    }
    let prefix = text.get(from..offset)?.to_string();
    json_at(&frames, from, word_end(text, offset), prefix, false)
}

fn json_at(
    frames: &[(Frame, usize)],
    from: usize,
    to: usize,
    prefix: String,
    quoted: bool,
) -> Option<Place> {
    let (path, items) = json_path(frames);
    let (at, siblings) = match &frames.last()?.0 {
        Frame::Obj {
            after_colon: false,
            keys,
            ..
        } => (At::Key { item: false }, keys.clone()),
        Frame::Obj {
            key: Some(key),
            after_colon: true,
            ..
        } => (At::Value { key: key.clone() }, Vec::new()),
        Frame::Obj { .. } => return None,
        Frame::Arr => (At::Item, Vec::new()),
    };
    Some(Place {
        path,
        at,
        from,
        to: to.max(from),
        prefix,
        quoted,
        close_key: false,
        json: true,
        siblings,
        items,
    })
}

/// JSON: the key string the cursor is on (`from`, `to`: its text without the quotes).
pub(crate) fn json_key_at(text: &str, offset: usize) -> Option<(usize, usize)> {
    let offset = floor(text, offset);
    let line_start = text.get(..offset)?.rfind('\n').map_or(0, |i| i + 1);
    let before = text.get(line_start..offset)?;
    // The quotes on the line before the cursor pair up: an odd count means inside a string.
    let quotes: Vec<usize> = before
        .bytes()
        .enumerate()
        .filter(|(i, b)| *b == b'"' && (*i == 0 || before.as_bytes().get(i - 1) != Some(&b'\\')))
        .map(|(i, _)| i)
        .collect();
    if quotes.len().is_multiple_of(2) {
        return None;
    }
    let start = line_start + quotes.last()? + 1;
    let rest = text.get(offset..)?;
    let close = offset + rest.find(['"', '\n'])?;
    if text.as_bytes().get(close) != Some(&b'"') {
        return None;
    }
    let after = text.get(close + 1..)?.trim_start();
    after.starts_with(':').then_some((start, close))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Place {
        let offset = text.find('|').expect("cursor");
        let text = text.replacen('|', "", 1);
        let json = text.trim_start().starts_with('{');
        locate(&text, offset, json).expect("a place")
    }

    fn keys(path: &[Seg]) -> Vec<String> {
        path.iter()
            .map(|s| match s {
                Seg::Key(k) => k.clone(),
                Seg::Item => "[]".into(),
            })
            .collect()
    }

    #[test]
    fn yaml_keys_and_values() {
        let p = at("version: 0.2\nphases:\n  ins|\n");
        assert_eq!(keys(&p.path), ["phases"]);
        assert_eq!(p.at, At::Key { item: false });
        assert_eq!(p.prefix, "ins");

        let p = at("phases:\n  build:\n    on-failure: AB|\n");
        assert_eq!(keys(&p.path), ["phases", "build"]);
        assert_eq!(
            p.at,
            At::Value {
                key: "on-failure".into()
            }
        );
        assert_eq!(p.prefix, "AB");

        let p = at("hooks:\n  - BeforeAllowTraffic: f\n  - |\n");
        assert_eq!(keys(&p.path), ["hooks", "[]"]);
        assert_eq!(p.at, At::Key { item: true });

        let p = at("stages:\n  - name: a\n    actions:\n      - name: b\n        |\n");
        assert_eq!(keys(&p.path), ["stages", "[]", "actions", "[]"]);
        assert_eq!(p.siblings, ["name"]);

        assert!(locate("a: |\n  tex", 13, false).is_none());
        assert!(locate("# com", 5, false).is_none());
    }

    #[test]
    fn json_keys_and_values() {
        let p = at(r#"{"Statement": [{"Effect": "Allow", "Condition": {"Str|"#);
        assert_eq!(keys(&p.path), ["Statement", "[]", "Condition"]);
        assert_eq!(p.at, At::Key { item: false });
        assert_eq!(p.prefix, "Str");
        assert!(p.quoted);

        let p = at(r#"{"Statement": [{"Effect": "Al|"}]}"#);
        assert_eq!(
            p.at,
            At::Value {
                key: "Effect".into()
            }
        );
        assert_eq!(p.prefix, "Al");

        let p = at(r#"{"Version": "2012-10-17", |}"#);
        assert_eq!(p.siblings, ["Version"]);
        assert!(!p.quoted);
    }
}
