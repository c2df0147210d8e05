// End-to-end tests of what a learner, a docs-site author and a team meet in their first minutes
// (issue 15): animations that stay in view and speak, tabs that never hide files, links that
// carry every setting, embeds that fit, help that teaches, keyboard paths and accessibility.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { serve, browser, open, setEditorText } from "./harness.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

/** Opens `path` in a fresh browser profile (`options`: viewport, colorScheme, reducedMotion). */
async function withPage(path, fn, options = {}) {
  const b = await browser();
  try {
    const page = b.context.pages()[0] || (await b.context.newPage());
    if (options.viewport) await page.setViewportSize(options.viewport);
    if (options.init) await page.addInitScript(options.init);
    if (options.colorScheme || options.reducedMotion) {
      await page.emulateMedia({ colorScheme: options.colorScheme, reducedMotion: options.reducedMotion });
    }
    return await fn(await open(b.context, server.url + path), b.context);
  } finally {
    await b.close();
  }
}

/** Runs axe-core on the page; fails on serious or critical violations. */
async function axe(page, state) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    // Only WCAG A/AA rules (and best practices are left out: they are not failures).
    const r = await window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] });
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")} ${n.failureSummary.split("\n").slice(1, 2).join("")}`).join(" | ")}`);
  });
  assert.deepEqual(violations, [], `axe-core on ${state}`);
}

test("a failed deployment and its rollback play in view, announced, without passing through unreached steps", () => withPage("?example=appspec-ec2", async (page) => {
  await page.waitForSelector(".lifecycle .timeline");
  await page.selectOption('select[aria-label="Deployment type"]', "in-place-lb");
  await page.waitForSelector('.lifecycle .step[data-event="BlockTraffic"]');
  await page.click('.lifecycle .step[data-event="AfterInstall"] button');
  await page.waitForSelector(".lifecycle .failure .failure-divider");
  // The failure comes right after the failing step, before the steps never reached.
  const order = await page.$$eval(".lifecycle .step, .lifecycle .failure-divider, .lifecycle .rollback-start", (els) =>
    els.map((e) => e.dataset.event || e.className));
  const fail = order.indexOf("AfterInstall");
  assert.equal(order[fail + 1], "failure-divider", order.join(","));
  assert.ok(order.indexOf("rollback-start") < order.indexOf("ApplicationStart"), order.join(","));

  await page.click(".lifecycle .play");
  const seen = [];
  const statuses = new Set();
  const announced = new Set();
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    const now = await page.evaluate(() => {
      const a = document.querySelector(".lifecycle .step.active");
      if (!a) return null;
      const r = a.getBoundingClientRect();
      return { event: a.dataset.event, status: a.dataset.status, top: r.top, bottom: r.bottom, h: innerHeight,
        live: document.querySelector('.lifecycle [aria-live="polite"]')?.textContent ?? "" };
    });
    if (now) {
      if (seen[seen.length - 1] !== now.event) seen.push(now.event);
      statuses.add(now.status);
      announced.add(now.live);
      // With reduced motion the scroll is instant: the step is in view as soon as it lights up
      // (one frame later at most).
      if (now.top < -2 || now.bottom > now.h + 2) {
        await page.waitForTimeout(60);
        const inView = await page.$eval(".lifecycle .step.active", (a) => {
          const r = a.getBoundingClientRect();
          return r.top >= -2 && r.bottom <= innerHeight + 2;
        }).catch(() => true);
        assert.ok(inView, `${now.event} is out of view (${now.top}..${now.bottom} of ${now.h})`);
      }
    }
    const playing = await page.$eval(".lifecycle .play", (b) => b.textContent.includes("Pause"));
    if (!playing && seen.length > 3) break;
    await page.waitForTimeout(50);
  }
  assert.ok(seen.includes("AfterInstall"), seen.join(","));
  assert.ok(!statuses.has("not-reached"), `a step not reached was played: ${seen.join(",")}`);
  // After AfterInstall fails, the next step played is the rollback's first.
  const rollbackFirst = await page.$eval(".lifecycle .timeline.rollback .step", (s) => s.dataset.event);
  assert.equal(seen[seen.indexOf("AfterInstall") + 1], rollbackFirst, seen.join(","));
  assert.ok(seen.length > seen.indexOf("AfterInstall") + 1, `the rollback plays: ${seen.join(",")}`);
  assert.ok([...announced].some((t) => /AfterInstall fails/.test(t)), [...announced].join(" | "));
  assert.ok([...announced].some((t) => /^Rollback/.test(t)), [...announced].join(" | "));
  assert.deepEqual(page.problems, []);
}, { viewport: { width: 1280, height: 860 }, reducedMotion: "reduce" }));

