//! Code frames with carets, rendered by `annotate-snippets` (the renderer rustc and cargo use).

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::LineIndex;

/// Options for [`human`].
#[derive(Clone, Copy, Debug, Default)]
pub struct HumanOptions {
    /// Emit ANSI colours.
    pub color: bool,
    /// Use Unicode box-drawing characters instead of ASCII.
    pub unicode: bool,
}

/// Renders `diagnostics` about `text` (shown as `path`) as code frames, one after another.
pub fn human(diagnostics: &[Diagnostic], text: &str, path: &str, options: HumanOptions) -> String {
    let index = LineIndex::new(text);
    let renderer = if options.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let renderer = renderer.decor_style(if options.unicode {
        DecorStyle::Unicode
    } else {
        DecorStyle::Ascii
    });
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&render_one(d, text, &index, path, &renderer));
        out.push_str("\n\n");
    }
    out
}

fn render_one(
    d: &Diagnostic,
    text: &str,
    index: &LineIndex,
    path: &str,
    renderer: &Renderer,
) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    // Only the lines from the first to the last annotated one are handed to the renderer, so the
    // cost of a frame does not grow with the file.
    let spans = std::iter::once(d.span).chain(d.labels.iter().map(|l| l.span));
    let first = spans.clone().map(|s| s.start()).min().unwrap_or(0);
    let last = spans.map(|s| s.end()).max().unwrap_or(0);
    let first_line = index.position(text, first).line;
    let last_line = index.position(text, last).line;
    let start = index.line_start(first_line).unwrap_or(0);
    let end = index.line_start(last_line + 1).unwrap_or(text.len());
    let excerpt = text.get(start..end).unwrap_or("");
    let local = |s: crate::source::Span| {
        let a = s.start().saturating_sub(start).min(excerpt.len());
        let b = s.end().saturating_sub(start).min(excerpt.len()).max(a);
        a..b
    };
    let mut snippet = Snippet::source(excerpt)
        .line_start(first_line as usize)
        .path(path)
        .fold(true)
        .annotation(AnnotationKind::Primary.span(local(d.span)));
    for label in &d.labels {
        snippet = snippet.annotation(
            AnnotationKind::Context
                .span(local(label.span))
                .label(label.message.as_str()),
        );
    }
    let mut elements = vec![annotate_snippets::Element::from(snippet)];
    if let Some(help) = &d.help {
        elements.push(Level::HELP.message(help.as_str()).into());
    }
    let url = d.docs_url();
    elements.push(Level::NOTE.message(format!("see {url}")).into());
    let title = level.primary_title(d.message.as_str()).id(d.code);
    let report = [Group::with_title(title).elements(elements)];
    renderer.render(&report)
}
