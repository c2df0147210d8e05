// Bundles js/bridge.js and the CodeMirror packages into one minified ES module, js/gen/cm6.js.
// Run by Trunk's pre_build hook (and by scripts/test before cargo). The file is only rewritten
// when its bytes change, so that cargo does not rebuild the crate for nothing.
import { build } from "esbuild";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "gen", "cm6.js");

const result = await build({
  entryPoints: [join(here, "bridge.js")],
  bundle: true,
  format: "esm",
  minify: true,
  target: ["es2022"],
  write: false,
  legalComments: "none",
  logLevel: "warning",
});
const code = result.outputFiles[0].contents;
mkdirSync(dirname(out), { recursive: true });
if (!existsSync(out) || Buffer.compare(readFileSync(out), Buffer.from(code)) !== 0) {
  writeFileSync(out, code);
  console.log(`cm6.js: ${code.length} bytes written`);
}
