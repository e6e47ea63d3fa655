// What a command that threw becomes: its message on standard error and the exit status. main.ts
// uses it once commander's own errors are handled; start.ts's path for a plain `check` without
// commander (plain.ts) uses it as is, so both print and exit alike.
import { SourceChangedError } from "../source/files.js";
import { EXIT_ERRORS, EXIT_INTERNAL, EXIT_USAGE, UsageError, type Io } from "./context.js";
import { terminalText } from "../render/terminal.js";
import type { Lang } from "../i18n/lang.js";
import { translate } from "../i18n/message.js";

/** Report `thrown` (not a commander error) on io.stderr; returns the exit status. */
export function failure(thrown: unknown, io: Io, lang: Lang): number {
  if (thrown instanceof UsageError) {
    io.stderr(`feeledger: ${terminalText(thrown.said === null ? thrown.message : translate(thrown.said, lang))}\n`);
    return EXIT_USAGE;
  }
  if (thrown instanceof SourceChangedError) {
    io.stderr(`feeledger: ${terminalText(thrown.message)}\n`);
    return EXIT_ERRORS;
  }
  io.stderr(`feeledger: internal error: ${terminalText((thrown as Error)?.message ?? String(thrown))}\n`);
  if (io.env.FEELEDGER_DEBUG) io.stderr(`${(thrown as Error)?.stack ?? ""}\n`);
  return EXIT_INTERNAL;
}
