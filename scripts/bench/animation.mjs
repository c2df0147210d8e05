// Frame times while the AppSpec lifecycle timeline plays (requestAnimationFrame intervals in
// headless Chromium): p50, p95 and the share of frames slower than 60 fps. Needs dist/ (a release
// build).
//
//   node scripts/bench/animation.mjs
import { serve, browser, open } from "../../tests/e2e/harness.mjs";

const server = await serve();
const b = await browser();
try {
  for (const example of ["appspec-ec2", "appspec-ecs"]) {
    const page = await open(b.context, `${server.url}?example=${example}`);
    await page.waitForSelector(".lifecycle .play");
    await page.evaluate(() => {
      window.__frames = [];
      let last = performance.now();
      const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__frames.length < 600) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    });
    await page.click(".lifecycle .play");
    await page.waitForFunction(() => window.__frames.length >= 600, null, { timeout: 30000 });
    const frames = (await page.evaluate(() => window.__frames)).slice(5).sort((a, b) => a - b);
    const p = (q) => frames[Math.min(frames.length - 1, Math.floor(q * frames.length))].toFixed(2);
    const slow = frames.filter((f) => f > 1000 / 60 + 1).length;
    console.log(`${example.padEnd(12)} frames=${frames.length} p50 ${p(0.5)} ms  p95 ${p(0.95)} ms  max ${frames[frames.length - 1].toFixed(2)} ms  slower than 60 fps: ${((100 * slow) / frames.length).toFixed(1)}%`);
  }
} finally {
  await b.close();
  await server.close();
}
