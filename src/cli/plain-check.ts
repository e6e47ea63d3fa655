// `feeledger check` in the plain forms plain.ts recognises: the check command's own code with the
// process's Io, and failures reported as main.ts reports them; no commander.
import { checkCommand, type CheckArguments } from "./commands/check.js";
import type { Io } from "./context.js";
import { failure } from "./failure.js";

/**
 * Run `check` as main() would for the same command line (in English, the only language plain.ts
 * takes, as an Io without a language speaks); returns the exit status. The Io is used as given,
 * not copied, so that processIo()'s streams are made only if the check has something to print.
 */
export function runPlainCheck(io: Io, check: CheckArguments): number {
  try {
    return checkCommand(io, check);
  } catch (thrown) {
    return failure(thrown, io, "en");
  }
}
