// End-to-end tests of "Who can assume?": a workflow's runs against the workspace's trust policy,
// updated as either file is edited, rows that show their job, and "try it" into the policy's
// Assume form (issue 12).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { serve, browser, open, setEditorText } from "./harness.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const WORKFLOW = ".github/workflows/deploy.yml";
const POLICY = "trust-policy.json";

let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

/** Opens `path` in a fresh browser profile (`options`: viewport, colorScheme). */
async function withPage(path, fn, options = {}) {
  const b = await browser();
  try {
    const page = b.context.pages()[0] || (await b.context.newPage());
    if (options.viewport) await page.setViewportSize(options.viewport);
    if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
    return await fn(await open(b.context, server.url + path));
  } finally {
    await b.close();
  }
}

async function axe(page, state) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] });
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")} ${n.failureSummary.split("\n").slice(1, 2).join("")}`).join(" | ")}`);
  });
  assert.deepEqual(violations, [], `axe-core on ${state}`);
}

const decisions = (page) => page.$$eval(".admission-row", (rows) => rows.map((r) => r.dataset.decision));
const selectedTab = (page) => page.$eval('.tab[aria-selected="true"]', (t) => t.dataset.file);

/** Replaces `from` at the end of the first `anchor` of the current editor's text with `to`,
 * as typing would (Backspace over letters; over indentation it would take a whole unit). */
async function replaceInEditor(page, anchor, from, to) {
  assert.ok(anchor.endsWith(from));
  const at = await page.evaluate((anchor) => {
    const ed = window.__cicdEditor;
    const i = ed.getText().indexOf(anchor);
    ed.setCursor(i + anchor.length, true);
    return i;
  }, anchor);
  assert.ok(at >= 0, `${anchor} is in the editor`);
  for (let i = 0; i < from.length; i++) await page.keyboard.press("Backspace");
  await page.keyboard.type(to);
  assert.ok((await page.evaluate(() => window.__cicdEditor.getText())).includes(anchor.slice(0, -from.length) + to));
}

/** The UTF-16 offset of `needle` in the current editor, and the cursor. */
const offsetOf = (page, needle) => page.evaluate((n) => window.__cicdEditor.getText().indexOf(n), needle);
const cursor = (page) => page.evaluate(() => window.__cicdEditor.cursor());

