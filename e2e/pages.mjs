// End-to-end test of zongjie serve in Debian's headless Chromium, driven
// by playwright-core. e2e_test.go builds the binary, starts the server
// and runs this script with:
//
//   ZONGJIE_URL          the server's URL (http://127.0.0.1:PORT/)
//   ZONGJIE_SCREENSHOTS  the folder for one PNG per page
//   ZONGJIE_EXAMPLES     the project's examples/ folder
//   ZONGJIE_SEEDS        ../shared/seeds, or "" when absent
//
// Every page is checked for what must hold everywhere: no console error
// (a CSP violation is one), no failed request, no request to any other
// origin, the skip link first in the tab order. A failure exits 1.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const base = process.env.ZONGJIE_URL;
const shots = process.env.ZONGJIE_SCREENSHOTS;
if (!base || !shots) {
  console.error("ZONGJIE_URL and ZONGJIE_SCREENSHOTS are required");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const origin = new URL(base).origin;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync"],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN", acceptDownloads: true });
const page = await context.newPage();

const failures = [];
let current = "(start)";
const fail = (msg) => { failures.push(`${current}: ${msg}`); console.error(`FAIL ${current}: ${msg}`); };
const check = (cond, msg) => { if (!cond) fail(msg); };

// The status the page being visited is expected to answer with: Chromium
// reports a 4xx document on the console, which is then no failure.
let expectStatus = 200;
page.on("console", (m) => {
  if (m.type() !== "error") return;
  if (expectStatus !== 200 && m.text().includes(`status of ${expectStatus}`)) return;
  fail(`console error: ${m.text()}`);
});
page.on("pageerror", (e) => fail(`script error: ${e.message}`));
page.on("dialog", (d) => { fail(`unexpected dialog: ${d.message()}`); d.dismiss(); });
page.on("request", (r) => {
  const u = new URL(r.url());
  if (u.protocol !== "data:" && u.protocol !== "blob:" && u.origin !== origin) fail(`request to another origin: ${r.url()}`);
});
page.on("requestfailed", (r) => {
  // A download started by a click is "aborted" from the page's view.
  if (r.failure()?.errorText !== "net::ERR_ABORTED") fail(`request failed: ${r.url()} ${r.failure()?.errorText}`);
});
page.on("response", (r) => {
  if (r.status() >= 500) fail(`${r.status()} for ${r.url()}`);
});

// visit opens path as the page called name, checks what every page must
// hold, runs fn, and saves the screenshot name.png.
async function visit(name, path, fn, { status = 200 } = {}) {
  current = name;
  expectStatus = status;
  console.log(`== ${name} ${path}`);
  const resp = await page.goto(new URL(path, base).href, { waitUntil: "networkidle" });
  check(resp && resp.status() === status, `status ${resp && resp.status()}, want ${status}`);
  check((await page.getAttribute("html", "lang")) === "zh-CN", "html lang is not zh-CN");
  check(await page.title() !== "", "no title");
  await page.keyboard.press("Tab");
  const first = await page.evaluate(() => document.activeElement && document.activeElement.className);
  check(first === "skip", `the first Tab stop is "${first}", not the skip link`);
  check(await page.isVisible("a.skip"), "the skip link is not shown when focused");
  await page.keyboard.press("Escape");
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  if (fn) await fn();
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

try {
  await visit("home", "/", async () => {
    check(await page.isVisible("nav a[aria-current=page]"), "no current entry in the navigation");
  });
  await visit("not-found", "/no-such-page", async () => {
    check((await page.textContent("main")).includes("没有这个页面"), "the 404 page does not say so in Chinese");
  }, { status: 404 });
} catch (e) {
  fail(`exception: ${e.stack || e}`);
} finally {
  await browser.close();
}
if (failures.length) {
  console.error(`${failures.length} failure(s)`);
  process.exit(1);
}
console.log("all pages passed");
