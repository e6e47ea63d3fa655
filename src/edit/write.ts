// Writing edited journals safely: all files or none, each written to a temporary file in its own
// folder and renamed over the original, and never over a file that changed since it was read.
import * as fs from "node:fs";
import * as path from "node:path";
import { applyEdits, editsByFile, type TextEdit } from "./edits.js";

export interface FileChange {
  readonly file: string;
  readonly before: string;
  readonly after: string;
}

export class StaleFileError extends Error {
  constructor(readonly file: string) {
    super(`${file} changed on disk since it was read; nothing was written (run the command again)`);
  }
}

/** The new text of every file the edits touch (files whose text does not change are left out). */
export function planChanges(edits: readonly TextEdit[], readText: (file: string) => string): FileChange[] {
  const changes: FileChange[] = [];
  for (const [file, fileEdits] of editsByFile(edits)) {
    const before = readText(file);
    const after = applyEdits(before, fileEdits);
    if (after !== before) changes.push({ file, before, after });
  }
  return changes;
}

/**
 * Write every change atomically. Before anything is renamed, each file is re-read and compared
 * with the text the edits were computed from; if any differs, nothing is written.
 */
export function writeChanges(changes: readonly FileChange[]): void {
  for (const change of changes) {
    const current = fs.readFileSync(change.file, "utf8");
    if (current !== change.before) throw new StaleFileError(change.file);
  }
  const temporaries: { temporary: string; target: string }[] = [];
  try {
    for (const change of changes) {
      const directory = path.dirname(change.file);
      const temporary = path.join(directory, `.${path.basename(change.file)}.feeledger-${process.pid}-${Date.now()}.tmp`);
      const mode = fs.statSync(change.file).mode;
      fs.writeFileSync(temporary, change.after, { encoding: "utf8", mode });
      temporaries.push({ temporary, target: change.file });
    }
    // Last look just before the renames, to narrow the window for a concurrent edit.
    for (const change of changes) {
      if (fs.readFileSync(change.file, "utf8") !== change.before) throw new StaleFileError(change.file);
    }
    for (const { temporary, target } of temporaries) fs.renameSync(temporary, target);
  } catch (thrown) {
    for (const { temporary } of temporaries) fs.rmSync(temporary, { force: true });
    throw thrown;
  }
}