test("reduced motion: no pulsing, no smooth scrolling; blue/green notes get their own line", () => withPage("?example=appspec-ec2", async (page) => {
  await page.waitForSelector(".lifecycle .timeline");
  await page.click(".lifecycle .play");
  await page.waitForSelector(".lifecycle .step.active");
  const anim = await page.$eval(".lifecycle .step.active .step-button", (b) => getComputedStyle(b).animationName);
  assert.equal(anim, "none");
  await page.selectOption('select[aria-label="Deployment type"]', "blue-green");
  await page.waitForSelector(".lifecycle .step-revision");
  const box = await page.$eval(".lifecycle .step-revision", (e) => {
    const r = e.getBoundingClientRect();
    const time = e.parentElement.querySelector(".step-time").getBoundingClientRect();
    return { width: r.width, left: r.left, timeRight: time.right, height: r.height };
  });
  assert.ok(box.left >= box.timeRight, `the note is not in the time column (${JSON.stringify(box)})`);
  assert.ok(box.height < 24, `the note is not broken over lines (${JSON.stringify(box)})`);
}, { reducedMotion: "reduce" }));

test("tabs that do not fit scroll, a menu lists every file, and the active tab stays visible", () => withPage("?example=guide", async (page) => {
  await page.waitForSelector(".tabs-bar.overflowing");
  const count = await page.$$eval(".tabs .tab", (t) => t.length);
  const options = await page.$$eval("select.all-files option", (o) => o.map((x) => x.textContent));
  assert.equal(options.length, count);
  // Choosing the last file from the menu shows its tab, whole, in the strip.
  const last = options[options.length - 1];
  await page.selectOption("select.all-files", { label: last });
  await page.waitForFunction((n) => document.querySelector(".tab-selected")?.dataset.file === n, last);
  // The strip scrolls smoothly: wait (a few seconds at most) for the tab to be in view.
  const visible = () => page.waitForFunction(() => {
    const t = document.querySelector(".tab-selected").getBoundingClientRect();
    const s = document.querySelector(".tabs").getBoundingClientRect();
    return t.left >= s.left - 1 && t.right <= s.right + 1;
  }, null, { timeout: 5000 }).then(() => true, () => false);
  assert.ok(await visible(), "the selected tab is in view");
  // The arrows scroll the strip.
  await page.click('.tabs-arrow[aria-label="Scroll the tabs left"]');
  await page.waitForTimeout(100);
  assert.ok(await page.$eval(".tabs", (s) => s.scrollLeft) < await page.$eval(".tabs", (s) => s.scrollWidth - s.clientWidth));
  // A new file becomes active and visible.
  await page.click('summary[aria-label="New file"]');
  await page.click('.new-file button:has-text("CodeBuild buildspec")');
  await page.waitForFunction(() => document.querySelector(".tab-selected")?.dataset.file === "buildspec-2.yml");
  assert.ok(await visible(), "the new tab is in view");
}));

test("a share link carries each file's scenario and Assume form", () => withPage("?example=guide", async (page, context) => {
  await page.click('.tab[data-file="appspec.yml"]');
  await page.waitForSelector(".lifecycle .timeline");
  await page.selectOption('select[aria-label="Deployment type"]', "blue-green");
  await page.waitForSelector('.lifecycle[data-platform="ec2"] .step[data-event="AllowTraffic"]');
  await page.click('.lifecycle .step[data-event="AfterInstall"] button');
  await page.waitForSelector(".lifecycle .failure");
  const policy = await page.$$eval(".tab", (t) => t.map((x) => x.dataset.file).find((n) => /trust/.test(n)));
  await page.click(`.tab[data-file="${policy}"]`);
  await page.waitForSelector(".verdict");
  await page.selectOption('select[name="event"]', "pull_request");
  await page.waitForFunction(() => document.querySelector(".token-sub")?.textContent.includes("pull_request"));
  await page.click("text=Share link");
  const link = await page.inputValue('dialog[data-dialog="share"] input');

  const b = await browser();
  try {
    const other = await open(b.context, link);
    await other.waitForSelector('.tab[data-file="appspec.yml"]');
    await other.click('.tab[data-file="appspec.yml"]');
    await other.waitForSelector(".lifecycle .failure");
    assert.equal(await other.$eval('select[aria-label="Deployment type"]', (s) => s.value), "blue-green");
    assert.equal(await other.$eval('.lifecycle .step[data-status="failed"]', (s) => s.dataset.event), "AfterInstall");
    await other.click(`.tab[data-file="${policy}"]`);
    await other.waitForSelector(".verdict");
    assert.equal(await other.inputValue('select[name="event"]'), "pull_request");
    // Autosave keeps them too.
    await other.waitForTimeout(300);
    await other.reload();
    await other.waitForSelector(".verdict");
    assert.equal(await other.inputValue('select[name="event"]'), "pull_request");
  } finally {
    await b.close();
  }
}));

