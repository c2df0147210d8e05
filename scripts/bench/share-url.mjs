// Share-link length for the guide's full example workspace: the playground's `#v1:` fragment
// (raw DEFLATE + base64url) against lz-string's compressToEncodedURIComponent on the same JSON.
// Needs dist/ (a release build).
//
//   node scripts/bench/share-url.mjs
import LZString from "lz-string";
import { serve, browser, open } from "../../tests/e2e/harness.mjs";

const server = await serve();
const b = await browser();
try {
  const page = await open(b.context, server.url + "?example=guide");
  await page.waitForTimeout(500);
  const json = await page.evaluate(() => localStorage.getItem("cicd-playground:workspace"));
  await page.click("text=Share link");
  const link = await page.$eval(".share-link", (el) => el.value);
  const fragment = new URL(link).hash.slice(1);
  const lz = LZString.compressToEncodedURIComponent(json);
  console.log(`workspace JSON             ${json.length} characters`);
  console.log(`playground fragment (v1)   ${fragment.length} characters`);
  console.log(`lz-string                  ${lz.length} characters`);
  console.log(`ratio playground/lz-string ${(fragment.length / lz.length).toFixed(3)}`);
} finally {
  await b.close();
  await server.close();
}
