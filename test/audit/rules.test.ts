// Each audit rule finds the case planted in an inline journal, and passes over a near miss.
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { writeJournal } from "../customers/journal.js";

const OPENS = `
2025-01-01 open Assets:Bank CNY
2025-01-01 open Income:Sales CNY
2025-01-01 open Expenses:Fees:Visits CNY
2025-01-01 open Expenses:Fees:Events CNY
2025-01-01 open Expenses:Fees:Gifts CNY
2025-01-01 open Liabilities:Payable CNY
2025-01-01 custom "feeledger-option" "report-root" "Expenses:Fees"
2025-01-01 custom "policy" Expenses:Fees:Gifts "per-claim" 500.00 CNY
`;

interface ClaimSpec {
  id: string; date: string; claimant?: string; department?: string; customer?: string;
  account?: string; amount: string; meta?: string; postingMeta?: string;
}

function claim(spec: ClaimSpec): string {
  return `
${spec.date} * "${spec.claimant ?? "王伟"}" "claim ${spec.id}"
  claim: "${spec.id}"
  claimant: "${spec.claimant ?? "王伟"}"
  department: "${spec.department ?? "华东"}"
${spec.customer === undefined ? "" : `  customer: "${spec.customer}"\n`}${spec.meta ?? ""}  ${spec.account ?? "Expenses:Fees:Gifts"}   ${spec.amount} CNY
${spec.postingMeta ?? ""}  Liabilities:Payable
`;
}

function audit(journal: string, rule: string, extra: string[] = []): { code: string; line: string; claim: string; reason: string }[] {
  const file = writeJournal(OPENS + journal);
  const result = runCli(["audit", file, "--rule", rule, "--format", "json", ...extra]);
  expect(result.code).toBe(0);
  const parsed = JSON.parse(result.stdout) as { rows: { rule: string; location: string; claim: string; reason: string }[] };
  return parsed.rows.map((row) => ({ code: row.rule, line: row.location.split(":").slice(-2, -1)[0]!, claim: row.claim, reason: row.reason }));
}

describe("split-claims", () => {
  it("finds claims within 7 days, each under the per-claim limit, together over it", () => {
    // 300 + 250 = 550 > 500, four days apart: found at the second.
    const rows = audit(claim({ id: "A", date: "2026-03-02", amount: "300.00" }) + claim({ id: "B", date: "2026-03-06", amount: "250.00" }), "split-claims");
    expect(rows.map((row) => [row.code, row.claim])).toEqual([["split-claim", "B"]]);
    expect(rows[0]!.reason).toContain("2 claims by 王伟 within 7 days (A, B) charge 550.00 CNY");
  });
  it("passes over claims that together reach the limit exactly, or lie 8 days apart, or another claimant's", () => {
    expect(audit(claim({ id: "A", date: "2026-03-02", amount: "300.00" }) + claim({ id: "B", date: "2026-03-06", amount: "200.00" }), "split-claims")).toEqual([]);
    expect(audit(claim({ id: "A", date: "2026-03-02", amount: "300.00" }) + claim({ id: "B", date: "2026-03-10", amount: "250.00" }), "split-claims")).toEqual([]);
    expect(audit(claim({ id: "A", date: "2026-03-02", amount: "300.00" }) + claim({ id: "B", date: "2026-03-06", amount: "250.00", claimant: "李娜" }), "split-claims")).toEqual([]);
  });
  it("finds claims for one customer by different claimants; days come from the books", () => {
    const journal = claim({ id: "A", date: "2026-03-02", amount: "300.00", customer: "ACME" }) + claim({ id: "B", date: "2026-03-12", amount: "250.00", customer: "ACME", claimant: "李娜" });
    expect(audit(journal, "split-claims")).toEqual([]);
    const rows = audit(`2026-01-01 custom "audit-rule" "split-claims"\n  days: 14\n${journal}`, "split-claims");
    expect(rows.map((row) => row.reason.slice(0, 36))).toEqual(["2 claims for ACME within 14 days (A,"]);
  });
});

