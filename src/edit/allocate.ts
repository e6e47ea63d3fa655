// The allocation writer (分摊 / 分账入账): for each pooled posting through a month that a rule splits
// and the books do not yet split, one entry appended to the end of the file that holds the posting
// (as amortize appends installments): on the posting's date, the amount out of the pool and into
// each part, on the same account, the parts named in the rule's metadata key; `allocation-of`
// names the posting (allocation/allocator.ts), which is what makes a second run write nothing.
import type { PlannedAllocation } from "../allocation/pending.js";
import { ALLOCATION_OF } from "../allocation/allocator.js";
import { quote } from "../render/journal.js";
import { amountColumn, displayWidth } from "./amortize.js";
import { appendedEntries, lineEnding, type TextEdit } from "./edits.js";

/** One entry per planned allocation, appended to each source's file in journal order. */
export function allocationEdits(planned: readonly PlannedAllocation[], readText: (file: string) => string): TextEdit[] {
  const byFile = new Map<string, PlannedAllocation[]>();
  for (const item of planned) {
    const file = item.transaction.span.file;
    byFile.set(file, [...(byFile.get(file) ?? []), item]);
  }
  const edits: TextEdit[] = [];
  for (const [file, items] of byFile) {
    const text = readText(file);
    const column = amountColumn(text);
    const blocks = items.map((item) => allocationLines(item, column).join(lineEnding(text)));
    edits.push({ file, start: text.length, end: text.length, text: appendedEntries(text, blocks) });
  }
  return edits;
}

/** The entry that books one posting's allocation. */
export function allocationLines({ transaction, index, plan }: PlannedAllocation, column: number): string[] {
  const posting = transaction.booked[index]!;
  const { currency, scale } = posting.units;
  const label = /\p{Script=Han}/u.test(transaction.narration) ? "分摊" : "allocation";
  const narration = `${transaction.narration === "" ? "" : `${transaction.narration} `}${label}`;
  const strings = transaction.payee === null ? quote(narration) : `${quote(transaction.payee)} ${quote(narration)}`;
  const line = (amount: string, name: string) => {
    const lead = `  ${posting.account}`;
    const gap = Math.max(2, column - displayWidth(lead) - amount.length);
    return [`${lead}${" ".repeat(gap)}${amount} ${currency}`, `    ${plan.rule.by}: ${quote(name)}`];
  };
  return [
    `${transaction.date} * ${strings}`,
    `  ${ALLOCATION_OF}: ${quote(plan.key)}`,
    ...line(posting.units.number.neg().toFixed(scale), plan.rule.pool),
    ...plan.parts.flatMap((part) => line(part.amount.toFixed(scale), part.name)),
  ];
}
