// The series page: each indicator drawn by ECharts, a line over a unit's
// periods or bars over one period's units. The data comes in the
// data-chart attribute of each chart's element (the CSP allows no inline
// script). ECharts' tooltips are HTML, so every string put in one is
// escaped; the table beside each chart holds the same figures as text.
"use strict";

(() => {
  if (!window.echarts) return;
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  const charts = [];
  for (const el of document.querySelectorAll(".series-chart[data-chart]")) {
    let d;
    try {
      d = JSON.parse(el.dataset.chart);
    } catch {
      continue;
    }
    const line = d.kind === "line";
    const chart = echarts.init(el, null, { renderer: "canvas" });
    chart.setOption({
      animation: false,
      color: ["#1f3a5f"],
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      tooltip: {
        trigger: "axis",
        formatter: (ps) => ps.map((p) => `${esc(p.name)}：${esc(d.figures[p.dataIndex])}`).join("<br>"),
      },
      xAxis: {
        type: "category",
        data: d.labels,
        axisLabel: { interval: 0, rotate: d.labels.length > 5 ? 30 : 0 },
      },
      yAxis: { type: "value", name: d.unit, scale: line, nameTextStyle: { align: "left" } },
      series: [{
        type: d.kind,
        name: d.name,
        data: d.values,
        barMaxWidth: 36,
        symbolSize: 7,
        label: { show: true, position: "top" },
      }],
    });
    charts.push(chart);
  }
  window.addEventListener("resize", () => charts.forEach((c) => c.resize()));
})();
