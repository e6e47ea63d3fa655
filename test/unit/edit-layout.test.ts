// The append layout looks at the text without splitting it, and a writer compares the file with the
// bytes it loaded: both must decide exactly as before.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { appendLayout, lineEnding } from "../../src/edit/edits.js";
import { planChanges, StaleFileError } from "../../src/edit/write.js";
import { loadLedger } from "../../src/loader/load.js";

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

describe("planChanges with the loaded bytes", () => {
  const folder = mkdtempSync(join(tmpdir(), "feeledger-edit-layout-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("keeps the bytes the text was decoded from, and refuses a file whose bytes changed though its text decodes the same", () => {
    const file = join(folder, "main.beancount");
    // 0xFF and 0xFE both decode to U+FFFD: the text cannot tell them apart, the bytes can.
    writeFileSync(file, Buffer.concat([Buffer.from("; \u6ce8\u91ca "), Buffer.from([0xff]), Buffer.from("\n2026-01-01 open Assets:Cash\n")]));
    const ledger = loadLedger(file, { keepText: true });
    const source = ledger.sources.get(file)!;
    const bytes = source.keptBytes!;
    expect(bytes.equals(Buffer.concat([Buffer.from("; \u6ce8\u91ca "), Buffer.from([0xff]), Buffer.from("\n2026-01-01 open Assets:Cash\n")]))).toBe(true);
    const text = source.text;
    const edit = { file, start: text.length, end: text.length, text: "2026-01-02 open Assets:Bank\n" };
    const changes = planChanges([edit], () => text, () => bytes);
    expect(changes[0]!.after.subarray(0, bytes.length).equals(bytes)).toBe(true);
    writeFileSync(file, Buffer.concat([Buffer.from("; \u6ce8\u91ca "), Buffer.from([0xfe]), Buffer.from("\n2026-01-01 open Assets:Cash\n")]));
    expect(() => planChanges([edit], () => text, () => bytes)).toThrow(StaleFileError);
    expect(() => planChanges([edit], () => text, () => null)).not.toThrow(); // decoded text alone: the same
  });
});
