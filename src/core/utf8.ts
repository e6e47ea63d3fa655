// How the WHATWG UTF-8 decoder (Buffer's toString("utf8") follows it) reads bytes that may not be
// UTF-8: the one place that knows, for the loader (which reports undecodable bytes) and the writers
// (which map text offsets back to byte offsets).

/**
 * The sequence at bytes[index] (reading no further than `end`): its length n in bytes, positive
 * when it decodes to a code point (n = 4 is two UTF-16 code units, else one), negative (-n) when
 * its n bytes decode to one U+FFFD: a maximal part of a sequence that cannot go on, the byte that
 * broke it left to start the next sequence.
 */
export function utf8Sequence(bytes: Uint8Array, index: number, end: number): number {
  const lead = bytes[index]!;
  if (lead < 0x80) return 1;
  let needed: number;
  let lower = 0x80;
  let upper = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) needed = 1;
  else if (lead >= 0xe0 && lead <= 0xef) {
    needed = 2;
    if (lead === 0xe0) lower = 0xa0;
    else if (lead === 0xed) upper = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    needed = 3;
    if (lead === 0xf0) lower = 0x90;
    else if (lead === 0xf4) upper = 0x8f;
  } else return -1;
  let next = index + 1;
  let seen = 0;
  while (seen < needed && next < end) {
    const byte = bytes[next]!;
    if (byte < lower || byte > upper) break;
    lower = 0x80;
    upper = 0xbf;
    seen++;
    next++;
  }
  return seen === needed ? next - index : index - next;
}

/** The UTF-16 code units a sequence of utf8Sequence's `length` decodes to. */
export function utf16Units(length: number): number {
  return length === 4 ? 2 : 1;
}
