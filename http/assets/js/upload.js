// The upload page: files chosen, dropped (folders too) or pasted are sent
// one per request, two at a time, each with its own row and progress, and
// replaced by the server's result rows as soon as each is checked. A file
// that fails fails alone; the others go on. Without this script the forms
// post as they are and the page comes back with the results.
"use strict";

(() => {
  const form = document.getElementById("upload-form");
  const paste = document.getElementById("paste-form");
  const results = document.getElementById("results");
  const summary = document.getElementById("upload-summary");
  if (!form || !results) return;
  document.body.classList.add("js");

  const maxSize = Number(form.dataset.maxSize) || 32 << 20;
  // What the reader reads, and what it refuses with a message saying how
  // to convert it; anything else in a folder is left out.
  const wanted = /\.(docx|txt|md|markdown|doc|wps|pdf)$/i;
  const parallel = 2;

  const queue = [];
  let active = 0;
  const counts = { files: 0, done: 0, failed: 0, skipped: 0, new: 0, version: 0, stored: 0 };

  function say() {
    const parts = [`已完成 ${counts.done} / ${counts.files} 个文件`];
    if (counts.new) parts.push(`新报告 ${counts.new} 篇`);
    if (counts.version) parts.push(`新版本 ${counts.version} 篇`);
    if (counts.stored) parts.push(`已有 ${counts.stored} 篇`);
    if (counts.failed) parts.push(`无法读取 ${counts.failed} 个`);
    if (counts.skipped) parts.push(`跳过 ${counts.skipped} 个不是报告的文件`);
    summary.textContent = parts.join("，") + "。";
  }

  // row adds a pending row for a file and returns it.
  function row(name) {
    const tr = document.createElement("tr");
    tr.className = "result pending";
    const file = document.createElement("td");
    file.className = "file";
    file.textContent = name;
    const status = document.createElement("td");
    status.className = "status";
    const bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute("aria-label", `${name} 上传进度`);
    const label = document.createElement("span");
    label.className = "muted";
    label.textContent = "等待中";
    status.append(bar, " ", label);
    const rest = document.createElement("td");
    rest.colSpan = 4;
    tr.append(file, status, rest);
    const body = document.createElement("tbody");
    body.className = "result-rows";
    body.append(tr);
    results.append(body);
    return { body, bar, label, rest };
  }

  // enqueue adds files (File objects, each with the name to send).
  function enqueue(items) {
    for (const { file, name } of items) {
      if (!wanted.test(name)) {
        counts.skipped++;
        continue;
      }
      counts.files++;
      queue.push({ file, name, ui: row(name) });
    }
    say();
    pump();
  }

  function pump() {
    while (active < parallel && queue.length) {
      active++;
      send(queue.shift()).finally(() => {
        active--;
        counts.done++;
        say();
        pump();
      });
    }
  }

  // show replaces a pending row with the server's rows (or error).
  function show(ui, html) {
    const t = document.createElement("template");
    t.innerHTML = html.trim();
    const body = t.content.querySelector("tbody");
    if (body) {
      for (const tr of body.querySelectorAll("tr.result.ok")) {
        const status = tr.querySelector(".status")?.textContent || "";
        if (status.includes("新报告")) counts.new++;
        else if (status.includes("新版本")) counts.version++;
        else counts.stored++;
      }
      counts.failed += body.querySelectorAll("tr.result.failed").length;
      ui.body.replaceWith(body);
      return;
    }
    // An error of the request as a whole (the error fragment).
    counts.failed++;
    ui.bar.remove();
    ui.label.textContent = "失败";
    ui.label.className = "badge error";
    ui.rest.textContent = "";
    const msg = t.content.querySelector("[role=alert] p");
    ui.rest.textContent = msg ? msg.textContent : "上传失败。";
  }

  function send({ file, name, ui }) {
    return new Promise((resolve) => {
      const data = new FormData();
      // More than the reader takes is never needed to refuse a file.
      data.append("file", file.size > maxSize ? file.slice(0, maxSize + 1) : file, name);
      const xhr = new XMLHttpRequest();
      xhr.open("POST", "/upload");
      xhr.setRequestHeader("X-CSRF-Token", window.zongjie.csrfToken);
      xhr.setRequestHeader("HX-Request", "true");
      ui.label.textContent = "上传中";
      xhr.upload.addEventListener("progress", (e) => {
        if (e.lengthComputable) ui.bar.value = Math.round((e.loaded / e.total) * 100);
      });
      xhr.upload.addEventListener("load", () => {
        ui.bar.value = 100;
        ui.label.textContent = "校对中";
      });
      xhr.addEventListener("load", () => {
        show(ui, xhr.responseText);
        resolve();
      });
      xhr.addEventListener("error", () => {
        show(ui, "<div role=alert><p>上传失败：与服务器的连接中断。</p></div>");
        resolve();
      });
      xhr.send(data);
    });
  }

  // Files from an input: their path inside a chosen folder, or name.
  function fromInput(input) {
    enqueue([...input.files].map((f) => ({ file: f, name: f.webkitRelativePath || f.name })));
    input.value = "";
  }
  for (const id of ["files", "folder"]) {
    const input = document.getElementById(id);
    input?.addEventListener("change", () => fromInput(input));
  }
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    fromInput(document.getElementById("files"));
  });

  // Dropped files and folders: folders are walked.
  async function walk(entry, out) {
    if (entry.isFile) {
      const file = await new Promise((ok, fail) => entry.file(ok, fail));
      out.push({ file, name: entry.fullPath.replace(/^\//, "") });
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((ok, fail) => reader.readEntries(ok, fail));
        if (!batch.length) break;
        for (const e of batch) await walk(e, out);
      }
    }
  }
  for (const ev of ["dragenter", "dragover"]) {
    form.addEventListener(ev, (e) => {
      e.preventDefault();
      form.classList.add("over");
    });
  }
  form.addEventListener("dragleave", (e) => {
    if (!form.contains(e.relatedTarget)) form.classList.remove("over");
  });
  form.addEventListener("drop", async (e) => {
    e.preventDefault();
    form.classList.remove("over");
    const entries = [...(e.dataTransfer?.items || [])].map((i) => i.webkitGetAsEntry && i.webkitGetAsEntry()).filter(Boolean);
    if (!entries.length) {
      enqueue([...(e.dataTransfer?.files || [])].map((f) => ({ file: f, name: f.name })));
      return;
    }
    const out = [];
    for (const entry of entries) await walk(entry, out);
    enqueue(out);
  });

  // Pasted text goes the same way, as one request.
  paste?.addEventListener("submit", (e) => {
    e.preventDefault();
    const text = paste.querySelector("textarea").value;
    if (!text.trim()) return;
    const name = paste.querySelector("input[name=name]").value.trim() || "粘贴的文本";
    counts.files++;
    const ui = row(name);
    ui.label.textContent = "校对中";
    ui.bar.removeAttribute("value");
    say();
    const data = new FormData(paste);
    window.zongjie
      .fetch("/upload", { method: "POST", body: data, headers: { "HX-Request": "true" } })
      .then((r) => r.text())
      .then((html) => show(ui, html))
      .catch(() => show(ui, "<div role=alert><p>上传失败：与服务器的连接中断。</p></div>"))
      .finally(() => {
        counts.done++;
        say();
      });
    paste.reset();
  });
})();
