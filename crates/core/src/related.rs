//! Relating the files of a workspace: findings that need two files (a workflow and the trust
//! policy of the role it assumes), each with a place in every file involved.
//!
//! Front ends analyse each file once ([`crate::analyze`]) and hand the analyses here; nothing is
//! parsed again. Which files relate is decided only where the workspace makes it certain enough:
//! every workflow is paired with the workspace's trust policy when there is exactly one policy
//! that trusts GitHub's OIDC provider (a role ARN in another account than that provider's is
//! left out: such a role cannot be the policy's). With several such policies nothing is paired:
//! a file name or a comment does not say which role a policy belongs to. An explicit pairing
//! (`cicd assume --workflow W POLICY`) calls [`admission`](crate::workflow::admission::admission)
//! directly.
//!
//! Deployment files relate in [`deployment`]: a group and the custom configuration it names, an
//! AppSpec and the group its deployment runs through.

pub mod deployment;

pub(crate) mod build;
pub(crate) mod images;

pub use crate::diagnostic::{FileLabel, Related};
use crate::trust_policy::TrustPolicy;
use crate::trust_policy::oidc::{self, ProviderKind};
use crate::workflow::Workflow;
use crate::workflow::admission::{
    AdmissionOptions, AdmissionReport, At, FileRole, WorkflowInput, admission,
};
use crate::{Analysis, Kind, Model, Severity};

/// One analysed file of a workspace.
#[derive(Clone, Copy, Debug)]
pub struct WorkspaceFile<'a> {
    /// Its name (a path).
    pub name: &'a str,
    /// Its analysis.
    pub analysis: &'a Analysis,
}

/// One policy and the workflows paired with it, with their admission table.
#[derive(Clone, Debug)]
pub struct Pairing {
    /// The policy's file.
    pub policy: usize,
    /// The workflows' files, in the order of the report's `FileRole::Workflow` indices.
    pub workflows: Vec<usize>,
    /// The admission table.
    pub report: AdmissionReport<At>,
}

impl Pairing {
    /// The workspace file a report place is in.
    pub fn file_of(&self, at: At) -> usize {
        match at.file {
            FileRole::Policy => self.policy,
            FileRole::Workflow(i) => self.workflows.get(i).copied().unwrap_or(self.policy),
        }
    }
}

/// What the rules relating files see.
pub(crate) struct RelatedCx<'a> {
    /// The workspace's files.
    pub files: &'a [WorkspaceFile<'a>],
    /// The pairings of workflows with trust policies.
    pub pairings: &'a [Pairing],
}

/// Whether a policy trusts GitHub's OIDC provider.
pub fn trusts_github(policy: &TrustPolicy) -> bool {
    policy.statements.iter().any(|s| {
        oidc::providers(s)
            .iter()
            .any(|p| p.kind == ProviderKind::GitHub)
    })
}

