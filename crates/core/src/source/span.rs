//! Byte ranges into a source text.

/// A half-open byte range `start..end` into the text that was checked.
///
/// Spans are the only position type inside the core: lines and columns are worked out from a
/// [`LineIndex`](super::LineIndex) when a diagnostic is rendered, never inside a rule.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte of the range.
    pub start: u32,
    /// One past the last byte of the range.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end` (byte offsets); `end` is clamped to be at least `start`.
    pub fn new(start: usize, end: usize) -> Span {
        let start = u32::try_from(start).unwrap_or(u32::MAX);
        let end = u32::try_from(end).unwrap_or(u32::MAX).max(start);
        Span { start, end }
    }

    /// An empty span at `offset`.
    pub fn empty(offset: usize) -> Span {
        Span::new(offset, offset)
    }

    /// First byte, as `usize`.
    pub fn start(self) -> usize {
        self.start as usize
    }

    /// One past the last byte, as `usize`.
    pub fn end(self) -> usize {
        self.end as usize
    }

    /// Number of bytes covered.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// Whether the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies within `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both `self` and `other`.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// The text under the span, or `""` when the span does not fit `text`.
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start()..self.end()).unwrap_or("")
    }
}

/// A value with the span it was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it is in the text.
    pub span: Span,
}
