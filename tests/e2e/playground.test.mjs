// End-to-end tests of the playground in headless Chromium (the built site in dist/).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, browser, open, setEditorText, problems } from "./harness.mjs";

let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

/** Runs `fn` with a fresh browser profile, always closing the browser. */
async function withBrowser(fn) {
  const b = await browser();
  try {
    return await fn(b.context);
  } finally {
    await b.close();
  }
}

const text = (page) => page.evaluate(() => window.__cicdEditor.getText());
const lineOfCursor = (page) => page.evaluate(() => {
  const ed = window.__cicdEditor;
  return ed.getText().slice(0, ed.cursor()).split("\n").length;
});

/** Puts the cursor at the end of the first line containing `needle`. */
async function cursorAfter(page, needle) {
  await page.evaluate((needle) => {
    const ed = window.__cicdEditor;
    const t = ed.getText();
    const at = t.indexOf(needle);
    if (at < 0) throw new Error(`${needle} not in the editor`);
    ed.setCursor(at + needle.length, true);
  }, needle);
}

/** Waits for a problem to be listed. Not a timing assertion (speed is measured by the
 *  benchmarks): the bound only keeps a broken build from hanging, and is generous because a
 *  busy CI machine takes seconds to lay out a 100,000-character line. */
async function waitForProblem(page, code, timeout = 10000) {
  await page.waitForSelector(`.diagnostics li[data-code="${code}"]`, { timeout });
}

test("the page loads without console errors or CSP violations", async () => {
  await withBrowser(async (context) => {
    const page = await open(context, server.url);
    await page.waitForSelector(".problems-summary");
    // Open and close a few parts of the UI too.
    await page.click("text=Examples");
    await page.waitForSelector('dialog[data-dialog="gallery"]');
    await page.keyboard.press("Escape");
    await page.click("text=Share link");
    await page.waitForSelector('dialog[data-dialog="share"]');
    await page.keyboard.press("Escape");
    await page.waitForTimeout(200);
    assert.deepEqual(page.problems, []);
    assert.equal(await page.$eval(".tab-selected", (t) => t.dataset.file), "buildspec.yml");
  });
});

test("typing an error shows it in the panel and as an underline; fixing it clears it", async () => {
  await withBrowser(async (context) => {
    const page = await open(context, server.url + "?example=buildspec");
    assert.equal((await problems(page)).length, 0);
    await cursorAfter(page, "- npm ci");
    await page.keyboard.type(": oops");
    await waitForProblem(page, "BS023");
    const line = (await text(page)).split("\n").findIndex((l) => l.includes("npm ci: oops")) + 1;
    assert.deepEqual(await problems(page), [{ code: "BS023", severity: "error", line }]);
    await page.waitForSelector(".cm-lintRange-error");
    const underlined = await page.$eval(".cm-lintRange-error", (el) => el.textContent);
    assert.equal(underlined, "npm ci: oops");
    assert.match(await page.$eval(".tab-selected .tab-count", (el) => el.textContent), /^1$/);
    // Fix it: delete what was typed.
    for (let i = 0; i < ": oops".length; i++) await page.keyboard.press("Backspace");
    await page.waitForSelector('.problems-summary:text("No problems found.")');
    assert.equal(await page.$(".cm-lintRange-error"), null);
    assert.deepEqual(page.problems, []);
  });
});

test("clicking a diagnostic moves the cursor to it and shows the rule's docs", async () => {
  await withBrowser(async (context) => {
    const page = await open(context, server.url + "?example=broken-typos");
    await waitForProblem(page, "BS061");
    const row = await page.$('.diagnostics li[data-code="BS061"]');
    const line = Number(await row.getAttribute("data-line"));
    assert.notEqual(await lineOfCursor(page), line);
    await page.click('.diagnostics li[data-code="BS061"] button');
    await page.waitForFunction((line) => {
      const ed = window.__cicdEditor;
      return ed.getText().slice(0, ed.cursor()).split("\n").length === line;
    }, line);
    await page.waitForSelector('.docs[data-rule="BS061"] .markdown h2');
    const docs = await page.$eval(".docs .markdown", (el) => el.textContent);
    assert.match(docs, /What it does/);
    assert.match(docs, /JUNITXML/);
  });
});

