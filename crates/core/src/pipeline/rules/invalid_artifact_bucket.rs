//! CP013 invalid-artifact-bucket.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::pipeline::model::ArtifactStore;
use crate::source::tree::shorten;

declare_rule! {
    /// ## What it does
    /// Reports an artifact store `location` that is not a bucket name: 3–63 characters of
    /// letters, digits, `-` and `.`, without a folder (`bucket/prefix`) or an `s3://` scheme.
    ///
    /// ## Why is this bad?
    /// The API's `ArtifactStore.location` is the bucket's name only (pattern
    /// `[a-zA-Z0-9\-\.]+`, 3–63 characters); CodePipeline picks the object keys itself. A
    /// folder or URL is rejected with a `ValidationException`.
    ///
    /// ## Example
    /// ```yaml
    /// pipeline:
    ///   name: web
    ///   roleArn: arn:aws:iam::123456789012:role/pipeline
    ///   artifactStore: {type: S3, location: "s3://web-artifacts/pipeline"}
    ///   stages:
    ///     - name: Source
    ///       actions:
    ///         - name: Source
    ///           actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "1"}
    ///           configuration: {RepositoryName: web, BranchName: main}
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
    ///   stages:
    ///     - name: Source
    ///       actions:
    ///         - name: Source
    ///           actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "1"}
    ///           configuration: {RepositoryName: web, BranchName: main}
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
    /// - CodePipeline API, `ArtifactStore`: <https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ArtifactStore.html>
    code: "CP013", name: "invalid-artifact-bucket", severity: Error
}

fn report(out: &mut Vec<Diagnostic>, store: &ArtifactStore) {
    let Some(t) = &store.location else { return };
    let Some(bucket) = t.literal() else { return };
    let n = bucket.chars().count();
    let chars_ok = bucket
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
    if (3..=63).contains(&n) && chars_ok {
        return;
    }
    let (why, help) = if bucket.contains('/') {
        (
            "holds a folder or URL".to_string(),
            format!(
                "give the bucket's name only (`{}`); CodePipeline chooses the object keys",
                bucket
                    .trim_start_matches("s3://")
                    .split('/')
                    .next()
                    .unwrap_or(bucket)
            ),
        )
    } else if !chars_ok {
        (
            "is not a bucket name".to_string(),
            "a bucket name has 3–63 letters, digits, `-` and `.`".to_string(),
        )
    } else {
        (
            format!("has {n} characters"),
            "a bucket name has 3–63 characters".to_string(),
        )
    };
    out.push(
        RULE.at(
            t.span,
            format!("artifact store location `{}` {why}", shorten(bucket, 80)),
        )
        .with_help(help),
    );
}

/// Checks the location of every artifact store.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        if let Some(store) = &p.artifact_store {
            report(out, store);
        }
        for regional in p.artifact_stores.iter().flat_map(|l| &l.items) {
            report(out, &regional.store);
        }
    }
}
