// Charts in the terminal (--chart): a sparkline per category over the periods (trend), a bar per
// category's share (structure), budget and actual bars per account (budget). Bars are drawn with
// Unicode blocks in eighths of a column; with `ascii`, only ASCII characters are used.
import { Decimal } from "../core/number.js";
import type { DocumentChart } from "./document.js";
import { cutText, groupThousands } from "./table.js";
import { displayWidth, terminalText } from "./terminal.js";

export interface ChartStyle {
  readonly ascii: boolean;
  readonly width: number;
  readonly color: boolean;
}

const SPARKS_UNICODE = "▁▂▃▄▅▆▇█";
const SPARKS_ASCII = "_.-:=+*#";
const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/** A bar of `value / max` of `width` columns, in eighths (Unicode) or whole columns (ASCII). */
export function bar(value: Decimal, max: Decimal, width: number, ascii: boolean, fill = ascii ? "#" : "█"): string {
  if (max.lte(0) || value.lte(0)) return "";
  const eighths = value.dividedBy(max).times(width * 8).round().toNumber();
  if (ascii) return fill.repeat(Math.round(eighths / 8));
  return fill.repeat(Math.floor(eighths / 8)) + (fill === "█" ? EIGHTHS[eighths % 8]! : "");
}

/** One character per value, from the lowest to the highest of the series. */
export function spark(values: readonly Decimal[], ascii: boolean): string {
  const blocks = ascii ? SPARKS_ASCII : SPARKS_UNICODE;
  if (values.length === 0) return "";
  const low = Decimal.min(...values);
  const range = Decimal.max(...values).minus(low);
  return values.map((n) => (range.isZero() ? blocks[n.isZero() ? 0 : 3] : blocks[n.minus(low).times(blocks.length - 1).dividedBy(range).round().toNumber()])).join("");
}

/** Labels cut to a common width (at most a third of the line), padded. */
function labelColumn(labels: readonly string[], width: number): string[] {
  const shown = labels.map((label) => terminalText(label));
  const column = Math.min(Math.max(8, ...shown.map(displayWidth)), Math.max(8, Math.floor(width / 3)));
  return shown.map((label) => {
    const cut = cutText(label, column, "start");
    return cut + " ".repeat(Math.max(0, column - displayWidth(cut)));
  });
}

const money = (value: string) => groupThousands(new Decimal(value).toFixed(2, Decimal.ROUND_HALF_UP));

export function renderTerminalChart(chart: DocumentChart, style: ChartStyle): string {
  const lines: string[] = [];
  switch (chart.kind) {
    case "lines": {
      const labels = labelColumn(chart.series.map((series) => series.label), style.width);
      const lastWidth = Math.max(0, ...chart.series.map((series) => displayWidth(money(series.values[series.values.length - 1] ?? "0"))));
      chart.series.forEach((series, index) => {
        const values = series.values.map((value) => new Decimal(value));
        const last = series.values[series.values.length - 1] ?? "0";
        lines.push(`${labels[index]}  ${spark(values, style.ascii)}  ${money(last).padStart(lastWidth)}`);
      });
      const first = chart.periods[0] ?? "";
      const latest = chart.periods[chart.periods.length - 1] ?? "";
      lines.unshift(`${" ".repeat(displayWidth(labels[0] ?? ""))}  ${first}..${latest}`);
      break;
    }
    case "shares": {
      const labels = labelColumn(chart.items.map((item) => item.label), style.width);
      const values = chart.items.map((item) => new Decimal(item.value));
      const max = values.length === 0 ? new Decimal(0) : Decimal.max(...values);
      const amounts = chart.items.map((item) => money(item.value));
      const shares = chart.items.map((item) => `${item.share}%`);
      const amountWidth = Math.max(0, ...amounts.map(displayWidth));
      const shareWidth = Math.max(0, ...shares.map(displayWidth));
      const figures = chart.items.map((_, index) => `${amounts[index]!.padStart(amountWidth)}  ${shares[index]!.padStart(shareWidth)}`);
      const room = Math.max(10, style.width - displayWidth(labels[0] ?? "") - Math.max(0, ...figures.map(displayWidth)) - 4);
      chart.items.forEach((_, index) => {
        const drawn = bar(values[index]!, max, room, style.ascii);
        lines.push(`${labels[index]}  ${drawn}${" ".repeat(Math.max(0, room - displayWidth(drawn)))}  ${figures[index]}`);
      });
      break;
    }
    case "budget": {
      const labels = labelColumn(chart.items.map((item) => item.label), style.width);
      const numbers = chart.items.flatMap((item) => [new Decimal(item.budget), new Decimal(item.actual)]);
      const max = numbers.length === 0 ? new Decimal(0) : Decimal.max(...numbers);
      const figures = chart.items.map((item) => [money(item.budget), money(item.actual)]);
      const figureWidth = Math.max(0, ...figures.flat().map(displayWidth));
      const names = [terminalText(chart.budgetName), terminalText(chart.actualName)];
      const nameWidth = Math.max(...names.map(displayWidth));
      const named = names.map((name) => name + " ".repeat(nameWidth - displayWidth(name)));
      const room = Math.max(10, style.width - displayWidth(labels[0] ?? "") - figureWidth - nameWidth - 7);
      const budgetFill = style.ascii ? "-" : "░";
      const blank = " ".repeat(displayWidth(labels[0] ?? ""));
      chart.items.forEach((item, index) => {
        const budget = bar(new Decimal(item.budget), max, room, style.ascii, budgetFill);
        const actual = bar(new Decimal(item.actual), max, room, style.ascii);
        const pad = (text: string) => text + " ".repeat(Math.max(0, room - displayWidth(text)));
        lines.push(`${labels[index]}  ${named[0]} ${pad(budget)}  ${figures[index]![0]!.padStart(figureWidth)}`);
        lines.push(`${blank}  ${named[1]} ${pad(actual)}  ${figures[index]![1]!.padStart(figureWidth)}`);
      });
      break;
    }
  }
  return lines.map((line) => line.trimEnd()).join("\n") + "\n";
}
