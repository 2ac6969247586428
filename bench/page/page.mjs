// The report page in the browser: bench/page/run.sh starts zongjie serve
// and runs this script with
//
//   ZONGJIE_URL     the server's URL (http://127.0.0.1:PORT/)
//   ZONGJIE_REPORT  the report to upload (bench/page/gen)
//   RUNS            page loads to measure (default 7), after one to warm up
//
// It uploads the report through the API, then opens /reports/{id} RUNS
// times in Debian's headless Chromium (playwright-core from e2e/, a new
// browser context each time, so nothing is cached), and prints for each
// load and as the median:
//
//   ttfb       the first byte of the page (responseStart): the server's time
//   dcl        DOMContentLoaded ended (the HTML parsed, the scripts run)
//   load       the load event ended
//   ready      the page's script has wired the findings: the mark
//              "zongjie:report-ready" that http/assets/js/report.js sets
//   long       the long tasks (> 50 ms) of the main thread: how many, their
//              total, and when the last one ended
//   tti        interactive: the later of ready and the end of the last
//              long task that began before the page went quiet (500 ms
//              without one) — the page answers a key or a click from then
//   script, layout, style  the main thread's time in JavaScript, layout and
//              style recalculation until then (Chrome's Performance domain)
//   nodes      the DOM's elements; html: the page's bytes
//   cpu        CPU time until then: the renderer process, all its threads
//              (Chrome's SystemInfo domain), and the server
//              (/proc/ZONGJIE_SERVER_PID, in clock ticks of 10 ms)
//
// Then RUNS loads more under Chrome's tracing, which give the CPU time of
// the renderer's main thread (the sum of its tasks' thread time) from the
// navigation until the page is quiet: the work in the way of
// interactivity. On a machine other processes load, the wall-clock times
// above stretch several times over and the CPU times barely: on an idle
// machine the page is interactive after about the server's CPU, the
// transfer and the main thread's CPU.
//
// All times in milliseconds, those of the page from the start of the
// navigation.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), "../../e2e/package.json"));
const { chromium } = require("playwright-core");

const base = process.env.ZONGJIE_URL;
const serverPid = process.env.ZONGJIE_SERVER_PID;
const reportPath = process.env.ZONGJIE_REPORT;
const runs = Number(process.env.RUNS || 7);
if (!base || !reportPath) {
  console.error("ZONGJIE_URL and ZONGJIE_REPORT are required");
  process.exit(2);
}

// Upload the report as a browser or a program would: the API's upload.
const form = new FormData();
form.append("file", new Blob([readFileSync(reportPath)], { type: "text/plain" }), basename(reportPath));
const up = await fetch(new URL("/api/v1/reports", base), { method: "POST", body: form, headers: { "X-Zongjie-API": "1" } });
if (!up.ok) {
  console.error(`upload: ${up.status} ${await up.text()}`);
  process.exit(1);
}
const answer = await up.json();
const stored = answer.files?.[0]?.reports?.[0];
if (!stored) {
  console.error(`upload: no report stored: ${JSON.stringify(answer).slice(0, 400)}`);
  process.exit(1);
}
const id = stored.report.id;
const f = stored.findings;
console.log(`report ${id}: ${stored.report.chars} characters, ${f.errors + f.warnings + f.infos} findings (${f.errors} errors, ${f.warnings} warnings, ${f.infos} infos)`);
const url = new URL(`/reports/${id}`, base).href;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync"],
});

const browserCDP = await browser.newBrowserCDPSession();
// rendererCPU returns the CPU time of the browser's renderer processes, ms.
async function rendererCPU() {
  const { processInfo } = await browserCDP.send("SystemInfo.getProcessInfo");
  return 1000 * processInfo.filter((p) => p.type === "renderer").reduce((t, p) => t + p.cpuTime, 0);
}
// serverCPU returns the server's CPU time (user + system), ms.
const tick = 10; // ms: Linux's USER_HZ of 100
function serverCPU() {
  if (!serverPid) return 0;
  const stat = readFileSync(`/proc/${serverPid}/stat`, "utf8");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return tick * (Number(f[11]) + Number(f[12]));
}