test("the table follows edits of the trust policy and of the workflow; rows show their job; try it fills the Assume form", () => withPage("?example=workflow", async (page) => {
  assert.equal(await selectedTab(page), WORKFLOW);
  await page.waitForSelector(".admission-row[data-decision]");
  assert.deepEqual(await decisions(page), ["allow"]);
  assert.equal(await page.$eval(".admission-row", (r) => r.dataset.event), "push");
  assert.match(await page.$eval(".admission-row code.sub", (c) => c.textContent), /^repo:myorg\/myrepo:ref:refs\/heads\/main$/);
  await page.waitForSelector(".over-broad-none");
  assert.equal(await page.$eval(".admission-summary", (s) => s.getAttribute("aria-live")), "polite");
  // The step is marked admitted in the editor.
  await page.waitForSelector(".cicd-hl-allow");

  // The policy is widened from `refs/heads/main` to `refs/heads/*`: the workflow's table says
  // who else gets in, and both files list the finding.
  await page.click(`.tab[data-file="${POLICY}"]`);
  await page.waitForSelector(".verdict");
  await replaceInEditor(page, "refs/heads/main", "refs/heads/main", "refs/heads/*");
  await page.waitForSelector('.diagnostics li[data-code="GHA081"]');
  await page.click(`.tab[data-file="${WORKFLOW}"]`);
  await page.waitForSelector('.over-broad li[data-kind="other-branch"]');
  assert.deepEqual(await decisions(page), ["allow"]);
  assert.equal(await page.$eval(".admission-summary", (s) => s.dataset.overBroad), "1");
  await page.waitForSelector('.diagnostics li[data-code="GHA081"] .diag-elsewhere button');

  // A click on a row shows its job: the cursor goes to the step's role-to-assume.
  const role = await offsetOf(page, "arn:aws:iam::123456789012:role/GitHubActionsRole");
  await page.evaluate(() => window.__cicdEditor.setCursor(0, false));
  await page.click(".admission-row td[data-label='Event']");
  await page.waitForFunction((at) => window.__cicdEditor.cursor() === at, role);
  // The keyboard does the same (Enter on the row's button).
  await page.evaluate(() => window.__cicdEditor.setCursor(0, false));
  await page.focus(".admission-row .row-open");
  await page.keyboard.press("Enter");
  await page.waitForFunction((at) => window.__cicdEditor.cursor() === at, role);
  assert.equal(await selectedTab(page), WORKFLOW);

  // The deciding condition: the policy opens at its `sub` value.
  await page.click(".admission-row .place-link");
  await page.waitForFunction((f) => document.querySelector('.tab[aria-selected="true"]')?.dataset.file === f, POLICY);
  const sub = await offsetOf(page, '"repo:myorg/myrepo:ref:refs/heads/*"');
  assert.equal(await cursor(page), sub);

  // "Try it" on the other branch: the policy's Assume form asks for it, and it gets in.
  await page.click(`.tab[data-file="${WORKFLOW}"]`);
  await page.waitForSelector('.over-broad li[data-kind="other-branch"] .try-it');
  const caller = await page.$eval('.over-broad li[data-kind="other-branch"]', (l) => l.dataset.sub);
  await page.click('.over-broad li[data-kind="other-branch"] .try-it');
  await page.waitForFunction((f) => document.querySelector('.tab[aria-selected="true"]')?.dataset.file === f, POLICY);
  await page.waitForFunction((c) => document.querySelector(".token-sub")?.textContent.includes(c), caller);
  await page.waitForSelector('.verdict[data-decision="allow"]');
  assert.equal(await page.inputValue('select[name="event"]'), "push");
  assert.ok(caller.endsWith(await page.inputValue('input[name="ref"]')), caller);

  // The workflow loses `id-token: write`: its run gets no token, refused in the table.
  await page.click(`.tab[data-file="${WORKFLOW}"]`);
  await page.waitForSelector(".admission-row");
  // (Indented: the file's first comment names `id-token: write` too.)
  await replaceInEditor(page, "  id-token: write", "write", "none");
  await page.waitForSelector('.admission-row[data-decision="deny"]');
  assert.match(await page.$eval(".admission-row .decision-reason", (r) => r.textContent), /id-token: write/);
  await page.waitForSelector(".cicd-hl-deny");
  assert.deepEqual(page.problems, []);
}));

test("the guide's workflow: the missing id-token: write in the problems and in the table, the over-broad policy in both files", () => withPage("?example=broken-workflow-oidc", async (page) => {
  await page.waitForSelector(".admission-row[data-decision]");
  assert.deepEqual(await decisions(page), ["deny"]);
  assert.match(await page.$eval(".admission-row .decision-reason", (r) => r.textContent), /no OIDC token.*id-token: write/);
  const codes = await page.$$eval(".diagnostics li", (l) => l.map((x) => x.dataset.code));
  assert.ok(codes.includes("GHA023"), codes.join(" "));
  assert.ok(codes.includes("GHA081"), codes.join(" "));
  const kinds = await page.$$eval(".over-broad li", (l) => l.map((x) => x.dataset.kind));
  assert.ok(kinds.includes("pull-request") && kinds.includes("other-branch"), kinds.join(" "));
  // The workflow's GHA081 links the policy's place.
  await page.click('.diagnostics li[data-code="GHA081"] .diag-elsewhere button');
  await page.waitForFunction((f) => document.querySelector('.tab[aria-selected="true"]')?.dataset.file === f, POLICY);
  assert.equal(await cursor(page), await offsetOf(page, '"repo:myorg/myrepo:*"'));
  await page.waitForSelector('.diagnostics li[data-code="GHA081"]');
  assert.deepEqual(page.problems, []);
}));

