//! BS032 unknown-runtime.

use crate::declare_rule;
use super::Cx;
use super::helpers::{Legacy, image, legacy_runtime, runtime_versions};
use crate::buildspec::runtimes::RUNTIME_NAMES;
use crate::source::edit;
use crate::diagnostic::{Diagnostic, Severity};
use crate::suggest::did_you_mean;

declare_rule! {
    /// ## What it does
    /// Reports a runtime name CodeBuild does not know, such as `node` for `nodejs` or `go` for
    /// `golang`.
    ///
    /// ## Why is this bad?
    /// The build fails in DOWNLOAD_SOURCE, before any command runs: `YAML_FILE_ERROR Message:
    /// Unknown runtime named 'node'. This build image has the following runtimes: dotnet,
    /// golang, java, nodejs, php, python, ruby`. (On custom images, which do not support runtime
    /// selection, CodeBuild skips the section with a warning instead.)
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   install:
    ///     runtime-versions:
    ///       node: 20
    ///   build:
    ///     commands:
    ///       - npm ci
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   install:
    ///     runtime-versions:
    ///       nodejs: 20
    ///   build:
    ///     commands:
    ///       - npm ci
    /// ```
    ///
    /// ## References
    /// - Available runtimes: <https://docs.aws.amazon.com/codebuild/latest/userguide/available-runtimes.html>
    /// - Real reports of the error: awslabs/open-data-registry issue #1082, aws/aws-codebuild-docker-images issue #617
    code: "BS032", name: "unknown-runtime", severity: Error
}

/// Runtime names CodeBuild does not know (or knows only on some images).
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(map) = runtime_versions(cx).and_then(|p| p.value.map()) else {
        return;
    };
    let image = image(cx);
    for entry in &map.entries {
        let Some(name) = entry.key_str() else {
            continue;
        };
        let span = entry.key.span;
        let advice = if name == "docker" {
            "Docker is preinstalled on current images: remove this entry (and enable privileged mode to run the daemon)"
        } else {
            "remove this entry; current images do not offer the Android runtime"
        };
        // The entry can only fail the build: removing it is the whole correction.
        let remove = || edit::remove_entry_at(cx.text, cx.root, span, 1);
        match legacy_runtime(name, image) {
            Some(Legacy::NotOnImage(id)) => {
                out.push(
                    RULE.at(span, format!("`{name}` is not a runtime on {id}: the build fails with \"Unknown runtime named '{name}'\""))
                        .with_help(advice)
                        .with_edits(format!("remove `{name}`"), remove()),
                );
                continue;
            }
            Some(Legacy::OnlySomeImages(on)) => {
                out.push(
                    RULE.at(span, format!("`{name}` is a runtime only on some images ({on}); the others fail with \"Unknown runtime named '{name}'\""))
                        .with_severity(Severity::Warning)
                        .with_help(advice)
                        .with_edits(format!("remove `{name}`"), remove()),
                );
                continue;
            }
            None => {}
        }
        if !RUNTIME_NAMES.contains(&name) {
            let mut d = RULE.at(span, format!("unknown runtime `{name}`"));
            if let Some(s) =
                did_you_mean(name, RUNTIME_NAMES.iter().copied()).or_else(|| alias(name))
            {
                d = d
                    .with_help(format!(
                        "did you mean `{s}`? runtimes: {}",
                        RUNTIME_NAMES.join(", ")
                    ))
                    .with_edits(
                        format!("rename to `{s}`"),
                        // With `{s}` listed too, which version is meant is for a person to say.
                        (map.get(s).is_none())
                            .then(|| vec![edit::rewrite_scalar(cx.text, span, s)]),
                    );
            } else {
                d = d.with_help(format!("runtimes: {}", RUNTIME_NAMES.join(", ")));
            }
            out.push(d);
        }
    }
}

/// Common spellings that edit distance does not catch.
fn alias(name: &str) -> Option<&'static str> {
    match name.to_ascii_lowercase().as_str() {
        "node" | "node.js" | "nodejs18" | "nodejs20" | "nodejs22" | "npm" => Some("nodejs"),
        "go" => Some("golang"),
        "py" | "python3" => Some("python"),
        "jdk" | "corretto" | "openjdk" => Some("java"),
        "net" | ".net" | "dotnetcore" => Some("dotnet"),
        _ => None,
    }
}
