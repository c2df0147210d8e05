// The engine runs in a Web Worker loaded after the editor: the editor works before it arrives,
// and when it cannot load or stops, the text is kept and the checks can be restarted.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, browser, open, setEditorText, problems } from "./harness.mjs";
import { largeBuildspec } from "../../scripts/bench/keystroke.mjs";

let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

async function withBrowser(fn) {
  const b = await browser();
  try {
    return await fn(b.context);
  } finally {
    await b.close();
  }
}

const WORKER = /cicd-worker/;
const text = (page) => page.evaluate(() => window.__cicdEditor.getText());
const summary = (page) => page.$eval(".problems-summary", (s) => s.textContent.trim());

/** Types `what` at the end of the first line containing `needle`. */
async function typeAfter(page, needle, what) {
  await page.evaluate((needle) => {
    const ed = window.__cicdEditor;
    const at = ed.getText().indexOf(needle);
    ed.setCursor(at + needle.length, true);
  }, needle);
  await page.keyboard.type(what);
}

test("the editor works before the engine arrives; the panels say so, without moving the editor", async () => {
  await withBrowser(async (context) => {
    // Hold the engine's files back until the test lets them through.
    let release;
    const released = new Promise((r) => { release = r; });
    await context.route(WORKER, async (route) => { await released; await route.continue(); });
    const page = await open(context, server.url + "?example=buildspec");
    assert.equal(await summary(page), "Loading the checks…");
    assert.match(await page.$eval(".results", (r) => r.textContent), /Loading the checks/);
    const before = await page.$eval(".cm-editor", (e) => JSON.stringify(e.getBoundingClientRect()));
    // Typing works at once, and breaks the file.
    await typeAfter(page, "version: 0.2", "9");
    assert.match(await text(page), /version: 0\.29/);
    release();
    await page.waitForSelector('.diagnostics li[data-code="BS011"]');
    const after = await page.$eval(".cm-editor", (e) => JSON.stringify(e.getBoundingClientRect()));
    assert.equal(after, before, "the editor does not move when the checks arrive");
    assert.deepEqual(page.problems, []);
  });
});

test("an engine that cannot load: the text is kept and saved, and the checks can be restarted", async () => {
  await withBrowser(async (context) => {
    await context.route(WORKER, (route) => route.abort());
    const page = await open(context, server.url + "?example=buildspec");
    await page.waitForSelector('.engine-stopped[data-engine="stopped"]');
    assert.match(await page.$eval(".engine-stopped", (e) => e.textContent), /text is kept/);
    // Editing and autosave go on.
    await typeAfter(page, "version: 0.2", "9");
    await page.waitForTimeout(400);
    const saved = await page.evaluate(() => localStorage.getItem("cicd-playground:workspace"));
    assert.match(saved, /version: 0\.29/);
    // The files come back: restarting loads the checks and analyses the current text.
    await context.unroute(WORKER);
    await page.click("text=Restart the checks");
    await page.waitForSelector('.diagnostics li[data-code="BS011"]');
    assert.equal(await page.$(".engine-stopped"), null);
    assert.equal(await page.$(".fatal-banner"), null, "the shell itself never stopped");
  });
});

test("an engine panic: the shell keeps working and the checks restart", async () => {
  await withBrowser(async (context) => {
    const page = await open(context, server.url + "?example=trust-policy");
    await page.waitForSelector(".verdict[data-decision]");
    await page.evaluate(() => window.wasmBindings.debug_engine_panic());
    await page.waitForSelector('.engine-stopped[data-engine="stopped"]');
    assert.match(await page.$eval(".engine-stopped details", (d) => d.textContent), /panicked|index out of bounds/);
    assert.equal(await page.$(".fatal-banner"), null, "the shell survives the engine's panic");
    // The last answers stay up, the editor works.
    assert.ok(await page.$(".verdict[data-decision]"));
    await typeAfter(page, '"Version": "2012-10-17"', " ");
    await page.click("text=Restart the checks");
    await page.waitForSelector(".engine-stopped", { state: "detached" });
    // The restarted engine answers again: break the JSON and see the error.
    await typeAfter(page, '"Version": "2012-10-17"', ",,");
    await page.waitForSelector('.diagnostics li[data-code="SRC009"]');
  });
});

