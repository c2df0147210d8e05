//! AS025 undocumented-overwrite-key.

use crate::declare_rule;
use super::Cx;
use crate::appspec::schema::OVERWRITE_TAG;
use crate::diagnostic::Diagnostic;
use crate::schema::Tagged;
use crate::source::edit::{self, Edit};

declare_rule! {
    /// ## What it does
    /// Warns about `overwrite:` inside a `files` entry.
    ///
    /// ## Why is this bad?
    /// Many tutorials write `overwrite: true`, but it is not an AppSpec key: the agent reads
    /// only `source` and `destination` and ignores it. Existing files are still handled by
    /// `file_exists_behavior` (default `DISALLOW`, which fails the deployment when a file that
    /// the last deployment did not install is in the way).
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// files:
    ///   - source: /
    ///     destination: /home/ec2-user/app
    ///     overwrite: true
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// files:
    ///   - source: /
    ///     destination: /home/ec2-user/app
    /// file_exists_behavior: OVERWRITE
    /// ```
    ///
    /// ## References
    /// - AppSpec 'files' section: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-files.html>
    /// - CodeDeploy agent, `application_specification.rb` `parse_files`
    code: "AS025", name: "undocumented-overwrite-key", severity: Warning
}

/// `overwrite:` in a `files` entry.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let tagged: Vec<_> = cx.facts.tagged(OVERWRITE_TAG).collect();
    let fix = replacement(cx, &tagged);
    for t in &tagged {
        let d = RULE
            .at(t.anchor, "`overwrite` is not an AppSpec key: the agent ignores it")
            .with_help("to replace files that already exist on the instance, set `file_exists_behavior: OVERWRITE` at the top level of the AppSpec");
        out.push(match &fix {
            Some((title, edits)) => d.with_edits(title.clone(), Some(edits.clone())),
            None => d,
        });
    }
}

/// What the tutorials' `overwrite` means in AppSpec terms, for every `overwrite` of the file at
/// once: `true` is `file_exists_behavior: OVERWRITE` at the top level; `false` is the default
/// (`DISALLOW` refuses to overwrite), so the key just goes. `None` when the entries disagree, a
/// value is not a boolean, or the file already sets another `file_exists_behavior`.
fn replacement(cx: &Cx<'_>, tagged: &[&Tagged<'_>]) -> Option<(String, Vec<Edit>)> {
    let mut values = tagged
        .iter()
        .map(|t| t.node.scalar().and_then(|s| s.yaml11_bool()));
    let first = values.next()??;
    if !values.all(|v| v == Some(first)) {
        return None;
    }
    let mut edits = Vec::new();
    for t in tagged {
        edits.extend(edit::remove_entry_at(cx.text, cx.root, t.anchor, 0)?);
    }
    let existing = cx.root.get("file_exists_behavior").and_then(|n| n.as_str());
    if !first {
        return existing
            .is_none()
            .then(|| ("remove `overwrite: false` (the default, `DISALLOW`, never overwrites)".to_string(), edits));
    }
    match existing {
        Some("OVERWRITE") => {}
        Some(_) => return None,
        None => {
            let root = cx.root.map()?;
            let files = root.entries.iter().rposition(|p| p.key_str() == Some("files"))?;
            let files_key = &root.entries.get(files)?.key;
            let entry = if edit::is_json(files_key) {
                "\"file_exists_behavior\": \"OVERWRITE\""
            } else {
                "file_exists_behavior: OVERWRITE"
            };
            edits.push(edit::insert_entry_after(cx.text, root, files, entry)?);
        }
    }
    Some(("set `file_exists_behavior: OVERWRITE` instead".to_string(), edits))
}
