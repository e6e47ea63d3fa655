// Journals for the period tests: copies of samples/ and small inline books, and the CLI with today
// fixed at 2027-01-15 (every month of 2026 has ended).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { diagnosticLines, runCli } from "../helpers/cli.js";

export const TODAY = "2027-01-15";
export const SAMPLE = "customer-fees-2026.beancount";

const folders: string[] = [];

/** For afterAll: remove every folder the tests made. */
export function removeTemporaryFolders(): void {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function temporaryFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "feeledger-periods-"));
  folders.push(dir);
  return dir;
}

/** A fresh copy of a folder (samples/ by default); returns the path of `main` in it. */
export function folderCopy(from = fileURLToPath(new URL("../../samples/", import.meta.url)), main = SAMPLE): string {
  const dir = temporaryFolder();
  cpSync(from, dir, { recursive: true });
  return join(dir, main);
}

/** A journal file holding `text` in a fresh folder. */
export function journal(text: string, name = "main.beancount"): string {
  const file = join(temporaryFolder(), name);
  writeFileSync(file, text);
  return file;
}

export const read = (file: string) => readFileSync(file, "utf8");
export const write = (file: string, text: string) => writeFileSync(file, text);

export function cli(...args: string[]) {
  return runCli(args, { FEELEDGER_TODAY: TODAY });
}

/** Run a command that must succeed. */
export function ok(...args: string[]) {
  const run = cli(...args);
  expect(run.code, `${args.join(" ")}\n${run.stderr}`).toBe(0);
  return run;
}

/** `check`: its exit code and its errors as [file, line, code-free message]. */
export function checkErrors(file: string) {
  const run = cli("check", file);
  return { code: run.code, errors: diagnosticLines(run.stderr).filter((line) => line.severity === "error") };
}

/** The 1-based line of the first line of `text` that starts with `start` (throws when none). */
export function lineOf(text: string, start: string, from = 0): number {
  const index = text.split("\n").findIndex((line, number) => number >= from && line.startsWith(start));
  if (index < 0) throw new Error(`no line starts with ${start}`);
  return index + 1;
}

/** The `voucher` values of the transactions dated in `month`, in file order, with their dates. */
export function vouchersOf(text: string, month: string): { date: string; voucher: string | null }[] {
  const found: { date: string; voucher: string | null }[] = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const header = /^(\d{4}-\d{2}-\d{2}) (?:\*|!|txn) /.exec(lines[index]!);
    if (header === null || !header[1]!.startsWith(month)) continue;
    let voucher: string | null = null;
    for (let next = index + 1; next < lines.length && /^\s+\S/.test(lines[next]!); next++) {
      const match = /^\s+voucher: "(.*)"/.exec(lines[next]!);
      if (match) voucher = match[1]!;
    }
    found.push({ date: header[1]!, voucher });
  }
  return found;
}
