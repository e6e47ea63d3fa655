// A large journal is read and decoded a few megabytes at a time (src/source/files.ts) and parsed
// piece by piece (src/parser/parse.ts). Whatever the piece size, the text must be the file's and
// the parse must be the parse of the whole text: same directives, spans, lines and diagnostics.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/parser/parse.js";
import { journals, root } from "../helpers/journals.js";
import { readSource, type SourceFile } from "../../src/source/files.js";

function read(file: string, pieceBytes: number): SourceFile {
  const source = readSource(file, pieceBytes);
  if ("error" in source) throw new Error(source.error);
  return source;
}

describe("reading a journal in pieces", () => {
  const files = [...journals(join(root, "samples")), ...journals(join(root, "test"))];

  it("decodes the file's text, each piece ending at a line end", () => {
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const size of [1, 7, 64, 4096]) {
        const source = read(file, size);
        expect(source.text).toBe(text);
        for (const piece of source.pieces.slice(0, -1)) expect(piece.endsWith("\n")).toBe(true);
      }
      expect(read(file, 1 << 22).pieces).toHaveLength(1);
    }
  });

  it("parses as the whole text parses", () => {
    let split = 0;
    for (const file of files) {
      const whole = parseSource(readFileSync(file, "utf8"), file);
      for (const size of statSync(file).size > 20_000 ? [1000, 5000] : [16, 200]) {
        const source = read(file, size);
        if (source.pieces.length > 1) split++;
        expect(parseSource(source.pieces, file)).toEqual(whole);
      }
    }
    expect(split).toBeGreaterThan(files.length);
  });

  it("keeps multi-byte characters, a BOM, CRLF and a missing last newline intact", () => {
    const dir = mkdtempSync(join(tmpdir(), "feeledger-pieces-"));
    const file = join(dir, "t.beancount");
    const text = "\ufeff2026-01-01 open Assets:银行存款 CNY\r\n" + "2026-01-02 * \"王伟\" \"客户拜访\"\r\n  Expenses:客户  1.00 CNY\r\n  Assets:银行存款\r\n".repeat(50) + "; 末行";
    writeFileSync(file, text);
    for (const size of [1, 2, 3, 5, 100]) {
      const source = read(file, size);
      expect(source.text).toBe(text);
      expect(parseSource(source.pieces, file)).toEqual(parseSource(text, file));
    }
  });
});

describe("loading a ledger read in pieces", () => {
  it("gives the ledger and the diagnostics of the ledger read whole, for every sample and fixture", async () => {
    const { loadLedger } = await import("../../src/loader/load.js");
    const mains = [
      ...journals(join(root, "samples")).filter((file) => !file.includes("/2026/")),
      ...journals(join(root, "test/fixtures/differential")).filter((file) => file.endsWith("/main.beancount")).slice(0, 20),
      ...journals(join(root, "test/fixtures/bean-example")),
    ];
    expect(mains.length).toBeGreaterThan(2);
    const saved = process.env.FEELEDGER_PIECE_BYTES;
    try {
      for (const file of mains) {
        delete process.env.FEELEDGER_PIECE_BYTES;
        const whole = loadLedger(file);
        process.env.FEELEDGER_PIECE_BYTES = "97";
        const pieced = loadLedger(file);
        expect([...pieced.sources.values()].some((source) => source.pieces.length > 1)).toBe(true);
        expect(pieced.entries).toEqual(whole.entries);
        expect(pieced.diagnostics).toEqual(whole.diagnostics);
      }
    } finally {
      if (saved === undefined) delete process.env.FEELEDGER_PIECE_BYTES;
      else process.env.FEELEDGER_PIECE_BYTES = saved;
    }
  });
});
