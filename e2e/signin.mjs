// End-to-end test of signing in, in Debian's headless Chromium
// (playwright-core). e2e_test.go (TestSignInPages) starts `zongjie serve`
// on a database with accounts — the drafters of two sibling streets,
// 青禾街道 and 白沙街道, each with a report — and runs this script with:
//
//   ZONGJIE_URL          the server's URL (http://127.0.0.1:PORT/)
//   ZONGJIE_SCREENSHOTS  the folder for one PNG per page
//   ZONGJIE_USER, ZONGJIE_PASSWORD  青禾街道's drafter
//
// It checks, with the keyboard: the desk sends to the login page, a wrong
// password is refused with the reason, the right one leads back to the
// page asked for, the desk shows 青禾街道 and not 白沙街道, the other
// street's report is not found, the account page makes a token (shown
// once), and signing out ends the session. Every page: no console error,
// no failed request, no request to another origin. A failure exits 1.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const base = process.env.ZONGJIE_URL;
const shots = process.env.ZONGJIE_SCREENSHOTS;
const user = process.env.ZONGJIE_USER;
const password = process.env.ZONGJIE_PASSWORD;
const hidden = process.env.ZONGJIE_HIDDEN; // the other street's report ID
if (!base || !shots || !user || !password || !hidden) {
  console.error("ZONGJIE_URL, ZONGJIE_SCREENSHOTS, ZONGJIE_USER, ZONGJIE_PASSWORD and ZONGJIE_HIDDEN are required");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const origin = new URL(base).origin;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync"],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
const page = await context.newPage();

const failures = [];
let current = "(start)";
const fail = (msg) => { failures.push(`${current}: ${msg}`); console.error(`FAIL ${current}: ${msg}`); };
const check = (cond, msg) => { if (!cond) fail(msg); };

// Chromium reports a 4xx document on the console: expected where the
// step expects that status.
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
page.on("requestfailed", (r) => fail(`request failed: ${r.url()} ${r.failure()?.errorText}`));
page.on("response", (r) => { if (r.status() >= 500) fail(`${r.status()} for ${r.url()}`); });

const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`) });
const main = async () => (await page.textContent("main")) || "";

// signIn fills the login form with the keyboard: the name field has the
// focus, Tab to the password, Enter.
async function signIn(name, pw) {
  await page.waitForSelector("#login-name");
  await page.fill("#login-name", "");
  await page.focus("#login-name");
  await page.keyboard.type(name);
  await page.keyboard.press("Tab");
  await page.keyboard.type(pw);
  await submit(() => page.keyboard.press("Enter"), "/login");
}

// submit runs act (a key or a click that posts a form) and waits for the
// answer to the POST to path and the page it leads to.
async function submit(act, path) {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === path),
    page.waitForNavigation({ waitUntil: "networkidle" }),
    act(),
  ]);
}

try {
  current = "signed out";
  let resp = await page.goto(new URL("/search?q=%E5%B7%A5%E4%BD%9C", base).href, { waitUntil: "networkidle" });
  check(new URL(page.url()).pathname === "/login", `not sent to the login page: ${page.url()}`);
  check(resp.status() === 200, `login page status ${resp.status()}`);
  check(!(await page.isVisible("nav a[href='/upload']")), "the navigation shows to someone signed out");
  check(await page.evaluate(() => document.activeElement && document.activeElement.id) === "login-name", "the name field does not have the focus");
  // The name field has the focus (autofocus); the skip link is still the
  // first stop of the tab order.
  const first = await page.evaluate(() =>
    document.querySelector("a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex='-1'])")?.className);
  check(first === "skip-link", `the first Tab stop is "${first}", not the skip link`);
  await shot("login");

  current = "wrong password";
  expectStatus = 401;
  await signIn(user, "not-the-password");
  check(new URL(page.url()).pathname === "/login", `a wrong password left the login page: ${page.url()}`);
  check((await page.textContent(".form-error")).includes("用户名或密码错误"), "no reason given for the refusal");
  await shot("login-refused");
  expectStatus = 200;

  current = "sign in";
  await page.goto(new URL("/login?next=%2Fsearch%3Fq%3D%25E5%25B7%25A5%25E4%25BD%259C", base).href, { waitUntil: "networkidle" });
  await signIn(user, password);
  check(new URL(page.url()).pathname === "/search", `not back at the page asked for: ${page.url()}`);
  check((await page.textContent("header")).includes(user), "the header does not name the user");

  current = "desk";
  resp = await page.goto(base, { waitUntil: "networkidle" });
  check(resp.status() === 200, `desk status ${resp.status()}`);
  const desk = await main();
  check(desk.includes("青禾街道"), "the desk does not show the user's unit");
  check(!desk.includes("白沙街道"), "the desk shows the sibling street");
  await shot("desk-signed-in");

  current = "other unit's report";
  expectStatus = 404;
  resp = await page.goto(new URL(`/reports/${hidden}`, base).href, { waitUntil: "networkidle" });
  check(resp.status() === 404, `the sibling street's report: status ${resp.status()}`);
  check(!(await main()).includes("白沙"), "the sibling street's report shows");
  expectStatus = 200;

  current = "account";
  await page.goto(new URL("/account", base).href, { waitUntil: "networkidle" });
  await page.focus("#tok-name");
  await page.keyboard.type("e2e 脚本");
  await submit(() => page.keyboard.press("Enter"), "/account/tokens");
  const secret = await page.inputValue("#tok-secret");
  check(secret.startsWith("zjt_"), `no token shown: ${secret}`);
  const api = await context.request.get(new URL("/api/v1/reports", base).href, { headers: { Authorization: `Bearer ${secret}` } });
  check(api.status() === 200, `the token on the API: ${api.status()}`);
  await shot("account-token");
  await page.goto(new URL("/account", base).href, { waitUntil: "networkidle" });
  check(!(await page.content()).includes(secret), "the token is shown a second time");

  current = "sign out";
  await submit(() => page.click("button.logout"), "/logout");
  check(new URL(page.url()).pathname === "/login", `not at the login page after signing out: ${page.url()}`);
  check((await main()).includes("已退出登录"), "signing out is not confirmed");
  resp = await page.goto(base, { waitUntil: "networkidle" });
  check(new URL(page.url()).pathname === "/login", "the desk is shown after signing out");
} catch (e) {
  fail(`exception: ${e.stack || e}`);
} finally {
  await browser.close();
}
if (failures.length) {
  console.error(`${failures.length} failure(s)`);
  process.exit(1);
}
console.log("sign-in: all checks passed");