test("the table follows the policy when the workflow is large enough for the worker, and again once it is small", () => withPage("?example=workflow", async (page) => {
  await page.waitForSelector(".admission-row[data-decision]");
  const small = await page.evaluate(() => window.__cicdEditor.getText());
  // Over 32 KB: the workflow, and the policy that carries it as a related file, go to the worker.
  const large = small + "\n" + "# padding to send the file to the worker\n".repeat(1000);
  await setEditorText(page, large);
  await page.waitForFunction((n) => window.__cicdEditor.getText().length === n, large.length);
  await page.click(`.tab[data-file="${POLICY}"]`);
  await page.waitForSelector(".verdict");
  await replaceInEditor(page, "refs/heads/main", "refs/heads/main", "refs/heads/*");
  await page.waitForSelector('.diagnostics li[data-code="GHA081"]');
  await page.click(`.tab[data-file="${WORKFLOW}"]`);
  await page.waitForSelector('.over-broad li[data-kind="other-branch"]');
  // Small again (the main thread's engine), and the policy pinned again.
  await setEditorText(page, small);
  await page.click(`.tab[data-file="${POLICY}"]`);
  await page.waitForSelector(".verdict");
  await replaceInEditor(page, "refs/heads/*", "*", "main");
  await page.waitForFunction(() => !document.querySelector('.diagnostics li[data-code="GHA081"]'));
  await page.click(`.tab[data-file="${WORKFLOW}"]`);
  await page.waitForSelector(".over-broad-none");
  assert.deepEqual(await decisions(page), ["allow"]);
  assert.deepEqual(page.problems, []);
}));

test("the table reads at a phone's width", () => withPage("?example=broken-workflow-oidc", async (page) => {
  await page.waitForSelector(".admission-row[data-decision]");
  const fits = await page.$eval(".admission", (a) => {
    const overflowing = [...a.querySelectorAll("*")].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5);
    return overflowing.map((e) => `${e.tagName}.${e.className}`);
  });
  assert.deepEqual(fits, []);
  // Each cell says what it is (the header row is hidden there).
  assert.equal(await page.$eval(".admission-row td", (td) => getComputedStyle(td, "::before").content), '"Job"');
}, { viewport: { width: 390, height: 800 } }));

for (const colorScheme of ["light", "dark"]) {
  test(`axe-core: no serious or critical violation in "Who can assume?" (${colorScheme})`, () => withPage("?example=broken-workflow-oidc", async (page) => {
    await page.waitForSelector(".admission-row[data-decision]");
    await page.waitForSelector(".over-broad li");
    await axe(page, "who can assume");
  }, { colorScheme }));
}

/** Cells and headers of the table whose words break across lines ("Jo b", "E v e nt"). */
const brokenWords = (page) => page.$$eval(".admission-rows th, .admission-row .row-open, .admission-row td[data-label=Event], .admission-row td[data-label=Environment], .admission-row .decision", (els) => els
  .filter((e) => e.getClientRects().length > 0)
  // Not the header row a narrow panel hides (it shows the rows as cards, each cell labelled).
  .filter((e) => !e.closest("thead") || e.closest("thead").getBoundingClientRect().width > 1)
  .filter((e) => {
    const range = document.createRange();
    range.selectNodeContents(e);
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size > 1;
  })
  .map((e) => e.textContent));

for (const width of [1280, 390]) {
  test(`"Who can assume?" reads at ${width} px: no word broken, nothing past the panel`, () => withPage("?example=broken-workflow-oidc", async (page) => {
    await page.waitForSelector(".admission-row[data-decision]");
    assert.deepEqual(await brokenWords(page), []);
    const out = await page.$eval(".admission", (a) => {
      const edge = a.getBoundingClientRect().right + 0.5;
      return [...a.querySelectorAll(".admission-policy *")]
        .filter((e) => !e.closest(".admission-scroll") || e.classList.contains("admission-scroll"))
        .filter((e) => e.getBoundingClientRect().right > edge)
        .map((e) => `${e.tagName}.${e.className}`);
    });
    assert.deepEqual(out, []);
    // The job's name is one word on one line, at least as wide as its text.
    const job = await page.$eval(".admission-row .row-open", (b) => ({ w: b.getBoundingClientRect().width, h: b.getBoundingClientRect().height }));
    assert.ok(job.w >= 30 && job.h < 30, JSON.stringify(job));
  }, { viewport: { width, height: 860 } }));
}
