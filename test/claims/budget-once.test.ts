// A budget breach under `warn` is said once, at the claim that crosses the line, not again on every
// later claim of that period; back within the budget, the next crossing is said again; each period
// starts afresh. Under `block` every claim over the line is named (each one breaks the rule).
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnosticLines, runCli } from "../helpers/cli.js";

const HEAD = `2026-01-01 open Assets:Bank  CNY
2026-01-01 open Liabilities:Payable  CNY
2026-01-01 open Expenses:Fees:Visits  CNY
2026-01-01 custom "feeledger-option" "claims" "claims/*.beancount"
`;

function claim(date: string, id: string, amount: string, flag = "*", status = "posted"): string {
  return `\n${date} ${flag} "王伟" "拜访"\n  claim: "${id}"\n  claimant: "王伟"\n  status: "${status}"\n`
    + `  Expenses:Fees:Visits  ${amount} CNY\n  Liabilities:Payable\n`;
}

/** Writes the books (and a claim file) and returns the budget messages `check` gives, shortened. */
function budgetMessages(budget: string, books: string, claims = ""): string[] {
  const dir = mkdtempSync(join(tmpdir(), "feeledger-budget-once-"));
  mkdirSync(join(dir, "claims"));
  writeFileSync(join(dir, "main.beancount"), HEAD + budget + books);
  writeFileSync(join(dir, "claims", "2026.beancount"), claims);
  const run = runCli(["check", join(dir, "main.beancount")]);
  return diagnosticLines(run.stderr)
    .filter((d) => d.message.includes("budget of"))
    .map((d) => `${d.severity} ${d.message.replace(/ Expenses:Fees to /, " to ").replace(/, over its monthly budget of 1000\.00 CNY/, "")}`);
}

const WARN = `2026-01-01 custom "budget" Expenses:Fees "monthly" 1000.00 CNY\n`;
const BLOCK = `2026-01-01 custom "budget" Expenses:Fees "monthly" 1000.00 CNY\n  action: "block"\n`;

const JANUARY = claim("2026-01-05", "EC-1", "400.00") + claim("2026-01-10", "EC-2", "500.00")
  + claim("2026-01-15", "EC-3", "300.00") // 1200.00: crosses the line
  + claim("2026-01-20", "EC-4", "100.00") // 1300.00: over already
  + claim("2026-01-25", "EC-5", "50.00"); // 1350.00: over already

describe("a budget breach is said once per crossing", () => {
  it("under warn: at the claim that crosses the line only, across several claims of one period", () => {
    expect(budgetMessages(WARN, JANUARY)).toEqual(["warning EC-3: takes to 1200.00 CNY in 2026-01"]);
  });

  it("each period starts afresh, and a period back within the budget is said again when crossed again", () => {
    const refund = `\n2026-01-26 * "退款"\n  Expenses:Fees:Visits  -600.00 CNY\n  Assets:Bank\n`; // back to 750.00
    const books = JANUARY + refund
      + claim("2026-01-28", "EC-6", "300.00") // 1050.00: crosses again
      + claim("2026-01-29", "EC-7", "10.00")
      + claim("2026-02-03", "EC-8", "900.00")
      + claim("2026-02-10", "EC-9", "200.00") // 1100.00 in February: crosses
      + claim("2026-02-12", "EC-10", "20.00")
      + claim("2026-03-01", "EC-11", "999.00"); // within March's budget
    expect(budgetMessages(WARN, books)).toEqual([
      "warning EC-3: takes to 1200.00 CNY in 2026-01",
      "warning EC-6: takes to 1050.00 CNY in 2026-01",
      "warning EC-9: takes to 1100.00 CNY in 2026-02",
    ]);
  });

  it("a line crossed by another transaction is said at the next claim", () => {
    const books = `\n2026-01-02 * "预付"\n  Expenses:Fees:Visits  1500.00 CNY\n  Assets:Bank\n` + claim("2026-01-05", "EC-1", "10.00") + claim("2026-01-06", "EC-2", "10.00");
    expect(budgetMessages(WARN, books)).toEqual(["warning EC-1: takes to 1510.00 CNY in 2026-01"]);
  });

  it("claims in progress: warned only when posting would cross the line", () => {
    const inProgress = claim("2026-01-28", "EC-20", "600.00", "!", "submitted") + claim("2026-02-05", "EC-21", "1100.00", "!", "submitted")
      + claim("2026-02-06", "EC-22", "10.00", "!", "submitted");
    // EC-20: January was said over at EC-3; EC-22 alone stays within February's budget.
    expect(budgetMessages(WARN, JANUARY, inProgress)).toEqual([
      "warning EC-3: takes to 1200.00 CNY in 2026-01",
      "warning EC-21: posting it would take to 1100.00 CNY in 2026-02",
    ]);
  });

  it("under block: every claim over the line is named, posted (an error) or in progress", () => {
    const inProgress = claim("2026-01-28", "EC-20", "600.00", "!", "submitted");
    expect(budgetMessages(BLOCK, JANUARY, inProgress)).toEqual([
      "error EC-3: takes to 1200.00 CNY in 2026-01 (action block)",
      "error EC-4: takes to 1300.00 CNY in 2026-01 (action block)",
      "error EC-5: takes to 1350.00 CNY in 2026-01 (action block)",
      "warning EC-20: posting it would take to 1950.00 CNY in 2026-01 (action block: posting it will be refused)",
    ]);
  });
});
