// The "receipt-reuse" check: one receipt file backs one claim. A receipt named by two claims (the
// same file, however its path is written) or two files with the same bytes (a copy under another
// name) is an error at the second use, naming the first (receipt-reused). Several postings of one
// claim may share a receipt (one hotel bill for the room and the dinner). A rejected claim does not
// count: it is often corrected and submitted again under a new id with the same receipt. A missing
// file is left to the receipts check (receipt-missing).
// The books come first, then the claims in progress (claims/pending.ts, booksThenActiveClaims).
// Only files named by `receipt` metadata are read, each at most once, and only when another receipt
// has the same size: sizes first, then a SHA-256 of the bytes of the files whose sizes collide.
import type { Hash } from "node:crypto";
import * as fs from "node:fs";
import type { LedgerEntry, MetaEntry } from "../core/data.js";
import { PlainTransaction } from "../core/plain-transaction.js";
import type { Span } from "../core/span.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { claimId, claimStatus, isClaim } from "../claims/claim.js";
import { placeOf } from "../claims/place.js";
import { resolveDocumentPath } from "./documents.js";
import type { DomainCheck } from "./domain-check.js";
import { booksThenActiveClaims } from "../claims/pending.js";
import { message } from "../i18n/message.js";

// node:crypto (15-20 ms of CPU to load) when two receipts first share a size, not when every `check` starts.
const createHash = (algorithm: string): Hash => process.getBuiltinModule("node:crypto").createHash(algorithm);

/** One `receipt` of a claim: the claim, the path as written and resolved, and where it is named. */
interface ReceiptUse {
  readonly claim: LedgerEntry;
  readonly written: string;
  readonly path: string;
  readonly span: Span;
}

function receiptUses(entries: readonly LedgerEntry[]): ReceiptUse[] {
  const uses: ReceiptUse[] = [];
  const visit = (claim: LedgerEntry, meta: readonly MetaEntry[], span: Span) => {
    for (const entry of meta) {
      if (entry.key !== "receipt" || entry.value.type !== "string") continue;
      uses.push({ claim, written: entry.value.value, path: resolveDocumentPath(span.file, entry.value.value), span });
    }
  };
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (!isClaim(entry) || (entry instanceof PlainTransaction && !entry.hasKey("receipt"))) continue;
    if (claimStatus(entry) === "rejected") continue;
    if (entry.meta.length > 0) visit(entry, entry.meta, entry.span);
    // (A posting's span is made when asked for: only for postings with metadata.)
    for (const posting of entry.postings) if (posting.meta.length > 0) visit(entry, posting.meta, posting.span);
  }
  return uses;
}

/** The size of a regular file, or null when there is none to read. */
function sizeOf(path: string): number | null {
  try {
    const stat = fs.statSync(path);
    return stat.isFile() ? stat.size : null;
  } catch {
    return null;
  }
}

/**
 * What makes two receipt files one: the path, or the content hash when another file has the same
 * size. A file that cannot be read is known by its path only.
 */
function identities(paths: Iterable<string>): Map<string, string> {
  const bySize = new Map<number, string[]>();
  const identity = new Map<string, string>();
  for (const path of paths) {
    const size = sizeOf(path);
    if (size === null) continue;
    identity.set(path, `path:${path}`);
    const group = bySize.get(size);
    if (group) group.push(path);
    else bySize.set(size, [path]);
  }
  for (const group of bySize.values()) {
    if (group.length < 2) continue;
    for (const path of group) {
      try {
        identity.set(path, `sha256:${createHash("sha256").update(fs.readFileSync(path)).digest("hex")}`);
      } catch {
        // Unreadable: compared by path only.
      }
    }
  }
  return identity;
}

export function checkReceiptReuse(entries: readonly LedgerEntry[], sources: ReadonlyMap<string, { text: string }>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const uses = receiptUses(entries);
  if (uses.length < 2) return diagnostics;
  const identity = identities(new Set(uses.map((use) => use.path)));
  const first = new Map<string, ReceiptUse>();
  for (const use of uses) {
    const key = identity.get(use.path);
    if (key === undefined) continue;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, use);
      continue;
    }
    if (earlier.claim === use.claim) continue;
    const where = { written: use.written, claim: String(claimId(earlier.claim)), place: placeOf(earlier.span, sources) };
    diagnostics.push(error("receipt-reused", earlier.path === use.path
      ? message("receipt-reused", where)
      : message("receipt-same-content", { ...where, earlier: earlier.written }),
    use.span));
  }
  return diagnostics;
}

// The books, then the claims in progress (not the rejected ones: a rejected claim's receipt may come
// back in a new claim). A journal that names no receipt anywhere is not walked.
export const RECEIPT_REUSE_CHECK: DomainCheck = {
  name: "receipt-reuse",
  run: (ledger) => (ledger.metaKeys.has("receipt") ? checkReceiptReuse(booksThenActiveClaims(ledger), ledger.sources) : []),
};
