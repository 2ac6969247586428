// The families page: the families drawn as an ECharts graph. The data
// comes in the data-graph attribute (the CSP allows no inline script).
// Each family is drawn on a circle of its own. ECharts draws labels as
// text on a canvas; its tooltips are HTML, so
// every string put in one is escaped.
"use strict";

(() => {
  const el = document.getElementById("family-graph");
  if (!el || !window.echarts) return;
  const data = JSON.parse(el.dataset.graph || "{}");
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  const pct = (x) => `${Math.round(x * 100)}%`;
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  // Each family on a circle of its own, the families in rows, so that
  // no two overlap (a force layout pulls them all to the middle).
  const members = data.categories.map(() => []);
  for (const n of data.nodes) members[n.category].push(n);
  const cols = Math.max(1, Math.ceil(Math.sqrt(members.length * 2)));
  let x0 = 0, y0 = 0, rowHeight = 0;
  members.forEach((ms, i) => {
    const r = ms.length <= 2 ? 45 : 30 + 14 * ms.length;
    if (i % cols === 0 && i > 0) { x0 = 0; y0 += rowHeight + 120; rowHeight = 0; }
    const cx = x0 + r, cy = y0 + r;
    ms.forEach((n, k) => {
      const a = (2 * Math.PI * k) / ms.length - Math.PI / 2;
      n.x = cx + r * Math.cos(a);
      n.y = cy + r * Math.sin(a);
    });
    x0 += 2 * r + 160;
    rowHeight = Math.max(rowHeight, 2 * r);
  });
  const chart = echarts.init(el, null, { renderer: "canvas" });
  chart.setOption({
    animation: false,
    tooltip: {
      formatter: (p) => {
        if (p.dataType === "edge") {
          const a = byId.get(p.data.source), b = byId.get(p.data.target);
          return `#${esc(a.id)} ${esc(a.name)} — #${esc(b.id)} ${esc(b.name)}<br>重复约 ${pct(p.data.share)}`;
        }
        const n = p.data;
        return `#${esc(n.id)} ${esc(n.title || "（无标题）")}<br>${esc(n.name)} · ${esc(n.period || "时段未识别")} · ${esc(n.chars)} 字`;
      },
    },
    legend: [{ data: data.categories.map((c) => c.name), type: "scroll", bottom: 0 }],
    series: [{
      type: "graph",
      layout: "none",
      roam: true,
      categories: data.categories,
      data: data.nodes.map((n) => ({ ...n, symbolSize: 14 + Math.min(16, Math.sqrt(n.chars) / 8) })),
      links: data.links.map((l) => ({ ...l, value: l.share, lineStyle: { width: 1 + 6 * l.share, opacity: 0.35 + 0.5 * l.share } })),
      label: { show: true, position: "right", formatter: (p) => p.data.name },
      emphasis: { focus: "adjacency" },
    }],
  });
  chart.on("click", (p) => {
    if (p.dataType === "node") window.location.href = `/reports/${encodeURIComponent(p.data.id)}`;
  });
  window.addEventListener("resize", () => chart.resize());
})();