test("?example= is opened once and removed; switching examples leaves no stale name", () => withPage("?example=buildspec", async (page) => {
  await page.waitForSelector(".problems-summary");
  assert.equal(new URL(page.url()).search, "");
  await setEditorText(page, "version: 0.2\nphases:\n  build:\n    commands: [make test]\n");
  await page.waitForTimeout(400);
  await page.reload();
  await page.waitForSelector(".problems-summary");
  assert.equal(await page.$('dialog[data-dialog="incoming"]'), null, "no question after a reload");
  assert.match(await page.evaluate(() => window.__cicdEditor.getText()), /make test/);
}));

test("download offers the current file; binary files are refused with a message", () => withPage("?example=guide", async (page) => {
  await page.click("summary:has-text('Download')");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.click(".download-menu button:has-text('This file')"),
  ]);
  assert.equal(download.suggestedFilename(), await page.$eval(".tab-selected", (t) => t.dataset.file));
  const tabs = await page.$$eval(".tabs .tab", (t) => t.length);
  const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4bd0000000049454e44ae426082", "hex");
  await page.setInputFiles('input[type="file"]', { name: "diagram.png", mimeType: "image/png", buffer: png });
  await page.waitForSelector(".notice");
  assert.match(await page.$eval(".notice", (n) => n.textContent), /diagram\.png not opened.*binary/);
  assert.equal(await page.$$eval(".tabs .tab", (t) => t.length), tabs);
}));

test("an embed fits a docs page: the editor fills it, problems below, rule pages in place, readonly locks the kind", () => withPage("?example=broken-typos&embed=1&readonly=1", async (page) => {
  await page.waitForSelector(".diagnostics li");
  const layout = await page.evaluate(() => {
    const e = document.querySelector(".editor-pane").getBoundingClientRect();
    const p = document.querySelector(".problems").getBoundingClientRect();
    const rows = [...document.querySelectorAll(".diagnostic button")].map((b) => b.getBoundingClientRect().height);
    return { editor: e.height, editorBottom: e.bottom, problemsTop: p.top, rows, h: innerHeight };
  });
  assert.ok(layout.editor >= 150, `editor height ${layout.editor}`);
  assert.ok(layout.problemsTop >= layout.editorBottom - 1, "problems below the editor");
  assert.ok(Math.max(...layout.rows) < 32, `one line per problem (${layout.rows})`);
  assert.equal(await page.$$eval(".filebar select", (s) => s.length), 0, "nothing that changes the file");
  assert.match(await page.$eval("h1", (h) => h.textContent), /CI\/CD Playground/);
  await page.click(".diagnostics li button");
  await page.waitForSelector(".docs");
  const docs = await page.$eval(".docs", (d) => { const r = d.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, h: innerHeight }; });
  assert.ok(docs.top >= 0 && docs.top < docs.h / 2, `the rule page opens in view (${JSON.stringify(docs)})`);
  await axe(page, "embed");
}, { viewport: { width: 600, height: 400 } }));

test("inline code renders as code; keyboard help is shown; gallery choice focuses the editor", () => withPage("?example=broken-typos", async (page) => {
  await page.waitForSelector(".diagnostics li");
  const codes = await page.$$eval(".diag-message code", (c) => c.length);
  assert.ok(codes > 0, "messages show `x` as <code>");
  assert.equal(await page.$$eval(".diag-message", (m) => m.filter((x) => x.textContent.includes("`")).length), 0);
  assert.match(await page.$eval(".editor-help", (h) => h.textContent), /Esc.*Tab.*leaves the editor.*F8.*Ctrl\+Shift\+M/);
  await page.click("text=Examples");
  await page.waitForSelector('dialog[data-dialog="gallery"]');
  await page.focus('dialog[data-dialog="gallery"] li[data-example="buildspec"] button');
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => !document.querySelector('dialog[data-dialog="gallery"]'));
  await page.waitForFunction(() => document.activeElement?.closest(".editor-frame") !== null && document.activeElement !== document.body);
}));

