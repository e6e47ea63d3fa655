// `feeledger approve FILE CLAIM... --by NAME [--on DATE] [--dry-run]`: record an approval in the claim
// (a further one, approved-by-2 ..., when the earlier approvers' limits do not cover it).
import type { Command } from "commander";
import { resolveJournal, type CommandShared } from "../context.js";
import { decisionDate, requireClaimIds, requireText, runDecision } from "./claim-decision.js";

export function registerApprove(program: Command, { io, setExit, global }: CommandShared): void {
  program
    .command("approve")
    .description("approve expense claims: status approved, approved-by, approved-on (approved-by-2 ... for a further approver)")
    .argument("[FILE-AND-CLAIMS...]", "the journal, then one or more claim ids")
    .option("--by <NAME>", "who approves (not the claimant, nor someone who approved it already)")
    .option("--on <DATE>", "the date of the approval (default: today)")
    .option("--dry-run", "print the change as a unified diff and write nothing")
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
