// The books after `pay` as beancount 2.3.5 sees them: scripts/freeze-pay-fixtures.py ran the same
// commands, found bean-check clean, and froze bean-query's balances and the hashes of the files it
// checked. Here the commands run again; the files must be the very ones bean-check read, and
// `feeledger bal` must give bean-query's balances.
import { createHash } from "node:crypto";
import { cpSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Decimal } from "../../src/core/number.js";
import { runCli } from "../helpers/cli.js";
import { parseCsv } from "../helpers/csv.js";
import { root } from "../helpers/journals.js";
import { removeTemporaryFolders, temporaryFolder } from "./journal.js";

afterAll(removeTemporaryFolders);

interface Case { journal: string; today: string; commands: string[][] }

const FIXTURES = join(root, "test/fixtures/pay");
const REFREEZE = "if the change is intended, run scripts/freeze-pay-fixtures.py (needs beancount) and review the diff";

for (const name of readdirSync(FIXTURES).sort()) {
  const folder = join(FIXTURES, name);
  const scenario = JSON.parse(readFileSync(join(folder, "case.json"), "utf8")) as Case;
  describe(`pay, frozen case ${name}`, () => {
    it("writes the files bean-check passed, and bal gives bean-query's balances", () => {
      const work = temporaryFolder();
      if (scenario.journal.startsWith("samples/")) cpSync(join(root, "samples"), join(work, "samples"), { recursive: true });
      else cpSync(join(folder, dirname(scenario.journal)), join(work, dirname(scenario.journal)), { recursive: true });
      const journal = join(work, scenario.journal);
      for (const command of scenario.commands) {
        const args = command.map((arg) => arg.replace("{journal}", journal).replace("{dir}", dirname(journal)));
        const run = runCli(args, { FEELEDGER_TODAY: scenario.today });
        expect(run.code, `feeledger ${args.join(" ")}\n${run.stderr}`).toBe(0);
      }
      for (const line of readFileSync(join(folder, "after.sha256"), "utf8").trim().split("\n")) {
        const [hash, file] = line.split("  ") as [string, string];
        const actual = createHash("sha256").update(readFileSync(join(work, file))).digest("hex");
        expect(actual, `${file} differs from the text bean-check passed; ${REFREEZE}`).toBe(hash);
      }
      const bal = runCli(["bal", journal, "--format", "csv"], { FEELEDGER_TODAY: scenario.today });
      expect(bal.code, bal.stderr).toBe(0);
      const ours = new Map(parseCsv(bal.stdout).slice(1).map(([account, commodity, amount]) => [`${account} ${commodity}`, new Decimal(amount!)]));
      const theirs = new Map(parseCsv(readFileSync(join(folder, "expected.csv"), "utf8")).slice(1).map(([account, commodity, amount]) => [`${account} ${commodity}`, new Decimal(amount!)]));
      expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
      for (const [key, amount] of theirs) expect(ours.get(key)!.equals(amount), `${key}: bal ${ours.get(key)} bean-query ${amount}`).toBe(true);
    });
  });
}
