// The CodeMirror 6 side of the playground. Rust owns the workspace and computes diagnostics; this
// module only edits text and shows what Rust computed. Bundled by esbuild (js/build.mjs) into
// js/gen/cm/ and imported by the Rust crate through wasm-bindgen (`crates/web/src/editor.rs`
// documents the API). What the editor needs to be usable is imported here (typing, selection,
// line numbers); the undo history, syntax highlighting, folding, bracket matching, the editing
// keymap (Tab indents, word and line moves), the lint gutter and search come with `extras.js`,
// loaded once an editor exists (diagnostics only arrive with the engine, later still), and join
// every editor when they arrive (≈ 25 KB brotli less before the editor is usable: the commands
// and language packages would otherwise load with it). Until then the browser's own editing keys
// work, and what is typed is kept but cannot be undone; a placeholder fold gutter keeps the text
// from moving when the real one comes.

import { EditorState, Compartment, EditorSelection, StateEffect, StateField } from "@codemirror/state";
import {
  EditorView, Decoration, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection,
  highlightSpecialChars, dropCursor, rectangularSelection, gutter, GutterMarker, hasHoverTooltips,
  closeHoverTooltips,
} from "@codemirror/view";

const EMERGENCY_KEY = "cicd-playground:emergency";
let fatal = false;

// Keystroke → diagnostics latency, for benchmarks: the time from a document change to the next
// `setDiagnostics`, and to the frame after it. Bounded buffers.
const latency = { diagnostics: [], painted: [] };
let pendingSince = null;
function record(list, value) {
  list.push(value);
  if (list.length > 2000) list.shift();
}
if (typeof window !== "undefined") window.__cicdLatency = latency;

// Ranges a simulation points at (the statement that allowed, the condition that failed...).
const setHighlightsEffect = StateEffect.define();
const highlightField = StateField.define({
  create() { return Decoration.none; },
  update(value, tr) {
    let next = value.map(tr.changes);
    for (const e of tr.effects) if (e.is(setHighlightsEffect)) next = e.value;
    return next;
  },
  provide: (f) => EditorView.decorations.from(f),
});

// The lazily loaded part (extras.js), once it is in; `whenExtras` callbacks run when it arrives.
let extras = null;
let extrasLoading = null;
const whenExtras = new Set();
function loadExtras() {
  extrasLoading ??= import("./extras.js").then(
    (module) => {
      extras = module;
      for (const f of whenExtras) f();
      whenExtras.clear();
    },
    (error) => {
      // Highlighting, search and the lint gutter stay off; the editor keeps working.
      console.error("the editor's extras could not be loaded", error);
      extrasLoading = null;
    },
  );
}

function languageFor(lang) {
  return extras ? extras.languageFor(lang) : [];
}
function lintFor() {
  return extras ? [extras.lintGutter(), keymap.of(extras.lintKeymap)] : [];
}
function editingFor() {
  return extras ? extras.editing() : foldPlaceholder;
}
function keysFor() {
  return extras ? keymap.of(extras.editingKeymap) : [];
}
function themeFor(dark) {
  if (!dark) return [];
  return extras ? [extras.oneDarkTheme, darkContrast, extras.darkHighlighting] : [darkBase, darkContrast];
}
// Completion and hover (extras.js): the engine answers (`onAssist`, a Promise).
function assistFor(onAssist, onDocs, readOnly) {
  return extras && !readOnly ? extras.assist(onAssist, onDocs, appendInline) : [];
}

function searchFor() {
  return extras
    ? [extras.highlightSelectionMatches(), extras.search({ top: true }), keymap.of(extras.searchKeymap)]
    : [];
}

const baseTheme = EditorView.theme({
  "&": { height: "100%", fontSize: "13.5px" },
  ".cm-scroller": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", lineHeight: "1.5" },
  ".cm-tooltip-lint": { maxWidth: "36em" },
  ".cicd-tip": { padding: "4px 6px", fontFamily: "system-ui, sans-serif", fontSize: "13px" },
  ".cicd-tip-code": { fontWeight: "600", marginRight: "6px" },
  ".cicd-tip-help": { marginTop: "4px" },
  ".cicd-tip-keys": { marginTop: "4px", fontSize: "12px" },
  ".cicd-tip code": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", fontSize: "0.92em" },
  ".cicd-hl-allow": { backgroundColor: "rgba(46, 160, 67, 0.16)", borderRadius: "2px" },
  ".cicd-hl-deny": { backgroundColor: "rgba(248, 81, 73, 0.16)", borderRadius: "2px" },
  ".cicd-hl-fail": { backgroundColor: "rgba(248, 81, 73, 0.24)", outline: "1px solid rgba(248, 81, 73, 0.6)", borderRadius: "2px" },
  ".cicd-assist": { maxWidth: "32em" },
  ".cicd-tip-docs": { marginTop: "4px", display: "inline-block", textDecoration: "underline", cursor: "pointer", background: "none", border: "none", padding: "0", color: "inherit", font: "inherit" },
});

