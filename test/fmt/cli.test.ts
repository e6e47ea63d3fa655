// `feeledger fmt` as a user runs it: writing in place, --check for pre-commit hooks, --dry-run,
// usage errors; and the check that refuses a formatted text that would not read the same.
import { lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { journalDifference } from "../../src/fmt/same-entries.js";
import { pieceStarts } from "../../src/fmt/pieces.js";
import { runCli } from "../helpers/cli.js";

const work = mkdtempSync(join(tmpdir(), "feeledger-fmt-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const MESSY = "2026-01-01 open Assets:Bank CNY\n2026-01-01 open Expenses:客户拜访 CNY\n\n2026-01-05 * \"王伟\" \"拜访\"\n  Expenses:客户拜访 86.00 CNY ; 午餐\n  Assets:Bank -86.00 CNY\n";
const TIDY = "2026-01-01 open Assets:Bank CNY\n2026-01-01 open Expenses:客户拜访 CNY\n\n2026-01-05 * \"王伟\" \"拜访\"\n  Expenses:客户拜访   86.00 CNY ; 午餐\n  Assets:Bank        -86.00 CNY\n";
const messy = join(work, "messy.beancount");
const tidy = join(work, "tidy.beancount");

beforeEach(() => {
  writeFileSync(messy, MESSY);
  writeFileSync(tidy, TIDY);
});

describe("feeledger fmt", () => {
  it("formats the files in place and names each it changed", () => {
    const result = runCli(["fmt", messy, tidy]);
    expect(result).toEqual({ code: 0, stdout: `formatted ${messy}\n`, stderr: "" });
    expect(readFileSync(messy, "utf8")).toBe(TIDY);
    expect(readFileSync(tidy, "utf8")).toBe(TIDY);
    expect(runCli(["fmt", messy])).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("--check lists the files that would change and exits 1, writing nothing", () => {
    expect(runCli(["fmt", "--check", messy, tidy])).toEqual({ code: 1, stdout: `${messy}\n`, stderr: "" });
    expect(readFileSync(messy, "utf8")).toBe(MESSY);
    expect(runCli(["fmt", "--check", tidy])).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("--dry-run prints a unified diff and writes nothing", () => {
    const result = runCli(["fmt", "--dry-run", messy]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe([
      `--- ${messy}`, `+++ ${messy}`, "@@ -2,5 +2,5 @@",
      " 2026-01-01 open Expenses:客户拜访 CNY", " ", " 2026-01-05 * \"王伟\" \"拜访\"",
      "-  Expenses:客户拜访 86.00 CNY ; 午餐", "-  Assets:Bank -86.00 CNY",
      "+  Expenses:客户拜访   86.00 CNY ; 午餐", "+  Assets:Bank        -86.00 CNY", "",
    ].join("\n"));
    expect(readFileSync(messy, "utf8")).toBe(MESSY);
  });

  it("--align block gives each block its own column", () => {
    writeFileSync(messy, `${MESSY}\n2026-01-06 *\n  Assets:Bank 1 CNY\n  Assets:Bank -1 CNY\n`);
    expect(runCli(["fmt", "--align", "block", messy]).code).toBe(0);
    expect(readFileSync(messy, "utf8")).toBe(`${TIDY}\n2026-01-06 *\n  Assets:Bank   1 CNY\n  Assets:Bank  -1 CNY\n`);
  });

  it("takes the journal from -f or FEELEDGER_FILE when no file is named", () => {
    expect(runCli(["-f", messy, "fmt", "--check"]).code).toBe(1);
    expect(runCli(["fmt", "--check"], { FEELEDGER_FILE: messy }).code).toBe(1);
  });

  it("writes through a symbolic link, which stays a link", () => {
    const link = join(work, "link.beancount");
    rmSync(link, { force: true });
    symlinkSync(messy, link);
    expect(runCli(["fmt", link]).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(messy, "utf8")).toBe(TIDY);
  });

  it("writes all the files or none: a rename that fails after the first file gives it back its old bytes", () => {
    const second = join(work, "second.beancount");
    writeFileSync(second, MESSY);
    const result = runCli(["fmt", messy, second], { FEELEDGER_FAIL_RENAME_AFTER: "1" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^feeledger: cannot write the journal: .*simulated/);
    expect(readFileSync(messy, "utf8")).toBe(MESSY);
    expect(readFileSync(second, "utf8")).toBe(MESSY);
    const short = runCli(["fmt", messy], { FEELEDGER_FAIL_WRITE_AFTER_BYTES: "10" });
    expect(short.code).toBe(1);
    expect(readFileSync(messy, "utf8")).toBe(MESSY);
  });

  it("usage errors exit 2 and change nothing", () => {
    const missing = runCli(["fmt", messy, join(work, "missing.beancount")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("file not found");
    expect(runCli(["fmt", "--align", "column", messy]).code).toBe(2);
    expect(runCli(["fmt", work]).code).toBe(2);
    expect(readFileSync(messy, "utf8")).toBe(MESSY);
  });
});

describe("the check before writing", () => {
  const text = "2026-01-05 * \"Payee\" \"two\n  lines\"\n  Assets:Bank 1 CNY\n  Equity:Open\n";
  const at = (needle: string) => text.indexOf(needle);

  it("accepts edits of spaces that read the same", () => {
    expect(journalDifference("t.beancount", text, [{ file: "t.beancount", start: at("Assets") + 11, end: at("Assets") + 12, text: "    " }])).toBeNull();
  });

  it("refuses spaces changed inside a string", () => {
    expect(journalDifference("t.beancount", text, [{ file: "t.beancount", start: at("  lines"), end: at("  lines") + 2, text: "" }]))
      .toBe("the transaction entry of line 1 would read differently");
  });

  it("refuses a change of anything but spaces and tabs", () => {
    expect(journalDifference("t.beancount", text, [{ file: "t.beancount", start: at("1 CNY"), end: at("1 CNY") + 1, text: "2" }]))
      .toBe("line 3 would change in more than spaces and tabs");
  });

  it("refuses an edit that joins two entries' lines", () => {
    const two = "2026-01-01 open Assets:Bank\n2026-01-01 open Equity:Open\n";
    expect(journalDifference("t.beancount", two, [{ file: "t.beancount", start: two.indexOf("\n2026"), end: two.indexOf("\n2026") + 1, text: " " }]))
      .not.toBeNull();
  });
});

describe("the check in pieces", () => {
  const text = [
    "2026-01-01 open Assets:Bank", "", "2026-01-05 * \"two", "", "2026-01-06 is still the narration\"", "  Assets:Bank 1 CNY", "  Equity:Open",
    "", "2026-01-07 * \"three\"", "  Assets:Bank    2 CNY", "  Equity:Open", "",
  ].join("\n");

  it("cuts before a dated line after a blank line, never inside a string", () => {
    expect(pieceStarts(text, 1)).toEqual([0, text.indexOf("2026-01-05"), text.indexOf("2026-01-07")]);
    expect(pieceStarts(text, 1000)).toEqual([0]);
  });

  it("finds a difference in a later piece and names its line in the whole file", () => {
    const at = text.indexOf("    2 CNY");
    const inString = text.indexOf("\n2026-01-06");
    expect(journalDifference("t.beancount", text, [{ file: "t.beancount", start: at, end: at + 4, text: "  " }], 1)).toBeNull();
    expect(journalDifference("t.beancount", text, [{ file: "t.beancount", start: inString, end: inString, text: " " }], 1))
      .toBe("the transaction entry of line 3 would read differently");
  });
});
