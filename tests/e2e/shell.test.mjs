// End-to-end tests of the shell's keyboard paths and page contracts found in review: a page that
// does not scroll into blank space, Escape closing what it opened (the F8 problem tooltip, the
// rename field, the menus), focus following a moved tab, the problems list's rows, notices for
// names a link gets wrong, a rule page's header, and many lines inserted at once into an empty
// editor.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, browser, open, setEditorText, problems, withPage as withServerPage } from "./harness.mjs";

let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

const withPage = (path, fn) => withServerPage(server, path, fn);

/** What has the focus: a tab's file, a menu item's text, or the element's aria-label / class. */
const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  if (!a || a === document.body) return "body";
  if (a.dataset.file && a.getAttribute("role") === "tab") return `tab:${a.dataset.file}`;
  if (a.getAttribute("role") === "menuitem") return `item:${a.textContent}`;
  return a.getAttribute("aria-label") || a.className || a.tagName;
});
const tabs = (page) => page.$$eval(".tab", (ts) => ts.map((t) => t.dataset.file));

for (const example of ["appspec-ec2", "broken-workflow-oidc", "appspec-ec2&embed=1"]) {
  test(`the page does not scroll into blank space (${example})`, () => withPage(`?example=${example}`, async (page) => {
    // The panel's visually hidden texts (absolutely positioned) are what stretched the document.
    await page.waitForSelector(".panel-host .visually-hidden", { state: "attached" });
    await page.waitForTimeout(300);
    const { height, inner } = await page.evaluate(() => ({
      height: document.documentElement.scrollHeight, inner: window.innerHeight,
    }));
    assert.ok(height <= inner, `the document is ${height} px tall in a ${inner} px window`);
    await page.mouse.move(640, 20);
    await page.mouse.wheel(0, 800);
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => window.scrollY), 0);
  }));
}

test("Escape closes the problem tooltip F8 opens", () => withPage("?example=broken-typos", async (page) => {
  await page.waitForSelector(".diagnostics li");
  await page.click(".cm-content");
  await page.keyboard.press("F8");
  await page.waitForSelector(".cm-tooltip-lint .cicd-tip");
  await page.keyboard.press("Escape");
  await page.waitForSelector(".cm-tooltip-lint", { state: "detached", timeout: 2000 });
  // The cursor stays on the problem, and F8 opens the tooltip again.
  await page.keyboard.press("F8");
  await page.waitForSelector(".cm-tooltip-lint .cicd-tip");
}));

test("rename: the field takes the focus, Enter renames, Escape cancels; focus returns to Rename", () => withPage("?example=buildspec", async (page) => {
  const rename = '[aria-label="Rename this file"]';
  await page.focus(rename);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.classList.contains("rename-input"));
  // The name is selected: typing replaces it.
  await page.keyboard.type("renamed.yml");
  await page.keyboard.press("Enter");
  await page.waitForSelector('.tab[data-file="renamed.yml"]');
  assert.equal(await focused(page), "Rename this file");
  assert.equal(await page.$(".rename-input"), null);

  await page.click(rename);
  await page.waitForFunction(() => document.activeElement?.classList.contains("rename-input"));
  await page.keyboard.type("other.yml");
  await page.keyboard.press("Escape");
  await page.waitForSelector(".rename-input", { state: "detached" });
  assert.equal(await focused(page), "Rename this file");
  assert.deepEqual(await tabs(page), ["renamed.yml"]);
  assert.equal(await page.$eval(".file-name", (e) => e.textContent), "renamed.yml");
}));

test("a tab moved with Alt+Shift+Arrow keeps the focus", () => withPage("?example=broken-ecs-release", async (page) => {
  assert.deepEqual(await tabs(page), ["buildspec.yml", "pipeline.json", "ecs/appspec.yaml", "ecs/taskdef.json"]);
  await page.focus('.tab[data-file="buildspec.yml"]');
  await page.keyboard.press("Alt+Shift+ArrowRight");
  await page.waitForFunction(() => document.querySelectorAll(".tab")[1]?.dataset.file === "buildspec.yml");
  assert.equal(await focused(page), "tab:buildspec.yml");
  await page.keyboard.press("Alt+Shift+ArrowRight");
  await page.waitForFunction(() => document.querySelectorAll(".tab")[2]?.dataset.file === "buildspec.yml");
  assert.deepEqual(await tabs(page), ["pipeline.json", "ecs/appspec.yaml", "buildspec.yml", "ecs/taskdef.json"]);
  assert.equal(await focused(page), "tab:buildspec.yml");
  await page.keyboard.press("Alt+Shift+ArrowLeft");
  await page.waitForFunction(() => document.querySelectorAll(".tab")[1]?.dataset.file === "buildspec.yml");
  assert.equal(await focused(page), "tab:buildspec.yml");
}));

