//! `runtime-versions`: where it may appear, runtime names and versions.

use crate::buildspec::Ctx;
use crate::buildspec::runtimes::{IMAGES, Image, RUNTIME_NAMES, find_image};
use crate::declare_rule;
use crate::schema::Checker;
use crate::source::{Node, ScalarKind, Span, Style};
use crate::suggest::did_you_mean;

declare_rule! {
    /// ## What it does
    /// Warns about `runtime-versions` in a phase other than `install`.
    ///
    /// ## Why is this bad?
    /// CodeBuild reads `runtime-versions` only under `install`; anywhere else it is an unknown
    /// key that CodeBuild ignores, so the runtime you asked for is not selected and the build
    /// runs with the image's default.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     runtime-versions:
    ///       nodejs: 20
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
    /// - Buildspec syntax, `phases/install/runtime-versions`: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax>
    pub static MISPLACED_RUNTIME_VERSIONS = { code: "BS030", name: "misplaced-runtime-versions", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Reports a `runtime-versions` section with no runtime in it.
    ///
    /// ## Why is this bad?
    /// The reference says: "If specified, at least one runtime must be included in this
    /// section."
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   install:
    ///     runtime-versions:
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
    ///     commands:
    ///       - npm ci
    /// ```
    ///
    /// ## References
    /// - Buildspec syntax, `runtime-versions`: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax>
    pub static EMPTY_RUNTIME_VERSIONS = { code: "BS031", name: "empty-runtime-versions", severity: Error };
}

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
    pub static UNKNOWN_RUNTIME = { code: "BS032", name: "unknown-runtime", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Warns when a runtime version is not preinstalled on the chosen image — or, when no image
    /// is chosen, on any of the maintained curated images (`standard:7.0`, `standard:8.0`,
    /// `amazonlinux-x86_64-standard:5.0`). Choose the image with `--image` on the command line or
    /// in the playground's settings.
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
    pub static RUNTIME_VERSION_NOT_PREINSTALLED = { code: "BS033", name: "runtime-version-not-preinstalled", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Warns about a runtime version that is not one of the documented forms (`20`, `3.12`,
    /// `20.x`, `corretto17`, `latest`, `$VARIABLE`), and about unquoted versions such as `3.10`
    /// that YAML 1.2 readers turn into a different number (3.1).
    ///
    /// ## Why is this bad?
    /// CodeBuild matches the text against the versions it knows; `>=18` or `18.x.x` match
    /// nothing. `python: 3.10` works in CodeBuild, which keeps the text, but every tool that
    /// reads the file as YAML 1.2 (linters, CDK, scripts) sees `3.1`. Quote such versions.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   install:
    ///     runtime-versions:
    ///       python: 3.10
    ///   build:
    ///     commands:
    ///       - pytest
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   install:
    ///     runtime-versions:
    ///       python: "3.10"
    ///   build:
    ///     commands:
    ///       - pytest
    /// ```
    ///
    /// ## References
    /// - Runtime versions, value forms: <https://docs.aws.amazon.com/codebuild/latest/userguide/runtime-versions.html>
    pub static MALFORMED_RUNTIME_VERSION = { code: "BS034", name: "malformed-runtime-version", severity: Warning };
}

/// `runtime-versions` outside `install` (BS030).
pub(crate) fn check_misplaced_runtime_versions(_node: &Node, anchor: Span, c: &mut Checker<'_>) {
    let phase = c.path();
    let phase = phase.trim_end_matches(".runtime-versions");
    c.push(
        MISPLACED_RUNTIME_VERSIONS
            .at(
                anchor,
                format!("`runtime-versions` in `{phase}` is ignored"),
            )
            .with_help(
                "CodeBuild reads `runtime-versions` only under `phases.install`; move it there",
            ),
    );
}

/// BS031–BS034 on `phases.install.runtime-versions`.
pub(crate) fn runtime_versions(cx: &mut Ctx<'_>) {
    let Some(pair) = cx
        .root
        .get("phases")
        .and_then(|p| p.get("install"))
        .and_then(|i| i.entry("runtime-versions"))
    else {
        return;
    };
    let node = &pair.value;
    if node.is_invalid() {
        return;
    }
    if node.is_null()
        || node
            .map()
            .is_some_and(|m| m.entries.is_empty() && m.complete)
    {
        cx.push(
            EMPTY_RUNTIME_VERSIONS
                .at(pair.key.span, "`runtime-versions` lists no runtime")
                .with_help("add at least one runtime, such as `nodejs: 22`, or remove the section"),
        );
        return;
    }
    let Some(map) = node.map() else {
        cx.push(
            crate::buildspec::rules::structure::INVALID_TYPE
                .at(node.span, format!("`phases.install.runtime-versions` must be a mapping of runtime names to versions, found {}", node.describe())),
        );
        return;
    };
    let image = cx.options.image.as_deref().map(|id| (id, find_image(id)));
    for entry in &map.entries {
        let Some(name) = entry.key_str() else {
            continue;
        };
        if let Some(d) = legacy_runtime(name, entry.key.span, image) {
            cx.push(d);
            continue;
        }
        if !RUNTIME_NAMES.contains(&name) {
            let mut d = UNKNOWN_RUNTIME.at(entry.key.span, format!("unknown runtime `{name}`"));
            if let Some(s) =
                did_you_mean(name, RUNTIME_NAMES.iter().copied()).or_else(|| alias(name))
            {
                d = d
                    .with_help(format!(
                        "did you mean `{s}`? runtimes: {}",
                        RUNTIME_NAMES.join(", ")
                    ))
                    .with_fix(format!("rename to `{s}`"), entry.key.span, s);
            } else {
                d = d.with_help(format!("runtimes: {}", RUNTIME_NAMES.join(", ")));
            }
            cx.push(d);
            continue;
        }
        check_version(cx, name, &entry.value, image);
    }
}

/// `docker` and `android` are runtimes only on old images: an error on a chosen image without
/// them, a warning when no image is chosen.
fn legacy_runtime(
    name: &str,
    span: Span,
    image: Option<(&str, Option<&'static Image>)>,
) -> Option<crate::diagnostic::Diagnostic> {
    if !matches!(name, "docker" | "android") {
        return None;
    }
    let holders: Vec<&str> = IMAGES
        .iter()
        .filter(|i| i.versions(name).is_some())
        .map(|i| i.id)
        .collect();
    let advice = if name == "docker" {
        "Docker is preinstalled on current images: remove this entry (and enable privileged mode to run the daemon)"
    } else {
        "remove this entry; current images do not offer the Android runtime"
    };
    match image {
        Some((_, Some(img))) if img.versions(name).is_some() => None,
        Some((id, Some(_))) => Some(
            UNKNOWN_RUNTIME
                .at(span, format!("`{name}` is not a runtime on {id}: the build fails with \"Unknown runtime named '{name}'\""))
                .with_help(advice),
        ),
        Some((_, None)) => None,
        None => {
            let on = if holders.is_empty() { "only retired images".to_string() } else { holders.join(", ") };
            Some(
                UNKNOWN_RUNTIME
                    .at(span, format!("`{name}` is a runtime only on older images ({on}); the maintained images fail with \"Unknown runtime named '{name}'\""))
                    .with_severity(crate::diagnostic::Severity::Warning)
                    .with_help(advice),
            )
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

fn check_version(
    cx: &mut Ctx<'_>,
    runtime: &str,
    node: &Node,
    image: Option<(&str, Option<&'static Image>)>,
) {
    let Some(scalar) = node.scalar() else {
        if !node.is_invalid() {
            cx.push(crate::buildspec::rules::structure::INVALID_TYPE.at(
                node.span,
                format!(
                    "the version of `{runtime}` must be a single value, found {}",
                    node.describe()
                ),
            ));
        }
        return;
    };
    if scalar.is_null() {
        cx.push(
            MALFORMED_RUNTIME_VERSION
                .at(node.span, format!("no version given for `{runtime}`"))
                .with_help("give a version such as `22`, `22.x` or `latest`"),
        );
        return;
    }
    let text = scalar.text.trim();
    if scalar.style == Style::Plain
        && scalar.kind() == ScalarKind::Float
        && scalar.number().is_some_and(|n| format_number(n) != text)
    {
        let shown = scalar.number().map(format_number).unwrap_or_default();
        cx.push(
            MALFORMED_RUNTIME_VERSION
                .at(
                    node.span,
                    format!("`{text}` is the number {shown} to YAML 1.2 readers"),
                )
                .with_help(format!(
                    "quote the version (`\"{text}\"`) so every tool reads it as written"
                ))
                .with_fix("quote the version", node.span, format!("\"{text}\"")),
        );
    }
    if !is_version_form(text) {
        cx.push(
            MALFORMED_RUNTIME_VERSION
                .at(node.span, format!("`{text}` is not a runtime version form CodeBuild documents"))
                .with_help("write a version (`22`, `3.12`, `corretto21`), a major version with `.x` (`22.x`), `latest`, or a `$VARIABLE`"),
        );
        return;
    }
    if text == "latest" || text.starts_with('$') {
        return;
    }
    match image {
        Some((_, Some(img))) => {
            if img.windows {
                return;
            }
            let versions = img.versions(runtime).unwrap_or(&[]);
            if !versions.iter().any(|v| version_matches(text, v)) {
                let have = if versions.is_empty() {
                    format!("it has no {runtime} preinstalled")
                } else {
                    format!("it has {}", versions.join(", "))
                };
                cx.push(
                    RUNTIME_VERSION_NOT_PREINSTALLED
                        .at(node.span, format!("{runtime} {text} is not preinstalled on aws/codebuild/{} ({have})", img.id))
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
                cx.push(
                    RUNTIME_VERSION_NOT_PREINSTALLED
                        .at(node.span, format!("{runtime} {text} is not preinstalled on the maintained CodeBuild images (they carry {})", union.join(", ")))
                        .with_help("CodeBuild installs it at build time, which slows every build; pick a preinstalled version, or choose your image (`--image`) for an exact check"),
                );
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

fn is_version_form(text: &str) -> bool {
    if text == "latest" {
        return true;
    }
    if let Some(var) = text.strip_prefix('$') {
        let var = var
            .strip_prefix('{')
            .and_then(|v| v.strip_suffix('}'))
            .unwrap_or(var);
        return !var.is_empty() && var.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    }
    let body = text.strip_suffix(".x").unwrap_or(text);
    let digits_start = body.find(|c: char| c.is_ascii_digit());
    let Some(start) = digits_start else {
        return false;
    };
    let (prefix, numbers) = body.split_at(start);
    prefix.bytes().all(|b| b.is_ascii_alphabetic())
        && numbers
            .split('.')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

fn format_number(n: f64) -> String {
    let s = format!("{n}");
    if s.contains('.') || s.contains("inf") || s.contains("NaN") {
        s
    } else {
        format!("{s}.0")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        for ok in [
            "20",
            "20.x",
            "3.12",
            "corretto17",
            "corretto17.x",
            "latest",
            "$MY_VAR",
            "${X}",
            "1.26",
        ] {
            assert!(is_version_form(ok), "{ok}");
        }
        for bad in [">=18", "18.x.x", "lts", "$", "3..1", "v"] {
            assert!(!is_version_form(bad), "{bad}");
        }
    }

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

    #[test]
    fn float_trap_format() {
        assert_eq!(format_number(3.1), "3.1");
        assert_eq!(format_number(8.0), "8.0");
    }
}
