// A large journal is read and decoded a few megabytes at a time (src/source/files.ts) and parsed
// piece by piece (src/parser/parse.ts). Whatever the piece size, the text must be the file's and
// the parse must be the parse of the whole text: same directives, spans, lines and diagnostics.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/parser/parse.js";
import { journals, root } from "../helpers/journals.js";
import { openSource, SourceChangedError, type SourceFile } from "../../src/source/files.js";

/** The file's pieces at `pieceBytes` each, and the file, which keeps them. */
function read(file: string, pieceBytes: number): { pieces: string[]; source: SourceFile } {
  const source = openSource(file, true);
  if ("error" in source) throw new Error(source.error);
  return { pieces: [...source.readPieces(pieceBytes)], source };
}

describe("reading a journal in pieces", () => {
  const files = [...journals(join(root, "samples")), ...journals(join(root, "test"))];

  it("decodes the file's text, each piece ending at a line end", () => {
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const size of [1, 7, 64, 4096]) {
        const { pieces, source } = read(file, size);
        expect(source.text).toBe(text);
        expect(pieces.join("")).toBe(text);
        for (const piece of pieces.slice(0, -1)) expect(piece.endsWith("\n")).toBe(true);
      }
      expect(read(file, 1 << 22).pieces).toHaveLength(1);
    }
  });

  it("parses as the whole text parses", () => {
    let split = 0;
    for (const file of files) {
      const whole = parseSource(readFileSync(file, "utf8"), file);
      for (const size of statSync(file).size > 20_000 ? [1000, 5000] : [16, 200]) {
        const { pieces } = read(file, size);
        if (pieces.length > 1) split++;
        expect(parseSource(pieces, file)).toEqual(whole);
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
      const { pieces, source } = read(file, size);
      expect(source.text).toBe(text);
      expect(parseSource(pieces, file)).toEqual(parseSource(text, file));
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
        const opened = openSource(file);
        if (!("error" in opened)) expect([...opened.readPieces()].length).toBeGreaterThan(1);
        const pieced = loadLedger(file);
        expect(pieced.entries).toEqual(whole.entries);
        expect(pieced.diagnostics).toEqual(whole.diagnostics);
      }
    } finally {
      if (saved === undefined) delete process.env.FEELEDGER_PIECE_BYTES;
      else process.env.FEELEDGER_PIECE_BYTES = saved;
    }
  });
});

describe("a journal's text after it was parsed", () => {
  const write = (text: string) => {
    const file = join(mkdtempSync(join(tmpdir(), "feeledger-text-")), "t.beancount");
    writeFileSync(file, text);
    return file;
  };

  it("is read again when it was not kept, and refused once the file has changed", () => {
    const text = "2026-01-01 open Assets:银行存款 CNY\n; 末行\n";
    const file = write(text);
    const unchanged = openSource(file) as SourceFile;
    expect([...unchanged.readPieces(8)].join("")).toBe(text);
    expect(unchanged.text).toBe(text);

    const changed = openSource(file) as SourceFile;
    expect([...changed.readPieces()].join("")).toBe(text);
    writeFileSync(file, text + "2026-01-02 open Assets:库存现金 CNY\n");
    expect(() => changed.text).toThrow(SourceChangedError);
  });

  it("is the text parsed when it was kept, whatever happens to the file", () => {
    const text = "2026-01-01 open Assets:Cash CNY\n";
    const file = write(text);
    const kept = openSource(file, true) as SourceFile;
    expect([...kept.readPieces(4)].join("")).toBe(text);
    writeFileSync(file, "changed\n");
    expect(kept.text).toBe(text);
  });

  it("is shared by no string the ledger keeps: names, ids and links are copies (copyRange)", async () => {
    const { copyRange } = await import("../../src/parser/text-table.js");
    const sample = "EC-2026-0000001 客户拜访 \ud83d\ude00 " + "长".repeat(5000) + "x\ud83d\ude00y".repeat(3000);
    for (const [start, end] of [[0, 0], [0, 5], [0, 15], [3, 20], [10, 4200], [4094, 4098], [0, sample.length], [sample.length - 13, sample.length]]) {
      expect(copyRange(sample, start!, end!)).toBe(sample.slice(start, end));
    }
  });
});

describe("the metadata keys of a loaded ledger", () => {
  it("are the keys written on directives, postings and pushmeta, in every file, and no key only in a comment or a dropped directive", async () => {
    const { loadLedger } = await import("../../src/loader/load.js");
    const dir = mkdtempSync(join(tmpdir(), "feeledger-keys-"));
    writeFileSync(join(dir, "other.beancount"), '2026-01-01 open Assets:Bank CNY\n  opened-by: "王伟"\n');
    writeFileSync(join(dir, "main.beancount"), [
      'include "other.beancount"',
      "2026-01-01 open Expenses:Visits CNY",
      "pushmeta pushed: TRUE",
      '2026-01-02 * "plain"',
      '  claim: "EC-1"',
      "  Expenses:Visits  10.00 CNY",
      "    receipt: \"r.pdf\"",
      "  Assets:Bank",
      '2026-01-03 * "with a price: read by the grammar"',
      "  grammar-key: 1",
      "  Expenses:Visits  1 USD @ 7.00 CNY",
      "  Assets:Bank",
      "popmeta pushed:",
      '2026-01-04 * "dropped"',
      "  dropped-key: 1",
      "  Expenses:Visits  10.00 CNY CNY",
      "  Assets:Bank",
      "; comment-key: in a comment",
      "",
    ].join("\n"));
    const ledger = loadLedger(join(dir, "main.beancount"));
    expect([...ledger.metaKeys].sort()).toEqual(["claim", "grammar-key", "opened-by", "pushed", "receipt"]);
  });
});
