// What makes a transaction an expense claim (费用报销单) and where it stands.
// A transaction with `claim` metadata is a claim. Flag `!`: a claim in progress, kept in a claim
// file out of the books (pending.ts; an old journal may still hold one in the books, where it
// counts as beancount counts it). Flag `*`: posted.
import type { LedgerEntry, MetaEntry, MetaValue, Transaction } from "../core/data.js";
import { metaValue } from "../core/data.js";
import { PlainTransaction } from "../core/plain-transaction.js";

export type ClaimStatus = "submitted" | "approved" | "rejected" | "posted";
export const CLAIM_STATUSES: readonly ClaimStatus[] = ["submitted", "approved", "rejected", "posted"];

/** The text of a string-valued (or other scalar) metadata entry, or null. */
export function metaText(meta: readonly MetaEntry[], key: string): string | null {
  const value = metaValue(meta, key);
  return value === undefined ? null : valueText(value);
}

/** The text of a metadata value as metaText gives it. */
export function valueText(value: MetaValue): string | null {
  switch (value.type) {
    case "string": case "account": case "currency": case "tag": case "link": case "date": return value.value;
    case "bool": return value.value ? "TRUE" : "FALSE";
    case "number": return value.value.toFixed();
    case "amount": return `${value.value.number.toFixed()} ${value.value.currency}`;
    case "null": return null;
  }
}

/** metaText of an entry's own metadata (read in place for a compact transaction). */
export function entryMetaText(entry: { readonly meta: readonly MetaEntry[] }, key: string): string | null {
  if (entry instanceof PlainTransaction) {
    const raw = entry.rawMeta(key);
    return raw === undefined ? null : typeof raw === "string" ? raw : valueText(raw);
  }
  return metaText(entry.meta, key);
}

export function claimId(entry: LedgerEntry): string | null {
  return entry.type === "transaction" ? entryMetaText(entry, "claim") : null;
}

export function isClaim(entry: LedgerEntry): entry is Transaction & LedgerEntry {
  return claimId(entry) !== null;
}

/** The claim's status: its `status` metadata, else `submitted` under `!` and `posted` under `*`. */
export function claimStatus(entry: Transaction): ClaimStatus {
  return statusOf(entryMetaText(entry, "status"), entry.flag);
}

/** The status a claim with this `status` text (or none) and flag has. */
export function statusOf(written: string | null, flag: string): ClaimStatus {
  if (written !== null && (CLAIM_STATUSES as readonly string[]).includes(written)) return written as ClaimStatus;
  return flag === "*" ? "posted" : "submitted";
}

/** A claim not posted yet: flag `!` with `claim` metadata. */
export function isPendingClaim(entry: LedgerEntry): boolean {
  return entry.type === "transaction" && entry.flag === "!" && claimId(entry) !== null;
}

/** A claim that is in the books: `claim` metadata and a flag other than `!`. */
export function isPostedClaim(entry: LedgerEntry): boolean {
  return entry.type === "transaction" && entry.flag !== "!" && claimId(entry) !== null;
}

/** Metadata of a posting with the claim's as fallback (`customer`, `department`: the posting's wins). */
export function postingMetaText(claim: Transaction, posting: { readonly meta: readonly MetaEntry[] }, key: string): string | null {
  return metaText(posting.meta, key) ?? metaText(claim.meta, key);
}

/** Every claim carrying `id`, in ledger order (more than one is an error the validator reports). */
export function findClaims(entries: readonly LedgerEntry[], id: string): (Transaction & LedgerEntry)[] {
  return entries.filter((entry): entry is Transaction & LedgerEntry => claimId(entry) === id);
}

