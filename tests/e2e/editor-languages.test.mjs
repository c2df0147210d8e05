// The editor's YAML and JSON languages (crates/web/js/extras.js) never lose an edit nor switch
// highlighting off. Lezer parses inside the transaction that changed the text, and CodeMirror
// drops a transaction that throws; the highlighter runs in a view plugin that CodeMirror turns
// off for good when it throws. Both recurse once per nesting level, and deeply nested text
// overflows the stack when less of it is free (in the page: the extras' code not yet
// optimised, larger frames). Each case runs on CodeMirror's state alone, in a worker thread
// with a small stack, where Lezer's own languages overflow every time.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { EditorState } from "@codemirror/state";
import { ensureSyntaxTree, syntaxTree } from "@codemirror/language";
import { yamlLanguage } from "@codemirror/lang-yaml";
import { jsonLanguage } from "@codemirror/lang-json";
import { Guarded, MAX_DEPTH, languageFor } from "../../crates/web/js/extras.js";

const STACK_MB = 0.4;

/** Runs editor-languages.worker.mjs: `{text, bare, afterBare}` or `{error}`. */
function paste(lang, raw, text, at, after, edits) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./editor-languages.worker.mjs", import.meta.url), {
      workerData: { lang, raw, text, at, after, edits }, resourceLimits: { stackSizeMb: STACK_MB },
    });
    worker.once("message", (m) => { resolve(m); worker.terminate(); });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the worker exited (${code}) without an answer`)));
  });
}

const hostile = (n) => [
  ["nested flow sequences", "[".repeat(n) + "]".repeat(n)],
  ["nested objects", '{"a":'.repeat(n) + "1" + "}".repeat(n)],
  ["compact block sequences", "- ".repeat(n) + "x\n"],
  ["compact explicit keys", "? ".repeat(n) + "x\n"],
  ["compact sequences of flow sequences", "- ".repeat(n / 2) + "[".repeat(n / 2 + 1) + "\n"],
  ["unclosed flow sequences", "[".repeat(n)],
];

test("Lezer's own languages, parsing and highlighting with this stack, overflow on deep nesting", async () => {
  // No time budget in play: the whole text is parsed. When this fails, Lezer no longer
  // overflows at this depth (the guard may go; not this test's other assertions).
  for (const lang of ["yaml", "json"]) {
    const got = await paste(lang, true, "[".repeat(1000) + "]".repeat(1000), 1000);
    assert.match(got.error ?? "", /RangeError/, lang);
  }
});

for (const lang of ["yaml", "json"]) {
  for (const n of [MAX_DEPTH + 2, 1000, 50000]) {
    for (const [shape, text] of hostile(n)) {
      test(`${lang}: pasting ${n} ${shape}, typing after them and highlighting keeps every edit`, async () => {
        const after = lang === "yaml" ? "a: [1, {b: 2}]\n- x\n" : '{"a": [1, {"b": 2}]}';
        const got = await paste(lang, false, text, text.length, after);
        assert.equal(got.error, undefined);
        assert.equal(got.text, text + "]");
        assert.equal(got.bare, true, "the deep text is not parsed");
        assert.equal(got.afterBare, false, "ordinary text is parsed again");
      });
    }
  }
}

test("nesting built up by separate pastes, each under the limit, is not parsed", async () => {
  for (const lang of ["yaml", "json"]) {
    // Five pastes of 90 `[`, each far from the last edit (the parse reuses the tree between).
    const text = lang === "yaml" ? "a: [" + "x, ".repeat(400) + "x]\n" : '{"a": [' + "1, ".repeat(400) + "1]}";
    const edits = [0, 1, 2, 3, 4].map((k) => ({ from: 8 + k * (200 + 90), insert: "[".repeat(90) }));
    const got = await paste(lang, false, text, text.length, undefined, edits);
    assert.equal(got.error, undefined, lang);
    assert.equal(got.text.split("[").length - 1 >= 450, true, lang);
    assert.equal(got.bare, true, lang);
  }
});

test("nesting up to the limit is parsed", async () => {
  for (const lang of ["yaml", "json"]) {
    const n = MAX_DEPTH - 1;
    const got = await paste(lang, false, "[".repeat(n) + "]".repeat(n), n);
    assert.equal(got.error, undefined, lang);
    assert.equal(got.bare, false, lang);
  }
});

test("a parse that throws ends with a bare tree of the text it was asked for", () => {
  const warn = console.warn;
  let warnings = 0;
  console.warn = () => { warnings++; };
  try {
    const inner = {
      topNode: yamlLanguage.parser.topNode,
      createParse: () => ({
        parsedPos: 0, stoppedAt: null,
        stopAt(pos) { this.stoppedAt = pos; },
        advance() { throw new TypeError("a parser bug"); },
      }),
    };
    const parser = new Guarded(inner);
    const whole = parser.startParse("a: [1, 2]\n").advance();
    assert.equal(whole.type, yamlLanguage.parser.topNode);
    assert.equal(whole.length, 10);
    assert.equal(whole.topNode.firstChild, null);
    const stopped = parser.startParse("a: [1, 2]\n");
    stopped.stopAt(4);
    assert.equal(stopped.advance().length, 4);
    assert.equal(parser.startParse("0123456789abcdefghij", [], [{ from: 5, to: 15 }]).advance().length, 10);
    assert.equal(warnings, 1, "said once");
  } finally {
    console.warn = warn;
  }
});

test("no file of the corpus or the examples is too deep to be parsed", () => {
  const yaml = new Guarded(yamlLanguage.parser), json = new Guarded(jsonLanguage.parser);
  const bare = [];
  let count = 0;
  for (const dir of ["../corpus/", "../../examples/"]) {
    const root = fileURLToPath(new URL(dir, import.meta.url));
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(ya?ml|json)$/.test(entry.name)) continue;
      const path = `${entry.parentPath}/${entry.name}`;
      const text = readFileSync(path, "utf8");
      const parse = (entry.name.endsWith(".json") ? json : yaml).startParse(text);
      let tree;
      while (!(tree = parse.advance()));
      count++;
      if (text.trim() && tree.topNode.firstChild === null) bare.push(path);
    }
  }
  assert.ok(count > 250, `${count} files`);
  assert.deepEqual(bare, []);
});

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