describe("calendar", () => {
  it("finds a public holiday, a weekend, and says when a year has no calendar", () => {
    const rows = audit(
      claim({ id: "H", date: "2026-10-02", amount: "10.00" }) // 国庆节 (Friday)
      + claim({ id: "W", date: "2026-11-14", amount: "10.00" }) // Saturday
      + claim({ id: "U", date: "2030-03-04", amount: "10.00" }), // no calendar for 2030
      "calendar");
    expect(rows.map((row) => [row.code, row.claim])).toEqual([["holiday", "H"], ["weekend", "W"], ["calendar-uncovered", "U"]]);
  });
  it("passes over make-up working days (调休) and weekdays", () => {
    // 2026-02-14 and 2026-10-10 are Saturdays worked (调休上班); 2025-01-26 a Sunday worked; 2026-11-16 a Monday.
    const journal = ["2026-02-14", "2026-10-10", "2025-01-26", "2026-11-16"].map((date, index) => claim({ id: `C${index}`, date, amount: "10.00" })).join("");
    expect(audit(journal, "calendar")).toEqual([]);
  });
});

describe("near-limit", () => {
  it("finds a claim within 5% under a per-claim limit or an approval tier", () => {
    const journal = `2025-01-01 custom "approval-limit" "赵敏" 1000.00 CNY\n`
      + claim({ id: "P", date: "2026-03-02", amount: "480.00" }) + claim({ id: "T", date: "2026-03-03", amount: "990.00", account: "Expenses:Fees:Visits" });
    expect(audit(journal, "near-limit").map((row) => row.claim)).toEqual(["P", "T"]);
  });
  it("passes over 474.99 (more than 5% under) and 500.01 (over: a policy breach, not this rule's)", () => {
    expect(audit(claim({ id: "P", date: "2026-03-02", amount: "474.99" }) + claim({ id: "Q", date: "2026-03-20", amount: "500.01" }), "near-limit")).toEqual([]);
  });
});

describe("peer-outlier", () => {
  const team = (amount: string) => ["甲", "乙", "丙", "丁"].map((name, index) => claim({ id: `V${index}`, date: "2026-03-02", claimant: name, amount: index === 3 ? amount : String(100 + index * 10) + ".00", account: "Expenses:Fees:Visits" })).join("");
  it("finds a claimant far above the department's peers", () => {
    // 100, 110, 120, 1000: median 115, deviations 15, 5, 5, 885 -> MAD 10; z = 0.6745 × 885 / 10 = 59.7.
    const rows = audit(team("1000.00"), "peer-outlier");
    expect(rows.map((row) => row.claim)).toEqual(["V3"]);
    expect(rows[0]!.reason).toContain("robust z 59.7");
  });
  it("passes over a claimant within the threshold (100, 110, 120, 160: MAD 10, z = 0.6745 × 45 / 10 = 3.04 ≤ 3.5)", () => {
    expect(audit(team("160.00"), "peer-outlier")).toEqual([]);
  });
});

describe("round-amounts", () => {
  it("finds a claimant whose amounts are mostly whole hundreds", () => {
    const rounds = ["100.00", "200.00", "300.00", "400.00", "500.00"].map((amount, index) => claim({ id: `R${index}`, date: `2026-03-0${index + 1}`, amount, account: "Expenses:Fees:Visits" })).join("");
    const others = ["123.45", "67.80", "45.60", "88.10", "91.20", "12.30"].map((amount, index) => claim({ id: `O${index}`, date: `2026-04-0${index + 1}`, amount, claimant: "李娜", account: "Expenses:Fees:Visits" })).join("");
    expect(audit(rounds + others, "round-amounts").map((row) => row.claim)).toEqual(["R4"]);
  });
  it("passes over a claimant with four amounts (fewer than min-count 5)", () => {
    const rounds = ["100.00", "200.00", "300.00", "400.00"].map((amount, index) => claim({ id: `R${index}`, date: `2026-03-0${index + 1}`, amount, account: "Expenses:Fees:Visits" })).join("");
    expect(audit(rounds, "round-amounts")).toEqual([]);
  });
});

