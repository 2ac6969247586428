// End-to-end test of zongjie serve in Debian's headless Chromium, driven
// by playwright-core. e2e_test.go builds the binary, starts the server
// and runs this script with:
//
//   ZONGJIE_URL          the server's URL (http://127.0.0.1:PORT/)
//   ZONGJIE_SCREENSHOTS  the folder for one PNG per page
//   ZONGJIE_EXAMPLES     the project's examples/ folder
//   ZONGJIE_SEEDS        ../shared/seeds, or "" when absent
//   ZONGJIE_UPLOADS      more files to upload: a .docx, a hostile report, unreadable files
//   ZONGJIE_DOWNLOADS    the folder to save downloads in (e2e_test.go opens them)
//
// Every page is checked for what must hold everywhere: no console error
// (a CSP violation is one), no failed request, no request to any other
// origin, the skip link first in the tab order. A failure exits 1.
import { chromium } from "playwright-core";
import { mkdirSync, readdirSync } from "node:fs";
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
async function visit(name, path, fn, { status = 200, full = false } = {}) {
  current = name;
  expectStatus = status;
  console.log(`== ${name} ${path}`);
  const resp = await page.goto(new URL(path, base).href, { waitUntil: "networkidle" });
  check(resp && resp.status() === status, `status ${resp && resp.status()}, want ${status}`);
  check((await page.getAttribute("html", "lang")) === "zh-CN", "html lang is not zh-CN");
  check(await page.title() !== "", "no title");
  if (!path.includes("#")) await checkSkipLink();
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  if (fn) await fn();
  // Two frames, so that what fn scrolled into view is laid out (the
  // report's paragraphs are skipped while off screen) before the shot.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: full });
}

// checkSkipLink checks that the first Tab stop of the page is the skip
// link, and that it shows when focused.
async function checkSkipLink() {
  await page.keyboard.press("Tab");
  const first = await page.evaluate(() => document.activeElement && document.activeElement.className);
  check(first === "skip-link", `the first Tab stop is "${first}", not the skip link`);
  check(await page.isVisible("a.skip-link"), "the skip link is not shown when focused");
  await page.keyboard.press("Escape");
}

const files = (dir) => (dir ? readdirSync(dir).filter((n) => !n.startsWith(".") && n !== "README.md" && !n.endsWith(".go")).map((n) => join(dir, n)) : []);
const downloads = process.env.ZONGJIE_DOWNLOADS;
if (downloads) mkdirSync(downloads, { recursive: true });

// download clicks the link sel and saves what it downloads.
async function download(sel) {
  const [d] = await Promise.all([page.waitForEvent("download"), page.click(sel)]);
  const name = d.suggestedFilename();
  check(name && !name.includes("/"), `download name ${name}`);
  if (downloads) await d.saveAs(join(downloads, name));
  return name;
}

// reportLink returns the href of the result row whose file name ends so
// (a file of several reports is named on its first row alone).
async function reportLink(suffix) {
  const href = await page.evaluate((suffix) => {
    let name = "";
    for (const tr of document.querySelectorAll("#results tr.result.ok")) {
      name = tr.querySelector(".file")?.textContent ?? name;
      if (name.endsWith(suffix)) return tr.querySelector("td.title a").getAttribute("href");
    }
    return null;
  }, suffix);
  check(href, `no result row for ${suffix}`);
  return href;
}

