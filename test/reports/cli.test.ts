// The report commands' wiring: usage errors (exit 2), a journal with errors (exit 1, no figures),
// the language default, colour only on a terminal, and pending claims only with --pending.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main, type Io } from "../../src/cli/main.js";
import { COMMANDS } from "../../src/cli/commands/index.js";
import { runCli } from "../helpers/cli.js";
import { CHINESE_SAMPLE as CN, ENGLISH_SAMPLE as EN } from "./samples.js";

/** Run the CLI as if on a terminal, with the environment given (no NO_COLOR unless set). */
function runOnTerminal(args: readonly string[], env: Record<string, string> = {}): string {
  let stdout = "";
  const io: Io = { stdout: (text) => { stdout += text; }, stderr: () => {}, env, stdoutIsTty: true, stderrIsTty: true };
  expect(main(["node", "feeledger", ...args], io, COMMANDS)).toBe(0);
  return stdout;
}

const RED = "\u001b[31m";

describe("report command wiring", () => {
  it.each([
    [["report", "structure", CN, "-p", "2026H1"], "invalid period for --period"],
    [["report", "structure", CN, "-p", "2026", "-b", "2026-01-01"], "-p/--period replaces -b and -e"],
    [["report", "structure", CN, "--compare", "last year"], "invalid period for --compare"],
    [["report", "structure", CN, "--by", "weather"], "unknown --by 'weather'"],
    [["report", "structure", CN, "--by", "customer", "--depth", "2"], "--depth applies to grouping by account"],
    [["report", "trend", CN, "-M", "-Q"], "-M, -Q and -Y exclude each other"],
    [["report", "budget", CN, "--format", "xml"], "unknown format 'xml'"],
    [["report", "tax", CN, "--lang", "fr"], "unknown language 'fr'"],
    [["reg", CN, "(unclosed"], "invalid account pattern"],
    [["is", CN, "-b", "2026-05-01", "-e", "2026-02-01"], "is not before --end"],
    [["print", join(tmpdir(), "no-such-journal.beancount")], "file not found"],
  ])("%j is a usage error", (args, message) => {
    const result = runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(message);
  });

  it("refuses figures from a journal with errors (exit 1, the errors on stderr)", () => {
    const dir = mkdtempSync(join(tmpdir(), "feeledger-bad-"));
    const file = join(dir, "bad.beancount");
    writeFileSync(file, "2026-01-01 open Assets:Bank\n2026-01-02 * \"x\"\n  Assets:Bank  1.00 CNY\n  Expenses:Nowhere  -2.00 CNY\n");
    for (const command of [["report", "structure"], ["report", "trend"], ["report", "budget"], ["report", "tax"], ["reg"], ["is"], ["bs"], ["print"]]) {
      const result = runCli([...command, file]);
      expect(result.code, command.join(" ")).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(/bad\.beancount:\d+:\d+: error: /);
    }
  });

  it("headings are Chinese when LANG or LC_ALL start with zh, --lang wins", () => {
    expect(runCli(["report", "tax", CN], { LANG: "zh_CN.UTF-8" }).stdout).toContain("纳税调增额");
    expect(runCli(["report", "tax", CN], { LANG: "zh_CN.UTF-8", LC_ALL: "en_US.UTF-8" }).stdout).toContain("Added back");
    expect(runCli(["report", "tax", CN], { LC_ALL: "zh_TW.UTF-8" }).stdout).toContain("纳税调增额");
    expect(runCli(["report", "tax", CN, "--lang", "en"], { LANG: "zh_CN.UTF-8" }).stdout).toContain("Added back");
    // CSV keeps its English column names whatever the language.
    expect(runCli(["report", "tax", CN, "--format", "csv", "--lang", "zh"]).stdout.split("\r\n")[0]).toBe(
      "row,year,commodity,entertainment,sixty_percent,revenue,revenue_cap,deductible,add_back");
  });

  it("colours negatives and over-budget rows on a terminal only, not with --no-color or NO_COLOR", () => {
    const coloured = runOnTerminal(["report", "budget", CN]);
    expect(coloured).toContain(`${RED}2026-01`);
    expect(runOnTerminal(["report", "structure", CN, "-p", "2026Q2", "--compare", "2026Q1"])).toContain(`${RED}-950.00`);
    expect(runOnTerminal(["report", "budget", CN, "--no-color"])).not.toContain("\u001b[");
    expect(runOnTerminal(["report", "budget", CN], { NO_COLOR: "1" })).not.toContain("\u001b[");
    expect(runOnTerminal(["report", "budget", CN, "--format", "csv"])).not.toContain("\u001b[");
  });

  it("counts the claims in progress only with --pending, and never the rejected ones", () => {
    // The Chinese sample's claim files: EC-2026-133 3960.00, -138 844.00, -142 1376.00, -145 680.00
    // in progress; EC-2026-059 2300.00 and -117 1088.00 rejected.
    const visits = (args: string[]) => runCli(["reg", CN, "其他应付款", "--format", "json", ...args]);
    const without = JSON.parse(visits([]).stdout).totals[0].amount;
    const withPending = JSON.parse(visits(["--pending"]).stdout).totals[0].amount;
    expect(without).toBe("0.00");
    expect(withPending).toBe("-6860.00");
    const gifts = (args: string[]) => JSON.parse(runCli(["report", "structure", CN, "--format", "json", ...args]).stdout).rows
      .find((row: { group: string }) => row.group === "03-客户礼品").amount;
    expect(gifts([])).toBe("85406.00");
    expect(gifts(["--pending"])).toBe("86086.00");
  });

  it("reads the report root from the journal, and --root overrides it", () => {
    expect(JSON.parse(runCli(["report", "structure", EN, "--format", "json"]).stdout).root).toBe("Expenses:CustomerCare");
    expect(JSON.parse(runCli(["report", "structure", EN, "--format", "json", "--root", "Expenses"]).stdout).root).toBe("Expenses");
  });

  it("names the journal with -f or FEELEDGER_FILE too", () => {
    const expected = runCli(["report", "tax", CN]).stdout;
    expect(runCli(["-f", CN, "report", "tax"]).stdout).toBe(expected);
    expect(runCli(["report", "tax"], { FEELEDGER_FILE: CN }).stdout).toBe(expected);
  });

  it("keeps `report schedules` in the report group", () => {
    const result = runCli(["report", "schedules", CN, "--format", "csv"]);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith("schedule,")).toBe(true);
  });
});
