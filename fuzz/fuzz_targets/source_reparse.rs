//! Reparsing a YAML document after one edit: the document a full parse of the edited text builds,
//! or a refusal (copy and in place alike).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| cicd_fuzz::reparse(data));
