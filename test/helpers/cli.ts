// Run the real CLI in-process with captured output, as a user would run bin/feeledger.
import { main, type Io } from "../../src/cli/main.js";
import { COMMANDS } from "../../src/cli/commands/index.js";

/** The day the tests run on, as the README examples do. */
export const PINNED_TODAY = "2027-01-15";

export interface CliResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

/**
 * `terminal`: standard output and error are a terminal (colour stays off through NO_COLOR).
 * Today is pinned to 2027-01-15 unless `env` says otherwise, so that reports whose default period
 * depends on the date (year to date, the last month with data) give the same answer on any day.
 */
export function runCli(args: readonly string[], env: Record<string, string | undefined> = {}, terminal = false): CliResult {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: (text) => { stdout += text; },
    stderr: (text) => { stderr += text; },
    env: { NO_COLOR: "1", FEELEDGER_TODAY: PINNED_TODAY, ...env },
    stdoutIsTty: terminal,
    stderrIsTty: terminal,
  };
  const code = main(["node", "feeledger", ...args], io, COMMANDS);
  return { stdout, stderr, code };
}

/** Parse `FILE:LINE:COL: severity: message` lines out of stderr. */
export function diagnosticLines(stderr: string): { file: string; line: number; column: number; severity: string; message: string }[] {
  const result = [];
  for (const line of stderr.split("\n")) {
    const match = /^(.+?):(\d+):(\d+): (error|warning): (.*)$/.exec(line);
    if (match) result.push({ file: match[1]!, line: Number(match[2]), column: Number(match[3]), severity: match[4]!, message: match[5]! });
  }
  return result;
}

/** `runCli` from inside `dir` (file names in messages are then relative to it). */
export function runCliIn(dir: string, args: readonly string[], env: Record<string, string | undefined> = {}): CliResult {
  const previous = process.cwd();
  process.chdir(dir);
  try {
    return runCli(args, env);
  } finally {
    process.chdir(previous);
  }
}
