// feeledger's version: what `--version` prints (main.ts gives it to commander; start.ts, and
// bin/feeledger through dist/plain.cjs, print it without loading commander when `--version` is
// the only argument).
export const VERSION = "0.1.0";

/** Whether the arguments (after node and the script) are `--version` or `-V` alone. */
export function asksVersionOnly(args: readonly string[]): boolean {
  return args.length === 1 && (args[0] === "--version" || args[0] === "-V");
}
