// The editor's YAML and JSON languages (crates/web/js/extras.js) never lose an edit. Lezer parses
// inside the transaction that changed the text, and CodeMirror drops a transaction that throws:
// building the tree of deeply nested text recurses once per level, and overflows the stack
// when less of it is free (in the page: the extras' code not yet optimised, larger frames).
// Each case runs on CodeMirror's state alone, in a worker thread with a small stack, where
// Lezer's own languages overflow every time.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Worker } from "node:worker_threads";
import { EditorState } from "@codemirror/state";
import { ensureSyntaxTree, syntaxTree } from "@codemirror/language";
import { yamlLanguage } from "@codemirror/lang-yaml";
import { jsonLanguage } from "@codemirror/lang-json";
import { languageFor } from "../../crates/web/js/extras.js";

const STACK_MB = 0.4;

/** Pastes `text` and types "]" at `at` (editor-languages.worker.mjs): `{text}` or `{error}`. */
function paste(lang, raw, text, at) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./editor-languages.worker.mjs", import.meta.url), {
      workerData: { lang, raw, text, at }, resourceLimits: { stackSizeMb: STACK_MB },
    });
    worker.once("message", (m) => { resolve(m); worker.terminate(); });
    worker.once("error", reject);
  });
}

const hostile = (n) => [
  ["nested flow sequences", "[".repeat(n) + "]".repeat(n)],
  ["nested objects", '{"a":'.repeat(n) + "1" + "}".repeat(n)],
  ["compact block sequences", "- ".repeat(n) + "x\n"],
  ["unclosed flow sequences", "[".repeat(n)],
];

test("the stack these cases run with is one where Lezer's own languages lose the paste", async () => {
  // When this fails, Lezer no longer overflows: the guard may go (not this test's assertions).
  const text = "[".repeat(1000) + "]".repeat(1000);
  for (const lang of ["yaml", "json"]) {
    const got = await paste(lang, true, text, 1000);
    assert.match(got.error ?? "", /RangeError/, lang);
  }
});

for (const lang of ["yaml", "json"]) {
  for (const n of [1000, 50000]) {
    for (const [shape, text] of hostile(n)) {
      test(`${lang}: pasting ${n} ${shape} and typing after them keeps every edit`, async () => {
        const got = await paste(lang, false, text, n);
        assert.equal(got.error, undefined);
        assert.equal(got.text, text.slice(0, n) + "]" + text.slice(n));
      });
    }
  }
}

test("the guarded languages parse ordinary text as Lezer's own do", () => {
  for (const [lang, language, text] of [
    ["yaml", yamlLanguage, "version: 0.2\nphases:\n  build:\n    commands: [make, 'make test']\n"],
    ["json", jsonLanguage, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow"}]}'],
  ]) {
    const state = EditorState.create({ doc: text, extensions: [languageFor(lang)] });
    const tree = ensureSyntaxTree(state, text.length, 1e9);
    assert.equal(tree.toString(), language.parser.parse(text).toString(), lang);
    assert.equal(syntaxTree(state).type, language.parser.topNode, lang);
  }
});
