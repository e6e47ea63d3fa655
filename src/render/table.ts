// Terminal tables: thousands separators, right-aligned numbers, negatives in red.
import Table from "cli-table3";
import { Chalk } from "chalk";

export interface Column {
  readonly header: string;
  readonly align?: "left" | "right";
}

/** Group the integer part of a plain decimal string in threes. */
export function groupThousands(plain: string): string {
  const negative = plain.startsWith("-");
  const body = negative ? plain.slice(1) : plain;
  const dot = body.indexOf(".");
  const integer = dot < 0 ? body : body.slice(0, dot);
  const fraction = dot < 0 ? "" : body.slice(dot);
  return (negative ? "-" : "") + integer.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + fraction;
}

export interface TableStyle { readonly color: boolean }

/**
 * Render rows of cells. Cells that are plain numbers get grouped and right-aligned; negative ones
 * are red when colour is on. `footer` rows are separated from the body by a rule.
 */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[], style: TableStyle, footer: readonly (readonly string[])[] = []): string {
  const paint = new Chalk({ level: style.color ? 1 : 0 });
  const table = new Table({
    head: columns.map((c) => (style.color ? paint.bold(c.header) : c.header)),
    style: { head: [], border: [], compact: true },
    colAligns: columns.map((c) => c.align ?? "left"),
    chars: {
      top: "", "top-mid": "", "top-left": "", "top-right": "", bottom: "", "bottom-mid": "", "bottom-left": "",
      "bottom-right": "", left: "", "left-mid": "", mid: "─", "mid-mid": "─", right: "", "right-mid": "", middle: "  ",
    },
  });
  const format = (cells: readonly string[]) => cells.map((cell, index) => {
    if (columns[index]?.align !== "right" || !/^-?\d+(\.\d+)?$/.test(cell)) return cell;
    const grouped = groupThousands(cell);
    return cell.startsWith("-") ? paint.red(grouped) : grouped;
  });
  for (const row of rows) table.push(format(row));
  if (footer.length > 0) {
    const width = columns.length;
    table.push(Array.from({ length: width }, () => ""));
    for (const row of footer) table.push(format(row));
  }
  return table.toString();
}
