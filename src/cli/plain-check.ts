// `feeledger check` in the plain forms plain.ts recognises: the check command's own code with the
// process's Io, and failures reported as main.ts reports them; no commander.
import { checkCommand, type CheckArguments } from "./commands/check.js";
import type { Io } from "./context.js";
import { failure } from "./failure.js";

/** Run `check` as main() would for the same command line; returns the exit status. */
export function runPlainCheck(given: Io, check: CheckArguments): number {
  const io: Io = { ...given, lang: "en" };
  try {
    return checkCommand(io, check);
  } catch (thrown) {
    return failure(thrown, io, "en");
  }
}
