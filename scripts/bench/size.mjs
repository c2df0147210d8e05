// First-load transfer size of the playground: every file the browser fetches before it can edit
// (html, js, wasm, css, the editor bundle), raw, gzip -9 and brotli -q 11. Needs dist/ (a
// release build). Budget: 300 KB brotli.
//
//   node scripts/bench/size.mjs
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dist = fileURLToPath(new URL("../../dist/", import.meta.url));
const html = readFileSync(join(dist, "index.html"), "utf8");
const files = ["index.html"];
for (const m of html.matchAll(/(?:href|src|data-js|data-wasm)="\/?([^"]+\.(?:js|wasm|css))"/g)) files.push(m[1]);
// The editor bundle is a wasm-bindgen snippet imported by the app's JS.
const js = files.find((f) => /^cicd-web-.*\.js$/.test(f));
for (const m of readFileSync(join(dist, js), "utf8").matchAll(/from '\.\/(snippets\/[^']+)'/g)) files.push(m[1]);

const unique = [...new Set(files)];
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
let total = [0, 0, 0];
console.log(`${"file".padEnd(56)}      raw     gzip   brotli  (KB)`);
for (const f of unique) {
  const b = readFileSync(join(dist, f));
  const sizes = [b.length, gzipSync(b, { level: 9 }).length, brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length];
  sizes.forEach((s, i) => (total[i] += s));
  console.log(`${f.padEnd(56)} ${sizes.map(kb).join(" ")}`);
}
console.log(`${"first load".padEnd(56)} ${total.map(kb).join(" ")}`);
const budget = 300 * 1024;
console.log(total[2] <= budget ? `within the 300 KB brotli budget` : `OVER the 300 KB brotli budget by ${((total[2] - budget) / 1024).toFixed(1)} KB`);
