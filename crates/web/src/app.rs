//! The app: where the workspace comes from (storage, a link, an example), autosave, theme, and
//! the layout of the components.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::diagnostics::DiagnosticsPanel;
use crate::components::dialogs::{Gallery, IncomingDialog, ShareDialog};
use crate::components::docs::DocsPane;
use crate::components::filebar::FileBar;
use crate::components::notice::{EngineStopped, NoticeBar};
use crate::components::panel_host::{PanelEvent, PanelHost};
use crate::components::results::Results;
use crate::components::tabs::{FileTabs, TabInfo};
use crate::components::toolbar::Toolbar;
use crate::editor::Editor;
use crate::engine::{self, EngineClient};
use crate::examples::{self, EXAMPLES};
use crate::page::{self, PageOptions};
use crate::state::{Action, Dialog, EngineStatus, Notice, State};
use cicd_engine::CheckStatus;

use crate::report::{PanelKind, ShellReply as Reply};
use cicd_share as share;
use cicd_share::workspace::{Theme, Workspace, language};

/// How long after the last change the workspace is saved (ms).
const SAVE_DELAY_MS: u32 = 120;

/// Whether a workspace is an unchanged example (replacing it loses nothing).
fn pristine(workspace: &Workspace) -> bool {
    EXAMPLES
        .iter()
        .any(|e| workspace.same_files(&e.workspace()))
}

/// Whether a workspace arriving by link, example or file may replace `current` without asking:
/// when `current` is an unchanged example or already holds the same files.
fn replaces_silently(current: &Workspace, incoming: &Workspace) -> bool {
    pristine(current) || current.same_files(incoming)
}

/// `text` ended as a sentence: a full stop unless it already ends with one, a question mark or
/// an exclamation mark (a share error may ask "was it copied completely?").
fn sentence(text: impl std::fmt::Display) -> String {
    let text = text.to_string();
    if text.ends_with(['.', '?', '!']) {
        text
    } else {
        format!("{text}.")
    }
}

/// The notice shown when a share link cannot be decoded.
fn link_failed(error: impl std::fmt::Display) -> Notice {
    Notice {
        error: true,
        text: format!(
            "{} Your workspace was kept.",
            sentence(format_args!("This link could not be opened: {error}"))
        ),
    }
}

/// The notice naming what the address asks for and the playground does not have (`?example=`,
/// `?rule=`), or `None` when everything it names exists.
fn unknown_names(example: Option<&str>, rule: Option<&str>) -> Option<Notice> {
    let parts: Vec<String> = [
        example.map(|name| format!("the example “{name}”")),
        rule.map(|code| format!("the rule “{code}”")),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| Notice {
        error: true,
        text: format!(
            "This link names {}, which the playground does not have; {} ignored.",
            parts.join(" and "),
            if parts.len() == 1 {
                "it was"
            } else {
                "they were"
            }
        ),
    })
}

/// Applies the text the bridge saved after a crash, if any.
fn recover(workspace: &mut Workspace) -> Option<Notice> {
    // The bridge saves `{"file": ID, "text": "…"}`.
    let json = crate::editor::take_emergency();
    let saved = cicd_share::json::Json::parse(&json).ok()?;
    let id: u32 = match saved.get("file")? {
        cicd_share::json::Json::Number(n) => *n as u32,
        other => other.as_str()?.parse().ok()?,
    };
    let text = saved.get("text")?.as_str()?.to_string();
    let file = workspace.files.iter_mut().find(|f| f.id == id)?;
    file.text = text;
    Some(Notice {
        error: false,
        text: format!(
            "Recovered what you typed in {} after the playground stopped.",
            file.name
        ),
    })
}

/// Whether a file read as text is binary (an image, an archive): NUL bytes or replacement
/// characters from invalid UTF-8 in its first kilobytes.
fn looks_binary(text: &str) -> bool {
    let head: String = text.chars().take(8192).collect();
    head.contains('\0') || head.chars().filter(|&c| c == '\u{FFFD}').count() > 2
}

