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

/// A file of a workspace for [`human_related`]: its name and text.
#[derive(Clone, Copy, Debug)]
pub struct NamedText<'a> {
    /// The name shown (`.github/workflows/deploy.yml`).
    pub name: &'a str,
    /// The text.
    pub text: &'a str,
}

/// Renders findings that relate files: one code frame per file involved, the primary file
/// first, in one report per finding.
pub fn human_related(
    items: &[crate::diagnostic::Related],
    files: &[NamedText<'_>],
    options: HumanOptions,
) -> String {
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
    let indexes: Vec<LineIndex> = files.iter().map(|f| LineIndex::new(f.text)).collect();
    let mut out = String::new();
    for item in items {
        let d = &item.diagnostic;
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Info => Level::INFO,
        };
        // (file, span, label: None for the primary place)
        let mut places: Vec<(usize, crate::source::Span, Option<&str>)> =
            vec![(item.file, d.span, None)];
        places.extend(
            d.labels
                .iter()
                .map(|l| (item.file, l.span, Some(l.message.as_str()))),
        );
        places.extend(
            item.elsewhere
                .iter()
                .map(|l| (l.file, l.span, Some(l.message.as_str()))),
        );
        let mut order: Vec<usize> = vec![item.file];
        for (f, _, _) in &places {
            if !order.contains(f) {
                order.push(*f);
            }
        }
        let mut elements: Vec<annotate_snippets::Element<'_>> = Vec::new();
        for file in order {
            let (Some(named), Some(index)) = (files.get(file), indexes.get(file)) else {
                continue;
            };
            let text = named.text;
            let mine: Vec<_> = places.iter().filter(|(f, _, _)| *f == file).collect();
            let first = mine.iter().map(|(_, s, _)| s.start()).min().unwrap_or(0);
            let last = mine.iter().map(|(_, s, _)| s.end()).max().unwrap_or(0);
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
                .path(named.name)
                .fold(true);
            for (_, span, label) in mine {
                snippet = snippet.annotation(match label {
                    None => AnnotationKind::Primary.span(local(*span)),
                    Some(m) => AnnotationKind::Context.span(local(*span)).label(*m),
                });
            }
            elements.push(snippet.into());
        }
        if let Some(help) = &d.help {
            elements.push(Level::HELP.message(help.as_str()).into());
        }
        elements.push(Level::NOTE.message(format!("see {}", d.docs_url())).into());
        let title = level.primary_title(d.message.as_str()).id(d.code);
        let report = [Group::with_title(title).elements(elements)];
        out.push_str(&renderer.render(&report));
        out.push_str("\n\n");
    }
    out
}
