// Builds the fuzz targets' seed folders (fuzz/seeds/<target>/, gitignored) from the project's
// files: the real files of ../shared/corpus and tests/corpus, the examples and the rule fixtures.
// Nothing is copied into the repository; run again after files change (scripts/fuzz does).
//
// Targets that read several parts get them joined by the separator of fuzz/src/lib.rs (SEP), and
// the structured part (scenario, request, options) as a few fixed pseudo-random byte strings.

import { deflateRawSync } from 'node:zlib';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'fuzz', 'seeds');
const SEP = Buffer.from('\n\x01--8<--\x01\n', 'latin1');
// Seeds larger than this are left out: libFuzzer's inputs stay small and fast.
const MAX_SEED = 64 * 1024;

function walk(dir) {
  if (!existsSync(dir)) return [];
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(path));
    else if (entry.isFile() && !/\.(snap|md|tsv|ts|new)$/.test(entry.name)) files.push(path);
  }
  return files.sort();
}

const fixtures = join(root, 'crates/core/tests/fixtures');
const shared = resolve(root, '../shared/corpus');
const sharedDirs = {
  buildspec: ['buildspec'],
  appspec: ['appspec'],
  'trust-policy': ['trust'],
  pipeline: ['pipeline'],
  workflow: ['workflows'],
  'deployment-group': [],
  'deployment-config': [],
  'task-definition': ['ecs'],
  'image-definitions': ['ecs'],
};
const exampleNames = {
  buildspec: /^buildspec/,
  appspec: /^appspec/,
  'trust-policy': /trust-policy/,
  pipeline: /^pipeline.*\.json$/,
  workflow: /workflow/,
  'deployment-group': /^deployment-group/,
  'deployment-config': /^deployment-config/,
  'task-definition': /^taskdef.*\.json$/,
  'image-definitions': /^imagedefinitions.*\.json$/,
};

/** Every file of a kind: its fixtures, its corpus, the shared corpus and its examples. */
function filesOf(kind) {
  const files = [
    ...walk(join(fixtures, kind)),
    ...walk(join(root, 'tests/corpus', kind)),
    ...sharedDirs[kind].flatMap((d) => walk(join(shared, d))),
    ...walk(join(root, 'examples')).filter((f) => exampleNames[kind].test(relative(join(root, 'examples'), f))),
  ];
  return files.map((f) => readFileSync(f)).filter((b) => b.length <= MAX_SEED);
}

/** Fixed pseudo-random byte strings for the structured parts (a 32-bit LCG). */
function tails() {
  let x = 12345;
  return [0, 8, 32, 128, 512].map((n) => {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      b[i] = x >>> 24;
    }
    return b;
  });
}

const seeds = new Map();
function add(target, ...parts) {
  if (!seeds.has(target)) seeds.set(target, []);
  const bufs = [];
  parts.forEach((p, i) => {
    if (i > 0) bufs.push(SEP);
    bufs.push(Buffer.isBuffer(p) ? p : Buffer.from(p));
  });
  seeds.get(target).push(Buffer.concat(bufs));
}

const kinds = Object.keys(sharedDirs);
const byKind = Object.fromEntries(kinds.map((k) => [k, filesOf(k)]));
const T = tails();
const tail = (i) => T[i % T.length];

