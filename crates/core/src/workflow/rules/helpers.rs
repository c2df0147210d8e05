//! Helpers shared by several workflow rules (none of them reports anything).

use crate::workflow::actions::{ActionSpec, Resolved};
use crate::workflow::model::{Job, Level, Permissions, Step, Uses, Workflow};

/// The events that trigger workflows (GitHub's "Events that trigger workflows", 2026).
pub(crate) const EVENTS: &[&str] = &[
    "branch_protection_rule",
    "check_run",
    "check_suite",
    "create",
    "delete",
    "deployment",
    "deployment_status",
    "discussion",
    "discussion_comment",
    "fork",
    "gollum",
    "image_version",
    "issue_comment",
    "issues",
    "label",
    "merge_group",
    "milestone",
    "page_build",
    "project",
    "project_card",
    "project_column",
    "public",
    "pull_request",
    "pull_request_review",
    "pull_request_review_comment",
    "pull_request_target",
    "push",
    "registry_package",
    "release",
    "repository_dispatch",
    "schedule",
    "status",
    "watch",
    "workflow_call",
    "workflow_dispatch",
    "workflow_run",
];

/// The permission scopes and the levels each accepts (GitHub's workflow parser, August 2026).
pub(crate) const SCOPES: &[(&str, &[&str])] = &[
    ("actions", READ_WRITE),
    ("artifact-metadata", READ_WRITE),
    ("attestations", READ_WRITE),
    ("checks", READ_WRITE),
    ("code-quality", READ_WRITE),
    ("contents", READ_WRITE),
    ("copilot-requests", WRITE_ONLY),
    ("deployments", READ_WRITE),
    ("discussions", READ_WRITE),
    ("drives", READ_WRITE),
    ("id-token", WRITE_ONLY),
    ("issues", READ_WRITE),
    ("models", READ_ONLY),
    ("packages", READ_WRITE),
    ("pages", READ_WRITE),
    ("pull-requests", READ_WRITE),
    ("repository-projects", READ_WRITE),
    ("security-events", READ_WRITE),
    ("statuses", READ_WRITE),
    ("vulnerability-alerts", READ_ONLY),
];

const READ_WRITE: &[&str] = &["read", "write", "none"];
const WRITE_ONLY: &[&str] = &["write", "none"];
const READ_ONLY: &[&str] = &["read", "none"];

/// A step that runs one of the AWS actions the checker knows.
pub(crate) struct AwsStep<'a> {
    /// The step.
    pub step: &'a Step,
    /// Its `uses`.
    pub uses: &'a Uses,
    /// The action.
    pub spec: &'static ActionSpec,
    /// What its ref stands for.
    pub resolved: Resolved,
}

/// Every step running a known AWS action, in document order.
pub(crate) fn aws_steps(workflow: &Workflow) -> Vec<AwsStep<'_>> {
    let mut out = Vec::new();
    for job in &workflow.jobs {
        for step in &job.steps {
            let Some(uses) = &step.uses else { continue };
            if let Some((spec, resolved)) = uses.aws_action() {
                out.push(AwsStep {
                    step,
                    uses,
                    spec,
                    resolved,
                });
            }
        }
    }
    out
}

/// `aws-actions/configure-aws-credentials@v4` → `configure-aws-credentials@v4`, for messages.
pub(crate) fn short(uses: &Uses) -> &str {
    uses.text
        .value
        .trim()
        .strip_prefix("aws-actions/")
        .unwrap_or(uses.text.value.trim())
}

/// Every `permissions` block of the workflow: the workflow's, then each job's.
pub(crate) fn permission_blocks(workflow: &Workflow) -> impl Iterator<Item = &Permissions> {
    workflow
        .permissions
        .iter()
        .chain(workflow.jobs.iter().filter_map(|j| j.permissions.as_ref()))
}

/// The levels a scope accepts, if it is a scope.
pub(crate) fn scope_levels(scope: &str) -> Option<&'static [&'static str]> {
    SCOPES.iter().find(|(s, _)| *s == scope).map(|(_, l)| *l)
}

/// Where the permissions in effect for a job come from.
#[derive(Clone, Copy, Debug)]
pub(crate) enum TokenGrant<'a> {
    /// `id-token: write` is in effect.
    Granted,
    /// A block is in effect (the job's, else the workflow's) and does not grant it.
    Denied(&'a Permissions),
    /// No block anywhere: the repository's default, which never grants `id-token`.
    Default,
    /// An invalid block: GitHub rejects the file anyway.
    Invalid,
}

