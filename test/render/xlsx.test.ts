// Every row-printing command writes a real workbook: read back with SheetJS (the writer is
// exceljs), numbers are numbers with a two-decimal format and their exact value, dates are dates,
// the header is bold and frozen, and the figures (the totals above all) are those of the CSV.
// LibreOffice, where installed, converts each workbook to CSV with the same figures.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { CHINESE_SAMPLE } from "../reports/samples.js";

const sheetJs = createRequire(import.meta.url)("@e965/xlsx") as typeof import("@e965/xlsx");
const directory = mkdtempSync(join(tmpdir(), "feeledger-xlsx-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Commands with a CSV of the same figures; `rows` says whether the CSV marks total rows. */
const COMMANDS: readonly { readonly name: string; readonly args: readonly string[]; readonly rows: boolean }[] = [
  { name: "bal", args: ["bal", CHINESE_SAMPLE], rows: false },
  { name: "reg", args: ["reg", CHINESE_SAMPLE, "-p", "2026-03"], rows: true },
  { name: "claims", args: ["claims", CHINESE_SAMPLE], rows: false },
  { name: "is", args: ["is", CHINESE_SAMPLE, "-p", "2026"], rows: true },
  { name: "bs", args: ["bs", CHINESE_SAMPLE], rows: true },
  { name: "structure", args: ["report", "structure", CHINESE_SAMPLE, "-p", "2026", "--by", "customer"], rows: true },
  { name: "trend", args: ["report", "trend", CHINESE_SAMPLE, "-p", "2026"], rows: true },
  { name: "budget", args: ["report", "budget", CHINESE_SAMPLE, "-p", "2026", "-Q"], rows: true },
  { name: "tax", args: ["report", "tax", CHINESE_SAMPLE, "-p", "2026"], rows: true },
  { name: "schedules", args: ["report", "schedules", CHINESE_SAMPLE], rows: false },
  { name: "payables", args: ["report", "payables", CHINESE_SAMPLE], rows: true },
  { name: "trial", args: ["report", "trial", CHINESE_SAMPLE, "-p", "2026"], rows: true },
  { name: "ledger", args: ["report", "ledger", CHINESE_SAMPLE, "6602", "-p", "2026-03"], rows: true },
  { name: "vouchers", args: ["report", "vouchers", CHINESE_SAMPLE, "-p", "2026-03"], rows: true },
];

/** Amounts and percents: numbers with decimals (counts, years and account codes are left out). */
const AMOUNT = /^-?\d+\.\d+$/;

function csvRecords(text: string): string[][] {
  const parse = createRequire(import.meta.url)("csv-parse/sync").parse as (input: string) => string[][];
  return parse(text);
}

/** The numbers of CSV records (as numbers), sorted. */
function numbersOf(records: readonly (readonly string[])[]): number[] {
  return records.flatMap((record) => record.filter((cell) => AMOUNT.test(cell)).map(Number)).sort((a, b) => a - b);
}

interface Book {
  readonly sheets: readonly { readonly name: string; readonly cells: readonly (readonly sheetJsCell[])[] }[];
}
type sheetJsCell = { t: string; v: unknown; z?: string } | undefined;

function readBook(file: string): Book {
  const book = sheetJs.read(readFileSync(file), { type: "buffer", cellNF: true, cellDates: true });
  return {
    sheets: book.SheetNames.map((name) => {
      const sheet = book.Sheets[name]!;
      const range = sheetJs.utils.decode_range(sheet["!ref"] ?? "A1:A1");
      const cells: sheetJsCell[][] = [];
      for (let r = range.s.r; r <= range.e.r; r++) {
        const row: sheetJsCell[] = [];
        for (let c = range.s.c; c <= range.e.c; c++) row.push(sheet[sheetJs.utils.encode_cell({ r, c })] as sheetJsCell);
        cells.push(row);
      }
      return { name, cells };
    }),
  };
}

/** The numbers of a workbook's rows (below each sheet's title and header), sorted. */
/** The amounts and percents (cells with a two-decimal format) of a workbook's rows below each sheet's title and header, sorted. */
function bookNumbers(book: Book, rows: (row: readonly sheetJsCell[], sheet: string) => boolean = () => true): number[] {
  return book.sheets.flatMap((sheet) => sheet.cells.slice(2).filter((row) => rows(row, sheet.name))
    .flatMap((row) => row.filter((cell) => cell?.t === "n" && /0\.00/.test(cell.z ?? "")).map((cell) => cell!.v as number)))
    .sort((a, b) => a - b);
}

/** A total row: in the sheet of totals, or labelled Total (合计) or "Total ..." (收入合计). */
const isTotalRow = (row: readonly sheetJsCell[], sheet: string) => sheet === "Total" || sheet === "合计"
  || row.some((cell) => cell?.t === "s" && /^Total\b|合计$/.test(String(cell.v)));

describe("xlsx workbooks", () => {
  for (const command of COMMANDS) {
    it(`${command.name}: numbers as numbers, figures equal the CSV`, () => {
      const file = join(directory, `${command.name}.xlsx`);
      const written = runCli([...command.args, "-o", file]);
      expect(written.stderr).toBe("");
      expect(written.code).toBe(0);
      const csv = runCli([...command.args, "--format", "csv"]);
      const records = csvRecords(csv.stdout).slice(1);
      const book = readBook(file);
      expect(book.sheets.length).toBeGreaterThan(0);
      // No number written as text.
      for (const sheet of book.sheets) {
        for (const row of sheet.cells.slice(2)) {
          // (Account codes such as 100201 are text, and stay text.)
          for (const cell of row) if (cell?.t === "s") expect(/^-?\d+\.\d+$/.test(String(cell.v)), String(cell.v)).toBe(false);
        }
      }
      const csvNumbers = numbersOf(records.map((record) => (command.rows ? record.slice(1) : record)));
      const xlsxNumbers = bookNumbers(book);
      // Every figure of the CSV is in the workbook, exactly (the workbook may hold more: a bal total).
      const remaining = [...xlsxNumbers];
      for (const value of csvNumbers) {
        const at = remaining.indexOf(value);
        expect(at, `${value} in the workbook`).toBeGreaterThanOrEqual(0);
        remaining.splice(at, 1);
      }
      if (command.rows) {
        const csvTotals = numbersOf(records.filter((record) => record[0] === "total").map((record) => record.slice(1)));
        if (csvTotals.length > 0) expect(bookNumbers(book, isTotalRow)).toEqual(csvTotals);
      }
    });
  }

  it("amounts have a two-decimal format over the exact value; dates are dates; the header is bold and frozen", () => {
    const file = join(directory, "reg-format.xlsx");
    expect(runCli(["reg", CHINESE_SAMPLE, "-p", "2026-03", "-o", file]).code).toBe(0);
    const book = readBook(file);
    const rows = book.sheets[0]!.cells;
    expect(rows[2]![0]!.t).toBe("d");
    const amounts = rows.slice(2).flatMap((row) => row.filter((cell) => cell?.t === "n"));
    expect(amounts.length).toBeGreaterThan(0);
    for (const cell of amounts) expect(cell!.z).toMatch(/0\.00/);
    const zip = unzipSync(readFileSync(file));
    const sheetXml = strFromU8(zip["xl/worksheets/sheet1.xml"]!);
    expect(sheetXml).toMatch(/<pane[^>]*ySplit="2"[^>]*state="frozen"/);
    expect(strFromU8(zip["xl/styles.xml"]!)).toMatch(/<b\/>/);
  });

  it("a report with sections has one worksheet per section", () => {
    const file = join(directory, "bs-sections.xlsx");
    expect(runCli(["bs", CHINESE_SAMPLE, "-o", file, "--lang", "zh"]).code).toBe(0);
    const names = readBook(file).sheets.map((sheet) => sheet.name);
    expect(names.length).toBeGreaterThan(1);
    expect(names).toContain("合计");
  });

  it("--format xlsx to a terminal is refused; -o FILE.xlsx decides the format", () => {
    const refused = runCli(["report", "structure", CHINESE_SAMPLE, "--format", "xlsx"], {}, true);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/-o FILE\.xlsx/);
  });

  let soffice: string | null = null;
  try {
    soffice = execFileSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" }).trim() || null;
  } catch {
    soffice = null;
  }
  it.skipIf(soffice === null)("LibreOffice converts each workbook, with the same figures", () => {
    const out = join(directory, "converted");
    const files = COMMANDS.map((command) => {
      const file = join(directory, `lo-${command.name}.xlsx`);
      expect(runCli([...command.args, "-o", file]).code).toBe(0);
      return file;
    });
    execFileSync(soffice!, ["--headless", `-env:UserInstallation=file://${join(directory, "lo-profile")}`, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false", "--outdir", out, ...files], { stdio: "ignore", timeout: 240_000 });
    const converted = readdirSync(out);
    let compared = 0;
    for (const command of COMMANDS) {
      expect(converted).toContain(`lo-${command.name}.csv`);
      const records = csvRecords(readFileSync(join(out, `lo-${command.name}.csv`), "utf8"));
      const book = readBook(join(directory, `lo-${command.name}.xlsx`));
      // The first worksheet's figures as LibreOffice shows them (two decimals, grouped) are the workbook's.
      const shown = records.slice(2).flatMap((record) => record.filter((cell) => /^-?[\d,]+\.\d{2}%?$/.test(cell)).map((cell) => cell.replace(/[,%]/g, "")));
      const first = book.sheets[0]!.cells.slice(2).flatMap((row) => row.filter((cell) => cell?.t === "n" && /0\.00/.test(cell.z ?? "")).map((cell) => (cell!.v as number).toFixed(2)));
      expect(shown.sort(), command.name).toEqual(first.sort());
      compared += shown.length;
    }
    expect(compared).toBeGreaterThan(100);
  }, 300_000);
});