try {
  await visit("home-empty", "/", async () => {
    check(await page.isVisible("nav a[aria-current=page]"), "no current entry in the navigation");
    check((await page.textContent("main")).includes("还没有报告"), "the empty home page does not say so");
  });

  let hostile, qinghe, docx;
  await visit("upload", "/upload", async () => {
    const all = [...files(process.env.ZONGJIE_SEEDS), ...files(process.env.ZONGJIE_EXAMPLES), ...files(process.env.ZONGJIE_UPLOADS)];
    await page.setInputFiles("#files", all);
    await page.waitForFunction((n) => document.getElementById("upload-summary").textContent.startsWith(`已完成 ${n} / ${n}`), all.length, { timeout: 120000 });
    const summary = await page.textContent("#upload-summary");
    console.log(`   ${summary}`);
    const failed = await page.$$eval("#results tr.result.failed", (rows) => rows.map((r) => r.textContent));
    check(failed.length === 2, `${failed.length} files failed, want 2 (the .doc and the empty file): ${failed.join(" | ")}`);
    check(failed.some((t) => t.includes("旧版文档.doc") && t.includes("另存为 .docx")), "the .doc is not refused with the reader's message");
    check(failed.some((t) => t.includes("空白.txt") && t.includes("空")), "the empty file is not refused");
    // In Chinese alone: not the English the reader adds for the logs.
    check(!failed.some((t) => t.includes("file is empty") || t.includes("save it as")), `English in a refusal: ${failed.join(" | ")}`);
    check(await page.isVisible("#results .badge.error"), "no error counts shown");
    hostile = await reportLink("{{.}}.txt");
    qinghe = await reportLink("qinghe-2024h1.txt");
    docx = await reportLink(".docx");
    // The hostile name and title show as text in the results.
    const results = await page.textContent("#results");
    check(results.includes("<img src=x onerror=alert(5)>{{.}}.txt") && results.includes('"><img src=x onerror=alert(2)>{{.}}'),
      "the hostile name or title is not shown as text");
    // Pasted text appears checked, too.
    await page.fill("#paste-name", "粘贴的报告");
    await page.fill("#paste-text", "柳河乡2024年上半年工作总结\n一、工作开展情况\n完成投资xx万元。\n");
    await page.click("#paste-form button[type=submit]");
    await page.waitForFunction(() => [...document.querySelectorAll("#results td.file")].some((td) => td.textContent.startsWith("粘贴的报告")));
  }, { full: true });

  await visit("upload-folder", "/upload", async () => {
    // A whole folder: each file named by its path in it; held already.
    await page.setInputFiles("#folder", process.env.ZONGJIE_EXAMPLES);
    const n = files(process.env.ZONGJIE_EXAMPLES).length + 1; // README.md is a report file too
    await page.waitForFunction((n) => document.getElementById("upload-summary").textContent.startsWith(`已完成 ${n} / ${n}`), n, { timeout: 60000 });
    const names = await page.$$eval("#results td.file", (tds) => tds.map((t) => t.textContent));
    check(names.length >= n && names.every((x) => x.startsWith("examples/")), `folder names: ${names}`);
    check((await page.textContent("#upload-summary")).includes("已有"), "the examples are not said to be held already");
  });

  // The reviewer's desk over the seeds and the examples: units × periods.
  let shiqiaoCompare;
  await visit("home", "/", async () => {
    // The server computes the desk's figures in the background after the
    // uploads: the look shows them as pending until it is done.
    for (let i = 0; i < 120 && (await page.textContent(".desk-summary")).includes("后台计算"); i++) {
      await page.waitForTimeout(500);
      await page.reload({ waitUntil: "networkidle" });
    }
    check(!(await page.textContent(".desk-summary")).includes("后台计算"), "the desk's figures were never computed in the background");
    const units = await page.$$eval("table.desk tbody tr", (rs) => rs.length);
    const entries = await page.$$eval("table.desk .desk-entry", (es) => es.length);
    check(units >= 5 && entries >= 10, `${units} units, ${entries} reports on the desk`);
    const heads = await page.$$eval("table.desk thead th", (ths) => ths.map((th) => th.textContent));
    check(heads.includes("2024年上半年") && heads.includes("2025年"), `periods ${heads}`);
    // 石桥镇 2025 is 2024's copied: the reason says so, and links the comparison.
    const row = page.locator("table.desk tbody tr", { has: page.locator("th", { hasText: "石桥镇" }) });
    check((await row.textContent()).includes("与上期重复"), "石桥镇 has no reuse of the previous report");
    shiqiaoCompare = await row.locator("a[href^='/compare?a=']", { hasText: "与上期重复" }).first().getAttribute("href");
    check(shiqiaoCompare, "no link to compare with the previous report");
    check((await page.$$("table.desk .reasons li")).length > 0, "no reasons to send back");
    const track = await row.locator("a.desk-targets").first().getAttribute("href");
    // A report's targets link its pair; a unit's reports of one period
    // tracked together (a group) link the unit and period.
    check(/^\/track\?(a=\d+&b=\d+|period=\d{4}[A-Z0-9-]*&unit=[^&]+)$/.test(track || ""), `the targets link to the track page is ${track}`);
    check((await page.$$("img[src=x], table.desk b, table.desk script")).length === 0, "markup from a report became elements");
    // A grid taller than the window scrolls in its own box: wheeled down
    // over the cells, the periods' row stays in view, and so does the
    // box's bottom edge (its horizontal scrollbar) once the page is down.
    if (await page.$eval("table.desk", (t) => t.offsetHeight > innerHeight)) {
      const box = await page.locator(".desk-wrap").boundingBox();
      const vh = page.viewportSize().height;
      await page.mouse.move(box.x + box.width / 2, Math.min(box.y + 120, vh - 20));
      await page.mouse.wheel(0, 1500);
      await page.waitForFunction(() => scrollY > 0 || document.querySelector(".desk-wrap").scrollTop > 0);
      await page.waitForTimeout(200);
      const top = await page.$eval("table.desk thead th:nth-child(2)", (th) => th.getBoundingClientRect().top);
      check(top >= 0 && top < vh, `the periods' row scrolled out of view (top ${top})`);
      const bottom = await page.$eval(".desk-wrap", (w) => { w.scrollIntoView({ block: "start", behavior: "instant" }); return w.getBoundingClientRect().bottom; });
      check(bottom <= vh, `the grid's box ends below the window (${bottom} > ${vh}): its scrollbar is out of reach`);
      await page.evaluate(() => { document.querySelector(".desk-wrap").scrollTop = 0; window.scrollTo(0, 0); });
    }
    // Filter: still holding placeholders, by keyboard.
    await page.focus("#f-placeholders");
    await page.keyboard.press("Space");
    await Promise.all([page.waitForNavigation(), page.click(".desk-filters button[type=submit]")]);
    check(page.url().includes("placeholders=1"), `the filter is not in the URL: ${page.url()}`);
    const zero = await page.$$eval("table.desk .desk-entry .desk-figs:first-of-type", (ps) => ps.filter((p) => p.textContent.includes("占位符 0")).length);
    check(zero === 0, `${zero} reports without placeholders kept by the filter`);
    await page.goto(new URL("/", base).href, { waitUntil: "networkidle" });
  }, { full: true });

  await visit("desk-returns", "/?returns=1&sort=returns", async () => {
    const ok = await page.$$eval("table.desk .desk-entry.ok", (es) => es.length);
    check(ok === 0, `${ok} reports with nothing to send back kept`);
    check((await page.textContent(".desk-summary")).includes("建议退回"), "no summary");
  });

  // Search 垃圾分类 and land on the hit.
  await visit("search", "/search", async () => {
    await page.fill("#s-q", "垃圾分类");
    await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
    const hits = await page.$$("li.hit");
    check(hits.length > 0, "no hit for 垃圾分类");
    check(await page.isVisible("li.hit mark.q"), "the query is not marked in the snippets");
    check((await page.textContent("li.hit mark.q")) === "垃圾分类", "the marked text is not the query");
  }, { full: true });

  await visit("search-hit", "/search?q=" + encodeURIComponent("垃圾分类"), async () => {
    const href = await page.getAttribute("li.hit .hit-head a", "href");
    await Promise.all([page.waitForNavigation(), page.click("li.hit .hit-head a")]);
    check(page.url().endsWith("#hit") && href.includes("?hl="), `the hit link went to ${page.url()}`);
    const marked = await page.$$eval("#text mark.hit, #text mark.in-hit", (ms) => ms.map((m) => m.textContent).join(""));
    check(marked.includes("垃圾分类"), `the report marks "${marked}" at the hit, not the query`);
    const inView = await page.evaluate(() => {
      const r = document.getElementById("hit").getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight;
    });
    check(inView, "the hit is not in view");
  });

  // Compare seed 000 with 001 (or two examples without the seeds), uploaded.
  await visit("compare", "/compare", async () => {
    const seeds = files(process.env.ZONGJIE_SEEDS).filter((f) => /\/00[01]_/.test(f)).sort();
    const pair = seeds.length === 2 ? seeds : files(process.env.ZONGJIE_EXAMPLES).filter((f) => f.includes("shiqiao")).sort();
    await page.setInputFiles("#cmp-fa", pair[0]);
    await page.setInputFiles("#cmp-fb", pair[1]);
    await Promise.all([page.waitForNavigation(), page.click("form[enctype] button[type=submit]")]);
    const years = await page.$$eval("mark.edit.kind-year", (ms) => ms.map((m) => m.textContent));
    check(years.length >= 2 && years.every((y) => /^(19|20)\d\d$/.test(y)), `year edits marked: ${years.slice(0, 6)}`);
    check((await page.$$("tr.passage")).length > 0, "no passages aligned");
    const shares = await page.$$eval(".share-big", (ps) => ps.map((p) => p.textContent));
    check(shares.length === 2 && shares.every((x) => /^\d+%$/.test(x)), `shares ${shares}`);
    await page.evaluate(() => document.querySelector(".compare-shares").scrollIntoView({ block: "start" }));
  });

  await visit("compare-stored", shiqiaoCompare || "/compare?a=1&b=2", async () => {
    check((await page.$$("mark.edit.kind-year")).length > 0, "no year edits marked between 石桥镇 2024 and 2025");
    check((await page.textContent(".compare-shares")).includes("石桥镇"), "the sides are not named");
  });

  await visit("similar", qinghe.replace(/(\d+)$/, "$1/similar"), async () => {
    check((await page.$$("table.similar-table tbody tr")).length > 0, "no similar report listed");
    const href = await page.getAttribute("table.similar-table a.button", "href");
    check(/^\/compare\?a=\d+&b=\d+$/.test(href), `the compare link is ${href}`);
  });

  await visit("families", "/families", async () => {
    check(await page.isVisible("#family-graph canvas"), "the graph is not drawn");
    check((await page.$$("section.family")).length > 0, "no family listed");
    const graph = JSON.parse(await page.getAttribute("#family-graph", "data-graph"));
    check(graph.nodes.length >= 2 && graph.links.length >= 1, `graph of ${graph.nodes.length} nodes, ${graph.links.length} links`);
  }, { full: true });

  // Targets of 石桥镇's 2025 plan against its 2025 report: met, partly
  // met, missed; a status filters; a figure opens the report at it.
  await visit("track", "/track?unit=" + encodeURIComponent("石桥镇"), async () => {
    const count = async (st) => Number(await page.textContent(`.track-counts .st-${st} .n`));
    const met = await count("met"), partial = await count("partial"), missed = await count("missed");
    check(met > 0 && partial > 0 && missed > 0, `counts: met ${met}, partial ${partial}, missed ${missed}`);
    check((await page.$$("table.track-table tbody tr")).length >= met + partial + missed, "fewer rows than the counts");
    check((await page.$$("img[src=x], table.track-table script")).length === 0, "markup from a report became elements");
    await Promise.all([page.waitForNavigation(), page.click(".track-counts a.st-missed")]);
    const shown = await page.$$eval("table.track-table tbody tr", (rs) => rs.map((r) => r.className));
    check(shown.length === missed && shown.every((c) => c === "st-missed"), `the missed filter shows ${shown}`);
    check(page.url().includes("status=missed"), `the filter is not in the URL: ${page.url()}`);
    await page.goto(new URL("/track?unit=" + encodeURIComponent("石桥镇"), base).href, { waitUntil: "networkidle" });
  }, { full: true });

  // A unit of one report (the series form counts each unit's): its
  // targets, and why nothing is compared yet.
  await page.goto(new URL("/series", base).href, { waitUntil: "networkidle" });
  const sole = await page.$eval("#ser-unit", (s) => ([...s.options].find((o) => o.textContent.endsWith("（1 篇）")) || {}).value);
  check(sole, "no unit of one report to track");
  await visit("track-sole", "/track?unit=" + encodeURIComponent(sole || ""), async () => {
    check((await page.textContent("section.track .note")).includes("只保存了 1 篇报告"), "no word on why nothing is compared");
    check(await page.isVisible("section.track .note a[href='/upload']"), "no link to upload the next report");
    check((await page.$$("section.track table.track-table tbody tr")).length > 0, "the report's targets are not listed");
  });

  await visit("track-hit", "/track?unit=" + encodeURIComponent("石桥镇") + "&status=partial", async () => {
    const link = page.locator("table.track-table tbody tr td:nth-child(3) .fig a").first();
    const figure = await link.textContent();
    await Promise.all([page.waitForNavigation(), link.click()]);
    check(page.url().includes("?hl=") && page.url().endsWith("#hit"), `the evidence link went to ${page.url()}`);
    const marked = await page.$$eval("#text mark.hit, #text mark.in-hit", (ms) => ms.map((m) => m.textContent).join(""));
    check(marked === figure, `the report marks "${marked}", the evidence is "${figure}"`);
  });

  // A unit's indicators over its periods: lines drawn, a table beside
  // each; one period's across units: bars.
  await visit("series", "/series?unit=" + encodeURIComponent("青禾街道"), async () => {
    const charts = await page.$$eval(".series-chart", (cs) => cs.length);
    check(charts > 0, "no chart");
    const drawn = await page.$$eval(".series-chart", (cs) => cs.filter((c) => {
      const cv = c.querySelector("canvas");
      return cv && cv.width > 0 && cv.height > 0;
    }).length);
    check(drawn === charts, `${drawn} of ${charts} charts drawn`);
    const first = JSON.parse(await page.getAttribute(".series-chart", "data-chart"));
    check(first.kind === "line" && first.labels.join() === "2024年上半年,2024年", `the first chart: ${JSON.stringify(first)}`);
    check((await page.$$("table.series-table tbody tr")).length >= 2 * charts, "the tables hold fewer rows than the charts' points");
    // The chart is drawn: pixels other than the background.
    const inked = await page.$eval(".series-chart canvas", (cv) => {
      const d = cv.getContext("2d").getImageData(0, 0, cv.width, cv.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200)) n++;
      return n;
    });
    check(inked > 100, `the chart's canvas has ${inked} inked pixels`);
    await download("a[href^='/series.csv']");
  });

  await visit("series-across", "/series?period=2024", async () => {
    const kinds = await page.$$eval(".series-chart", (cs) => cs.map((c) => JSON.parse(c.dataset.chart).kind));
    check(kinds.length > 0 && kinds.every((k) => k === "bar"), `across charts: ${kinds}`);
    check(await page.isVisible(".series-chart canvas"), "the bar chart is not drawn");
    // (Of 青禾街道's two 2024 reports the later one, the hostile report,
    // is compared: it gives few figures, so no indicator has all three.)
    const heading = await page.textContent("#ser-title");
    check(heading.includes("3 个单位"), `the units compared: ${heading}`);
    const units = await page.$$eval("table.series-table tbody tr td:first-child", (tds) => new Set(tds.map((t) => t.textContent)).size);
    check(units >= 2, `${units} units in the tables`);
  });

  // Draft 青禾街道's 2024 summary from its half-year report and the
  // full-year one, stored: the preview, then the .docx and the Markdown.
  await visit("draft", "/draft", async () => {
    const value = async (sel, suffix) => page.$eval(sel, (s, suffix) => {
      const o = [...s.options].find((o) => o.textContent.includes(suffix));
      return o ? o.value : null;
    }, suffix);
    const from = await value("#dr-from", "青禾街道2024年上半年工作总结");
    const actual = await value("#dr-actual", "青禾街道2024年工作总结");
    check(from && actual, `no 青禾街道 reports to choose: ${from}, ${actual}`);
    await page.selectOption("#dr-from", from);
    await page.check("#dr-src-actual");
    await page.selectOption("#dr-actual", actual);
    await Promise.all([page.waitForNavigation(), page.click(".draft-form button[type=submit]")]);
    // The post sent the browser on to the preview's address, which holds
    // no token; reloading it asks nothing (no form posted again).
    check(new URL(page.url()).pathname === "/draft" && page.url().includes("source=actual") && !page.url().includes("csrf"),
      `the preview is at ${page.url()}`);
    await page.reload({ waitUntil: "networkidle" });
    check((await page.textContent(".doc-title")).includes("青禾街道"), "the draft has no title");
    check((await page.$$(".draft-doc h3")).length >= 2, "the draft has no headings");
    check((await page.$$(".draft-doc mark.ph")).length > 0, "no placeholder marked in the draft");
    const met = Number(await page.textContent(".track-counts .st-met .n"));
    check(met > 0, `${met} targets met in the draft`);
    const docx = await download("button.download-docx");
    check(docx.endsWith(".docx"), `the draft downloads as ${docx}`);
    const md = await download("button.download-md");
    check(md.endsWith(".md"), `the Markdown downloads as ${md}`);
  }, { full: true });

  await visit("report", qinghe, async () => {
    check(await page.isVisible("mark.f.sev-error[data-cat=placeholder]"), "no placeholder highlighted as an error");
    check((await page.$$("nav.outline li")).length >= 5, "no outline");
    // Outline: a click jumps to the heading.
    const anchor = await page.getAttribute("nav.outline li:nth-child(2) a", "href");
    await page.click("nav.outline li:nth-child(2) a");
    check(page.url().endsWith(anchor), `outline click went to ${page.url()}`);
    // J and K move between the findings.
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    const cur = await page.$$eval("mark.f.current", (ms) => ms.length);
    check(cur > 0, "J marks no finding in the text");
    check((await page.textContent("#finding-position")).startsWith("第 2 /"), "J did not move to the second finding");
    await page.keyboard.press("k");
    check((await page.textContent("#finding-position")).startsWith("第 1 /"), "K did not move back");
    // On a laptop's width (1024) J shows the finding and its place
    // together: both the marked passage and the listed finding in view.
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.keyboard.press("j");
    const shown = await page.evaluate(() => [document.querySelector("mark.f.current"), document.querySelector("li.finding.current")]
      .map((el) => { const b = el.getBoundingClientRect(); return b.top >= 0 && b.bottom <= innerHeight; }));
    check(shown[0] && shown[1], `at 1024×768, J shows the place ${shown[0]} and the finding ${shown[1]}`);
    await page.keyboard.press("k");
    await page.setViewportSize({ width: 1280, height: 800 });
    // Filter: without placeholders, none is listed.
    await page.uncheck("input.cat-filter[value=placeholder]");
    check(await page.$$eval("li.finding[data-cat=placeholder]", (ls) => ls.every((l) => l.hidden)), "the filter leaves placeholders listed");
    await page.check("input.cat-filter[value=placeholder]");
    // Sort the figures by value.
    await page.click("#data th:nth-child(4) button");
    check((await page.getAttribute("#data th:nth-child(4)", "aria-sort")) === "ascending", "the table is not sorted");
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  await visit("report-fix", qinghe, async () => {
    // Apply one fix: a new version, the original kept.
    const form = page.locator("li.finding form.fix").first();
    await Promise.all([page.waitForNavigation(), form.locator("button").click()]);
    check((await page.textContent(".notice.ok")).includes("已保存为第 2 版"), "no new version after the fix");
    // The drafter stays at the findings: the next one is chosen, its
    // place in view, and the notice beside them can undo the fix.
    await page.waitForSelector("li.finding.current", { timeout: 5000 }).catch(() => {});
    const at = await page.evaluate(() => {
      const inView = (el) => { if (!el) return null; const b = el.getBoundingClientRect(); return b.top >= 0 && b.top < innerHeight; };
      return { item: inView(document.querySelector("li.finding.current")), mark: inView(document.querySelector("mark.f.current")),
        undo: inView(document.querySelector(".findings form.undo button")) };
    });
    check(at.item && at.mark !== false && at.undo, `after a fix: the next finding in view ${at.item}, its place ${at.mark}, the undo button ${at.undo}`);
    check((await page.$$("#versions tbody tr")).length === 2, "the versions do not list two");
    // And every certain fix.
    await Promise.all([page.waitForNavigation(), page.click("form.fix-all button")]);
    check((await page.textContent(".notice.ok")).includes("已保存为第 3 版"), "no new version after fixing all");
    // State the unit.
    await page.fill("#unit", "临川区青禾街道");
    await Promise.all([page.waitForNavigation(), page.click("form.meta-edit button")]);
    check((await page.textContent(".meta")).includes("临川区青禾街道"), "the stated unit is not shown");
    for (const kind of ["fixed.txt", "annotated.docx", "gongwen.docx", "quantities.csv", "targets.csv"]) {
      await download(`a[href*="/download/${kind}"]`);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  await visit("diff", qinghe.replace(/(\d+)$/, "$1/diff?a=1&b=3"), async () => {
    check(await page.isVisible("tr.del del"), "no removed text marked");
    check(await page.isVisible("tr.ins ins"), "no added text marked");
  });

  await visit("report-restore", qinghe + "#versions", async () => {
    await Promise.all([page.waitForNavigation(), page.click("#versions button[form=restore-1]")]);
    check((await page.textContent(".notice.ok")).includes("恢复第 1 版"), "restore did not say so");
    await page.locator("#versions").scrollIntoViewIfNeeded();
    await page.evaluate(() => document.getElementById("versions").scrollIntoView({ block: "start" }));
  });

  await visit("report-data", qinghe, async () => {
    await page.evaluate(() => document.getElementById("data").scrollIntoView({ block: "start" }));
  });

  await visit("report-docx", docx, async () => {
    check((await page.textContent("h1")).includes("石桥镇"), "the .docx report has no title");
  });

  await visit("report-hostile", hostile, async () => {
    const title = await page.title();
    check(title.includes('"><img src=x onerror=alert(2)>{{.}}'), `the title is not shown as text: ${title}`);
    check((await page.textContent("h1")).includes('"><img src=x onerror=alert(2)>'), "the heading does not show the markup as text");
    const text = await page.textContent("#text");
    check(text.includes("<b>财政收入</b>") && text.includes("{{template") && text.includes("<script>alert(4)</script>"), "the text does not show the markup");
    check((await page.$$("img[src=x], #text b, #text script, h1 script")).length === 0, "markup from the report became elements");
    check((await page.textContent("#findings")).includes("xx"), "the placeholder finding is missing");
  });

  // 管理, as the local user (allowed everything) until the first account
  // is added, then as the admin it is: units, users, the audit log, the
  // trash. Names with markup must show as text.
  const evil = '"><img src=x onerror=alert(20)>社区';
  await visit("admin-units", "/admin/units", async () => {
    check((await page.getAttribute("nav.nav a[accesskey=m]", "aria-current")) === "page", "管理 is not the current navigation entry");
    const add = async (name, parent, aliases) => {
      await page.fill("#unit-name", name);
      await page.selectOption("#unit-parent", { label: parent });
      await page.fill("#unit-aliases", aliases);
      await Promise.all([page.waitForNavigation(), page.click("form[action='/admin/units'] button[type=submit]")]);
      check((await page.textContent(".notice.ok")).includes("已添加单位"), `adding ${name} does not say so`);
    };
    await add("临川区", "（最上层）", "临川");
    await add("青禾街道", "临川区", "青禾");
    await add("石桥镇", "临川区", "");
    await add(evil, "\u3000青禾街道", "");
    const tree = await page.textContent("ul.unit-tree");
    check(tree.includes("临川区") && tree.includes("别名：青禾") && tree.includes(evil), `the tree: ${tree}`);
    check((await page.$$("img[src=x]")).length === 0, "a unit's markup became an element");
    // Assign the first two unassigned reports to 石桥镇, by keyboard.
    const before = await page.$$eval("#unassigned tbody tr", (rs) => rs.length);
    check(before >= 2, `${before} unassigned reports`);
    await page.focus("#unassigned tbody tr:nth-child(1) input[type=checkbox]");
    await page.keyboard.press("Space");
    await page.focus("#unassigned tbody tr:nth-child(2) input[type=checkbox]");
    await page.keyboard.press("Space");
    await page.selectOption("#assign-unit", { label: "\u3000石桥镇" });
    await page.focus(".assign-form button[type=submit]");
    await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
    check((await page.textContent(".notice.ok")).includes("已把 2 篇报告分配给 临川区/石桥镇"), "the assignment does not say so");
    const after = await page.$$eval("#unassigned tbody tr", (rs) => rs.length);
    check(after === before - 2, `${after} unassigned after assigning 2 of ${before}`);
    // Match again, then rename a unit through its edit form.
    await Promise.all([page.waitForNavigation(), page.click("form[action='/admin/units/match'] button")]);
    check((await page.textContent(".notice.ok")).includes("重新按名称匹配"), "matching again does not say so");
    await Promise.all([page.waitForNavigation(), page.click(`a[aria-label="修改 临川区/石桥镇"]`)]);
    await page.fill("#edit-name", "石桥镇人民政府");
    await page.fill("#edit-aliases", "石桥镇、石桥");
    await Promise.all([page.waitForNavigation(), page.click("#edit button[type=submit]")]);
    check((await page.textContent(".notice.ok")).includes("现为 临川区/石桥镇人民政府"), "the rename does not say so");
  }, { full: true });

  await visit("admin-users", "/admin/users", async () => {
    const add = async (name, unit, role) => {
      await page.fill("#user-name", name);
      await page.selectOption("#user-unit", { label: unit });
      await page.selectOption("#user-role", role);
      await page.fill("#user-pw", "初始密码请修改1");
      await page.fill("#user-pw2", "初始密码请修改1");
      await Promise.all([page.waitForNavigation(), page.click("form[action='/admin/users'] button[type=submit]")]);
      check((await page.textContent(".notice.ok")).includes(`已添加用户 ${name}`), `adding ${name} does not say so`);
    };
    // The first account turns sign-in on: the local user adds an admin of
    // the root, is sent to the login page by the answer, and signs in as
    // them; the rest of the walk is theirs.
    await page.fill("#user-name", "admin");
    await page.selectOption("#user-unit", { label: "临川区" });
    await page.selectOption("#user-role", "admin");
    await page.fill("#user-pw", "管理员的密码-e2e");
    await page.fill("#user-pw2", "管理员的密码-e2e");
    await Promise.all([page.waitForNavigation(), page.click("form[action='/admin/users'] button[type=submit]")]);
    check(new URL(page.url()).pathname === "/login", `the first account did not turn sign-in on: ${page.url()}`);
    await page.fill("#login-name", "admin");
    await page.fill("#login-password", "管理员的密码-e2e");
    await Promise.all([page.waitForNavigation(), page.press("#login-password", "Enter")]);
    check(new URL(page.url()).pathname === "/admin/users", `signing in did not come back: ${page.url()}`);
    check((await page.textContent(".notice.ok")).includes("已添加用户 admin"), "adding admin does not say so");
    await add("zhangsan", "\u3000青禾街道", "drafter");
    await add("lisi", "临川区", "reviewer");
    await add("<script>alert(21)", "\u3000\u3000" + evil, "admin");
    const rows = await page.textContent("table.users");
    check(rows.includes("zhangsan") && rows.includes("临川区/青禾街道") && rows.includes("审阅") && rows.includes("<script>alert(21)"), `the users: ${rows}`);
    // Disable one; open another's password form.
    await Promise.all([page.waitForNavigation(), page.click(`button[aria-label="停用 lisi"]`)]);
    check((await page.textContent(".notice.ok")).includes("已停用用户 lisi"), "disabling does not say so");
    check(await page.isVisible(`button[aria-label="启用 lisi"]`), "no button to enable lisi again");
    await page.click("table.users tr:first-child details.passwd summary");
    check(await page.isVisible("table.users tr:first-child details.passwd input[type=password]"), "the password form does not open");
  }, { full: true });

  await visit("admin-tokens", "/admin/users", async () => {
    await Promise.all([page.waitForNavigation(), page.click(`a[aria-label="zhangsan 的 API 令牌"]`)]);
    check((await page.textContent("h1")).includes("zhangsan 的 API 令牌"), "not zhangsan's tokens");
    await page.fill("#token-name", "导入脚本");
    await Promise.all([page.waitForNavigation(), page.click("form[action$='/tokens'] button[type=submit]")]);
    const secret = await page.inputValue("#new-secret");
    check(/^zjt_.{20,}/.test(secret), "the new token's secret is not shown");
    check((await page.textContent("table.tokens")).includes("导入脚本"), "the token is not listed");
    // Shown once: the page again has it listed, without its secret (and
    // the screenshot shows no secret).
    await page.goto(page.url(), { waitUntil: "networkidle" });
    check((await page.$$("#new-secret")).length === 0 && !(await page.content()).includes(secret), "the secret is shown again");
  });

  await visit("admin-audit", "/admin/audit", async () => {
    const actions = await page.$$eval("table.audit td code", (cs) => cs.map((c) => c.textContent));
    check(actions.includes("unit.add") && actions.includes("user.add") && actions.includes("user.disable") && actions.includes("report.assign"), `actions: ${[...new Set(actions)]}`);
    check((await page.$$("img[src=x], table.audit script")).length === 0, "markup in the log became elements");
    await page.selectOption("#a-action", "user.add");
    await Promise.all([page.waitForNavigation(), page.click(".audit-filters button[type=submit]")]);
    check(page.url().includes("action=user.add"), `the filter is not in the URL: ${page.url()}`);
    const only = await page.$$eval("table.audit td code", (cs) => cs.map((c) => c.textContent));
    check(only.length === 4 && only.every((a) => a === "user.add"), `filtered: ${only}`);
    const name = await download("a[href^='/admin/audit.csv']");
    check(/^audit-\d{8}\.csv$/.test(name), `the export is named ${name}`);
  }, { full: true });

  // Delete a report from its page, after the confirmation.
  await visit("report-delete", docx, async () => {
    await page.click("#delete summary");
    check(await page.isVisible("#delete button.danger"), "the confirmation does not open");
    await page.evaluate(() => document.getElementById("delete").scrollIntoView({ block: "start" }));
  });
  await visit("admin-trash", docx, async () => {
    await page.click("#delete summary");
    await Promise.all([page.waitForNavigation(), page.click("#delete button.danger")]);
    check(new URL(page.url()).pathname === "/admin/trash", `the delete went to ${page.url()}`);
    check((await page.textContent(".notice.ok")).includes("移入回收站"), "the trash does not say the report came in");
    const row = await page.textContent("table.trash tbody");
    check(row.includes("admin") && row.includes("30 天"), `the trash row: ${row}`);
  });
  await visit("admin-trash-undone", "/admin/trash", async () => {
    await Promise.all([page.waitForNavigation(), page.click("table.trash button")]);
    check((await page.textContent(".notice.ok")).includes("已恢复报告"), "the undo does not say so");
    check((await page.textContent("main")).includes("回收站是空的"), "the trash is not empty after the undo");
  });

  await visit("not-found", "/no-such-page", async () => {
    check((await page.textContent("main")).includes("没有这个页面"), "the 404 page does not say so in Chinese");
  }, { status: 404 });
  await visit("report-not-found", "/reports/99999", async () => {
    check((await page.textContent("main")).includes("不存在"), "a missing report does not say so");
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
