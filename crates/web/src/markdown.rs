//! Rule docs (markdown) rendered to Yew nodes with `pulldown-cmark`: every piece of text becomes
//! a text node, raw HTML is shown as text, and only http(s) links become links.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use yew::prelude::*;
use yew::virtual_dom::VTag;

enum Open {
    Root,
    Element(&'static str, Option<String>),
    Link(String),
}

/// Renders markdown to HTML nodes (never through `innerHTML`).
pub fn render(markdown: &str) -> Html {
    let mut stack: Vec<(Open, Vec<Html>)> = vec![(Open::Root, Vec::new())];
    let push = |stack: &mut Vec<(Open, Vec<Html>)>, node: Html| {
        if let Some((_, children)) = stack.last_mut() {
            children.push(node);
        }
    };
    for event in Parser::new(markdown) {
        match event {
            Event::Start(tag) => {
                let open = match tag {
                    Tag::Paragraph => Open::Element("p", None),
                    Tag::Heading { level, .. } => Open::Element(
                        match level {
                            HeadingLevel::H1 | HeadingLevel::H2 => "h3",
                            HeadingLevel::H3 => "h4",
                            _ => "h5",
                        },
                        None,
                    ),
                    Tag::BlockQuote(_) => Open::Element("blockquote", None),
                    Tag::CodeBlock(kind) => {
                        let lang = match kind {
                            pulldown_cmark::CodeBlockKind::Fenced(l) if !l.is_empty() => Some(l.to_string()),
                            _ => None,
                        };
                        Open::Element("pre", lang)
                    }
                    Tag::List(Some(_)) => Open::Element("ol", None),
                    Tag::List(None) => Open::Element("ul", None),
                    Tag::Item => Open::Element("li", None),
                    Tag::Emphasis => Open::Element("em", None),
                    Tag::Strong => Open::Element("strong", None),
                    Tag::Link { dest_url, .. } => Open::Link(dest_url.to_string()),
                    _ => Open::Element("span", None),
                };
                stack.push((open, Vec::new()));
            }
            Event::End(end) => {
                if matches!(end, TagEnd::HtmlBlock) {
                    continue;
                }
                let Some((open, children)) = stack.pop() else { continue };
                let node = match open {
                    Open::Root => Html::from_iter(children),
                    Open::Element("pre", lang) => {
                        let class = lang.map(|l| format!("language-{l}"));
                        html! { <pre><code class={class}>{ for children }</code></pre> }
                    }
                    Open::Element(name, _) => {
                        let mut tag = VTag::new(name);
                        tag.add_children(children);
                        Html::from(tag)
                    }
                    Open::Link(url) => {
                        let url = url.trim_start_matches('<').trim_end_matches('>').to_string();
                        if url.starts_with("https://") || url.starts_with("http://") {
                            html! { <a href={url} target="_blank" rel="noopener noreferrer">{ for children }</a> }
                        } else {
                            html! { <span>{ for children }</span> }
                        }
                    }
                };
                push(&mut stack, node);
            }
            Event::Text(text) => push(&mut stack, html! { { text.to_string() } }),
            Event::Code(code) => push(&mut stack, html! { <code>{ code.to_string() }</code> }),
            Event::Html(raw) | Event::InlineHtml(raw) => push(&mut stack, html! { { raw.to_string() } }),
            Event::SoftBreak => push(&mut stack, html! { {" "} }),
            Event::HardBreak => push(&mut stack, html! { <br/> }),
            Event::Rule => push(&mut stack, html! { <hr/> }),
            _ => {}
        }
    }
    // Close anything left open (malformed input), innermost first.
    while stack.len() > 1 {
        if let Some((_, children)) = stack.pop() {
            for child in children {
                push(&mut stack, child);
            }
        }
    }
    stack.pop().map(|(_, children)| Html::from_iter(children)).unwrap_or_default()
}
