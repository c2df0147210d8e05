//! CP062 unresolved-variable-reference.

use super::Cx;
use super::helpers::{config_values, sub_span, variable_refs};
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::pipeline::providers::action_type;
use crate::suggest::did_you_mean;

declare_rule! {
    /// ## What it does
    /// Reports a `#{namespace.variable}` reference in an action's configuration that resolves
    /// to nothing: a namespace no action declares (and not `codepipeline` or `variables`), a
    /// `#{variables.name}` with no such pipeline variable, or a key a source action never
    /// produces (`#{SourceVariables.CommitID}` for `CommitId`).
    ///
    /// ## Why is this bad?
    /// CodePipeline resolves every reference of a configuration before the action starts; an
    /// action's variables are addressable only through the `namespace` it declares, and
    /// pipeline-level variables as `#{variables.name}`. A reference that resolves to nothing
    /// fails the action (or the update of the pipeline).
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
    ///           namespace: SourceVariables
    ///           actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "1"}
    ///           configuration: {RepositoryName: web, BranchName: main}
    ///           outputArtifacts: [{name: Src}]
    ///     - name: Build
    ///       actions:
    ///         - name: Build
    ///           actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration:
    ///             ProjectName: web
    ///             EnvironmentVariables: '[{"name":"COMMIT","value":"#{SourceVariable.CommitId}","type":"PLAINTEXT"}]'
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
    ///           namespace: SourceVariables
    ///           actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "1"}
    ///           configuration: {RepositoryName: web, BranchName: main}
    ///           outputArtifacts: [{name: Src}]
    ///     - name: Build
    ///       actions:
    ///         - name: Build
    ///           actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration:
    ///             ProjectName: web
    ///             EnvironmentVariables: '[{"name":"COMMIT","value":"#{SourceVariables.CommitId}","type":"PLAINTEXT"}]'
    ///           inputArtifacts: [{name: Src}]
    /// ```
    ///
    /// ## References
    /// - Variables reference (namespaces, `#{variables.name}`, output keys per action): <https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-variables.html>
    code: "CP062", name: "unresolved-variable-reference", severity: Error
}

/// Reports references that resolve to nothing.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        let namespaces_certain = !p.uses_template_values()
            && p.actions().all(|(_, a)| a.namespace.as_ref().is_none_or(|n| !n.is_opaque()));
        let declared: Vec<(&str, &crate::pipeline::model::Action)> = p
            .actions()
            .filter_map(|(_, a)| a.namespace.as_ref().and_then(|n| n.literal()).map(|n| (n, a)))
            .collect();
        let variables: Option<Vec<&str>> = match &p.variables {
            None => Some(Vec::new()),
            Some(v) if v.partial || v.items.iter().any(|i| i.name.as_ref().is_some_and(|n| n.is_opaque())) => None,
            Some(v) => Some(v.items.iter().filter_map(|i| i.name.as_ref().and_then(|n| n.literal())).collect()),
        };
        for (_, _, key, value) in config_values(p) {
            let Some(s) = value.literal() else { continue };
            for r in variable_refs(s) {
                let span = sub_span(cx.text, value, r.range);
                let whole = s.get(r.range.0..r.range.1).unwrap_or("");
                match r.namespace {
                    "codepipeline" => {}
                    "variables" => {
                        let Some(vars) = &variables else { continue };
                        if vars.contains(&r.key) {
                            continue;
                        }
                        let mut d = RULE.at(span, format!("`{whole}` in `{key}` names pipeline variable `{}`, which is not declared", r.key));
                        d = match did_you_mean(r.key, vars.iter().copied()) {
                            Some(s) => d.with_help(format!("did you mean `#{{variables.{s}}}`?")),
                            None => d.with_help(format!("declare it in the pipeline's `{}` (V2)", cx.key("variables"))),
                        };
                        out.push(d);
                    }
                    ns => {
                        match declared.iter().find(|(n, _)| *n == ns) {
                            Some((_, producer)) => {
                                let fixed = match (producer.category(), producer.owner(), producer.provider()) {
                                    (Some(c), Some(o), Some(pr)) => action_type(c, o, pr).and_then(|t| t.variables),
                                    _ => None,
                                };
                                let Some(keys) = fixed else { continue };
                                if keys.contains(&r.key) {
                                    continue;
                                }
                                let mut d = RULE.at(
                                    span,
                                    format!(
                                        "`{whole}`: action `{}` ({}) produces no variable `{}`",
                                        producer.label(),
                                        producer.provider().unwrap_or("?"),
                                        r.key
                                    ),
                                );
                                d = match did_you_mean(r.key, keys.iter().copied()) {
                                    Some(s) => d.with_help(format!("did you mean `#{{{ns}.{s}}}`?")),
                                    None => d.with_help(format!("its variables: {}", keys.join(", "))),
                                };
                                out.push(d);
                            }
                            None if namespaces_certain => {
                                let names: Vec<&str> = declared.iter().map(|(n, _)| *n).collect();
                                let mut d = RULE.at(span, format!("`{whole}` in `{key}` uses namespace `{ns}`, which no action declares"));
                                d = match did_you_mean(ns, names.iter().copied()) {
                                    Some(s) => d.with_help(format!("did you mean `{s}`?")),
                                    None => d.with_help(format!("set `{}: {ns}` on the action whose variables this reads", cx.key("namespace"))),
                                };
                                out.push(d);
                            }
                            None => {}
                        }
                    }
                }
            }
        }
    }
}
