// Issue #11, items 13 and 15: terminal control characters from a journal never reach the terminal
// raw (tables, diagnostics' messages and excerpts, claims lists, print on a terminal), a cut never
// falls inside an escape, CSV and JSON keep the exact text; a 10 MB line gives a short excerpt whose
// caret still points at the problem.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diagnosticLines, runCli } from "../helpers/cli.js";
import { parseCsv } from "../helpers/csv.js";
import { displayWidth } from "../../src/render/table.js";
import { RAW_CONTROL, journal, removeTemporaryFolders, runOnTerminal, temporaryFolder } from "./cli-support.js";

afterAll(removeTemporaryFolders);

const CLEAR_SCREEN = "\x1b[2J";
const CLIPBOARD = "\x1b]52;c;ZWNobyBoaQ==\x07";
const C1_CSI = "\u009b31m";
const RIGHT_TO_LEFT = "\u202e";
const PAYEE = `Shop${CLEAR_SCREEN}`;
const NARRATION = `lunch ${CLIPBOARD}${C1_CSI} red\x7f ${RIGHT_TO_LEFT}evil\tTAB\u2066x\u2069`;
/** What the table shows for them. */
const PAYEE_SHOWN = "Shop\\x1b[2J";
const NARRATION_SHOWN = "lunch \\x1b]52;c;ZWNobyBoaQ==\\x07\\x9b31m red\\x7f \\u202eevil\\x09TAB\\u2066x\\u2069";

const TEXT = `2026-01-01 open Assets:Cash CNY
2026-01-01 open Expenses:Food CNY
2026-01-01 open Liabilities:Payable CNY

2026-01-05 * "${PAYEE}" "${NARRATION}"
  Expenses:Food   10 CNY
  Assets:Cash

2026-01-06 ! "王伟" "claim ${CLEAR_SCREEN}"
  claim: "EC-${CLEAR_SCREEN}1"
  claimant: "王伟${RIGHT_TO_LEFT}"
  status: "submitted"
  Expenses:Food   20 CNY
    receipt: "receipts/${CLIPBOARD}.pdf"
  Liabilities:Payable
`;

/** The same with an unbalanced transaction whose line holds escapes. */
const UNBALANCED = `${TEXT}
2026-01-07 * "bad${CLEAR_SCREEN}" "${CLIPBOARD}"
  Expenses:Food   10 CNY
  Assets:Cash    -11 CNY
`;

function expectNoRawControls(output: string, what: string): void {
  const raw = RAW_CONTROL.exec(output);
  expect(raw, `${what}: raw U+${raw?.[0].codePointAt(0)!.toString(16).padStart(4, "0")} in ${JSON.stringify(output.slice(Math.max(0, (raw?.index ?? 0) - 30), (raw?.index ?? 0) + 30))}`).toBeNull();
}

