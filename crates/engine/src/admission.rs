//! What a file's report takes from the related files of the workspace (a workflow and the trust
//! policies of the roles it may assume; deployment files; a pipeline, its buildspec, an ECS
//! AppSpec and its task definition): the findings that relate files, shown in each file they
//! point at, and a workflow's "Who can assume?" panel, the core's admission table against each
//! trust policy. No domain logic here: the core pairs the files ([`all_pairings`]), builds the
//! tables and reports the findings ([`relate_pairings`]); this only places them.

use std::cell::OnceCell;

use cicd_core::related::{Pairing, WorkspaceFile, all_pairings, relate_pairings, relates};
use cicd_core::report::Place;
use cicd_core::trust_policy::github::Run;
use cicd_core::workflow::admission::RowDecision;
use cicd_core::{Analysis, LineIndex, Model, Span};

use crate::Entry;
use crate::check;
use crate::protocol::{
    AdmissionTable, AdmissionView, AssumeForm, FilePlace, Highlight, Panel, SkippedPolicy,
    ViewDiagnostic, ViewLabel,
};

/// One analysed file of the workspace, as this report sees it.
struct Member<'a> {
    id: u32,
    name: &'a str,
    text: &'a str,
    analysis: &'a Analysis,
    index: OnceCell<LineIndex>,
}

impl Member<'_> {
    fn place(&self, span: Span) -> FilePlace {
        let index = self.index.get_or_init(|| LineIndex::new(self.text));
        FilePlace::new(self.id, Place::of(index, self.text, span))
    }
}

/// The file of a report (member 0) with the related files its request named, and the core's
/// pairings of their workflows with their trust policies.
pub(crate) struct Workspace<'a> {
    members: Vec<Member<'a>>,
    pairings: Vec<Pairing>,
}

