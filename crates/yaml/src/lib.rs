//! saphyr-parser's pull parser over a `&str`, instantiated here.
//!
//! The playground's wasm is built for size (`opt-level = "z"`), and a generic function is compiled
//! with the settings of the crate that instantiates it: `Parser<StrInput>` used from `cicd-core`
//! would be size-optimised whatever saphyr-parser's own profile says, and the scanner, which steps
//! through the text one character at a time, then makes a call per character (`Chars::next`,
//! `peek`, `skip` are not inlined). This crate names the concrete parser in non-generic functions,
//! so the whole scanner is instantiated, and optimised, here: the workspace's `wasm-release`
//! profile builds this crate (and saphyr-parser) at `opt-level = 3`. Natively (the `cicd` command)
//! the release profile optimises everything for speed anyway.

pub use saphyr_parser::{Event, ScalarStyle, ScanError, Span};

/// A YAML pull parser over a string: saphyr-parser's events with their spans (character indices).
pub struct Events<'a> {
    parser: saphyr_parser::Parser<'a, saphyr_parser::StrInput<'a>>,
}

impl<'a> Events<'a> {
    /// A parser at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        Events {
            parser: saphyr_parser::Parser::new_from_str(text),
        }
    }

    /// The next event, an error (after which the parser gives no more events), or `None` at the
    /// end of the stream.
    pub fn next_event(&mut self) -> Option<Result<(Event<'a>, Span), ScanError>> {
        self.parser.next_event()
    }
}
