// How a TypeScript project uses the package; `tsc --noEmit` must accept it (package.test.mjs).
// The `@ts-expect-error` lines must be errors: with loose types (`any`) tsc reports them unused.
import {
  analyze, assume, check, detectKind, explain, kinds, rules, simulateDeployment, simulateLifecycle,
  simulatePipeline,
  type Diagnostic, type KindId, type AssumeReport, type DeploymentReport,
} from "cicd-wasm";
import init, { check as checkInPage } from "cicd-wasm/web";

const text = "version: 0.2\nphases:\n  biuld:\n    commands: [make]\n";

const found: Diagnostic[] = check("buildspec", text);
const imaged = check("buildspec", text, { image: "aws/codebuild/standard:7.0" });
for (const d of [...found, ...imaged]) {
  const selected: string = text.slice(d.from16, d.to16);
  const where: string = `${d.line}:${d.column}-${d.end_line}:${d.end_column} ${d.code} ${d.name}`;
  const severity: "error" | "warning" | "info" = d.severity;
  const help: string | null = d.help;
  if (d.fix) {
    const fixed: string = text.slice(0, d.fix.from16) + d.fix.replacement + text.slice(d.fix.to16);
    const edits: number = d.fix.edits.length;
    void [fixed, edits];
  }
  for (const label of d.labels) {
    const file: string | null = label.file;
    void [file, label.message, label.from16];
  }
  void [selected, where, severity, help, d.url];
}

// @ts-expect-error: not a kind
check("buildspecs", text);
// @ts-expect-error: diagnostics have no `column16`
void found[0]?.column16;
// @ts-expect-error: an option that does not exist
check("buildspec", text, { imag: "x" });

const kind: KindId | null = detectKind(text, "buildspec.yml");
const ids: KindId[] = kinds().map((k) => k.id);
const codes: string[] = rules("trust-policy").map((r) => `${r.code} ${r.name} ${r.kind ?? "every kind"}`);
const page = explain("BS020");
const markdown: string | undefined = page?.markdown;
void [kind, ids, codes, markdown, rules()];

const files = analyze([{ name: "buildspec.yml", text }, { name: "trust.json", text: "{}", kind: "trust-policy" }]);
const errors: number = files.reduce((n, f) => n + f.errors, 0);
const fileKinds: (KindId | null)[] = files.map((f) => f.kind);
void [errors, fileKinds];

const answer: AssumeReport = assume("{}", {
  github: { repo: "octo-org/octo-repo", ref: "refs/heads/main", environment: "production" },
  context: { "aws:SourceAccount": "123456789012", "aws:PrincipalTag/team": ["a", "b"] },
});
const allowed: boolean = answer.decision === "allow";
const deciding: number | null = answer.deciding_statement;
const sub: string | undefined = answer.github?.sub;
const failed = answer.statements.find((s) => s.outcome === "condition-failed")?.condition;
const actual: string[] | null | undefined = failed?.actual;
void [allowed, deciding, sub, actual, assume("{}")];
// @ts-expect-error: a decision is allow or deny
if (answer.decision === "maybe") void 0;

const timeline = simulateLifecycle("version: 0.0\nos: linux\n", { deployment: "blue-green", fail: "AfterInstall" });
const failedAt: number | undefined = timeline.failure?.at;
const hookLines: (number | undefined)[] = timeline.events.map((e) => e.line?.line);
void [failedAt, hookLines];
// @ts-expect-error: not a deployment kind
simulateLifecycle("", { deployment: "rolling" });

const run = simulatePipeline("{}", { starts: [0, 60], failures: [{ stage: "Build", action: "Build" }] }, { pipeline: "main" });
const outcomes: string[] = run.executions.map((e) => e.outcome);
const stageNames: string[] = run.view.stages.map((s) => `${s.name}@${s.place.from16}`);
void [outcomes, stageNames, simulatePipeline("{}")];

const deployment: DeploymentReport = simulateDeployment(
  { config: "CodeDeployDefault.ECSCanary10Percent5Minutes" },
  { platform: "ecs", faults: [{ kind: "error-rate", percent: 15, at: 60 }], alarms: [{ name: "errors", threshold: 5 }] },
);
const green: number[] = deployment.timeline.map((p) => p.green_percent);
const rolledBack: boolean = deployment.outcome === "RolledBack";
const routing = deployment.config.traffic_routing;
const firstShift: number | undefined = routing?.type === "canary" ? routing.percentage : undefined;
void [green, rolledBack, firstShift, deployment.blast_radius.failed_requests_new];
void simulateDeployment({ group: "{}", configs: ["{}", "{}"] });
// @ts-expect-error: `configs` are texts
simulateDeployment({ configs: "{}" });
// @ts-expect-error: a fault needs its kind's fields
simulateDeployment({}, { faults: [{ kind: "latency", percent: 3 }] });

await init();
const inPage: Diagnostic[] = checkInPage("buildspec", text);
void inPage;
