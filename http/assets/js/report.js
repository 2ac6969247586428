// The report page: move between the findings (J/K, the buttons, a click
// on a marked passage or on a finding), filter them by category, sort
// the tables. Everything works without it but the moving and sorting.
"use strict";

(() => {
  const text = document.getElementById("text");
  const list = document.querySelector(".finding-list");
  document.body.classList.add("js");

  // --- Findings -------------------------------------------------------
  const items = list ? [...list.querySelectorAll("li.finding")] : [];
  const panel = list?.closest(".findings");
  const position = document.getElementById("finding-position");
  let current = -1; // index in items
  const hidden = new Set(); // categories filtered out

  const marksOf = (f) => text ? [...text.querySelectorAll(`mark.f[data-f~="${f}"]`)] : [];
  const visible = (i) => !items[i].hidden;

  function select(i, { focusList = false } = {}) {
    if (i < 0 || i >= items.length) return;
    for (const m of text.querySelectorAll("mark.current")) m.classList.remove("current");
    if (current >= 0) items[current].classList.remove("current");
    current = i;
    const item = items[i];
    const f = item.dataset.f;
    item.classList.add("current");
    const marks = marksOf(f);
    for (const m of marks) m.classList.add("current");
    if (marks.length) {
      marks[0].scrollIntoView({ block: "center", behavior: "instant" });
    }
    // The list scrolls to the finding only when it is beside the text
    // (sticky): under it (a phone's width), that would take the page
    // away from the place just shown.
    if (panel && getComputedStyle(panel).position === "sticky") {
      item.scrollIntoView({ block: "nearest", behavior: "instant" });
    }
    const shown = items.filter((_, k) => visible(k));
    if (position) position.textContent = `第 ${shown.indexOf(item) + 1} / ${shown.length} 个`;
    if (focusList) item.querySelector("button.goto")?.focus({ preventScroll: true });
  }

  function step(dir) {
    if (!items.length) return;
    let i = current;
    for (let n = 0; n < items.length; n++) {
      i = (i + dir + items.length) % items.length;
      if (i === current && current >= 0) break;
      if (visible(i)) {
        select(i, { focusList: true });
        return;
      }
    }
  }

  document.getElementById("next-finding")?.addEventListener("click", () => step(1));
  document.getElementById("prev-finding")?.addEventListener("click", () => step(-1));

  list?.addEventListener("click", (e) => {
    const b = e.target.closest("button.goto");
    if (!b) return;
    select(items.findIndex((it) => it.dataset.f === b.dataset.f), { focusList: true });
  });

  text?.addEventListener("click", (e) => {
    const m = e.target.closest("mark.f");
    if (!m) return;
    const f = m.dataset.f.split(" ")[0];
    select(items.findIndex((it) => it.dataset.f === f));
  });

  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target;
    if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement || t.isContentEditable) return;
    if (e.key === "j" || e.key === "J") {
      e.preventDefault();
      step(1);
    } else if (e.key === "k" || e.key === "K") {
      e.preventDefault();
      step(-1);
    }
  });

  // A change made at a finding (?at=, its offset) comes back here: move
  // to the finding now at or after that place, the next one to look at.
  const at = Number(new URLSearchParams(location.search).get("at") ?? NaN);
  if (Number.isInteger(at) && at >= 0 && items.length) {
    const i = items.findIndex((it) => Number(it.dataset.at) >= at);
    select(i >= 0 ? i : items.length - 1, { focusList: true });
  }

  // --- Category filter ------------------------------------------------
  for (const box of document.querySelectorAll("input.cat-filter")) {
    box.addEventListener("change", () => {
      if (box.checked) hidden.delete(box.value);
      else hidden.add(box.value);
      for (const it of items) it.hidden = hidden.has(it.dataset.cat);
      if (text) {
        for (const m of text.querySelectorAll("mark.f")) m.classList.toggle("off", hidden.has(m.dataset.cat));
      }
      if (current >= 0 && !visible(current)) {
        items[current].classList.remove("current");
        current = -1;
      }
      const shown = items.filter((_, k) => visible(k)).length;
      if (position) position.textContent = `显示 ${shown} / ${items.length} 个`;
    });
  }

  // --- Long tables ----------------------------------------------------
  // A table too long for the page (report_table.go) is loaded when it
  // comes near the view; its link stays if that fails.
  const lazy = document.querySelectorAll(".lazy-table[data-src]");
  if (lazy.length && "IntersectionObserver" in window) {
    const seen = new IntersectionObserver((entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        const div = e.target;
        seen.unobserve(div);
        zongjie.fetch(div.dataset.src, { headers: { "HX-Request": "true" } })
          .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${r.status}`))))
          .then((html) => div.replaceWith(document.createRange().createContextualFragment(html)))
          .catch(() => div.insertAdjacentText("beforeend", "（载入失败，请点击上面的链接查看）"));
      }
    }, { rootMargin: "400px" });
    for (const div of lazy) seen.observe(div);
  }

  // --- Sortable tables ------------------------------------------------
  // One listener for every table, those loaded later too.
  document.addEventListener("click", (e) => {
    const b = e.target.closest("table.sortable thead button");
    if (!b) return;
    const th = b.closest("th");
    const table = th.closest("table");
    const heads = [...th.parentElement.cells];
    const col = heads.indexOf(th);
    const asc = th.getAttribute("aria-sort") !== "ascending";
    for (const h of heads) h.removeAttribute("aria-sort");
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
    const num = th.dataset.type === "num";
    const key = (tr) => {
      const td = tr.cells[col];
      const v = td.dataset.sort ?? td.textContent.trim();
      return num ? (v === "" ? Number.NEGATIVE_INFINITY : Number(v)) : v;
    };
    const body = table.tBodies[0];
    const rows = [...body.rows];
    rows.sort((a, b) => {
      const x = key(a), y = key(b);
      const c = num ? x - y : String(x).localeCompare(String(y), "zh-CN");
      return asc ? c : -c;
    });
    body.append(...rows);
  });

  // The findings are wired: bench/page measures the time until here.
  performance.mark("zongjie:report-ready");
})();
