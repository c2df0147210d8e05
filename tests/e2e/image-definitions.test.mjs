// End-to-end test of the image definitions relation (issue 12): a container name of
// imagedefinitions.json that the task definition lacks is listed in the image definitions, in the
// task definition and in the pipeline whose ECS action deploys them, with links to its places in
// the other files; renaming the task definition's container clears it everywhere.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { serve, browser, open, setEditorText } from "./harness.mjs";

const IMAGES = "imagedefinitions.json";
const TASKDEF = "task-definition.json";
const PIPELINE = "pipeline.json";
const TASKDEF_TEXT = readFileSync(new URL("../../examples/broken/ecs-standard-taskdef.json", import.meta.url), "utf8");

let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

const selectedTab = (page) => page.$eval('.tab[aria-selected="true"]', (t) => t.dataset.file);
const openTab = async (page, file) => {
  await page.click(`.tab[data-file="${file}"]`);
  await page.waitForFunction((f) => document.querySelector('.tab[aria-selected="true"]')?.dataset.file === f, file);
};
const offsetOf = (page, needle) => page.evaluate((n) => window.__cicdEditor.getText().indexOf(n), needle);
const cursor = (page) => page.evaluate(() => window.__cicdEditor.cursor());
const finding = '.diagnostics li[data-code="IMG080"]';

test("a name the task definition lacks shows in the image definitions, the task definition and the pipeline until the container is renamed", async () => {
  const b = await browser();
  try {
    const page = await open(b.context, server.url + "?example=broken-ecs-standard");
    assert.equal(await selectedTab(page), IMAGES);
    // The kind comes from the tab's name.
    await page.waitForSelector(`${finding}[data-severity="warning"]`);
    assert.equal(await page.$eval(finding, (li) => Number(li.dataset.line)), 3);
    assert.match(await page.$eval(finding, (li) => li.textContent), /no container named web-app/);
    // Its link opens the task definition at `containerDefinitions`.
    await page.locator(`${finding} .diag-elsewhere button`, { hasText: TASKDEF }).first().click();
    await page.waitForFunction((f) => document.querySelector('.tab[aria-selected="true"]')?.dataset.file === f, TASKDEF);
    assert.equal(await cursor(page), await offsetOf(page, '"containerDefinitions"'));
    // The task definition lists it too, linking back to the name.
    await page.waitForSelector(`${finding} .diag-elsewhere button`);
    // So does the pipeline, at the action's `FileName`.
    await openTab(page, PIPELINE);
    await page.waitForSelector(finding);

    // Renaming the container clears it in the task definition and in the image definitions.
    await openTab(page, TASKDEF);
    await setEditorText(page, TASKDEF_TEXT.replace('"name": "web"', '"name": "web-app"'));
    await page.waitForFunction((s) => !document.querySelector(s), finding);
    await openTab(page, IMAGES);
    await page.waitForSelector('.problems-summary[data-status="checked"]');
    await page.waitForFunction((s) => !document.querySelector(s), finding);
    await openTab(page, PIPELINE);
    await page.waitForFunction((s) => !document.querySelector(s), finding);
    // Renaming it back brings the finding back in the image definitions.
    await openTab(page, TASKDEF);
    await setEditorText(page, TASKDEF_TEXT);
    await openTab(page, IMAGES);
    await page.waitForSelector(finding);
    assert.deepEqual(page.problems, []);
  } finally {
    await b.close();
  }
});
