// Packs the built npm package (target/npm/package, written by scripts/build-npm) with `npm pack`
// and installs the tarball as a site or project would have it: extracted into
// <temp>/node_modules/cicd-wasm. Returns the temporary folder; `cleanup()` removes it.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../", import.meta.url));
const built = join(root, "target/npm/package");

export function packed() {
  if (!existsSync(join(built, "package.json"))) {
    throw new Error(`${built} is missing: run scripts/build-npm first`);
  }
  const dir = mkdtempSync(join(tmpdir(), "cicd-npm-"));
  execFileSync("npm", ["pack", built, "--pack-destination", dir, "--silent"], { stdio: ["ignore", "pipe", "inherit"] });
  const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"));
  if (!tarball) throw new Error("npm pack wrote no tarball");
  const installed = join(dir, "node_modules", "cicd-wasm");
  mkdirSync(installed, { recursive: true });
  execFileSync("tar", ["-xzf", join(dir, tarball), "-C", installed, "--strip-components=1"]);
  const files = execFileSync("tar", ["-tzf", join(dir, tarball)], { encoding: "utf8" }).trim().split("\n");
  return { dir, tarball: join(dir, tarball), files, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A broken buildspec with characters outside the BMP before its findings. */
export const BROKEN = [
  "version: 0.2",
  "# Déploiement 🚀 de l’application",
  "phases:",
  "  biuld:",
  "    commands:",
  "      - npm ci",
  "  post_build:",
  "    commands:",
  "",
].join("\n");
