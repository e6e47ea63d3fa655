// An amount as a terminal table shows it, made at once from a scaled integer: a register or a
// subsidiary ledger writes two or three amounts a line, and writing each as plain text
// (amountPlainText), then checking its places (tableAmount), then grouping it (groupedNumber), made
// and copied a handful of strings per amount.
import type { Amount } from "../core/data.js";
import { ScaledAmount } from "../core/amount.js";
import { tableAmount } from "../render/sheet.js";
import { groupedNumber } from "../render/table.js";
import { amountPlainText, type DisplayScales } from "./display.js";

const POWERS = [1, 10, 100];
/** `,000` to `,999`. */
const COMMA_GROUPS: readonly string[] = Array.from({ length: 1000 }, (_, n) => `,${String(n).padStart(3, "0")}`);
/** `.0` to `.9`, and `.00` to `.99`. */
const ONE_PLACE: readonly string[] = Array.from({ length: 10 }, (_, n) => `.${n}`);
const TWO_PLACES: readonly string[] = Array.from({ length: 100 }, (_, n) => `.${String(n).padStart(2, "0")}`);

/** A non-negative safe integer grouped in threes. */
function groupedInteger(value: number): string {
  let groups = "";
  while (value >= 1000) {
    let high = Math.floor(value / 1000);
    let low = value - high * 1000;
    // (The quotient of a large integer may be rounded up to the next one.)
    if (low < 0) {
      high -= 1;
      low += 1000;
    }
    groups = COMMA_GROUPS[low]! + groups;
    value = high;
  }
  return groups === "" ? String(value) : String(value) + groups;
}

/** groupedNumber(tableAmount(amountPlainText(amount, scales))): the amount as a terminal table shows it. */
export function amountTableText(amount: Amount, scales: DisplayScales): string {
  if (amount instanceof ScaledAmount) {
    // The places the Decimal would have (its trailing zeros dropped), then at least the usual ones.
    let scaled = amount.scaled;
    let places = amount.scale;
    while (places > 0 && scaled % 10 === 0) {
      scaled /= 10;
      places -= 1;
    }
    const shown = Math.max(places, scales.get(amount.currency) ?? 0);
    if (shown <= 2) {
      // (No more than two places: tableAmount leaves the text as it is.)
      const negative = scaled < 0;
      const value = (negative ? -scaled : scaled) * POWERS[shown - places]!;
      if (Number.isSafeInteger(value)) {
        const unit = POWERS[shown]!;
        let whole = Math.floor(value / unit);
        let fraction = value - whole * unit;
        if (fraction < 0) {
          whole -= 1;
          fraction += unit;
        }
        let text = groupedInteger(whole);
        if (shown === 1) text += ONE_PLACE[fraction]!;
        else if (shown === 2) text += TWO_PLACES[fraction]!;
        return negative ? `-${text}` : text;
      }
    }
  }
  return groupedNumber(tableAmount(amountPlainText(amount, scales)));
}
