// What the cli-*.test.ts reliability tests share: temporary journals, an in-process run with a
// terminal for standard output, and a real process of bin/feeledger.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli, type CliResult } from "../helpers/cli.js";
import { root } from "../helpers/journals.js";

const folders: string[] = [];

/** A fresh temporary folder, removed by removeTemporaryFolders (for afterAll). */
export function temporaryFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "feeledger-reliability-"));
  folders.push(dir);
  return dir;
}

export function removeTemporaryFolders(): void {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A journal file holding `text` in a fresh folder. */
export function journal(text: string, name = "main.beancount"): string {
  const file = join(temporaryFolder(), name);
  writeFileSync(file, text);
  return file;
}

/** runCli, but standard output (and standard error) is a terminal; no colour. */
export function runOnTerminal(args: readonly string[], env: Record<string, string | undefined> = {}): CliResult {
  return runCli(args, env, true);
}

/** bin/feeledger as a real process (built by `npm run build`, which `npm test` runs first). */
export function runProcess(args: readonly string[], env: Record<string, string> = {}): CliResult {
  const run = spawnSync(join(root, "bin/feeledger"), args, {
    encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env }, timeout: 30_000,
  });
  return { stdout: run.stdout, stderr: run.stderr, code: run.status ?? -1 };
}

/** A raw control character or bidi override that a terminal would obey (line feed and tab allowed). */
export const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
