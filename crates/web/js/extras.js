// The editor's parts that can arrive after it is usable: syntax highlighting for YAML and JSON,
// the lint gutter and its keys (diagnostics come with the engine, later still), and search.
// Loaded by bridge.js with a dynamic import; esbuild puts what it shares with bridge.js in a
// common chunk, so that CodeMirror's state and view exist once.
import { yaml } from "@codemirror/lang-yaml";
import { json } from "@codemirror/lang-json";

export { lintGutter, setDiagnostics, lintKeymap } from "@codemirror/lint";
export { search, searchKeymap, highlightSelectionMatches } from "@codemirror/search";

/** The language support of "yaml", "json" or anything else (plain text). */
export function languageFor(lang) {
  if (lang === "yaml") return yaml();
  if (lang === "json") return json();
  return [];
}
