// End-to-end tests of the build side's cross-file findings (issue 12): a pipeline that reads files
// its buildspec's artifacts do not produce, and an AppSpec whose port the task definition does not
// map, each listed in both files' problems with a link to its place in the other; fixing the
// buildspec clears them in both.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { serve, browser, open, setEditorText, withPage as withServerPage } from "./harness.mjs";

const BUILDSPEC = "buildspec.yml";
const PIPELINE = "pipeline.json";
const APPSPEC = "ecs/appspec.yaml";
const TASKDEF = "ecs/taskdef.json";
const BROKEN = readFileSync(new URL("../../examples/broken/ecs-release-buildspec.yml", import.meta.url), "utf8");

let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

const withPage = (path, fn) => withServerPage(server, path, fn);

const selectedTab = (page) => page.$eval('.tab[aria-selected="true"]', (t) => t.dataset.file);
const codes = (page) => page.$$eval(".diagnostics li", (l) => l.map((x) => x.dataset.code));
const count = async (page, code) => (await codes(page)).filter((c) => c === code).length;
const offsetOf = (page, needle) => page.evaluate((n) => window.__cicdEditor.getText().indexOf(n), needle);
const cursor = (page) => page.evaluate(() => window.__cicdEditor.cursor());
const openTab = async (page, file) => {
  await page.click(`.tab[data-file="${file}"]`);
  await page.waitForFunction((f) => document.querySelector('.tab[aria-selected="true"]')?.dataset.file === f, file);
};

test("a file the build does not produce shows in the pipeline and the buildspec, with links between them, until the buildspec is fixed", () => withPage("?example=broken-ecs-release", async (page) => {
  assert.equal(await selectedTab(page), BUILDSPEC);
  // The buildspec lists both findings at its `artifacts.files`, each linking the pipeline.
  await page.waitForFunction(() => document.querySelectorAll('.diagnostics li[data-code="CP035"]').length === 2);
  const lines = await page.$$eval('.diagnostics li[data-code="CP035"]', (l) => l.map((x) => Number(x.dataset.line)));
  const filesLine = BROKEN.split("\n").findIndex((l) => l === "  files:") + 1;
  assert.deepEqual(lines, [filesLine, filesLine]);
  await page.waitForSelector('.diagnostics li[data-code="CP035"] .diag-elsewhere button');

  // The pipeline lists them too; its link opens the buildspec at `files`.
  await openTab(page, PIPELINE);
  await page.waitForFunction(() => document.querySelectorAll('.diagnostics li[data-code="CP035"]').length === 2);
  const messages = await page.$$eval('.diagnostics li[data-code="CP035"]', (l) => l.map((x) => x.textContent));
  assert.ok(messages.some((m) => m.includes("taskdef.json")), messages.join("\n"));
  assert.ok(messages.some((m) => m.includes("appspec.yaml")), messages.join("\n"));
  const link = page.locator('.diagnostics li[data-code="CP035"] .diag-elsewhere button', { hasText: BUILDSPEC }).first();
  await link.click();
  await page.waitForFunction((f) => document.querySelector('.tab[aria-selected="true"]')?.dataset.file === f, BUILDSPEC);
  assert.equal(await cursor(page), (await offsetOf(page, "  files:")) + 2);

  // The AppSpec's port, in the AppSpec and in the task definition.
  await openTab(page, APPSPEC);
  await page.waitForSelector('.diagnostics li[data-code="AS081"] .diag-elsewhere button');
  await openTab(page, TASKDEF);
  await page.waitForSelector('.diagnostics li[data-code="AS081"]');

  // Flattening the build's artifact clears the findings in the buildspec and in the pipeline.
  await openTab(page, BUILDSPEC);
  await page.waitForSelector('.diagnostics li[data-code="CP035"]');
  await setEditorText(page, BROKEN.replace("    - ecs/taskdef.json\n", "    - ecs/taskdef.json\n  discard-paths: yes\n"));
  await page.waitForFunction(() => !document.querySelector('.diagnostics li[data-code="CP035"]'));
  await openTab(page, PIPELINE);
  await page.waitForFunction(() => !document.querySelector('.diagnostics li[data-code="CP035"]'));
  assert.equal(await count(page, "CP035"), 0);
  // Breaking it again brings the findings back in the pipeline.
  await openTab(page, BUILDSPEC);
  await setEditorText(page, BROKEN);
  await openTab(page, PIPELINE);
  await page.waitForFunction(() => document.querySelectorAll('.diagnostics li[data-code="CP035"]').length === 2);
  assert.deepEqual(page.problems, []);
}));
