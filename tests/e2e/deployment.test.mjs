// End-to-end tests of the deployment (issue 10): the guide's canary group shifts traffic, and
// broken (an error-rate spike on the new revision) its alarm fires and the deployment rolls
// back; the chart, the fleet and the outcome follow the playhead; usable at a phone's width.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { serve, browser, open, setEditorText } from "./harness.mjs";

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

const attr = (page, name) => page.$eval(".deployment", (d, n) => d.dataset[n], name);

test("a canary succeeds; broken, its alarm fires and the deployment rolls back", () => withPage("?example=deployment-canary", async (page) => {
  await page.waitForSelector(".deployment .chart");
  assert.equal(await attr(page, "finalOutcome"), "Succeeded");
  assert.equal(await attr(page, "greenPercent"), "0");
  // Playing moves traffic to the new revision step by step.
  await page.selectOption('.deployment select[aria-label="Playback speed"]', { index: 3 });
  await page.click(".deployment .play");
  await page.waitForFunction(() => Number(document.querySelector(".deployment")?.dataset.greenPercent) > 0, null, { timeout: 30000 });
  await page.waitForSelector('.deployment[data-outcome="Succeeded"]', { timeout: 30000 });
  assert.equal(await attr(page, "greenPercent"), "100");
  assert.ok((await page.$$('.deployment .fleet .cell[data-revision="new"]')).length > 0);
  // Break it: the alarm fires and CodeDeploy rolls back.
  await page.click(".deployment .break-it");
  await page.waitForSelector('.deployment[data-final-outcome="RolledBack"]');
  await page.focus(".deployment .play");
  await page.keyboard.press("End");
  await page.waitForSelector('.deployment[data-outcome="RolledBack"]');
  assert.equal(await attr(page, "greenPercent"), "0");
  assert.ok((await page.$$(".deployment .chart .alarm-band")).length > 0, "the alarm period is shaded");
  const log = await page.$$eval(".deployment .event-log li", (l) => l.map((x) => x.textContent).join("\n"));
  assert.match(log, /ALARM|alarm/);
  assert.match(log, /roll/i);
  assert.ok(await page.$(".deployment .blast"), "the blast radius is shown");
  // Stepping back from the end shows an earlier moment.
  await page.keyboard.press("Home");
  assert.equal(await attr(page, "outcome"), "InProgress");
  // The scenario travels with the file.
  await page.click("text=Share link");
  const link = await page.inputValue('dialog[data-dialog="share"] input');
  const b = await browser();
  try {
    const other = await open(b.context, link);
    await other.waitForSelector('.deployment[data-final-outcome="RolledBack"]');
  } finally {
    await b.close();
  }
  assert.deepEqual(page.problems, []);
}));

test("the deployment panel fits a phone's width", () => withPage("?example=deployment-canary", async (page) => {
  await page.waitForSelector(".deployment .chart");
  const right = await page.$eval(".deployment", (d) => Math.max(...[...d.querySelectorAll(".chart, .fleet, .player")].map((e) => e.getBoundingClientRect().right)));
  assert.ok(right <= 390, `fits (${right})`);
  // A field's name keeps its words whole ("Compare with" broke as "Compa / re with"), and the
  // comparison's select gives way, with its longest choice too.
  const select = await page.$("select.compare-with");
  const last = await select.evaluate((s) => s.options[s.options.length - 1].value);
  await select.selectOption(last);
  const field = await page.$eval(".deployment .controls .field:has(select.compare-with)", (f) => {
    const name = f.querySelector("span").getBoundingClientRect();
    const line = parseFloat(getComputedStyle(f.querySelector("span")).lineHeight);
    return { nameHeight: name.height, line, right: f.getBoundingClientRect().right };
  });
  assert.ok(field.nameHeight < field.line * 1.5, `the field's name is one line: ${JSON.stringify(field)}`);
  assert.ok(field.right <= 390, `the field fits: ${JSON.stringify(field)}`);
}, { width: 390, height: 800 }));

test("compare: the same broken deployment all at once reaches every user, the canary a tenth", () => withPage("?example=deployment-canary", async (page) => {
  await page.waitForSelector(".deployment .chart");
  await page.click(".deployment .break-it");
  await page.waitForSelector('.deployment[data-final-outcome="RolledBack"]');
  await page.selectOption(".deployment .compare-with", { label: "ECSAllAtOnce" });
  await page.waitForSelector('.deployment table.compare[data-compare="CodeDeployDefault.ECSAllAtOnce"]');
  const rows = await page.$$eval(".deployment table.compare tbody tr", (r) => r.map((x) => [...x.querySelectorAll("td")].map((c) => c.textContent)));
  const most = rows[1];
  assert.equal(most[0], "10 %");
  assert.equal(most[1], "100 %");
  assert.ok(Number(rows[2][1]) > Number(rows[2][0]), `all at once fails more requests (${rows[2]})`);
  assert.ok(await page.$(".deployment .chart .traffic-compared"));
}));