describe("control characters are escaped on the terminal", () => {
  const file = journal(TEXT);

  it("in tables: reg, bal, claims, report structure --by payee, in both languages", () => {
    const reg = runCli(["reg", file], { COLUMNS: "300" });
    expect(reg.code, reg.stderr).toBe(0);
    expect(reg.stdout).toContain(`${PAYEE_SHOWN} | ${NARRATION_SHOWN}`);
    for (const args of [["reg", file], ["reg", file, "--lang", "zh"], ["bal", file], ["claims", file], ["report", "structure", file, "--by", "payee"], ["report", "trend", file, "--by", "claimant", "--pending"], ["is", file]]) {
      const run = runCli(args);
      expect(run.code, `${args.join(" ")}: ${run.stderr}`).toBe(0);
      expectNoRawControls(run.stdout + run.stderr, args.join(" "));
    }
    const claims = runCli(["claims", file]).stdout;
    expect(claims).toContain("EC-\\x1b[2J1");
    expect(claims).toContain("王伟\\u202e");
    expect(runCli(["report", "structure", file, "--by", "payee"]).stdout).toContain(PAYEE_SHOWN);
  });

  it("reg cuts a long description after escaping, never inside an escape", () => {
    for (let width = 40; width <= 140; width++) {
      const run = runCli(["reg", file], { COLUMNS: String(width) });
      expectNoRawControls(run.stdout, `COLUMNS=${width}`);
      // A cut escape would leave `\x1…`, `\u20…`, or a lone backslash before the ellipsis.
      expect(run.stdout, `COLUMNS=${width}`).not.toMatch(/\\(?:x[0-9a-f]?|u[0-9a-f]{0,3})?…/);
      for (const line of run.stdout.split("\n")) expect(displayWidth(line), `COLUMNS=${width}: ${line}`).toBeLessThanOrEqual(Math.max(width, 100));
    }
  });

  it("in check's messages and excerpts, with the caret under the problem", () => {
    const run = runCli(["check", journal(UNBALANCED)]);
    expect(run.code).toBe(1);
    expectNoRawControls(run.stderr, "check");
    const lines = run.stderr.split("\n");
    const at = lines.findIndex((line) => line.includes("does not balance"));
    expect(lines[at + 1]).toBe(` 17 | 2026-01-07 * "bad\\x1b[2J" "\\x1b]52;c;ZWNobyBoaQ==\\x07"`);
    expect(lines[at + 2]).toBe("    | ^");
    // A message quoting journal text: the receipt's name.
    const receipt = diagnosticLines(run.stderr).find((d) => d.message.startsWith("receipt file does not exist"));
    expect(receipt?.message).toBe("receipt file does not exist: 'receipts/\\x1b]52;c;ZWNobyBoaQ==\\x07.pdf'");
  });

  it("the caret follows escapes, wide characters and tabs before it", () => {
    const run = runCli(["check", journal(`2026-01-01 open Assets:Cash CNY\n2026-01-05 * "王\x1b伟"\t"拜访" @@@\n  Assets:Cash 1 CNY\n`)]);
    const lines = run.stderr.split("\n");
    expect(diagnosticLines(run.stderr)[0]).toMatchObject({ line: 2, column: 25 });
    expect(lines[1]).toBe(` 2 | 2026-01-05 * "王\\x1b伟"\t"拜访" @@@`);
    expect(lines[2]).toBe(`   | ${" ".repeat(displayWidth('2026-01-05 * "王\\x1b伟"'))}\t${" ".repeat(displayWidth('"拜访" '))}^`);
  });

  it("CSV and JSON keep the exact text", () => {
    const csv = parseCsv(runCli(["reg", file, "--format", "csv"]).stdout);
    expect(csv[1]!.slice(2, 4)).toEqual([PAYEE, NARRATION]);
    const json = JSON.parse(runCli(["claims", file, "--format", "json"]).stdout);
    expect(json.claims[0].claim).toBe(`EC-${CLEAR_SCREEN}1`);
    expect(json.claims[0].claimant).toBe(`王伟${RIGHT_TO_LEFT}`);
  });

  it("print keeps the exact text for a pipe and for -o FILE, and escapes it on a terminal", () => {
    const piped = runCli(["print", file]);
    expect(piped.stdout).toContain(`"${PAYEE}" "${NARRATION}"`);
    const output = join(temporaryFolder(), "printed.beancount");
    expect(runOnTerminal(["print", file, "-o", output]).code).toBe(0);
    expect(readFileSync(output, "utf8")).toBe(piped.stdout);
    const shown = runOnTerminal(["print", file]);
    expect(shown.code).toBe(0);
    expectNoRawControls(shown.stdout, "print on a terminal");
    expect(shown.stdout).toContain(`"${PAYEE_SHOWN}" "${NARRATION_SHOWN.replace("\\x09", "\t")}"`);
  });

  it("a --dry-run diff is exact for a pipe and escaped on a terminal", () => {
    const withoutReceipt = journal(TEXT.replace(/ {4}receipt: .*\n/, ""));
    const args = ["approve", withoutReceipt, `EC-${CLEAR_SCREEN}1`, "--by", "赵敏", "--on", "2026-01-08", "--dry-run"];
    const piped = runCli(args);
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout).toContain(CLEAR_SCREEN);
    const shown = runOnTerminal(args);
    expectNoRawControls(shown.stdout + shown.stderr, "diff on a terminal");
    expect(shown.stdout).toContain("EC-\\x1b[2J1");
  });

  it("usage errors quoting an argument escape it", () => {
    const run = runCli(["bal", file, "--format", `x${CLEAR_SCREEN}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("feeledger: unknown format 'x\\x1b[2J' (expected table, csv, json, xlsx or html)\n");
    const unknown = runCli(["bal", file, `--${CLEAR_SCREEN}`]);
    expect(unknown.code).toBe(2);
    expectNoRawControls(unknown.stderr, "unknown option");
  });
});

describe("a long line gives a short excerpt", () => {
  it("a 10 MB bad line prints a window around the column, the caret on the bad token", () => {
    const before = "a".repeat(5_000_000);
    const after = "b".repeat(5_000_000);
    const file = journal(`2026-01-01 open Assets:Cash CNY\n2026-01-02 * "x" "${before}" @@@ ${after}\n  Assets:Cash 1 CNY\n`);
    const run = runCli(["check", file]);
    expect(run.code).toBe(1);
    expect(run.stderr.length).toBeLessThan(3000);
    const lines = run.stderr.split("\n");
    const [diagnostic] = diagnosticLines(run.stderr);
    expect(diagnostic!.line).toBe(2);
    const column = diagnostic!.column;
    const excerpt = lines[1]!.slice(" 2 | ".length);
    const caret = lines[2]!.slice(" 2 | ".length);
    expect(excerpt.startsWith("...")).toBe(true);
    expect(excerpt.endsWith("...")).toBe(true);
    expect(displayWidth(excerpt)).toBeLessThanOrEqual(100);
    // The caret stands under the character at the reported column.
    const source = readFileSync(file, "utf8").split("\n")[1]!;
    expect(caret.trim()).toBe("^");
    expect(excerpt[caret.indexOf("^")]).toBe(source[column - 1]);
    expect(excerpt.slice(caret.indexOf("^"), caret.indexOf("^") + 10)).toBe(source.slice(column - 1, column + 9));
  });

  it("a line that fits is shown whole; one a little too long is cut at the end", () => {
    const fits = runCli(["check", journal(`2026-01-01 open Assets:Cash CNY\n2026-01-05 * "x" @@@ "${"y".repeat(60)}"\n`)]);
    expect(fits.stderr.split("\n")[1]).toBe(` 2 | 2026-01-05 * "x" @@@ "${"y".repeat(60)}"`);
    const long = runCli(["check", journal(`2026-01-01 open Assets:Cash CNY\n2026-01-05 * "x" @@@ "${"y".repeat(200)}"\n`)]);
    const excerpt = long.stderr.split("\n")[1]!;
    expect(excerpt.startsWith(' 2 | 2026-01-05 * "x" @@@ "yyy')).toBe(true);
    expect(excerpt.endsWith("y...")).toBe(true);
    expect(displayWidth(excerpt.slice(" 2 | ".length))).toBe(100);
  });
});
