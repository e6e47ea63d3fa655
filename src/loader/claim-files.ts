// Claim files: expense claims in progress, kept out of the books. The books declare them with
//   2026-01-01 custom "feeledger-option" "claims" "claims/*.beancount"
// (a path or glob relative to the declaring file), which beancount and Fava ignore: bean-check
// and Fava never see a claim that is not posted. feeledger reads them with the books in every
// command. A claim file holds only claims (flag `!` with `claim` metadata), plus comments, blank
// lines, org-mode headings and pushtag/poptag/pushmeta/popmeta; anything else in it is an error
// (`claim-file-content`) and is left out. A claim file that the books also include would be in
// the books: an error at the declaration, and the file is not read as a claim file.
//
// Each claim is checked against the books but never enters them: its accounts must be open at its
// date and accept its currencies, and it is booked on its own (the elided amount filled in, the
// transaction balanced; no lots of the books are reduced and no balance moves).
import { optionDeclarations } from "../core/feeledger-options.js";
import * as path from "node:path";
import type { BookedTransaction, Directive, LedgerEntry } from "../core/data.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import type { LedgerOptions } from "../core/options.js";
import type { Span } from "../core/span.js";
import { appendAll, error, warning, type Diagnostic } from "../diagnostics/diagnostic.js";
import { CODES, MESSAGES } from "../diagnostics/messages.js";
import { parseSource, type ParsedSource } from "../parser/parse.js";
import type { DirectReader } from "../parser/direct.js";
import { expandInclude, openSource, readProblem, type SourceFile } from "../source/files.js";
import { bookEachAlone } from "../booking/book.js";
import { checkTransactionBalances } from "../booking/residual.js";
import { isValidAccountName, validateAccountsAndCurrencies } from "../validation/accounts.js";
import { claimId } from "../claims/claim.js";
import { CLAIMS_OPTION } from "../claims/layout.js";
import { message } from "../i18n/message.js";
import type { MessageParams } from "../i18n/en.js";

export interface ClaimFiles {
  /** The claims of every claim file, booked each on its own, in date order (then file, then line). */
  readonly claims: BookedTransaction[];
  /** Each claim file (by the path used in spans) and the declaration whose pattern matched it. */
  readonly files: Map<string, Span>;
  readonly diagnostics: Diagnostic[];
  /** Metadata keys written in the claim files. */
  readonly metaKeys: Set<string>;
}