test("the setup: fleet size, a failing hook, another configuration and the alarm's definition change the run", () => withPage("?example=deployment-rolling", async (page) => {
  await page.waitForSelector(".deployment .chart");
  assert.equal(await attr(page, "finalOutcome"), "Succeeded");
  assert.match(await page.$eval(".deployment .panel-header", (h) => h.textContent), /HalfAtATime/);
  await page.click(".deploy-setup summary");
  // Four instances: four cells.
  await page.fill(".setup-instances", "4");
  await page.press(".setup-instances", "Enter");
  await page.waitForFunction(() => document.querySelectorAll(".deployment .fleet .cell").length === 4);
  // A hook that fails on instance 3 only: half at a time keeps two healthy, so the deployment
  // still succeeds (minimum healthy hosts), with one failed instance at the end.
  await page.selectOption(".setup-hook", "AfterInstall");
  await page.fill(".setup-hook-instance", "3");
  await page.press(".setup-hook-instance", "Enter");
  await page.waitForFunction(() => /"instance":3/.test(JSON.parse(localStorage.getItem("cicd-playground:workspace")).f[0].c));
  await page.focus(".deployment .play");
  await page.keyboard.press("End");
  await page.waitForSelector('.deployment .fleet .cell[data-state="failed"]');
  assert.equal(await attr(page, "finalOutcome"), "Succeeded");
  // On every instance: too few stay healthy, the deployment fails and, with DEPLOYMENT_FAILURE,
  // rolls back.
  await page.fill(".setup-hook-instance", "");
  await page.press(".setup-hook-instance", "Enter");
  await page.waitForSelector('.deployment[data-final-outcome="RolledBack"]');
  await page.selectOption(".setup-hook", "");
  await page.waitForSelector('.deployment[data-final-outcome="Succeeded"]');
  // The alarm watches latency: 800 ms on the new revision against a 500 ms threshold.
  await page.selectOption(".setup-alarm-metric", "latency");
  await page.fill(".setup-alarm-threshold", "500");
  await page.press(".setup-alarm-threshold", "Enter");
  await page.fill(".setup-latency", "800");
  await page.press(".setup-latency", "Enter");
  await page.waitForSelector('.deployment[data-final-outcome="RolledBack"]');
  assert.match(await page.$eval(".deployment .legend", (l) => l.textContent), /WebHighErrorRate > 500/);
  // Another configuration: one instance at a time.
  await page.selectOption(".setup-config", "CodeDeployDefault.OneAtATime");
  await page.waitForFunction(() => /OneAtATime/.test(document.querySelector(".deployment .panel-header")?.textContent));
  assert.equal(await page.inputValue(".setup-config"), "CodeDeployDefault.OneAtATime");
  // Everything travels with the file.
  await page.waitForTimeout(400);
  const scenario = await page.evaluate(() => JSON.parse(localStorage.getItem("cicd-playground:workspace")).f.find((f) => f.n === "deployment-group.json").c);
  assert.match(scenario, /"dn":"CodeDeployDefault.OneAtATime"/);
  assert.match(scenario, /"instances":4/);
  assert.deepEqual(page.problems, []);
}));

// The distinct heights of the planned traffic line: one per share of traffic the shift holds.
const levels = (page) => page.$eval(".deployment .chart .traffic-planned", (p) => {
  const ys = [...p.getAttribute("d").matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => m[2]);
  return new Set(ys).size;
});
const header = (page) => page.$eval(".deployment .panel-header", (h) => h.textContent);
const stored = (page, name) => page.evaluate((n) => JSON.parse(localStorage.getItem("cicd-playground:workspace")).f.find((f) => f.n === n)?.c ?? "", name);

test("a group naming a custom linear configuration in another tab runs it; editing that tab changes the run", () => withPage("?example=deployment-linear", async (page) => {
  await page.click('.tab[data-file="deployment-group.json"]');
  await page.waitForSelector(".deployment .chart");
  const h = await header(page);
  assert.match(h, /ECSLinear10PercentEvery10Minutes/);
  assert.match(h, /deployment-config\.json/);
  assert.equal(await page.$(".deployment .deploy-note"), null, "the configuration is found");
  // 0 %, 10 %, …, 100 %: eleven steps.
  assert.equal(await levels(page), 11);
  assert.equal(await attr(page, "finalOutcome"), "Succeeded");
  // 25 % at a time in the configuration's tab: the group's chart follows.
  await page.click('.tab[data-file="deployment-config.json"]');
  await page.waitForSelector(".deployment .chart");
  const text = readFileSync(new URL("../../examples/deployment-config-linear.json", import.meta.url), "utf8");
  await setEditorText(page, text.replace('"linearPercentage": 10', '"linearPercentage": 25'));
  await page.click('.tab[data-file="deployment-group.json"]');
  await page.waitForFunction(() => {
    const d = document.querySelector(".deployment .chart .traffic-planned")?.getAttribute("d") ?? "";
    return new Set([...d.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => m[2])).size === 5;
  }, null, { timeout: 15000 });
  // Renamed, the configuration is found nowhere: the panel says what ran instead, and why.
  await page.click('.tab[data-file="deployment-config.json"]');
  await page.waitForSelector(".deployment .chart");
  await setEditorText(page, text.replace("ECSLinear10PercentEvery10Minutes", "SomethingElse"));
  await page.click('.tab[data-file="deployment-group.json"]');
  await page.waitForSelector(".deployment .deploy-note");
  const note = await page.$eval(".deployment .deploy-note", (n) => n.textContent);
  assert.match(note, /ECSLinear10PercentEvery10Minutes/);
  assert.match(note, /ECSAllAtOnce/);
  assert.deepEqual(page.problems, []);
}));

