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
  const keyed = entries.map((entry, index) => ({ entry, index, line: lineOf(entry) }));
  keyed.sort((left, right) => {
    if (left.entry.date !== right.entry.date) return left.entry.date < right.entry.date ? -1 : 1;
    const byType = typeOrder(left.entry) - typeOrder(right.entry);
    if (byType !== 0) return byType;
    return left.line - right.line || left.index - right.index;
  });
  return keyed.map((item) => item.entry);
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