/// Whether `id-token: write` is in effect for a job.
pub(crate) fn id_token<'a>(workflow: &'a Workflow, job: &'a Job) -> TokenGrant<'a> {
    match job.effective_permissions(workflow) {
        None => TokenGrant::Default,
        Some(p) => match p.level("id-token") {
            Some(Level::Write) => TokenGrant::Granted,
            Some(_) => TokenGrant::Denied(p),
            None => TokenGrant::Invalid,
        },
    }
}

/// Whether a job's steps or environment give the action AWS credentials it can fall back on
/// (`AWS_ACCESS_KEY_ID` in the workflow, job or step environment).
pub(crate) fn env_credentials(workflow: &Workflow, job: &Job, step: &Step) -> bool {
    job.sets_env(workflow, Some(step), "AWS_ACCESS_KEY_ID")
}

/// What is wrong with a filter pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum PatternProblem {
    /// Nothing to match.
    Empty,
    /// Regular-expression syntax; what it looks like.
    Regex(&'static str),
    /// A `refs/heads/` or `refs/tags/` prefix.
    RefPrefix(&'static str),
    /// Malformed glob syntax; why.
    Glob(&'static str),
    /// A character Git forbids in ref names.
    RefCharacter(char),
}

/// The first problem of a filter pattern (`refs`: a branch or tag filter).
pub(crate) fn pattern_problem(pattern: &str, refs: bool) -> Option<PatternProblem> {
    let body = pattern.strip_prefix('!').unwrap_or(pattern);
    if body.is_empty() {
        return Some(PatternProblem::Empty);
    }
    if refs {
        if body.starts_with('^') {
            return Some(PatternProblem::Regex("a `^` anchor"));
        }
        if body.ends_with('$') && !body.ends_with("\\$") {
            return Some(PatternProblem::Regex("a `$` anchor"));
        }
        for prefix in ["refs/heads/", "refs/tags/"] {
            if body.starts_with(prefix) {
                return Some(PatternProblem::RefPrefix(prefix));
            }
        }
    }
    if let Err(why) = compile(body) {
        return Some(PatternProblem::Glob(why));
    }
    if refs {
        let mut escaped = false;
        for c in body.chars() {
            if escaped {
                escaped = false;
                continue;
            }
            if c == '\\' {
                escaped = true;
                continue;
            }
            if c == ' ' || c == '~' || c == '^' || c == ':' || c.is_control() {
                return Some(PatternProblem::RefCharacter(c));
            }
        }
    }
    None
}

/// One token of a filter glob.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Glob {
    /// One character of a set, repeated as the quantifier says.
    One(Vec<(char, char)>, Quant),
    /// `*`: any characters except `/`.
    Star,
    /// `**`: any characters.
    AnyDepth,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Quant {
    Once,
    /// `?`: zero or one.
    Optional,
    /// `+`: one or more.
    Plus,
}

/// Reads a filter glob (`github-actions-aws.md` §1.3).
fn compile(pattern: &str) -> Result<Vec<Glob>, &'static str> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out: Vec<Glob> = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        match c {
            '*' if chars.get(i + 1) == Some(&'*') => {
                out.push(Glob::AnyDepth);
                i += 2;
            }
            '*' => {
                out.push(Glob::Star);
                i += 1;
            }
            '?' | '+' => {
                match out.last_mut() {
                    Some(Glob::One(_, q @ Quant::Once)) => {
                        *q = if c == '?' {
                            Quant::Optional
                        } else {
                            Quant::Plus
                        };
                    }
                    _ => {
                        return Err(
                            "`?` and `+` repeat the character before them, and there is none",
                        );
                    }
                }
                i += 1;
            }
            '[' => {
                let mut set = Vec::new();
                i += 1;
                loop {
                    let Some(&a) = chars.get(i) else {
                        return Err("a `[` is never closed");
                    };
                    if a == ']' && !set.is_empty() {
                        i += 1;
                        break;
                    }
                    if chars.get(i + 1) == Some(&'-') && chars.get(i + 2).is_some_and(|b| *b != ']')
                    {
                        let b = chars.get(i + 2).copied().unwrap_or(a);
                        let same_class = (a.is_ascii_lowercase() && b.is_ascii_lowercase())
                            || (a.is_ascii_uppercase() && b.is_ascii_uppercase())
                            || (a.is_ascii_digit() && b.is_ascii_digit());
                        if !same_class || a > b {
                            return Err(
                                "ranges in `[]` can only be `a-z`, `A-Z` or `0-9` (or parts of them)",
                            );
                        }
                        set.push((a, b));
                        i += 3;
                    } else {
                        set.push((a, a));
                        i += 1;
                    }
                }
                out.push(Glob::One(set, Quant::Once));
            }
            '\\' => {
                let Some(&e) = chars.get(i + 1) else {
                    return Err("a `\\` at the end escapes nothing");
                };
                out.push(Glob::One(vec![(e, e)], Quant::Once));
                i += 2;
            }
            _ => {
                out.push(Glob::One(vec![(c, c)], Quant::Once));
                i += 1;
            }
        }
    }
    Ok(out)
}

