// The fapiao number's check and its two integers as they were read before numberParts
// (src/validation/fapiao.ts) read each digit once: kept here as the answer it must give.

function allDigits(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const c = text.charCodeAt(index);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function wasFapiaoNumber(text: string): boolean {
  const length = text.length;
  if (length === 20) return allDigits(text, 0, 20);
  if (length !== 19 && length !== 21) return false;
  const dash = length - 9;
  return text.charCodeAt(dash) === 45 && allDigits(text, 0, dash) && allDigits(text, dash + 1, length);
}

function digitsValue(text: string, from: number, to: number): number {
  let value = 0;
  for (let index = from; index < to; index++) value = value * 10 + (text.charCodeAt(index) - 48);
  return value;
}

function numberHigh(number: string): number {
  return digitsValue(number, 0, number.length === 21 ? 12 : 10);
}

function numberLow(number: string): number {
  const length = number.length;
  if (length === 20) return digitsValue(number, 10, 20);
  return digitsValue(number, length - 8, length) + (length === 19 ? 1e10 : 2e10);
}

/** The two integers of a fapiao number as they were read, digit run by digit run; null when not one. */
export function numberPartsByRuns(text: string): [number, number] | null {
  return wasFapiaoNumber(text) ? [numberHigh(text), numberLow(text)] : null;
}
