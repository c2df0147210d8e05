//! The JSON source layer: any bytes read into the spanned tree and the syntax diagnostics.
#![no_main]

use cicd_core::source::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| cicd_fuzz::read_source(Format::Json, data));
