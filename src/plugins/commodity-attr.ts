// beancount.plugins.commodity_attr: Commodity directives must have the metadata the configuration
// names (`{'name': None, 'class': ('Stock', 'Bond')}`), with one of the listed values if any.
import type { MetaValue } from "../core/data.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { pluginFailure, type PluginFunction } from "./plugin.js";
import { isDict, readPythonLiteral, type PythonValue } from "./python-literal.js";
import { message } from "../i18n/message.js";

const MODULE = "beancount.plugins.commodity_attr";

function metaText(value: MetaValue): string | null {
  if (value.type === "null") return null;
  if (value.type === "string" || value.type === "account" || value.type === "currency") return value.value;
  return String(value.value);
}

function literalText(value: PythonValue): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

export const commodityAttr: PluginFunction = (entries, _options, config) => {
  const read = readPythonLiteral(config.text ?? "");
  if ("problem" in read) return pluginFailure(entries, MODULE, `invalid configuration: ${read.problem}`, config.span);
  if (!isDict(read.value)) {
    return { entries, errors: [error("plugin-commodity-attr", message("plugin-commodity-attr-config", {}), config.span)] };
  }
  const rules = [...read.value].map(([attribute, values]) => ({ attribute, values: Array.isArray(values) ? (values as PythonValue[]).map(literalText) : null }));
  const errors: Diagnostic[] = [];
  for (const entry of entries) {
    if (entry.type !== "commodity") continue;
    for (const { attribute, values } of rules) {
      const line = entry.meta.find((meta) => meta.key === attribute);
      const value = line === undefined ? null : metaText(line.value);
      if (value === null) {
        errors.push(error("plugin-commodity-attr", message("plugin-missing-attribute", { attribute, currency: entry.currency }), entry.span));
        continue;
      }
      if (values !== null && values.length > 0 && !values.includes(value)) {
        errors.push(error("plugin-commodity-attr", message("plugin-attribute-value", { value: String(value), attribute, currency: entry.currency, values: values.join(", ") }), entry.span));
      }
    }
  }
  return { entries, errors };
};
