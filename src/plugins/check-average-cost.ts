// beancount.plugins.check_average_cost: in accounts booked NONE, a reducing posting's cost must be
// within a tolerance (a float, 0.01 by default) of the average cost of what the account holds.
import type { Open } from "../core/data.js";
import { Decimal, ZERO, formatNumber } from "../core/number.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { pluginFailure, type PluginFunction } from "./plugin.js";
import { readPythonLiteral } from "./python-literal.js";
import { message } from "../i18n/message.js";

const MODULE = "beancount.plugins.check_average_cost";

/** Decimal(float) in Python: the exact value of the double. */
function exactFloat(value: number): Decimal {
  return new Decimal(value.toPrecision(100).replace(/0+$/, "").replace(/\.$/, ""));
}

export const checkAverageCost: PluginFunction = (entries, _options, config) => {
  let tolerance = 0.01;
  if (config.text !== null && config.text.trim() !== "") {
    const read = readPythonLiteral(config.text);
    const value = "value" in read ? read.value : null;
    if (value === null || typeof value !== "object" || !("kind" in value) || !value.float) {
      return pluginFailure(entries, MODULE, "Invalid configuration for check_average_cost: must be a float", config.span);
    }
    tolerance = value.value.toNumber();
  }
  const lowest = exactFloat(1 - tolerance);
  const highest = exactFloat(1 + tolerance);
  const opens = new Map<string, Open>();
  for (const entry of entries) if (entry.type === "open" && !opens.has(entry.account)) opens.set(entry.account, entry);
  /** Units and total cost held, by account, commodity and cost currency. */
  const held = new Map<string, { units: Decimal; cost: Decimal }>();
  const errors: Diagnostic[] = [];
  for (const entry of entries) {
    if (entry.type !== "transaction") continue;
    for (const posting of entry.booked) {
      if (opens.get(posting.account)?.booking !== "NONE") continue;
      const key = `${posting.account} ${posting.units.currency} ${posting.cost?.currency ?? ""}`;
      const balance = held.get(key) ?? { units: ZERO, cost: ZERO };
      if (posting.units.number.lt(0) && !balance.units.isZero() && posting.cost !== null) {
        const average = balance.cost.div(balance.units);
        const number = posting.cost.number;
        if (!(average.times(lowest).lte(number) && number.lte(average.times(highest)))) {
          errors.push(error("plugin-check-average-cost", message("plugin-average-cost", { cost: formatNumber(number, posting.cost.scale), average: average.toFixed() }), entry.span));
        }
      }
      held.set(key, {
        units: balance.units.plus(posting.units.number),
        cost: balance.cost.plus(posting.cost === null ? ZERO : posting.units.number.times(posting.cost.number)),
      });
    }
  }
  return { entries, errors };
};
