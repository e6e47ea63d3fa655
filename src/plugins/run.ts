// The plugin stage of the loader: the top-level file's plugins in declaration order, each on what
// the previous one returned, the entries sorted again after each (beancount trusts no plugin's order).
import type { LedgerEntry } from "../core/data.js";
import { typeOrder } from "../core/data.js";
import type { LedgerOptions } from "../core/options.js";
import type { Span } from "../core/span.js";
import { error, warning, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../source/files.js";
import { foreignPluginHint, lookupPlugin } from "./registry.js";
import { message } from "../i18n/message.js";

export interface PluginDeclaration {
  readonly module: string;
  readonly config: string | null;
  readonly span: Span;
}

/** Beancount's order: date, type, then line (`lineOf`: the line an entry, or what made it, is written on). */
export function sortByBeancountKey(entries: readonly LedgerEntry[], lineOf: (entry: LedgerEntry) => number): LedgerEntry[] {
  // The keys read once each into arrays; the order compares positions. (Ties end with the position,
  // so the order is total: any sort gives the same. What a plugin returns is usually in order
  // already, or nearly: implicit_prices puts each price after its transaction.)
  // (Read in order first, each entry's type and line only when its date, then its type, ties with
  // the one before: what a plugin returns is usually in order, and then no arrays are made.)
  if (inBeancountOrder(entries, lineOf)) return entries.slice();
  const count = entries.length;
  const dates: string[] = new Array(count);
  const types = new Int8Array(count);
  const lines = new Float64Array(count);
  for (let index = 0; index < count; index++) {
    const entry = entries[index]!;
    dates[index] = entry.date;
    types[index] = typeOrder(entry);
    lines[index] = lineOf(entry);
  }
  const compare = (left: number, right: number): number => {
    const leftDate = dates[left]!;
    const rightDate = dates[right]!;
    if (leftDate !== rightDate) return leftDate < rightDate ? -1 : 1;
    return types[left]! - types[right]! || lines[left]! - lines[right]! || left - right;
  };
  const order: number[] = new Array(count);
  for (let index = 0; index < count; index++) order[index] = index;
  order.sort(compare);
  const result: LedgerEntry[] = new Array(count);
  for (let index = 0; index < count; index++) result[index] = entries[order[index]!]!;
  return result;
}

/** Whether `entries` are in beancount's order (date, type, line; entries that tie on all three in any order). */
function inBeancountOrder(entries: readonly LedgerEntry[], lineOf: (entry: LedgerEntry) => number): boolean {
  const count = entries.length;
  if (count < 2) return true;
  let previous = entries[0]!;
  let previousDate = previous.date;
  // NaN: not read yet.
  let previousType = Number.NaN;
  let previousLine = Number.NaN;
  for (let index = 1; index < count; index++) {
    const entry = entries[index]!;
    const date = entry.date;
    if (date !== previousDate) {
      if (date < previousDate) return false;
      previousDate = date;
      previousType = Number.NaN;
      previousLine = Number.NaN;
      previous = entry;
      continue;
    }
    if (Number.isNaN(previousType)) previousType = typeOrder(previous);
    const type = typeOrder(entry);
    if (type !== previousType) {
      if (type < previousType) return false;
      previousType = type;
      previousLine = Number.NaN;
      previous = entry;
      continue;
    }
    if (Number.isNaN(previousLine)) previousLine = lineOf(previous);
    const line = lineOf(entry);
    if (line < previousLine) return false;
    previousLine = line;
    previous = entry;
  }
  return true;
}

export function runPlugins(
  entries: readonly LedgerEntry[],
  options: LedgerOptions,
  declarations: readonly PluginDeclaration[],
  context: { readonly today: string; readonly lineOf: (entry: LedgerEntry) => number },
): { entries: readonly LedgerEntry[]; diagnostics: Diagnostic[]; sources: Map<string, SourceFile> } {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, SourceFile>();
  let current = entries;
  for (const declaration of declarations) {
    const found = lookupPlugin(declaration.module);
    switch (found.kind) {
      case "loader-stage":
      case "no-plugins":
        continue;
      case "unknown-builtin":
        diagnostics.push(error("plugin-import", message("plugin-import", { module: declaration.module }), declaration.span));
        continue;
      case "foreign": {
        const hint = foreignPluginHint(declaration.module);
        diagnostics.push(warning("plugin", message("plugin-not-run", { module: declaration.module, hint }), declaration.span));
        continue;
      }
      case "builtin":
        break;
    }
    const wanted = found.plugin.config;
    if ((declaration.config !== null && wanted === "none") || (declaration.config === null && wanted === "required")) {
      diagnostics.push(error("plugin-failed", message("plugin-config", { module: declaration.module, takes: wanted }), declaration.span));
      continue;
    }
    const result = found.plugin.run(current, options, { text: declaration.config, span: declaration.span, today: context.today });
    for (const problem of result.errors) diagnostics.push(problem);
    for (const [file, source] of result.sources ?? []) if (!sources.has(file)) sources.set(file, source);
    current = result.entries === current ? current : sortByBeancountKey(result.entries, context.lineOf);
  }
  return { entries: current, diagnostics, sources };
}
