//! `analyze` of an ImageDefinitions file on any bytes.
#![no_main]

use cicd_core::Kind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| cicd_fuzz::analyze_kind(Kind::ImageDefinitions, data));
