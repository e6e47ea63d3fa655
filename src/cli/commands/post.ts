// `feeledger post FILE [CLAIM...|--all] [--on DATE] [--dry-run]`: post approved claims to the books:
// each moves from its claim file into the books (flag ! to *, status posted, posted-on; the post-to
// file, claims/layout.ts), refusing any that is not approved, breaks a blocking rule or would break
// the books (a balance assertion, no-negative). Named claims are all posted or none; --all posts
// every approved claim that passes.
import type { Command } from "commander";
import { UsageError, resolveJournal, type CommandShared } from "../context.js";
import { decisionDate, runDecision } from "./claim-decision.js";
import { message } from "../../i18n/message.js";

export function registerPost(program: Command, { io, setExit, global }: CommandShared): void {
  program
    .command("post")
    .argument("[FILE-AND-CLAIMS...]")
    .option("--all")
    .option("--on <DATE>")
    .option("--dry-run")
    .action((args: string[], options: { all?: boolean; on?: string; dryRun?: boolean }) => {
      const journal = resolveJournal(io, global().file, args);
      if (options.all === true && journal.rest.length > 0) throw new UsageError(message("usage claims or all", {}));
      if (options.all !== true && journal.rest.length === 0) throw new UsageError(message("usage post needs claims", {}));
      setExit(runDecision(io, {
        file: journal.file, claims: options.all === true ? "all" : journal.rest, decision: { kind: "post", on: decisionDate(io, options.on) },
        dryRun: options.dryRun === true, color: global().color,
      }));
    });
}
