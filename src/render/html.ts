// A report as one self-contained web page: inline CSS and SVG, no script and nothing fetched from
// the network, printable on A4 landscape. Amounts show two decimals, grouped; each number cell
// and each mark of the chart carries its exact value in data-value, so a check (test/render,
// scripts/check-html.mjs) can compare the chart with the table.
import { Decimal } from "../core/number.js";
import type { Lang } from "../reports/sheet.js";
import type { DocumentChart, DocumentKind, DocumentSection, OutputDocument } from "./document.js";
import { groupThousands } from "./table.js";

export type { OutputDocument } from "./document.js";

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

const STYLE = `
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif; color: #222; margin: 24px; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 15px; margin: 20px 0 6px; }
p.caption { color: #555; margin: 0 0 16px; }
figure { margin: 0 0 16px; }
figure svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; font-size: 12px; }
th, td { padding: 3px 8px; border-bottom: 1px solid #e3e3e3; white-space: nowrap; }
th { text-align: left; border-bottom: 2px solid #555; }
th.number, td.number { text-align: right; font-variant-numeric: tabular-nums; }
td.negative { color: #c0392b; }
tr.total td { font-weight: bold; border-top: 1px solid #555; }
tr.alert td { background: #fdecea; }
@media print { body { margin: 0; } table { page-break-inside: auto; } tr { page-break-inside: avoid; } }
`;

/** A cell as shown: amounts with two decimals and grouped, percents with %. */
function shownCell(text: string, kind: DocumentKind): string {
  if (text === "" || !NUMBER.test(text)) return text;
  if (kind === "amount") return groupThousands(new Decimal(text).toFixed(2, Decimal.ROUND_HALF_UP));
  if (kind === "percent") return `${text}%`;
  return text;
}

function tableHtml(section: DocumentSection): string {
  const numeric = (kind: DocumentKind) => kind === "amount" || kind === "percent" || kind === "count";
  const head = section.columns.map((column) => `<th${numeric(column.kind) ? ' class="number"' : ""}>${escapeHtml(column.header)}</th>`).join("");
  const row = (cells: readonly string[], classes: string[]) => {
    const tds = cells.map((text, index) => {
      const kind = section.columns[index]!.kind;
      if (!numeric(kind) || !NUMBER.test(text)) return `<td>${escapeHtml(text)}</td>`;
      const cls = ["number", ...(text.startsWith("-") ? ["negative"] : [])].join(" ");
      return `<td class="${cls}" data-value="${escapeHtml(text)}">${escapeHtml(shownCell(text, kind))}</td>`;
    }).join("");
    return `<tr${classes.length > 0 ? ` class="${classes.join(" ")}"` : ""}>${tds}</tr>`;
  };
  const body = section.rows.filter((r) => r.total !== true).map((r) => row(r.cells, r.alert === true ? ["alert"] : [])).join("\n");
  const foot = section.rows.filter((r) => r.total === true).map((r) => row(r.cells, ["total"])).join("\n");
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>${foot === "" ? "" : `\n<tfoot>\n${foot}\n</tfoot>`}\n</table>`;
}

const num = (value: string) => Number(value);
const fixed = (value: number) => (Math.round(value * 10) / 10).toString();

function svg(width: number, height: number, body: string, label: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(label)}" font-size="12">\n${body}\n</svg>`;
}

/** Lines per category over the periods, with a dot (holding the value) at each period. */
function linesSvg(chart: Extract<DocumentChart, { kind: "lines" }>, title: string): string {
  const width = 960;
  const left = 80;
  const right = 220;
  const top = 20;
  const plotHeight = 260;
  const values = chart.series.flatMap((series) => series.values.map(num));
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const y = (value: number) => top + plotHeight - ((value - min) / span) * plotHeight;
  const step = chart.periods.length > 1 ? (width - left - right) / (chart.periods.length - 1) : 0;
  const x = (index: number) => left + index * step;
  const parts: string[] = [];
  for (let n = 0; n <= 4; n += 1) {
    const value = min + (span * n) / 4;
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${fixed(y(value))}" y2="${fixed(y(value))}" stroke="#ddd"/>`);
    parts.push(`<text x="${left - 6}" y="${fixed(y(value) + 4)}" text-anchor="end" fill="#555">${escapeHtml(groupThousands(value.toFixed(0)))}</text>`);
  }
  chart.periods.forEach((period, index) => {
    parts.push(`<text x="${fixed(x(index))}" y="${top + plotHeight + 18}" text-anchor="middle" fill="#555">${escapeHtml(period)}</text>`);
  });
  chart.series.forEach((series, seriesIndex) => {
    const color = PALETTE[seriesIndex % PALETTE.length]!;
    const points = series.values.map((value, index) => `${fixed(x(index))},${fixed(y(num(value)))}`).join(" ");
    parts.push(`<g class="series" data-label="${escapeHtml(series.label)}">`);
    parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${points}"/>`);
    series.values.forEach((value, index) => {
      parts.push(`<circle class="mark" cx="${fixed(x(index))}" cy="${fixed(y(num(value)))}" r="3" fill="${color}" data-label="${escapeHtml(series.label)}" data-period="${escapeHtml(chart.periods[index]!)}" data-value="${escapeHtml(value)}"><title>${escapeHtml(`${series.label} ${chart.periods[index]}: ${value}`)}</title></circle>`);
    });
    parts.push("</g>");
    const legendY = top + 14 + seriesIndex * 18;
    parts.push(`<rect x="${width - right + 16}" y="${legendY - 10}" width="12" height="12" fill="${color}"/><text x="${width - right + 34}" y="${legendY}">${escapeHtml(series.label)}</text>`);
  });
  const height = Math.max(top + plotHeight + 30, top + 20 + chart.series.length * 18);
  return svg(width, height, parts.join("\n"), title);
}

