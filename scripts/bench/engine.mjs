// The engine alone, in wasm: the time `InlineEngine.handle` takes to analyse a generated 5,000-line
// buildspec after each one-character edit (Node, the build's own cicd-worker.js and .wasm, no
// browser, no worker round trip). Tells the analysis's share of the 5,000-line keystroke budget
// from the rest (messages, rendering) that keystroke.mjs measures end to end.
//
//   node scripts/bench/engine.mjs [DIST]   (default dist/; another build to compare)
//
// The text is passed as the shell passes it: UTF-8 bytes (a Uint8Array). Builds before texts
// travelled as bytes (2026-12-03) read only strings: STRING=1 passes a string instead.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { largeBuildspec } from "./keystroke.mjs";

const dist = resolve(process.argv[2] || new URL("../../dist/", import.meta.url).pathname);
const EDITS = Number(process.env.EDITS || 100);
const mod = await import(pathToFileURL(`${dist}/cicd-worker.js`).href);
mod.initSync({ module: readFileSync(`${dist}/cicd-worker_bg.wasm`) });
const engine = new mod.InlineEngine();
let text = largeBuildspec(5000);
const encoder = new TextEncoder();
const times = [];
for (let i = 0; i < EDITS + 10; i++) {
  text = text.replace(/\n$/, "") + (i % 2 ? "\n" : " \n");
  const request = { Analyze: { id: 1, version: i + 1, name: "buildspec.yml", text: process.env.STRING === "1" ? text : encoder.encode(text), kind: "", image: null, scenario: "", related: [] } };
  const t = performance.now();
  engine.handle(request);
  // The first ten warm the wasm up (tier-up), as the first keystrokes in a page do.
  if (i >= 10) times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const at = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))].toFixed(1);
console.log(`${dist}: 5,000-line buildspec, analysis in wasm (n=${times.length}): p50 ${at(50)} ms  p95 ${at(95)} ms`);
