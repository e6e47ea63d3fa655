// Journal text on a terminal. A journal is data, and may come from anyone (a claim typed by a
// colleague, an imported statement): its control characters must not reach the terminal, where
// they clear the screen, set the window title, write the clipboard (OSC 52) or hide text, nor its
// bidirectional overrides, which show text in another order than it is written. Terminal output
// (tables, diagnostics and their excerpts, messages) shows each such character escaped as a
// JavaScript string would: `\x1b` for C0 controls, DEL and C1 controls, `\u202e` for the bidi
// embeddings, overrides and isolates. CSV, JSON and `print` to a file or pipe keep the exact text.
// Widths and cuts are reckoned on the escaped text, so a cut never falls inside an escape.

/** C0 controls, DEL, C1 controls, and the bidi embeddings (U+202A..U+202E) and isolates (U+2066..U+2069). */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;
/** The same but line feed and tab, which lay out text that is shown line by line. */
const UNSAFE_IN_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

function escapeCharacter(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** Text for one line of a terminal: every control character escaped, tab and line feed too. */
export function terminalText(text: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text) ? text.replace(UNSAFE, escapeCharacter) : text;
}

/** Text of several lines for a terminal: as terminalText, but tabs and line feeds are kept. */
export function terminalLines(text: string): string {
  UNSAFE_IN_LINES.lastIndex = 0;
  return UNSAFE_IN_LINES.test(text) ? text.replace(UNSAFE_IN_LINES, escapeCharacter) : text;
}

/** What is shown on a terminal as one piece: an escape made by terminalText, or one character. */
const UNIT = /\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|[^]/gu;

/** The pieces of an escaped text that a cut must keep whole. */
export function terminalUnits(text: string): string[] {
  return text.match(UNIT) ?? [];
}

/** East Asian wide and fullwidth characters take two terminal columns; combining marks none. */
export function charWidth(codePoint: number): number {
  if (codePoint < 0x1100) return codePoint === 0 || (codePoint >= 0x300 && codePoint < 0x370) ? 0 : 1;
  if ((codePoint >= 0x1100 && codePoint <= 0x115f) || (codePoint >= 0x2e80 && codePoint <= 0x303e) ||
    (codePoint >= 0x3041 && codePoint <= 0x33ff) || (codePoint >= 0x3400 && codePoint <= 0x4dbf) ||
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) || (codePoint >= 0xa000 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) || (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) || (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) || (codePoint >= 0x1f300 && codePoint <= 0x1f64f) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)) return 2;
  return 1;
}

/** Terminal columns a text takes (core/display-width.ts: string-width). */
export { displayWidth } from "../core/display-width.js";
