//! Hostile input through `cicd check`, for every kind: a clear diagnostic in the JSON contract
//! and exit status 1 (0 where the finding is a warning) — never a panic (exit 101) or a usage
//! error (2).

mod common;

#[path = "../../core/tests/common/hostile.rs"]
mod hostile;

use common::{cicd, stderr};

#[test]
fn every_hostile_file_gets_a_diagnostic_for_every_kind() {
    let dir = std::env::temp_dir().join(format!("cicd-hostile-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("mkdir");
    for (name, bytes) in hostile::inputs() {
        let path = dir.join(name);
        std::fs::write(&path, &bytes).expect("write");
        let path = path.to_string_lossy().into_owned();
        for kind in cicd_core::Kind::ALL.iter().filter(|k| k.is_supported()) {
            let o = cicd(&["check", "--kind", kind.id(), "--format", "json", &path]);
            // 1 for an error; 0 when the finding is a warning (an empty deployment group).
            assert!(
                matches!(o.status.code(), Some(0 | 1)),
                "{name} as {}: {:?} {}",
                kind.id(),
                o.status.code(),
                stderr(&o)
            );
            let value = common::json(&o);
            let diags = value.as_array().expect("an array");
            assert!(!diags.is_empty(), "{name} as {}", kind.id());
            assert!(
                diags
                    .iter()
                    .all(|d| d["message"].as_str().is_some_and(|m| !m.is_empty())
                        && d["line"].as_u64().is_some_and(|l| l >= 1)),
                "{name} as {}: {value:#}",
                kind.id()
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
