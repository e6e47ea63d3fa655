// Which claims the books have paid: entries linking a claim's id that debit its payable, shared out
// over the linked claims in claim date order.
import { afterAll, describe, expect, it } from "vitest";
import { loadLedger } from "../../src/loader/load.js";
import { claimBalances, owedOn, paidState } from "../../src/claims/payments.js";
import { BANK, CASH, CHART, LI, VISIT, WANG, approvedClaim, journal, postedClaim, removeTemporaryFolders } from "./journal.js";

afterAll(removeTemporaryFolders);

function balancesOf(text: string, end: string | null = null) {
  const ledger = loadLedger(journal(text));
  expect(ledger.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return claimBalances(ledger.entries, { liabilitiesRoot: "Liabilities", end });
}

/** Each claim as "state paid/owed". */
function states(text: string, end: string | null = null): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [id, balance] of balancesOf(text, end)) {
    result[id] = `${paidState(balance)} ${balance.debts.map((debt) => `${debt.paid.toFixed(2)}/${owedOn(debt).toFixed(2)}`).join(" ")}`.trim();
  }
  return result;
}

const payment = (date: string, links: string, lines: string[]) => `
${date} * "工商银行" "报销款支付" ${links}
${lines.map((line) => `  ${line}`).join("\n")}
`;

describe("claimBalances", () => {
  it("shares one debit per employee over the linked claims in claim date order", () => {
    const text = CHART
      + postedClaim("EC-2", "2026-03-05", WANG, "200.00")
      + postedClaim("EC-1", "2026-03-02", WANG, "300.00")
      + postedClaim("EC-3", "2026-03-06", LI, "50.00", "李娜")
      + payment("2026-03-20", "^EC-1 ^EC-2 ^EC-3", [`${WANG}  400.00 CNY`, `${LI}  50.00 CNY`, `${BANK}`]);
    // 400 covers EC-1 (dated first) in full and 100 of EC-2.
    expect(states(text)).toEqual({ "EC-2": "partly 100.00/100.00", "EC-1": "paid 300.00/0.00", "EC-3": "paid 50.00/0.00" });
  });

  it("counts only entries that link the claim and debit its own payable", () => {
    const text = CHART
      + postedClaim("EC-1", "2026-03-02", WANG, "300.00")
      + postedClaim("EC-2", "2026-03-02", LI, "80.00", "李娜")
      // No link: the account's balance moves, the claim stays unpaid.
      + payment("2026-03-20", "", [`${WANG}  300.00 CNY`, `${BANK}`])
      // A link, but the debit is to another employee's payable.
      + payment("2026-03-21", "^EC-2", [`${WANG}  80.00 CNY`, `${BANK}`]);
    expect(states(text)).toEqual({ "EC-1": "unpaid 0.00/300.00", "EC-2": "unpaid 0.00/80.00" });
  });

  it("adds up several payments, and a debit beyond what is owed pays nothing more", () => {
    const text = CHART
      + postedClaim("EC-1", "2026-03-02", WANG, "300.00")
      + payment("2026-03-10", "^EC-1", [`${WANG}  100.00 CNY`, `${BANK}`])
      + payment("2026-03-20", "^EC-1", [`${WANG}  250.00 CNY`, `${BANK}`]);
    const balance = balancesOf(text).get("EC-1")!;
    expect(paidState(balance)).toBe("paid");
    expect(balance.debts[0]!.payments.map((p) => [p.entry.date, p.amount.toFixed(2)])).toEqual([["2026-03-10", "100.00"], ["2026-03-20", "200.00"]]);
  });

  it("with an end date, leaves out claims and payments dated on or after it", () => {
    const text = CHART
      + postedClaim("EC-1", "2026-03-02", WANG, "300.00")
      + postedClaim("EC-2", "2026-04-02", WANG, "20.00")
      + payment("2026-03-20", "^EC-1", [`${WANG}  300.00 CNY`, `${BANK}`]);
    expect(states(text, "2026-03-20")).toEqual({ "EC-1": "unpaid 0.00/300.00" });
    expect(states(text, "2026-03-21")).toEqual({ "EC-1": "paid 300.00/0.00" });
  });

  it("a claim settled in cash owes nothing; a claim's own link and pending claims are not payments", () => {
    const text = CHART
      + `
2026-03-02 * "王伟" "现金报销" ^EC-1
  claim: "EC-1"
  claimant: "王伟"
  approved-by: "赵敏"
  ${VISIT}  30.00 CNY
  ${CASH}
`
      + postedClaim("EC-2", "2026-03-02", WANG, "300.00")
      + approvedClaim("EC-3", "2026-03-03", WANG, "10.00")
      + `
2026-03-04 ! "王伟" "pending claim linking EC-2" ^EC-2
  claim: "EC-4"
  claimant: "王伟"
  ${WANG}  300.00 CNY
  ${VISIT}
`;
    const balances = balancesOf(text);
    expect(balances.get("EC-1")!.debts).toEqual([]);
    expect(paidState(balances.get("EC-1")!)).toBe("paid");
    expect(states(text)["EC-2"]).toBe("unpaid 0.00/300.00");
    expect(balances.has("EC-3")).toBe(false);
  });
});
