// `feeledger approve FILE CLAIM... --by NAME [--on DATE] [--dry-run]`: record an approval in the claim
// (a further one, approved-by-2 ..., when the earlier approvers' limits do not cover it).
import type { Command } from "commander";
import { resolveJournal, type CommandShared } from "../context.js";
import { decisionDate, requireClaimIds, requireText, runDecision } from "./claim-decision.js";

export function registerApprove(program: Command, { io, setExit, global }: CommandShared): void {
  program
    .command("approve")
    .argument("[FILE-AND-CLAIMS...]")
    .option("--by <NAME>")
    .option("--on <DATE>")
    .option("--dry-run")
    .action((args: string[], options: { by?: string; on?: string; dryRun?: boolean }) => {
      const journal = resolveJournal(io, global().file, args);
      const claims = requireClaimIds(journal.rest, "approve");
      const by = requireText(options.by, "--by NAME", "approve");
      setExit(runDecision(io, {
        file: journal.file, claims, decision: { kind: "approve", by, on: decisionDate(io, options.on) },
        dryRun: options.dryRun === true, color: global().color,
      }));
    });
}
