//! Mapping byte offsets to lines and columns, computed only when rendering.

/// A position in a text, for people and editors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// 1-based line number.
    pub line: u32,
    /// 1-based column, counted in Unicode scalar values (characters).
    pub column: u32,
    /// 0-based column counted in UTF-16 code units, as browser editors count.
    pub utf16_column: u32,
    /// 0-based offset from the start of the text in UTF-16 code units (CodeMirror's positions).
    pub utf16_offset: u32,
}

/// Line starts of a text, so that byte offsets can be turned into [`Position`]s.
///
/// Building the index is one pass over the text; each lookup is a binary search plus a walk over
/// one line prefix.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset of the first character of each line.
    line_starts: Vec<u32>,
    /// UTF-16 offset of the first character of each line.
    utf16_starts: Vec<u32>,
    /// Whether the text is pure ASCII (then every kind of column equals the byte column).
    ascii: bool,
}

impl LineIndex {
    /// Indexes `text`. Lines end at `\n`; a `\r` before it belongs to the line.
    ///
    /// One pass over the bytes, not the characters: this runs on every keystroke of a file
    /// with problems, and decoding each character costs a large file milliseconds in wasm.
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let ascii = bytes.is_ascii();
        let mut line_starts = vec![0u32];
        let utf16_starts = if ascii {
            line_starts.extend(
                bytes
                    .iter()
                    .enumerate()
                    .filter(|&(_, &b)| b == b'\n')
                    .map(|(i, _)| (i + 1) as u32),
            );
            line_starts.clone()
        } else {
            let mut utf16_starts = vec![0u32];
            let mut utf16 = 0u32;
            for (i, &b) in bytes.iter().enumerate() {
                // Every character starts with a byte that is not a continuation byte
                // (`10xxxxxx`) and takes one UTF-16 unit, two if it takes four bytes.
                if b & 0xC0 != 0x80 {
                    utf16 += 1 + u32::from(b >= 0xF0);
                }
                if b == b'\n' {
                    line_starts.push((i + 1) as u32);
                    utf16_starts.push(utf16);
                }
            }
            utf16_starts
        };
        LineIndex {
            line_starts,
            utf16_starts,
            ascii,
        }
    }

    /// Number of lines (a text always has at least one).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte offset where 1-based `line` starts, if it exists.
    pub fn line_start(&self, line: u32) -> Option<usize> {
        let idx = usize::try_from(line).ok()?.checked_sub(1)?;
        self.line_starts.get(idx).map(|&s| s as usize)
    }

    /// The position of byte `offset` in `text` (which must be the text this index was built
    /// from). Offsets past the end, or inside a multi-byte character, are clamped.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = clamp_to_char_boundary(text, offset);
        let line_idx = match self.line_starts.binary_search(&(offset as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let line_start = self.line_starts.get(line_idx).copied().unwrap_or(0) as usize;
        let utf16_line_start = self.utf16_starts.get(line_idx).copied().unwrap_or(0);
        let (column, utf16_column) = if self.ascii {
            let c = (offset - line_start) as u32;
            (c, c)
        } else {
            let prefix = text.get(line_start..offset).unwrap_or("");
            let chars = prefix.chars().count() as u32;
            let units = prefix.chars().map(|c| c.len_utf16() as u32).sum();
            (chars, units)
        };
        Position {
            line: line_idx as u32 + 1,
            column: column + 1,
            utf16_column,
            utf16_offset: utf16_line_start + utf16_column,
        }
    }

    /// The positions of both ends of `span` in `text` (the text this index was built from).
    pub fn range(&self, text: &str, span: super::Span) -> (Position, Position) {
        (
            self.position(text, span.start()),
            self.position(text, span.end()),
        )
    }

    /// The text of 1-based `line` without its line break.
    pub fn line_text<'t>(&self, text: &'t str, line: u32) -> &'t str {
        let Some(start) = self.line_start(line) else {
            return "";
        };
        let end = self.line_start(line + 1).unwrap_or(text.len());
        text.get(start..end)
            .unwrap_or("")
            .trim_end_matches('\n')
            .trim_end_matches('\r')
    }
}

/// The largest char boundary of `text` that is `<= offset`.
pub fn clamp_to_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index built one character at a time, as it was before the byte scan.
    fn by_characters(text: &str) -> (Vec<u32>, Vec<u32>) {
        let (mut lines, mut units, mut utf16) = (vec![0u32], vec![0u32], 0u32);
        for (i, ch) in text.char_indices() {
            utf16 += ch.len_utf16() as u32;
            if ch == '\n' {
                lines.push((i + 1) as u32);
                units.push(utf16);
            }
        }
        (lines, units)
    }

    proptest::proptest! {
        #[test]
        fn the_byte_scan_counts_like_the_characters(text in "[a\n\r\t é€😀\u{85}\u{fffe}]{0,60}") {
            let index = LineIndex::new(&text);
            let (lines, units) = by_characters(&text);
            proptest::prop_assert_eq!(&index.line_starts, &lines);
            proptest::prop_assert_eq!(&index.utf16_starts, &units);
            proptest::prop_assert_eq!(index.ascii, text.is_ascii());
        }
    }

    #[test]
    fn ascii_positions() {
        let text = "ab\ncd\n";
        let idx = LineIndex::new(text);
        let p = idx.position(text, 4);
        assert_eq!(
            (p.line, p.column, p.utf16_column, p.utf16_offset),
            (2, 2, 1, 4)
        );
        assert_eq!(idx.position(text, 99).line, 3);
        assert_eq!(idx.line_text(text, 2), "cd");
    }

    #[test]
    fn non_ascii_columns_count_chars_and_utf16_units() {
        // 'é' is 2 bytes / 1 UTF-16 unit; '😀' is 4 bytes / 2 UTF-16 units.
        let text = "x\né😀z";
        let idx = LineIndex::new(text);
        let z = text.find('z').unwrap();
        let p = idx.position(text, z);
        assert_eq!(p.line, 2);
        assert_eq!(p.column, 3);
        assert_eq!(p.utf16_column, 3);
        assert_eq!(p.utf16_offset, 2 + 3);
        // Inside a multi-byte char: clamped back to its start.
        let inside = idx.position(text, z - 1);
        assert_eq!(inside.column, 2);
    }

    #[test]
    fn range_spans_lines() {
        let text = "ab\ncd\n";
        let idx = LineIndex::new(text);
        let (start, end) = idx.range(text, crate::source::Span::new(1, 5));
        assert_eq!((start.line, start.column), (1, 2));
        assert_eq!((end.line, end.column, end.utf16_offset), (2, 3, 5));
    }

    #[test]
    fn crlf_line_text() {
        let text = "a\r\nb";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_text(text, 1), "a");
        assert_eq!(idx.line_text(text, 2), "b");
    }
}
