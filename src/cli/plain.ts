// The commonest command line, `feeledger check FILE`, run without commander: loading commander
// and building the program took about a tenth of that command's start (docs/PERFORMANCE.md). Only
// the plain forms are taken here, in English; anything else (another option, `--`, `-x=VALUE`, a
// value that starts with a dash, --lang, a Chinese locale, help) goes to commander as before.
// The parse only: plain-check.ts runs it.
import { chooseLang } from "../i18n/lang.js";
import type { CheckArguments } from "./commands/check.js";

/**
 * `[-f FILE | --file FILE] [--no-color] check [FILE] [--beancount]` (the global options before
 * `check`, each at most once; FILE and --beancount in either order), when the language is
 * English: what commander would hand the check command; null for anything else.
 */
export function plainCheck(args: readonly string[], env: Readonly<Record<string, string | undefined>>): CheckArguments | null {
  if (chooseLang(undefined, env) !== "en") return null;
  let index = 0;
  let fileOption: string | undefined;
  let color = true;
  for (; index < args.length && args[index] !== "check"; index++) {
    const arg = args[index]!;
    if ((arg === "-f" || arg === "--file") && fileOption === undefined) {
      const value = args[++index];
      if (value === undefined || value.startsWith("-")) return null;
      fileOption = value;
    } else if (arg === "--no-color" && color) {
      color = false;
    } else {
      return null;
    }
  }
  if (index === args.length) return null;
  let file: string | undefined;
  let beancount = false;
  for (index++; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === "--beancount" && !beancount) beancount = true;
    else if (!arg.startsWith("-") && file === undefined) file = arg;
    else return null;
  }
  return { fileOption, file, beancount, color };
}
