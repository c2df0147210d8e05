// Frame times while the animations play (requestAnimationFrame intervals in headless Chromium):
// the AppSpec lifecycle timeline, the pipeline run and the deployment (broken, so that the alarm
// and the rollback play too); p50, p95 and the share of frames slower than 60 fps. Needs dist/
// (a release build).
//
//   node scripts/bench/animation.mjs [DIST]   (default dist/; another build to compare)
import { serve, browser, open } from "../../tests/e2e/harness.mjs";

const server = await serve(process.argv[2] || undefined);
const b = await browser();
try {
  const runs = [
    ["appspec-ec2", ".lifecycle .play", null],
    ["appspec-ecs", ".lifecycle .play", null],
    ["pipeline", ".pipeline .play", null],
    ["deployment-canary", ".deployment .play", ".deployment .break-it"],
  ];
  for (const [example, play, before] of runs) {
    const page = await open(b.context, `${server.url}?example=${example}`);
    await page.waitForSelector(play);
    if (before) {
      await page.click(before);
      await page.waitForTimeout(300);
    }
    await page.evaluate(() => {
      window.__frames = [];
      let last = performance.now();
      const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__frames.length < 600) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    });
    await page.click(play);
    await page.waitForFunction(() => window.__frames.length >= 600, null, { timeout: 30000 });
    const frames = (await page.evaluate(() => window.__frames)).slice(5).sort((a, b) => a - b);
    const p = (q) => frames[Math.min(frames.length - 1, Math.floor(q * frames.length))].toFixed(2);
    const slow = frames.filter((f) => f > 1000 / 60 + 1).length;
    console.log(`${example.padEnd(18)} frames=${frames.length} p50 ${p(0.5)} ms  p95 ${p(0.95)} ms  max ${frames[frames.length - 1].toFixed(2)} ms  slower than 60 fps: ${((100 * slow) / frames.length).toFixed(1)}%`);
  }
} finally {
  await b.close();
  await server.close();
}
