// Bytes that are not UTF-8 in a journal (issue #11, item 2): a GBK comment pasted into a UTF-8
// file, or a whole file saved as GBK by an older Chinese editor. `check` reports each such line
// at its line and column with a hint to convert the file, instead of reading the bytes as U+FFFD
// without a word.
//
// What beancount 2.3.5 does (bean-check and beancount.loader.load_file, tried on these bytes; its
// lexer reads bytes):
// - in a comment (a `;` line, an end-of-line or posting comment, an org-mode `*` heading): nothing,
//   exit 0: the bytes are skipped. feeledger warns, so a book beancount accepts stays valid (exit 0).
// - inside a string (narration, payee, metadata value, note, event, option value): nothing either,
//   exit 0, but the bytes are DROPPED: `"\xd6\xd0\xce\xc4 lunch"` becomes the narration " lunch" and
//   `note: "\xd6\xd0"` the value "". The text is silently lost: feeledger reports an error.
// - in an account, a tag, a link or a metadata key: "Invalid token: 'Expenses:\xd6\xd0'", exit 1.
//   feeledger reports an error too.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { diagnosticLines, runCli } from "../helpers/cli.js";
import { noteInvalidUtf8 } from "../../src/source/files.js";

/** 中文 and 午餐 as GBK writes them: not UTF-8. */
const GBK_CHINESE = Buffer.from("d6d0cec4", "hex");
const GBK_LUNCH = Buffer.from("cee7b2cd", "hex");

const OPENS = "2026-01-01 open Assets:Bank CNY\n2026-01-01 open Expenses:Meals CNY\n";

/** A journal file made of text and raw bytes. */
function journal(...parts: (string | Buffer)[]): string {
  const file = join(mkdtempSync(join(tmpdir(), "feeledger-utf8-")), "main.beancount");
  writeFileSync(file, Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "utf8") : part))));
  return file;
}

function invalidUtf8(stderr: string) {
  return diagnosticLines(stderr).filter((d) => d.message.includes("invalid UTF-8"));
}

const savedPieceBytes = process.env.FEELEDGER_PIECE_BYTES;
afterEach(() => {
  if (savedPieceBytes === undefined) delete process.env.FEELEDGER_PIECE_BYTES;
  else process.env.FEELEDGER_PIECE_BYTES = savedPieceBytes;
});

