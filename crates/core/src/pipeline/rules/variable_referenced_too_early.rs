//! CP063 variable-referenced-too-early.

use std::collections::HashMap;

use super::Cx;
use super::helpers::{sub_span, variable_refs};
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::pipeline::model::{Action, Stage};

declare_rule! {
    /// ## What it does
    /// Reports a `#{namespace.variable}` reference to an action that does not run before the
    /// referring action: in a later stage, in the same stage with the same or a higher
    /// `runOrder`, or the action itself.
    ///
    /// ## Why is this bad?
    /// An action's output variables exist only once it has run, and references are resolved
    /// when the referring action starts; "a variable can be used only by actions that run after
    /// the action that produces it". The pipeline update is rejected.
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
    ///     - name: Build
    ///       actions:
    ///         - name: Version
    ///           namespace: VersionVars
    ///           actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web-version}
    ///           inputArtifacts: [{name: Src}]
    ///         - name: Build
    ///           actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration:
    ///             ProjectName: web
    ///             EnvironmentVariables: '[{"name":"VERSION","value":"#{VersionVars.VERSION}","type":"PLAINTEXT"}]'
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
    ///     - name: Build
    ///       actions:
    ///         - name: Version
    ///           namespace: VersionVars
    ///           runOrder: 1
    ///           actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web-version}
    ///           inputArtifacts: [{name: Src}]
    ///         - name: Build
    ///           runOrder: 2
    ///           actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration:
    ///             ProjectName: web
    ///             EnvironmentVariables: '[{"name":"VERSION","value":"#{VersionVars.VERSION}","type":"PLAINTEXT"}]'
    ///           inputArtifacts: [{name: Src}]
    /// ```
    ///
    /// ## References
    /// - Variables reference ("configure the consuming action to run after the producing action"): <https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-variables.html>
    code: "CP063", name: "variable-referenced-too-early", severity: Error
}

/// Reports references to namespaces whose action does not run before the referrer.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        // The first action declaring each namespace.
        let mut namespaces: HashMap<&str, (&Stage, &Action)> = HashMap::new();
        for (stage, action) in p.actions() {
            if let Some(ns) = action.namespace.as_ref().and_then(|n| n.literal()) {
                namespaces.entry(ns).or_insert((stage, action));
            }
        }
        for (stage, action) in p.actions() {
            let order = action.run_order();
            for entry in action.configuration.iter().flat_map(|c| &c.items) {
                let Some(s) = entry.value.literal() else { continue };
                for r in variable_refs(s) {
                    let Some(&(pstage, producer)) = namespaces.get(r.namespace) else {
                        continue;
                    };
                    let before = if pstage.index != stage.index {
                        pstage.index < stage.index
                    } else {
                        match (producer.run_order(), order) {
                            (Some(a), Some(b)) => a < b,
                            _ => true,
                        }
                    };
                    if before {
                        continue;
                    }
                    let whole = s.get(r.range.0..r.range.1).unwrap_or("");
                    let when = if std::ptr::eq(producer, action) {
                        "this same action, which cannot read its own variables".to_string()
                    } else if pstage.index == stage.index {
                        format!(
                            "action `{}` of the same stage, which does not run before it",
                            producer.label()
                        )
                    } else {
                        format!("action `{}` of the later stage `{}`", producer.label(), pstage.label())
                    };
                    let ns_span = producer.namespace.as_ref().map_or(producer.span, |n| n.span);
                    out.push(
                        RULE.at(
                            sub_span(cx.text, &entry.value, r.range),
                            format!("`{whole}` reads variables of {when}"),
                        )
                        .with_label(ns_span, format!("`{}` is declared here", r.namespace))
                        .with_help("a variable can be used only by actions that run after its producer: an earlier stage, or a lower `runOrder` in the same stage"),
                    );
                }
            }
        }
    }
}
