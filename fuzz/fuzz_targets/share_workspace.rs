//! The workspace reader (autosave, downloads, the JSON inside share links) on any text: a
//! workspace it reads, once normalised, is normal, survives being written and read back, and
//! every file gets a kind and an editor language.
#![no_main]

use cicd_share::{effective_kind, from_json, language, to_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(workspace) = from_json(&text) else {
        return;
    };
    let workspace = workspace.normalize();
    cicd_fuzz::assert_normal(&workspace);
    for pretty in [false, true] {
        assert_eq!(
            from_json(&to_json(&workspace, pretty)).as_ref(),
            Ok(&workspace),
            "the workspace changes when written and read back"
        );
    }
    let _ = workspace.current();
    let _ = workspace.unique_name("buildspec.yml", None);
    for file in &workspace.files {
        let kind = effective_kind(file);
        let _ = language(file, kind);
    }
});
