// What `check` reads (issue #11, item 9, and the odd files of its last paragraph). Only regular
// files are journals: `include "/dev/zero"` used to read zeros until memory ran out, and a FIFO,
// included or named as the journal, blocked forever on open. Each now gets a located error at
// once (a one-line error for the journal itself), and a file is read only up to the size it had
// when opened. These run the real executable with a time limit: a hang must fail the test, not
// hang the suite.
import { spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync, mkdtempSync, symlinkSync, truncateSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnosticLines, runCli } from "../helpers/cli.js";
import { root } from "../helpers/journals.js";
import { openSource, readError, SourceChangedError, type SourceFile } from "../../src/source/files.js";

const OPENS = "2026-01-01 open Assets:Bank CNY\n2026-01-01 open Expenses:Meals CNY\n";
const LUNCH = '2026-01-02 * "lunch"\n  Expenses:Meals  10.00 CNY\n  Assets:Bank\n';

function folder(): string {
  return mkdtempSync(join(tmpdir(), "feeledger-files-"));
}

function mkfifo(file: string): void {
  const made = spawnSync("mkfifo", [file]);
  expect(made.status, String(made.stderr)).toBe(0);
}

/**
 * bin/feeledger run in `cwd` with a time limit. A hang (reading /dev/zero or a FIFO forever) ends in
 * the limit and the test fails on `timedOut`. The limit is a backstop, not a speed test: each of these
 * runs takes well under a second of CPU, but a loaded machine stretched the 10 MB line past 5 s of wall
 * time, so it is 30 s.
 */
function feeledger(args: readonly string[], cwd: string) {
  const run = spawnSync(join(root, "bin/feeledger"), args, { cwd, encoding: "utf8", timeout: 30_000, maxBuffer: 256 << 20, env: { ...process.env, NO_COLOR: "1" } });
  if (run.error !== undefined && (run.error as NodeJS.ErrnoException).code !== "ETIMEDOUT") throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, timedOut: run.error !== undefined || run.signal !== null };
}

/** A refusal as the tests expect it: no hang, exit 1 or 2, no stack trace, no internal error. */
function expectRefused(run: ReturnType<typeof feeledger>): void {
  expect(run.timedOut, run.stderr).toBe(false);
  expect([1, 2]).toContain(run.status);
  expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
}

