//! What the panels need of the page: scrolling, reduced motion, inline code in messages. The
//! shell uses the same functions (it links this crate as a library, without the panels).

/// The value of the input, select or text area an event comes from ("" for anything else).
pub fn event_value(e: &web_sys::Event) -> String {
    use wasm_bindgen::JsCast;
    let Some(target) = e.target() else {
        return String::new();
    };
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return input.value();
    }
    if let Some(select) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        return select.value();
    }
    if let Some(area) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return area.value();
    }
    String::new()
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Scrolls the first element matching `selector` into view (`block`: `nearest`, `center`, …),
/// smoothly unless the user prefers reduced motion.
pub fn scroll_into_view(selector: &str, block: &str) {
    let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
    else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(match block {
        "center" => web_sys::ScrollLogicalPosition::Center,
        "start" => web_sys::ScrollLogicalPosition::Start,
        _ => web_sys::ScrollLogicalPosition::Nearest,
    });
    options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
    if !reduced_motion() {
        options.set_behavior(web_sys::ScrollBehavior::Smooth);
    }
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Whether the user prefers reduced motion.
pub fn reduced_motion() -> bool {
    window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// Text with Markdown inline code (`` `x` ``) rendered as `<code>`, as the rule pages do.
pub fn inline_code(text: &str) -> yew::Html {
    use yew::html;
    let parts = split_inline_code(text);
    html! { <>{ for parts.into_iter().map(|(code, part)| if code {
        html! { <code>{ part }</code> }
    } else {
        html! { { part } }
    }) }</> }
}

/// Text with Markdown inline code's backticks removed, for what a screen reader reads out
/// (a live region's announcement).
pub fn plain_text(text: &str) -> String {
    split_inline_code(text)
        .into_iter()
        .map(|(_, part)| part)
        .collect()
}

/// `text` cut at backticks: `(is_code, part)`; an unpaired backtick stays text.
fn split_inline_code(text: &str) -> Vec<(bool, String)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('`') {
        let after = &rest[start + 1..];
        let Some(len) = after.find('`') else { break };
        if start > 0 {
            out.push((false, rest[..start].to_string()));
        }
        out.push((true, after[..len].to_string()));
        rest = &after[len + 1..];
    }
    if !rest.is_empty() {
        out.push((false, rest.to_string()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_code_parts() {
        assert_eq!(
            split_inline_code("`JUNIT` is not `a` format"),
            vec![
                (true, "JUNIT".to_string()),
                (false, " is not ".to_string()),
                (true, "a".to_string()),
                (false, " format".to_string())
            ]
        );
        assert_eq!(
            split_inline_code("a ` b"),
            vec![(false, "a ` b".to_string())]
        );
    }

    #[test]
    fn plain_text_drops_paired_backticks() {
        assert_eq!(
            plain_text("invokes the `BeforeInstall` hook function"),
            "invokes the BeforeInstall hook function"
        );
        assert_eq!(plain_text("a ` b"), "a ` b");
    }
}
