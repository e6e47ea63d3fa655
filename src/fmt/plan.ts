// What `fmt` does to each file, decided before anything is written: the file's edits, or why it
// is left alone (the formatted text would not read as the same journal).
import * as fs from "node:fs";
import type { TextEdit } from "../edit/edits.js";
import { formatEdits, type FormatOptions } from "./format.js";
import { journalDifferenceSaid } from "./same-entries.js";
import type { Message } from "../i18n/message.js";

export interface FilePlan {
  readonly file: string;
  /** The file's text as read (its bytes decoded as UTF-8). */
  readonly text: string;
  /** The edits that format it; none when it is formatted already. */
  readonly edits: readonly TextEdit[];
  /** Why the file may not be formatted (the edits are then not to be applied), or null. */
  readonly refused: Message | null;
}

/** Plan the formatting of one file (read here; the writer reads it again and compares). */
export function planFormat(file: string, options: FormatOptions): FilePlan {
  const text = fs.readFileSync(file).toString("utf8");
  const edits = formatEdits(file, text, options);
  if (edits.length === 0) return { file, text, edits, refused: null };
  const refused = journalDifferenceSaid(file, text, edits);
  return { file, text, edits, refused };
}
