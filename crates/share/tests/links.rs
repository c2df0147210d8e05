//! Share links: any workspace round-trips (property tests, `proptest`; `PROPTEST_CASES` for
//! more than the default 256), and hostile fragments — zip bombs, cut-short and non-base64
//! fragments, other versions, oversized and deeply nested workspaces — give a clear error, never
//! a panic, within the decoder's bounds.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use cicd_share::workspace::{File, KindChoice, MAX_FILES, Settings, Theme, Workspace};
use cicd_share::{MAX_ENCODED, MAX_INFLATED, ShareError, decode, encode};
use proptest::prelude::*;
use proptest::sample::select;

/// A link holding `json` as its workspace, compressed as the playground does.
fn link_of(json: &[u8]) -> String {
    format!(
        "v1:{}",
        URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(json, 10))
    )
}

fn file() -> impl Strategy<Value = File> {
    (
        any::<u32>(),
        ".{0,24}",
        ".{0,300}",
        select(KindChoice::all().collect::<Vec<_>>()),
        prop_oneof![Just(String::new()), "\\{\"[a-z]{1,3}\":[0-9]{1,4}\\}"],
    )
        .prop_map(|(id, name, text, kind, scenario)| File {
            id,
            name,
            text,
            kind,
            scenario,
        })
}

fn workspace() -> impl Strategy<Value = Workspace> {
    (
        prop::collection::vec(file(), 1..=MAX_FILES),
        any::<usize>(),
        select(vec![Theme::Auto, Theme::Light, Theme::Dark]),
        prop::option::of(".{0,40}"),
    )
        .prop_map(|(files, selected, theme, image)| Workspace {
            selected: selected % (files.len() + 1),
            files,
            settings: Settings { theme, image },
        })
}

/// 64 cases for the properties that encode whole workspaces (each case compresses up to 50
/// files); `PROPTEST_CASES` still sets the number.
fn workspace_cases() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(workspace_cases())]

    /// Any workspace comes back from its link as it went in (normalized: ids unique and
    /// non-zero, names unique and non-empty, the selection in range).
    #[test]
    fn links_round_trip_any_workspace(ws in workspace()) {
        let link = encode(&ws);
        prop_assert!(link.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_:".contains(&b)));
        prop_assert_eq!(decode(&link), Ok(ws.normalize()));
    }

    /// A real link cut anywhere, or with one character changed, is an error or (rarely) another
    /// workspace, never a panic.
    #[test]
    fn damaged_links_fail_cleanly(ws in workspace(), at in any::<prop::sample::Index>(), c in any::<char>()) {
        let link = encode(&ws);
        let cut = at.index(link.len());
        let _ = decode(&link[..cut]);
        let mut changed: String = link.chars().collect();
        changed.replace_range(cut..(cut + 1).min(link.len()), &c.to_string());
        let _ = decode(&changed);
    }
}

proptest! {
    /// Any fragment at all is a workspace within the bounds or an error, never a panic.
    #[test]
    fn any_fragment_decodes_or_fails_cleanly(fragment in prop_oneof![
        ".{0,200}",
        "v1:[A-Za-z0-9_-]{0,400}",
    ]) {
        if let Ok(ws) = decode(&fragment) {
            prop_assert!(!ws.files.is_empty() && ws.files.len() <= MAX_FILES);
        }
    }

}

#[test]
fn zip_bombs_are_refused_within_the_bound() {
    // Highly compressible data beyond the inflate limit, in a few kilobytes of link.
    for size in [MAX_INFLATED + 1, 4 * MAX_INFLATED] {
        let link = link_of(&vec![b'{'; size]);
        assert!(link.len() < MAX_ENCODED, "{} characters", link.len());
        assert_eq!(decode(&link), Err(ShareError::TooLarge), "{size} bytes");
    }
    // A valid workspace whose one file is larger than the bound once inflated.
    let big = Workspace::new(vec![("buildspec.yml", &"x".repeat(MAX_INFLATED + 1))]);
    assert_eq!(decode(&encode(&big)), Err(ShareError::TooLarge));
}

#[test]
fn cut_short_and_non_base64_fragments_say_so() {
    let link = encode(&Workspace::new(vec![(
        "buildspec.yml",
        "version: 0.2\nphases:\n  build:\n    commands:\n      - make\n",
    )]));
    for cut in 4..link.len() {
        let err = decode(&link[..cut]).expect_err("a cut link");
        assert!(
            matches!(
                err,
                ShareError::Corrupt | ShareError::NotAWorkspace(_) | ShareError::Empty
            ),
            "cut at {cut}: {err:?}"
        );
    }
    for bad in ["v1:abc def", "v1:ab+/cd", "v1:é", "v1:\u{0}", "v1:abc!"] {
        assert_eq!(decode(bad), Err(ShareError::NotBase64), "{bad:?}");
    }
}

#[test]
fn other_versions_are_named() {
    for (fragment, version) in [("v2:abc", "v2:"), ("V1:abc", "V1:"), ("v10:abc", "v10:")] {
        let err = decode(fragment).expect_err("another version");
        assert_eq!(err, ShareError::UnknownVersion(version.to_string()));
        assert!(err.to_string().contains(version));
    }
    assert_eq!(
        decode("v1abc"),
        Err(ShareError::UnknownVersion(String::new()))
    );
    assert_eq!(decode(""), Err(ShareError::UnknownVersion(String::new())));
}

#[test]
fn oversized_and_deeply_nested_workspaces_are_refused() {
    // 100,000 levels of arrays where the files should be.
    let deep = format!(r#"{{"f":{}{}}}"#, "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(
        decode(&link_of(deep.as_bytes())),
        Err(ShareError::NotAWorkspace(_))
    ));
    // Nesting inside a file's scenario is opaque text, not parsed here.
    let files: Vec<String> = (0..MAX_FILES * 4)
        .map(|i| format!(r#"{{"i":{},"n":"f{i}.yml","t":""}}"#, i + 1))
        .collect();
    let many = format!(r#"{{"f":[{}]}}"#, files.join(","));
    assert_eq!(
        decode(&link_of(many.as_bytes())),
        Err(ShareError::TooManyFiles(MAX_FILES * 4))
    );
    // More base64 than a link may hold.
    let long = format!("v1:{}", "A".repeat(MAX_ENCODED + 1));
    assert_eq!(decode(&long), Err(ShareError::TooLarge));
    // Every message says what happened.
    for err in [
        ShareError::TooLarge,
        ShareError::NotBase64,
        ShareError::Corrupt,
        ShareError::TooManyFiles(51),
    ] {
        assert!(!err.to_string().is_empty());
    }
}
