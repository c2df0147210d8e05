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

pub use crate::diagnostic::{FileLabel, Related};
use crate::trust_policy::TrustPolicy;
use crate::trust_policy::oidc::{self, ProviderKind};
use crate::workflow::Workflow;
use crate::workflow::admission::{
    AdmissionOptions, AdmissionReport, At, FileRole, WorkflowInput, admission,
};
use crate::{Analysis, Model, Severity};

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
    #[allow(dead_code)]
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

/// The pairings the workspace makes certain enough (see the module's documentation), with their
/// admission tables.
pub fn pairings(files: &[WorkspaceFile<'_>]) -> Vec<Pairing> {
    let policies: Vec<(usize, &TrustPolicy)> = files
        .iter()
        .enumerate()
        .filter_map(|(i, f)| match &f.analysis.model {
            Model::TrustPolicy(p) if f.analysis.readable() && trusts_github(p) => Some((i, p)),
            _ => None,
        })
        .collect();
    let [(policy_index, policy)] = policies.as_slice() else {
        return Vec::new();
    };
    let workflows: Vec<(usize, &Workflow)> = files
        .iter()
        .enumerate()
        .filter_map(|(i, f)| match &f.analysis.model {
            Model::Workflow(w) => Some((i, w)),
            _ => None,
        })
        .collect();
    if workflows.is_empty() {
        return Vec::new();
    }
    let inputs: Vec<WorkflowInput<'_>> = workflows
        .iter()
        .map(|(i, w)| WorkflowInput {
            name: files.get(*i).map_or("", |f| f.name),
            workflow: w,
        })
        .collect();
    let policy_file = files.get(*policy_index);
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
    if report.rows.is_empty() {
        return Vec::new();
    }
    vec![Pairing {
        policy: *policy_index,
        workflows: workflows.iter().map(|(i, _)| *i).collect(),
        report,
    }]
}

/// The findings that relate files of the workspace, sorted by file and position.
pub fn relate(files: &[WorkspaceFile<'_>]) -> Vec<Related> {
    let pairings = pairings(files);
    relate_pairings(files, &pairings)
}

/// The findings for given pairings (a front end that keeps the pairings for a view).
pub fn relate_pairings(files: &[WorkspaceFile<'_>], pairings: &[Pairing]) -> Vec<Related> {
    let mut out = Vec::new();
    let cx = RelatedCx { files, pairings };
    crate::workflow::rules::run_related(&cx, &mut out);
    out.sort_by(|a, b| {
        (a.file, a.diagnostic.span.start, a.diagnostic.code).cmp(&(
            b.file,
            b.diagnostic.span.start,
            b.diagnostic.code,
        ))
    });
    out
}
