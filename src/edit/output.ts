// Writing a report to a file (-o FILE): never over a file of the journal it was made from, and
// otherwise replacing the file atomically, as replace.ts does (through symbolic links, mode, owner
// and hard links kept); a terminal, /dev/null or a FIFO is written to as a stream.
import * as fs from "node:fs";
import { faultsFrom, replaceFile, resolveTarget, WriteRefusedError, type Target } from "./replace.js";
import { message } from "../i18n/message.js";

/** -o names a file of the journal itself: the report would destroy the books it was made from. */
export class JournalOutputError extends WriteRefusedError {}

/** Whether `target` is `file`: the same real path, or the same device and inode (a hard link). */
function isSameFile(target: Target, file: string): boolean {
  let stat: fs.Stats;
  try {
    if (fs.realpathSync(file) === target.real) return true;
    stat = fs.statSync(file);
  } catch {
    return false;
  }
  return target.stat !== null && stat.dev === target.stat.dev && stat.ino === target.stat.ino;
}

/**
 * Write `text` to `file`, refusing (JournalOutputError) a file among `journalFiles` however it is
 * spelled, and (WriteRefusedError) a directory or a read-only file. Errors of the file system are
 * thrown; a failed write leaves the old file as it was and no temporary file.
 */
export function writeOutputFile(file: string, text: string, journalFiles: Iterable<string>, environment: Readonly<Record<string, string | undefined>>): void {
  writeOutputBytes(file, Buffer.from(text, "utf8"), journalFiles, environment);
}

/** writeOutputFile for bytes that are not UTF-8 text (a workbook, a GBK file). */
export function writeOutputBytes(file: string, bytes: Buffer, journalFiles: Iterable<string>, environment: Readonly<Record<string, string | undefined>>): void {
  const target = resolveTarget(file);
  for (const journalFile of journalFiles) {
    if (isSameFile(target, journalFile)) {
      throw new JournalOutputError(message("write output is journal", { file, also: journalFile === file ? null : journalFile }));
    }
  }
  if (target.stat?.isDirectory()) throw new WriteRefusedError(message("write output directory", { file }));
  replaceFile(target, bytes, "the output file", faultsFrom(environment));
}
