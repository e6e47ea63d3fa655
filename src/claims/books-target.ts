// The journal file new entries of the books are written to (a payment by `pay`; shared with `post`):
//
//   2026-01-01 custom "feeledger-option" "post-to" "books/{YYYY}-{MM}.beancount"
//
// `{YYYY}` and `{MM}` are filled from the entry's date; the path is relative to the file that
// declares the option (as an `include` is). The file must be one the journal loads, so that what is
// written counts. Without the option, entries go to the main file. The latest declaration wins.
import { optionDeclarations } from "../core/feeledger-options.js";
import * as path from "node:path";
import type { LedgerEntry } from "../core/data.js";
import type { Span } from "../core/span.js";
import { POST_TO_OPTION, filledPostTo } from "./layout.js";
import { message, type Message } from "../i18n/message.js";


export type BooksTarget =
  | { readonly file: string }
  | { readonly problem: Message; readonly span: Span | null };

interface Journal {
  readonly entries: readonly LedgerEntry[];
  readonly sources: ReadonlyMap<string, unknown>;
  readonly mainFile: string;
}

/** The file an entry dated `date` goes to, as the journal names it (a key of `sources`). */
export function booksTarget(journal: Journal, date: string): BooksTarget {
  const declared = optionDeclarations(journal.entries, POST_TO_OPTION).pop();
  if (declared === undefined) return { file: journal.mainFile };
  const relative = filledPostTo(declared, date);
  if (relative.trim() === "") return { problem: message("books post-to no file", { option: POST_TO_OPTION }), span: declared.span };
  const wanted = path.resolve(path.dirname(declared.span.file), relative);
  for (const loaded of journal.sources.keys()) if (path.resolve(loaded) === wanted) return { file: loaded };
  const include = path.relative(path.dirname(path.resolve(journal.mainFile)), wanted).split(path.sep).join("/");
  return {
    problem: message("books post-to not included", { option: POST_TO_OPTION, relative, date, include, main: journal.mainFile }),
    span: declared.span,
  };
}
