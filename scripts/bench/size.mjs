// Transfer size of the playground, raw, gzip -9 and brotli -q 11, in three parts:
// - first paint: every file the browser fetches before the editor is usable (html, js, the
//   shell's wasm, css, the editor's first part and every module it imports statically) —
//   budget 250 KB brotli;
// - after the editor, on the page: the simulation panels' module (`cicd-panels*`) and the
//   editor's extras (highlighting, lint, search: the modules the editor imports dynamically) —
//   reported;
// - the engine: the Web Worker's files (every file with `worker` in its name), fetched after the
//   editor — budget 300 KB brotli.
// Also checks that no rule code leaked into the shell: strings that only rule checks use must not
// appear in the shell's wasm. Needs dist/ (a release build). Exits 1 when a budget or the leak
// check fails.
//
//   node scripts/bench/size.mjs
import { readFileSync, readdirSync } from "node:fs";
import { join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dist = fileURLToPath(new URL("../../dist/", import.meta.url));
const html = readFileSync(join(dist, "index.html"), "utf8");
const firstPaint = ["index.html"];
// index.html is minified: attribute values may be unquoted.
for (const m of html.matchAll(/(?:href|src|data-js|data-wasm)=["']?\/?([^"'\s>]+\.(?:js|wasm|css))/g)) firstPaint.push(m[1]);
// The editor bundle is a wasm-bindgen snippet imported by the app's JS; it imports the rest.
const js = firstPaint.find((f) => /^cicd-web-.*\.js$/.test(f));
const later = [];
const staticImport = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+)["']/g;
const dynamicImport = /\bimport\(\s*["']([^"']+)["']\s*\)/g;
function follow(file, into) {
  const text = readFileSync(join(dist, file), "utf8");
  const resolve = (spec) => posix.normalize(posix.join(posix.dirname(file), spec));
  for (const m of text.matchAll(staticImport)) {
    if (!m[1].startsWith(".")) continue;
    const dep = resolve(m[1]);
    if (!into.includes(dep)) { into.push(dep); follow(dep, into); }
  }
  for (const m of text.matchAll(dynamicImport)) {
    if (!m[1].startsWith(".")) continue;
    const dep = resolve(m[1]);
    if (!firstPaint.includes(dep) && !later.includes(dep) && !dep.includes("worker") && !dep.startsWith("cicd-panels")) {
      later.push(dep);
      follow(dep, later);
    }
  }
}
for (const m of readFileSync(join(dist, js), "utf8").matchAll(/from '\.\/(snippets\/[^']+)'/g)) {
  firstPaint.push(m[1]);
  follow(m[1], firstPaint);
}
for (const f of readdirSync(dist).filter((f) => f.startsWith("cicd-panels"))) later.unshift(f);
const engine = readdirSync(dist).filter((f) => f.includes("worker")).sort();
if (!engine.some((f) => f.endsWith(".wasm"))) {
  console.error("dist/ has no engine (no *worker*.wasm): build with `trunk build --release`");
  process.exit(1);
}

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
function table(title, files) {
  const total = [0, 0, 0];
  console.log(`${title.padEnd(56)}      raw     gzip   brotli  (KB)`);
  for (const f of [...new Set(files)]) {
    const b = readFileSync(join(dist, f));
    const sizes = [b.length, gzipSync(b, { level: 9 }).length, brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length];
    sizes.forEach((s, i) => (total[i] += s));
    console.log(`  ${f.padEnd(54)} ${sizes.map(kb).join(" ")}`);
  }
  console.log(`  ${"total".padEnd(54)} ${total.map(kb).join(" ")}`);
  return total[2];
}

let failed = false;
const budget = (name, brotli, kbBudget) => {
  const ok = brotli <= kbBudget * 1024;
  if (!ok) failed = true;
  console.log(`${name}: ${(brotli / 1024).toFixed(1)} KB brotli — ${ok ? "within" : "OVER"} the ${kbBudget} KB budget\n`);
};
budget("first paint", table("first paint (before the editor is usable)", firstPaint), 250);
const afterTotal = table("after the editor, on the page (panels, editor extras)", later.filter((f) => !firstPaint.includes(f)));
console.log(`after the editor: ${(afterTotal / 1024).toFixed(1)} KB brotli (reported)\n`);
budget("engine", table("engine (Web Worker, loaded after the editor)", engine), 300);

// Messages only rule checks create (one per kind): if one is in the shell's wasm, the rules were
// linked into the first-paint module.
const ruleOnly = [
  "is not a valid on-failure value",
  "lists no scripts; whether the agent ignores it",
  "has no `Principal`",
];
const shellWasm = readFileSync(join(dist, firstPaint.find((f) => f.endsWith(".wasm")))).toString("latin1");
const leaked = ruleOnly.filter((s) => shellWasm.includes(s));
if (leaked.length) {
  failed = true;
  console.log(`rule code leaked into the shell's wasm: ${leaked.map((s) => JSON.stringify(s)).join(", ")}`);
} else {
  const engineWasm = readFileSync(join(dist, engine.find((f) => f.endsWith(".wasm")))).toString("latin1");
  const present = ruleOnly.filter((s) => engineWasm.includes(s)).length;
  console.log(`no rule code in the shell's wasm (${present}/${ruleOnly.length} rule-only messages found in the engine's, as expected)`);
}
process.exit(failed ? 1 : 0);