// Holds the fold gutter's place (same class, same spacer as @codemirror/language's) until the
// extras bring the real one, so that the text does not move sideways when they arrive.
class FoldSpacer extends GutterMarker {
  toDOM() {
    const span = document.createElement("span");
    span.textContent = "›";
    return span;
  }
}
const foldPlaceholder = gutter({ class: "cm-foldGutter", initialSpacer: () => new FoldSpacer() });

// Until the extras bring One Dark (`@codemirror/theme-one-dark`, whose highlight style needs the
// language package), its colours for what an editor without them shows: no light flash.
const darkBase = EditorView.theme({
  "&": { color: "#abb2bf", backgroundColor: "#282c34" },
  ".cm-content": { caretColor: "#528bff" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "#528bff" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection": { backgroundColor: "#3E4451" },
  ".cm-activeLine": { backgroundColor: "#6699ff0b" },
  ".cm-gutters": { backgroundColor: "#282c34", color: "#7d8799", border: "none" },
  ".cm-activeLineGutter": { backgroundColor: "#2c313a" },
}, { dark: true });

// Dark mode meeting WCAG AA (4.5:1) on One Dark's background: brighter gutter text, keys and
// strings, and a failure highlight that keeps the text readable.
const darkContrast = EditorView.theme({
  ".cm-gutters": { color: "#a3abb9" },
  ".cm-lineNumbers .cm-gutterElement": { color: "#a3abb9" },
  ".cicd-hl-fail": { backgroundColor: "rgba(248, 81, 73, 0.12)", outline: "1px solid #ff7b72" },
  ".cicd-hl-deny": { backgroundColor: "rgba(248, 81, 73, 0.10)" },
  ".cicd-hl-allow": { backgroundColor: "rgba(46, 160, 67, 0.12)" },
}, { dark: true });
// One Dark's highlight style, brightened to AA, comes with the extras (`darkHighlighting`).


/** Appends `text` to `el`, with Markdown inline code (`x`) as <code>. */
function appendInline(el, text) {
  const parts = String(text).split("`");
  // An odd number of parts means the backticks pair up.
  const paired = parts.length % 2 === 1;
  parts.forEach((part, i) => {
    if (paired && i % 2 === 1) {
      const code = document.createElement("code");
      code.textContent = part;
      el.appendChild(code);
    } else if (part) {
      el.appendChild(document.createTextNode(!paired && i > 0 ? "`" + part : part));
    }
  });
}

function renderMessage(d, onDocs) {
  return () => {
    const box = document.createElement("div");
    box.className = "cicd-tip";
    const head = document.createElement("div");
    const code = document.createElement("span");
    code.className = "cicd-tip-code";
    code.textContent = d.code;
    head.appendChild(code);
    appendInline(head, d.message);
    box.appendChild(head);
    if (d.help) {
      const help = document.createElement("div");
      help.className = "cicd-tip-help";
      appendInline(help, d.help);
      box.appendChild(help);
    }
    const docs = document.createElement("button");
    docs.type = "button";
    docs.className = "cicd-tip-docs";
    docs.textContent = `Rule ${d.code}: read why`;
    docs.addEventListener("click", () => onDocs(d.code));
    box.appendChild(docs);
    const keys = document.createElement("div");
    keys.className = "cicd-tip-keys";
    keys.textContent = d.fix
      ? "Keyboard: F8 next problem · Ctrl+Shift+M problem list with its fix · Esc then Tab leaves the editor"
      : "Keyboard: F8 next problem · Ctrl+Shift+M problem list · Esc then Tab leaves the editor";
    box.appendChild(keys);
    return box;
  };
}

/**
 * Creates an editor inside `host` (mounted in a shadow root, so that CodeMirror's styles need no
 * `unsafe-inline` in the page's Content-Security-Policy).
 *
 * @param {HTMLElement} host  element to mount into
 * @param {string} doc        initial text
 * @param {string} lang       "yaml", "json" or "text"
 * @param {boolean} dark      dark theme
 * @param {boolean} readOnly  read-only
 * @param {(id: number, from: number, to: number, insert: string, length: number) => void} onChange
 *   called (deferred) after edits of file `id`: its text from `from` to `to` (UTF-16 offsets in
 *   the text as last reported) became `insert`, and the text is now `length` UTF-16 units long
 * @param {(code: string) => void} onDocs     called when the user asks for a rule's docs
 * @param {(what: "Complete"|"Hover", text: string, offset: number) => Promise<object|null>} onAssist
 *   asks the engine for the completions at a UTF-16 offset, or the hover there (an
 *   `AssistReport`, null when the question was overtaken by a newer one)
 */
export function createEditor(host, doc, lang, dark, readOnly, onChange, onDocs, onAssist) {
  const root = host.shadowRoot || host.attachShadow({ mode: "open" });
  const parent = document.createElement("div");
  parent.className = "cicd-editor";
  parent.style.height = "100%";
  root.replaceChildren(parent);

  const language = new Compartment();
  const lint = new Compartment();
  const searching = new Compartment();
  const theme = new Compartment();
  const editing = new Compartment();
  const keys = new Compartment();
  let isDark = dark;
  const editable = new Compartment();
  const assisting = new Compartment();
  // Rust is never re-entered from inside a CodeMirror update: questions leave in a microtask.
  const ask = (what, text, offset) => new Promise((resolve) => {
    queueMicrotask(() => {
      if (fatal || !onAssist) return resolve(null);
      try {
        Promise.resolve(onAssist(what, text, offset)).then(resolve, () => resolve(null));
      } catch (_) { resolve(null); }
    });
  });
  let ro = readOnly;
  const states = new Map();
  let current = null;
  let scheduled = false;
  // Edits not yet reported, oldest first: [{id, changes, doc}] (the file, its changes composed,
  // its text after them). Only the changed range crosses into Rust, not the whole text.
  let unreported = [];
  function report() {
    const list = unreported;
    unreported = [];
    for (const { id, changes, doc } of list) {
      // One range covering every change: between changes the text is the same before and after.
      let from = -1, toA = 0, toB = 0;
      changes.iterChangedRanges((fA, tA, fB, tB) => {
        if (from < 0) from = fA;
        toA = tA;
        toB = tB;
      });
      if (from >= 0) onChange(id, from, toA, doc.sliceString(from, toB), doc.length);
    }
  }

  function extensions(langName) {
    return [
      lineNumbers(), highlightActiveLineGutter(), editing.of(editingFor()), highlightSpecialChars(),
      drawSelection(), dropCursor(), rectangularSelection(),
      highlightActiveLine(),
      EditorState.tabSize.of(2),
      // Escape closes a hover tooltip, also the one F8 opens on a problem (it would otherwise
      // stay until the cursor leaves the problem, over the file bar). Not handled: Escape still
      // simplifies the selection and starts "Esc then Tab leaves the editor".
      keymap.of([{
        key: "Escape",
        run(view) {
          if (hasHoverTooltips(view.state)) view.dispatch({ effects: closeHoverTooltips });
          return false;
        },
      }]),
      keys.of(keysFor()),
      // After the keymap above: the search and lint keys come after the editing keys, as before.
      searching.of(searchFor()), lint.of(lintFor()), assisting.of(assistFor(ask, onDocs, ro)),
      language.of(languageFor(langName)), theme.of(themeFor(isDark)), baseTheme, highlightField,
      editable.of([EditorState.readOnly.of(ro), EditorView.editable.of(!ro)]),
      // Focusable even when read-only (a keyboard user can still scroll and select the text).
      EditorView.contentAttributes.of({ "aria-label": "Configuration file editor", tabindex: "0" }),
      EditorView.domEventHandlers({
        // Typing over a selection: apply it ourselves so that Chrome's native editing never
        // inserts a styled span (a `style-src-attr` CSP report).
        // Text of several lines inserted in one input (an IME, dictation, `insertText`): also
        // applied here. Left to Chrome, it becomes one DOM line per text line, which CodeMirror
        // then reads back (seconds for a few thousand lines in an empty editor).
        beforeinput(event, view) {
          const lines = typeof event.data === "string" && /[\r\n]/.test(event.data);
          const selected = !view.state.selection.main.empty;
          // A replacement (spell check, autocorrect) replaces its target range, not the caret's
          // place: only taken over when it replaces the selection.
          if (event.data && ((event.inputType === "insertText" && (lines || selected))
              || (event.inputType === "insertReplacementText" && selected))) {
            event.preventDefault();
            view.dispatch(view.state.replaceSelection(event.data), { userEvent: "input.type", scrollIntoView: true });
            return true;
          }
          return false;
        },
      }),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        if (pendingSince === null) pendingSince = performance.now();
        if (fatal) {
          emergencySave();
          return;
        }
        const last = unreported[unreported.length - 1];
        if (last && last.id === current && last.doc === update.startState.doc) {
          last.changes = last.changes.compose(update.changes);
          last.doc = update.state.doc;
        } else {
          unreported.push({ id: current, changes: update.changes, doc: update.state.doc });
        }
        if (scheduled) return;
        scheduled = true;
        // Deferred: Rust must not be re-entered from inside a CodeMirror dispatch.
        queueMicrotask(() => {
          scheduled = false;
          if (fatal) return;
          try {
            report();
          } catch (e) {
            enterFatal(String(e));
          }
        });
      }),
    ];
  }

  const view = new EditorView({
    state: EditorState.create({ doc, extensions: extensions(lang) }),
    parent,
    root,
  });
  let langName = lang;
  // Diagnostics set before the lint extension is in (shown when it arrives).
  let pendingDiagnostics = null;
  // What the extras change in an editor state (also one saved before they arrived).
  function reconfigureExtras(name) {
    return [
      language.reconfigure(languageFor(name)), lint.reconfigure(lintFor()), searching.reconfigure(searchFor()),
      editing.reconfigure(editingFor()), keys.reconfigure(keysFor()), theme.reconfigure(themeFor(isDark)),
      assisting.reconfigure(assistFor(ask, onDocs, ro)),
    ];
  }
  function withExtras() {
    if (!extras) return;
    view.dispatch({
      effects: reconfigureExtras(langName),
    });
    if (pendingDiagnostics) {
      view.dispatch(extras.setDiagnostics(view.state, pendingDiagnostics));
      pendingDiagnostics = null;
    }
  }
  if (!extras) {
    whenExtras.add(withExtras);
    loadExtras();
  }

  function emergencySave() {
    try {
      localStorage.setItem(EMERGENCY_KEY, JSON.stringify({ file: current, text: view.state.doc.toString(), at: Date.now() }));
    } catch (_) { /* storage full or disabled: nothing more to do */ }
  }
  editors.add({ emergencySave });
  lastView = view;

  function clamp(n) {
    return Math.max(0, Math.min(n | 0, view.state.doc.length));
  }

  const api = {
    /** The whole text. */
    getText() { return view.state.doc.toString(); },
    /** The text of file `id` as the editor has it (`undefined` for a file it never showed). */
    textOf(id) {
      const state = id === current ? view.state : states.get(id);
      return state?.doc.toString();
    },
    /**
     * Shows another file: `id` keeps each file's own undo history and selection.
     */
    open(id, text, name) {
      if (current !== null) states.set(current, view.state);
      current = id;
      langName = name;
      pendingDiagnostics = null;
      const saved = states.get(id);
      // Neither changes the text through a transaction: nothing is reported back.
      if (saved && saved.doc.toString() === text) {
        view.setState(saved);
        // Saved before the extras arrived, or for another language.
        view.dispatch({
          effects: reconfigureExtras(name),
        });
      } else {
        // Rust's text replaces the editor's: edits of it not yet reported are moot.
        unreported = unreported.filter((u) => u.id !== id);
        view.setState(EditorState.create({ doc: text, extensions: extensions(name) }));
      }
    },
    /** Forgets the saved state of a closed file. */
    forget(id) { states.delete(id); },
    /**
     * Shows diagnostics: [{from, to, severity: "error"|"warning"|"info", code, message, help?,
     * fix?: {title, from, to, insert}}], offsets in UTF-16 code units (clamped to the text).
     */
    setDiagnostics(list) {
      const diagnostics = list.map((d) => {
        const from = clamp(d.from);
        const to = Math.max(from, clamp(d.to));
        const out = {
          from, to, severity: d.severity, message: `${d.code} ${d.message}`,
          renderMessage: renderMessage(d, onDocs),
        };
        if (d.fix) {
          out.actions = [{
            name: d.fix.title,
            apply(v) {
              v.dispatch({ changes: { from: clamp(d.fix.from), to: Math.max(clamp(d.fix.from), clamp(d.fix.to)), insert: d.fix.insert } });
            },
          }];
        }
        return out;
      });
      if (extras) view.dispatch(extras.setDiagnostics(view.state, diagnostics));
      else pendingDiagnostics = diagnostics;
      if (pendingSince !== null) {
        const start = pendingSince;
        pendingSince = null;
        record(latency.diagnostics, performance.now() - start);
        requestAnimationFrame(() => record(latency.painted, performance.now() - start));
      }
    },
    /** Marks ranges: [{from, to, class: "allow"|"deny"|"fail"}] (UTF-16 offsets). */
    setHighlights(list) {
      const marks = list
        .map((h) => ({ from: clamp(h.from), to: clamp(h.to), cls: `cicd-hl-${h.class}` }))
        .filter((h) => h.to > h.from)
        .sort((a, b) => a.from - b.from)
        .map((h) => Decoration.mark({ class: h.cls }).range(h.from, h.to));
      view.dispatch({ effects: setHighlightsEffect.of(Decoration.set(marks, true)) });
    },
    /** Moves the cursor to a UTF-16 offset, scrolls it into view and optionally focuses. */
    setCursor(offset, focus) {
      const at = clamp(offset);
      view.dispatch({ selection: EditorSelection.cursor(at), scrollIntoView: true });
      if (focus) view.focus();
    },
    /** The cursor's UTF-16 offset. */
    cursor() { return view.state.selection.main.head; },
    setReadOnly(readOnly) {
      ro = readOnly;
      view.dispatch({
        effects: [editable.reconfigure([EditorState.readOnly.of(ro), EditorView.editable.of(!ro)]),
          assisting.reconfigure(assistFor(ask, onDocs, ro))],
      });
    },
    setTheme(dark) {
      isDark = dark;
      view.dispatch({ effects: theme.reconfigure(themeFor(dark)) });
    },
    focus() { view.focus(); },
    destroy() {
      if (lastEditor === api) lastEditor = null;
      whenExtras.delete(withExtras);
      view.destroy();
      root.replaceChildren();
    },
  };
  if (typeof window !== "undefined") window.__cicdEditor = api;
  lastEditor = api;
  return api;
}

