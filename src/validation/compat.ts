// `check --beancount`: warn wherever bean-check would reject what feeledger accepts
// (non-ASCII tags, links and metadata keys; account components or roots beancount refuses).
import type { LedgerEntry, MetaEntry } from "../core/data.js";
import type { Span } from "../core/span.js";
import { warning, type Diagnostic } from "../diagnostics/diagnostic.js";
import { referencedAccounts } from "./accounts.js";
import type { LedgerOptions } from "../core/options.js";
import { message, type Message } from "../i18n/message.js";
import { lazyPattern } from "./lazy-pattern.js";

const BEANCOUNT_TAG = /^[A-Za-z0-9\-_/.]+$/;
const BEANCOUNT_KEY = /^[a-z][a-zA-Z0-9\-_]+$/;
// Made when --beancount first asks (lazy-pattern.ts).
const BEANCOUNT_ROOT = lazyPattern(() => /^\p{Lu}[\p{L}\p{Nd}-]*$/u);
const BEANCOUNT_FIRST_COMPONENT = lazyPattern(() => /^[\p{Lu}\p{Nd}]/u);

export function beancountAccountProblem(account: string): Message | null {
  const parts = account.split(":");
  if (!/^[A-Z]/.test(parts[0]!) || !BEANCOUNT_ROOT.test(parts[0]!)) return message("compat-root", { root: parts[0]! });
  if (parts.length > 1 && !BEANCOUNT_FIRST_COMPONENT.test(parts[1]!)) return message("compat-component", { account, component: parts[1]! });
  return null;
}

export function beancountCompatibility(ledger: { entries: readonly LedgerEntry[]; options: LedgerOptions }): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const warn = (problem: Message, span: Span) => diagnostics.push(warning("beancount-compat", problem, span));
  const checkMeta = (meta: readonly MetaEntry[]) => {
    for (const entry of meta) if (!BEANCOUNT_KEY.test(entry.key)) warn(message("compat-meta-key", { key: entry.key }), entry.span);
  };
  const reported = new Set<string>();
  for (const entry of ledger.entries) {
    if (entry.type === "transaction" && entry.flag === "P" && entry.postings.length === 0) continue;
    const accounts = entry.type === "open" || entry.type === "close" ? [entry.account] : referencedAccounts(entry);
    for (const account of accounts) {
      const problem = beancountAccountProblem(account);
      if (problem !== null && !reported.has(account)) {
        reported.add(account);
        warn(problem, entry.span);
      }
    }
    checkMeta(entry.meta);
    if (entry.type === "transaction" || entry.type === "document") {
      for (const tag of entry.tags) if (!BEANCOUNT_TAG.test(tag)) warn(message("compat-tag", { tag }), entry.span);
      for (const link of entry.links) if (!BEANCOUNT_TAG.test(link)) warn(message("compat-link", { link }), entry.span);
    }
    if (entry.type === "transaction") for (const posting of entry.postings) checkMeta(posting.meta);
  }
  return diagnostics;
}