test("panels that cannot load: the shell says so where they go, the text and the checks go on", async () => {
  await withBrowser(async (context) => {
    await context.route(/cicd-panels/, (route) => route.abort());
    const page = await open(context, server.url + "?example=appspec-ec2");
    await page.waitForSelector(".panel-failed");
    assert.match(await page.$eval(".panel-failed", (e) => e.textContent), /could not be shown.*text is kept/);
    assert.ok(await page.$('.panel-failed button:has-text("Reload")'));
    // The problems come from the engine as usual; editing and autosave go on.
    await typeAfter(page, "version: 0.0", " x");
    await page.waitForSelector('.diagnostics li[data-code^="AS"]');
    await page.waitForTimeout(400);
    assert.match(await page.evaluate(() => localStorage.getItem("cicd-playground:workspace")), /version: 0\.0 x/);
    assert.equal(await page.$(".fatal-banner"), null, "the shell itself never stopped");
  });
});

test("a panic in the panels: the shell keeps the text and goes on checking", async () => {
  await withBrowser(async (context) => {
    const page = await open(context, server.url + "?example=appspec-ec2");
    await page.waitForSelector(".lifecycle");
    await page.evaluate(async () => {
      const panels = await window.cicdPanels();
      try { panels.debug_panic(); } catch (_) { /* the trap */ }
    });
    await page.waitForSelector(".panel-failed");
    assert.match(await page.$eval(".panel-failed", (e) => e.textContent), /debug_panic.*text is kept/s);
    assert.equal(await page.$(".fatal-banner"), null, "the shell survives the panels' panic");
    await typeAfter(page, "version: 0.0", "\nfoo: 1");
    await page.waitForSelector('.diagnostics li[data-code]');
    assert.match(await text(page), /foo: 1/);
  });
});

test("a large file: typing in a value is answered on the page, other edits by the worker, and both agree", async () => {
  await withBrowser(async (context) => {
    // Counts the analyses the page asks the worker for.
    await context.addInitScript(() => {
      window.__workerAnalyses = 0;
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (data, ...rest) {
        if (data && typeof data === "object" && "Analyze" in data) window.__workerAnalyses += 1;
        return post.call(this, data, ...rest);
      };
    });
    const page = await open(context, server.url + "?example=buildspec");
    await page.waitForSelector(".diagnostics li[data-code], .problems-summary:has-text('No problems')");
    const large = largeBuildspec(5000);
    assert.ok(large.length > 32 * 1024, "a file the worker answers");
    const startup = await page.evaluate(() => window.__workerAnalyses);
    await setEditorText(page, large);
    const line = large.split("\n").findIndex((l) => l.includes("on-failure: ABORT")) + 1;
    const bs025 = async () => (await problems(page)).filter((p) => p.code === "BS025").map((p) => p.line);
    // A new text: the worker reads it.
    await page.waitForFunction((n) => window.__workerAnalyses > n, startup);
    await page.waitForFunction(() => !document.querySelector(".problems-summary")?.textContent.includes("Loading"));
    assert.deepEqual(await bs025(), []);
    // Once typing pauses, the page's engine reads the file too. (The first key after a rest
    // goes to the worker: that keystroke's task is the page's slowest.)
    await page.waitForTimeout(700);
    await typeAfter(page, "on-failure: ABORT", "X");
    await page.waitForFunction(() => document.querySelector('.diagnostics li[data-code="BS025"]'));
    assert.deepEqual(await bs025(), [line]);
    // Typing on inside the value: answered on the page, the worker is not asked.
    const asked = await page.evaluate(() => window.__workerAnalyses);
    await page.keyboard.type("YZ");
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Backspace");
    await page.waitForFunction(() => !document.querySelector('.diagnostics li[data-code="BS025"]'));
    assert.equal(await page.evaluate(() => window.__workerAnalyses), asked, "no analysis by the worker");
    // A new line changes the structure: the worker answers, and the lines below it move.
    await typeAfter(page, "phases:", "\n");
    await page.waitForFunction((n) => window.__workerAnalyses > n, asked);
    await typeAfter(page, "on-failure: ABORT", "Y");
    await page.waitForFunction(() => document.querySelector('.diagnostics li[data-code="BS025"]'));
    assert.deepEqual(await bs025(), [line + 1]);
    assert.ok(large.length + 2 === (await text(page)).length);
    assert.deepEqual(page.problems, []);
  });
});
