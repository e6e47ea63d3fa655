// `report payables` as a terminal table, drawn straight from the report: the table writeSheet
// draws from payablesSheet (render/sheet.ts, the same text to the byte: test/pay/payables-table.test.ts
// compares them), its rows handed to writeTableFrom as arrays of cell texts. A hundred thousand
// claims then make no sheet row, no record of cells and no table row object each.
import { Decimal } from "../core/number.js";
import { writeTableFrom, type Column, type Row } from "../render/table.js";
import { SCALED_CELL, writeListTable, type ScaledCells } from "../claims/list-table.js";
import { captionText, tableAmount, type SheetStyle } from "../render/sheet.js";
import type { DisplayScales } from "./display.js";
import { ITEM_NUMBERS, OwedClaim, claimCountOf, claimRunOf, payablesSheetParts, scaledOf, type PayableClaim, type PayablesReport } from "./payables.js";
import { decimalOf, scaledText } from "../core/amount.js";
import { rescaled } from "../claims/payments.js";
import { SUBTOTAL, TOTAL, amountText } from "./sheet.js";

/** What was paid on a claim owing a lone debt no payment touched. */
const NOTHING = new Decimal(0);
const NO_ITEMS: readonly number[] = [];

/**
 * writeSheet's table of payablesSheet(report, scales), given to `write` in pieces (without colour,
 * its rows to `writeBytes` as UTF-8 when that is given: see writeListTable).
 */
export function writePayablesTable(report: PayablesReport, scales: DisplayScales, style: SheetStyle, write: (text: string) => void,
  writeBytes?: (bytes: Buffer) => boolean | void,
): void {
  const { sheet } = payablesSheetParts(report, scales);
  const lang = style.lang;
  // The table's columns: those shown in a table, but the heading (the payee, a line of its own).
  const columns = sheet.columns.filter((column) => (column.show ?? "all") !== "data" && column.heading !== true);
  const tableColumns: Column[] = columns.map((column) => ({
    header: column.header[lang],
    align: column.kind === "text" ? "left" : "right",
    shrink: column.shrink,
    repeat: column.label,
  }));
  write(`${captionText(sheet, style)}\n\n`);
  const money = (value: Decimal, currency: string): string => {
    // (A value with no more places than the commodity shows is its scaled integer's text at those
    // places: amountText's text, without reading the Decimal's digits as text first.)
    const places = scales.get(currency) ?? 0;
    const scaled = scaledOf(value, places);
    return tableAmount(Number.isNaN(scaled) ? amountText(value, currency, scales) : scaledText(scaled, places));
  };
  const footer: Row[] = report.totals.length === 0 ? [] : [{ heading: TOTAL[lang] }];
  for (const total of report.totals) {
    footer.push({ cells: ["", "", total.currency, money(total.amount, total.currency), money(total.paid, total.currency), money(total.owed, total.currency), "", ""] });
  }
  const subtotal = SUBTOTAL[lang];
  const scaledCells: ScaledCells = { scaled: new Float64Array(8), places: new Uint8Array(8) };
  const rows = (visit: (row: readonly string[] | Row) => void): void => {
    /** The text of each age (ages repeat). */
    const ageTexts: string[] = [];
    // (One array for every claim's cells: both tables read a row's cells as it is given, and keep only the texts.)
    const cells: string[] = new Array<string>(8).fill("");
    // (An amount written from its scaled integer, at no more than tableAmount's two places, is given
    // to the list's table as that integer: its text is not made.)
    const scaledAmount = style.color ? null : scaledCells;
    /** Nothing paid, as the employee's commodity shows it: most claims. */
    let nothing: string | null = null;
    /** A claim's row from its PayableClaim. */
    const claimRow = (claim: PayableClaim, currency: string, places: number): void => {
      // (Nothing paid: the amount written from the debt's scaled integer, as money writes it, without its Decimal.)
      const scaled = claim instanceof OwedClaim ? claim.amountScaledAt(places) : Number.NaN;
      cells[0] = claim.id;
      cells[1] = claim.postedOn;
      cells[2] = currency;
      if (scaledAmount !== null && !Number.isNaN(scaled) && places <= 2 && !Object.is(scaled, -0)) {
        scaledAmount.scaled[3] = scaledAmount.scaled[5] = scaled;
        scaledAmount.places[3] = scaledAmount.places[5] = places;
        cells[3] = SCALED_CELL;
      } else cells[3] = Number.isNaN(scaled) ? money(claim.amount, currency) : tableAmount(scaledText(scaled, places));
      cells[4] = claim.paid.isZero() ? (nothing ??= money(claim.paid, currency)) : money(claim.paid, currency);
      // (Owed is the amount itself, the same Decimal, when nothing was paid.)
      cells[5] = (claim instanceof OwedClaim ? claim.owesAmount : claim.owed === claim.amount) ? cells[3] : money(claim.owed, currency);
      cells[6] = (ageTexts[claim.age] ??= String(claim.age));
      cells[7] = "";
      visit(cells);
    };
    let heading: string | null = null;
    for (const employee of report.employees) {
      const { currency } = employee;
      // A heading line wherever the payee changes (one account in two commodities: one heading).
      const payee = `${employee.name}  ${employee.account}`;
      if (payee !== heading) visit({ heading: payee });
      heading = payee;
      nothing = null;
      const places = scales.get(currency) ?? 0;
      const run = claimRunOf(employee);
      if (run === undefined) for (const claim of employee.claims) claimRow(claim, currency, places);
      const items = run?.items ?? NO_ITEMS;
      for (let item = 0, claim = 0; item < items.length; item += ITEM_NUMBERS, claim++) {
        const index = items[item]!;
        const { list, kept, postedOn } = run!;
        if (index < 0) {
          claimRow(kept[-1 - index]!, currency, places);
          continue;
        }
        // A claim owing a lone debt no payment touched (most): its row written from what the run
        // keeps (the values of its OwedClaim, without one made): nothing paid, owed its amount.
        const age = items[item + 1]!;
        const owed = items[item + 2]!;
        const scale = items[item + 3]!;
        const scaled = rescaled(owed, scale, places);
        cells[0] = list.idAt(index);
        cells[1] = postedOn[claim]!;
        cells[2] = currency;
        if (scaledAmount !== null && !Number.isNaN(scaled) && places <= 2 && !Object.is(scaled, -0)) {
          scaledAmount.scaled[3] = scaledAmount.scaled[5] = scaled;
          scaledAmount.places[3] = scaledAmount.places[5] = places;
          cells[3] = SCALED_CELL;
        } else cells[3] = Number.isNaN(scaled) ? money(decimalOf(owed, scale), currency) : tableAmount(scaledText(scaled, places));
        cells[4] = (nothing ??= money(NOTHING, currency));
        cells[5] = cells[3];
        cells[6] = (ageTexts[age] ??= String(age));
        cells[7] = "";
        visit(cells);
      }
      const subtotals = [subtotal, "", currency, money(employee.amount, currency), money(employee.paid, currency), money(employee.owed, currency), "", money(employee.balance, currency)];
      // Owed on the claims but not in the books (or the other way round) stands out.
      visit(employee.balance.equals(employee.owed) ? subtotals : { alert: true, cells: subtotals });
    }
  };
  // (Without colour, drawn by the claims list's lighter path: the same bytes.)
  if (style.color) writeTableFrom(tableColumns, rows, { color: true, width: style.width }, footer, write);
  else writeListTable(tableColumns, rows, { color: false, width: style.width }, footer, write, report.employees.reduce((count, employee) => count + claimCountOf(employee) + 1, 0), writeBytes, scaledCells);
  write("\n");
}
