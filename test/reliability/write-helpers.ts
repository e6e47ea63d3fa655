// Scratch folders and journals as bytes for the reliability tests, and the real CLI in-process or as
// a process of its own (as another user, with a time limit).
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli, type CliResult } from "../helpers/cli.js";
import { root } from "../helpers/journals.js";

export const TODAY = { FEELEDGER_TODAY: "2026-12-31" };
export const BIN = join(root, "bin/feeledger");

const folders: string[] = [];

/** A fresh folder anyone may enter (a test may run feeledger as another user in it). */
export function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), "feeledger-reliability-"));
  chmodSync(dir, 0o777);
  folders.push(dir);
  return dir;
}

/** For afterAll. */
export function removeScratch(): void {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Text and raw bytes joined: strings as UTF-8, number arrays as the bytes they are. */
export function bytes(...parts: (string | readonly number[] | Uint8Array)[]): Buffer {
  return Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "utf8") : Buffer.from(part as number[]))));
}

/** Write files (name -> bytes or text) into `dir`; returns the path of the first. */
export function files(dir: string, contents: Record<string, string | Uint8Array>): string {
  for (const [name, content] of Object.entries(contents)) writeFileSync(join(dir, name), content);
  return join(dir, Object.keys(contents)[0]!);
}

export const read = (file: string): Buffer => readFileSync(file);

/** Leftover temporary files of the writers in `dir`. */
export function temporaries(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.includes(".feeledger-") && name.endsWith(".tmp")) : [];
}

/** The CLI in-process, today fixed. */
export function cli(args: readonly string[], env: Record<string, string> = {}): CliResult {
  return runCli(args, { ...TODAY, ...env });
}

/** bin/feeledger as its own process (a user id and a working folder if given), killed after 20 s. */
export function spawnCli(args: readonly string[], options: { cwd?: string; uid?: number; gid?: number; env?: Record<string, string> } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd, uid: options.uid, gid: options.gid, encoding: "utf8", timeout: 20_000,
    env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", ...TODAY, ...options.env },
  });
}

/**
 * Whether this process may run feeledger as user `nobody`: it runs as root, and `nobody` can reach
 * the built CLI (a checkout inside a folder only root may enter, such as one made by mktemp -d,
 * cannot be run by another user).
 */
export const NOBODY = { uid: 65534, gid: 65534 };
export const canRunAsNobody = process.getuid?.() === 0
  && spawnSync(process.execPath, [BIN, "--version"], { ...NOBODY, timeout: 20_000 }).status === 0;

export const ACCOUNTS = "2026-01-01 open Expenses:Fees\n2026-01-01 open Liabilities:Payable\n";

/** A claim with flag ! (submitted unless `status` says otherwise), lines joined by `eol`. */
export function claimText(id: string, { eol = "\n", status = "submitted", extra = [] as readonly string[] } = {}): string {
  return [
    `2026-03-05 ! "王伟" "visit ${id}"`,
    `  claim: "${id}"`,
    `  claimant: "王伟"`,
    `  status: "${status}"`,
    ...(status === "approved" ? [`  approved-by: "赵敏"`, `  approved-on: 2026-03-06`] : []),
    ...extra.map((line) => `  ${line}`),
    `  Expenses:Fees  10.00 CNY`,
    `  Liabilities:Payable`,
    "",
  ].join(eol);
}

/** `haystack` with the first occurrence of `search` (after `anchor`, if given) replaced by `replacement`. */
export function replaceBytes(haystack: Buffer, search: string, replacement: string, anchor?: string): Buffer {
  const needle = Buffer.from(search, "utf8");
  const from = anchor === undefined ? 0 : haystack.indexOf(Buffer.from(anchor, "utf8"));
  if (from < 0) throw new Error(`'${anchor}' not found`);
  const at = haystack.indexOf(needle, from);
  if (at < 0) throw new Error(`'${search}' not found`);
  return Buffer.concat([haystack.subarray(0, at), Buffer.from(replacement, "utf8"), haystack.subarray(at + needle.length)]);
}

/** What `approve ID --by 赵敏 --on 2026-03-06` makes of a submitted claimText. */
export function approved(old: Buffer, id: string, eol = "\n"): Buffer {
  return replaceBytes(old, `status: "submitted"${eol}`, `status: "approved"${eol}  approved-by: "赵敏"${eol}  approved-on: 2026-03-06${eol}`, `visit ${id}"`);
}

/** What `reject ID --by 孙强 --reason 无发票 --on 2026-03-07` makes of a submitted claimText. */
export function rejected(old: Buffer, id: string, eol = "\n"): Buffer {
  return replaceBytes(old, `status: "submitted"${eol}`, `status: "rejected"${eol}  rejected-by: "孙强"${eol}  rejected-on: 2026-03-07${eol}  reason: "无发票"${eol}`, `visit ${id}"`);
}

/** What `post ID --on 2026-03-08` makes of an approved claimText (without extra lines). */
export function posted(old: Buffer, id: string, eol = "\n"): Buffer {
  const flagged = replaceBytes(old, `! "王伟" "visit ${id}"`, `* "王伟" "visit ${id}"`);
  const status = replaceBytes(flagged, `status: "approved"`, `status: "posted"`, `visit ${id}"`);
  return replaceBytes(status, `approved-on: 2026-03-06${eol}`, `approved-on: 2026-03-06${eol}  posted-on: 2026-03-08${eol}`, `visit ${id}"`);
}
