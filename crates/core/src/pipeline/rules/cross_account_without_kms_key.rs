//! CP053 cross-account-without-kms-key.

use super::Cx;
use super::helpers::arn_account;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an action whose `roleArn` is in another account than the pipeline's role, when
    /// the artifact store has no customer-managed KMS `encryptionKey`.
    ///
    /// ## Why is this bad?
    /// An action in another account reads and writes the pipeline's artifacts with its role.
    /// By default the bucket uses the AWS managed key for S3, which other accounts cannot use;
    /// cross-account actions need a customer managed KMS key on the artifact store (and a key
    /// policy granting the other account). Without it the action fails to read its input.
    ///
    /// ## Example
    /// ```yaml
    /// pipeline:
    ///   name: web
    ///   roleArn: arn:aws:iam::111111111111:role/pipeline
    ///   artifactStore: {type: S3, location: web-artifacts}
    ///   stages:
    ///     - name: Source
    ///       actions:
    ///         - name: Source
    ///           actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "1"}
    ///           configuration: {RepositoryName: web, BranchName: main}
    ///           outputArtifacts: [{name: Src}]
    ///     - name: Deploy
    ///       actions:
    ///         - name: DeployProd
    ///           roleArn: arn:aws:iam::222222222222:role/deployer
    ///           actionTypeId: {category: Deploy, owner: AWS, provider: CodeDeploy, version: "1"}
    ///           configuration: {ApplicationName: web, DeploymentGroupName: prod}
    ///           inputArtifacts: [{name: Src}]
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// pipeline:
    ///   name: web
    ///   roleArn: arn:aws:iam::111111111111:role/pipeline
    ///   artifactStore:
    ///     type: S3
    ///     location: web-artifacts
    ///     encryptionKey: {id: "arn:aws:kms:us-east-1:111111111111:key/1a2b3c4d", type: KMS}
    ///   stages:
    ///     - name: Source
    ///       actions:
    ///         - name: Source
    ///           actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "1"}
    ///           configuration: {RepositoryName: web, BranchName: main}
    ///           outputArtifacts: [{name: Src}]
    ///     - name: Deploy
    ///       actions:
    ///         - name: DeployProd
    ///           roleArn: arn:aws:iam::222222222222:role/deployer
    ///           actionTypeId: {category: Deploy, owner: AWS, provider: CodeDeploy, version: "1"}
    ///           configuration: {ApplicationName: web, DeploymentGroupName: prod}
    ///           inputArtifacts: [{name: Src}]
    /// ```
    ///
    /// ## References
    /// - Create a pipeline that uses resources from another account: <https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-create-cross-account.html>
    /// - CodePipeline API, `EncryptionKey`: <https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_EncryptionKey.html>
    code: "CP053", name: "cross-account-without-kms-key", severity: Error
}

/// Reports cross-account action roles without a customer-managed artifact key.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        let Some(home) = p
            .role_arn
            .as_ref()
            .and_then(|r| r.literal())
            .and_then(arn_account)
        else {
            continue;
        };
        let stores: Vec<_> = match (&p.artifact_store, &p.artifact_stores) {
            (Some(s), _) => vec![s],
            (None, Some(list)) if !list.partial => list.items.iter().map(|r| &r.store).collect(),
            _ => continue,
        };
        if stores.is_empty() || stores.iter().any(|s| s.opaque || s.encryption_key.is_some()) {
            continue;
        }
        for (_, action) in p.actions() {
            let Some(role) = &action.role_arn else { continue };
            let Some(account) = role.literal().and_then(arn_account) else {
                continue;
            };
            if account == home {
                continue;
            }
            let store = stores.first().map_or(p.anchor, |s| s.key);
            out.push(
                RULE.at(
                    role.span,
                    format!(
                        "action `{}` runs as a role of account {account}, but the artifact store has no customer-managed KMS key",
                        action.label()
                    ),
                )
                .with_label(store, "no `encryptionKey` here")
                .with_help("give the artifact store an `encryptionKey` (a customer managed KMS key whose policy lets the other account use it)"),
            );
        }
    }
}
