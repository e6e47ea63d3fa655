// Separation of duties compares people, not bytes (issue #11 item 14): `--by alice` must not
// approve Alice's claim, nor may NFD "José", a trailing zero-width space, full-width `Ａｌｉｃｅ` or
// `王 伟`; and `check` finds such a posted claim. Through the real CLI.
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diagnosticLines } from "../helpers/cli.js";
import { claim, cli, journal, read, removeTemporaryFolders, sampleCopy } from "../claims/journal.js";

afterAll(removeTemporaryFolders);

/** A fresh copy of samples/english.beancount (no approval limits: any other person may approve). */
function englishCopy(): string {
  return join(dirname(sampleCopy()), "english.beancount");
}

/**
 * The texts of the English books and of their claim file, english-claims.beancount, where its
 * claims in progress (EC-2026-017, EC-2026-018) are approved and rejected.
 */
function texts(file: string): { books: string; claims: string } {
  return { books: read(file), claims: read(join(dirname(file), "english-claims.beancount")) };
}

const ACCOUNTS = "2026-01-01 open Expenses:Visits CNY\n2026-01-01 open Liabilities:Payable CNY\n\n";

describe("approve refuses the claimant under any spelling", () => {
  it("Alice's claim: alice, ALICE, full-width, with a zero-width space or a BOM", () => {
    const file = englishCopy();
    const before = texts(file);
    expect(before.claims).toContain('claim: "EC-2026-018"');
    for (const by of ["alice", "ALICE", "Ａｌｉｃｅ", "Alice\u200b", "\ufeffAlice", "A lice"]) {
      const run = cli("approve", file, "EC-2026-018", "--by", by);
      expect(run.code, by).toBe(1);
      expect(diagnosticLines(run.stderr).map((d) => d.message), by).toEqual([
        "EC-2026-018 not approved: approved by its own claimant Alice (separation of duties)",
      ]);
      expect(texts(file)).toEqual(before);
    }
    // Someone else may.
    expect(cli("approve", file, "EC-2026-018", "--by", "Dana Brooks").code).toBe(0);
    expect(texts(file).claims).not.toBe(before.claims);
  });

  it("José (NFC claimant, NFD approver) and 王伟 / 王 伟", () => {
    const text = ACCOUNTS
      + claim({ date: "2026-02-01", id: "EC-1", claimant: "Jos\u00e9", lines: ["Expenses:Visits   10.00 CNY", "Liabilities:Payable"] })
      + claim({ date: "2026-02-01", id: "EC-2", claimant: "王伟", lines: ["Expenses:Visits   10.00 CNY", "Liabilities:Payable"] });
    const file = journal(text);
    for (const [id, by, claimant] of [["EC-1", "Jose\u0301", "Jos\u00e9"], ["EC-1", "JOSÉ", "Jos\u00e9"], ["EC-2", "王 伟", "王伟"], ["EC-2", "王\u3000伟\u200b", "王伟"]] as const) {
      const run = cli("approve", file, id, "--by", by);
      expect(run.code, by).toBe(1);
      expect(run.stderr).toContain(`${id} not approved: approved by its own claimant ${claimant} (separation of duties)`);
    }
    expect(read(file)).toBe(text);
  });
});

describe("a decision already recorded by the same person under another spelling changes nothing", () => {
  it("reject and approve twice", () => {
    const file = englishCopy();
    expect(cli("reject", file, "EC-2026-017", "--by", "Dana Brooks", "--reason", "over the gift limit").code).toBe(0);
    expect(cli("approve", file, "EC-2026-018", "--by", "Dana Brooks").code).toBe(0);
    const decided = texts(file);
    expect(decided.claims).toContain('  rejected-by: "Dana Brooks"\n');
    expect(decided.claims).toContain('  approved-by: "Dana Brooks"\n');
    expect(cli("reject", file, "EC-2026-017", "--by", "dana  brooks", "--reason", "again")).toMatchObject({
      code: 0, stdout: "EC-2026-017 is already rejected by Dana Brooks on 2026-12-31; nothing to do\n",
    });
    expect(cli("approve", file, "EC-2026-018", "--by", "DANABROOKS")).toMatchObject({
      code: 0, stdout: "EC-2026-018 is already approved by Dana Brooks on 2026-12-31; nothing to do\n",
    });
    expect(texts(file)).toEqual(decided);
  });
});

describe("check finds a posted claim approved by its claimant under another spelling", () => {
  it("reports each one", () => {
    const posted = (id: string, claimant: string, approver: string) => claim({
      date: "2026-02-01", id, claimant, flag: "*", meta: [`approved-by: "${approver}"`, "approved-on: 2026-02-02"],
      lines: ["Expenses:Visits   10.00 CNY", "Liabilities:Payable"],
    });
    const run = cli("check", journal(ACCOUNTS
      + posted("EC-1", "Alice", "alice")
      + posted("EC-2", "Alice", "Ａｌｉｃｅ")
      + posted("EC-3", "Jos\u00e9", "Jose\u0301")
      + posted("EC-4", "王伟", "王 伟\u200b")
      + posted("EC-5", "王伟", "王玮")));
    expect(run.code).toBe(1);
    expect(diagnosticLines(run.stderr).map((d) => d.message)).toEqual([
      "EC-1: approved by its own claimant Alice (separation of duties)",
      "EC-2: approved by its own claimant Alice (separation of duties)",
      "EC-3: approved by its own claimant Jos\u00e9 (separation of duties)",
      "EC-4: approved by its own claimant 王伟 (separation of duties)",
    ]);
  });
});
