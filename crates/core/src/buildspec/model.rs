//! The buildspec as its users (and the other kinds' cross-checks) need it: the version, the
//! phases and the artifacts, read from the tree with their spans. Lenient: what cannot be read is
//! left out, and the rules say why.

use super::rules::helpers::PHASE_NAMES;
use crate::source::{Node, Span, Spanned};

/// The buildspec format version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    /// `0.1`: `environment_variables`, one shell per command.
    V01,
    /// `0.2`: `env`, one shell for the whole build.
    V02,
}

/// A lowered buildspec.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Buildspec {
    /// The version, when it is 0.1 or 0.2.
    pub version: Option<Version>,
    /// The phases CodeBuild runs, in the order it runs them.
    pub phases: Vec<Phase>,
    /// The primary artifact's `files` patterns.
    pub artifact_files: Vec<Spanned<String>>,
    /// The variables exported to CodePipeline (`env.exported-variables`).
    pub exported_variables: Vec<Spanned<String>>,
}

/// One build phase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phase {
    /// `install`, `pre_build`, `build` or `post_build`.
    pub name: &'static str,
    /// The phase's key.
    pub span: Span,
}

/// Lowers the tree.
pub(crate) fn lower(root: &Node) -> Buildspec {
    let phases = root.get("phases");
    Buildspec {
        version: version_of(root),
        phases: PHASE_NAMES
            .iter()
            .filter_map(|name| {
                let pair = phases?.entry(name)?;
                Some(Phase {
                    name,
                    span: pair.key.span,
                })
            })
            .collect(),
        artifact_files: strings(root.get("artifacts").and_then(|a| a.get("files"))),
        exported_variables: strings(root.get("env").and_then(|e| e.get("exported-variables"))),
    }
}

/// The strings of a list (or of a single scalar written where a list belongs).
fn strings(node: Option<&Node>) -> Vec<Spanned<String>> {
    let Some(node) = node else {
        return Vec::new();
    };
    let items = if node.scalar().is_some() {
        std::slice::from_ref(node)
    } else {
        node.items()
    };
    items
        .iter()
        .filter_map(|n| {
            Some(Spanned {
                value: n.as_str()?.to_string(),
                span: n.span,
            })
        })
        .collect()
}

fn version_of(root: &Node) -> Option<Version> {
    let v = root.get("version")?.scalar()?;
    let text = v.text.trim();
    if text == "0.1" || (v.number() == Some(0.1)) {
        Some(Version::V01)
    } else if text == "0.2" || (v.number() == Some(0.2)) {
        Some(Version::V02)
    } else {
        None
    }
}
