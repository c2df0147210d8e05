//! Modal dialogs: the examples gallery, the share link, and the choice offered when a link
//! arrives while local work exists.

use yew::prelude::*;

use crate::examples::EXAMPLES;
use cicd_share::link::LONG_LINK;
use cicd_share::workspace::Workspace;

/// Props of [`Modal`].
#[derive(Properties, PartialEq)]
pub struct ModalProps {
    /// Heading.
    pub title: AttrValue,
    /// `data-dialog` value, for tests.
    pub id: &'static str,
    /// Closed (Escape, the close button).
    pub on_close: Callback<()>,
    /// Content.
    pub children: Html,
}

/// A native modal `<dialog>`: focus stays inside, Escape closes it.
#[component]
pub fn Modal(props: &ModalProps) -> Html {
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>()
                && !d.open()
            {
                let _ = d.show_modal();
            }
        });
    }
    let onclose = props.on_close.reform(|_: Event| ());
    let close = props.on_close.reform(|_: MouseEvent| ());
    let title_id = format!("dialog-title-{}", props.id);
    html! {
        <dialog ref={dialog} class="modal" data-dialog={props.id} aria-labelledby={title_id.clone()} {onclose}>
            <header class="modal-header">
                <h2 id={title_id}>{ props.title.clone() }</h2>
                <button type="button" class="icon-button" aria-label="Close" onclick={close}>{"×"}</button>
            </header>
            <div class="modal-body">{ props.children.clone() }</div>
        </dialog>
    }
}

/// Props of [`Gallery`].
#[derive(Properties, PartialEq)]
pub struct GalleryProps {
    /// An example was chosen (its id).
    pub on_open: Callback<&'static str>,
    /// Closed.
    pub on_close: Callback<()>,
}

/// The examples gallery.
#[component]
pub fn Gallery(props: &GalleryProps) -> Html {
    let card = |example: &'static crate::examples::Example| {
        let onclick = props.on_open.reform(move |_: MouseEvent| example.id);
        let files = example
            .files
            .iter()
            .map(|(n, _)| *n)
            .collect::<Vec<_>>()
            .join(", ");
        html! {
            <li class={classes!("example", example.broken.then_some("example-broken"))} data-example={example.id}>
                <button type="button" {onclick}>
                    <span class="example-title">{ example.title }</span>
                    <span class="example-summary">{ crate::page::inline_code(example.summary) }</span>
                    <span class="example-files">{ files }</span>
                </button>
            </li>
        }
    };
    html! {
        <Modal title="Examples" id="gallery" on_close={props.on_close.clone()}>
            <p class="muted">{"Each example opens as a workspace of its own. Your current work is kept unless you choose to replace it."}</p>
            <h3>{"From the guide"}</h3>
            <ul class="examples">{ for EXAMPLES.iter().filter(|e| !e.broken).map(card) }</ul>
            <h3>{"Broken on purpose: find and fix the problems"}</h3>
            <ul class="examples">{ for EXAMPLES.iter().filter(|e| e.broken).map(card) }</ul>
        </Modal>
    }
}

/// Props of [`ShareDialog`].
#[derive(Properties, PartialEq)]
pub struct ShareProps {
    /// The full link.
    pub link: AttrValue,
    /// The embed snippet for docs sites.
    pub embed: AttrValue,
    /// Copy the link.
    pub on_copy: Callback<()>,
    /// Download the workspace instead.
    pub on_download: Callback<()>,
    /// Whether the link was just copied.
    pub copied: bool,
    /// Closed.
    pub on_close: Callback<()>,
}

/// The share dialog: the link, its length, a copy button, and a download for long links.
#[component]
pub fn ShareDialog(props: &ShareProps) -> Html {
    let len = props.link.chars().count();
    let copy = props.on_copy.reform(|_: MouseEvent| ());
    let download = props.on_download.reform(|_: MouseEvent| ());
    let select_all = Callback::from(|e: FocusEvent| {
        if let Some(input) = e
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
        {
            input.select();
        }
    });
    html! {
        <Modal title="Share this workspace" id="share" on_close={props.on_close.clone()}>
            <p class="muted">{"The link holds every file and setting of the workspace, with each simulation's scenario and the \"Assume role?\" form. Nothing is uploaded: the workspace is compressed into the link itself."}</p>
            <label class="stacked">
                <span>{"Link"}</span>
                <input class="share-link" readonly=true value={props.link.clone()} onfocus={select_all.clone()} />
            </label>
            <p class="share-length" data-length={len.to_string()}>{ format!("{len} characters") }</p>
            if len > LONG_LINK {
                <p class="warning" role="status">
                    {"This link is long: some chat apps and browsers cut links of this size. Download the workspace and send the file instead."}
                </p>
            }
            <div class="button-row">
                <button type="button" class="button primary" onclick={copy}>{ if props.copied { "Copied ✓" } else { "Copy link" } }</button>
                <button type="button" class="button" onclick={download}>{"Download workspace"}</button>
            </div>
            <details class="embed-help">
                <summary>{"Embed in a docs page"}</summary>
                <p class="muted" id="embed-help">{"Paste this into a page to show the workspace with its diagnostics, without the playground's menus:"}</p>
                <label class="stacked">
                    <span>{"Embed code (HTML)"}</span>
                    <textarea class="embed-snippet" readonly=true rows="4" value={props.embed.clone()} aria-describedby="embed-help" />
                </label>
            </details>
        </Modal>
    }
}

/// Props of [`IncomingDialog`].
#[derive(Properties, PartialEq)]
pub struct IncomingProps {
    /// The workspace the link holds.
    pub incoming: Workspace,
    /// Replace the current workspace.
    pub on_replace: Callback<()>,
    /// Add the link's files next to the current ones.
    pub on_keep_both: Callback<()>,
    /// Download the current workspace first.
    pub on_download: Callback<()>,
    /// Keep the current workspace only.
    pub on_cancel: Callback<()>,
}

/// Asks what to do with a link when local work exists.
#[component]
pub fn IncomingDialog(props: &IncomingProps) -> Html {
    let names = props
        .incoming
        .files
        .iter()
        .map(|f| f.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let n = props.incoming.files.len();
    let replace = props.on_replace.reform(|_: MouseEvent| ());
    let keep = props.on_keep_both.reform(|_: MouseEvent| ());
    let download = props.on_download.reform(|_: MouseEvent| ());
    let cancel = props.on_cancel.reform(|_: MouseEvent| ());
    html! {
        <Modal title="Open this workspace?" id="incoming" on_close={props.on_cancel.clone()}>
            <p>{ format!("It holds {n} file{}: {names}.", if n == 1 { "" } else { "s" }) }</p>
            <p>{"Your own workspace, saved in this browser, is different. What should happen to it?"}</p>
            <div class="button-row">
                <button type="button" class="button primary" data-choice="keep-both" onclick={keep}>{"Keep both (add these files)"}</button>
                <button type="button" class="button danger" data-choice="replace" onclick={replace}>{"Replace my workspace"}</button>
                <button type="button" class="button" data-choice="cancel" onclick={cancel}>{"Keep mine only"}</button>
            </div>
            <p class="muted">
                {"Before replacing, you can "}
                <button type="button" class="link-button" onclick={download}>{"download your workspace"}</button>
                {"."}
            </p>
        </Modal>
    }
}
