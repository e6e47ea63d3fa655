// `feeledger reject FILE CLAIM... --by NAME --reason TEXT [--on DATE] [--dry-run]`: record a rejection.
import type { Command } from "commander";
import { resolveJournal, type CommandShared } from "../context.js";
import { decisionDate, requireClaimIds, requireText, runDecision } from "./claim-decision.js";

export function registerReject(program: Command, { io, setExit, global }: CommandShared): void {
  program
    .command("reject")
    .argument("[FILE-AND-CLAIMS...]")
    .option("--by <NAME>")
    .option("--reason <TEXT>")
    .option("--on <DATE>")
    .option("--dry-run")
    .action((args: string[], options: { by?: string; reason?: string; on?: string; dryRun?: boolean }) => {
      const journal = resolveJournal(io, global().file, args);
      const claims = requireClaimIds(journal.rest, "reject");
      const by = requireText(options.by, "--by NAME", "reject");
      const reason = requireText(options.reason, "--reason TEXT", "reject");
      setExit(runDecision(io, {
        file: journal.file, claims, decision: { kind: "reject", by, reason, on: decisionDate(io, options.on) },
        dryRun: options.dryRun === true, color: global().color,
      }));
    });
}
