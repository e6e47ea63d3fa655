// The claim file an import writes to: --to, which the books' `claims` option must cover (a claim
// file read with the books, or a new file its pattern would match), or, without --to, the one file
// the option names when it names a single file and not a pattern.
import * as fs from "node:fs";
import * as path from "node:path";
import { optionDeclarations } from "../core/feeledger-options.js";
import type { Span } from "../core/span.js";
import type { Ledger } from "../loader/load.js";
import { CLAIMS_OPTION } from "../claims/layout.js";
import { includeMatches } from "../source/files.js";
import { message, type Message } from "../i18n/message.js";

export interface ImportTarget {
  /** As the journal names it (a claim file read with the books), or as given. */
  readonly file: string;
  /** Its text, or null when it does not exist yet (it is created). */
  readonly text: string | null;
  readonly declaration: Span;
}

export function importTarget(ledger: Ledger, to: string | undefined): ImportTarget | { problem: Message } {
  const declarations = optionDeclarations(ledger.entries, CLAIMS_OPTION);
  if (declarations.length === 0) {
    return { problem: message("import to no claims option", { main: ledger.mainFile }) };
  }
  const patterns = declarations.map((declaration) => `"${declaration.value}"`).join(", ");
  let wanted = to;
  if (wanted === undefined) {
    const single = declarations.length === 1 && !/[*?[]/.test(declarations[0]!.value) ? declarations[0]! : null;
    if (single === null) return { problem: message("import to name it", { patterns }) };
    wanted = path.join(path.dirname(single.span.file), single.value);
  }
  const absolute = path.resolve(wanted);
  for (const [file, declaration] of ledger.claimFiles) {
    if (path.resolve(file) === absolute) return { file, text: ledger.sources.get(file)!.text, declaration };
  }
  const declaration = declarations.find((candidate) => includeMatches(candidate.span.file, candidate.value, absolute));
  if (declaration === undefined) return { problem: message("import to not covered", { file: wanted, patterns }) };
  if (fs.existsSync(absolute)) return { problem: message("import to not read", { file: wanted }) };
  if (!fs.existsSync(path.dirname(absolute))) return { problem: message("import to no folder", { file: wanted }) };
  return { file: wanted, text: null, declaration: declaration.span };
}
