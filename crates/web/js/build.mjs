// Bundles js/bridge.js (what the editor needs at first paint) and js/extras.js (highlighting,
// lint, search: loaded after) with the CodeMirror packages into js/gen/cm/, as ES modules that
// share their common code through chunks (one copy of CodeMirror's state and view), and writes
// js/gen/cm6.js, the module the Rust crate imports through wasm-bindgen, which re-exports the
// bridge. Trunk copies js/gen/cm/ to dist/cm/ (index.html); wasm-bindgen puts cm6.js under
// dist/snippets/<crate>/js/gen/, four levels below dist/, hence its relative import.
// Also minifies the page's own scripts (below). Run by Trunk's pre_build hook (and by scripts/setup and scripts/test before cargo). Files are
// only rewritten when their bytes change, so that cargo does not rebuild the crate for nothing.
import { build, transform } from "esbuild";
import { mkdirSync, readFileSync, writeFileSync, existsSync, readdirSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const gen = join(here, "gen");
const outdir = join(gen, "cm");

const result = await build({
  entryPoints: [join(here, "bridge.js"), join(here, "extras.js")],
  bundle: true,
  splitting: true,
  format: "esm",
  minify: true,
  target: ["es2022"],
  outdir,
  // Content-hashed names: a host may cache them for ever.
  entryNames: "[name]-[hash]",
  chunkNames: "chunk-[hash]",
  write: false,
  legalComments: "none",
  logLevel: "warning",
});

function writeIfChanged(path, bytes) {
  if (!existsSync(path) || Buffer.compare(readFileSync(path), Buffer.from(bytes)) !== 0) {
    writeFileSync(path, bytes);
    return true;
  }
  return false;
}

mkdirSync(outdir, { recursive: true });
const names = new Set();
let changed = 0;
for (const file of result.outputFiles) {
  names.add(basename(file.path));
  if (writeIfChanged(file.path, file.contents)) changed++;
}
for (const old of readdirSync(outdir)) if (!names.has(old)) rmSync(join(outdir, old));
const bridge = [...names].find((n) => /^bridge-.*\.js$/.test(n));
const entry = `export * from "../../../../cm/${bridge}";\n`;
if (writeIfChanged(join(gen, "cm6.js"), entry)) changed++;
// The page's own scripts and stylesheets (www/boot.js, theme.js, style.css, cicd-panels.css),
// minified into js/gen/www/ for Trunk to bundle or copy: their comments are for us (≈ 1.6 KB
// brotli before the editor). Not Trunk's own minifier: it writes CSS for the newest browsers only
// (range media queries, no `100vh` fallback), and its JS minifier is known to miscompile.
const www = join(here, "..", "..", "..", "www");
mkdirSync(join(gen, "www"), { recursive: true });
for (const name of ["boot.js", "theme.js", "style.css", "cicd-panels.css"]) {
  const source = readFileSync(join(www, name), "utf8");
  const loader = name.endsWith(".css") ? "css" : "js";
  const { code } = await transform(source, { loader, minify: true, target: "es2022", legalComments: "none" });
  if (writeIfChanged(join(gen, "www", name), code)) changed++;
}
if (changed) console.log(`editor bundle: ${changed} file(s) written to js/gen`);
