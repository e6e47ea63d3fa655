// feeledger's version: what `--version` prints (main.ts gives it to commander; start.ts, and
// bin/feeledger through dist/plain.cjs, print it without loading commander when `--version` is
// the only argument).
import { writeSync } from "node:fs";

export const VERSION = "0.1.0";

/** Whether the arguments (after node and the script) are `--version` or `-V` alone. */
export function asksVersionOnly(args: readonly string[]): boolean {
  return args.length === 1 && (args[0] === "--version" || args[0] === "-V");
}

/**
 * Print the version on standard output, written at once rather than through process.stdout (making
 * that stream loads Node.js's stream modules, more than the rest of `--version`); the exit status.
 * As processIo does: a reader gone (EPIPE) is no failure, another write error is said, status 1.
 */
export function writeVersion(): number {
  try {
    writeSync(1, `${VERSION}\n`);
    return 0;
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code === "EPIPE") return 0;
    try {
      writeSync(2, `feeledger: cannot write the output: ${(thrown as Error).message}\n`);
    } catch {
      // Standard error is gone too: the status says it.
    }
    return 1;
  }
}
