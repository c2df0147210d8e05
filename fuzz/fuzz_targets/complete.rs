//! Completion and hover (`cicd_core::complete`) at any offset of any text, as each kind: the
//! range a completion replaces and a hovered key's range lie inside the text, on character
//! boundaries, around the offset.
#![no_main]

use arbitrary::Arbitrary;
use cicd_core::complete::{complete, hover};
use cicd_core::{Kind, Options};
use cicd_fuzz::{arbitrary, text_and_tail};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    kind: u8,
    offset: u32,
}

fuzz_target!(|data: &[u8]| {
    let (text, tail) = text_and_tail(data);
    let Some(input) = arbitrary::<Input>(tail) else {
        return;
    };
    let kind = Kind::ALL[usize::from(input.kind) % Kind::ALL.len()];
    // Any offset, also past the end and inside a character: the core clamps.
    let offset = input.offset as usize % (text.len() + 2);
    let options = Options::default();
    let c = complete(kind, &text, offset, &options);
    if !c.items.is_empty() {
        assert!(
            c.from <= c.to && c.to <= text.len(),
            "completion range outside"
        );
        assert!(text.is_char_boundary(c.from) && text.is_char_boundary(c.to));
    }
    if let Some(h) = hover(kind, &text, offset, &options) {
        assert!(h.from <= h.to && h.to <= text.len(), "hover range outside");
        assert!(text.is_char_boundary(h.from) && text.is_char_boundary(h.to));
    }
});