/// Decides what the app opens with; `link` is the page's share link, opened before the app
/// mounts (`None`: the URL has none).
fn initial_state(
    options: &PageOptions,
    link: Option<Result<Workspace, share::ShareError>>,
) -> State {
    let example = options
        .example
        .as_deref()
        .and_then(examples::find)
        .map(|e| e.workspace());
    let mut state = if options.embed {
        let mut notice = None;
        let workspace = match link {
            None => example.unwrap_or_else(examples::default_workspace),
            Some(link) => link.unwrap_or_else(|e| {
                notice = Some(Notice {
                    error: true,
                    text: sentence(format_args!(
                        "This embedded workspace could not be opened: {e}"
                    )),
                });
                examples::default_workspace()
            }),
        };
        let mut s = State::new(workspace);
        s.notice = notice;
        s
    } else {
        let mut local = page::load_workspace();
        let recovered = local.as_mut().and_then(recover);
        let mut s = State::new(local.clone().unwrap_or_else(examples::default_workspace));
        s.notice = recovered;
        // Like a link, an example named in the URL is opened once: a reload then shows the
        // autosaved work instead of asking again.
        page::consume_example_param();
        let incoming = match link {
            None => example.map(Ok),
            Some(link) => {
                page::clear_fragment();
                Some(link)
            }
        };
        match incoming {
            Some(Ok(incoming)) => {
                let keep_local = local
                    .as_ref()
                    .is_some_and(|l| !replaces_silently(l, &incoming));
                if keep_local {
                    s.dialog = Some(Dialog::IncomingLink(Box::new(incoming)));
                } else {
                    let notice = s.notice.take();
                    s = State::new(incoming);
                    s.notice = notice;
                }
            }
            Some(Err(e)) => s.notice = Some(link_failed(e)),
            None => {}
        }
        s
    };
    if let Some(name) = &options.file
        && let Some(i) = state.workspace.files.iter().position(|f| &f.name == name)
    {
        state.workspace.selected = i;
    }
    let mut unknown_rule = None;
    if let Some(rule) = &options.rule {
        state = state.apply(Action::ShowDocs(rule.clone()));
        if state.docs.is_none() {
            unknown_rule = Some(rule.as_str());
        }
    }
    let unknown_example = options
        .example
        .as_deref()
        .filter(|name| examples::find(name).is_none());
    if let Some(unknown) = unknown_names(unknown_example, unknown_rule) {
        // After a notice already there (a link that failed, text recovered after a crash).
        state.notice = Some(match state.notice.take() {
            Some(before) => Notice {
                error: true,
                text: format!("{} {}", before.text, unknown.text),
            },
            None => unknown,
        });
    }
    state
}

/// The share-link fragment of the current workspace while `wanted` (the share dialog is open, or
/// the page is an embed, whose "open" link carries the workspace): the browser compresses it
/// (`CompressionStream`), so it arrives a moment after each change: the newest one made, with the
/// workspace change (`State::changes`) it is of; `None` until the first. A browser without a
/// compressor gets a notice instead.
#[hook]
fn use_share_fragment(state: UseReducerHandle<State>, wanted: bool) -> Option<(u64, Rc<str>)> {
    let made = use_state(|| None::<(u64, Rc<str>)>);
    let latest = use_mut_ref(|| 0u64);
    let changes = state.changes;
    {
        let made = made.setter();
        use_effect_with((changes, wanted), move |&(changes, wanted)| {
            *latest.borrow_mut() = changes;
            if wanted {
                let payload = share::payload(&state.workspace);
                let dispatcher = state.dispatcher();
                let sharing = matches!(state.dialog, Some(Dialog::Share));
                wasm_bindgen_futures::spawn_local(async move {
                    let compressed = crate::editor::deflate_raw(&payload).await;
                    if *latest.borrow() != changes {
                        return;
                    }
                    match compressed {
                        Some(bytes) => made.set(Some((changes, share::fragment(&bytes).into()))),
                        // An embed's link then opens the playground without the workspace.
                        None if !sharing => {}
                        None => {
                            dispatcher.dispatch(Action::Dialog(None));
                            dispatcher.dispatch(Action::Notify(Some(Notice {
                                error: true,
                                text: "This browser cannot compress a share link \
                                       (it has no CompressionStream); download the workspace instead."
                                    .into(),
                            })));
                        }
                    }
                });
            }
        });
    }
    (*made).clone()
}

