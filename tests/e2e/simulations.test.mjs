// End-to-end tests of the simulations: the trust policy's "Assume role?" panel and the AppSpec's
// lifecycle timeline.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, browser, open, withPage as withServerPage } from "./harness.mjs";

let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

/** Opens `path` in a fresh browser profile and runs `fn` with the page, always closing. */
const withPage = (path, fn) => withServerPage(server, path, fn);

test("the assume panel answers allow/deny as the form changes and explains the failing condition", () => withPage("?example=trust-policy", async (page) => {
  await page.waitForSelector('.verdict[data-decision="allow"]');
  assert.equal(await page.inputValue('input[name="repo"]'), "myorg/myrepo");
  assert.match(await page.$eval(".token-sub", (e) => e.textContent), /repo:myorg\/myrepo:ref:refs\/heads\/main/);
  await page.waitForSelector(".cicd-hl-allow");

  await page.fill('input[name="repo"]', "myorg/myrepo-evil");
  await page.waitForSelector('.verdict[data-decision="deny"]');
  const expects = await page.$$eval(".failed-condition dd", (dds) => dds.map((d) => d.textContent));
  assert.ok(expects.some((t) => t.includes("repo:myorg/myrepo:*")), expects.join(" | "));
  assert.ok(expects.some((t) => t.includes("repo:myorg/myrepo-evil:ref:refs/heads/main")), expects.join(" | "));
  // The failing condition is marked in the editor.
  const marked = await page.$eval(".cicd-hl-fail", (e) => e.textContent);
  assert.match(marked, /githubusercontent\.com:sub|repo:myorg\/myrepo:\*/);

  // A pull request of the right repository is admitted by `repo:myorg/myrepo:*`.
  await page.fill('input[name="repo"]', "myorg/myrepo");
  await page.selectOption('select[name="event"]', "pull_request");
  await page.waitForSelector('.verdict[data-decision="allow"]');
  assert.match(await page.$eval(".token-sub", (e) => e.textContent), /repo:myorg\/myrepo:pull_request/);

  // "Who gets in?" lists callers the wildcard admits; trying one fills the form.
  const example = await page.$eval(".admitted li button code", (e) => e.textContent);
  await page.click(".admitted li button");
  await page.waitForFunction((ex) => document.querySelector(".token-sub")?.textContent.includes(ex), example);
  assert.deepEqual(page.problems, []);
}));

test("editing the policy changes the answer at once", () => withPage("?example=trust-policy", async (page) => {
  await page.waitForSelector('.verdict[data-decision="allow"]');
  await page.evaluate(() => {
    const ed = window.__cicdEditor;
    const t = ed.getText();
    const at = t.indexOf("repo:myorg/myrepo:*");
    ed.setCursor(at + "repo:myorg/".length, true);
  });
  await page.keyboard.type("other");
  await page.waitForSelector('.verdict[data-decision="deny"]');
}));

test("the lifecycle timeline plays the events in order and a failed hook shows where it stops", () => withPage("?example=appspec-ec2", async (page) => {
  await page.waitForSelector(".lifecycle .timeline");
  const events = await page.$$eval(".lifecycle > .timeline .step", (s) => s.map((e) => e.dataset.event));
  assert.deepEqual(events, ["Start", "ApplicationStop", "DownloadBundle", "BeforeInstall", "Install", "AfterInstall", "ApplicationStart", "ValidateService", "End"]);
  const kinds = await page.$$eval(".lifecycle > .timeline .step", (s) => s.map((e) => e.dataset.kind));
  assert.equal(kinds[2], "reserved");
  assert.equal(kinds[3], "hook");

  // Play: the events light up one after the other, in order.
  await page.click(".lifecycle .play");
  const seen = [];
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    const active = await page.$eval(".lifecycle .step.active", (e) => e.dataset.event).catch(() => null);
    if (active && seen[seen.length - 1] !== active) seen.push(active);
    if (active === "End") break;
    await page.waitForTimeout(40);
  }
  assert.deepEqual(seen, events);

  // With a load balancer, the traffic events appear.
  await page.selectOption('select[aria-label="Deployment type"]', "in-place-lb");
  await page.waitForSelector('.lifecycle .step[data-event="BlockTraffic"]');

  // Failing AfterInstall: the deployment stops there and a rollback is shown.
  await page.click('.lifecycle .step[data-event="AfterInstall"] button');
  await page.waitForSelector(".lifecycle .failure");
  assert.equal(await page.$eval('.lifecycle > .timeline .step[data-event="AfterInstall"]', (e) => e.dataset.status), "failed");
  // Steps the deployment never reaches are folded away below the rollback.
  assert.equal(await page.$eval('.lifecycle .unreached .step[data-event="ApplicationStart"]', (e) => e.dataset.status), "not-reached");
  assert.ok((await page.$$(".lifecycle .timeline.rollback .step")).length > 0, "rollback steps");
  await page.waitForSelector(".cicd-hl-fail");
  assert.equal(await page.$eval(".cicd-hl-fail", (e) => e.textContent), "AfterInstall");
  // Clicking it again lets it succeed.
  await page.click('.lifecycle > .timeline .step[data-event="AfterInstall"] button');
  await page.waitForFunction(() => !document.querySelector(".lifecycle .failure"));
  assert.deepEqual(page.problems, []);
}));