for (const kind of kinds) {
  for (const f of byKind[kind]) add(`analyze_${kind.replace('-', '_')}`, f);
}
const all = kinds.flatMap((k) => byKind[k]);
for (const f of [...all, ...walk(join(fixtures, 'source')).map((p) => readFileSync(p))]) {
  const json = /^\s*[{[]/.test(f.toString('utf8'));
  add(json ? 'source_json' : 'source_yaml', f);
}
// An edit of each YAML file for source_reparse: two bytes of position, one of bytes removed, the
// text inserted (most often typed into a value: a letter, a space, a YAML indicator).
const typed = ['x', ' ', ':', ' #', '- ', '"', ''];
for (const [i, f] of [...all, ...walk(join(fixtures, 'source')).map((p) => readFileSync(p))].entries()) {
  if (/^\s*[{[]/.test(f.toString('utf8'))) continue;
  const at = (i * 7919) % (f.length + 1);
  add('source_reparse', f, Buffer.concat([Buffer.from([at >> 8, at & 255, i % 3]), Buffer.from(typed[i % typed.length])]));
}
byKind.appspec.forEach((f, i) => add('lifecycle', f, tail(i)));
byKind.pipeline.forEach((f, i) => add('pipeline_run', f, tail(i)));
byKind['trust-policy'].forEach((f, i) => add('iam_evaluate', f, tail(i)));
const groups = byKind['deployment-group'];
const configs = byKind['deployment-config'];
groups.forEach((g, i) => {
  add('deployment', g, tail(i));
  add('deployment', g, configs[i % configs.length] ?? '', tail(i + 1));
  add('deployment', g, configs[i % configs.length] ?? '', byKind.appspec[i % byKind.appspec.length], tail(i + 2));
});
configs.forEach((c, i) => add('deployment', '', c, tail(i)));

// The panel settings as the workspace keeps them (`PanelInputs`).
const scenarios = [
  '',
  '{}',
  '{"l":{"deployment":"blue-green","fail":"AfterInstall","first_deployment":true}}',
  '{"l":{"deployment":"in-place-lb","test_listener":true,"fail":"BeforeAllowTraffic"}}',
  '{"a":{"mode":"Github","repo":"octo-org/octo-repo","event":"push","git_ref":"main"}}',
  '{"a":{"mode":"Principal","principal":"service:codebuild.amazonaws.com","context":"aws:SourceAccount=123456789012"}}',
  '{"p":{"starts":[0,30,60],"failures":[{"stage":"Build","action":"Build"}],"retry":{"mode":"ALL_ACTIONS","after":60,"max":2},"approve_after":null}}',
  '{"p":{"approvals":[{"stage":"Approve","action":"Approval","verdict":"reject"}],"stops":[{"execution":1,"at":10,"abandon":true}]}}',
  '{"d":{"instances":5,"faults":[{"kind":"error-rate","percent":20,"at":60},{"kind":"fail-hook","event":"AfterInstall","instance":2}],"alarms":[{"name":"errors","threshold":5}]},"dc":"CodeDeployDefault.OneAtATime"}',
  '{"d":{"platform":"ecs","faults":[{"kind":"latency","ms":900}],"stop_at":120}}',
];
all.forEach((f, i) => add('engine', f, scenarios[i % scenarios.length], tail(i)));

// Trust policies with the workflows they are meant for: the relating rules' fixture folders,
// then policies and workflows of the corpus paired in turn.
for (const code of ['GHA080', 'GHA081', 'GHA082']) {
  for (const state of ['ok', 'err']) {
    const dir = join(fixtures, 'workflow', code, state);
    if (!existsSync(dir)) continue;
    for (const ws of readdirSync(dir)) {
      const files = walk(join(dir, ws));
      const policies = files.filter((f) => f.endsWith('.json'));
      const flows = files.filter((f) => /\.ya?ml$/.test(f));
      if (policies.length && flows.length) {
        add('related', readFileSync(policies[0]), ...flows.slice(0, 4).map((f) => readFileSync(f)), tail(0));
      }
    }
  }
}
const policies = byKind['trust-policy'];
const flows = byKind.workflow;
policies.slice(0, 60).forEach((p, i) => add('related', p, flows[i % flows.length], tail(i)));

// The build side: the relating rules' fixture folders (buildspec, pipeline, AppSpec, task
// definition, in the target's order), and the gallery's blue/green release.
const buildOrder = [/buildspec[^/]*\.ya?ml$/, /pipeline[^/]*\.(json|ya?ml)$/, /appspec[^/]*\.(ya?ml|json)$/i, /task-?def[^/]*\.json$/];
const buildSeed = (files) => buildOrder.map((re) => files.find((f) => re.test(f))).map((f) => (f ? readFileSync(f) : Buffer.alloc(0)));
for (const [kind, code] of [['pipeline', 'CP035'], ['pipeline', 'CP036'], ['appspec', 'AS080'], ['appspec', 'AS081']]) {
  for (const state of ['ok', 'err']) {
    const dir = join(fixtures, kind, code, state);
    if (!existsSync(dir)) continue;
    for (const ws of readdirSync(dir)) add('related_build', ...buildSeed(walk(join(dir, ws))));
  }
}
add('related_build', ...buildSeed(walk(join(root, 'examples/broken')).filter((f) => /ecs-release-/.test(f))));

// The engine with a workspace: the build side's fixture workspaces and the deployment ones
// (a group and its configuration, the gallery's release), the settings last.
for (const kind of ['pipeline', 'appspec', 'deployment-group']) {
  const root2 = join(fixtures, kind);
  if (!existsSync(root2)) continue;
  for (const code of readdirSync(root2)) {
    for (const state of ['ok', 'err']) {
      const dir = join(root2, code, state);
      if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
      for (const ws of readdirSync(dir)) {
        const path = join(dir, ws);
        if (!statSync(path).isDirectory()) continue;
        const files = walk(path).map((f) => readFileSync(f)).filter((b) => b.length <= MAX_SEED);
        if (files.length >= 2) add('engine_workspace', ...files.slice(0, 5), tail(files.length));
      }
    }
  }
}

// Completion and hover: every file, an offset from the tail.
all.forEach((f, i) => add('complete', f, tail(i)));

// The CLI's paths: the files as the first parts, the arguments last.
all.forEach((f, i) => add('cli', f, tail(i)));
policies.slice(0, 30).forEach((p, i) => add('cli', p, flows[i % flows.length], tail(i + 1)));

// Operators: the values and operator names of the policies as raw material.
for (const v of ['2024-01-01T00:00:00Z', '203.0.113.0/24', 'arn:aws:iam::*:role/x', 'repo:o/r:*', 'aGVsbG8=']) {
  add('operators', v);
}
policies.forEach((p) => add('operators', p));

// Share links: workspaces of the examples, as links (mode 0), as JSON to compress (mode 3),
// and the JSON alone for the workspace reader.
const jsonString = (s) => JSON.stringify(s);
const examples = walk(join(root, 'examples')).filter((f) => statSync(f).size <= MAX_SEED);
examples.forEach((f, i) => {
  const name = relative(join(root, 'examples'), f);
  const text = readFileSync(f, 'utf8');
  const json = `{"f":[{"i":1,"n":${jsonString(name)},"t":${jsonString(text)},"c":${jsonString(scenarios[i % scenarios.length])}}],"s":0,"o":{"th":"dark"}}`;
  const link = 'v1:' + deflateRawSync(Buffer.from(json), { level: 9 }).toString('base64url');
  add('share_link', Buffer.concat([Buffer.from([0]), Buffer.from(link)]));
  add('share_link', Buffer.concat([Buffer.from([3]), Buffer.from(json)]));
  add('share_workspace', json);
});
add('share_workspace', '{"f":[{"i":1,"n":"a","t":""},{"i":1,"n":"a","t":"","k":"text"}],"s":7,"o":{"im":"x"}}');

rmSync(out, { recursive: true, force: true });
let total = 0;
for (const [target, list] of [...seeds].sort()) {
  const dir = join(out, target);
  mkdirSync(dir, { recursive: true });
  for (const seed of list) {
    writeFileSync(join(dir, createHash('sha1').update(seed).digest('hex')), seed);
  }
  total += list.length;
  console.log(`${target}: ${list.length} seeds`);
}
console.log(`${total} seeds in ${relative(root, out)}/`);
