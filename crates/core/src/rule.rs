//! Rules: their metadata, the `declare_rule!` macro that turns a rule's doc comment into its page,
//! and the `rule_modules!` macro that makes a kind's rule files its rule list.
//!
//! Every rule lives in a file of its own (as in ruff): the declaration with its documentation, and
//! the `check` function that reports it. `declare_rule!` always declares a static named `RULE`, so
//! a file can hold only one rule; `rule_modules!` declares a kind's rule files, lists each file's
//! `RULE` and runs each file's `check`, so declaring a rule file registers it. A diagnostic remembers
//! where it was created (in debug builds), and a test checks that every diagnostic was created in
//! the file that declares its rule.

use crate::diagnostic::{Diagnostic, Severity, Site};
use crate::source::Span;

/// A rule: a stable code, a kebab-case name naming the problem, a default severity and the
/// documentation page (markdown) written as the rule's doc comment.
#[derive(Debug)]
pub struct Rule {
    /// Stable code, such as `BS021`.
    pub code: &'static str,
    /// Kebab-case name of the problem, such as `missing-phase-commands`.
    pub name: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// The markdown docs: `## What it does`, `## Why is this bad?`, `## Example`,
    /// `Use instead:`, `## References`. Empty when the crate is built without the `docs`
    /// feature.
    pub docs: &'static str,
    /// The source file that declares the rule (and alone may report it): recorded in debug
    /// builds, for the tests that hold rules to their files; release binaries carry no paths.
    #[cfg(debug_assertions)]
    pub file: &'static str,
}

impl Rule {
    /// A diagnostic of this rule at `span`. In debug builds the diagnostic records the place that
    /// created it, so that tests can prove each rule is reported only from its own file.
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn at(&'static self, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code: self.code,
            severity: self.severity,
            message: message.into(),
            span,
            labels: Vec::new(),
            help: None,
            fix: None,
            site: Site::caller(),
        }
    }

    /// The source file that declares the rule (debug builds only).
    pub fn file(&self) -> Option<&'static str> {
        #[cfg(debug_assertions)]
        return Some(self.file);
        #[cfg(not(debug_assertions))]
        None
    }

    /// The docs with the one-space indent of doc comments removed.
    pub fn markdown(&self) -> String {
        let mut out = String::with_capacity(self.docs.len());
        for line in self.docs.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out
    }

    /// The first sentence of "What it does", for listings.
    pub fn summary(&self) -> String {
        let md = self.markdown();
        let body = md
            .split("## What it does")
            .nth(1)
            .unwrap_or("")
            .split("\n## ")
            .next()
            .unwrap_or("");
        let para: Vec<&str> = body
            .trim()
            .split("\n\n")
            .next()
            .unwrap_or("")
            .lines()
            .map(str::trim)
            .collect();
        para.join(" ")
    }

    /// The code blocks of the docs section that starts with `heading` (up to the next `Use
    /// instead:` or `##`), as (language, code) pairs.
    pub fn code_blocks(&self, section: DocSection) -> Vec<(String, String)> {
        let md = self.markdown();
        let start = match section {
            DocSection::Example => md.find("## Example"),
            DocSection::UseInstead => md.find("Use instead:"),
        };
        let Some(start) = start else {
            return Vec::new();
        };
        let rest = md.get(start..).unwrap_or("");
        let rest = rest.split_once('\n').map(|(_, r)| r).unwrap_or("");
        let end = [rest.find("Use instead:"), rest.find("\n## ")]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(rest.len());
        let body = rest.get(..end).unwrap_or("");
        let mut blocks = Vec::new();
        let mut lines = body.lines();
        while let Some(line) = lines.next() {
            if let Some(lang) = line.trim_start().strip_prefix("```") {
                let mut code = String::new();
                for l in lines.by_ref() {
                    if l.trim_start().starts_with("```") {
                        break;
                    }
                    code.push_str(l);
                    code.push('\n');
                }
                blocks.push((lang.trim().to_string(), code));
            }
        }
        blocks
    }
}

/// A section of a rule's docs holding runnable examples.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocSection {
    /// The "Example" section: its code must make the rule fire.
    Example,
    /// The "Use instead" section: its code must not make the rule fire.
    UseInstead,
}

/// Declares the rule of the current file as `pub(crate) static RULE`, whose docs are its doc
/// comment.
///
/// ```ignore
/// declare_rule! {
///     /// ## What it does
///     /// ...
///     code: "BS012", name: "missing-phases", severity: Error
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        code: $code:literal,
        name: $name:literal,
        severity: $sev:ident $(,)?
    ) => {
        $(#[doc = $doc])*
        pub(crate) static RULE: $crate::rule::Rule = $crate::rule::Rule {
            code: $code,
            name: $name,
            severity: $crate::diagnostic::Severity::$sev,
            #[cfg(feature = "docs")]
            docs: concat!($($doc, "\n"),*),
            // Without the `docs` feature (the playground's engine) the pages are not compiled in:
            // the playground fetches them from its `rules/` folder when they are opened.
            #[cfg(not(feature = "docs"))]
            docs: "",
            #[cfg(debug_assertions)]
            file: file!(),
        };
    };
}

/// Declares a kind's rule files (each a module holding `RULE` and a `check` function), lists
/// their rules as `pub(crate) static RULES` in the order written (code order), and writes
/// `pub(crate) fn run(cx, out)`, which runs every `check` over the kind's rule context `$cx`.
///
/// A kind whose rules also relate its files to other files of a workspace lists those after
/// `related context: RelatedCx;`: they are in `RULES` too, and `run_related(cx, out)` runs them
/// over the workspace's context, reporting [`Related`](crate::related::Related) findings.
///
/// ```ignore
/// rule_modules! {
///     context: Cx;
///     unknown_key, invalid_type, missing_version,
/// }
/// ```
#[macro_export]
macro_rules! rule_modules {
    (context: $cx:ident; $($module:ident),+ $(,)?) => {
        $(pub(crate) mod $module;)+

        /// Every rule of the kind, in code order.
        pub(crate) static RULES: &[&$crate::rule::Rule] = &[$(&$module::RULE,)+];

        /// Runs every rule of the kind.
        pub(crate) fn run(cx: &$cx<'_>, out: &mut Vec<$crate::diagnostic::Diagnostic>) {
            $($module::check(cx, out);)+
        }
    };
    (
        context: $cx:ident; $($module:ident),+ ;
        related context: $rcx:ident; $($related:ident),+ $(,)?
    ) => {
        $(pub(crate) mod $module;)+
        $(pub(crate) mod $related;)+

        /// Every rule of the kind, in code order: the file's rules, then those relating files.
        pub(crate) static RULES: &[&$crate::rule::Rule] =
            &[$(&$module::RULE,)+ $(&$related::RULE,)+];

        /// Runs every rule of the kind over one file.
        pub(crate) fn run(cx: &$cx<'_>, out: &mut Vec<$crate::diagnostic::Diagnostic>) {
            $($module::check(cx, out);)+
        }

        /// Runs the rules that relate files of a workspace.
        pub(crate) fn run_related(cx: &$rcx<'_>, out: &mut Vec<$crate::related::Related>) {
            $($related::check(cx, out);)+
        }
    };
}
