//! `--format sarif`: SARIF 2.1.0 for code scanning (GitHub's `upload-sarif`, IDE viewers), built
//! from `serde-sarif`'s typed objects.
//!
//! One run of one tool, `cicd`, whose driver lists every rule (id, name, short and full
//! description, default level, help and help URI). Regions are 1-based with columns counted in
//! Unicode code points (the run says so in `columnKind`), end columns exclusive: the same
//! positions as `--format json`. A label is a related location in the same file; a finding that
//! relates files has related locations in the other files. A fix becomes one replacement of the
//! range it changes.

use std::collections::HashMap;

use anyhow::Result;
use cicd_core::diagnostic::{DOCS_BASE_URL, Diagnostic, FileLabel, Related};
use cicd_core::rule::Rule;
use cicd_core::{Severity, Span, registry};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde_sarif::sarif;

use crate::Checked;
use crate::output::{Placer, in_order};

/// Where the SARIF 2.1.0 schema is published (the log's `$schema`).
const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// What the tool is; the rule pages live below it.
const INFORMATION_URI: &str = "https://cicd-playground.dev/";

/// The SARIF log of the files checked together.
pub(crate) fn sarif(files: &[Checked], related: &[Related]) -> Result<String> {
    let rules = registry::all();
    let index: HashMap<&str, usize> = rules.iter().enumerate().map(|(i, r)| (r.code, i)).collect();
    let placer = Placer::new(files);
    let results: Vec<sarif::Result> = in_order(files, related)
        .into_iter()
        .map(|(file, d, elsewhere)| result(&placer, files, file, d, elsewhere, &index))
        .collect();
    let driver = sarif::ToolComponent::builder()
        .name("cicd")
        .full_name("CI/CD Playground checks for AWS CI/CD configuration")
        .information_uri(INFORMATION_URI)
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .rules(rules.iter().map(|r| descriptor(r)).collect::<Vec<_>>())
        .build();
    let run = sarif::Run::builder()
        .tool(sarif::Tool::builder().driver(driver).build())
        .column_kind(serde_json::json!("unicodeCodePoints"))
        .invocations(vec![
            sarif::Invocation::builder()
                .execution_successful(true)
                .build(),
        ])
        .results(results)
        .build();
    let log = sarif::Sarif::builder()
        .schema(SCHEMA)
        .version(serde_json::json!("2.1.0"))
        .runs(vec![run])
        .build();
    Ok(serde_json::to_string_pretty(&log)? + "\n")
}

/// A rule as SARIF describes it.
fn descriptor(rule: &Rule) -> sarif::ReportingDescriptor {
    let summary = rule.summary();
    let full = what_it_does(rule);
    let page = registry::page(rule);
    // The kind the rule checks (`source` for the readers' rules shared by every kind).
    let tags = vec![
        registry::kind_of(rule.code)
            .map_or("source", |k| k.id())
            .to_string(),
    ];
    sarif::ReportingDescriptor::builder()
        .id(rule.code)
        .name(rule.name)
        .short_description(text(if summary.is_empty() {
            rule.name.to_string()
        } else {
            summary.clone()
        }))
        .full_description(text(if full.is_empty() { summary } else { full }))
        .help(
            sarif::MultiformatMessageString::builder()
                .text(page.clone())
                .markdown(page)
                .build(),
        )
        .help_uri(format!("{DOCS_BASE_URL}{}", rule.code))
        .default_configuration(
            sarif::ReportingConfiguration::builder()
                .level(serde_json::json!(level(rule.severity)))
                .build(),
        )
        .properties(sarif::PropertyBag::builder().tags(tags).build())
        .build()
}