describe("check on bytes that are not UTF-8", () => {
  it("warns at the line and column of each comment that has some, with the GBK hint, and exits 0", () => {
    const file = journal(
      OPENS,
      "; ", GBK_CHINESE, " comment\n",
      '2026-01-02 * "lunch" ; ', GBK_LUNCH, "\n",
      "  Expenses:Meals  10.00 CNY ; ", GBK_CHINESE, GBK_LUNCH, "\n",
      "  ; ", GBK_CHINESE, ' with a " quote\n',
      "  Assets:Bank\n",
      "* ", GBK_CHINESE, " an org-mode heading\n",
    );
    const run = runCli(["check", file]);
    expect(run.code).toBe(0);
    const found = invalidUtf8(run.stderr);
    expect(found.map((d) => [d.line, d.column, d.severity])).toEqual([
      [3, 3, "warning"],
      [4, 24, "warning"],
      [5, 31, "warning"],
      [6, 5, "warning"],
      [8, 3, "warning"],
    ]);
    for (const diagnostic of found) expect(diagnostic.message).toContain("iconv -f gbk -t utf-8");
    expect(run.stderr).toContain("0 errors, 5 warnings");
  });

  it("reports an error where the journal uses the text: narration, payee, metadata value, account, tag, key", () => {
    const file = journal(
      OPENS,
      '2026-01-02 * "', GBK_LUNCH, ' lunch"\n',
      '  note: "', GBK_CHINESE, '"\n',
      "  Expenses:Meals  10.00 CNY\n",
      "  Assets:Bank\n",
      '2026-01-03 * "', GBK_CHINESE, '" "lunch"\n',
      "  Expenses:Meals  10.00 CNY\n",
      "  Assets:Bank\n",
      "2026-01-04 open Expenses:", GBK_LUNCH, "\n",
      '2026-01-05 * "tagged" #t', GBK_CHINESE, "\n",
      "  n", GBK_CHINESE, ': "x"\n',
      "  Expenses:Meals  10.00 CNY\n",
      "  Assets:Bank\n",
    );
    const run = runCli(["check", file]);
    expect(run.code).toBe(1);
    expect(invalidUtf8(run.stderr).map((d) => [d.line, d.column, d.severity])).toEqual([
      [3, 15, "error"],
      [4, 10, "error"],
      [7, 15, "error"],
      [10, 26, "error"],
      [11, 25, "error"],
      [12, 4, "error"],
    ]);
    for (const diagnostic of invalidUtf8(run.stderr)) expect(diagnostic.message).toContain("iconv -f gbk -t utf-8");
  });

  it("reports them in a claim file as in the books: a warning in a comment, an error in a claim's narration", () => {
    const file = journal('2026-01-01 custom "feeledger-option" "claims" "claims/*.beancount"\n', OPENS);
    const claims = join(file, "..", "claims");
    mkdirSync(claims);
    writeFileSync(join(claims, "2026-01.beancount"), Buffer.concat([
      Buffer.from("; "), GBK_CHINESE, Buffer.from("\n"),
      Buffer.from('2026-01-02 ! "Li" "'), GBK_LUNCH, Buffer.from(' lunch"\n  claim: "EC-1"\n  claimant: "Li"\n  status: "submitted"\n'),
      Buffer.from("  Expenses:Meals  10.00 CNY\n  Assets:Bank\n"),
    ]));
    const run = runCli(["check", file]);
    expect(run.code).toBe(1);
    expect(invalidUtf8(run.stderr).map((d) => [d.file.endsWith("2026-01.beancount"), d.line, d.column, d.severity])).toEqual([
      [true, 1, 3, "warning"],
      [true, 2, 20, "error"],
    ]);
  });

  it("tells a string from a comment as the scanner does: a `;` in a string, a string over two lines, a quote in a comment", () => {
    const file = journal(
      OPENS,
      '2026-01-02 * "a ; not a comment ', GBK_CHINESE, '"\n',
      '  note: "first line\n',
      "second line ", GBK_LUNCH, '"\n',
      "  Expenses:Meals  10.00 CNY\n",
      "  Assets:Bank\n",
      '; a "quote in a comment ', GBK_CHINESE, "\n",
      "2026-01-03 * \"escaped \\\" quote ", GBK_LUNCH, '" ; ', GBK_CHINESE, "\n",
      "  Expenses:Meals  10.00 CNY\n",
      "  Assets:Bank\n",
    );
    const run = runCli(["check", file]);
    expect(invalidUtf8(run.stderr).map((d) => [d.line, d.column, d.severity])).toEqual([
      [3, 33, "error"],
      [5, 13, "error"],
      [8, 25, "warning"],
      // The string's bytes decide the line, not the comment's after it.
      [9, 32, "error"],
    ]);
    expect(run.code).toBe(1);
  });

  it("does not flag a U+FFFD written in the file (it is valid UTF-8) nor any other valid character", () => {
    const file = journal(OPENS, "; \ufffd replacement character 中文 😀\n", '2026-01-02 * "\ufffd lunch 午餐 😀"\n  memo: "\ufffd"\n  Expenses:Meals  10.00 CNY\n  Assets:Bank\n');
    const run = runCli(["check", file]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("does not flag a multi-byte character that a small piece size puts across a piece boundary, and finds the same bytes whatever the size", () => {
    const valid = journal(OPENS, ...Array.from({ length: 30 }, (_, day) => `; 注释 \ufffd 😀\n2026-01-${String(day + 1).padStart(2, "0")} * "午餐 😀 \ufffd"\n  Expenses:Meals  1.00 CNY\n  Assets:Bank\n\n`));
    const invalid = journal(OPENS, ...Array.from({ length: 30 }, (_, day) => Buffer.concat([
      Buffer.from("; 注释 "), GBK_CHINESE, Buffer.from(`\n2026-01-${String(day + 1).padStart(2, "0")} * "午餐 😀`), GBK_LUNCH, Buffer.from('"\n  Expenses:Meals  1.00 CNY\n  Assets:Bank\n\n'),
    ])));
    delete process.env.FEELEDGER_PIECE_BYTES;
    const whole = runCli(["check", invalid]);
    expect(invalidUtf8(whole.stderr)).toHaveLength(21);
    for (const size of ["1", "2", "3", "5", "7", "64", "100"]) {
      process.env.FEELEDGER_PIECE_BYTES = size;
      const clean = runCli(["check", valid]);
      expect(clean.stderr, `piece size ${size}`).toBe("");
      expect(clean.code).toBe(0);
      expect(runCli(["check", invalid]).stderr, `piece size ${size}`).toBe(whole.stderr);
    }
  });

  it("reports the first 20 lines one by one and counts the rest in one diagnostic: an error if the journal uses any of them", () => {
    const comments = Array.from({ length: 100 }, () => Buffer.concat([Buffer.from("; "), GBK_CHINESE, Buffer.from("\n")]));
    const onlyComments = runCli(["check", journal(OPENS, ...comments)]);
    const found = invalidUtf8(onlyComments.stderr);
    expect(found).toHaveLength(21);
    expect(found.slice(0, 20).map((d) => d.line)).toEqual(Array.from({ length: 20 }, (_, index) => index + 3));
    expect(found[20]).toMatchObject({ line: 23, severity: "warning" });
    expect(found[20]!.message).toMatch(/^and 80 more lines with invalid UTF-8 in this file; .*iconv -f gbk -t utf-8/);
    expect(onlyComments.code).toBe(0);

    const usedLater = runCli(["check", journal(OPENS, ...comments, '2026-01-02 * "', GBK_LUNCH, '"\n  Expenses:Meals  1.00 CNY\n  Assets:Bank\n')]);
    const later = invalidUtf8(usedLater.stderr);
    expect(later).toHaveLength(21);
    expect(later[20]).toMatchObject({ line: 23, severity: "error" });
    expect(later[20]!.message).toMatch(/^and 81 more lines/);
    expect(usedLater.code).toBe(1);
  });

  it("reports a whole file saved as GBK at every line it uses the text (and reads the rest)", () => {
    const gbk = Buffer.concat([
      Buffer.from("2026-01-01 open Assets:Bank CNY\n2026-01-01 open Expenses:Meals CNY\n"),
      Buffer.from('2026-01-02 * "'), GBK_LUNCH, Buffer.from('"\n  customer: "'), GBK_CHINESE, Buffer.from('"\n  Expenses:Meals  10.00 CNY\n  Assets:Bank\n'),
    ]);
    const run = runCli(["check", journal(gbk)]);
    expect(invalidUtf8(run.stderr).map((d) => [d.line, d.severity])).toEqual([[3, "error"], [4, "error"]]);
    expect(run.code).toBe(1);
  });
});

describe("finding the bytes that are not UTF-8 (noteInvalidUtf8)", () => {
  /** The offsets it finds in `bytes`, decoded whole. */
  const offsets = (bytes: Uint8Array): number[] => {
    const found: number[] = [];
    noteInvalidUtf8(bytes, bytes.length, 0, { add: (offset) => found.push(offset) });
    return found;
  };
  // Bytes where the rules of UTF-8 change: lead bytes, the bounds of continuation bytes after
  // E0, ED, F0 and F4, the bytes that never occur, and the three of U+FFFD itself.
  const edgeByte = fc.constantFrom(0x00, 0x0a, 0x22, 0x3b, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbd, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff);
  const bytes = fc.array(fc.oneof(edgeByte, fc.integer({ min: 0, max: 255 })), { maxLength: 40 }).map((list) => Uint8Array.from(list));
  const withValid = fc.tuple(bytes, bytes).map(([before, after]) => Buffer.concat([before, Buffer.from("\ufffd😀中a"), after]));

  it("gives exactly the U+FFFD that Buffer's decoder makes of invalid bytes, at their UTF-16 offsets", () => {
    fc.assert(fc.property(fc.oneof(bytes, withValid), (sample) => {
      const text = Buffer.from(sample).toString("utf8");
      const found = offsets(sample);
      for (const offset of found) expect(text[offset]).toBe("\ufffd");
      // Every other U+FFFD is one the file wrote as EF BF BD.
      const replacements = [...text].filter((character) => character === "\ufffd").length;
      const written = Buffer.from(sample).toString("latin1").split("\xef\xbf\xbd").length - 1;
      expect(replacements - found.length).toBe(written);
    }), { numRuns: 3000 });
  });

  it("finds none in valid UTF-8, whatever it holds", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (text) => {
      expect(offsets(Buffer.from(text, "utf8"))).toEqual([]);
    }), { numRuns: 1000 });
  });
});
