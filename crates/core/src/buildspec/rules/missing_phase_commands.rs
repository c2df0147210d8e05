//! BS021 missing-phase-commands.

use crate::declare_rule;
use super::Cx;
use super::helpers::last_segment;
use crate::buildspec::schema::{PHASE, PHASE_TAG};
use crate::schema::misspelling;
use crate::diagnostic::{Diagnostic, Severity};

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
    code: "BS021", name: "missing-phase-commands", severity: Error
}

/// `pre_build`, `build` and `post_build` require `commands`.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for tagged in cx.facts.tagged(PHASE_TAG) {
        let Some(map) = tagged.node.map() else {
            continue;
        };
        if !map.complete || map.get("commands").is_some() {
            continue;
        }
        let name = last_segment(&tagged.path);
        // `comands:` right below: the commands are there, under a misspelt key.
        if let Some(typo) = misspelling(map, &PHASE, "commands") {
            let written = typo.key_str().unwrap_or("");
            out.push(
                RULE.at(
                    tagged.anchor,
                    format!("phase `{name}` has no `commands`; `{written}` looks like a misspelling of it"),
                )
                .with_label(typo.key.span, "did you mean `commands`?")
                .with_help(format!("did you mean `commands`? rename `{written}`, rather than adding a second list"))
                .with_rewrite(format!("rename `{written}` to `commands`"), cx.text, typo.key.span, "commands"),
            );
            continue;
        }
        let mut d = RULE
            .at(tagged.anchor, format!("phase `{name}` has no `commands`"))
            .with_help("`commands` is required in pre_build, build and post_build; add the commands, or remove the phase");
        if map.get("finally").is_some() {
            // Real projects run phases holding only `finally`; the documented requirement is
            // not known to be enforced for them.
            d = d
                .with_severity(Severity::Warning)
                .with_help("the reference requires `commands` in this phase; a phase with only `finally` is seen working in real projects, but is not documented — move the commands into `commands`");
        }
        out.push(d);
    }
}