test("a configuration tab chosen in a group's panel runs and travels with the file", () => withPage("?example=deployment-linear", async (page) => {
  await page.click('.tab[data-file="deployment-group.json"]');
  await page.waitForSelector(".deployment .chart");
  await page.click(".deploy-setup summary");
  await page.selectOption(".setup-config", "CodeDeployDefault.ECSCanary10Percent5Minutes");
  await page.waitForFunction(() => /ECSCanary10Percent5Minutes/.test(document.querySelector(".deployment .panel-header")?.textContent));
  assert.equal(await levels(page), 3, "0 %, 10 %, 100 %");
  const options = await page.$$eval('.setup-config optgroup[label="Tabs of this workspace"] option', (o) => o.map((x) => [x.value, x.textContent]));
  assert.deepEqual(options, [["tab:deployment-config.json", "deployment-config.json: ECSLinear10PercentEvery10Minutes (ECS)"]]);
  await page.selectOption(".setup-config", "tab:deployment-config.json");
  await page.waitForFunction(() => /ECSLinear10PercentEvery10Minutes/.test(document.querySelector(".deployment .panel-header")?.textContent));
  assert.equal(await levels(page), 11);
  assert.equal(await page.inputValue(".setup-config"), "tab:deployment-config.json");
  await page.waitForTimeout(400);
  const scenario = await stored(page, "deployment-group.json");
  assert.match(scenario, /"df":"deployment-config.json"/);
  assert.doesNotMatch(scenario, /"dn"/);
  assert.deepEqual(page.problems, []);
}));

test("an AppSpec's deployment runs through the workspace's group and its configuration, and plays to an outcome", () => withPage("?example=deployment-linear", async (page) => {
  await page.click('.tab[data-file="appspec.yaml"]');
  await page.waitForSelector(".lifecycle .timeline");
  await page.waitForSelector(".deployment .chart");
  const h = await header(page);
  assert.match(h, /ECSLinear10PercentEvery10Minutes/);
  assert.match(h, /deployment-group\.json/);
  assert.equal(await levels(page), 11);
  assert.equal(await attr(page, "outcome"), "InProgress");
  // The group tab is offered (one here).
  await page.click(".deployment .deploy-setup summary");
  assert.deepEqual(await page.$$eval(".setup-group option", (o) => o.map((x) => x.value)), ["deployment-group.json"]);
  // The AppSpec's hook fails: the group rolls the deployment back.
  await page.selectOption(".setup-hook", "AfterAllowTestTraffic");
  await page.waitForSelector('.deployment[data-final-outcome="RolledBack"]');
  await page.selectOption('.deployment select[aria-label="Playback speed"]', { index: 3 });
  await page.click(".deployment .play");
  await page.waitForSelector('.deployment[data-outcome="RolledBack"]', { timeout: 30000 });
  assert.equal(await attr(page, "greenPercent"), "0");
  assert.deepEqual(page.problems, []);
}));

test("a custom configuration for another platform is a finding in both tabs (DEP113)", () => withPage("?example=deployment-linear", async (page) => {
  await page.click('.tab[data-file="deployment-config.json"]');
  await page.waitForSelector(".deployment .chart");
  const text = readFileSync(new URL("../../examples/deployment-config-linear.json", import.meta.url), "utf8");
  await setEditorText(page, text.replace('"computePlatform": "ECS"', '"computePlatform": "Lambda"'));
  await page.waitForSelector('.diagnostics li[data-code="DEP113"]');
  await page.click('.tab[data-file="deployment-group.json"]');
  await page.waitForSelector('.diagnostics li[data-code="DEP113"]');
  const row = await page.$eval('.diagnostics li[data-code="DEP113"]', (r) => r.textContent);
  assert.match(row, /Lambda/);
  assert.match(row, /deployment-config\.json/);
  assert.deepEqual(page.problems, []);
}));

test("what a screen reader hears: announcements without backticks, fleet cells in words", () => withPage("?example=deployment-canary", async (page) => {
  await page.waitForSelector(".deployment .chart");
  await page.focus(".deployment .play");
  const heard = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("ArrowRight");
    heard.push(await page.$eval('.deployment [aria-live="polite"]', (p) => p.textContent));
    const titles = await page.$$eval(".deployment .fleet .cell", (c) => c.map((x) => x.title));
    for (const t of titles) assert.doesNotMatch(t, /in-progress|none revision/, t);
    if (await page.$('.deployment[data-outcome="Succeeded"]')) break;
  }
  assert.ok(heard.some((h) => /invokes the \w+ hook/.test(h)), heard.join(" | "));
  assert.ok(heard.every((h) => !h.includes("`")), heard.filter((h) => h.includes("`")).join(" | "));
  assert.deepEqual(page.problems, []);
}));