describe("check refuses what is not a regular file, without reading it", () => {
  it("include \"/dev/zero\": a located error at the include line", () => {
    const dir = folder();
    writeFileSync(join(dir, "main.beancount"), OPENS + 'include "/dev/zero"\n' + LUNCH);
    const run = feeledger(["check", "main.beancount"], dir);
    expectRefused(run);
    expect(run.status).toBe(1);
    expect(diagnosticLines(run.stderr)).toEqual([
      { file: "main.beancount", line: 3, column: 1, severity: "error", message: "'/dev/zero' is a character device, not a journal file: only regular files are read" },
    ]);
  });

  it("an include of a FIFO: a located error, and the FIFO is never opened (opening it would block)", () => {
    const dir = folder();
    mkfifo(join(dir, "pipe.beancount"));
    writeFileSync(join(dir, "main.beancount"), OPENS + 'include "pipe.beancount"\n' + LUNCH);
    const run = feeledger(["check", "main.beancount"], dir);
    expectRefused(run);
    expect(run.status).toBe(1);
    expect(diagnosticLines(run.stderr)).toEqual([
      { file: "main.beancount", line: 3, column: 1, severity: "error", message: "'pipe.beancount' is a FIFO (named pipe), not a journal file: only regular files are read" },
    ]);
  });

  it("an include of a symbolic link to a FIFO is refused too (links are followed), and of a link to a journal read", () => {
    const dir = folder();
    mkfifo(join(dir, "pipe"));
    symlinkSync("pipe", join(dir, "to-pipe.beancount"));
    writeFileSync(join(dir, "real.beancount"), LUNCH);
    symlinkSync("real.beancount", join(dir, "to-real.beancount"));
    writeFileSync(join(dir, "main.beancount"), OPENS + 'include "to-pipe.beancount"\ninclude "to-real.beancount"\n');
    const run = feeledger(["check", "main.beancount"], dir);
    expectRefused(run);
    expect(diagnosticLines(run.stderr).map((d) => [d.line, d.message])).toEqual([
      [3, "'to-pipe.beancount' is a FIFO (named pipe), not a journal file: only regular files are read"],
    ]);
    writeFileSync(join(dir, "main.beancount"), OPENS + 'include "to-real.beancount"\n');
    const fine = feeledger(["check", "main.beancount"], dir);
    expect(fine.stderr).toBe("");
    expect(fine.status).toBe(0);
  });

  it("a journal that is a FIFO: a one-line error", () => {
    const dir = folder();
    mkfifo(join(dir, "journal.beancount"));
    const run = feeledger(["check", "journal.beancount"], dir);
    expectRefused(run);
    expect(run.status).toBe(1);
    expect(run.stderr.split("\n")[0]).toBe("journal.beancount:1:1: error: 'journal.beancount' is a FIFO (named pipe), not a journal file: only regular files are read");
    expect(diagnosticLines(run.stderr)).toHaveLength(1);
  });

  it("a directory, included or named as the journal", () => {
    const dir = folder();
    mkdirSync(join(dir, "folder.beancount"));
    writeFileSync(join(dir, "main.beancount"), OPENS + 'include "folder.beancount"\n');
    const included = feeledger(["check", "main.beancount"], dir);
    expectRefused(included);
    expect(diagnosticLines(included.stderr).map((d) => [d.line, d.column, d.message])).toEqual([[3, 1, "'folder.beancount' is a directory, not a journal file"]]);
    const named = feeledger(["check", "folder.beancount"], dir);
    expectRefused(named);
    expect(named.stderr).toBe("feeledger: folder.beancount is a directory, not a journal file\n");
  });

  it("a glob skips what is not a regular file", () => {
    const dir = folder();
    mkdirSync(join(dir, "months"));
    writeFileSync(join(dir, "months/01.beancount"), LUNCH);
    mkfifo(join(dir, "months/02.beancount"));
    writeFileSync(join(dir, "main.beancount"), OPENS + 'include "months/*.beancount"\n');
    const run = feeledger(["check", "main.beancount"], dir);
    expect(run.timedOut).toBe(false);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});

describe("a file that changes under the reader", () => {
  const write = (text: string) => {
    const file = join(folder(), "main.beancount");
    writeFileSync(file, text);
    return file;
  };
  const open = (file: string) => openSource(file) as SourceFile;

  it("replaced by a FIFO between the look and the read: refused without blocking (opened non-blocking, then looked at)", () => {
    // In a child process: were the open to block, the test fails on the time limit instead of hanging.
    const file = write(OPENS);
    const script = `
      import { openSource, readError } from ${JSON.stringify(join(root, "dist/source/files.js"))};
      import { spawnSync } from "node:child_process";
      import { unlinkSync } from "node:fs";
      const source = openSource(process.argv[1]);
      unlinkSync(process.argv[1]);
      spawnSync("mkfifo", [process.argv[1]]);
      try { [...source.readPieces()]; console.log("read"); } catch (thrown) { console.log(thrown.code + ": " + readError(process.argv[1], thrown)); }
    `;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script, file], { encoding: "utf8", timeout: 30_000 });
    expect(run.error).toBeUndefined();
    expect(run.stdout).toBe(`ENOTREG: '${file}' is a FIFO (named pipe), not a journal file: only regular files are read\n`);
  });

  it("deleted between the look and the read: the file system's error, which the loader reports as a missing file", () => {
    const file = write(OPENS);
    const source = open(file);
    unlinkSync(file);
    let thrown: unknown;
    try {
      [...source.readPieces()];
    } catch (caught) {
      thrown = caught;
    }
    expect((thrown as NodeJS.ErrnoException).code).toBe("ENOENT");
    expect(readError(file, thrown)).toBe(`File "${file}" does not exist`);
    // And once parsed, if its text is wanted again (an excerpt), the one-line "changed" error.
    expect(() => source.text).toThrow(SourceChangedError);
  });

  it("growing while read: memory does not grow with it, the read stops with SourceChangedError", () => {
    const file = write(OPENS + LUNCH.repeat(100));
    const pieces = open(file).readPieces(64);
    expect(pieces.next().done).toBe(false);
    appendFileSync(file, LUNCH.repeat(1000));
    expect(() => [...pieces]).toThrow(SourceChangedError);
  });

  it("shrinking while read: SourceChangedError", () => {
    const file = write(OPENS + LUNCH.repeat(100));
    const pieces = open(file).readPieces(64);
    expect(pieces.next().done).toBe(false);
    truncateSync(file, 100);
    expect(() => [...pieces]).toThrow(SourceChangedError);
  });

  it("grown before the read started: the size read is the file's when it was opened for reading, and the text is that text", () => {
    const file = write(OPENS);
    const source = open(file);
    appendFileSync(file, LUNCH);
    expect([...source.readPieces()].join("")).toBe(OPENS + LUNCH);
    expect(source.text).toBe(OPENS + LUNCH);
  });
});

describe("odd journals: a located diagnostic or a one-line message, exit 0, 1 or 2, never a stack trace or a hang", () => {
  it("an empty file, and an empty included file, are empty journals", () => {
    const dir = folder();
    writeFileSync(join(dir, "empty.beancount"), "");
    writeFileSync(join(dir, "main.beancount"), OPENS + 'include "empty.beancount"\n' + LUNCH);
    for (const journal of ["empty.beancount", "main.beancount"]) {
      const run = runCli(["check", join(dir, journal)]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
    }
  });

  it("a 10 MB line: read and reported at its line", () => {
    const dir = folder();
    writeFileSync(join(dir, "long.beancount"), OPENS + `2026-01-02 * "${"长".repeat(3_500_000)}"\n  Expenses:Meals  10.00 CNY\n  Assets:Bank\n` + "x".repeat(10_000_000) + "\n");
    const run = feeledger(["check", "long.beancount"], dir);
    expect(run.timedOut).toBe(false);
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(diagnosticLines(run.stderr).map((d) => [d.line, d.column, d.severity, d.message.slice(0, 20)])).toEqual([[6, 1, "error", "Invalid token: 'xxxx"]]);
  });

  it("a file of random bytes: located errors and the invalid UTF-8 summed up past 20 lines", () => {
    const dir = folder();
    // A fixed sequence (a linear congruential generator), so that a failure can be replayed.
    const bytes = Buffer.alloc(300_000);
    let state = 12345;
    for (let index = 0; index < bytes.length; index++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      bytes[index] = state >>> 24;
    }
    writeFileSync(join(dir, "random.beancount"), bytes);
    const run = feeledger(["check", "random.beancount"], dir);
    expect(run.timedOut).toBe(false);
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    const lines = diagnosticLines(run.stderr);
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines) expect(line.line).toBeGreaterThan(0);
    const invalid = lines.filter((d) => d.message.includes("invalid UTF-8"));
    expect(invalid).toHaveLength(21);
    expect(invalid[20]!.message).toMatch(/^and \d+ more lines with invalid UTF-8/);
  });
});
