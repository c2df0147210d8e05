//! CP010 invalid-name.

use super::Cx;
use super::helpers::matches_pattern;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::pipeline::model::Text;
use crate::source::tree::shorten;

declare_rule! {
    /// ## What it does
    /// Reports a pipeline, stage or action name that is not 1–100 characters of letters,
    /// digits and `.`, `@`, `-`, `_`; a namespace that is not 1–100 of letters, digits and `@`,
    /// `-`, `_` (no `.`); and a pipeline variable name that is not 1–128 of those.
    ///
    /// ## Why is this bad?
    /// The API model gives these patterns (`[A-Za-z0-9.@\-_]+` for names,
    /// `[A-Za-z0-9@\-_]+` for namespaces and variables) and rejects other names with a
    /// `ValidationException`. Spaces (`Deploy to prod`) are the usual cause; a `.` in a
    /// namespace would make `#{ns.key}` ambiguous.
    ///
    /// ## Example
    /// ```yaml
    /// pipeline:
    ///   name: web
    ///   roleArn: arn:aws:iam::123456789012:role/pipeline
    ///   artifactStore: {type: S3, location: web-artifacts}
    ///   stages:
    ///     - name: Source
    ///       actions:
    ///         - name: Source
    ///           actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "1"}
    ///           configuration: {RepositoryName: web, BranchName: main}
    ///           outputArtifacts: [{name: Src}]
    ///     - name: Build and test
    ///       actions:
    ///         - name: Build
    ///           actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web}
    ///           inputArtifacts: [{name: Src}]
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// pipeline:
    ///   name: web
    ///   roleArn: arn:aws:iam::123456789012:role/pipeline
    ///   artifactStore: {type: S3, location: web-artifacts}
    ///   stages:
    ///     - name: Source
    ///       actions:
    ///         - name: Source
    ///           actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "1"}
    ///           configuration: {RepositoryName: web, BranchName: main}
    ///           outputArtifacts: [{name: Src}]
    ///     - name: Build-and-test
    ///       actions:
    ///         - name: Build
    ///           actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web}
    ///           inputArtifacts: [{name: Src}]
    /// ```
    ///
    /// ## References
    /// - CodePipeline API, `StageDeclaration` and `ActionDeclaration` (name and namespace patterns): <https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionDeclaration.html>
    /// - CodePipeline API, `PipelineVariableDeclaration`: <https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineVariableDeclaration.html>
    code: "CP010", name: "invalid-name", severity: Error
}

fn name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '@' | '-' | '_')
}

fn namespace_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '@' | '-' | '_')
}

fn report(
    out: &mut Vec<Diagnostic>,
    text: Option<&Text>,
    what: &str,
    max: usize,
    allowed: fn(char) -> bool,
    chars: &str,
) {
    let Some(t) = text else { return };
    let Some(value) = t.literal() else { return };
    if matches_pattern(value, max, allowed) {
        return;
    }
    let why = if value.is_empty() {
        "is empty".to_string()
    } else if value.chars().count() > max {
        format!("is longer than {max} characters")
    } else {
        let mut bad: Vec<char> = value.chars().filter(|c| !allowed(*c)).collect();
        bad.dedup();
        bad.truncate(5);
        let list: Vec<String> = bad
            .iter()
            .map(|c| {
                if c.is_whitespace() {
                    "a space".to_string()
                } else {
                    format!("`{c}`")
                }
            })
            .collect();
        format!("contains {}", list.join(", "))
    };
    let fixed: String = value
        .chars()
        .map(|c| if allowed(c) { c } else { '-' })
        .take(max)
        .collect();
    let mut d = RULE
        .at(t.span, format!("{what} `{}` {why}", shorten(value, 60)))
        .with_help(format!("use 1–{max} characters of {chars}"));
    if !value.is_empty() && value.chars().count() <= max {
        d = d.with_help(format!("use 1–{max} characters of {chars}, e.g. `{fixed}`"));
    }
    out.push(d);
}

/// Checks pipeline, stage, action, namespace and variable names.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    const NAME: &str = "letters, digits, `.`, `@`, `-` and `_`";
    const NS: &str = "letters, digits, `@`, `-` and `_`";
    for p in cx.pipelines() {
        report(out, p.name.as_ref(), "pipeline name", 100, name_char, NAME);
        for stage in &p.stages.items {
            report(out, stage.name.as_ref(), "stage name", 100, name_char, NAME);
            for action in &stage.actions.items {
                report(out, action.name.as_ref(), "action name", 100, name_char, NAME);
                report(out, action.namespace.as_ref(), "namespace", 100, namespace_char, NS);
            }
        }
        for v in p.variables.iter().flat_map(|l| &l.items) {
            report(out, v.name.as_ref(), "variable name", 128, namespace_char, NS);
        }
    }
}
