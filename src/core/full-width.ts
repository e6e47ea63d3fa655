// Full-width and typographic characters that a Chinese input method types in place of the ASCII
// ones the journal's syntax needs (：for :, ，for ,, （ for (, ＂ and “ ” for ", full-width digits
// and the ideographic space). What each is called is the catalogues' business (src/i18n).

export interface FullWidthCharacter {
  /** The character as written. */
  readonly character: string;
  /** The ASCII character meant. */
  readonly ascii: string;
}

/** Characters outside the full-width block (U+FF01..U+FF5E) meant as ASCII. */
const OTHERS: Record<string, string> = {
  "\u3000": " ", // ideographic space
  "\u201c": '"', // curly quotation marks
  "\u201d": '"',
  "\u3002": ".", // ideographic full stop
  "\u3001": ",", // ideographic comma
};

/** The ASCII character `character` stands for, or null when it is not one of these. */
export function fullWidthCharacter(character: string): FullWidthCharacter | null {
  const other = OTHERS[character];
  if (other !== undefined) return { character, ascii: other };
  const code = character.codePointAt(0)!;
  if (character.length !== 1 || code < 0xff01 || code > 0xff5e) return null;
  return { character, ascii: String.fromCharCode(code - 0xfee0) };
}

/** The first such character in `text` from `start` to `end`, with its offset; null when none. */
export function findFullWidth(text: string, start = 0, end = text.length): { offset: number; found: FullWidthCharacter } | null {
  for (let offset = start; offset < end; offset++) {
    const found = fullWidthCharacter(text[offset]!);
    if (found !== null) return { offset, found };
  }
  return null;
}

/** `text` with each such character replaced by its ASCII one. */
export function asciiFromFullWidth(text: string): string {
  let result = "";
  for (const character of text) result += fullWidthCharacter(character)?.ascii ?? character;
  return result;
}
