// Writing edited journals safely: all files or none, every byte outside the edits kept (bytes that
// are not UTF-8 included), each file replaced through its symbolic links with its mode, owner and
// hard links kept (see replace.ts), and never over a file that changed since it was read.
import { message } from "../i18n/message.js";
import { editsByFile, type TextEdit } from "./edits.js";
import { spliceParts, UndecodableEditError } from "./bytes.js";
import {
  NO_FAULTS, PartialWriteError, StaleFileError, WriteRefusedError, commitReplacement, discardReplacement, faultsFrom, holdsBytes, prepareReplacement,
  readRegularFile, requireReplaceable, resolveTarget, undoReplacement, type Faults, type PreparedReplacement,
} from "./replace.js";

export { PartialWriteError, StaleFileError, WriteRefusedError, UndecodableEditError };

export interface FileChange {
  /** As the journal names it. */
  readonly file: string;
  /** The real file written (symbolic links followed). */
  readonly real: string;
  /** The file's bytes the edits were applied to. */
  readonly before: Buffer;
  /** The new bytes, as parts written one after the other (spliceParts). */
  readonly parts: readonly Uint8Array[];
  /** The new bytes in one buffer (made when asked for). */
  readonly after: Buffer;
}

/** A change whose new bytes are `parts`; `after` joins them only when asked for. */
function fileChange(file: string, real: string, before: Buffer, parts: readonly Uint8Array[]): FileChange {
  let after: Buffer | null = null;
  return { file, real, before, parts, get after() { return (after ??= Buffer.concat(parts)); } };
}

/** Whether `parts`, one after the other, are exactly `bytes`. */
function partsEqual(parts: readonly Uint8Array[], bytes: Buffer): boolean {
  // (An append makes the file longer: told without comparing the tens of megabytes before it.)
  let total = 0;
  for (const part of parts) total += part.length;
  if (total !== bytes.length) return false;
  let offset = 0;
  for (const part of parts) {
    if (offset + part.length > bytes.length || !bytes.subarray(offset, offset + part.length).equals(part)) return false;
    offset += part.length;
  }
  return offset === bytes.length;
}

const JOURNAL = "the journal file";

/** The bytes a loaded file's text was decoded from, and that text's length (SourceFile.decodedBytes, decodedLength). */
export interface KeptBytes {
  readonly bytes: Buffer;
  readonly length: number;
}

/** The kept bytes of a loaded file (see SourceFile), or null. */
export function keptBytes(source: { readonly decodedBytes: Buffer | null; readonly decodedLength: number | null } | undefined): KeptBytes | null {
  const bytes = source?.decodedBytes ?? null;
  const length = source?.decodedLength ?? null;
  return bytes === null || length === null ? null : { bytes, length };
}

/**
 * The new bytes of every file the edits touch (files that do not change are left out). `readText`
 * gives the text the edits' offsets refer to. `decodedBytes`, when it gives a file's bytes, gives
 * those the text was decoded from (SourceFile.decodedBytes): the edits are applied to them, and
 * writeChanges proves the file still holds them before it replaces it; else the file is read and
 * must still decode to the text (else a StaleFileError). Refuses (WriteRefusedError) a file that is
 * not a regular file or that this user may not write, and an edit of bytes that are not UTF-8
 * (UndecodableEditError).
 */
export function planChanges(edits: readonly TextEdit[], readText: (file: string) => string, decodedBytes?: (file: string) => KeptBytes | null): FileChange[] {
  const changes: FileChange[] = [];
  const byReal = new Map<string, string>();
  for (const [file, fileEdits] of editsByFile(edits)) {
    const target = resolveTarget(file);
    requireReplaceable(target, JOURNAL);
    const other = byReal.get(target.real);
    if (other !== undefined) throw new WriteRefusedError(message("write same file", { other, file, real: target.real }));
    byReal.set(target.real, file);
    const kept = decodedBytes?.(file) ?? null;
    const before = kept?.bytes ?? readDecodingTo(target.real, file, readText(file));
    // With kept bytes, the text is made only for edits that are not appends (spliceEdits).
    const decoded = kept === null ? readText(file) : { length: kept.length, text: () => readText(file) };
    const parts = spliceParts(file, before, decoded, fileEdits);
    if (!partsEqual(parts, before)) changes.push(fileChange(file, target.real, before, parts));
  }
  return changes;
}

/** The file's bytes, which must decode the way the loader decoded them to `text`: another text means the file changed since. */
function readDecodingTo(real: string, file: string, text: string): Buffer {
  const bytes = readRegularFile(real, JOURNAL);
  if (bytes.toString("utf8") !== text) throw new StaleFileError(file);
  return bytes;
}

export interface WriteOptions {
  /** Where the test hooks are read from (see Faults); the process's environment by default. */
  readonly environment?: Readonly<Record<string, string | undefined>>;
}

/**
 * Write every change. Each file's new bytes go to a temporary file first (or, for a file written
 * in place, its old bytes to a backup); then each file is read again and compared byte for byte with
 * the bytes the edits were applied to, and if any differs nothing is written. The files are then
 * replaced one after the other; if one fails, those already replaced get their old bytes back.
 */
export function writeChanges(changes: readonly FileChange[], options: WriteOptions = {}): void {
  const faults: Faults = faultsFrom(options.environment ?? process.env);
  const prepared: PreparedReplacement[] = [];
  try {
    for (const change of changes) {
      const target = resolveTarget(change.file);
      if (target.real !== change.real) throw new StaleFileError(change.file);
      requireReplaceable(target, JOURNAL);
      prepared.push(prepareReplacement(target, change.parts, change.before, faults));
    }
    // Last look just before replacing, to narrow the window for a concurrent edit.
    for (const change of changes) {
      if (!holdsBytes(change.real, change.before, JOURNAL)) throw new StaleFileError(change.file);
    }
    const committed: PreparedReplacement[] = [];
    try {
      for (const replacement of prepared) {
        commitReplacement(replacement, faults);
        committed.push(replacement);
      }
    } catch (thrown) {
      const notRestored: string[] = [];
      for (const replacement of committed.reverse()) {
        try {
          undoReplacement(replacement, NO_FAULTS);
        } catch {
          notRestored.push(replacement.target.file);
        }
      }
      if (notRestored.length > 0) {
        const message = `${(thrown as Error).message}; and ${notRestored.join(", ")} could not be given back its old contents: it holds the new`;
        throw new PartialWriteError(message, (thrown as NodeJS.ErrnoException).code ?? "EIO");
      }
      throw thrown;
    }
  } finally {
    for (const replacement of prepared) discardReplacement(replacement);
  }
}
