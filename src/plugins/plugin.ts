// The shape of a plugin, as beancount's are: a function over the booked, sorted entries that
// returns the entries to go on with and the problems it found.
import type { LedgerEntry } from "../core/data.js";
import type { LedgerOptions } from "../core/options.js";
import type { Span } from "../core/span.js";
import type { SourceFile } from "../source/files.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { message } from "../i18n/message.js";

/** What a plugin is given besides the entries and options. */
export interface PluginConfig {
  /** The configuration string of `plugin "module" "config"`, or null when none is written. */
  readonly text: string | null;
  /** Where the plugin is declared (problems with no better place are reported there). */
  readonly span: Span;
  /** Today, YYYY-MM-DD (forecast repeats until the end of this year by default). */
  readonly today: string;
}

export interface PluginResult {
  readonly entries: readonly LedgerEntry[];
  readonly errors: readonly Diagnostic[];
  /** Other files the plugin read (merge_meta's), by path: some errors are placed in them. */
  readonly sources?: ReadonlyMap<string, SourceFile>;
}

export type PluginFunction = (entries: readonly LedgerEntry[], options: LedgerOptions, config: PluginConfig) => PluginResult;

export interface BuiltinPlugin {
  /** The functions of the module's `__plugins__`, run in order. */
  readonly run: PluginFunction;
  /**
   * Whether the module's functions take a configuration string: passing one to a function that
   * takes none, or none to one that needs it, fails in beancount.
   */
  readonly config: "none" | "optional" | "required";
}

/** What beancount reports when a plugin raises: the entries stay as they were, its other errors are lost. */
export function pluginFailure(entries: readonly LedgerEntry[], module: string, why: string, span: Span): PluginResult {
  return { entries, errors: [error("plugin-failed", message("plugin-failed", { module, why }), span)] };
}
