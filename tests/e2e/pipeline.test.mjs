// End-to-end tests of the pipeline run (issue 11): the diagram, playing a run, an approval
// answered by the learner, a failure, more executions in the pipeline's execution mode, and the
// panel at a phone's width.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, browser, open } from "./harness.mjs";

let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

async function withPage(path, fn, viewport) {
  const b = await browser();
  try {
    const page = b.context.pages()[0] || (await b.context.newPage());
    if (viewport) await page.setViewportSize(viewport);
    return await fn(await open(b.context, server.url + path));
  } finally {
    await b.close();
  }
}

const status = (page, action) => page.$eval(`.pipeline .action[data-action="${action}"]`, (g) => g.dataset.status);

test("the guide's pipeline is drawn and plays: stages in order, artifacts, an approval answered, a run that succeeds", () => withPage("?example=pipeline", async (page) => {
  await page.waitForSelector(".pipeline .diagram");
  const stages = await page.$$eval(".pipeline .stage .stage-name", (s) => s.map((e) => e.textContent));
  assert.ok(stages.length >= 4, stages.join(","));
  assert.ok((await page.$$(".pipeline .artifact")).length >= 2, "artifact arrows");
  assert.equal(await page.$eval(".pipeline", (p) => p.dataset.mode), "QUEUED");
  const approval = await page.$eval('.pipeline .action[data-stage] >> nth=0', () => null).catch(() => null);
  void approval;
  // Play at the fastest speed until the approval waits, then approve it from the panel.
  await page.selectOption('select[aria-label="Playback speed"]', { index: 3 });
  await page.click(".pipeline .play");
  await page.waitForSelector(".pipeline .approval .approve", { timeout: 30000 });
  const waiting = await page.$$eval('.pipeline .action[data-status="Waiting"]', (g) => g.map((x) => x.dataset.action));
  assert.equal(waiting.length, 1, waiting.join(","));
  await page.click(".pipeline .approval .approve");
  await page.click(".pipeline .play");
  await page.waitForSelector('.pipeline .lane[data-execution="1"][data-outcome="Succeeded"]', { timeout: 30000 });
  assert.deepEqual(page.problems, []);
}));

test("a failing action fails its execution; keyboard: select an action, make it fail, jump to the end", () => withPage("?example=pipeline", async (page) => {
  await page.waitForSelector(".pipeline .diagram");
  // Enter on the Build action selects it and moves the editor's cursor to it.
  await page.focus('.pipeline .action[data-action="Build"]');
  await page.keyboard.press("Enter");
  await page.waitForSelector('.pipeline .action-details[data-action="Build"]');
  const line = await page.evaluate(() => {
    const ed = window.__cicdEditor;
    return ed.getText().slice(0, ed.cursor()).split("\n").pop() + ed.getText().slice(ed.cursor()).split("\n")[0];
  });
  assert.match(line, /Build/);
  await page.click(".pipeline .fail-toggle");
  await page.waitForSelector('.pipeline .action.will-fail[data-action="Build"]');
  await page.focus(".pipeline .play");
  await page.keyboard.press("End");
  await page.waitForFunction(() => document.querySelector('.pipeline .lane[data-execution="1"]')?.dataset.outcome === "Failed");
  assert.equal(await status(page, "Build"), "Failed");
  // Later stages never ran.
  const deploy = await page.$$eval('.pipeline .action', (g) => g.filter((x) => /Deploy/.test(x.dataset.action)).map((x) => x.dataset.status));
  assert.ok(deploy.every((s) => s === "NotStarted"), deploy.join(","));
  // Step back event by event with the keyboard.
  await page.keyboard.press("ArrowLeft");
  assert.notEqual(await page.$eval('.pipeline .lane[data-execution="1"]', (l) => l.dataset.outcome), "Failed");
}));

