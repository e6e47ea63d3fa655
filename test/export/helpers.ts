// Running `export vouchers` through the real CLI into a scratch directory, and what the books say
// the period moved (from `bal`), to hold the written files against.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Decimal } from "decimal.js";
import { runCli } from "../helpers/cli.js";

export const ROOT = new URL("../../", import.meta.url).pathname;
export const SAMPLE = join(ROOT, "samples", "customer-fees-2026.beancount");
export const ENGLISH_SAMPLE = join(ROOT, "samples", "english.beancount");

export function scratch(): string {
  return mkdtempSync(join(tmpdir(), "feeledger-export-"));
}

/** A journal written into a scratch directory. */
export function journal(text: string): string {
  const file = join(scratch(), "books.beancount");
  writeFileSync(file, text);
  return file;
}

export interface ExportRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly output: string;
  /** The written file, or null when none was written. */
  readonly bytes: Buffer | null;
}

/** `feeledger export vouchers FILE --target TARGET -o <scratch>/out.EXT ...args`. */
export function exportVouchers(file: string, target: string, args: readonly string[], env: Record<string, string> = {}): ExportRun {
  const extension = target === "kingdee-k3" ? "xls" : target === "yonyou-u8" ? "txt" : "xlsx";
  const output = join(scratch(), `out.${extension}`);
  const run = runCli(["export", "vouchers", file, "--target", target, "-o", output, ...args], env);
  return { ...run, output, bytes: existsSync(output) ? readFileSync(output) : null };
}

/** The code of a beancount account: its components' leading codes, joined (by dots for 金蝶). */
export function expectedCode(account: string, dotted: boolean): string {
  const codes = account.split(":").slice(1).map((component) => /^([A-Za-z0-9]+)-/.exec(component)?.[1] ?? "").filter((code) => code !== "");
  return codes.join(dotted ? "." : "");
}

/** What each account moved in [begin, end), by account code, as `bal` reports it (zeros left out). */
export function balMovement(file: string, begin: string, end: string, dotted: boolean): Map<string, string> {
  const run = runCli(["bal", file, "-b", begin, "-e", end, "--format", "json"]);
  if (run.code !== 0) throw new Error(run.stderr);
  const rows = (JSON.parse(run.stdout) as { rows: { account: string; commodity: string; amount: string }[] }).rows;
  const byCode = new Map<string, Decimal>();
  for (const row of rows) {
    const code = expectedCode(row.account, dotted);
    byCode.set(code, (byCode.get(code) ?? new Decimal(0)).plus(row.amount));
  }
  return nonZero(byCode);
}

export function nonZero(amounts: ReadonlyMap<string, Decimal>): Map<string, string> {
  const result = new Map<string, string>();
  for (const [code, amount] of [...amounts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!amount.isZero()) result.set(code, amount.toFixed(2));
  }
  return result;
}
