//! What reports carry instead of spans: places a person or an editor can use.
//!
//! The answers of the simulators and evaluators ([`crate::trust_policy::report`],
//! [`crate::appspec::report`]) are built once in the core with [`Span`]s, and each front end
//! turns the spans into its own kind of place with `map`: the CLI into lines and columns
//! ([`LineCol`]), the playground into UTF-16 offsets ([`Place`]). Labels and identifiers are the
//! core's, so the CLI and the playground say the same thing.

use crate::source::{LineIndex, Span};

/// A range for people: 1-based line and character column of its start and end (what the CLI's
/// JSON prints, flattened into the object that has the range).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct LineCol {
    /// Line of the start.
    pub line: u32,
    /// Column of the start.
    pub column: u32,
    /// Line of the end.
    pub end_line: u32,
    /// Column of the end.
    pub end_column: u32,
}

impl LineCol {
    /// The range of `span` in `text`.
    pub fn of(index: &LineIndex, text: &str, span: Span) -> LineCol {
        let (start, end) = index.range(text, span);
        LineCol {
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
        }
    }
}

/// A range for an editor: UTF-16 offsets of its start and end (browser editors count in UTF-16),
/// and the 1-based line and column of its start for display.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Place {
    /// 1-based line of the start.
    pub line: u32,
    /// 1-based character column of the start.
    pub column: u32,
    /// Start, UTF-16 offset.
    pub from16: u32,
    /// End, UTF-16 offset.
    pub to16: u32,
}

impl Place {
    /// The place of `span` in `text`.
    pub fn of(index: &LineIndex, text: &str, span: Span) -> Place {
        let (start, end) = index.range(text, span);
        Place {
            line: start.line,
            column: start.column,
            from16: start.utf16_offset,
            to16: end.utf16_offset,
        }
    }
}
