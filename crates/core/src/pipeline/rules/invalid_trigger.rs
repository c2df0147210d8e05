//! CP066 invalid-trigger.

use std::collections::HashMap;

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// ## What it does
    /// Reports a trigger that cannot work: its `sourceActionName` names no
    /// `CodeStarSourceConnection` source action, two triggers configure the same source action,
    /// a `push` or `pullRequest` list has more than 3 entries, or an `includes`/`excludes` list
    /// is empty, has more than 8 patterns, or a pattern longer than 255 characters.
    ///
    /// ## Why is this bad?
    /// Triggers (V2) filter the events of a connection's source action; the API accepts only
    /// these shapes and rejects the rest ("one trigger configuration per source action"; 1–3
    /// push or pull-request filters; 1–8 patterns of 1–255 characters).
    ///
    /// ## Example
    /// ```yaml
    /// pipeline:
    ///   name: web
    ///   roleArn: arn:aws:iam::123456789012:role/pipeline
    ///   artifactStore: {type: S3, location: web-artifacts}
    ///   pipelineType: V2
    ///   triggers:
    ///     - providerType: CodeStarSourceConnection
    ///       gitConfiguration:
    ///         sourceActionName: Checkout
    ///         push: [{branches: {includes: [main]}}]
    ///   stages:
    ///     - name: Source
    ///       actions:
    ///         - name: Source
    ///           actionTypeId: {category: Source, owner: AWS, provider: CodeStarSourceConnection, version: "1"}
    ///           configuration:
    ///             ConnectionArn: arn:aws:codeconnections:us-east-1:123456789012:connection/1a2b3c4d
    ///             FullRepositoryId: octo/web
    ///             BranchName: main
    ///           outputArtifacts: [{name: Src}]
    ///     - name: Build
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
    ///   pipelineType: V2
    ///   triggers:
    ///     - providerType: CodeStarSourceConnection
    ///       gitConfiguration:
    ///         sourceActionName: Source
    ///         push: [{branches: {includes: [main]}}]
    ///   stages:
    ///     - name: Source
    ///       actions:
    ///         - name: Source
    ///           actionTypeId: {category: Source, owner: AWS, provider: CodeStarSourceConnection, version: "1"}
    ///           configuration:
    ///             ConnectionArn: arn:aws:codeconnections:us-east-1:123456789012:connection/1a2b3c4d
    ///             FullRepositoryId: octo/web
    ///             BranchName: main
    ///           outputArtifacts: [{name: Src}]
    ///     - name: Build
    ///       actions:
    ///         - name: Build
    ///           actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web}
    ///           inputArtifacts: [{name: Src}]
    /// ```
    ///
    /// ## References
    /// - Add triggers with push or pull request event types: <https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-filter.html>
    /// - CodePipeline API, `GitConfiguration`: <https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_GitConfiguration.html>
    code: "CP066", name: "invalid-trigger", severity: Error
}

/// Checks every trigger's source action and filters.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        let Some(triggers) = &p.triggers else { continue };
        let first = p.stages.items.first();
        let sources_known = first.is_some_and(|s| !s.actions.partial && !s.conditional);
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for trigger in &triggers.items {
            if let Some(source) = &trigger.source_action
                && let Some(name) = source.literal()
            {
                let action = first.and_then(|s| s.actions.items.iter().find(|a| a.name() == Some(name)));
                match action {
                    None if sources_known => {
                        let names: Vec<String> = first
                            .map(|s| {
                                s.actions
                                    .items
                                    .iter()
                                    .filter(|a| a.provider() == Some("CodeStarSourceConnection"))
                                    .map(|a| format!("`{}`", a.label()))
                                    .collect()
                            })
                            .unwrap_or_default();
                        let help = if names.is_empty() {
                            "triggers need a `CodeStarSourceConnection` source action in the first stage".to_string()
                        } else {
                            format!("name a connection source action of the first stage: {}", names.join(", "))
                        };
                        out.push(
                            RULE.at(source.span, format!("trigger source action `{name}` is not a source action of the pipeline"))
                                .with_help(help),
                        );
                    }
                    Some(a) if a.provider().is_some_and(|pr| pr != "CodeStarSourceConnection") => {
                        out.push(
                            RULE.at(
                                source.span,
                                format!("trigger source action `{name}` uses {}, not a connection", a.provider().unwrap_or("?")),
                            )
                            .with_help("triggers work only with `CodeStarSourceConnection` source actions"),
                        );
                    }
                    _ => {}
                }
                if let Some(prev) = seen.get(name) {
                    out.push(
                        RULE.at(source.span, format!("source action `{name}` already has a trigger"))
                            .with_label(*prev, "first trigger for it")
                            .with_help("merge the filters into one trigger (up to 3 push and 3 pull-request filters)"),
                    );
                } else {
                    seen.insert(name, source.span);
                }
            }
            let mut lists_reported: Vec<Span> = Vec::new();
            for filter in &trigger.filters {
                if filter.siblings > 3 && !lists_reported.contains(&filter.list_key) {
                    lists_reported.push(filter.list_key);
                    out.push(
                        RULE.at(filter.list_key, format!("`{}` has {} filters; at most 3 are allowed", filter.list, filter.siblings))
                            .with_help("combine the filters: each holds lists of branches, tags and file paths"),
                    );
                }
                for (path, span, patterns) in &filter.patterns {
                    if patterns.is_empty() || patterns.len() > 8 {
                        out.push(
                            RULE.at(*span, format!("`{path}` has {} patterns; 1 to 8 are allowed", patterns.len()))
                                .with_help("give 1–8 glob patterns, or remove the list"),
                        );
                    }
                    for pattern in patterns {
                        if let Some(v) = pattern.literal()
                            && (v.is_empty() || v.chars().count() > 255)
                        {
                            out.push(
                                RULE.at(pattern.span, format!("a pattern of `{path}` has {} characters; 1 to 255 are allowed", v.chars().count()))
                                    .with_help("shorten the glob pattern"),
                            );
                        }
                    }
                }
            }
        }
    }
}
