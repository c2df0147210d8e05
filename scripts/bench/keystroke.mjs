// Keystroke → diagnostics latency in headless Chromium, measured by the editor bridge with the
// Performance API (performance.now at the document change, again when Rust hands the new
// diagnostics to the editor, and at the next animation frame). Reports p50/p95 for the guide's
// buildspec, a generated 5,000-line buildspec and the guide's trust policy (whose "Assume role?"
// panel is recomputed with every edit). Needs a release build in dist/.
//
//   node scripts/bench/keystroke.mjs [DIST]   (default dist/; another build to compare)
import { readFileSync } from "node:fs";
import { serve, browser, open, setEditorText } from "../../tests/e2e/harness.mjs";

const KEYSTROKES = Number(process.env.KEYSTROKES || 200);

export function largeBuildspec(lines) {
  const out = ["version: 0.2", "env:", "  variables:"];
  for (let i = 0; i < lines / 10; i++) out.push(`    VAR_${i}: value-${i}`);
  out.push("phases:");
  const perPhase = Math.floor((lines * 8) / 10 / 4);
  for (const phase of ["install", "pre_build", "build", "post_build"]) {
    out.push(`  ${phase}:`, "    on-failure: ABORT", "    commands:");
    for (let i = 0; i < perPhase; i++) out.push(`      - echo "step ${i} of ${phase}" && make target-${i} ARG=$VAR_${i % 50}`);
  }
  out.push("artifacts:", "  files:");
  while (out.length < lines - 1) out.push(`    - 'dist/part-${out.length}/**/*'`);
  return out.join("\n") + "\n";
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(page, text, label) {
  await setEditorText(page, text);
  await page.waitForTimeout(300);
  // Type at the end of the first command, one key at a time, waiting for each result.
  await page.evaluate(() => { window.__cicdLatency.diagnostics.length = 0; window.__cicdLatency.painted.length = 0; });
  const line = text.split("\n").findIndex((l) => l.includes("- ") || l.includes('"Effect"'));
  await page.evaluate((line) => {
    const ed = window.__cicdEditor;
    const lines = ed.getText().split("\n");
    let offset = 0;
    for (let i = 0; i < line; i++) offset += lines[i].length + 1;
    ed.setCursor(offset + lines[line].length, true);
  }, line);
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.type(i % 2 ? " " : "x");
    await page.waitForFunction((n) => window.__cicdLatency.painted.length >= n, i + 1);
  }
  const { diagnostics, painted } = await page.evaluate(() => window.__cicdLatency);
  const d = [...diagnostics].sort((a, b) => a - b);
  const p = [...painted].sort((a, b) => a - b);
  const fmt = (v) => v.toFixed(2).padStart(7);
  console.log(`${label.padEnd(22)} n=${d.length}  to diagnostics p50 ${fmt(percentile(d, 50))} ms  p95 ${fmt(percentile(d, 95))} ms | to next frame p50 ${fmt(percentile(p, 50))} ms  p95 ${fmt(percentile(p, 95))} ms`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await serve(process.argv[2] || undefined);
  const b = await browser();
  try {
    const page = await open(b.context, server.url + "?example=buildspec");
    const seed = readFileSync(new URL("../../examples/buildspec.yml", import.meta.url), "utf8");
    await measure(page, seed, "guide buildspec");
    await measure(page, largeBuildspec(5000), "5,000-line buildspec");
  } finally {
    await b.close();
  }
  // A fresh profile: the first one's saved workspace would make the example ask before opening.
  const b2 = await browser();
  try {
    const page = await open(b2.context, server.url + "?example=trust-policy");
    const policy = readFileSync(new URL("../../examples/trust-policy-github-oidc.json", import.meta.url), "utf8");
    await measure(page, policy, "guide trust policy");
  } finally {
    await b2.close();
    await server.close();
  }
}