/** Horizontal bars, one per item (its value), or two (budget and actual). */
function barsSvg(items: readonly { label: string; values: readonly { name: string; value: string; color: string }[]; note?: string }[], title: string): string {
  const width = 960;
  const left = 260;
  const right = 180;
  const barHeight = 16;
  const rowHeight = items[0] === undefined ? 24 : items[0].values.length * (barHeight + 2) + 10;
  const max = Math.max(0, ...items.flatMap((item) => item.values.map((v) => Math.abs(num(v.value)))));
  const scale = max === 0 ? 0 : (width - left - right) / max;
  const parts: string[] = [];
  items.forEach((item, index) => {
    const rowTop = 10 + index * rowHeight;
    parts.push(`<text x="${left - 8}" y="${rowTop + barHeight - 3}" text-anchor="end">${escapeHtml(item.label)}</text>`);
    item.values.forEach((value, n) => {
      const barTop = rowTop + n * (barHeight + 2);
      const length = Math.abs(num(value.value)) * scale;
      parts.push(`<rect class="mark" x="${left}" y="${barTop}" width="${fixed(length)}" height="${barHeight}" fill="${value.color}" data-label="${escapeHtml(item.label)}" data-series="${escapeHtml(value.name)}" data-value="${escapeHtml(value.value)}"><title>${escapeHtml(`${item.label} ${value.name}: ${value.value}`)}</title></rect>`);
      const text = groupThousands(new Decimal(value.value).toFixed(2, Decimal.ROUND_HALF_UP)) + (n === 0 && item.note !== undefined ? `  ${item.note}` : "");
      parts.push(`<text x="${fixed(left + length + 6)}" y="${barTop + barHeight - 3}" fill="#333">${escapeHtml(text)}</text>`);
    });
  });
  return svg(width, 20 + items.length * rowHeight, parts.join("\n"), title);
}

export function chartSvg(chart: DocumentChart, title: string): string {
  switch (chart.kind) {
    case "lines": return linesSvg(chart, title);
    case "shares": return barsSvg(chart.items.map((item, index) => ({
      label: item.label, note: item.share === "0" ? undefined : `${item.share}%`,
      values: [{ name: "value", value: item.value, color: PALETTE[index % PALETTE.length]! }],
    })), title);
    case "budget": return barsSvg(chart.items.map((item) => ({
      label: item.label,
      values: [
        { name: chart.budgetName, value: item.budget, color: "#c7d3e3" },
        { name: chart.actualName, value: item.actual, color: num(item.actual) > num(item.budget) ? "#e15759" : "#4e79a7" },
      ],
    })), title);
  }
}

export function renderHtml(document: OutputDocument, lang: Lang): string {
  const sections = document.sections.map((section) => {
    const heading = document.sections.length > 1 ? `<h2>${escapeHtml(section.name)}</h2>\n` : "";
    return `<section>\n${heading}${tableHtml(section)}\n</section>`;
  }).join("\n");
  const chart = document.chart === undefined ? "" : `<figure class="chart" data-kind="${document.chart.kind}">\n${chartSvg(document.chart, document.title)}\n</figure>\n`;
  return `<!DOCTYPE html>
<html lang="${lang === "zh" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="generator" content="feeledger">
<title>${escapeHtml(document.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(document.title)}</h1>
<p class="caption">${escapeHtml(document.caption.join("  ·  "))}</p>
${chart}${sections}
</body>
</html>
`;
}
