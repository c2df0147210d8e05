// Run by editor-languages.test.mjs in a worker thread with a small stack: pastes `text` over a
// file in an editor state of language `lang` ("yaml" or "json"; `raw`: Lezer's own, not the
// editor's guarded one), types after it, and posts the text the state ends with, or the error.
import { parentPort, workerData } from "node:worker_threads";
import { EditorState } from "@codemirror/state";
import { bracketMatching, indentOnInput } from "@codemirror/language";
import { yamlLanguage } from "@codemirror/lang-yaml";
import { jsonLanguage } from "@codemirror/lang-json";
import { languageFor } from "../../crates/web/js/extras.js";

const { lang, raw, text, at } = workerData;
const language = raw ? (lang === "yaml" ? yamlLanguage : jsonLanguage) : languageFor(lang);
try {
  let state = EditorState.create({ doc: "a: 1\n", extensions: [language, bracketMatching(), indentOnInput()] });
  state = state.update({ changes: { from: 0, to: state.doc.length, insert: text } }).state;
  state = state.update({ changes: { from: at, insert: "]" }, selection: { anchor: at + 1 } }).state;
  parentPort.postMessage({ text: state.doc.toString() });
} catch (e) {
  parentPort.postMessage({ error: `${e.name}: ${e.message}` });
}