test("the ECS timeline shows the test-traffic events only with a test listener", () => withPage("?example=appspec-ecs", async (page) => {
  await page.waitForSelector('.lifecycle[data-platform="ecs"]');
  const status = () => page.$eval('.lifecycle > .timeline .step[data-event="AfterAllowTestTraffic"]', (e) => e.dataset.status);
  assert.equal(await status(), "skipped");
  await page.check('.lifecycle input[type="checkbox"] >> nth=0');
  await page.waitForFunction(() => document.querySelector('.lifecycle > .timeline .step[data-event="AfterAllowTestTraffic"]')?.dataset.status === "runs");
}));

test("the lifecycle's fleet labels read on one line", () => withPage("?example=appspec-ec2", async (page) => {
  await page.waitForSelector(".lifecycle .timeline");
  await page.selectOption('select[aria-label="Deployment type"]', "blue-green");
  await page.waitForSelector('.lifecycle .step[data-event="BlockTraffic"]');
  const labels = await page.$$eval(".lifecycle .fleet-title", (l) => l.filter((e) => e.offsetParent).map((e) => ({
    text: e.textContent, display: getComputedStyle(e).display, height: e.getBoundingClientRect().height, fontSize: parseFloat(getComputedStyle(e).fontSize),
  })));
  assert.ok(labels.length >= 2, JSON.stringify(labels));
  for (const l of labels) {
    assert.notEqual(l.display, "grid", l.text);
    assert.ok(l.height < l.fontSize * 2.2, `${l.text}: ${l.height}px tall`);
  }
}));

test("keyboard: failing a hook with Enter keeps the focus on it", () => withPage("?example=appspec-ec2", async (page) => {
  await page.waitForSelector(".lifecycle .timeline");
  const hook = '.lifecycle > .timeline .step[data-event="AfterInstall"] button';
  const focusedEvent = () => page.evaluate(() => document.activeElement?.closest(".step")?.dataset.event ?? document.activeElement?.tagName);
  await page.focus(hook);
  await page.keyboard.press("Enter");
  await page.waitForSelector(".lifecycle .failure");
  assert.equal(await page.$eval('.lifecycle > .timeline .step[data-event="AfterInstall"]', (e) => e.dataset.status), "failed");
  assert.equal(await focusedEvent(), "AfterInstall");
  // Enter again lets it succeed, still from the keyboard.
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => !document.querySelector(".lifecycle .failure"));
  assert.equal(await focusedEvent(), "AfterInstall");
  assert.deepEqual(page.problems, []);
}));

test("inline code renders as code in the wildcard notes", () => withPage("?example=trust-policy", async (page) => {
  await page.waitForSelector(".admitted li");
  const notes = await page.$$eval(".admitted li .muted", (l) => l.map((e) => e.textContent));
  assert.ok(notes.length > 0);
  assert.ok(notes.every((n) => !n.includes("`")), notes.join(" | "));
  const codes = await page.$$eval(".admitted li .muted code", (l) => l.map((e) => e.textContent));
  assert.ok(codes.includes("pull_request_target"), codes.join(" | "));
}));
