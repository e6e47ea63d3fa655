// file-end.ts's byteAmountColumn as it was before it read the amount first and measured the account
// from its characters' widths (kept as the reference for test/unit/file-end.test.ts): the posting
// pattern read off the bytes line by line, each account found by a hash of its bytes and measured once.
import { amountColumn, displayWidth } from "../../src/edit/amortize.js";
import { isSpaceAt } from "../../src/edit/file-end.js";

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

const isDigit = (byte: number | undefined): boolean => byte !== undefined && byte >= 0x30 && byte <= 0x39;
const isAsciiSpace = (byte: number): boolean => byte === SPACE || (byte >= TAB && byte <= CR);

export function byteAmountColumnBefore(bytes: Uint8Array): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (buffer.includes("\u2028") || buffer.includes("\u2029")) return amountColumn(buffer.toString("utf8"));
  for (let i = buffer.indexOf(CR); i >= 0; i = buffer.indexOf(CR, i + 1)) {
    if (buffer[i + 1] !== LF) return amountColumn(buffer.toString("utf8"));
  }
  const counts = new Map<number, number>();
  const accounts = new AccountWidths(buffer);
  const size = buffer.length;
  for (let start = 0; start < size;) {
    const lead = buffer[start] === SPACE ? postingLead(buffer, start, accounts) : 0;
    if (lead > 0) counts.set(lead, (counts.get(lead) ?? 0) + 1);
    const newline = buffer.indexOf(LF, start);
    start = newline < 0 ? size : newline + 1;
  }
  let best = 0;
  let bestCount = 0;
  for (const [end, count] of counts) if (count > bestCount || (count === bestCount && end > best)) { best = end; bestCount = count; }
  return best;
}

class AccountWidths {
  readonly #seen = new Map<number, { start: number; end: number; width: number }[]>();
  constructor(readonly bytes: Buffer) {}

  width(hash: number, start: number, end: number): number {
    const bytes = this.bytes;
    let list = this.#seen.get(hash);
    if (list === undefined) this.#seen.set(hash, list = []);
    for (const known of list) {
      if (known.end - known.start === end - start && sameBytes(bytes, known.start, start, end - start)) return known.width;
    }
    const width = displayWidth(bytes.toString("utf8", start, end));
    list.push({ start, end, width });
    return width;
  }
}

function sameBytes(bytes: Uint8Array, a: number, b: number, length: number): boolean {
  for (let index = 0; index < length; index++) if (bytes[a + index] !== bytes[b + index]) return false;
  return true;
}

function postingLead(bytes: Buffer, start: number, accounts: AccountWidths): number {
  const size = bytes.length;
  let i = start;
  while (bytes[i] === SPACE) i++;
  if ((bytes[i] === 0x21 || bytes[i] === 0x2a) && bytes[i + 1] === SPACE) {
    i++;
    while (bytes[i] === SPACE) i++;
  }
  const indent = i - start;
  const accountStart = i;
  let colon = false;
  let hash = 0;
  for (; i < size; i++) {
    const byte = bytes[i]!;
    if (byte < 0x80 ? isAsciiSpace(byte) : isSpaceAt(bytes, i)) break;
    if (byte === 0x3a) colon = true;
    hash = (Math.imul(hash, 31) + byte) | 0;
  }
  if (!colon || bytes[i] !== SPACE) return 0;
  const accountEnd = i;
  while (bytes[i] === SPACE) i++;
  const amountStart = i;
  if (bytes[i] === 0x2d) i++;
  while (isDigit(bytes[i]) || bytes[i] === 0x2c) i++;
  if (i === amountStart || !isDigit(bytes[i - 1])) return 0;
  if (bytes[i] === 0x2e && isDigit(bytes[i + 1])) {
    i++;
    while (isDigit(bytes[i])) i++;
  }
  if (bytes[i] !== SPACE) return 0;
  const amountEnd = i;
  while (bytes[i] === SPACE) i++;
  if (i >= size || isSpaceAt(bytes, i)) return 0;
  return indent + accounts.width(hash, accountStart, accountEnd) + (amountEnd - accountEnd);
}