fn in_set(set: &[(char, char)], c: char) -> bool {
    set.iter().any(|(a, b)| *a <= c && c <= *b)
}

/// Whether a filter glob matches a whole name (a malformed glob matches nothing).
pub(crate) fn glob_matches(pattern: &str, name: &str) -> bool {
    let Ok(tokens) = compile(pattern) else {
        return false;
    };
    let text: Vec<char> = name.chars().collect();
    // reachable[j]: the first `j` characters can be matched by the tokens seen so far.
    let mut reachable = vec![false; text.len() + 1];
    if let Some(first) = reachable.first_mut() {
        *first = true;
    }
    for token in &tokens {
        let mut next = vec![false; text.len() + 1];
        for j in 0..=text.len() {
            if !reachable.get(j).copied().unwrap_or(false) {
                continue;
            }
            match token {
                Glob::Star | Glob::AnyDepth => {
                    let mut k = j;
                    loop {
                        if let Some(n) = next.get_mut(k) {
                            *n = true;
                        }
                        match text.get(k) {
                            Some('/') if *token == Glob::Star => break,
                            Some(_) => k += 1,
                            None => break,
                        }
                    }
                }
                Glob::One(set, quant) => {
                    if *quant == Quant::Optional
                        && let Some(n) = next.get_mut(j)
                    {
                        *n = true;
                    }
                    let mut k = j;
                    while text.get(k).is_some_and(|c| in_set(set, *c)) {
                        k += 1;
                        if let Some(n) = next.get_mut(k) {
                            *n = true;
                        }
                        if *quant != Quant::Plus {
                            break;
                        }
                    }
                }
            }
        }
        reachable = next;
    }
    reachable.last().copied().unwrap_or(false)
}

/// Whether a list of filter patterns (in order, `!` negating) includes a name.
pub(crate) fn filter_includes(patterns: &[&str], name: &str) -> bool {
    let mut included = false;
    for p in patterns {
        match p.strip_prefix('!') {
            Some(neg) => {
                if glob_matches(neg, name) {
                    included = false;
                }
            }
            None => {
                if glob_matches(p, name) {
                    included = true;
                }
            }
        }
    }
    included
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob_matches("main", "main"));
        assert!(glob_matches("release/*", "release/v1"));
        assert!(!glob_matches("release/*", "release/v1/x"));
        assert!(glob_matches("release/**", "release/v1/x"));
        assert!(glob_matches("v[0-9]+.*", "v12.x"));
        assert!(glob_matches("colou?r", "color"));
        assert!(glob_matches("colou?r", "colour"));
        assert!(!glob_matches("*", "a/b"));
        assert!(glob_matches("**", "a/b"));
        assert!(glob_matches("\\*x", "*x"));
        assert!(filter_includes(
            &["releases/**", "!releases/**-alpha"],
            "releases/1"
        ));
        assert!(!filter_includes(
            &["releases/**", "!releases/**-alpha"],
            "releases/1-alpha"
        ));
    }

    #[test]
    fn problems() {
        assert_eq!(pattern_problem("main", true), None);
        assert_eq!(pattern_problem("'*'", true), None);
        assert!(matches!(
            pattern_problem("^main$", true),
            Some(PatternProblem::Regex(_))
        ));
        assert_eq!(pattern_problem("v1.*", true), None);
        assert!(matches!(
            pattern_problem("[a-Z]", true),
            Some(PatternProblem::Glob(_))
        ));
        assert!(matches!(
            pattern_problem("[abc", true),
            Some(PatternProblem::Glob(_))
        ));
        assert!(matches!(
            pattern_problem("+x", false),
            Some(PatternProblem::Glob(_))
        ));
        assert!(matches!(
            pattern_problem("refs/heads/main", true),
            Some(PatternProblem::RefPrefix(_))
        ));
        assert!(matches!(
            pattern_problem("my branch", true),
            Some(PatternProblem::RefCharacter(' '))
        ));
        assert_eq!(pattern_problem("docs/my file.md", false), None);
        assert_eq!(pattern_problem("!", true), Some(PatternProblem::Empty));
        assert_eq!(pattern_problem("**.js", false), None);
    }
}
