// Typing continuously in a 5,000-line buildspec: the longest main-thread task (Long Tasks API)
// and whether every keystroke reached the editor. Needs a release build in dist/ (or pass another
// folder). The budget: no task over 50 ms, no keystroke dropped.
//
//   node scripts/bench/longtasks.mjs [DIST]
import { resolve } from "node:path";
import { serve, browser, open, setEditorText } from "../../tests/e2e/harness.mjs";
import { largeBuildspec } from "./keystroke.mjs";

const dist = process.argv[2] ? resolve(process.argv[2]) : undefined;
const KEYS = Number(process.env.KEYS || 300);
const DELAY = Number(process.env.DELAY || 15); // ms between keys: a very fast typist

const server = await serve(dist);
const b = await browser();
let failed = false;
try {
  const page = await open(b.context, server.url + "?example=buildspec");
  await page.addInitScript(() => {});
  await setEditorText(page, largeBuildspec(5000));
  await page.waitForTimeout(1500);
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: "longtask", buffered: false });
    const ed = window.__cicdEditor;
    ed.setCursor(ed.getText().indexOf("make target-0") + "make target-0".length, true);
  });
  const typed = "abcdefghij".repeat(Math.ceil(KEYS / 10)).slice(0, KEYS);
  await page.keyboard.type(typed, { delay: DELAY });
  await page.waitForTimeout(1500);
  const tasks = await page.evaluate(() => window.__longTasks);
  const got = await page.evaluate(() => window.__cicdEditor.getText());
  const kept = got.includes(`make target-0${typed}`);
  const max = tasks.length ? Math.max(...tasks) : 0;
  const over50 = tasks.filter((d) => d > 50).length;
  console.log(`${KEYS} keys, ${DELAY} ms apart: ${tasks.length} long tasks, longest ${max.toFixed(0)} ms, ${over50} over 50 ms; every keystroke kept: ${kept}`);
  failed = over50 > 0 || !kept;
} finally {
  await b.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
