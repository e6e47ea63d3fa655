// beancount.plugins.fix_payees: rules `[(NEW_PAYEE, 'D:regexp', 'A:regexp'...), ...]` rename the
// payee of transactions whose payee or narration (D) and some posting's account (A) match.
import type { LedgerEntry } from "../core/data.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { PluginFunction } from "./plugin.js";
import { readPythonLiteral, type PythonValue } from "./python-literal.js";
import { transactionWith } from "./entries.js";
import { message } from "../i18n/message.js";

interface Rule {
  readonly payee: string;
  readonly clauses: readonly { readonly command: "A" | "D"; readonly pattern: RegExp }[];
}

export const fixPayees: PluginFunction = (entries, _options, config) => {
  const text = config.text ?? "";
  if (text.trim() === "") return { entries, errors: [] };
  const read = readPythonLiteral(text);
  if ("problem" in read || !Array.isArray(read.value)) {
    return { entries, errors: [error("plugin-fix-payees", message("plugin-config-syntax", { text }), config.span)] };
  }
  const errors: Diagnostic[] = [];
  const rules: Rule[] = [];
  for (const rule of read.value as PythonValue[]) {
    if (!Array.isArray(rule) || typeof rule[0] !== "string") continue;
    const clauses: { command: "A" | "D"; pattern: RegExp }[] = [];
    for (const clause of (rule as PythonValue[]).slice(1)) {
      const match = typeof clause === "string" ? /^([AD]):(.*)$/s.exec(clause) : null;
      if (match === null) { errors.push(error("plugin-fix-payees", message("plugin-invalid-clause", { clause: String(clause) }), config.span)); continue; }
      clauses.push({ command: match[1] as "A" | "D", pattern: new RegExp(match[2]!, "i") });
    }
    rules.push({ payee: rule[0] as string, clauses });
  }
  const result: LedgerEntry[] = entries.map((entry) => {
    if (entry.type !== "transaction") return entry;
    let current = entry;
    for (const rule of rules) {
      const matches = rule.clauses.every(({ command, pattern }) => command === "D"
        ? (current.payee !== null && pattern.test(current.payee)) || pattern.test(current.narration)
        : current.booked.some((posting) => pattern.test(posting.account)));
      if (matches) current = transactionWith(current, { payee: rule.payee });
    }
    return current;
  });
  return { entries: result, errors };
};
