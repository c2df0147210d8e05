// Time from navigation to an editable editor, and to the first diagnostics on screen, in headless
// Chromium with the network throttled through the DevTools protocol (the presets of Chrome's
// DevTools: "Fast 3G" and "Fast 4G"; latency and throughput as DevTools applies them). Files are
// served brotli-compressed, as a static host would. Needs a release build in dist/ (or pass
// another folder: `node scripts/bench/load.mjs /path/to/dist`). Median of RUNS fresh loads each.
//
//   node scripts/bench/load.mjs [DIST]
import { createServer } from "node:http";
import { readFileSync, existsSync, statSync } from "node:fs";
import { join, extname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants } from "node:zlib";
import { browser } from "../../tests/e2e/harness.mjs";

const dist = resolve(process.argv[2] || fileURLToPath(new URL("../../dist/", import.meta.url)));
const RUNS = Number(process.env.RUNS || 5);
const PROFILES = {
  // DevTools: download 1.6 Mbps, upload 750 kbps, RTT 150 ms × 3.75; throughput × 0.9.
  "Fast 3G": { latency: 150 * 3.75, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 },
  // DevTools: download 9 Mbps, upload 1.5 Mbps, RTT 60 ms × 2.75; throughput × 0.9.
  "Fast 4G": { latency: 60 * 2.75, downloadThroughput: (9e6 / 8) * 0.9, uploadThroughput: (1.5e6 / 8) * 0.9 },
};
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json" };

const cache = new Map();
const server = createServer((req, res) => {
  let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (path.endsWith("/")) path += "index.html";
  const file = join(dist, path);
  if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) {
    res.writeHead(404).end();
    return;
  }
  if (!cache.has(file)) {
    cache.set(file, brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream", "content-encoding": "br", "cache-control": "no-store" });
  res.end(cache.get(file));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${server.address().port}/?example=guide`;

async function once(profile) {
  const b = await browser();
  try {
    const page = b.context.pages()[0] || (await b.context.newPage());
    // Record when the editor becomes editable and when the first problems summary appears.
    await page.addInitScript(() => {
      window.__load = {};
      // Checked every frame: the editor lives in a shadow root, out of reach of observers of
      // the document.
      const tick = () => {
        const l = window.__load;
        const hosts = [document, ...[...document.querySelectorAll("*")].filter((e) => e.shadowRoot).map((e) => e.shadowRoot)];
        if (!l.editable && hosts.some((h) => h.querySelector('.cm-content[contenteditable="true"]'))) l.editable = performance.now();
        const s = document.querySelector(".problems-summary");
        if (!l.diagnostics && s && s.dataset.status && s.dataset.status !== "pending") l.diagnostics = performance.now();
        if (!(l.editable && l.diagnostics)) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const cdp = await b.context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", { offline: false, ...PROFILES[profile] });
    await page.goto(url);
    await page.waitForFunction(() => window.__load.editable && window.__load.diagnostics, null, { timeout: 120000 });
    return await page.evaluate(() => window.__load);
  } finally {
    await b.close();
  }
}

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
try {
  console.log(`dist: ${dist}`);
  for (const profile of Object.keys(PROFILES)) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once(profile));
    const e = median(runs.map((r) => r.editable));
    const d = median(runs.map((r) => r.diagnostics));
    console.log(`${profile.padEnd(8)} editable editor ${e.toFixed(0).padStart(6)} ms | first diagnostics ${d.toFixed(0).padStart(6)} ms  (median of ${RUNS})`);
  }
} finally {
  server.close();
}