for (const [name, summary] of [["New file", ".new-file summary"], ["Download", ".download-menu summary"]]) {
  test(`the ${name} menu: arrows move between its items, Escape closes it and returns to its button`, () => withPage("?example=buildspec", async (page) => {
    const details = summary.replace(" summary", "");
    const isOpen = () => page.$eval(details, (d) => d.open);
    const items = await page.$$eval(`${details} [role=menuitem]`, (is) => is.map((i) => `item:${i.textContent}`));
    assert.ok(items.length >= 2);

    await page.click(summary);
    assert.equal(await isOpen(), true);
    await page.keyboard.press("Escape");
    assert.equal(await isOpen(), false);
    assert.equal(await page.evaluate((s) => document.activeElement === document.querySelector(s), summary), true);

    await page.keyboard.press("Enter");
    assert.equal(await isOpen(), true);
    await page.keyboard.press("ArrowDown");
    assert.equal(await focused(page), items[0]);
    await page.keyboard.press("ArrowDown");
    assert.equal(await focused(page), items[1]);
    await page.keyboard.press("ArrowUp");
    assert.equal(await focused(page), items[0]);
    await page.keyboard.press("ArrowUp");
    assert.equal(await focused(page), items.at(-1));
    await page.keyboard.press("Escape");
    assert.equal(await isOpen(), false);
    assert.equal(await page.evaluate((s) => document.activeElement === document.querySelector(s), summary), true);
  }));
}

test("every li of the problems list is a finding; links to other files name the whole path", () => withPage("?example=broken-ecs-release", async (page) => {
  const links = [];
  for (const file of ["pipeline.json", "ecs/appspec.yaml", "ecs/taskdef.json"]) {
    await page.click(`.tab[data-file="${file}"]`);
    await page.waitForFunction((f) => document.querySelector('.tab[aria-selected="true"]')?.dataset.file === f, file);
    await page.waitForSelector(".diagnostics .diag-elsewhere button");
    const rows = await page.$$eval(".diagnostics li", (ls) => ls.map((l) => [l.dataset.code, l.dataset.severity, l.dataset.line]));
    assert.ok(rows.length > 0);
    for (const row of rows) assert.ok(row.every((v) => v), `a row without its data: ${JSON.stringify(rows)}`);
    assert.equal(rows.length, await page.$$eval(".diagnostics > li", (ls) => ls.length));
    assert.deepEqual((await problems(page)).map((p) => p.code), rows.map((r) => r[0]));
    links.push(...await page.$$eval(".diag-elsewhere button", (bs) => bs.map((b) => b.textContent)));
  }
  assert.ok(links.some((l) => /^→ ecs\/(appspec\.yaml|taskdef\.json):\d+$/.test(l)), links.join("\n"));
  assert.ok(!links.some((l) => /^→ (appspec\.yaml|taskdef\.json):/.test(l)), links.join("\n"));
}));

test("a link naming an example and a rule that do not exist says so, and opens nothing else", () => withPage("?example=nope&rule=NOPE1", async (page) => {
  const notice = await page.waitForSelector(".notice");
  const text = await notice.textContent();
  assert.match(text, /“nope”/);
  assert.match(text, /“NOPE1”/);
  assert.equal(await page.$(".docs"), null);
}));

test("a rule page opened by link has the rule's name and severity", () => withPage("?example=buildspec&rule=BS021", async (page) => {
  await page.waitForSelector('.docs[data-rule="BS021"] .markdown h2');
  assert.equal(await page.$eval(".docs .rule-name", (e) => e.textContent), "missing-phase-commands");
  assert.equal(await page.$eval(".docs .sev-badge", (e) => e.textContent), "error");
}));

test("a well-formed code the playground lacks opens a page that says so", () => withPage("?example=buildspec&rule=BS999", async (page) => {
  await page.waitForSelector('.docs[data-rule="BS999"] .markdown p');
  assert.match(await page.$eval(".docs .markdown", (e) => e.textContent), /no rule with this code/);
}));

test("a broken link's notice ends its sentence once", () => withPage("#v1:!!!!", async (page) => {
  const text = await (await page.waitForSelector(".notice")).textContent();
  assert.match(text, /copied completely\? Your workspace was kept\./);
  assert.doesNotMatch(text, /[?.]\./);
}));

test("two thousand lines inserted at once into an empty editor arrive and are checked", () => withPage("?example=buildspec", async (page) => {
  // Once the editor is complete (its extras arrive before the first diagnostics).
  await page.waitForSelector('.problems-summary[data-status="checked"]');
  await setEditorText(page, "");
  await page.waitForSelector('.problems-summary[data-status="checked"]');
  assert.equal(await page.evaluate(() => window.__cicdEditor.getText()), "");
  const lines = Array.from({ length: 2000 }, (_, i) => `      - echo line ${i}`);
  const text = `version: 0.2\nphases:\n  pre-build:\n    commands:\n      - echo hi\n  build:\n    commands:\n${lines.join("\n")}\n`;
  await page.click(".cm-content");
  await page.keyboard.press("Control+A");
  // Not awaited first: a page busy inserting for long fails the wait below (a generous bound,
  // some fifty times what the insertion takes).
  const inserting = page.keyboard.insertText(text);
  await page.waitForFunction((n) => window.__cicdEditor.getText().length === n, text.length, { timeout: 20000 });
  await inserting;
  assert.equal(await page.evaluate(() => window.__cicdEditor.getText()), text);
  await page.waitForSelector('.diagnostics li[data-code="BS020"]', { timeout: 20000 });
  assert.deepEqual((await problems(page)).find((p) => p.code === "BS020")?.line, 3);
}));
