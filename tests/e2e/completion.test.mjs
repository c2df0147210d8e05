// Completion and hover in the editor, answered by the engine from the core's model (the same as
// the JSON Schemas): keys valid at the cursor with their docs, closed sets of values, a key's
// doc on hover. Keyboard only once the editor has focus (Ctrl-Space, arrows, Enter), in the
// playground and in an embed; a large file's questions go to the worker.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { serve, browser, open, setEditorText, withPage as withServerPage } from "./harness.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

const withPage = (path, fn) => withServerPage(server, path, fn);

const text = (page) => page.evaluate(() => window.__cicdEditor.getText());

/** The labels of the open completion list (empty when none is open). */
const labels = (page) => page.$$eval(".cm-tooltip-autocomplete li", (items) =>
  items.map((li) => li.querySelector(".cm-completionLabel")?.textContent ?? ""));

/** Ctrl-Space until the list opens (the engine may still be loading); its labels. */
async function openList(page) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Control+Space");
    try {
      await page.waitForSelector(".cm-tooltip-autocomplete li", { timeout: 500 });
      // CodeMirror ignores arrows and Enter for 75 ms after a list opens (interactionDelay).
      await page.waitForTimeout(150);
      return labels(page);
    } catch {
      await page.keyboard.press("Escape");
    }
  }
  assert.fail("no completion list opened");
}

/** Puts `body` in the editor with the cursor at its `|`. */
async function place(page, body) {
  const at = body.indexOf("|");
  await setEditorText(page, body.replace("|", ""));
  await page.evaluate((at) => window.__cicdEditor.setCursor(at, true), at);
}

async function phasesAndValues(page) {
  await place(page, "version: 0.2\nphases:\n  |\n");
  const phases = await openList(page);
  assert.deepEqual([...phases].sort(), ["build", "install", "post_build", "pre_build"]);
  // Each option has its doc and its rule's page.
  await page.waitForSelector(".cm-completionInfo .cicd-assist");
  const info = await page.$eval(".cm-completionInfo", (el) => el.textContent);
  assert.match(info, /Rule BS\d+/);

  // Typing narrows the list; Enter accepts.
  await page.keyboard.press("Escape");
  await page.keyboard.type("ins");
  await page.waitForFunction(() => {
    const items = [...document.querySelector(".editor-host").shadowRoot.querySelectorAll(".cm-tooltip-autocomplete li")];
    return items.length === 1;
  }, null, { timeout: 10000 });
  assert.deepEqual(await labels(page), ["install"]);
  await page.waitForTimeout(150);
  await page.keyboard.press("Enter");
  assert.equal(await text(page), "version: 0.2\nphases:\n  install: \n");

  // A closed set of values: on-failure.
  await place(page, "version: 0.2\nphases:\n  build:\n    on-failure: |\n    commands: [make]\n");
  assert.deepEqual(await openList(page), ["ABORT", "CONTINUE", "RETRY"]);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  assert.match(await text(page), /on-failure: CONTINUE\n/);
}

test("a buildspec's phases and on-failure values complete with the keyboard", () => withPage("?example=buildspec", async (page) => {
  await phasesAndValues(page);
  assert.deepEqual(page.problems, []);
}));

test("AppSpec hooks complete for the file's platform, and hover shows a key's doc", () => withPage("?example=appspec-ec2", async (page) => {
  await place(page, "version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /srv\nhooks:\n  Before|\n");
  const hooks = await openList(page);
  assert.deepEqual(hooks, ["BeforeAllowTraffic", "BeforeBlockTraffic", "BeforeInstall"]);
  assert.ok(!hooks.includes("AfterAllowTestTraffic"), "no ECS hook on EC2");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  assert.match(await text(page), /hooks:\n  BeforeInstall: \n/);

  // Hover on `files`.
  const box = await page.evaluate(() => {
    const root = document.querySelector(".editor-host").shadowRoot;
    const line = [...root.querySelectorAll(".cm-line")].find((l) => l.textContent.startsWith("files:"));
    const r = line.getBoundingClientRect();
    return { x: r.left + 12, y: r.top + r.height / 2 };
  });
  await page.mouse.move(box.x, box.y);
  await page.waitForSelector(".cm-tooltip-hover .cicd-hover", { timeout: 10000 });
  const hover = await page.$eval(".cm-tooltip-hover .cicd-hover", (el) => el.textContent);
  assert.match(hover, /^files/);
  assert.match(hover, /what to copy from the revision to the instance/);
  assert.match(hover, /Rule AS\d+/);
  assert.deepEqual(page.problems, []);
}));

test("in an embed, completion works the same", () => withPage("?example=buildspec&embed=1", async (page) => {
  await phasesAndValues(page);
  assert.deepEqual(page.problems, []);
}));

test("a large file's questions go to the worker and are answered", () => withPage("?example=buildspec", async (page) => {
  // Over the main-thread engine's 32 KB: the worker answers.
  const padding = "# padding line to make the file large\n".repeat(1000);
  // Count the questions the worker receives.
  const isEngine = (w) => /engine-worker|cicd-worker/.test(w.url());
  const worker = page.workers().find(isEngine)
    ?? await page.waitForEvent("worker", { predicate: isEngine, timeout: 10000 }).catch(() => null);
  assert.ok(worker, "the engine's worker runs");
  await worker.evaluate(() => {
    self.__assists = 0;
    self.addEventListener("message", (e) => { if (e.data && e.data.Assist) self.__assists += 1; });
  });
  await place(page, `version: 0.2\nphases:\n  build:\n    commands: [make]\n  p|\n${padding}`);
  const list = await openList(page);
  assert.ok(await worker.evaluate(() => self.__assists) > 0, "the worker was asked");
  assert.deepEqual([...list].sort(), ["post_build", "pre_build"]);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  assert.match(await text(page), /\n {2}pre_build: \n# padding/);
  assert.deepEqual(page.problems, []);
}));

test("axe-core: no serious or critical violation with the list and its doc open", () => withPage("?example=buildspec", async (page) => {
  await place(page, "version: 0.2\nphases:\n  |\n");
  await openList(page);
  await page.waitForSelector(".cm-completionInfo .cicd-assist");
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] });
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  });
  assert.deepEqual(violations, []);
}));
