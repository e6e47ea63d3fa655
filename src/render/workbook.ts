// Excel workbooks (.xlsx) written with exceljs: numbers as numbers (a two-decimal number format
// over the exact value), dates as dates, a bold frozen header, columns as wide as their text,
// total rows in bold above a thin rule, one worksheet per section.
// exceljs writes only asynchronously and the CLI's main() is synchronous: the workbook is built in
// a worker thread while this thread waits on an Atomics signal, then the bytes are taken from the
// worker's message port synchronously (receiveMessageOnPort). docs/OUTPUT-FORMATS.md says more.
import { createRequire } from "node:module";
import { displayWidth } from "./terminal.js";
import type { DocumentColumn, DocumentKind, DocumentRow, DocumentSection } from "./document.js";

export type WorkbookKind = DocumentKind;
export type WorkbookColumn = DocumentColumn;
export type WorkbookRow = DocumentRow;
export type WorkbookSection = DocumentSection;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
/** Longest wait for the worker (a workbook of a million cells takes some seconds). */
const TIMEOUT_MS = 300_000;

/** A worksheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the book. */
export function sheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = (name.replace(/[[\]:*?/\\]/g, "-").trim() || "Sheet").slice(0, 31);
    let candidate = base;
    for (let n = 2; used.has(candidate.toLowerCase()); n += 1) candidate = `${base.slice(0, 31 - String(n).length - 1)}~${n}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

/** A column of text cells that all hold a day (in its data rows: a total row may hold a label) is a date column. */
export function columnKinds(columns: readonly WorkbookColumn[], rows: readonly WorkbookRow[]): WorkbookKind[] {
  return columns.map((column, index) => {
    if (column.kind !== "text") return column.kind;
    let any = false;
    for (const row of rows) {
      const cell = row.cells[index] ?? "";
      if (cell === "" || row.total === true) continue;
      if (!DATE.test(cell)) return "text";
      any = true;
    }
    return any ? "date" : "text";
  });
}

/** Column widths in characters: the widest of header and cells (CJK counted twice), within 8..60. */
function columnWidths(section: WorkbookSection, kinds: readonly WorkbookKind[]): number[] {
  return section.columns.map((column, index) => {
    let widest = displayWidth(column.header);
    for (const row of section.rows) {
      const cell = row.cells[index] ?? "";
      // Numbers are shown grouped, with two decimals.
      const width = kinds[index] === "amount" && NUMBER.test(cell) ? displayWidth(Number(cell).toFixed(2)) * 4 / 3 : displayWidth(cell);
      if (width > widest) widest = width;
    }
    return Math.min(60, Math.max(8, Math.ceil(widest) + 2));
  });
}

/** What the worker receives: plain data (no functions), so it can be cloned into the worker. */
interface WorkbookJob {
  readonly sections: readonly (WorkbookSection & { readonly kinds: readonly WorkbookKind[]; readonly widths: readonly number[] })[];
}

// The worker, as CommonJS source: it loads exceljs from the path this module resolved.
const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
const { signal, port, exceljs, job } = workerData;
const finish = (message) => { port.postMessage(message); Atomics.store(signal, 0, 1); Atomics.notify(signal, 0); };
(async () => {
  const ExcelJS = require(exceljs);
  const book = new ExcelJS.Workbook();
  book.creator = "feeledger";
  book.created = new Date(0);
  book.modified = new Date(0);
  for (const section of job.sections) {
    const sheet = book.addWorksheet(section.name, { views: [{ state: "frozen", ySplit: 2 }] });
    sheet.columns = section.widths.map((width) => ({ width }));
    const title = sheet.addRow([section.title]);
    title.font = { bold: true, size: 12 };
    const head = sheet.addRow(section.columns.map((column) => column.header));
    head.font = { bold: true };
    head.eachCell((cell) => { cell.border = { bottom: { style: "thin" } }; });
    section.columns.forEach((column, index) => {
      if (section.kinds[index] !== "text" && section.kinds[index] !== "date") head.getCell(index + 1).alignment = { horizontal: "right" };
    });
    let ruled = false;
    for (const row of section.rows) {
      const values = row.cells.map((text, index) => {
        if (text === "") return null;
        const kind = section.kinds[index];
        if (kind === "date" && /^\\d{4}-\\d{2}-\\d{2}$/.test(text)) return new Date(text + "T00:00:00Z");
        if ((kind === "amount" || kind === "percent" || kind === "count") && /^-?\\d+(\\.\\d+)?$/.test(text)) return Number(text);
        return text;
      });
      const added = sheet.addRow(values);
      section.kinds.forEach((kind, index) => {
        const cell = added.getCell(index + 1);
        if (kind === "amount") cell.numFmt = "#,##0.00;-#,##0.00";
        else if (kind === "percent") cell.numFmt = '0.00"%"';
        else if (kind === "count") cell.numFmt = "0";
        else if (kind === "date") cell.numFmt = "yyyy-mm-dd";
      });
      if (row.total) {
        added.font = { bold: true };
        if (!ruled) {
          for (let index = 1; index <= section.columns.length; index += 1) added.getCell(index).border = { top: { style: "thin" } };
          ruled = true;
        }
      }
    }
  }
  const buffer = await book.xlsx.writeBuffer();
  finish({ bytes: new Uint8Array(buffer) });
})().catch((error) => finish({ error: String(error && error.stack || error) }));
`;

/** The .xlsx bytes of a workbook of these sections (synchronously: see the header comment). */
export function renderWorkbook(sections: readonly WorkbookSection[]): Buffer {
  const require = createRequire(import.meta.url);
  const threads = require("node:worker_threads") as typeof import("node:worker_threads");
  const names = sheetNames(sections.map((section) => section.name));
  const job: WorkbookJob = {
    sections: sections.map((section, index) => {
      const kinds = columnKinds(section.columns, section.rows);
      return { ...section, name: names[index]!, kinds, widths: columnWidths(section, kinds) };
    }),
  };
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new threads.MessageChannel();
  const worker = new threads.Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { signal, port: port2, exceljs: require.resolve("exceljs"), job },
    transferList: [port2],
  });
  try {
    const outcome = Atomics.wait(signal, 0, 0, TIMEOUT_MS);
    const received = threads.receiveMessageOnPort(port1)?.message as { bytes?: Uint8Array; error?: string } | undefined;
    if (outcome === "timed-out" || received === undefined) throw new Error("the workbook was not written in time");
    if (received.error !== undefined) throw new Error(`exceljs could not write the workbook: ${received.error}`);
    return Buffer.from(received.bytes!);
  } finally {
    port1.close();
    void worker.terminate();
  }
}
