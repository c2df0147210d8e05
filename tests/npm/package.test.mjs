// The packed npm package (`npm pack` of target/npm/package, written by scripts/build-npm),
// installed in a temporary folder and used as a project would: imported in Node through its
// `exports` (the `node` build and the `web` build), and its TypeScript declarations checked by
// `tsc --noEmit` against a usage file (tests/npm/usage.ts).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { packed, root, BROKEN } from "./pack.mjs";

let pkg;
let resolve;
before(() => {
  pkg = packed();
  // Resolution from a file of the project that installed the package.
  resolve = createRequire(join(pkg.dir, "project.js")).resolve;
});
after(() => pkg?.cleanup());

const importPackage = async (specifier) => import(pathToFileURL(resolve(specifier)).href);

test("the tarball holds the three builds, the types and the README, nothing else", () => {
  const files = pkg.files.map((f) => f.replace(/^package\//, "")).sort();
  for (const f of [
    "package.json", "README.md",
    "web/cicd.js", "web/cicd.d.ts", "web/cicd_bg.wasm",
    "bundler/cicd.js", "bundler/cicd_bg.js", "bundler/cicd.d.ts", "bundler/cicd_bg.wasm",
    "node/index.js", "node/index.d.ts",
  ]) assert.ok(files.includes(f), `${f} is packed: ${files.join(", ")}`);
  assert.deepEqual(files.filter((f) => !/^(web|bundler|node)\/|^(package\.json|README\.md)$/.test(f)), []);
  const manifest = JSON.parse(readFileSync(join(pkg.dir, "node_modules/cicd-wasm/package.json"), "utf8"));
  const version = readFileSync(join(root, "Cargo.toml"), "utf8").match(/\[workspace\.package\]\s*version = "([^"]+)"/)[1];
  assert.equal(manifest.name, "cicd-wasm");
  assert.equal(manifest.version, version, "the workspace's version");
  assert.equal(manifest.type, "module");
});

test("Node imports the package and checks a broken buildspec: codes, lines and UTF-16 ranges", async () => {
  assert.match(resolve("cicd-wasm"), /node_modules[\\/]cicd-wasm[\\/]node[\\/]index\.js$/);
  const cicd = await importPackage("cicd-wasm");
  const found = cicd.check("buildspec", BROKEN);
  assert.deepEqual(found.map((d) => [d.code, d.severity, d.line, d.column]), [
    ["BS020", "error", 4, 3],
    ["BS022", "warning", 8, 5],
  ]);
  const [typo, empty] = found;
  // Line 2 holds 🚀, one character but two UTF-16 code units: JavaScript's slice takes the
  // offsets as they are.
  assert.equal(BROKEN.slice(typo.from16, typo.to16), "biuld");
  assert.equal(BROKEN.slice(empty.from16, empty.to16), "commands");
  assert.equal(typo.name, "unknown-phase");
  assert.equal(typo.message, "unknown key `biuld` in `phases`");
  assert.equal(typo.url, "https://cicd-playground.dev/rules/BS020");
  assert.deepEqual(Object.keys(typo).sort(), [
    "code", "column", "end_column", "end_line", "fix", "from16", "help", "labels", "line", "message",
    "name", "severity", "to16", "url",
  ]);
  // The fix applies with JavaScript's own offsets and leaves a buildspec without the finding.
  const fixed = BROKEN.slice(0, typo.fix.from16) + typo.fix.replacement + BROKEN.slice(typo.fix.to16);
  assert.deepEqual(cicd.check("buildspec", fixed).map((d) => d.code), ["BS022"]);
  assert.equal(empty.fix, null);
  assert.equal(empty.help === null || typeof empty.help === "string", true);
});

test("the other functions answer from the same core", async () => {
  const cicd = await importPackage("cicd-wasm");
  const example = (name) => readFileSync(join(root, "examples", name), "utf8");

  assert.throws(() => cicd.check("buildspecs", ""), /unknown kind `buildspecs`/);
  assert.equal(cicd.detectKind("version: 0.2\nphases: {}\n", "ci/buildspec.yml"), "buildspec");
  assert.equal(cicd.detectKind("hello"), null);
  assert.deepEqual(cicd.kinds().map((k) => k.id), [
    "buildspec", "appspec", "trust-policy", "pipeline", "workflow", "deployment-group", "deployment-config",
    "task-definition", "image-definitions",
  ]);

  const rules = cicd.rules();
  assert.ok(rules.some((r) => r.code === "BS020" && r.name === "unknown-phase" && r.kind === "buildspec"));
  assert.ok(cicd.rules("trust-policy").every((r) => r.code.startsWith("IAM")));
  const page = cicd.explain("bs020");
  assert.equal(page.code, "BS020");
  assert.match(page.markdown, /^# BS020 unknown-phase/);
  assert.match(page.markdown, /## Why is this bad\?/);
  assert.equal(cicd.explain("no-such-rule"), null);

  const workspace = cicd.analyze([
    { name: "buildspec.yml", text: BROKEN },
    { name: "notes.txt", text: "not configuration" },
  ]);
  assert.deepEqual(workspace.map((f) => [f.name, f.kind, f.errors, f.warnings]), [
    ["buildspec.yml", "buildspec", 1, 1],
    ["notes.txt", null, 0, 0],
  ]);

  const policy = example("trust-policy-github-oidc.json");
  const allowed = cicd.assume(policy);
  assert.equal(allowed.decision, "allow");
  assert.match(allowed.github.sub, /^repo:/);
  const fork = cicd.assume(policy, { github: { repo: "someone-else/fork", ref: "main" } });
  assert.equal(fork.decision, "deny");
  const failed = fork.statements.find((s) => s.condition);
  assert.ok(failed, "a statement says which condition failed");
  assert.ok(policy.slice(failed.condition.from16, failed.condition.to16).length > 0);
  assert.throws(() => cicd.assume("{", {}), /not readable JSON/);

  const lifecycle = cicd.simulateLifecycle(example("appspec-ec2.yml"), { fail: "AfterInstall" });
  assert.equal(lifecycle.platform, "ec2");
  assert.equal(lifecycle.failure.event, "AfterInstall");
  assert.ok(lifecycle.rollback.length > 0);

  const run = cicd.simulatePipeline(example("pipeline.json"), { starts: [0, 30] });
  assert.equal(run.executions.length, 2);
  assert.ok(run.view.stages.length > 1);

  const deployment = cicd.simulateDeployment(
    { group: example("deployment-group-ecs.json") },
    { faults: [{ kind: "error-rate", percent: 15, at: 0 }] },
  );
  assert.equal(deployment.platform, "ecs");
  assert.equal(deployment.config.name, "CodeDeployDefault.ECSCanary10Percent5Minutes");
  assert.equal(deployment.outcome, "RolledBack", deployment.notes.join("\n"));
  // A group naming a custom configuration runs with the one of that name among `configs`.
  const custom = JSON.stringify({
    applicationName: "app", deploymentGroupName: "g", deploymentConfigName: "MyTeamConfig",
    serviceRoleArn: "arn:aws:iam::123456789012:role/CodeDeploy",
  });
  const mine = JSON.stringify({
    deploymentConfigName: "MyTeamConfig", computePlatform: "Server",
    minimumHealthyHosts: { type: "FLEET_PERCENT", value: 75 },
  });
  const named = cicd.simulateDeployment({ group: custom, configs: [example("deployment-config-linear.json"), mine] });
  assert.equal(named.config.name, "MyTeamConfig", named.notes.join("\n"));
  const missing = cicd.simulateDeployment({ group: custom, configs: [] });
  assert.equal(missing.config.name, "CodeDeployDefault.OneAtATime");
  assert.ok(missing.notes.some((n) => n.includes("`MyTeamConfig`")), missing.notes.join("\n"));
  assert.throws(() => cicd.simulateDeployment({ group: custom, configs: ["{\"computePlatform\": 3}"] }), /configs\[0\]/);
  assert.throws(() => cicd.simulateDeployment({ config: "OneAtATme" }), /did you mean `CodeDeployDefault\.OneAtATime`/);
  assert.throws(() => cicd.simulateDeployment({}, { faults: [{ kind: "meteor" }] }), /scenario/);
});

test("the web build loads in Node from the package's own .wasm, after init", () => {
  // In a process of its own: the `node` entry (imported above) initialises the same module.
  const script = `
    import { readFileSync } from "node:fs";
    import { createRequire } from "node:module";
    import init, { check } from "cicd-wasm/web";
    let before;
    try { check("buildspec", ""); before = "answered"; } catch { before = "threw"; }
    await init({ module_or_path: readFileSync(createRequire(import.meta.url).resolve("cicd-wasm/web/cicd_bg.wasm")) });
    console.log(JSON.stringify({ before, codes: check("buildspec", ${JSON.stringify(BROKEN)}).map((d) => d.code) }));
  `;
  writeFileSync(join(pkg.dir, "web-probe.mjs"), script);
  const out = JSON.parse(execFileSync(process.execPath, [join(pkg.dir, "web-probe.mjs")], { encoding: "utf8", cwd: pkg.dir }));
  assert.deepEqual(out, { before: "threw", codes: ["BS020", "BS022"] });
});

test("the declarations declare exactly the functions each build exports", async () => {
  const declared = (file) => [...readFileSync(join(pkg.dir, "node_modules/cicd-wasm", file), "utf8")
    .matchAll(/^export (?:default )?function (\w+)/gm)].map((m) => m[1]).sort();
  const api = [
    "analyze", "assume", "check", "detectKind", "explain", "kinds", "rules", "simulateDeployment",
    "simulateLifecycle", "simulatePipeline",
  ];
  assert.deepEqual(declared("bundler/cicd.d.ts"), api);
  assert.deepEqual(declared("web/cicd.d.ts"), [...api, "__wbg_init", "initSync"].sort());
  const node = await importPackage("cicd-wasm");
  assert.deepEqual(Object.keys(node).filter((k) => typeof node[k] === "function" && k !== "initSync").sort(), api);
  const web = await importPackage("cicd-wasm/web");
  assert.deepEqual(Object.keys(web).filter((k) => !["default", "initSync"].includes(k)).sort(), api);
});

test("the TypeScript declarations type a usage file precisely (tsc --noEmit)", () => {
  const tsc = [join(root, "node_modules/.bin/tsc"), process.env.TSC].find((p) => p && existsSync(p));
  assert.ok(tsc, "typescript is installed (scripts/setup)");
  copyFileSync(join(root, "tests/npm/usage.ts"), join(pkg.dir, "usage.ts"));
  writeFileSync(join(pkg.dir, "package.json"), JSON.stringify({ name: "project", private: true, type: "module" }));
  writeFileSync(join(pkg.dir, "tsconfig.json"), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, target: "es2022", module: "nodenext", moduleResolution: "nodenext",
      types: [], lib: ["es2022", "dom"], skipLibCheck: false,
    },
    files: ["usage.ts"],
  }));
  try {
    execFileSync(tsc, ["-p", pkg.dir], { encoding: "utf8" });
  } catch (e) {
    assert.fail(`tsc found errors:\n${e.stdout}${e.stderr}`);
  }
});
