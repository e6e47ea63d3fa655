// Temporary journals for the claim tests: copies of samples/ and small inline ledgers.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCli } from "../helpers/cli.js";

export const TODAY = { FEELEDGER_TODAY: "2026-12-31" };
export const SAMPLE = "customer-fees-2026.beancount";
/** The sample's claim file for December 2026 (claims in progress, out of the books), relative to samples/. */
export const DECEMBER_CLAIMS = "claims/2026-12.beancount";

/** The December claim file beside a copy of the sample's main journal. */
export function claimFileOf(main: string): string {
  return join(dirname(main), DECEMBER_CLAIMS);
}

const folders: string[] = [];

/** A fresh temporary folder, removed by `removeTemporaryFolders`. */
function temporaryFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "feeledger-claims-"));
  folders.push(dir);
  return dir;
}

/** For afterAll: remove every folder this file's tests made. */
export function removeTemporaryFolders(): void {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh copy of samples/ (includes and receipts too); returns the main journal's path. */
export function sampleCopy(): string {
  const dir = temporaryFolder();
  cpSync(fileURLToPath(new URL("../../samples/", import.meta.url)), dir, { recursive: true });
  return join(dir, SAMPLE);
}

/** A journal file holding `text` in a fresh folder. */
export function journal(text: string, name = "main.beancount"): string {
  const dir = temporaryFolder();
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/**
 * A receipt file of its own for a claim added to the journal `file` (a receipt another claim uses
 * already would be receipt-reused); returns its path relative to the journal.
 */
export function newReceipt(file: string, name: string): string {
  const relative = `receipts/test/${name}.pdf`;
  mkdirSync(join(dirname(file), "receipts", "test"), { recursive: true });
  writeFileSync(join(dirname(file), relative), `receipt ${name}\n`);
  return relative;
}

export const read = (file: string) => readFileSync(file, "utf8");
export const append = (file: string, text: string) => writeFileSync(file, read(file) + text);

/** Run feeledger with today fixed at 2026-12-31. */
export function cli(...args: string[]) {
  return runCli(args, TODAY);
}

/** The lines only in `after` and only in `before`, compared line by line as sets of positions. */
export function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const old = before.split("\n");
  const now = after.split("\n");
  let start = 0;
  while (start < old.length && start < now.length && old[start] === now[start]) start++;
  let endOld = old.length;
  let endNow = now.length;
  while (endOld > start && endNow > start && old[endOld - 1] === now[endNow - 1]) { endOld--; endNow--; }
  return { removed: old.slice(start, endOld), added: now.slice(start, endNow) };
}

/** A small claim in the sample's accounts: header, claim metadata, `meta` lines, then `lines` (postings). */
export function claim(options: {
  date: string; id: string; flag?: string; claimant?: string; lines: string[]; meta?: string[];
}): string {
  const claimant = options.claimant ?? "王伟";
  return [
    `${options.date} ${options.flag ?? "!"} "${claimant}" "test claim ${options.id}"`,
    `  claim: "${options.id}"`,
    `  claimant: "${claimant}"`,
    `  department: "华东销售部"`,
    `  customer: "ACME"`,
    ...(options.meta ?? []).map((line) => `  ${line}`),
    ...options.lines.map((line) => `  ${line}`),
    "",
  ].join("\n");
}

/** Lines removed and added between two texts (a longest-common-subsequence diff on lines). */
export function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const { removed: old, added: now } = changedLines(before, after);
  const table = Array.from({ length: old.length + 1 }, () => new Uint32Array(now.length + 1));
  for (let i = old.length - 1; i >= 0; i--) {
    for (let j = now.length - 1; j >= 0; j--) {
      table[i]![j] = old[i] === now[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < old.length || j < now.length) {
    if (i < old.length && j < now.length && old[i] === now[j]) { i++; j++; }
    else if (j < now.length && (i === old.length || table[i]![j + 1]! >= table[i + 1]![j]!)) added.push(now[j++]!);
    else removed.push(old[i++]!);
  }
  return { removed, added };
}