/// The playground.
/// Props of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The page's share link, opened before the app mounts (the browser inflates it
    /// asynchronously); `None` when the URL has none.
    pub link: Option<Result<Workspace, share::ShareError>>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let options = use_memo((), |_| PageOptions::of_page());
    let state = use_reducer({
        let options = options.clone();
        let link = props.link.clone();
        move || initial_state(&options, link)
    });
    let copied = use_state(|| false);
    let share_wanted = options.embed || matches!(state.dialog, Some(Dialog::Share));
    // The newest fragment made, with the workspace change it is of: the dialog opens once the
    // one of the workspace as it was opened is made, and then keeps showing the newest one (the
    // engine's suggestions change the workspace while it is open).
    let shared = use_share_fragment(state.clone(), share_wanted);
    let share_opened_at = use_mut_ref(|| 0u64);
    let force = use_force_update();
    // The engine (a Web Worker) answers what the state asks; the client is started once, and
    // again when the user restarts a stopped engine.
    let client = use_mut_ref(|| None::<Rc<EngineClient>>);
    {
        let client = client.clone();
        let dispatcher = state.dispatcher();
        use_effect_with(state.engine_starts, move |starts| {
            let failed = dispatcher.clone();
            if let Some(old) = client.borrow_mut().take() {
                old.terminate();
            }
            let on_event: Rc<dyn Fn(engine::Event)> = Rc::new(move |event| match event {
                engine::Event::Ready => dispatcher.dispatch(Action::EngineReady),
                engine::Event::Reply(Reply::Report(report)) => {
                    dispatcher.dispatch(Action::Report(report))
                }
                engine::Event::Reply(_) => {}
                engine::Event::Failed(message) => {
                    dispatcher.dispatch(Action::EngineStopped(message))
                }
            });
            match EngineClient::start(on_event, *starts > 0) {
                Ok(started) => {
                    engine::set_current(&started);
                    *client.borrow_mut() = Some(started);
                }
                Err(message) => failed.dispatch(Action::EngineStopped(message)),
            }
        });
    }
    {
        let state = state.clone();
        let client = client.clone();
        use_effect(move || {
            // An edit that did not fit the workspace's text: take the editor's whole text.
            if let Some(id) = state.reread
                && let Some(text) = crate::editor::editor_text(id)
            {
                state.dispatch(Action::Edit { id, text });
            }
            if let Some(client) = client.borrow().as_ref() {
                let files = state.workspace.files.iter().map(|f| f.id).collect();
                client.sync(state.requests(), &files);
            }
        });
    }
    let embed = options.embed;

    // Autosave every change, off the keystroke's critical path: the latest workspace is written
    // shortly after the last change, and at once when the page is hidden or closed. (Not in
    // embed mode: an embedded example must not overwrite the visitor's own workspace.)
    let latest = use_mut_ref(|| None::<Workspace>);
    let pending = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    {
        let dispatch = state.dispatcher();
        let has_notice = state.notice.is_some();
        let workspace = state.workspace.clone();
        let (latest, pending) = (latest.clone(), pending.clone());
        use_effect_with(state.changes, move |_| {
            if !embed {
                *latest.borrow_mut() = Some(workspace);
                let latest = latest.clone();
                let timeout = gloo::timers::callback::Timeout::new(SAVE_DELAY_MS, move || {
                    if let Some(ws) = latest.borrow_mut().take()
                        && !page::save_workspace(&ws)
                        && !has_notice
                    {
                        dispatch.dispatch(Action::Notify(Some(Notice {
                            error: true,
                            text: "This browser refused to save the workspace (storage full or disabled). Download it to keep your work.".into(),
                        })));
                    }
                });
                // Replacing the timeout cancels the previous one.
                *pending.borrow_mut() = Some(timeout);
            }
        });
    }
    {
        let latest = latest.clone();
        use_effect_with((), move |_| {
            let flush = move || {
                if let Some(ws) = latest.borrow_mut().take() {
                    page::save_workspace(&ws);
                }
            };
            let flush = std::rc::Rc::new(flush);
            let mut listeners: Vec<gloo::events::EventListener> = Vec::new();
            if let Some(w) = web_sys::window() {
                let a = flush.clone();
                listeners.push(gloo::events::EventListener::new(
                    &w,
                    "pagehide",
                    move |_| a(),
                ));
                if let Some(d) = w.document() {
                    let b = flush.clone();
                    listeners.push(gloo::events::EventListener::new(
                        &d,
                        "visibilitychange",
                        move |_| b(),
                    ));
                }
            }
            move || drop(listeners)
        });
    }
    // Follow the system theme while the setting is "auto".
    use_effect_with((), move |_| {
        let listener = web_sys::window()
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
            .map(|mql| {
                gloo::events::EventListener::new(&mql, "change", move |_| force.force_update())
            });
        move || drop(listener)
    });
    let theme = options.theme.unwrap_or(state.workspace.settings.theme);
    let dark = match theme {
        Theme::Dark => true,
        Theme::Light => false,
        Theme::Auto => page::system_prefers_dark(),
    };
    use_effect_with(dark, |dark| page::apply_theme(*dark));

    let dispatch = |make: fn(u32) -> Action| {
        let state = state.clone();
        Callback::from(move |id: u32| state.dispatch(make(id)))
    };
    let on_select = dispatch(Action::Select);
    let on_delete = dispatch(Action::Delete);
    let on_change = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let on_docs = {
        let state = state.clone();
        Callback::from(move |code: String| state.dispatch(Action::ShowDocs(code)))
    };
    let on_assist = {
        let state = state.clone();
        let client = client.clone();
        Callback::from(
            move |(what, text, offset): (cicd_engine::AssistKind, String, u32)| {
                let client = client.borrow().clone();
                match (client, state.assist_input(what, text, offset)) {
                    (Some(client), Some(input)) => client.assist(input),
                    _ => js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL),
                }
            },
        )
    };
    let on_move = {
        let state = state.clone();
        Callback::from(move |(id, by): (u32, i32)| state.dispatch(Action::Move { id, by }))
    };
    let on_rename = {
        let state = state.clone();
        Callback::from(move |(id, name): (u32, String)| state.dispatch(Action::Rename { id, name }))
    };
    let on_kind = {
        let state = state.clone();
        Callback::from(move |(id, kind)| state.dispatch(Action::SetKind { id, kind }))
    };
    let on_image = {
        let state = state.clone();
        Callback::from(move |image: Option<String>| state.dispatch(Action::SetImage(image)))
    };
    let on_new = {
        let state = state.clone();
        Callback::from(move |(name, text): (String, String)| {
            state.dispatch(Action::AddFile { name, text })
        })
    };
    let on_select_diag = {
        let state = state.clone();
        Callback::from(move |i: usize| state.dispatch(Action::SelectDiagnostic(i)))
    };
    let on_open = {
        let state = state.clone();
        Callback::from(move |(file, offset): (u32, u32)| {
            state.dispatch(Action::Open { file, offset })
        })
    };
    let on_panel = {
        let state = state.clone();
        Callback::from(move |event| {
            state.dispatch(match event {
                PanelEvent::Settings(json) => Action::SetPanelSettings(json),
                PanelEvent::Reveal(offset) => Action::Reveal(offset),
                PanelEvent::Finding(i) => Action::SelectDiagnostic(i),
                PanelEvent::Open(file, offset) => Action::Open { file, offset },
                PanelEvent::SetPart(file, key, json) => Action::SetPanelPart { file, key, json },
            })
        })
    };
    let restart_engine = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::RestartEngine))
    };
    let close_docs = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::CloseDocs))
    };
    let close_notice = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Notify(None)))
    };
    let close_dialog = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Dialog(None)))
    };
    let download = {
        let state = state.clone();
        Callback::from(move |_| {
            let json = cicd_share::to_json(&state.workspace, true);
            crate::editor::download_text("workspace.cicd.json", &json, "application/json");
        })
    };
    let download_file = {
        let state = state.clone();
        Callback::from(move |_| {
            if let Some(file) = state.current() {
                crate::editor::download_text(&file.name, &file.text, "text/plain");
            }
        })
    };
    let offer = {
        let state = state.clone();
        Callback::from(move |incoming: Workspace| {
            if replaces_silently(&state.workspace, &incoming) {
                state.dispatch(Action::Load(Box::new(incoming), None));
            } else {
                state.dispatch(Action::Dialog(Some(Dialog::IncomingLink(Box::new(
                    incoming,
                )))));
            }
        })
    };
    // A link opened while the playground is already showing (same tab, only the fragment
    // changes): handle it like a link at start-up.
    let latest_offer = use_mut_ref(|| offer.clone());
    *latest_offer.borrow_mut() = offer.clone();
    let arrivals = use_mut_ref(|| 0u64);
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo::events::EventListener::new(&w, "hashchange", move |_| {
                    let fragment = page::fragment();
                    if fragment.is_empty() {
                        return;
                    }
                    if !embed {
                        page::clear_fragment();
                    }
                    let state = state.clone();
                    let latest_offer = latest_offer.clone();
                    // Only the newest link is opened, whichever is inflated first.
                    *arrivals.borrow_mut() += 1;
                    let arrival = *arrivals.borrow();
                    let arrivals = arrivals.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let link = page::decode_link(&fragment).await;
                        if *arrivals.borrow() != arrival {
                            return;
                        }
                        match link {
                            Ok(incoming) if embed => {
                                state.dispatch(Action::Load(Box::new(incoming), None))
                            }
                            Ok(incoming) => latest_offer.borrow().emit(incoming),
                            Err(e) => state.dispatch(Action::Notify(Some(link_failed(e)))),
                        }
                    });
                })
            });
            move || drop(listener)
        });
    }
    let open_example = {
        let offer = offer.clone();
        Callback::from(move |id: &'static str| {
            if let Some(example) = examples::find(id) {
                offer.emit(example.workspace());
                // Focus follows the choice into the editor (not the page's body), once the
                // dialog is gone and the example is shown.
                gloo::timers::callback::Timeout::new(0, crate::editor::focus_editor).forget();
            }
        })
    };
    let open_files = {
        let state = state.clone();
        let offer = offer.clone();
        Callback::from(move |files: Vec<(String, String)>| {
            let mut refused = Vec::new();
            for (name, text) in files {
                if looks_binary(&text) {
                    refused.push(name);
                    continue;
                }
                match cicd_share::from_json(&text) {
                    Ok(ws) if !ws.files.is_empty() => offer.emit(ws.normalize()),
                    _ => state.dispatch(Action::AddFile { name, text }),
                }
            }
            if !refused.is_empty() {
                state.dispatch(Action::Notify(Some(Notice {
                    error: true,
                    text: format!(
                        "{} not opened: {} binary, not text. The playground opens text files (YAML, JSON, workspace downloads).",
                        refused.join(", "),
                        if refused.len() == 1 { "it is" } else { "they are" }
                    ),
                })));
            }
        })
    };
    let on_theme = {
        let state = state.clone();
        Callback::from(move |t: Theme| state.dispatch(Action::SetTheme(t)))
    };
    let open_gallery = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Dialog(Some(Dialog::Gallery))))
    };
    let open_share = {
        let state = state.clone();
        let copied = copied.clone();
        let share_opened_at = share_opened_at.clone();
        Callback::from(move |_| {
            copied.set(false);
            *share_opened_at.borrow_mut() = state.changes;
            state.dispatch(Action::Dialog(Some(Dialog::Share)));
        })
    };

    let Some(file) = state.current() else {
        return html! {};
    };
    let check = state.report(file.id);
    let status = check.as_ref().map_or(CheckStatus::PlainText, |c| c.status);
    let kind = state.kind_of(file);
    let lang = language(file, kind);
    let diagnostics = Rc::new(
        check
            .as_ref()
            .map(|c| c.diagnostics.clone())
            .unwrap_or_default(),
    );
    let tabs: Vec<TabInfo> = state
        .workspace
        .files
        .iter()
        .map(|f| {
            let c = state.report(f.id);
            TabInfo {
                id: f.id,
                name: f.name.clone(),
                kind: state.kind_of(f).map_or("text", |k| k.id()),
                errors: c.as_ref().map_or(0, |c| c.errors),
                warnings: c.as_ref().map_or(0, |c| c.warnings),
            }
        })
        .collect();

    let dialog = match &state.dialog {
        None => html! {},
        Some(Dialog::Gallery) => {
            html! { <Gallery on_open={open_example} on_close={close_dialog.clone()} /> }
        }
        // The dialog opens once the browser has compressed the workspace (a frame or two).
        Some(Dialog::Share)
            if shared
                .as_ref()
                .is_none_or(|(at, _)| *at < *share_opened_at.borrow()) =>
        {
            html! {}
        }
        Some(Dialog::Share) => {
            let fragment = shared.clone().map(|(_, f)| f).unwrap_or_default();
            let link: AttrValue = format!("{}#{fragment}", page::base_url()).into();
            let embed_snippet: AttrValue = format!(
                "<iframe src=\"{}?embed=1#{fragment}\" title=\"CI/CD Playground\" width=\"100%\" height=\"480\" loading=\"lazy\"></iframe>",
                page::base_url()
            )
            .into();
            let on_copy = {
                let copied = copied.clone();
                let link = link.clone();
                Callback::from(move |_| {
                    let copied = copied.clone();
                    let link = link.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        copied.set(crate::editor::copy_text(&link).await);
                    });
                })
            };
            html! { <ShareDialog {link} embed={embed_snippet} {on_copy} on_download={download.clone()} copied={*copied} on_close={close_dialog.clone()} /> }
        }
        Some(Dialog::IncomingLink(incoming)) => {
            let replace = {
                let state = state.clone();
                let incoming = incoming.clone();
                Callback::from(move |_| state.dispatch(Action::Load(incoming.clone(), None)))
            };
            let keep_both = {
                let state = state.clone();
                let incoming = incoming.clone();
                Callback::from(move |_| state.dispatch(Action::Merge(incoming.clone())))
            };
            html! { <IncomingDialog incoming={(**incoming).clone()} on_replace={replace} on_keep_both={keep_both} on_download={download.clone()} on_cancel={close_dialog.clone()} /> }
        }
    };

    let lines = file.text.bytes().filter(|&b| b == b'\n').count() + 1;
    let embed_link = embed.then(|| match &shared {
        Some((_, fragment)) => format!("{}#{fragment}", page::base_url()),
        None => page::base_url(),
    });
    html! {
        <div class={classes!("app", embed.then_some("embed"))} data-mode={if embed { "embed" } else { "full" }}>
            if embed {
                <h1 class="visually-hidden">{ format!("CI/CD Playground: {}", file.name) }</h1>
            }
            if !embed {
                <Toolbar theme={state.workspace.settings.theme} on_gallery={open_gallery} on_share={open_share}
                    on_open_files={open_files} on_download={download.clone()} {download_file} {on_theme} />
            }
            if let Some(notice) = state.notice.clone() {
                <NoticeBar {notice} on_close={close_notice} />
            }
            <main class="workbench">
                <section class="editor-pane" aria-label="Editor">
                    <FileTabs {tabs} selected={file.id} {on_select} on_move={on_move.clone()} editable={!embed} />
                    <FileBar id={file.id} name={file.name.clone()} choice={file.kind} {kind}
                        image={state.workspace.settings.image.clone()} editable={!embed} read_only={options.read_only}
                        {on_rename} {on_delete} {on_move} {on_kind} {on_image} {on_new} />
                    <div role="tabpanel" class="editor-frame" aria-labelledby={format!("tab-{}", file.id)}>
                        <Editor file_id={file.id} text={AttrValue::from(file.text.clone())} {lang} generation={state.generation}
                            {dark} read_only={options.read_only} {diagnostics} revision={state.revision} cursor={state.cursor}
                            highlights={state.highlights()}
                            {on_change} {on_docs} {on_assist} />
                    </div>
                    if !options.read_only {
                        <p class="editor-help" id="editor-help">
                            <kbd>{"Tab"}</kbd>{" indents · "}<kbd>{"Esc"}</kbd>{" then "}<kbd>{"Tab"}</kbd>{" leaves the editor · "}
                            <kbd>{"F8"}</kbd>{" next problem · "}<kbd>{"Ctrl+Shift+M"}</kbd>{" problems and fixes"}
                        </p>
                    }
                </section>
                <aside class="side" aria-label="Problems and documentation">
                    if let EngineStatus::Stopped(message) = &state.engine {
                        <EngineStopped message={AttrValue::from(message.clone())} on_restart={restart_engine} />
                    }
                    <DiagnosticsPanel check={check.clone()} loading={state.engine == EngineStatus::Loading}
                        selected={state.selected_diagnostic} on_select={on_select_diag.clone()} on_open={on_open.clone()} />
                    if let Some(code) = state.docs.clone() {
                        <DocsPane code={AttrValue::from(code.clone())}
                            name={check.as_ref().and_then(|c| c.diagnostics.iter().find(|d| d.code == code)).map(|d| AttrValue::from(d.name.clone()))}
                            severity={check.as_ref().and_then(|c| c.diagnostics.iter().find(|d| d.code == code)).map(|d| d.severity.as_str())}
                            on_close={close_docs} />
                    }
                    // The latest answer stays up while the next one is computed (no flicker).
                    if let Some(report) = check.clone() {
                        if report.panel != PanelKind::None {
                            <PanelHost report={report.clone()} settings={AttrValue::from(file.scenario.clone())} on_event={on_panel} />
                        } else if !embed {
                            <Results {status} />
                        }
                    } else if !embed {
                        <Results {status} loading={state.engine == EngineStatus::Loading} />
                    }
                </aside>
            </main>
            <footer class="statusbar">
                <span>{ kind.map_or("Plain text", |k| k.title()) }</span>
                <span>{ format!("{lines} lines") }</span>
                if let Some(link) = embed_link {
                    <a class="open-full" href={link} target="_blank" rel="noopener">{"Open in CI/CD Playground ↗"}</a>
                } else {
                    <span class="muted">{"Saved in this browser"}</span>
                }
            </footer>
            { dialog }
        </div>
    }
}