test("a share link opened in a fresh browser restores the same workspace", async () => {
  const link = await withBrowser(async (context) => {
    const page = await open(context, server.url);
    await setEditorText(page, "version: 0.2\nphases:\n  build:\n    commands:\n      - echo \"shared: yes\"\n");
    await waitForProblem(page, "BS023");
    await page.click('.tab[data-file="trust-policy.json"]');
    await page.click("text=Share link");
    const link = await page.inputValue(".share-link");
    const length = Number(await page.$eval(".share-length", (el) => el.dataset.length));
    assert.equal(length, [...link].length);
    assert.match(link, /#v1:[A-Za-z0-9_-]+$/);
    return link;
  });
  await withBrowser(async (context) => {
    const page = await open(context, link);
    assert.equal(await page.$eval(".tab-selected", (t) => t.dataset.file), "trust-policy.json");
    await page.click('.tab[data-file="buildspec.yml"]');
    await waitForProblem(page, "BS023");
    assert.match(await text(page), /echo "shared: yes"/);
    const tabs = await page.$$eval(".tab", (ts) => ts.map((t) => t.dataset.file));
    assert.ok(tabs.includes(".github/workflows/deploy.yml"));
    // The fragment is consumed, so that a reload does not import it again.
    assert.equal(new URL(page.url()).hash, "");
    assert.deepEqual(page.problems, []);
  });
});

test("a corrupted link shows an error and keeps local work", async () => {
  await withBrowser(async (context) => {
    const page = await open(context, server.url);
    await setEditorText(page, "version: 0.2 # my local work\n");
    await page.waitForTimeout(400);
    for (const bad of ["#v1:AAAA", "#v1:%%%%", "#v9:abc", "#v1:" + "x".repeat(3000)]) {
      await page.goto(server.url + bad);
      await page.waitForSelector('.notice[data-notice="error"]');
      const message = await page.$eval(".notice", (n) => n.textContent);
      assert.match(message, /could not be opened/);
      assert.match(await text(page), /my local work/, `local work kept after ${bad.slice(0, 10)}`);
    }
  });
});

test("hostile links: a zip bomb, a cut link, other versions, too many files, deep nesting — each named, local work kept", async () => {
  const { deflateRawSync } = await import("node:zlib");
  const link = (bytes) => "#v1:" + Buffer.from(bytes).toString("base64url");
  const json = (o) => deflateRawSync(Buffer.from(typeof o === "string" ? o : JSON.stringify(o)));
  const file = (i) => ({ i, n: `f${i}.yml`, t: "version: 0.2\n" });
  const good = link(json({ f: [file(1)] }));
  const cases = [
    // 64 MB of spaces in a few kilobytes.
    [link(deflateRawSync(Buffer.alloc(64 * 1024 * 1024, 32))), /more data than the playground opens/],
    [good.slice(0, good.length - 6), /cut short or damaged|does not hold a workspace/],
    ["#v1:not*base64!", /characters that do not belong/],
    ["#v2:" + good.slice(4), /another version of the playground/],
    [link(json({ f: Array.from({ length: 500 }, (_, i) => file(i + 1)) })), /holds 500 files/],
    [link(json('{"f":' + "[".repeat(100000) + "]".repeat(100000) + "}")), /does not hold a workspace/],
  ];
  await withBrowser(async (context) => {
    const page = await open(context, server.url);
    await setEditorText(page, "version: 0.2 # my local work\n");
    await page.waitForTimeout(400);
    for (const [bad, why] of cases) {
      await page.goto(server.url + bad);
      await page.waitForSelector('.notice[data-notice="error"]', { timeout: 60000 });
      const message = await page.$eval(".notice", (n) => n.textContent);
      assert.match(message, /could not be opened/);
      assert.match(message, why, `${bad.slice(0, 12)}…: ${message}`);
      assert.match(await text(page), /my local work/, `local work kept after ${bad.slice(0, 12)}`);
    }
    assert.equal(await page.$(".fatal-banner"), null);
  });
});

test("a browser without DecompressionStream says it cannot open links, not that they are damaged", async () => {
  const { deflateRawSync } = await import("node:zlib");
  const good = "#v1:" + deflateRawSync(Buffer.from(JSON.stringify({ f: [{ i: 1, n: "buildspec.yml", t: "version: 0.2\n" }] }))).toString("base64url");
  await withBrowser(async (context) => {
    await context.addInitScript(() => { delete window.DecompressionStream; });
    const page = await open(context, server.url + good);
    await page.waitForSelector('.notice[data-notice="error"]');
    const message = await page.$eval(".notice", (n) => n.textContent);
    assert.match(message, /cannot open share links/);
    assert.doesNotMatch(message, /damaged/);
  });
});

test("a link arriving over local work asks first and can keep both", async () => {
  const link = await withBrowser(async (context) => {
    const page = await open(context, server.url + "?example=trust-policy");
    await page.click("text=Share link");
    return page.inputValue(".share-link");
  });
  await withBrowser(async (context) => {
    const page = await open(context, server.url);
    await setEditorText(page, "version: 0.2 # mine\n");
    await page.waitForTimeout(400);
    await page.goto(link);
    await page.waitForSelector('dialog[data-dialog="incoming"]');
    await page.click('[data-choice="keep-both"]');
    await page.waitForSelector('.tab[data-file="trust-policy-2.json"]');
    assert.equal(await page.$eval(".tab-selected", (t) => t.dataset.file), "trust-policy-2.json");
    await page.click('.tab[data-file="buildspec.yml"]');
    assert.match(await text(page), /# mine/);
  });
});

test("autosave survives a reload", async () => {
  await withBrowser(async (context) => {
    const page = await open(context, server.url);
    await cursorAfter(page, "- npm ci");
    await page.keyboard.type(" --prefer-offline");
    await page.waitForTimeout(400);
    await page.reload();
    await page.waitForSelector(".cm-content");
    assert.match(await text(page), /npm ci --prefer-offline/);
  });
});

test("every kind of edit reaches the workspace as the editor has it", async () => {
  // The editor reports each edit as a range of UTF-16 offsets: typing, deleting, inserting
  // lines, typing over a selection, undo and a quick fix, in text with characters of one to four
  // bytes, in two files. What autosave writes (the workspace as Rust holds it) must be, file by
  // file, what the editor shows.
  await withBrowser(async (context) => {
    const page = await open(context, server.url);
    await page.waitForSelector('.problems-summary[data-status="checked"]');
    const saved = async () => {
      await page.waitForTimeout(400);
      return page.evaluate(() => Object.fromEntries(
        JSON.parse(localStorage.getItem("cicd-playground:workspace")).f.map((f) => [f.n, f.t])));
    };
    const shown = async (name) => {
      await page.click(`.tab[data-file="${name}"]`);
      return text(page);
    };
    // Every edit fits the workspace's text: the editor's whole text is never read back.
    await page.evaluate(() => {
      const ed = window.__cicdEditor;
      const textOf = ed.textOf.bind(ed);
      window.__rereads = 0;
      ed.textOf = (id) => { window.__rereads += 1; return textOf(id); };
    });
    const first = await page.$eval(".tab-selected", (t) => t.dataset.file);
    await cursorAfter(page, "- npm ci");
    await page.keyboard.type(" é→😀x");
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Backspace");
    await page.keyboard.insertText("\n      - echo ü\n      - echo 😀😀");
    await page.keyboard.press("Shift+Home");
    await page.keyboard.type("- echo ok");
    await page.keyboard.press("Control+z");
    await page.keyboard.type("→");
    let mine = await text(page);
    assert.match(mine, /npm ci é→\n {6}- echo ü\n/);
    // Another file: typing there, then back here.
    const other = await page.$$eval(".tab", (tabs) => tabs.map((t) => t.dataset.file)).then((l) => l.find((n) => n !== first));
    await page.click(`.tab[data-file="${other}"]`);
    await page.click(".cm-content");
    await page.keyboard.press("Control+Home");
    await page.keyboard.type("😀 ");
    await page.click(`.tab[data-file="${first}"]`);
    await cursorAfter(page, "echo ü");
    await page.keyboard.type(" 😀");
    mine = await text(page);
    let files = await saved();
    assert.equal(files[first], mine);
    assert.equal(files[other], await shown(other));
    assert.match(files[other], /^😀 /);
    // A quick fix (applied by the editor) in the first file.
    await page.click(`.tab[data-file="${first}"]`);
    await cursorAfter(page, "version: 0.2");
    await page.keyboard.type("9");
    await page.waitForSelector('.diagnostics li[data-code="BS011"]');
    await page.keyboard.press("Control+Shift+KeyM");
    await page.click('.cm-diagnosticAction:has-text("replace with 0.2")');
    await page.waitForFunction(() => !window.__cicdEditor.getText().includes("0.29"));
    files = await saved();
    assert.equal(files[first], await text(page));
    assert.match(files[first], /^version: 0\.2$/m);
    assert.equal(await page.evaluate(() => window.__rereads), 0);
  });
});

test("embed mode hides the chrome and honours readonly, file and theme", async () => {
  const link = await withBrowser(async (context) => {
    const page = await open(context, server.url);
    await page.click("text=Share link");
    return page.inputValue(".share-link");
  });
  const fragment = new URL(link).hash;
  const openFull = await withBrowser(async (context) => {
    const page = await open(context, `${server.url}?embed=1&readonly=1&file=appspec.yml&theme=dark${fragment}`);
    assert.equal(await page.$(".topbar"), null, "no toolbar");
    assert.equal(await page.$(".file-actions"), null, "no file management");
    assert.equal(await page.$(".new-file"), null, "no new-file menu");
    assert.equal(await page.$eval(".tab-selected", (t) => t.dataset.file), "appspec.yml");
    assert.equal(await page.$eval("html", (h) => h.dataset.theme), "dark");
    assert.equal(await page.$eval(".cm-content", (c) => c.getAttribute("contenteditable")), "false");
    assert.ok(await page.$(".problems"));
    // "Open in CI/CD Playground" carries the workspace (compressed by the browser).
    await page.waitForSelector('.open-full[href*="#v1:"]');
    const href = await page.$eval(".open-full", (a) => a.href);
    // Embedded edits must not overwrite the visitor's own workspace.
    assert.equal(await page.evaluate(() => localStorage.getItem("cicd-playground:workspace")), null);
    return href;
  });
  await withBrowser(async (context) => {
    const page = await open(context, openFull);
    const tabs = await page.$$eval(".tab", (ts) => ts.map((t) => t.dataset.file));
    assert.ok(tabs.includes("appspec.yml") && tabs.includes("trust-policy.json"), tabs.join());
    assert.equal(await page.$(".notice-error"), null);
  });
});

test("the query is read as the browser reads it: percent-encoded names and values", async () => {
  // `ex%61mple` is `example` and `d%61rk` is `dark` to URLSearchParams; the hand-written parser
  // this replaced decoded values only, so it ignored the first and the example never opened.
  await withBrowser(async (context) => {
    const page = await open(context, `${server.url}?ex%61mple=trust%2Dpolicy&th%65me=d%61rk`);
    await page.waitForFunction(() => window.__cicdEditor?.getText().includes("AssumeRoleWithWebIdentity"));
    assert.equal(await page.$eval("html", (h) => h.dataset.theme), "dark");
    // The example is consumed once: its parameter leaves the address, the others stay.
    await page.waitForFunction(() => !new URLSearchParams(location.search).has("example"));
    assert.equal(new URL(page.url()).searchParams.get("theme"), "dark");
    assert.deepEqual(page.problems, []);
  });
});

test("config text is never executed or rendered as HTML", async () => {
  await withBrowser(async (context) => {
    const page = await open(context, server.url + "?example=buildspec");
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    await setEditorText(page, `version: 0.2\n${payload}: 1\nphases:\n  build:\n    commands:\n      - make\n`);
    await waitForProblem(page, "BS001");
    await page.click('.diagnostics li[data-code="BS001"] button');
    await page.hover(".cm-lintRange-warning").catch(() => {});
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.$(".problems img, .problems script"), null);
    const message = await page.$eval('.diagnostics li[data-code="BS001"] .diag-message', (el) => el.textContent);
    assert.ok(message.includes("<img src=x"), message);
  });
});

test("a panic shows a banner, keeps the text and restores it after a reload", async () => {
  await withBrowser(async (context) => {
    const page = await open(context, server.url);
    page.problems = [];
    await cursorAfter(page, "- npm ci");
    await page.keyboard.type(" # before");
    await page.waitForTimeout(400);
    await page.evaluate(() => { try { window.wasmBindings.debug_panic(); } catch (_) { /* the trap */ } });
    await page.waitForSelector(".fatal-banner");
    assert.match(await page.$eval(".fatal-banner", (b) => b.textContent), /text is kept/);
    // The editor still works, and what is typed now is saved by the editor itself.
    await page.keyboard.type(" and after");
    assert.match(await text(page), /npm ci # before and after/);
    await page.waitForTimeout(200);
    await page.reload();
    await page.waitForSelector(".cm-content");
    assert.match(await text(page), /npm ci # before and after/);
    await page.waitForSelector(".notice");
    assert.match(await page.$eval(".notice", (n) => n.textContent), /Recovered/);
  });
});

test("files can be added, renamed, reordered and deleted, and kinds overridden", async () => {
  await withBrowser(async (context) => {
    const page = await open(context, server.url + "?example=buildspec");
    await page.click(".new-file summary");
    await page.click("text=CodeBuild buildspec (buildspec.yml)");
    await page.waitForSelector('.tab[data-file="buildspec-2.yml"]');
    await page.click(".new-file summary");
    await page.click("text=Empty file (untitled.txt)");
    await page.waitForSelector('.tab[data-file="untitled.txt"]');
    assert.match(await page.$eval(".problems-summary", (e) => e.textContent), /Plain text/);
    await page.click("text=Rename");
    await page.fill(".rename-input", "notes.txt");
    await page.keyboard.press("Enter");
    await page.waitForSelector('.tab[data-file="notes.txt"]');
    await page.selectOption('select[aria-label="Kind of this file"]', "buildspec");
    await page.waitForSelector('.problems-summary[data-status="checked"]');
    await waitForProblem(page, "BS010");
    for (let i = 0; i < 2; i++) await page.click('[aria-label="Move this file left"]');
    assert.deepEqual(await page.$$eval(".tab", (ts) => ts.map((t) => t.dataset.file)), ["notes.txt", "buildspec.yml", "buildspec-2.yml"]);
    page.once("dialog", (d) => d.accept());
    await page.click('[aria-label="Delete this file"]');
    await page.waitForFunction(() => document.querySelectorAll(".tab").length === 2);
    assert.equal(await page.$eval(".tab-selected", (t) => t.dataset.file), "buildspec.yml");
  });
});

test("the examples gallery opens the broken-on-purpose examples", async () => {
  await withBrowser(async (context) => {
    const page = await open(context, server.url + "?example=buildspec");
    await page.click("text=Examples");
    await page.click('[data-example="broken-colon"] button');
    await waitForProblem(page, "BS023");
    assert.match(await text(page), /Broken on purpose/);
  });
});

test("the layout works at a phone's width", async () => {
  await withBrowser(async (context) => {
    const page = await open(context, server.url);
    await page.setViewportSize({ width: 390, height: 844 });
    for (const tab of ["buildspec.yml", "appspec-ecs.yaml", "trust-policy.json"]) {
      await page.click(`.tab[data-file="${tab}"]`);
      await page.waitForTimeout(200);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `${tab}: page overflows by ${overflow}px`);
      const wide = await page.$$eval(".side *", (els) => els.filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).map((e) => e.className));
      assert.deepEqual(wide, [], `${tab}: elements wider than the screen`);
    }
    const editor = await page.$eval(".editor-pane", (e) => e.getBoundingClientRect());
    const problems = await page.$eval(".problems", (e) => e.getBoundingClientRect());
    assert.ok(problems.top >= editor.bottom - 1, "problems panel below the editor");
  });
});

test("hostile input is reported, not fatal: deep nesting, alias bombs, huge lines", async () => {
  await withBrowser(async (context) => {
    const page = await open(context, server.url + "?example=buildspec");
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    let prev = "a";
    for (const n of "bcdefgh") {
      bomb.push(`${n}: &${n} [${Array(9).fill(`*${prev}`).join(", ")}]`);
      prev = n;
    }
    const cases = [
      ["[".repeat(50000) + "]".repeat(50000), "SRC005"],
      [bomb.join("\n") + "\n", "SRC006"],
      ["version: 0.2\nx: '" + "a".repeat(300000) + "'\n", "BS001"],
    ];
    for (const [input, code] of cases) {
      await setEditorText(page, input);
      // The paste is in the editor (the YAML parser's stack overflow on deep nesting once
      // dropped it, and the workspace kept the example's text).
      assert.equal(await page.evaluate(() => window.__cicdEditor.getText()), input, `${code}: pasted`);
      await waitForProblem(page, code, 60000);
      assert.equal(await page.$(".fatal-banner"), null, `no crash on ${code}`);
    }
    // Still responsive afterwards.
    await setEditorText(page, "version: 1.0\nphases:\n  build:\n    commands: [make]\n");
    await waitForProblem(page, "BS011");
    assert.deepEqual(page.problems, []);
  });
});