impl<'a> Workspace<'a> {
    /// The workspace of `entry`'s report, when its kind relates to other files.
    pub(crate) fn new(entry: &'a Entry, analysis: &'a Analysis) -> Option<Workspace<'a>> {
        if !relates(analysis.kind) {
            return None;
        }
        let own = Member {
            id: entry.id,
            name: &entry.file.name,
            text: &entry.file.text,
            analysis,
            index: OnceCell::new(),
        };
        let others = entry.related.iter().filter_map(|(r, a)| {
            Some(Member {
                id: r.id,
                name: &a.name,
                text: &a.text,
                analysis: a.analysis.as_ref()?,
                index: OnceCell::new(),
            })
        });
        let members: Vec<Member<'a>> = std::iter::once(own).chain(others).collect();
        let files: Vec<WorkspaceFile<'_>> = members
            .iter()
            .map(|m| WorkspaceFile {
                name: m.name,
                analysis: m.analysis,
            })
            .collect();
        let pairings = all_pairings(&files);
        Some(Workspace { members, pairings })
    }

    fn member(&self, i: usize) -> Option<&Member<'a>> {
        self.members.get(i)
    }

    /// Whether the core relates the files (one trust policy trusts GitHub's provider and some
    /// job assumes a role through it): the condition of [`cicd_core::related::pairings`].
    fn certain(&self) -> bool {
        matches!(self.pairings.as_slice(), [p] if !p.report.rows.is_empty())
    }

    /// The findings relating files that point at this file: those whose primary place is here
    /// (with their places elsewhere), and those with a place here (shown at that place).
    pub(crate) fn findings(&self) -> Vec<ViewDiagnostic> {
        // The workflow findings come only from a certain pairing; the other relations
        // (deployment files, the build side) need none from here.
        let pairings: &[Pairing] = if self.certain() { &self.pairings } else { &[] };
        let files: Vec<WorkspaceFile<'_>> = self
            .members
            .iter()
            .map(|m| WorkspaceFile {
                name: m.name,
                analysis: m.analysis,
            })
            .collect();
        let Some(own) = self.member(0) else {
            return Vec::new();
        };
        let own_index = own.index.get_or_init(|| LineIndex::new(own.text));
        let label = |file: usize, span: Span, message: &str| {
            let member = self.member(file)?;
            Some(ViewLabel {
                at: member.place(span),
                name: member.name.to_string(),
                message: message.to_string(),
            })
        };
        let mut out = Vec::new();
        for r in relate_pairings(&files, pairings) {
            let d = &r.diagnostic;
            if r.file == 0 {
                let mut view = check::view(own.text, own_index, d);
                view.elsewhere = r
                    .elsewhere
                    .iter()
                    .filter_map(|l| label(l.file, l.span, &l.message))
                    .collect();
                out.push(view);
                continue;
            }
            let Some(primary) = label(r.file, d.span, &d.message) else {
                continue;
            };
            for here in r.elsewhere.iter().filter(|l| l.file == 0) {
                let place = own.place(here.span);
                let mut elsewhere = vec![primary.clone()];
                elsewhere.extend(
                    r.elsewhere
                        .iter()
                        .filter(|l| l.file != 0)
                        .filter_map(|l| label(l.file, l.span, &l.message)),
                );
                out.push(ViewDiagnostic {
                    code: d.code.to_string(),
                    name: check::rule_name(d.code),
                    severity: d.severity,
                    message: format!(
                        "{} (`{}`: {})",
                        here.message,
                        short_name(&primary.name),
                        d.message
                    ),
                    help: d.help.clone(),
                    line: place.line,
                    column: place.column,
                    from16: place.from16,
                    to16: place.to16,
                    fix: None,
                    elsewhere,
                });
            }
        }
        out
    }

    /// A workflow's "Who can assume?" panel.
    pub(crate) fn panel(&self) -> Panel {
        let Some(own) = self.member(0) else {
            return Panel::None;
        };
        let certain = self.certain();
        let tables = self
            .pairings
            .iter()
            .filter_map(|p| {
                let policy = self.member(p.policy)?;
                let report = p.report.clone().map(|at| {
                    self.member(p.file_of(at))
                        .map(|m| m.place(at.span))
                        .unwrap_or_default()
                });
                let try_forms = report
                    .over_broad
                    .iter()
                    .map(|o| Run::from_sub(&o.sub).map(|run| AssumeForm::from_run(&run)))
                    .collect();
                Some(AdmissionTable {
                    policy: policy.id,
                    report,
                    try_forms,
                    certain,
                })
            })
            .collect();
        let skipped = self
            .members
            .iter()
            .enumerate()
            .filter(|(i, m)| {
                matches!(m.analysis.model, Model::TrustPolicy(_))
                    && !self.pairings.iter().any(|p| p.policy == *i)
            })
            .map(|(_, m)| SkippedPolicy {
                policy: m.id,
                name: m.name.to_string(),
                why: if m.analysis.readable() {
                    "not-github"
                } else {
                    "unreadable"
                }
                .to_string(),
            })
            .collect();
        Panel::Admission(Box::new(AdmissionView {
            workflow: own.id,
            readable: own.analysis.readable(),
            tables,
            skipped,
        }))
    }
}

/// The editor's marks for the panel: each step of the workflow that assumes a role, `allow` when
/// every run of it is admitted by every policy compared, `deny` when one is refused.
pub(crate) fn highlights(view: &AdmissionView) -> Vec<Highlight> {
    let mut out: Vec<Highlight> = Vec::new();
    let rows = view
        .tables
        .iter()
        .flat_map(|t| &t.report.rows)
        .filter(|r| r.job_at.file == view.workflow);
    for row in rows {
        let class = match row.decision {
            RowDecision::Allow => "allow",
            RowDecision::Deny => "deny",
            RowDecision::Unknown => continue,
        };
        let at = row.job_at;
        match out
            .iter_mut()
            .find(|h| (h.from16, h.to16) == (at.from16, at.to16))
        {
            Some(h) => {
                if class == "deny" {
                    h.class = class.to_string();
                }
            }
            None => out.push(Highlight {
                from16: at.from16,
                to16: at.to16,
                class: class.to_string(),
            }),
        }
    }
    out
}

/// The last part of a path.
fn short_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}
