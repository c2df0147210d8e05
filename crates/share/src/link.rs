//! Workspaces in URLs, without a backend: JSON → raw DEFLATE → base64url, behind a version
//! prefix, in the `#` fragment (`#v1:…`). Decoding is bounded and every failure has a message.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::workspace::{MAX_FILES, Workspace};

/// The version prefix of links this build writes.
pub const PREFIX: &str = "v1:";
/// Longest fragment accepted (base64 characters), about 1.5 MB of compressed data.
pub const MAX_ENCODED: usize = 2 * 1024 * 1024;
/// Largest workspace JSON accepted after inflating.
pub const MAX_INFLATED: usize = 2 * 1024 * 1024;
/// Links longer than this may be cut by chat apps and browsers; offer a download instead.
pub const LONG_LINK: usize = 8 * 1024;

/// Why a link could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The fragment is empty after the prefix.
    Empty,
    /// A version prefix this build does not know (`v9:`), or none at all.
    UnknownVersion(String),
    /// Characters outside base64url.
    NotBase64,
    /// The compressed data is cut short or corrupt.
    Corrupt,
    /// The data is larger than the bounds.
    TooLarge,
    /// The data is not a workspace.
    NotAWorkspace(String),
    /// More files than a workspace may hold.
    TooManyFiles(usize),
    /// The browser has no decompressor for links (`DecompressionStream("deflate-raw")`).
    Unsupported,
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::Empty => write!(f, "the link holds no workspace"),
            ShareError::UnknownVersion(v) if v.is_empty() => {
                write!(f, "the link does not start with a version such as `v1:`")
            }
            ShareError::UnknownVersion(v) => {
                write!(
                    f,
                    "the link was made by another version of the playground (`{v}`); this one reads `v1:` links"
                )
            }
            ShareError::NotBase64 => {
                write!(
                    f,
                    "the link contains characters that do not belong in it; was it copied completely?"
                )
            }
            ShareError::Corrupt => {
                write!(f, "the link is cut short or damaged; copy it again in full")
            }
            ShareError::TooLarge => write!(f, "the link holds more data than the playground opens"),
            ShareError::NotAWorkspace(why) => {
                write!(f, "the link does not hold a workspace ({why})")
            }
            ShareError::Unsupported => write!(
                f,
                "this browser cannot open share links (it has no `DecompressionStream`); open it in a current Chrome, Edge, Firefox or Safari"
            ),
            ShareError::TooManyFiles(n) => {
                write!(
                    f,
                    "the link holds {n} files; the playground opens at most {MAX_FILES}"
                )
            }
        }
    }
}

/// Encodes a workspace as a fragment (without `#`).
///
/// The playground does not call this: its first-paint module leaves the DEFLATE encoder out
/// (≈ 20 KB of wasm) and compresses [`payload`] with the browser's `CompressionStream
/// ("deflate-raw")` instead, then finishes the link with [`fragment`]. Any raw DEFLATE stream
/// decodes the same, so links from either encoder open everywhere.
pub fn encode(workspace: &Workspace) -> String {
    let compressed = miniz_oxide::deflate::compress_to_vec(&payload(workspace), 10);
    fragment(&compressed)
}

/// What a link compresses: the workspace as compact JSON.
pub fn payload(workspace: &Workspace) -> Vec<u8> {
    crate::json::to_json(workspace, false).into_bytes()
}

/// The fragment (without `#`) of a link holding `compressed`, the raw DEFLATE stream of a
/// [`payload`].
pub fn fragment(compressed: &[u8]) -> String {
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(compressed))
}

/// Decodes a fragment (with or without its `#`).
///
/// The playground's first-paint module leaves the DEFLATE decoder out too: it takes the bytes
/// from [`compressed`], inflates them with the browser's `DecompressionStream("deflate-raw")`
/// (stopping at [`MAX_INFLATED`]) and finishes with [`from_inflated`].
pub fn decode(fragment: &str) -> Result<Workspace, ShareError> {
    let compressed = compressed(fragment)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, MAX_INFLATED)
        .map_err(|e| {
            if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
                ShareError::TooLarge
            } else {
                ShareError::Corrupt
            }
        })?;
    from_inflated(json)
}

