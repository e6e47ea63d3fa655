// What the xlsx and html renderers take: a titled document of sections (one worksheet, or one
// table on the page, each), rows of plain text cells, and for some reports a chart drawn from
// those same cells (so a chart's values are the table's).

/** How a column's cells are written: text, an amount (two decimals shown, exact value kept), a percent, a count, a day. */
export type DocumentKind = "text" | "amount" | "percent" | "count" | "date";

export interface DocumentColumn {
  readonly header: string;
  readonly kind: DocumentKind;
}

export interface DocumentRow {
  /** Plain text per column: amounts and percents as plain decimals, dates as YYYY-MM-DD, "" for empty. */
  readonly cells: readonly string[];
  readonly total?: boolean;
  /** Stands out (over budget). */
  readonly alert?: boolean;
}

export interface DocumentSection {
  readonly name: string;
  readonly title: string;
  readonly columns: readonly DocumentColumn[];
  readonly rows: readonly DocumentRow[];
}

/** A chart's data, taken from the data rows' cells (plain decimals). */
export type DocumentChart =
  /** Per category, its amount in each period (trend). */
  | { readonly kind: "lines"; readonly periods: readonly string[]; readonly series: readonly { readonly label: string; readonly values: readonly string[] }[] }
  /** Each category's amount and share of the whole (structure). */
  | { readonly kind: "shares"; readonly items: readonly { readonly label: string; readonly value: string; readonly share: string }[] }
  /** Budget against actual per account and period (budget). */
  | {
    readonly kind: "budget"; readonly budgetName: string; readonly actualName: string;
    readonly items: readonly { readonly label: string; readonly budget: string; readonly actual: string }[];
  };

export interface OutputDocument {
  readonly title: string;
  /** The caption's pieces (scope, period). */
  readonly caption: readonly string[];
  readonly sections: readonly DocumentSection[];
  readonly chart?: DocumentChart;
}
