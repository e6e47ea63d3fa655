// The values of an export's cells, read exactly: amounts as decimal text (never through a float
// when the cell holds text), dates in every form the approval systems write, and document numbers
// as text. Each reader returns the value or why it cannot be read; the caller locates the problem.
import { Decimal } from "../core/number.js";
import { message, type Message } from "../i18n/message.js";

/** A cell as a reader gives it: text (CSV, JSON, text cells), a number (a numeric cell of a workbook), or nothing. */
export type CellValue = string | number | boolean | null;

export type Read<T> = { readonly value: T } | { readonly problem: Message };

/** Hours east of UTC that a moment given as milliseconds since the epoch is read in (China Standard Time). */
export const CHINA_OFFSET_HOURS = 8;

/** A cell's text with full-width characters made plain (NFKC: `１２３，４５` is `123,45`), trimmed; "" for nothing. */
export function cellText(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "number") return numberText(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value.normalize("NFKC").trim();
}

/** The shortest decimal text of a number cell that reads back to it (`96.5`, not `96.50000000000001` unless it is that). */
function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  return new Decimal(value.toString()).toFixed();
}

/** More decimals than this on a number cell are the float's noise (a formula's 1234.5600000000002), rounded to cents. */
const NOISE_DECIMALS = 6;

/**
 * An amount: a number cell, or text such as `1,280.00`, `￥1 280.5`, `1280元`, `CNY 96`. Thousands
 * separators must be in their places; the amount must be above zero.
 */
export function readAmount(value: CellValue): Read<Decimal> {
  if (value === null || (typeof value === "string" && value.trim() === "")) return { problem: message("import no amount", {}) };
  let amount: Decimal;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { problem: message("import amount not a number", { value: String(value) }) };
    amount = new Decimal(value.toString());
    if (amount.decimalPlaces() > NOISE_DECIMALS) amount = amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  } else {
    const text = cellText(value);
    const bare = text.replace(/^(?:CNY|RMB|人民币|¥|￥)\s*/iu, "").replace(/\s*(?:元|CNY|RMB)$/iu, "").trim();
    const negative = bare.startsWith("-");
    const digits = negative ? bare.slice(1).trim() : bare;
    const grouped = /^\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?$/.test(digits);
    if (!grouped && !/^\d+(?:\.\d+)?$/.test(digits)) return { problem: message("import amount unreadable", { value: String(value) }) };
    amount = new Decimal((negative ? "-" : "") + digits.replace(/[, ]/g, ""));
  }
  if (amount.isZero()) return { problem: message("import amount zero", {}) };
  if (amount.isNegative()) return { problem: message("import amount negative", { amount: amount.toFixed() }) };
  return { value: amount };
}

/** A day (YYYY-MM-DD) and, when the cell gave one, the time of day (HH:MM). */
export interface Moment {
  readonly day: string;
  readonly time: string | null;
}

const pad = (n: number) => String(n).padStart(2, "0");

function validDay(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day > days ? null : `${year}-${pad(month)}-${pad(day)}`;
}

/** Days from 1899-12-30 (Excel's day 0, past its 1900 leap-year bug) to a serial number's day. */
function excelSerialDay(serial: number): string {
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function timeOfSerial(serial: number): string | null {
  const minutes = Math.round((serial - Math.floor(serial)) * 24 * 60);
  return minutes === 0 ? null : `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
}

/** A moment given in milliseconds since the epoch, in China Standard Time. */
function epochMoment(milliseconds: number): Moment {
  const local = new Date(milliseconds + CHINA_OFFSET_HOURS * 3_600_000);
  const day = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  return { day, time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}` };
}

/** Excel's serial numbers of 1900-01-01 and 9999-12-31. */
const FIRST_SERIAL = 1;
const LAST_SERIAL = 2_958_465;

/**
 * A date or date and time: `2026/3/5`, `2026-03-05`, `2026-03-05 14:22(:05)`, `2026年3月5日`, RFC
 * 3339 (`2026-03-05T14:22:00+08:00`, `2026-03-05T06:22Z`: the day in China), milliseconds since the
 * epoch (12 or 13 digits, read in China Standard Time), or an Excel serial number (a number cell).
 */
export function readMoment(value: CellValue): Read<Moment> {
  if (value === null || (typeof value === "string" && value.trim() === "")) return { problem: message("import no date", {}) };
  if (typeof value === "number") {
    if (value >= 1e11 && value < 1e14 && Number.isInteger(value)) return { value: epochMoment(value) };
    if (value >= FIRST_SERIAL && value <= LAST_SERIAL) return { value: { day: excelSerialDay(value), time: timeOfSerial(value) } };
    return { problem: message("import date unreadable", { value: String(value) }) };
  }
  const text = cellText(value);
  if (/^\d{12,13}$/.test(text)) return { value: epochMoment(Number(text)) };
  if (/^\d{1,7}(?:\.\d+)?$/.test(text)) {
    const serial = Number(text);
    if (serial >= FIRST_SERIAL && serial <= LAST_SERIAL) return { value: { day: excelSerialDay(serial), time: timeOfSerial(serial) } };
  }
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(text);
  if (match === null) return { problem: message("import date unreadable text", { value: String(value) }) };
  const day = validDay(Number(match[1]), Number(match[2]), Number(match[3]));
  if (day === null) return { problem: message("import not a day", { value: String(value) }) };
  if (match[4] === undefined) return { value: { day, time: null } };
  const hours = Number(match[4]);
  const minutes = Number(match[5]);
  if (hours > 23 || minutes > 59) return { problem: message("import not a time", { value: String(value) }) };
  const zone = match[7];
  if (zone === undefined) return { value: { day, time: `${pad(hours)}:${pad(minutes)}` } };
  // A moment with its offset (RFC 3339; 钉钉's v1.0 API writes UTC, `2026-03-05T06:22Z`): its day in China.
  const sign = zone.startsWith("-") ? -1 : 1;
  const offsetMinutes = zone.toUpperCase() === "Z" ? 0 : sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  const utc = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), hours, minutes) - offsetMinutes * 60_000;
  return { value: epochMoment(utc) };
}

/** A day, for a column that holds only dates. */
export function readDay(value: CellValue): Read<string> {
  const moment = readMoment(value);
  return "problem" in moment ? moment : { value: moment.value.day };
}

/** Digits of a document number beyond which a number cell has lost some (a float holds 15 to 17). */
const SAFE_DIGITS = 15;

/**
 * A document number (审批编号, 单据编号) as text: a 21-digit 钉钉 number must come as text. A number
 * cell of more digits than a float holds has lost its last digits in the spreadsheet already.
 */
export function readDocumentNumber(value: CellValue): Read<string> {
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 0) return { problem: message("import number not whole", { value: String(value) }) };
    if (value.toFixed(0).length > SAFE_DIGITS) {
      return { problem: message("import number lost digits", { value: value.toExponential() }) };
    }
    return { value: value.toFixed(0) };
  }
  const text = cellText(value).replace(/^'/, "");
  if (text === "") return { problem: message("import no number", {}) };
  return { value: text };
}
