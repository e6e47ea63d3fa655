// beancount.plugins.exclude_tag: transactions tagged #virtual are dropped.
import type { PluginFunction } from "./plugin.js";

const EXCLUDED_TAG = "virtual";

export const excludeTag: PluginFunction = (entries) => ({
  entries: entries.filter((entry) => entry.type !== "transaction" || !entry.tags.includes(EXCLUDED_TAG)),
  errors: [],
});
