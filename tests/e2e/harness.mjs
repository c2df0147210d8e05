// Test harness: serves dist/ on 127.0.0.1 (a random port) and starts headless Chromium (the
// system's, through playwright-core) with a fresh profile for every browser.
import { createServer } from "node:http";
import { readFile, stat, mkdtemp, rm } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const dist = fileURLToPath(new URL("../../dist/", import.meta.url));

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

/** Serves dist/; resolves to {url, close}. */
export async function serve(root = dist) {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      let file = normalize(join(root, path));
      if (!file.startsWith(normalize(root))) throw new Error("outside");
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": "no-cache" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

const ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/** A browser context with a fresh profile; call `close()` when done (always, even on failure). */
export async function browser() {
  const profile = await mkdtemp(join(tmpdir(), "cicd-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 860 },
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens `url` and waits for the app; collects console errors, page errors and CSP violations
 * into `page.problems`.
 */
export async function open(context, url) {
  const page = context.pages()[0] || (await context.newPage());
  page.problems = [];
  page.on("console", (m) => { if (m.type() === "error") page.problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => page.problems.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(url);
  await page.waitForSelector(".app .cm-content", { timeout: 30000 });
  return page;
}

/** Opens `server.url + path` in a fresh browser, runs `fn(page)` and closes the browser. */
export async function withPage(server, path, fn) {
  const b = await browser();
  try {
    return await fn(await open(b.context, server.url + path));
  } finally {
    await b.close();
  }
}

/** Replaces the editor's text as a paste would (typing a newline would auto-indent YAML). */
export async function setEditorText(page, text) {
  await page.click(".cm-content");
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(text);
}

/** The rows of the problems panel: [{code, severity, line}]. */
export async function problems(page) {
  return page.$$eval(".diagnostics li", (rows) => rows.map((r) => ({
    code: r.dataset.code, severity: r.dataset.severity, line: Number(r.dataset.line),
  })));
}