let lastEditor = null;
/** The whole text of file `id` in the editor (`undefined` for a file it never showed). */
export function editorText(id) {
  return lastEditor?.textOf(id);
}

const editors = new Set();

function enterFatal(message) {
  if (fatal) return;
  fatal = true;
  for (const e of editors) e.emergencySave();
  if (typeof window !== "undefined" && typeof window.cicdShowFatal === "function") window.cicdShowFatal(message);
}

/** Called by Rust's panic hook: the wasm instance is unusable from now on. */
let lastView = null;

/** Focuses the editor (after a dialog closes, say). */
export function focusEditor() {
  if (lastView) lastView.focus();
}

export function panicked(message) {
  enterFatal(message);
}

/** Reads and clears the text saved while the app was down, as JSON, or "". */
export function takeEmergency() {
  try {
    const value = localStorage.getItem(EMERGENCY_KEY) || "";
    localStorage.removeItem(EMERGENCY_KEY);
    return value;
  } catch (_) {
    return "";
  }
}

/** Copies text to the clipboard; resolves to true on success. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (_) {
    return false;
  }
}

/**
 * Compresses bytes to a raw DEFLATE stream with the browser's own compressor (share links: the
 * shell's wasm then carries no encoder). Resolves to null where the browser has none.
 */
export async function deflateRaw(bytes) {
  try {
    const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (_) {
    return null;
  }
}

/**
 * Inflates a raw DEFLATE stream with the browser's own decompressor (share links), stopping past
 * `limit` bytes (a "zip bomb" is refused, not inflated): the input is fed 1 KB at a time, as the
 * decompressor asks for it, so that at most about a megabyte is inflated past the limit.
 * Resolves to the bytes; rejects with "too-large", "corrupt" (a stream cut short or damaged) or
 * "unsupported" (a browser without `DecompressionStream("deflate-raw")`).
 */
export async function inflateRaw(bytes, limit) {
  // A copy: `bytes` may be a view of the wasm memory, which can move while we wait.
  const data = bytes.slice();
  let at = 0;
  const input = new ReadableStream({
    pull(controller) {
      if (at >= data.length) {
        controller.close();
        return;
      }
      controller.enqueue(data.slice(at, at + 1024));
      at += 1024;
    },
  }, { highWaterMark: 0 });
  let reader;
  try {
    reader = input.pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  } catch (_) {
    throw "unsupported";
  }
  const chunks = [];
  let total = 0;
  for (;;) {
    let step;
    try {
      step = await reader.read();
    } catch (_) {
      throw "corrupt";
    }
    if (step.done) break;
    total += step.value.length;
    if (total > limit) {
      reader.cancel().catch(() => {});
      throw "too-large";
    }
    chunks.push(step.value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

/** Offers `text` as a file download. */
export function downloadText(name, text, mime) {
  const url = URL.createObjectURL(new Blob([text], { type: mime || "text/plain" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
