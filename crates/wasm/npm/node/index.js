// Node.js: the `web` build, instantiated synchronously from the package's own .wasm file, so
// that `import { check } from "cicd-wasm"` is ready to use (as the bundler build is).
import { readFileSync } from "node:fs";
import { initSync } from "../web/cicd.js";

initSync({ module: readFileSync(new URL("../web/cicd_bg.wasm", import.meta.url)) });

export * from "../web/cicd.js";
