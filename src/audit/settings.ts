// Audit thresholds set in the books, each rule's own keys as metadata (the latest declaration of a
// key wins; `enabled: FALSE` turns a rule off):
//   2026-01-01 custom "audit-rule" "split-claims"
//     days: 14
//   2026-01-01 custom "audit-rule" "gift-cap"
//     limit: 3000.00 CNY
// A key a rule does not know, a value of the wrong kind, or an unknown rule is an error (listed
// first by `audit`); the rule then keeps its default.
import type { Amount, LedgerEntry, MetaValue } from "../core/data.js";
import type { Decimal } from "../core/number.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { message } from "../i18n/message.js";

export type SettingKind = "number" | "amount" | "account" | "text" | "bool";

/** A rule's keys and what kind of value each takes. */
export type SettingKinds = Readonly<Record<string, SettingKind>>;

export interface AuditSettings {
  number(rule: string, key: string, fallback: number): number;
  decimal(rule: string, key: string, fallback: Decimal): Decimal;
  amount(rule: string, key: string): Amount | null;
  account(rule: string, key: string): string | null;
  text(rule: string, key: string): string | null;
  bool(rule: string, key: string, fallback: boolean): boolean;
  enabled(rule: string): boolean;
}

function kindOf(value: MetaValue): SettingKind | null {
  switch (value.type) {
    case "number": return "number";
    case "amount": return "amount";
    case "account": return "account";
    case "string": return "text";
    case "bool": return "bool";
    default: return null;
  }
}

/** The settings of the rules `known` (rule name -> its keys), and an error for each one written wrongly. */
export function readAuditSettings(entries: readonly LedgerEntry[], known: ReadonlyMap<string, SettingKinds>): { settings: AuditSettings; diagnostics: Diagnostic[] } {
  const values = new Map<string, Map<string, MetaValue>>();
  const diagnostics: Diagnostic[] = [];
  for (const entry of entries) {
    if (entry.type !== "custom" || entry.customType !== "audit-rule") continue;
    const [name, extra] = entry.values;
    if (name?.type !== "string" || extra !== undefined) {
      diagnostics.push(error("audit-rule-malformed", message("audit-rule-shape", {}), entry.span));
      continue;
    }
    const kinds = known.get(name.value);
    if (kinds === undefined) {
      diagnostics.push(error("audit-rule-malformed", message("audit-rule-unknown", { name: name.value, known: [...known.keys()].join(", ") }), entry.span));
      continue;
    }
    let byKey = values.get(name.value);
    if (byKey === undefined) values.set(name.value, (byKey = new Map()));
    for (const meta of entry.meta) {
      const wanted = meta.key === "enabled" ? "bool" : kinds[meta.key];
      if (wanted === undefined) {
        diagnostics.push(error("audit-rule-malformed", message("audit-rule-setting", { name: name.value, key: meta.key, settings: ["enabled", ...Object.keys(kinds)].join(", ") }), meta.span));
      } else if (kindOf(meta.value) !== wanted || (meta.value.type === "number" && meta.value.value.isNegative())) {
        diagnostics.push(error("audit-rule-malformed", message("audit-rule-value", { key: meta.key, name: name.value, wanted }), meta.span));
      } else {
        byKey.set(meta.key, meta.value);
      }
    }
  }
  const get = (rule: string, key: string) => values.get(rule)?.get(key);
  const settings: AuditSettings = {
    number: (rule, key, fallback) => { const value = get(rule, key); return value?.type === "number" ? value.value.toNumber() : fallback; },
    decimal: (rule, key, fallback) => { const value = get(rule, key); return value?.type === "number" ? value.value : fallback; },
    amount: (rule, key) => { const value = get(rule, key); return value?.type === "amount" ? value.value : null; },
    account: (rule, key) => { const value = get(rule, key); return value?.type === "account" ? value.value : null; },
    text: (rule, key) => { const value = get(rule, key); return value?.type === "string" ? value.value : null; },
    bool: (rule, key, fallback) => { const value = get(rule, key); return value?.type === "bool" ? value.value : fallback; },
    enabled: (rule) => { const value = get(rule, "enabled"); return value?.type === "bool" ? value.value : true; },
  };
  return { settings, diagnostics };
}