test("a second execution started mid-run queues behind the first (QUEUED mode)", () => withPage("?example=pipeline", async (page) => {
  await page.waitForSelector(".pipeline .diagram");
  await page.selectOption('select[aria-label="Playback speed"]', { index: 3 });
  await page.click(".pipeline .play");
  await page.waitForFunction(() => document.querySelector('.pipeline .action[data-action="Build"]')?.dataset.status === "InProgress", null, { timeout: 30000 });
  await page.click(".pipeline .start-execution");
  await page.waitForSelector('.pipeline .lane[data-execution="2"]');
  await page.focus(".pipeline .play");
  await page.keyboard.press("End");
  const outcomes = await page.$$eval(".pipeline .lane", (l) => l.map((x) => x.dataset.finalOutcome));
  assert.equal(outcomes.length, 2);
  // The log says an execution waited for the stage to free up.
  const log = await page.$$eval(".pipeline .event-log li", (l) => l.map((x) => x.textContent).join("\n"));
  assert.match(log, /#2/);
  // An execution is chosen with the keyboard: its lane's label is a button in the tab order.
  const laneOfFocus = () => page.evaluate(() => document.activeElement.closest(".lane")?.dataset.execution);
  const pressed = (n) => page.$eval(`.pipeline .lane[data-execution="${n}"] .lane-label`, (b) => b.getAttribute("aria-pressed"));
  const title = () => page.$eval(".pipeline .lanes-title", (h) => h.textContent);
  await page.focus('.pipeline .lane[data-execution="1"] .lane-label');
  await page.keyboard.press("Tab");
  assert.equal(await laneOfFocus(), "2");
  await page.keyboard.press("Enter");
  await page.waitForSelector('.pipeline .lane.chosen[data-execution="2"]');
  assert.match(await title(), /showing #2 /);
  assert.deepEqual([await pressed(1), await pressed(2)], ["false", "true"]);
  assert.equal(await laneOfFocus(), "2", "the focus stays on the lane");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press(" ");
  await page.waitForSelector('.pipeline .lane.chosen[data-execution="1"]');
  assert.match(await title(), /showing #1 /);
}));

test("the pipeline panel is usable at a phone's width", () => withPage("?example=pipeline", async (page) => {
  await page.waitForSelector(".pipeline .diagram");
  const box = await page.$eval(".pipeline .diagram-scroll", (d) => { const r = d.getBoundingClientRect(); return { left: r.left, right: r.right }; });
  assert.ok(box.left >= 0 && box.right <= 390, JSON.stringify(box));
  const player = await page.$eval(".pipeline .player", (d) => d.getBoundingClientRect().right);
  assert.ok(player <= 390, `controls fit (${player})`);
}, { width: 390, height: 800 }));

/** The focused element, as `.pipeline .play` etc. would select it ("" when it is the body). */
const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return a && a !== document.body ? `${a.tagName.toLowerCase()}.${[...a.classList].join(".")}` : "";
});
const clockText = (page) => page.$eval(".pipeline .player .clock", (c) => c.textContent.split(" / ")[0]);

test("keyboard: focus stays on the player when a manual approval starts waiting, which is announced", () => withPage("?example=pipeline", async (page) => {
  await page.waitForSelector(".pipeline .diagram");
  await page.focus(".pipeline .play");
  // Step event by event until the approval waits (the reviewer's three presses reach it).
  for (let i = 0; i < 12 && !(await page.$(".pipeline .approval")); i++) {
    await page.keyboard.press("ArrowRight");
    await page.waitForTimeout(60);
    assert.match(await focused(page), /^button\..*play/, `after → ${i + 1}`);
  }
  await page.waitForSelector(".pipeline .approval .approve");
  assert.match(await focused(page), /^button\..*play/);
  const live = await page.$eval('.pipeline [aria-live="polite"]', (p) => p.textContent);
  assert.match(live, /waiting for a reviewer: Approve or Reject/);
  // The keys still work from there: ← steps back, Home goes to the start.
  const at = await clockText(page);
  await page.keyboard.press("ArrowLeft");
  await page.waitForFunction((t) => document.querySelector(".pipeline .player .clock").textContent.split(" / ")[0] !== t, at);
  assert.match(await focused(page), /^button\..*play/);
  await page.keyboard.press("Home");
  await page.waitForFunction(() => document.querySelector(".pipeline .player .clock").textContent.startsWith("0:00 /"));
  assert.match(await focused(page), /^button\..*play/);

  // Played at 10×: playback pauses at the approval by itself; Space plays on from the button.
  await page.selectOption('.pipeline select[aria-label="Playback speed"]', { index: 3 });
  await page.focus(".pipeline .play");
  await page.keyboard.press("Space");
  await page.waitForSelector(".pipeline .approval .approve", { timeout: 30000 });
  await page.waitForFunction(() => document.querySelector(".pipeline .play").getAttribute("aria-label").startsWith("Play"));
  assert.match(await focused(page), /^button\..*play/);
  await page.keyboard.press("Space");
  await page.waitForFunction(() => document.querySelector(".pipeline .play").getAttribute("aria-label").startsWith("Pause"));
  assert.deepEqual(page.problems, []);
}));

test("the executions' header describes the run at the playhead; lane labels are readable", () => withPage("?example=pipeline", async (page) => {
  await page.waitForSelector(".pipeline .lane");
  const header = () => page.$eval(".pipeline .lanes-title", (h) => h.textContent);
  const shown = () => page.$eval('.pipeline .lane[data-execution="1"]', (l) => l.dataset.outcome);
  assert.equal(await shown(), "InProgress");
  assert.match(await header(), /#1 at 0:00: InProgress\)$/);
  await page.focus(".pipeline .play");
  await page.keyboard.press("End");
  await page.waitForFunction(() => document.querySelector('.pipeline .lane[data-execution="1"]').dataset.outcome !== "InProgress");
  assert.ok((await header()).endsWith(`: ${await shown()})`), await header());
  // HTML text beside the bars (an SVG's text would shrink with the drawing).
  assert.equal(await page.$eval(".pipeline .lane-label", (e) => e.closest("svg")), null);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 860 });
    const sizes = await page.$$eval(".pipeline .lane-label", (l) => l.map((e) => parseFloat(getComputedStyle(e).fontSize)));
    assert.ok(sizes.length > 0 && sizes.every((s) => s >= 11), `${width}px: ${sizes}`);
    const bar = await page.$eval(".pipeline .lane-bar", (b) => b.getBoundingClientRect().width);
    assert.ok(bar > 100, `${width}px: the lane's bar is ${bar}px wide`);
  }
}));
