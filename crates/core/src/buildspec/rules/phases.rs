//! Build phases: their names, `commands`, and `on-failure`.

use crate::buildspec::schema::{INSTALL_PHASE, PHASE};
use crate::declare_rule;
use crate::schema::{Checker, Ty};
use crate::source::tree::shorten;
use crate::source::{Node, Span, Value};
use crate::suggest::did_you_mean;

declare_rule! {
    /// ## What it does
    /// Reports a phase other than `install`, `pre_build`, `build` and `post_build`.
    ///
    /// ## Why is this bad?
    /// Phases cannot be renamed or added. CodeBuild fails the build: `YAML_FILE_ERROR Message:
    /// Invalid buildspec phase name: deploy. Expecting: build,install,post_build,pre_build`. The
    /// usual causes are a made-up phase (`deploy`, `test`) and a section such as `artifacts`
    /// indented under `phases` by mistake.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    ///   deploy:
    ///     commands:
    ///       - ./deploy.sh
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    ///   post_build:
    ///     commands:
    ///       - ./deploy.sh
    /// ```
    ///
    /// ## References
    /// - Buildspec syntax, `phases`: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax>
    pub static UNKNOWN_PHASE = { code: "BS020", name: "unknown-phase", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports a `pre_build`, `build` or `post_build` phase without `commands`.
    ///
    /// ## Why is this bad?
    /// The reference makes `commands` required in these three phases whenever the phase is
    /// present (only `install` may go without). A phase holding only `finally` is reported as a
    /// warning instead: public projects run such phases, so the requirement is not known to be
    /// enforced for them.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     finally:
    ///       - echo done
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    ///     finally:
    ///       - echo done
    /// ```
    ///
    /// ## References
    /// - Buildspec syntax ("commands: Required sequence if build is specified"): <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax>
    pub static MISSING_PHASE_COMMANDS = { code: "BS021", name: "missing-phase-commands", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Warns about a phase, `commands` or `finally` that is present but empty (`build:` or
    /// `commands:` with nothing after it, or `[]`).
    ///
    /// ## Why is this bad?
    /// An empty phase does nothing, and a half-written one usually means commands were lost to a
    /// wrong indentation. For `pre_build`, `build` and `post_build` the reference requires
    /// commands; what CodeBuild does with an empty list is not documented, hence a warning.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Buildspec syntax: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax>
    pub static EMPTY_PHASE = { code: "BS022", name: "empty-phase", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Reports a command that YAML read as a mapping, because it contains `: ` (a colon followed
    /// by a space) and is not quoted.
    ///
    /// ## Why is this bad?
    /// This is the most common buildspec mistake. YAML turns `- echo "Status: ok"` into a mapping
    /// with the key `echo "Status`, and CodeBuild fails the build before running anything:
    /// `YAML_FILE_ERROR Message: Expected Commands[0] to be of string type: found subkeys
    /// instead at line 5, value of the key tag on line 4 might be empty`.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - echo "Status: ok"
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - 'echo "Status: ok"'
    /// ```
    ///
    /// ## References
    /// - Buildspec syntax ("you must enclose the command in quotation marks"): <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax>
    /// - Real reports: aws/sagemaker-chainer-container PR #83; <https://www.bioerrorlog.work/entry/codebuild-colon-error>
    pub static COMMAND_IS_MAPPING = { code: "BS023", name: "command-is-mapping", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Warns about an empty item in a `commands` or `finally` list (a lone `-`).
    ///
    /// ## Why is this bad?
    /// The item runs nothing. It is usually a command whose text ended up on the next line with
    /// the wrong indentation.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       -
    ///       - make
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Buildspec syntax: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax>
    pub static EMPTY_COMMAND = { code: "BS024", name: "empty-command", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Reports an `on-failure` value that is none of `ABORT`, `CONTINUE`, `RETRY`,
    /// `RETRY-<count>`, `RETRY-<regex>` or `RETRY-<count>-<regex>`.
    ///
    /// ## Why is this bad?
    /// CodeBuild cannot read the phase. The value decides whether a failed phase stops the
    /// build, moves on, or is retried; a typo would change that behaviour.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     on-failure: STOP
    ///     commands:
    ///       - make
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     on-failure: ABORT
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Buildspec syntax, `on-failure`: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax>
    pub static INVALID_ON_FAILURE = { code: "BS025", name: "invalid-on-failure", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Warns when `ABORT`, `CONTINUE` or `RETRY` in `on-failure` is not written in upper case.
    ///
    /// ## Why is this bad?
    /// The reference spells the values in upper case. Whether other spellings work is not
    /// documented (one AWS example writes `Retry-`), so write them as documented.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     on-failure: abort
    ///     commands:
    ///       - make
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     on-failure: ABORT
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Buildspec syntax, `on-failure`: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax>
    pub static ON_FAILURE_CASE = { code: "BS026", name: "on-failure-case", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Reports a `RETRY-<count>` whose count is above 100.
    ///
    /// ## Why is this bad?
    /// The reference limits the count to 0–100.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     on-failure: RETRY-500
    ///     commands:
    ///       - make
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     on-failure: RETRY-5
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Buildspec syntax, `on-failure` ("count must be between 0 and 100"): <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax>
    pub static RETRY_COUNT_OUT_OF_RANGE = { code: "BS027", name: "retry-count-out-of-range", severity: Error };
}

/// `phases.install`: no required commands.
pub(crate) fn check_install_phase(node: &Node, _anchor: Span, c: &mut Checker<'_>) {
    if node.is_null() {
        return;
    }
    c.value(node, &Ty::Map(&INSTALL_PHASE), node.span);
}

/// `phases.pre_build`/`build`/`post_build`: `commands` is required.
pub(crate) fn check_phase(node: &Node, anchor: Span, c: &mut Checker<'_>) {
    let name = c.current_key().to_string();
    if node.is_null() {
        c.push(
            EMPTY_PHASE
                .at(anchor, format!("phase `{name}` is empty"))
                .with_help("add `commands:` with at least one command, or remove the phase"),
        );
        return;
    }
    c.value(node, &Ty::Map(&PHASE), anchor);
    let Some(map) = node.map() else {
        return;
    };
    if map.complete && map.get("commands").is_none() {
        let mut d = MISSING_PHASE_COMMANDS
            .at(anchor, format!("phase `{name}` has no `commands`"))
            .with_help("`commands` is required in pre_build, build and post_build; add the commands, or remove the phase");
        if map.get("finally").is_some() {
            // Real projects run phases holding only `finally`; the documented requirement is
            // not known to be enforced for them.
            d = d
                .with_severity(crate::diagnostic::Severity::Warning)
                .with_help("the reference requires `commands` in this phase; a phase with only `finally` is seen working in real projects, but is not documented — move the commands into `commands`");
        }
        c.push(d);
    }
}

/// `commands` and `finally`: a list of strings.
pub(crate) fn check_commands(node: &Node, anchor: Span, c: &mut Checker<'_>) {
    let key = c.current_key().to_string();
    match &node.value {
        Value::Invalid => {}
        Value::Scalar(s) if s.is_null() => c.push(
            EMPTY_PHASE
                .at(anchor, format!("`{}` is empty", c.path()))
                .with_help(format!("list the {key} to run, one per `- ` item")),
        ),
        Value::Scalar(_) => {
            c.value(node, &Ty::List(&Ty::Str), anchor);
        }
        Value::Map(_) => c.wrong_type(node, "a list of commands"),
        Value::Seq(seq) => {
            if seq.items.is_empty() && seq.complete {
                c.push(
                    EMPTY_PHASE
                        .at(node.span, format!("`{}` is an empty list", c.path()))
                        .with_help(format!("list the {key} to run, one per `- ` item")),
                );
            }
            for (i, item) in seq.items.iter().enumerate() {
                command(item, i, &key, c);
            }
        }
    }
}

fn command(item: &Node, index: usize, key: &str, c: &mut Checker<'_>) {
    match &item.value {
        Value::Invalid => {}
        Value::Scalar(s) if s.is_null() => c.push(
            EMPTY_COMMAND
                .at(
                    item_span(item, c.text),
                    format!("empty item in `{}`", c.path()),
                )
                .with_help("remove the empty `-`, or put the command on the same line"),
        ),
        Value::Scalar(_) => {}
        Value::Map(map) => {
            let key_text = map
                .entries
                .first()
                .and_then(|p| p.key_str())
                .unwrap_or("")
                .to_string();
            let raw = item.span.slice(c.text);
            let mut d = COMMAND_IS_MAPPING
                .at(
                    item.span,
                    format!(
                        "{key}[{index}] was read as a mapping, not a command, because of the `: ` after `{}`",
                        shorten(&key_text, 40)
                    ),
                )
                .with_help("quote this command: a colon followed by a space starts a YAML mapping");
            if !raw.contains('\n') && !raw.is_empty() {
                let quoted = format!("'{}'", raw.replace('\'', "''"));
                d = d.with_fix("quote the command", item.span, quoted);
            }
            c.push(d);
        }
        Value::Seq(_) => {
            c.within(&index.to_string(), |c| {
                c.wrong_type(item, "a command (a string)")
            });
        }
    }
}

/// An empty item's span is empty; point at its `-` instead.
fn item_span(item: &Node, text: &str) -> Span {
    if !item.span.is_empty() {
        return item.span;
    }
    let before = text.get(..item.span.start()).unwrap_or("");
    match before.rfind('-') {
        Some(i) if !before.get(i + 1..).unwrap_or("").contains('\n') => Span::new(i, i + 1),
        _ => item.span,
    }
}

/// The parsed form of an `on-failure` value.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum OnFailure {
    Abort,
    Continue,
    Retry {
        count: Option<u64>,
        pattern: Option<String>,
    },
}

/// Parses an `on-failure` value ignoring case; `None` when it matches no documented form.
pub(crate) fn parse_on_failure(value: &str) -> Option<OnFailure> {
    let upper = value.to_ascii_uppercase();
    match upper.as_str() {
        "ABORT" => return Some(OnFailure::Abort),
        "CONTINUE" => return Some(OnFailure::Continue),
        "RETRY" => {
            return Some(OnFailure::Retry {
                count: None,
                pattern: None,
            });
        }
        _ => {}
    }
    if !upper.starts_with("RETRY-") {
        return None;
    }
    let rest = value.get(6..)?;
    if rest.is_empty() {
        return None;
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let (count_text, after) = rest.split_at(digits);
    if digits > 0 && after.is_empty() {
        return Some(OnFailure::Retry {
            count: Some(count_text.parse().unwrap_or(u64::MAX)),
            pattern: None,
        });
    }
    if digits > 0
        && let Some(pattern) = after.strip_prefix('-')
        && !pattern.is_empty()
    {
        return Some(OnFailure::Retry {
            count: Some(count_text.parse().unwrap_or(u64::MAX)),
            pattern: Some(pattern.to_string()),
        });
    }
    Some(OnFailure::Retry {
        count: None,
        pattern: Some(rest.to_string()),
    })
}

/// `on-failure`.
pub(crate) fn check_on_failure(node: &Node, _anchor: Span, c: &mut Checker<'_>) {
    if node.is_null() || node.is_invalid() {
        return;
    }
    let Some(value) = node.as_str() else {
        c.wrong_type(node, "ABORT, CONTINUE or a RETRY form");
        return;
    };
    match parse_on_failure(value) {
        None => {
            let mut d = INVALID_ON_FAILURE.at(
                node.span,
                format!("`{value}` is not a valid on-failure value"),
            );
            if let Some(s) = did_you_mean(value, ["ABORT", "CONTINUE", "RETRY"]) {
                d = d.with_fix(format!("replace with `{s}`"), node.span, s);
            }
            c.push(d.with_help("valid values: ABORT, CONTINUE, RETRY, RETRY-<count>, RETRY-<regex>, RETRY-<count>-<regex>"));
        }
        Some(parsed) => {
            let keyword_len = match parsed {
                OnFailure::Abort => 5,
                OnFailure::Continue => 8,
                OnFailure::Retry { .. } => 5,
            };
            let keyword = value.get(..keyword_len).unwrap_or("");
            if keyword != keyword.to_ascii_uppercase() {
                let upper = keyword.to_ascii_uppercase();
                let fixed = format!("{upper}{}", value.get(keyword_len..).unwrap_or(""));
                c.push(
                    ON_FAILURE_CASE
                        .at(node.span, format!("`{value}` is not written in upper case"))
                        .with_help(format!("write `{upper}` as the reference does; other spellings are not documented"))
                        .with_fix(format!("replace with `{fixed}`"), node.span, fixed),
                );
            }
            if let OnFailure::Retry { count: Some(n), .. } = parsed
                && n > 100
            {
                c.push(
                    RETRY_COUNT_OUT_OF_RANGE
                        .at(
                            node.span,
                            format!("retry count {n} is above the maximum of 100"),
                        )
                        .with_help("use a count between 0 and 100"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn on_failure_forms() {
        assert_eq!(parse_on_failure("ABORT"), Some(OnFailure::Abort));
        assert_eq!(parse_on_failure("continue"), Some(OnFailure::Continue));
        assert_eq!(
            parse_on_failure("RETRY-4"),
            Some(OnFailure::Retry {
                count: Some(4),
                pattern: None
            })
        );
        assert_eq!(
            parse_on_failure("RETRY-8-invalid+"),
            Some(OnFailure::Retry {
                count: Some(8),
                pattern: Some("invalid+".into())
            })
        );
        assert_eq!(
            parse_on_failure("Retry-._Error: Unable._"),
            Some(OnFailure::Retry {
                count: None,
                pattern: Some("._Error: Unable._".into())
            })
        );
        assert_eq!(
            parse_on_failure("RETRY-3abc"),
            Some(OnFailure::Retry {
                count: None,
                pattern: Some("3abc".into())
            })
        );
        assert_eq!(parse_on_failure("RETRY-"), None);
        assert_eq!(parse_on_failure("STOP"), None);
        assert_eq!(
            parse_on_failure("RETRY-3-"),
            Some(OnFailure::Retry {
                count: None,
                pattern: Some("3-".into())
            })
        );
    }
}