const hasGlob = (pattern: string) => /[*?[]/.test(pattern);

/** What a directive other than a claim is called in the message that refuses it. */
function directiveName(directive: Directive): MessageParams<"claim-file-content"> {
  if (directive.type !== "transaction") return { what: "directive", name: directive.type };
  if (claimId(directive as LedgerEntry) === null) return { what: "transaction", name: "" };
  return { what: "posted-claim", name: directive.flag };
}

/**
 * Read the claim files the books declare. `books` are the loaded entries of the books, `sources`
 * their files (the claim files are added to it); `keepText` as for the books; `shared` the direct
 * reader that read the books, if any (the claims then share its names and values: see ParseOptions).
 */
export function loadClaimFiles(
  books: readonly LedgerEntry[], sources: Map<string, SourceFile>, options: LedgerOptions, keepText: boolean,
  shared?: { reader: DirectReader | null },
): ClaimFiles {
  const result: ClaimFiles = { claims: [], files: new Map(), diagnostics: [], metaKeys: new Set() };
  const declarations = optionDeclarations(books, CLAIMS_OPTION);
  if (declarations.length === 0) return result;
  const inBooks = new Map<string, string>();
  for (const file of sources.keys()) inBooks.set(path.resolve(file), file);
  const read = new Set<string>();
  const claims: Directive[] = [];

  for (const declaration of declarations) {
    const files = expandInclude(declaration.span.file, declaration.value);
    if (files.length === 0 && !hasGlob(declaration.value)) {
      const missing = path.join(path.dirname(declaration.span.file), declaration.value);
      result.diagnostics.push(warning("claim-file-missing", message("claim-file-missing", { file: missing }), declaration.span));
    }
    for (const file of files) {
      const absolute = path.resolve(file);
      const included = inBooks.get(absolute);
      if (included !== undefined) {
        result.diagnostics.push(error("claim-file-included",
          message("claim-file-included", { file: included }),
          declaration.span));
        continue;
      }
      if (read.has(absolute)) continue;
      read.add(absolute);
      const parsed = parseClaimFile(file, keepText, declaration.span, sources, result.diagnostics, shared);
      if (parsed === null) continue;
      result.files.set(file, declaration.span);
      for (const key of parsed.metaKeys) result.metaKeys.add(key);
      const refuse = (what: MessageParams<"claim-file-content">, span: Span) => result.diagnostics.push(error("claim-file-content",
        message("claim-file-content", what), span));
      for (const option of parsed.options) refuse({ what: "option", name: option.name }, option.span);
      for (const include of parsed.includes) refuse({ what: "include", name: "" }, include.span);
      for (const plugin of parsed.plugins) refuse({ what: "plugin", name: "" }, plugin.span);
      for (const directive of parsed.directives) {
        if (directive.type === "transaction" && directive.flag === "!" && claimId(directive as LedgerEntry) !== null) claims.push(directive);
        else refuse(directiveName(directive), directive.span);
      }
    }
  }
  if (claims.length === 0) return result;
  const booked = bookClaims(claims, books, options, (diagnostic) => diagnostic.span !== null && result.files.has(diagnostic.span.file));
  appendAll(result.claims, booked.claims);
  appendAll(result.diagnostics, booked.diagnostics);
  return result;
}

/**
 * Claims checked against the books as a claim file's are: account names, each claim booked on its
 * own (in date order), balanced, its accounts open and its currencies allowed. `ownProblem` keeps
 * the problems of the claims (the books' own are the loader's).
 */
export function bookClaims(claims: readonly Directive[], books: readonly LedgerEntry[], options: LedgerOptions, ownProblem: (diagnostic: Diagnostic) => boolean): { claims: BookedTransaction[]; diagnostics: Diagnostic[] } {
  const result = { claims: [] as BookedTransaction[], diagnostics: [] as Diagnostic[] };
  // Account names, as the loader checks the books' (each name once; a compact claim's postings read in place).
  const validity = new Map<string, boolean>();
  const isValid = (account: string): boolean => {
    let valid = validity.get(account);
    if (valid === undefined) validity.set(account, (valid = isValidAccountName(account, options.accountRoots)));
    return valid;
  };
  for (const claim of claims) {
    if (claim.type !== "transaction") continue;
    if (claim instanceof PlainTransaction) {
      for (let at = claim.firstPosting(); at >= 0; at = claim.nextPosting(at)) {
        const account = claim.accountAt(at);
        if (!isValid(account)) result.diagnostics.push(error(CODES.accountName, MESSAGES.accountName(account), claim.spanAt(at)));
      }
      continue;
    }
    for (const posting of claim.postings) {
      if (!isValid(posting.account)) result.diagnostics.push(error(CODES.accountName, MESSAGES.accountName(posting.account), posting.span));
    }
  }
  // Date order; a stable sort keeps file order and line order within a day. Each claim is booked on its own.
  const ordered = [...claims].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const booked = bookEachAlone(ordered, options);
  appendAll(result.diagnostics, booked.diagnostics);
  for (const entry of booked.value) result.claims.push(entry as BookedTransaction);
  appendAll(result.diagnostics, checkTransactionBalances(result.claims, options));
  // Open accounts and currency constraints come from the books; only the claims' problems are kept.
  const accountDirectives = books.filter((entry) => entry.type === "open" || entry.type === "close");
  const merged = [...accountDirectives, ...result.claims].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : typeOrderOf(a) - typeOrderOf(b)));
  appendAll(result.diagnostics, validateAccountsAndCurrencies(merged).filter(ownProblem));
  return result;
}

/** open before the day's claims, close after them (as beancount sorts a day). */
function typeOrderOf(entry: LedgerEntry): number {
  return entry.type === "open" ? -1 : entry.type === "close" ? 1 : 0;
}

/** Open and parse one claim file (added to `sources`), or null with the reason in `diagnostics`. */
function parseClaimFile(
  file: string, keepText: boolean, declaration: Span, sources: Map<string, SourceFile>, diagnostics: Diagnostic[],
  shared: { reader: DirectReader | null } | undefined,
): ParsedSource | null {
  const source = openSource(file, keepText);
  if ("error" in source) {
    diagnostics.push(error("missing-file", source.problem, declaration));
    return null;
  }
  let parsed: ParsedSource;
  try {
    parsed = parseSource(source.readPieces(), file, { invalidUtf8: source.invalidUtf8, shared });
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code === undefined) throw thrown;
    diagnostics.push(error("missing-file", readProblem(file, thrown), declaration));
    return null;
  }
  sources.set(file, source);
  appendAll(diagnostics, parsed.diagnostics);
  return parsed;
}
