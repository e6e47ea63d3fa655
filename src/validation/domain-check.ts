// What a bookkeeping check is: a named function over the loaded ledger. Its own file, so that the
// checks and the registry that lists them (domain.ts) do not import each other.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Ledger } from "../loader/load.js";

export interface DomainCheck {
  /** Stable name, e.g. "claims", "fapiao", "policies". */
  readonly name: string;
  readonly run: (ledger: Ledger, context: DomainContext) => Diagnostic[];
  /** Work the check can set going in the background before any check runs (e.g. worker threads that load a library). */
  readonly start?: (ledger: Ledger) => void;
}

export interface DomainContext {
  /** Today's date (FEELEDGER_TODAY or the clock), for checks about what is overdue. */
  readonly today: string;
}
