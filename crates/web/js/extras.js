// The editor's parts that can arrive after it is usable: syntax highlighting for YAML and JSON
// (and its dark style), the undo history, folding, bracket matching, indentation on input and the editing keymap
// (Tab indents, word and line moves, comments), the lint gutter and its keys (diagnostics come with
// the engine, later still), and search. Loaded by bridge.js with a dynamic import; esbuild puts
// what it shares with bridge.js in a common chunk, so that CodeMirror's state and view exist once.
import { yaml } from "@codemirror/lang-yaml";
import { json } from "@codemirror/lang-json";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import {
  syntaxHighlighting, defaultHighlightStyle, bracketMatching, indentOnInput, foldGutter, foldKeymap,
  indentUnit, HighlightStyle,
} from "@codemirror/language";
import { tags } from "@lezer/highlight";

export { oneDarkTheme } from "@codemirror/theme-one-dark";

export { lintGutter, setDiagnostics, lintKeymap } from "@codemirror/lint";
export { search, searchKeymap, highlightSelectionMatches } from "@codemirror/search";

/** The language support of "yaml", "json" or anything else (plain text). */
export function languageFor(lang) {
  if (lang === "yaml") return yaml();
  if (lang === "json") return json();
  return [];
}

/** The undo history, folding, bracket matching, indentation: in the place of bridge.js's fold
 * placeholder. */
export function editing() {
  return [
    history(), foldGutter(), indentOnInput(), syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    bracketMatching(), indentUnit.of("  "),
  ];
}

/** The editing keys, before the lint and search keys. */
export const editingKeymap = [indentWithTab, ...defaultKeymap, ...historyKeymap, ...foldKeymap];

// One Dark's highlight style with its two colours under 4.5:1 (coral 4.4:1, stone 3.9:1)
// brightened (WCAG AA on One Dark's background).
const coral = "#ef8f96", stone = "#a3abb9";
const darkHighlight = HighlightStyle.define([
  { tag: tags.keyword, color: "#c678dd" },
  { tag: [tags.name, tags.deleted, tags.character, tags.propertyName, tags.macroName], color: coral },
  { tag: [tags.function(tags.variableName), tags.labelName], color: "#61afef" },
  { tag: [tags.color, tags.constant(tags.name), tags.standard(tags.name)], color: "#d19a66" },
  { tag: [tags.definition(tags.name), tags.separator], color: "#abb2bf" },
  { tag: [tags.typeName, tags.className, tags.number, tags.changed, tags.annotation, tags.modifier, tags.self, tags.namespace], color: "#e5c07b" },
  { tag: [tags.operator, tags.operatorKeyword, tags.url, tags.escape, tags.regexp, tags.link, tags.special(tags.string)], color: "#56b6c2" },
  { tag: [tags.meta, tags.comment], color: stone },
  { tag: tags.strong, fontWeight: "bold" },
  { tag: tags.emphasis, fontStyle: "italic" },
  { tag: tags.link, color: stone, textDecoration: "underline" },
  { tag: tags.heading, fontWeight: "bold", color: coral },
  { tag: [tags.atom, tags.bool, tags.special(tags.variableName)], color: "#d19a66" },
  { tag: [tags.processingInstruction, tags.string, tags.inserted], color: "#98c379" },
  { tag: tags.invalid, color: "#ffffff" },
]);

/** The dark theme's highlighting (with `oneDarkTheme` and bridge.js's contrast fixes). */
export const darkHighlighting = syntaxHighlighting(darkHighlight);