test("dark mode is chosen before the first paint, and menus stay on screen at a phone's width", () => withPage("?example=buildspec", async (page) => {
  // The theme was set by the time the document was parsed, before the app ran.
  const early = await page.evaluate(() => window.__earlyTheme);
  assert.deepEqual(early, { theme: "dark", appRunning: false });
  await page.click('summary[aria-label="New file"]');
  const menu = await page.$eval(".new-file .menu-items", (m) => { const r = m.getBoundingClientRect(); return { left: r.left, right: r.right }; });
  assert.ok(menu.left >= 0 && menu.right <= 390, JSON.stringify(menu));
}, {
  colorScheme: "dark", viewport: { width: 390, height: 800 },
  init: () => document.addEventListener("DOMContentLoaded", () => {
    window.__earlyTheme = { theme: document.documentElement.dataset.theme, appRunning: Boolean(window.wasmBindings) };
  }),
}));

for (const colorScheme of ["light", "dark"]) {
  test(`axe-core: no serious or critical violation in the main states (${colorScheme})`, () => withPage("?example=guide", async (page) => {
    await page.waitForSelector(".problems-summary");
    await axe(page, "guide");
    await page.click('.tab[data-file="appspec.yml"]');
    await page.waitForSelector(".lifecycle .timeline");
    await page.click('.lifecycle .step[data-event="AfterInstall"] button');
    await page.waitForSelector(".lifecycle .failure");
    await page.waitForSelector(".cicd-hl-fail");
    await axe(page, "appspec with a failed hook");
    const policy = await page.$$eval(".tab", (t) => t.map((x) => x.dataset.file).find((n) => /trust/.test(n)));
    await page.click(`.tab[data-file="${policy}"]`);
    await page.waitForSelector(".verdict");
    await axe(page, "trust policy and Assume");
    await page.click(".diagnostics li button").catch(() => {});
    await page.waitForSelector(".docs .markdown:not([aria-busy])").catch(() => {});
    await axe(page, "rule page");
    await page.click("text=Examples");
    await page.waitForSelector('dialog[data-dialog="gallery"]');
    await axe(page, "gallery");
    await page.keyboard.press("Escape");
    await page.click("text=Share link");
    await page.waitForSelector('dialog[data-dialog="share"]');
    await page.click('dialog[data-dialog="share"] summary');
    await axe(page, "share dialog with the embed snippet");
  }, { colorScheme }));
}

test("an Allow that comes through a finding says so, in amber, and links the finding", () => withPage("?example=trust-policy", async (page) => {
  await page.waitForSelector('.verdict[data-decision="allow"]');
  assert.equal(await page.$eval(".verdict", (v) => v.dataset.caveats), "0", "the intended caller: a plain Allow");
  assert.ok(await page.$eval(".verdict", (v) => v.classList.contains("verdict-allow")));
  await page.selectOption('select[name="event"]', "pull_request");
  await page.waitForSelector('.verdict.verdict-caveat[data-decision="allow"]');
  assert.match(await page.$eval(".verdict strong", (s) => s.textContent), /Allowed — but only through IAM\d+/);
  const code = await page.$eval(".caveats li", (l) => l.dataset.code);
  await page.click(".caveat-link");
  await page.waitForSelector(`.docs[data-rule="${code}"]`);
  assert.equal(await page.$eval(".diagnostic.selected", (d) => d.dataset.code), code);
}));

test("a new trust policy from the template starts on the principal it trusts, and is allowed", () => withPage("?example=buildspec", async (page) => {
  await page.click('summary[aria-label="New file"]');
  await page.click('.new-file button:has-text("IAM trust policy")');
  await page.waitForSelector(".verdict");
  assert.equal(await page.$eval(".segmented button[aria-pressed=true]", (b) => b.textContent), "Another principal");
  assert.match(await page.inputValue('input[name="principal"]'), /^service:codebuild\.amazonaws\.com$/);
  assert.equal(await page.$eval(".verdict", (v) => v.dataset.decision), "allow");
}));