/// The kinds of the other files of a workspace that a file of `kind` depends on: its findings
/// and views change when one of them does (a workflow's admission table depends on the trust
/// policies and on the other workflows). A front end that keeps a workspace sends these files
/// with the file's request and asks again when one of them changes. Empty: the file stands alone.
pub fn depends_on(kind: Kind) -> &'static [Kind] {
    match kind {
        Kind::Workflow | Kind::TrustPolicy => &[Kind::Workflow, Kind::TrustPolicy],
        // A group's custom configuration by name (in configuration files or templates) and the
        // AppSpec its deployment runs ([`deployment`]).
        Kind::DeploymentGroup => &[Kind::DeploymentConfig, Kind::DeploymentGroup, Kind::Appspec],
        // The groups that name it (DEP113 shows in both files).
        Kind::DeploymentConfig => &[Kind::DeploymentGroup, Kind::DeploymentConfig],
        // An AppSpec's deployment: the workspace's group and, through it, its configuration; and
        // the build side (`build`): an ECS AppSpec deploys a task definition, which a pipeline's
        // CodeDeployToECS action may name.
        Kind::Appspec => &[
            Kind::DeploymentGroup,
            Kind::DeploymentConfig,
            Kind::Appspec,
            Kind::TaskDefinition,
            Kind::Pipeline,
        ],
        // The build side (`build`): a pipeline's deploy actions read files of the artifacts a
        // buildspec describes and register a task definition.
        // Its ECS deploy actions read image definitions (`images`): IMG080 and BS093 label the
        // action that deploys the names.
        Kind::Pipeline => &[
            Kind::Buildspec,
            Kind::TaskDefinition,
            Kind::ImageDefinitions,
        ],
        // The image definitions it writes deploy to the workspace's task definition (BS093).
        Kind::Buildspec => &[Kind::Buildspec, Kind::Pipeline, Kind::TaskDefinition],
        Kind::TaskDefinition => &[
            Kind::Appspec,
            Kind::TaskDefinition,
            Kind::Pipeline,
            Kind::ImageDefinitions,
            Kind::Buildspec,
        ],
        // Its names are containers of the workspace's only task definition, when a pipeline's
        // ECS deploy action reads it or no pipeline says otherwise (`images`).
        Kind::ImageDefinitions => &[
            Kind::TaskDefinition,
            Kind::Pipeline,
            Kind::Buildspec,
            Kind::ImageDefinitions,
        ],
    }
}

/// Whether files of `kind` relate to other files of the workspace ([`depends_on`] is not empty).
pub fn relates(kind: Kind) -> bool {
    !depends_on(kind).is_empty()
}

/// The workspace's readable trust policies that trust GitHub's OIDC provider.
fn github_policies<'a>(files: &'a [WorkspaceFile<'_>]) -> Vec<(usize, &'a TrustPolicy)> {
    files
        .iter()
        .enumerate()
        .filter_map(|(i, f)| match &f.analysis.model {
            Model::TrustPolicy(p) if f.analysis.readable() && trusts_github(p) => Some((i, p)),
            _ => None,
        })
        .collect()
}

