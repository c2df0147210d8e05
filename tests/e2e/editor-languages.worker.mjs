// Run by editor-languages.test.mjs in a worker thread with a small stack: pastes `text` over a
// file in an editor state of language `lang` ("yaml" or "json"; `raw`: Lezer's own, not the
// editor's guarded one), types "]" at `at`, makes the `edits` ({from, insert}) one by one, parses
// the whole text and highlights it as the editor's view would; then, with `after`, replaces the
// text with it and parses that. Posts the
// text the state ends with and whether each tree was bare (its top node alone), or the error.
import { parentPort, workerData } from "node:worker_threads";
import { EditorState } from "@codemirror/state";
import { bracketMatching, ensureSyntaxTree, indentOnInput } from "@codemirror/language";
import { highlightTree, classHighlighter } from "@lezer/highlight";
import { yamlLanguage } from "@codemirror/lang-yaml";
import { jsonLanguage } from "@codemirror/lang-json";
import { languageFor } from "../../crates/web/js/extras.js";

const { lang, raw, text, at, after, edits } = workerData;
const language = raw ? (lang === "yaml" ? yamlLanguage : jsonLanguage) : languageFor(lang);
/** The whole text's tree, highlighted; whether it is bare. */
function parse(state) {
  const tree = ensureSyntaxTree(state, state.doc.length, 1e9);
  highlightTree(tree, classHighlighter, () => {});
  return tree.topNode.firstChild === null;
}
try {
  let state = EditorState.create({ doc: "a: 1\n", extensions: [language, bracketMatching(), indentOnInput()] });
  state = state.update({ changes: { from: 0, to: state.doc.length, insert: text } }).state;
  state = state.update({ changes: { from: at, insert: "]" }, selection: { anchor: at + 1 } }).state;
  // Later edits, each after the whole text was parsed (their parses reuse that tree).
  for (const change of edits ?? []) {
    ensureSyntaxTree(state, state.doc.length, 1e9);
    state = state.update({ changes: change }).state;
  }
  const reply = { text: state.doc.toString(), bare: parse(state) };
  if (after !== undefined) {
    state = state.update({ changes: { from: 0, to: state.doc.length, insert: after } }).state;
    reply.afterBare = parse(state);
  }
  parentPort.postMessage(reply);
} catch (e) {
  parentPort.postMessage({ error: `${e.name}: ${e.message}` });
}
