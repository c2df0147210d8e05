//! BS033 runtime-version-not-preinstalled.

use crate::declare_rule;
use super::Cx;
use super::helpers::{checked_runtimes, image, is_version_form};
use crate::buildspec::runtimes::IMAGES;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns when a runtime version is not preinstalled on the chosen image — or, when no image
    /// is chosen, on any of the maintained curated images (`standard:7.0`, `standard:8.0`,
    /// `amazonlinux-x86_64-standard:5.0` and `6.0`, `amazonlinux-aarch64-standard:3.0` and
    /// `4.0`). Choose the image with `--image` on the command line or in the playground's
    /// settings.
    ///
    /// ## Why is this bad?
    /// Since April 2024 the curated images install versions they do not carry at build time, so
    /// this is not an error — but it makes every build slower, and very old versions may no
    /// longer install. Older images failed with "Unknown runtime version named '10' of nodejs".
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   install:
    ///     runtime-versions:
    ///       nodejs: 12
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
    ///       nodejs: 22
    ///   build:
    ///     commands:
    ///       - npm ci
    /// ```
    ///
    /// ## References
    /// - Runtime versions: <https://docs.aws.amazon.com/codebuild/latest/userguide/runtime-versions.html>
    /// - Image contents: aws/aws-codebuild-docker-images, `*/runtimes.yml`
    code: "BS033", name: "runtime-version-not-preinstalled", severity: Warning
}

/// Runtime versions the chosen (or every maintained) image does not have preinstalled.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let image = image(cx);
    for (runtime, node) in checked_runtimes(cx) {
        let Some(scalar) = node.scalar().filter(|s| !s.is_null()) else {
            continue;
        };
        let text = scalar.text.trim();
        if !is_version_form(text) || text == "latest" || text.starts_with('$') {
            continue;
        }
        match image {
            Some((_, Some(img))) => {
                if img.windows {
                    continue;
                }
                let versions = img.versions(runtime).unwrap_or(&[]);
                if !versions.iter().any(|v| version_matches(text, v)) {
                    let have = if versions.is_empty() {
                        format!("it has no {runtime} preinstalled")
                    } else {
                        format!("it has {}", versions.join(", "))
                    };
                    out.push(
                        RULE.at(node.span, format!("{runtime} {text} is not preinstalled on aws/codebuild/{} ({have})", img.id))
                            .with_help("CodeBuild installs it at build time, which slows every build; pick a preinstalled version"),
                    );
                }
            }
            Some((_, None)) => {}
            None => {
                let mut union: Vec<&str> = Vec::new();
                for img in IMAGES.iter().filter(|i| i.maintained) {
                    for v in img.versions(runtime).unwrap_or(&[]) {
                        if !union.contains(v) {
                            union.push(v);
                        }
                    }
                }
                if !union.is_empty() && !union.iter().any(|v| version_matches(text, v)) {
                    out.push(
                        RULE.at(node.span, format!("{runtime} {text} is not preinstalled on the maintained CodeBuild images (they carry {})", union.join(", ")))
                            .with_help("CodeBuild installs it at build time, which slows every build; pick a preinstalled version, or choose your image (`--image`) for an exact check"),
                    );
                }
            }
        }
    }
}

/// Whether `wanted` (as written in the buildspec) selects the preinstalled version `have`.
fn version_matches(wanted: &str, have: &str) -> bool {
    let base = wanted.strip_suffix(".x").unwrap_or(wanted);
    have == base
        || have.starts_with(&format!("{base}."))
        || (base.starts_with(have) && base.get(have.len()..).is_some_and(|r| r.starts_with('.')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching() {
        assert!(version_matches("20", "20"));
        assert!(version_matches("20.x", "20"));
        assert!(version_matches("3.x", "3.12"));
        assert!(version_matches("3", "3.12"));
        assert!(version_matches("3.12.1", "3.12"));
        assert!(!version_matches("3.1", "3.12"));
        assert!(!version_matches("12", "1.24"));
        assert!(version_matches("corretto17.x", "corretto17"));
        assert!(!version_matches("corretto1", "corretto17"));
    }
}