/// The pairings the workspace makes certain enough (see the module's documentation), with their
/// admission tables.
pub fn pairings(files: &[WorkspaceFile<'_>]) -> Vec<Pairing> {
    let policies = github_policies(files);
    let [(policy_index, policy)] = policies.as_slice() else {
        return Vec::new();
    };
    pair(files, *policy_index, policy)
        .filter(|p| !p.report.rows.is_empty())
        .into_iter()
        .collect()
}

/// Every workflow of the workspace paired with each trust policy that trusts GitHub's OIDC
/// provider, certain or not, in file order: what a view of the workspace shows ("who can assume
/// this role?"), one table per policy, even when no job assumes a role (its rows are then
/// empty). Findings come only from [`pairings`]: with one such policy, the tables are the same.
pub fn all_pairings(files: &[WorkspaceFile<'_>]) -> Vec<Pairing> {
    github_policies(files)
        .into_iter()
        .filter_map(|(i, policy)| pair(files, i, policy))
        .collect()
}

/// The workspace's workflows paired with the policy of file `policy_index` (`None` without
/// workflows).
fn pair(files: &[WorkspaceFile<'_>], policy_index: usize, policy: &TrustPolicy) -> Option<Pairing> {
    let workflows: Vec<(usize, &Workflow)> = files
        .iter()
        .enumerate()
        .filter_map(|(i, f)| match &f.analysis.model {
            Model::Workflow(w) => Some((i, w)),
            _ => None,
        })
        .collect();
    if workflows.is_empty() {
        return None;
    }
    let inputs: Vec<WorkflowInput<'_>> = workflows
        .iter()
        .map(|(i, w)| WorkflowInput {
            name: files.get(*i).map_or("", |f| f.name),
            workflow: w,
        })
        .collect();
    let policy_file = files.get(policy_index);
    let errors = policy_file.map_or(0, |f| {
        f.analysis
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    });
    let options = AdmissionOptions {
        only_matching_accounts: true,
        ..AdmissionOptions::default()
    };
    let report = admission(
        &inputs,
        policy_file.map_or("", |f| f.name),
        policy,
        errors,
        &options,
    );
    Some(Pairing {
        policy: policy_index,
        workflows: workflows.iter().map(|(i, _)| *i).collect(),
        report,
    })
}

/// The findings that relate files of the workspace, sorted by file and position.
pub fn relate(files: &[WorkspaceFile<'_>]) -> Vec<Related> {
    let pairings = pairings(files);
    relate_pairings(files, &pairings)
}

/// The findings for given pairings of workflows with trust policies (a front end that keeps the
/// pairings for a view), and those of the relations that need no pairing from the front end
/// (deployment files, the build side's `build`).
pub fn relate_pairings(files: &[WorkspaceFile<'_>], pairings: &[Pairing]) -> Vec<Related> {
    let mut out = Vec::new();
    let cx = RelatedCx { files, pairings };
    crate::workflow::rules::run_related(&cx, &mut out);
    crate::deployment_group::rules::run_related(&cx, &mut out);
    crate::deployment_config::rules::run_related(&cx, &mut out);
    let build = build::BuildCx::new(files);
    crate::pipeline::rules::run_related(&build, &mut out);
    crate::appspec::rules::run_related(&build, &mut out);
    crate::image_definitions::rules::run_related(&build, &mut out);
    crate::buildspec::rules::run_related(&build, &mut out);
    out.sort_by(|a, b| {
        (a.file, a.diagnostic.span.start, a.diagnostic.code).cmp(&(
            b.file,
            b.diagnostic.span.start,
            b.diagnostic.code,
        ))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORKFLOW: &str = include_str!("../../../examples/deploy-workflow-oidc.yml");
    const POLICY: &str = include_str!("../../../examples/trust-policy-github-oidc.json");

    fn analyse(kind: Kind, text: &str) -> Analysis {
        crate::analyze(kind, text, &crate::Options::default()).expect("analysed")
    }

    #[test]
    fn views_pair_every_github_policy_and_findings_only_a_certain_one() {
        let workflow = analyse(Kind::Workflow, WORKFLOW);
        let policy = analyse(Kind::TrustPolicy, POLICY);
        let pinned = analyse(
            Kind::TrustPolicy,
            &POLICY
                .replace("StringLike", "StringEquals")
                .replace("myrepo:*", "myrepo:ref:refs/heads/main"),
        );
        let service = analyse(
            Kind::TrustPolicy,
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"codebuild.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
        );
        let file = |name, analysis| WorkspaceFile { name, analysis };
        let one = [
            file("deploy.yml", &workflow),
            file("trust-policy.json", &policy),
            file("codebuild-role.json", &service),
        ];
        let certain = pairings(&one);
        let all = all_pairings(&one);
        assert_eq!(certain.len(), 1);
        assert_eq!(all.len(), 1, "the CodeBuild role trusts no GitHub provider");
        assert_eq!(all[0].report, certain[0].report);
        assert_eq!(all[0].policy, 1);
        let two = [
            file("deploy.yml", &workflow),
            file("trust-policy.json", &policy),
            file("pinned.json", &pinned),
        ];
        assert!(
            pairings(&two).is_empty(),
            "which role the workflow assumes is not certain"
        );
        assert!(relate(&two).is_empty());
        let all = all_pairings(&two);
        assert_eq!(all.iter().map(|p| p.policy).collect::<Vec<_>>(), [1, 2]);
        assert!(!all[0].report.over_broad.is_empty());
        assert!(all[1].report.over_broad.is_empty());
        assert!(relates(Kind::Workflow) && relates(Kind::TrustPolicy));
        assert!(relates(Kind::Buildspec) && relates(Kind::TaskDefinition));
        assert!(relates(Kind::ImageDefinitions));
        assert!(depends_on(Kind::TaskDefinition).contains(&Kind::ImageDefinitions));
    }
}