/// The raw DEFLATE stream a fragment (with or without its `#`) carries, checked for its version,
/// its alphabet and its length.
pub fn compressed(fragment: &str) -> Result<Vec<u8>, ShareError> {
    let fragment = fragment
        .trim()
        .trim_start_matches('#')
        .replace("%3A", ":")
        .replace("%3a", ":");
    let Some((version, payload)) = fragment.split_once(':') else {
        return Err(ShareError::UnknownVersion(String::new()));
    };
    if format!("{version}:") != PREFIX {
        return Err(ShareError::UnknownVersion(format!("{version}:")));
    }
    let payload = payload.trim_end_matches('=');
    if payload.is_empty() {
        return Err(ShareError::Empty);
    }
    if payload.len() > MAX_ENCODED {
        return Err(ShareError::TooLarge);
    }
    URL_SAFE_NO_PAD.decode(payload).map_err(|e| match e {
        base64::DecodeError::InvalidByte(..) => ShareError::NotBase64,
        // A wrong length or last symbol means the link was cut.
        _ => ShareError::Corrupt,
    })
}

/// The workspace of a link's inflated bytes (at most [`MAX_INFLATED`] of them).
pub fn from_inflated(json: Vec<u8>) -> Result<Workspace, ShareError> {
    if json.len() > MAX_INFLATED {
        return Err(ShareError::TooLarge);
    }
    let json =
        String::from_utf8(json).map_err(|_| ShareError::NotAWorkspace("not UTF-8 text".into()))?;
    let workspace = crate::json::from_json(&json).map_err(ShareError::NotAWorkspace)?;
    if workspace.files.len() > MAX_FILES {
        return Err(ShareError::TooManyFiles(workspace.files.len()));
    }
    if workspace.files.is_empty() {
        return Err(ShareError::Empty);
    }
    Ok(workspace.normalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Workspace {
        Workspace::new(vec![
            (
                "buildspec.yml",
                "version: 0.2\nphases:\n  build:\n    commands:\n      - echo \"héllo 😀\"\n",
            ),
            ("trust.json", "{\"Version\": \"2012-10-17\"}"),
        ])
    }

    #[test]
    fn round_trip() {
        let mut ws = sample();
        ws.selected = 1;
        ws.settings.image = Some("aws/codebuild/standard:7.0".into());
        let link = encode(&ws);
        assert!(link.starts_with("v1:"));
        assert!(
            link.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_:".contains(&b))
        );
        assert_eq!(decode(&link), Ok(ws.clone()));
        assert_eq!(decode(&format!("#{link}")), Ok(ws.clone()));
        assert_eq!(decode(&link.replace(':', "%3A")), Ok(ws));
    }

    #[test]
    fn every_failure_has_its_error() {
        let link = encode(&sample());
        assert_eq!(
            decode("v9:abc"),
            Err(ShareError::UnknownVersion("v9:".into()))
        );
        assert_eq!(
            decode("hello"),
            Err(ShareError::UnknownVersion(String::new()))
        );
        assert_eq!(decode("v1:"), Err(ShareError::Empty));
        assert_eq!(decode("v1:***"), Err(ShareError::NotBase64));
        for cut in [link.len() / 2, link.len() / 2 + 1, link.len() - 1] {
            assert_eq!(
                decode(&link[..cut]),
                Err(ShareError::Corrupt),
                "cut at {cut}"
            );
        }
        let not_json = format!(
            "v1:{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(b"hello", 6))
        );
        assert!(matches!(
            decode(&not_json),
            Err(ShareError::NotAWorkspace(_))
        ));
        let no_files = format!(
            "v1:{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(br#"{"f":[]}"#, 6))
        );
        assert_eq!(decode(&no_files), Err(ShareError::Empty));
    }

    #[test]
    fn bounds_hold() {
        // A tiny link that inflates to more than the limit (a "zip bomb").
        let bomb = vec![b' '; MAX_INFLATED + 10];
        let link = format!(
            "v1:{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&bomb, 10))
        );
        assert!(link.len() < 20_000);
        assert_eq!(decode(&link), Err(ShareError::TooLarge));
        let many: Vec<(String, String)> = (0..MAX_FILES + 1)
            .map(|i| (format!("f{i}.yml"), String::new()))
            .collect();
        let ws = Workspace::new(many.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect());
        assert_eq!(
            decode(&encode(&ws)),
            Err(ShareError::TooManyFiles(MAX_FILES + 1))
        );
        let huge = "A".repeat(MAX_ENCODED + 1);
        assert_eq!(decode(&format!("v1:{huge}")), Err(ShareError::TooLarge));
    }

    #[test]
    fn messages_are_readable() {
        assert!(ShareError::Corrupt.to_string().contains("cut short"));
        assert!(
            ShareError::UnknownVersion("v2:".into())
                .to_string()
                .contains("v2:")
        );
    }
}