// measure loads the page once in a new context and returns its figures.
async function measure() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
  const page = await context.newPage();
  // Long tasks are observed from the document's start.
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([e.startTime, e.duration]); })
      .observe({ type: "longtask", buffered: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable", { timeDomain: "timeTicks" });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  const cpu0 = await rendererCPU(), srv0 = serverCPU();
  const resp = await page.goto(url, { waitUntil: "load" });
  if (!resp || resp.status() !== 200) throw new Error(`status ${resp && resp.status()}`);
  await page.waitForFunction(() => performance.getEntriesByName("zongjie:report-ready").length > 0, null, { timeout: 30000 });
  // Wait until the main thread has been quiet for 500 ms.
  await page.waitForFunction(() => {
    const last = window.__long.reduce((t, [s, d]) => Math.max(t, s + d), 0);
    const ready = performance.getEntriesByName("zongjie:report-ready")[0].startTime;
    return performance.now() - Math.max(last, ready) > 500;
  }, null, { timeout: 30000, polling: 100 });
  const m = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    const ready = performance.getEntriesByName("zongjie:report-ready")[0].startTime;
    const long = window.__long;
    const lastLong = long.reduce((t, [s, d]) => Math.max(t, s + d), 0);
    return {
      ttfb: nav.responseStart - nav.startTime,
      dcl: nav.domContentLoadedEventEnd - nav.startTime,
      load: nav.loadEventEnd - nav.startTime,
      ready,
      longN: long.length,
      longMs: long.reduce((t, [, d]) => t + d, 0),
      lastLong,
      tti: Math.max(ready, lastLong),
      nodes: document.getElementsByTagName("*").length,
      html: nav.decodedBodySize,
      marks: document.querySelectorAll("mark.f").length,
      items: document.querySelectorAll(".finding-list li.finding").length,
    };
  });
  m.cpuRenderer = (await rendererCPU()) - cpu0;
  m.cpuServer = serverCPU() - srv0;
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name) => 1000 * (metrics.find((x) => x.name === name)?.value ?? 0);
  m.script = metric("ScriptDuration");
  m.layout = metric("LayoutDuration");
  m.style = metric("RecalcStyleDuration");
  m.task = metric("TaskDuration");
  if (errors.length) throw new Error(`errors on the page: ${errors.join("; ")}`);
  await context.close();
  return m;
}

// mainThreadCPU loads the page once under tracing and returns the CPU
// time of the renderer main thread's tasks, ms.
async function mainThreadCPU() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
  const page = await context.newPage();
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(() => performance.getEntriesByName("zongjie:report-ready").length > 0, null, { timeout: 30000 });
  await page.waitForTimeout(1000);
  const trace = JSON.parse((await browser.stopTracing()).toString());
  await context.close();
  const events = trace.traceEvents ?? trace;
  const threads = new Map();
  for (const e of events) {
    if (e.ph === "M" && e.name === "thread_name" && e.args.name === "CrRendererMain") threads.set(`${e.pid}/${e.tid}`, 0);
  }
  // The page's main thread: the renderer main thread with most events.
  for (const e of events) {
    const k = `${e.pid}/${e.tid}`;
    if (threads.has(k)) threads.set(k, threads.get(k) + 1);
  }
  const main = [...threads].sort((a, b) => b[1] - a[1])[0]?.[0];
  const tasks = events.filter((e) => e.ph === "X" && `${e.pid}/${e.tid}` === main && e.tdur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  let cpu = 0, end = -1;
  for (const e of tasks) {
    if (e.ts < end) continue; // inside a task already counted
    cpu += e.tdur;
    end = e.ts + e.dur;
  }
  return cpu / 1000;
}

const cols = ["ttfb", "dcl", "load", "ready", "tti", "longN", "longMs", "script", "layout", "style", "task", "cpuRenderer", "cpuServer"];
const fmt = (m) => cols.map((c) => String(Math.round(m[c])).padStart(c.startsWith("cpu") ? 12 : 7)).join("");
try {
  const first = await measure(); // warm-up: the server's and the browser's first
  console.log(`page: ${Math.round(first.html / 1024)} KB of HTML, ${first.nodes} elements, ${first.marks} marked passages, ${first.items} findings listed`);
  console.log(`${"run".padEnd(8)}${cols.map((c) => c.padStart(c.startsWith("cpu") ? 12 : 7)).join("")}   (ms; longN: long tasks)`);
  const all = [];
  for (let i = 0; i < runs; i++) {
    const m = await measure();
    all.push(m);
    console.log(`${String(i + 1).padEnd(8)}${fmt(m)}`);
  }
  const median = {};
  for (const c of cols) {
    const v = all.map((m) => m[c]).sort((a, b) => a - b);
    median[c] = v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
  console.log(`${"median".padEnd(8)}${fmt(median)}`);
  console.log(`interactive (tti, median of ${runs}): ${Math.round(median.tti)} ms; target under 1000 ms: ${median.tti < 1000 ? "met" : "NOT met"}`);
  const traced = [];
  for (let i = 0; i < runs; i++) traced.push(await mainThreadCPU());
  traced.sort((a, b) => a - b);
  const mainCPU = traced.length % 2 ? traced[(traced.length - 1) / 2] : (traced[traced.length / 2 - 1] + traced[traced.length / 2]) / 2;
  console.log(`CPU (medians): the server ${Math.round(median.cpuServer)} ms, the renderer's main thread ${Math.round(mainCPU)} ms (traced: ${traced.map(Math.round).join(" ")}), the renderer's threads together ${Math.round(median.cpuRenderer)} ms`);
} finally {
  await browser.close();
}