/// The paragraphs of the rule's "What it does" section, as one text.
fn what_it_does(rule: &Rule) -> String {
    let md = rule.markdown();
    let body = md
        .split("## What it does")
        .nth(1)
        .unwrap_or("")
        .split("\n## ")
        .next()
        .unwrap_or("");
    body.trim()
        .split("\n\n")
        .map(|para| para.lines().map(str::trim).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn text(s: impl Into<String>) -> sarif::MultiformatMessageString {
    sarif::MultiformatMessageString::builder().text(s).build()
}

fn message(s: impl Into<String>) -> sarif::Message {
    sarif::Message::builder().text(s).build()
}

/// One finding: its rule, level, message (with its help), primary location, related locations
/// and fix.
fn result(
    placer: &Placer<'_>,
    files: &[Checked],
    file: usize,
    d: &Diagnostic,
    elsewhere: &[FileLabel],
    index: &HashMap<&str, usize>,
) -> sarif::Result {
    let mut text = d.message.clone();
    if let Some(help) = &d.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    let related: Vec<sarif::Location> = d
        .labels
        .iter()
        .map(|l| (file, l.span, l.message.as_str()))
        .chain(
            elsewhere
                .iter()
                .map(|l| (l.file, l.span, l.message.as_str())),
        )
        .enumerate()
        .map(|(id, (f, span, msg))| {
            sarif::Location::builder()
                .id(id as i64)
                .physical_location(physical(placer, f, span))
                .message(message(msg))
                .build()
        })
        .collect();
    let fixes: Vec<sarif::Fix> = d
        .fix
        .as_ref()
        .and_then(|fix| {
            let source = files.get(file).map_or("", |f| f.text.as_str());
            let whole = fix.as_one_edit(source)?;
            let replacement = sarif::Replacement::builder()
                .deleted_region(region(placer, file, whole.span))
                .inserted_content(
                    sarif::ArtifactContent::builder()
                        .text(whole.replacement)
                        .build(),
                )
                .build();
            let change = sarif::ArtifactChange::builder()
                .artifact_location(artifact(placer, file))
                .replacements(vec![replacement])
                .build();
            Some(
                sarif::Fix::builder()
                    .description(message(fix.title.clone()))
                    .artifact_changes(vec![change])
                    .build(),
            )
        })
        .into_iter()
        .collect();
    let mut result = sarif::Result::builder()
        .rule_id(d.code)
        .level(match d.severity {
            Severity::Error => sarif::ResultLevel::Error,
            Severity::Warning => sarif::ResultLevel::Warning,
            Severity::Info => sarif::ResultLevel::Note,
        })
        .message(message(text))
        .locations(vec![
            sarif::Location::builder()
                .physical_location(physical(placer, file, d.span))
                .build(),
        ])
        .build();
    result.rule_index = index.get(d.code).map(|&i| i as i64);
    result.related_locations = (!related.is_empty()).then_some(related);
    result.fixes = (!fixes.is_empty()).then_some(fixes);
    result
}

fn physical(placer: &Placer<'_>, file: usize, span: Span) -> sarif::PhysicalLocation {
    sarif::PhysicalLocation::builder()
        .artifact_location(artifact(placer, file))
        .region(region(placer, file, span))
        .build()
}

/// 1-based lines and columns (Unicode code points, as the run's `columnKind` says); the end
/// column is the one just past the region, as SARIF defines `endColumn`.
fn region(placer: &Placer<'_>, file: usize, span: Span) -> sarif::Region {
    let (start, end) = placer.range(file, span);
    sarif::Region::builder()
        .start_line(i64::from(start.line))
        .start_column(i64::from(start.column))
        .end_line(i64::from(end.line))
        .end_column(i64::from(end.column))
        .build()
}

fn artifact(placer: &Placer<'_>, file: usize) -> sarif::ArtifactLocation {
    sarif::ArtifactLocation::builder()
        .uri(uri(placer.name(file)))
        .build()
}

/// What a path may keep unescaped in a URI: unreserved characters and `/`.
const PATH: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

/// The URI of a file as given on the command line: a relative reference for a relative path
/// (code scanning resolves it against the repository's root), a `file://` URI for an absolute
/// one.
pub(crate) fn uri(path: &str) -> String {
    let windows = std::path::MAIN_SEPARATOR == '\\';
    let path = if windows {
        path.replace('\\', "/")
    } else {
        path.to_string()
    };
    let mut rest = path.as_str();
    while let Some(r) = rest.strip_prefix("./") {
        rest = r;
    }
    let encoded = utf8_percent_encode(rest, PATH).to_string();
    if rest.starts_with('/') {
        format!("file://{encoded}")
    } else if windows && rest.as_bytes().get(1) == Some(&b':') {
        // A Windows drive path (`C:/work/buildspec.yml`).
        let (drive, tail) = rest.split_at(2);
        format!("file:///{drive}{}", utf8_percent_encode(tail, PATH))
    } else {
        encoded
    }
}
