//! What the commands themselves say: CLI calls that no longer exist, YAML folding that breaks
//! shell line continuations, template placeholders left in.

use crate::buildspec::Ctx;
use crate::declare_rule;
use crate::source::tree::shorten;
use crate::source::{Node, Style};

declare_rule! {
    /// ## What it does
    /// Warns about `aws ecr get-login`, which AWS CLI version 2 removed.
    ///
    /// ## Why is this bad?
    /// Current CodeBuild images ship AWS CLI v2, where `aws ecr get-login` fails with "Invalid
    /// choice", so the Docker login — and every push after it — fails. Tutorials written for
    /// CLI v1 still use it.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   pre_build:
    ///     commands:
    ///       - $(aws ecr get-login --no-include-email --region $AWS_DEFAULT_REGION)
    ///   build:
    ///     commands:
    ///       - docker build -t $REPO_URI:latest .
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   pre_build:
    ///     commands:
    ///       - aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS --password-stdin $REGISTRY
    ///   build:
    ///     commands:
    ///       - docker build -t $REPO_URI:latest .
    /// ```
    ///
    /// ## References
    /// - AWS CLI v2 migration guide ("ecr get-login removed"): <https://docs.aws.amazon.com/cli/latest/userguide/cliv2-migration-changes.html#cliv2-migration-ecr-get-login>
    /// - `aws ecr get-login-password`: <https://docs.aws.amazon.com/cli/latest/reference/ecr/get-login-password.html>
    pub static ECR_GET_LOGIN_REMOVED = { code: "BS090", name: "ecr-get-login-removed", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Warns about a command written over several lines with shell `\` continuations as a plain
    /// or folded (`>`) YAML scalar.
    ///
    /// ## Why is this bad?
    /// YAML joins the lines of such a scalar with spaces before the shell sees it, so
    /// `docker run \` + `--rm image` becomes `docker run \ --rm image`: the backslash now escapes
    /// a space and the shell passes `" --rm"` as one argument. Use a literal block (`|`), which
    /// keeps the line breaks, or drop the backslashes.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - docker run \
    ///         --rm owasp/zap2docker-stable zap-baseline.py
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - |
    ///         docker run \
    ///           --rm owasp/zap2docker-stable zap-baseline.py
    /// ```
    ///
    /// ## References
    /// - YAML 1.2.2, 6.5 "Line Folding": <https://yaml.org/spec/1.2.2/#65-line-folding>
    /// - Bash manual, "Escape Character": <https://www.gnu.org/software/bash/manual/html_node/Escape-Character.html>
    pub static FOLDED_LINE_CONTINUATION = { code: "BS091", name: "folded-line-continuation", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Warns about template placeholders left in commands or variables: `<your-ecr-url>`,
    /// `<ACCOUNT_ID>`, `YOUR_BUCKET`, `REPLACE_ME`.
    ///
    /// ## Why is this bad?
    /// The sample was copied without filling it in. In a shell command `<your-ecr-url>` is even
    /// read as an input redirection from a file named `your-ecr-url>`, so the command fails
    /// with a confusing message.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - docker push <your-ecr-url>:latest
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - docker push $REPOSITORY_URI:latest
    /// ```
    ///
    /// ## References
    /// - Bash manual, "Redirections": <https://www.gnu.org/software/bash/manual/html_node/Redirections.html>
    pub static UNFILLED_PLACEHOLDER = { code: "BS092", name: "unfilled-placeholder", severity: Warning };
}

/// Every command of every phase (`commands` and `finally`).
fn commands(root: &Node) -> impl Iterator<Item = &Node> {
    let phases = root.get("phases");
    ["install", "pre_build", "build", "post_build"]
        .into_iter()
        .filter_map(move |p| phases.and_then(|ph| ph.get(p)))
        .flat_map(|phase| {
            ["commands", "finally"]
                .into_iter()
                .filter_map(move |k| phase.get(k))
        })
        .flat_map(|list| {
            if list.scalar().is_some() {
                std::slice::from_ref(list)
            } else {
                list.items()
            }
        })
}

/// BS090–BS092.
pub(crate) fn command_contents(cx: &mut Ctx<'_>) {
    let root = cx.root;
    for cmd in commands(root) {
        let Some(scalar) = cmd.scalar() else { continue };
        let text = scalar.text.as_str();
        if let Some(at) = text.find("aws ecr get-login")
            && !text
                .get(at..)
                .unwrap_or("")
                .starts_with("aws ecr get-login-password")
        {
            cx.push(
                ECR_GET_LOGIN_REMOVED
                    .at(cmd.span, "`aws ecr get-login` does not exist in AWS CLI v2, which current CodeBuild images use")
                    .with_help("log in with `aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS --password-stdin <registry>`"),
            );
        }
        if matches!(scalar.style, Style::Plain | Style::Folded) {
            let raw = cmd.span.slice(cx.text);
            if raw.lines().count() > 1 && raw.lines().any(|l| l.trim_end().ends_with('\\')) {
                cx.push(
                    FOLDED_LINE_CONTINUATION
                        .at(cmd.span, "YAML folds this command into one line, so its `\\` line continuations become `\\ ` (an escaped space)")
                        .with_help("start the command with `|` (a literal block keeps line breaks), or remove the backslashes"),
                );
            }
        }
        if let Some(token) = placeholder(text) {
            cx.push(
                UNFILLED_PLACEHOLDER
                    .at(cmd.span, format!("`{token}` looks like a placeholder that was never filled in"))
                    .with_help("replace it with the real value, or with a variable such as `$REPOSITORY_URI`"),
            );
        }
    }
    let variables = root.get("env").and_then(|e| e.get("variables"));
    for pair in variables.map(Node::entries).unwrap_or(&[]) {
        if let Some(value) = pair.value.as_str()
            && let Some(token) = placeholder(value)
        {
            cx.push(
                UNFILLED_PLACEHOLDER
                    .at(
                        pair.value.span,
                        format!("`{token}` looks like a placeholder that was never filled in"),
                    )
                    .with_help("replace it with the real value"),
            );
        }
    }
}

/// A `<your-…>`-style token or a `YOUR_…`/`REPLACE_ME` word in `text`.
fn placeholder(text: &str) -> Option<String> {
    const WORDS: [&str; 5] = ["your", "account", "replace", "insert", "enter"];
    // Most commands have none of the markers: answer without scanning words (this runs on every
    // command of every keystroke).
    if !text.contains('<')
        && !text.contains("YOUR_")
        && !text.contains("REPLACE_ME")
        && !text.contains("CHANGE")
    {
        return None;
    }
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        let after = rest.get(open + 1..).unwrap_or("");
        if after.starts_with('<') || after.starts_with('(') {
            rest = after.get(1..).unwrap_or("");
            continue;
        }
        let len = after
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b' ' | b'.'))
            .count();
        if len > 0 && after.as_bytes().get(len) == Some(&b'>') {
            let inner = after.get(..len).unwrap_or("");
            let lower = inner.to_ascii_lowercase();
            if WORDS.iter().any(|w| lower.contains(w)) {
                return Some(format!("<{inner}>"));
            }
        }
        rest = after;
    }
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .find(|w| {
            (w.starts_with("YOUR_") && w.len() > 5)
                || matches!(*w, "REPLACE_ME" | "CHANGEME" | "CHANGE_ME")
        })
        .map(|w| shorten(w, 40))
}

#[cfg(test)]
mod tests {
    use super::placeholder;

    #[test]
    fn placeholders() {
        assert_eq!(
            placeholder("docker push <your-ecr-url>:latest").as_deref(),
            Some("<your-ecr-url>")
        );
        assert_eq!(
            placeholder("aws s3 cp x s3://YOUR_BUCKET/x").as_deref(),
            Some("YOUR_BUCKET")
        );
        assert_eq!(
            placeholder("echo <ACCOUNT_ID>").as_deref(),
            Some("<ACCOUNT_ID>")
        );
        assert_eq!(placeholder("echo '<html>'"), None);
        assert_eq!(placeholder("cat <<EOF"), None);
        assert_eq!(placeholder("diff <(a) <(b)"), None);
    }
}
