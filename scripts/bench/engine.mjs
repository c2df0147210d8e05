// The engine alone, in wasm: the time the engine takes to analyse a generated 5,000-line buildspec
// after each one-character edit, typed in a command (as keystroke.mjs types) and at the end of the
// file (Node, the build's own cicd-worker.js and .wasm, no browser, no worker round trip): as the
// worker answers (`InlineEngine.answer`; `handle` in builds before it), and as the page's engine
// answers a large file's quick edits (`handle`, once it holds the file). Tells the analysis's share
// of the 5,000-line keystroke budget from the rest (messages, rendering) that keystroke.mjs
// measures end to end.
//
//   node scripts/bench/engine.mjs [DIST]   (default dist/; another build to compare)
//
// The text is passed as the shell passes it: UTF-8 bytes (a Uint8Array). Builds before texts
// travelled as bytes (2026-12-03) read only strings: STRING=1 passes a string instead.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { largeBuildspec, percentile } from "./keystroke.mjs";

const dist = resolve(process.argv[2] || new URL("../../dist/", import.meta.url).pathname);
const EDITS = Number(process.env.EDITS || 100);
const mod = await import(pathToFileURL(`${dist}/cicd-worker.js`).href);
mod.initSync({ module: readFileSync(`${dist}/cicd-worker_bg.wasm`) });
const encoder = new TextEncoder();

// Two kinds of edit: typing at the end of the first command, as keystroke.mjs does (an edit inside
// one line's plain scalar: the engine reuses the previous version's document), and typing at the
// end of the file, in a quoted scalar (the whole text is read again).
function measure(label, base, at, page = false) {
  const engine = new mod.InlineEngine();
  const worker = (engine.answer ?? engine.handle).bind(engine);
  const call = page ? engine.handle.bind(engine) : worker;
  if (page && !engine.answer) return;
  const times = [];
  let typed = "";
  const request = (version, text) => ({ Analyze: { id: 1, version, name: "buildspec.yml", text: process.env.STRING === "1" ? text : encoder.encode(text), kind: "", image: null, scenario: "", related: [] } });
  // The page's engine answers only once it holds the file.
  if (page) worker(request(0, base));
  for (let i = 0; i < EDITS + 10; i++) {
    typed += i % 2 ? " " : "x";
    const text = base.slice(0, at) + typed + base.slice(at);
    const t = performance.now();
    const reply = call(request(i + 1, text));
    if (page && i >= 10 && reply === undefined) throw new Error("the page's engine handed a quick edit back");
    // The first ten warm the wasm up (tier-up), as the first keystrokes in a page do.
    if (i >= 10) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const pct = (p) => percentile(times, p).toFixed(1);
  console.log(`${dist}: 5,000-line buildspec, ${label.padEnd(26)} analysis in wasm (n=${times.length}): p50 ${pct(50)} ms  p95 ${pct(95)} ms`);
}

const base = largeBuildspec(5000);
const firstCommand = base.indexOf("\n", base.indexOf("      - ")); // the end of the first command
measure("typing in a command,", base, firstCommand);
measure("on the page, in a command,", base, firstCommand, true);
measure("typing at the end (quoted),", base, base.length - 2); // before the closing quote and newline
