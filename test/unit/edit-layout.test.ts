// The append layout looks at the text without splitting it: it must decide exactly as before.
import { describe, expect, it } from "vitest";
import { appendLayout, lineEnding } from "../../src/edit/edits.js";

/** The layout as it was computed before (split and a regular expression over the whole text). */
function reference(text: string): { eol: "\r\n" | "\n"; lead: string; tail: string } {
  const crlf = text.split("\r\n").length - 1;
  const lf = text.split("\n").length - 1 - crlf;
  const eol = crlf > lf ? "\r\n" : "\n";
  if (text === "") return { eol, lead: "", tail: eol };
  if (!text.endsWith("\n")) return { eol, lead: eol + eol, tail: "" };
  if (/(?:^|\n)[ \t]*\r?\n$/.test(text)) return { eol, lead: "", tail: eol };
  return { eol, lead: eol, tail: eol };
}

describe("appendLayout", () => {
  it("decides as the split and the regular expression did, on every short text of line ends, blanks and letters", () => {
    const alphabet = ["\n", "\r", " ", "\t", "x"];
    let texts = [""];
    let checked = 0;
    for (let length = 0; length <= 6; length++) {
      for (const text of texts) {
        expect(appendLayout(text), JSON.stringify(text)).toEqual(reference(text));
        expect(lineEnding(text)).toBe(reference(text).eol);
        checked++;
      }
      texts = texts.flatMap((text) => alphabet.map((character) => text + character));
    }
    expect(checked).toBe((5 ** 7 - 1) / 4);
  });
});
