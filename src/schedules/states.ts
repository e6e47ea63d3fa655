// The schedules of a loaded ledger and how far each has been written: what `amortize`,
// `report schedules` and `check` all start from.
import type { Ledger } from "../loader/load.js";
import type { Diagnostic, Result } from "../diagnostics/diagnostic.js";
import { displayScales } from "../reports/display.js";
import { SCHEDULE_KEYS, readSchedules } from "./schedule.js";
import { matchInstallments, type ScheduleState } from "./match.js";

export function scheduleStates(ledger: Ledger): Result<ScheduleState[]> {
  // Most journals declare no schedule: then no key of one is written anywhere.
  if (!ledger.metaKeys.has(SCHEDULE_KEYS.amortize) && !ledger.metaKeys.has(SCHEDULE_KEYS.reference)) return { value: [], diagnostics: [] };
  // The usual digits per commodity take a pass over every posting: only done for a journal with schedules.
  let scales: ReadonlyMap<string, number> | null = null;
  const usualScale = (currency: string) => (scales ??= displayScales(ledger.entries)).get(currency) ?? 0;
  const declared = readSchedules(ledger.entries, ledger.options, usualScale);
  const matched = matchInstallments(declared.value, ledger.entries, declared.unreadableIds);
  const diagnostics: Diagnostic[] = [...declared.diagnostics, ...matched.diagnostics];
  return { value: matched.value, diagnostics };
}
