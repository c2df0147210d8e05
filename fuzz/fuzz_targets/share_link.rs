//! The share-link decoder on any fragment: the input as the fragment itself (first byte even),
//! as the compressed payload (odd, not 3 mod 4: any DEFLATE stream, base64url-encoded behind
//! `v1:`), or as the workspace JSON (3 mod 4: compressed and encoded as the playground does).
//! A decoded workspace is normal and its link decodes to the same workspace.
#![no_main]

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use cicd_share::{decode, encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let fragment = if mode % 2 == 0 {
        String::from_utf8_lossy(rest).into_owned()
    } else if mode % 4 == 1 {
        format!("v1:{}", URL_SAFE_NO_PAD.encode(rest))
    } else {
        let compressed = miniz_oxide::deflate::compress_to_vec(rest, 6);
        format!("v1:{}", URL_SAFE_NO_PAD.encode(compressed))
    };
    if let Ok(workspace) = decode(&fragment) {
        cicd_fuzz::assert_normal(&workspace);
        assert_eq!(
            decode(&encode(&workspace)).as_ref(),
            Ok(&workspace),
            "a decoded workspace does not survive its own link"
        );
    }
});
