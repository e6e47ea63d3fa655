// Full-width and typographic characters that a Chinese input method types in place of the ASCII
// ones the journal's syntax needs (：for :, ，for ,, （ for (, ＂ and “ ” for ", full-width digits
// and the ideographic space), with their names for messages.

export interface FullWidthCharacter {
  /** The character as written. */
  readonly character: string;
  /** The ASCII character meant. */
  readonly ascii: string;
  /** What it is called in a message: "full-width colon". */
  readonly name: string;
}

const NAMED: Record<string, string> = {
  ":": "colon", ",": "comma", "(": "left parenthesis", ")": "right parenthesis", '"': "quotation mark",
  ";": "semicolon", ".": "full stop", "-": "hyphen-minus", "+": "plus sign", "@": "at sign", "#": "number sign",
  "{": "left brace", "}": "right brace", "/": "slash", "^": "caret", "~": "tilde", "!": "exclamation mark", "*": "asterisk",
};

/** Characters outside the full-width block (U+FF01..U+FF5E) meant as ASCII, and their names. */
const OTHERS: Record<string, { ascii: string; name: string }> = {
  "\u3000": { ascii: " ", name: "full-width space" },
  "\u201c": { ascii: '"', name: "curly quotation mark" },
  "\u201d": { ascii: '"', name: "curly quotation mark" },
  "\u3002": { ascii: ".", name: "ideographic full stop" },
  "\u3001": { ascii: ",", name: "ideographic comma" },
};

/** The ASCII character `character` stands for, or null when it is not one of these. */
export function fullWidthCharacter(character: string): FullWidthCharacter | null {
  const other = OTHERS[character];
  if (other !== undefined) return { character, ...other };
  const code = character.codePointAt(0)!;
  if (character.length !== 1 || code < 0xff01 || code > 0xff5e) return null;
  const ascii = String.fromCharCode(code - 0xfee0);
  const kind = NAMED[ascii] ?? (/[0-9]/.test(ascii) ? "digit" : /[A-Za-z]/.test(ascii) ? "letter" : "character");
  return { character, ascii, name: `full-width ${kind}` };
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