describe("benford", () => {
  const amounts = (digits: (index: number) => number) => Array.from({ length: 20 }, (_, index) => claim({ id: `B${index}`, date: "2026-03-02", amount: `${digits(index)}${index % 10}.00`, account: "Expenses:Fees:Visits" })).join("");
  it("finds first digits far from Benford's law (min-count lowered to 20 in the books)", () => {
    const settings = `2025-01-01 custom "audit-rule" "benford"\n  min-count: 20\n`;
    expect(audit(settings + amounts(() => 9), "benford").map((row) => row.code)).toEqual(["benford"]);
  });
  it("says nothing with fewer amounts than min-count (default 300)", () => {
    expect(audit(amounts(() => 9), "benford")).toEqual([]);
  });
});

describe("gift-cap", () => {
  it("finds the gift that takes a customer over the yearly cap, pooled gifts split by the rules", () => {
    const journal = `2025-01-01 custom "allocation" Expenses:Fees "ratio"\n  shares: "ACME 1, Beta 1"\n2025-01-01 custom "audit-rule" "gift-cap"\n  limit: 550.00 CNY\n`
      + claim({ id: "G1", date: "2026-03-02", amount: "400.00", customer: "ACME" })
      + claim({ id: "G2", date: "2026-05-02", amount: "400.00", customer: "多客户" }); // ACME 200, Beta 200
    // ACME 400 + 200 = 600 > 550; Beta 200 stays under.
    const rows = audit(journal, "gift-cap");
    expect(rows.map((row) => [row.claim, row.reason])).toEqual([["G2", "gifts to ACME in 2026 reach 600.00 CNY, over the yearly cap of 550.00 CNY"]]);
  });
  it("counts a new year afresh and finds only what passes the cap", () => {
    const settings = `2025-01-01 custom "audit-rule" "gift-cap"\n  limit: 600.00 CNY\n`;
    const over = claim({ id: "G1", date: "2026-03-02", amount: "400.00", customer: "ACME" }) + claim({ id: "G2", date: "2026-05-02", amount: "400.00", customer: "ACME" });
    expect(audit(settings + over, "gift-cap").map((row) => [row.claim, row.reason])).toEqual([["G2", "gifts to ACME in 2026 reach 800.00 CNY, over the yearly cap of 600.00 CNY"]]);
    const apart = claim({ id: "G1", date: "2025-12-02", amount: "400.00", customer: "ACME" }) + claim({ id: "G2", date: "2026-01-02", amount: "400.00", customer: "ACME" });
    expect(audit(settings + apart, "gift-cap")).toEqual([]);
  });
});

describe("no-customer", () => {
  it("finds a visit without a customer, not one with a customer on the posting", () => {
    const journal = claim({ id: "N", date: "2026-03-02", amount: "50.00", account: "Expenses:Fees:Visits" })
      + claim({ id: "Y", date: "2026-03-03", amount: "50.00", account: "Expenses:Fees:Visits", postingMeta: '    customer: "ACME"\n' });
    expect(audit(journal, "no-customer").map((row) => row.claim)).toEqual(["N"]);
  });
});

describe("invoice-sequence and fapiao-after-claim", () => {
  it("finds three fapiao in a row across claims, not two, nor three on one claim", () => {
    const invoice = (number: string) => `    invoice: "031002600111-${number}"\n`;
    const three = claim({ id: "A", date: "2026-03-02", amount: "10.00", postingMeta: invoice("00000011") })
      + claim({ id: "B", date: "2026-03-03", amount: "10.00", postingMeta: invoice("00000012") })
      + claim({ id: "C", date: "2026-03-04", amount: "10.00", postingMeta: invoice("00000013") });
    expect(audit(three, "invoice-sequence").map((row) => row.claim)).toEqual(["C"]);
    const gap = three.replace("00000013", "00000015");
    expect(audit(gap, "invoice-sequence")).toEqual([]);
  });
  it("finds a fapiao dated after the claim, not one dated the same day", () => {
    const late = claim({ id: "L", date: "2026-03-02", amount: "10.00", meta: "  submitted-on: 2026-03-03\n", postingMeta: "    invoice-date: 2026-03-04\n" });
    const same = claim({ id: "S", date: "2026-03-02", amount: "10.00", meta: "  submitted-on: 2026-03-03\n", postingMeta: "    invoice-date: 2026-03-03\n" });
    expect(audit(late + same, "fapiao-after-claim").map((row) => [row.claim, row.reason])).toEqual([["L", "a fapiao is dated 2026-03-04, after the claim (2026-03-03)"]]);
  });
});
