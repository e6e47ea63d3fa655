// Issue #11, items 11, 16 and 17: dates from the command line and the environment. An invalid
// FEELEDGER_TODAY is a usage error (it reached the claim writer as 2026-02-30, which then failed
// with "internal error ... does not read back"); an empty -b/-e range is a usage error for every
// command taking -b/-e/-p; amortize --through takes YYYY-MM only.
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { root } from "../helpers/journals.js";
import { claimFileOf } from "../claims/journal.js";
import { removeTemporaryFolders, temporaryFolder } from "./cli-support.js";

afterAll(removeTemporaryFolders);

const SAMPLE = join(root, "samples/customer-fees-2026.beancount");

/** A fresh copy of samples/ for the writers; returns the main journal. */
function sampleCopy(): string {
  const dir = temporaryFolder();
  cpSync(join(root, "samples"), dir, { recursive: true });
  return join(dir, "customer-fees-2026.beancount");
}

describe("FEELEDGER_TODAY", () => {
  it("a day that does not exist is a usage error for the writers, and nothing is written", () => {
    const file = sampleCopy();
    const before = readFileSync(file, "utf8");
    for (const args of [
      ["approve", file, "EC-2026-142", "--by", "赵敏"],
      ["reject", file, "EC-2026-142", "--by", "赵敏", "--reason", "重复报销"],
      ["post", file, "EC-2026-133"],
      ["post", file, "--all"],
      ["amortize", file, "--through", "2026-12"],
    ]) {
      for (const today of ["2026-02-30", "garbage", "2026-1-5", "2026", " 2026-01-05", "2026-13-01"]) {
        const run = runCli(args, { FEELEDGER_TODAY: today });
        expect(run.code, `${args[0]} with ${today}: ${run.stderr}`).toBe(2);
        expect(run.stderr).toBe(`feeledger: invalid date for FEELEDGER_TODAY: '${today}'${/^\d{4}-\d{2}-\d{2}$/.test(today) ? "" : " (expected YYYY-MM-DD)"}\n`);
        expect(run.stderr).not.toContain("internal error");
      }
    }
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("is a usage error for the commands that read it (check, claims), and ignored by those that do not", () => {
    for (const args of [["check", SAMPLE], ["claims", SAMPLE]]) {
      const run = runCli(args, { FEELEDGER_TODAY: "garbage" });
      expect(run.code, args[0]).toBe(2);
      expect(run.stderr).toContain("FEELEDGER_TODAY");
    }
    expect(runCli(["bal", SAMPLE], { FEELEDGER_TODAY: "garbage" }).code).toBe(0);
  });

  it("a valid one is the date a decision is recorded on; empty means the clock", () => {
    const file = sampleCopy();
    const run = runCli(["approve", file, "EC-2026-142", "--by", "赵敏"], { FEELEDGER_TODAY: "2026-12-31" });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(claimFileOf(file), "utf8")).toContain("approved-on: 2026-12-31");
    expect(runCli(["check", SAMPLE], { FEELEDGER_TODAY: "" }).code).toBe(0);
  });

  it("--on takes a whole day that exists, as YYYY-MM-DD", () => {
    const file = sampleCopy();
    const before = readFileSync(file, "utf8");
    for (const on of ["2026-02-30", "2026", "2026-03", "2026/03/01", "tomorrow"]) {
      const run = runCli(["approve", file, "EC-2026-142", "--by", "赵敏", "--on", on]);
      expect(run.code, on).toBe(2);
      expect(run.stderr).toContain(`invalid date for --on: '${on}'`);
    }
    expect(readFileSync(file, "utf8")).toBe(before);
  });
});

describe("an empty date range is a usage error for every command taking -b/-e/-p", () => {
  const commands = [
    ["bal", SAMPLE], ["claims", SAMPLE], ["reg", SAMPLE], ["is", SAMPLE], ["bs", SAMPLE],
    ["report", "structure", SAMPLE], ["report", "trend", SAMPLE], ["report", "budget", SAMPLE], ["report", "tax", SAMPLE],
  ];

  it.each(commands)("%s %s: -b after -e, -b equal to -e", (...command) => {
    for (const range of [["-b", "2026-06-01", "-e", "2026-01-01"], ["-b", "2026-03-01", "-e", "2026-03-01"]]) {
      const run = runCli([...command, ...range]);
      expect(run.code, `${command.join(" ")} ${range.join(" ")}`).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain("is not before --end");
    }
  });

  it("a range that holds days but no entries is still a report (exit 0)", () => {
    expect(runCli(["bal", SAMPLE, "-b", "2030-01-01", "-e", "2030-02-01"]).code).toBe(0);
    expect(runCli(["claims", SAMPLE, "-b", "2030-01-01", "-e", "2030-02-01"]).code).toBe(0);
  });

  it("-p with an empty range, and a date that does not exist, are usage errors too", () => {
    expect(runCli(["reg", SAMPLE, "-p", "2026-06..2026-01"]).code).toBe(2);
    expect(runCli(["bal", SAMPLE, "-b", "2026-02-30"]).code).toBe(2);
    expect(runCli(["claims", SAMPLE, "-e", "garbage"]).code).toBe(2);
  });
});

describe("the far ends of the calendar (found by the fuzz run)", () => {
  it("a period that reaches year 9999 has no end, rather than one that sorts before every date", () => {
    const open = runCli(["reg", SAMPLE, "-p", "2026..", "--format", "csv"]);
    expect(open.code).toBe(0);
    for (const period of ["2026..9999", "2026..9999-12-31", "2026..9999Q4", "2026..9999-12"]) {
      const run = runCli(["reg", SAMPLE, "-p", period, "--format", "csv"]);
      expect(run.code, `${period}: ${run.stderr}`).toBe(0);
      expect(run.stdout, period).toBe(open.stdout);
    }
    expect(runCli(["report", "structure", SAMPLE, "--compare", "9999"]).code).toBe(0);
  });

  it("year 0000 does not exist: a usage error in -p and --compare", () => {
    expect(runCli(["reg", SAMPLE, "-p", "0000"]).code).toBe(2);
    expect(runCli(["report", "structure", SAMPLE, "--compare", "0000-Q1"]).code).toBe(2);
  });

  it("counts take digits only: 1e3, 0x10 and 1.5 are usage errors", () => {
    for (const value of ["1e3", "0x10", "1.5", " 3", "0"]) {
      const run = runCli(["report", "structure", SAMPLE, "--top", value]);
      expect(run.code, value).toBe(2);
      expect(run.stderr).toContain(`--top takes a whole number of at least 1, not '${value}'`);
    }
    expect(runCli(["report", "structure", SAMPLE, "--top", "3"]).code).toBe(0);
  });
});

describe("amortize --through", () => {
  it("requires YYYY-MM: a year alone, a day, or a month that does not exist is a usage error", () => {
    const file = sampleCopy();
    const before = readFileSync(file, "utf8");
    for (const through of ["2026", "2026-3", "2026-03-31", "2026-13", "2026-00", "0000-01", "March"]) {
      const run = runCli(["amortize", file, "--through", through]);
      expect(run.code, through).toBe(2);
      expect(run.stderr).toBe(`feeledger: invalid month for --through: '${through}' (expected YYYY-MM, e.g. 2026-03)\n`);
    }
    expect(readFileSync(file, "utf8")).toBe(before);
    const dryRun = runCli(["amortize", file, "--through", "2026-03", "--dry-run"], { FEELEDGER_TODAY: "2026-12-31" });
    expect(dryRun.code, dryRun.stderr).toBe(0);
  });
});

describe("close-period and reopen-period months", () => {
  it("take a month that exists: year 0000, month 13 or a day are usage errors, and nothing is written", () => {
    const file = sampleCopy();
    const before = readFileSync(file, "utf8");
    for (const month of ["0000-01", "2026-13", "2026-03-31", "2026"]) {
      const close = runCli(["close-period", file, month, "--by", "孙强"], { FEELEDGER_TODAY: "2027-01-15" });
      expect(close.code, `${month}: ${close.stderr}`).toBe(2);
      expect(close.stderr).toBe(`feeledger: invalid month for close-period: '${month}' (expected YYYY-MM, e.g. 2026-03)\n`);
      const reopen = runCli(["reopen-period", file, month, "--by", "孙强", "--reason", "x"], { FEELEDGER_TODAY: "2027-01-15" });
      expect(reopen.code, `${month}: ${reopen.stderr}`).toBe(2);
    }
    expect(readFileSync(file, "utf8")).toBe(before);
  });
});

describe("FEELEDGER_TODAY in the commands that came with the claims and the official books", () => {
  it("a day that does not exist is a usage error for pay, close-period, reopen-period and report payables; nothing is written", () => {
    const file = sampleCopy();
    const before = readFileSync(file, "utf8");
    for (const args of [
      ["pay", file, "--all", "--from", "Assets:1002-银行存款:01-工商银行"],
      ["close-period", file, "2026-01", "--by", "孙强"],
      ["reopen-period", file, "2026-01", "--by", "孙强", "--reason", "x"],
      ["report", "payables", file],
    ]) {
      const run = runCli(args, { FEELEDGER_TODAY: "2026-02-30" });
      expect(run.code, `${args[0]}: ${run.stderr}`).toBe(2);
      expect(run.stderr).toBe("feeledger: invalid date for FEELEDGER_TODAY: '2026-02-30'\n");
    }
    expect(readFileSync(file, "utf8")).toBe(before);
  });
});
