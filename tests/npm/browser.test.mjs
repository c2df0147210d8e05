// The packed npm package in headless Chromium: the plain example page (examples/npm/) served
// next to the installed package, as a docs site would serve it, under its strict
// Content-Security-Policy. The findings are listed live, choosing one selects its UTF-16 range in
// the textarea, and editing the text updates the list.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync } from "node:fs";
import { join } from "node:path";
import { serve, browser } from "../e2e/harness.mjs";
import { packed, root } from "./pack.mjs";

let pkg;
let server;
before(async () => {
  pkg = packed();
  cpSync(join(root, "examples/npm"), pkg.dir, { recursive: true });
  server = await serve(pkg.dir);
});
after(async () => {
  await server?.close();
  pkg?.cleanup();
});

const rows = (page) => page.$$eval(".cicd-live .diagnostics li", (items) =>
  items.map((li) => [li.dataset.code, li.dataset.severity, Number(li.dataset.line)]));

test("the example page checks its buildspec live, and a finding selects its range", async () => {
  const b = await browser();
  try {
    const page = b.context.pages()[0] || (await b.context.newPage());
    const problems = [];
    // Every file the page asks for exists (the browser's own favicon request aside), and nothing
    // is logged as an error (a CSP violation would be).
    page.on("console", (m) => {
      if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(m.text());
    });
    page.on("response", (r) => {
      if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) problems.push(`${r.status()} ${r.url()}`);
    });
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(server.url + "index.html");
    await page.waitForSelector(".cicd-live .diagnostics li");
    assert.deepEqual(await rows(page), [["BS020", "error", 7], ["BS022", "warning", 12]]);
    assert.equal(await page.textContent(".cicd-summary"), "1 error, 1 warning");

    // The textarea's selection counts UTF-16 code units; line 2 has 🚀 (two of them).
    await page.click('.diagnostics li[data-code="BS020"] button');
    const selected = await page.$eval("textarea", (t) => t.value.slice(t.selectionStart, t.selectionEnd));
    assert.equal(selected, "biuld");
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), "TEXTAREA");

    // Fix the typo by typing over the selection: the list follows.
    await page.keyboard.type("build");
    await page.waitForFunction(() => !document.querySelector('.diagnostics li[data-code="BS020"]'));
    assert.deepEqual(await rows(page), [["BS022", "warning", 12]]);
    assert.equal(await page.getAttribute('.diagnostics li a', "href"), "https://cicd-playground.dev/rules/BS022");

    // Text that is not even YAML gets a clear finding (SRC001), never an exception.
    await page.fill("textarea", "phases: [\n");
    await page.waitForSelector('.diagnostics li[data-code="SRC001"]');
    assert.deepEqual(problems, []);
  } finally {
    await b.close();
  }
});
