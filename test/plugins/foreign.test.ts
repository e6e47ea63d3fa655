// Plugins feeledger does not run: a user's own module or a third-party package is a warning on its
// `plugin` line (beancount would import and run it), naming what a well-known one probably does; a
// plugin in an included file is a warning (beancount runs only the top-level file's).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadLedger } from "../../src/loader/load.js";

function load(files: Record<string, string>, today = "2027-01-15") {
  const folder = mkdtempSync(join(tmpdir(), "feeledger-plugins-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return loadLedger(join(folder, "main.beancount"), { today });
}

describe("plugins feeledger does not run, and what depends on today", () => {
  it("a user's own module: a warning, no error, the books otherwise loaded", () => {
    const ledger = load({ "main.beancount": 'plugin "my_plugins.tweak"\n2020-01-01 open Assets:Cash\n' });
    expect(ledger.diagnostics.map((d) => [d.severity, d.code, d.message])).toEqual([
      ["warning", "plugin", "Plugin 'my_plugins.tweak' is not run by feeledger"],
    ]);
    expect(ledger.entries).toHaveLength(1);
  });

  it("a well-known third-party plugin: the warning says what it probably does", () => {
    const ledger = load({ "main.beancount": 'plugin "beancount_periodic.recur"\n' });
    expect(ledger.diagnostics[0]!.message).toBe("Plugin 'beancount_periodic.recur' is not run by feeledger (it generates recurring, amortized or depreciated transactions; their amounts are missing)");
  });

  it("a plugin in an included file: a warning, not run", () => {
    const ledger = load({
      "main.beancount": 'include "other.beancount"\n2020-01-02 * "x"\n  Assets:Cash  1 USD\n  Income:Gift\n',
      "other.beancount": 'plugin "beancount.plugins.auto_accounts"\n',
    });
    expect(ledger.diagnostics.filter((d) => d.severity === "warning").map((d) => d.code)).toEqual(["plugin-in-include"]);
    expect(ledger.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual(["unknown-account", "unknown-account"]);
  });

  it("forecast without REPEAT or UNTIL repeats to the end of today's year", () => {
    const ledger = load({
      "main.beancount": 'plugin "beancount.plugins.forecast"\n2026-01-01 open Assets:Cash\n2026-01-01 open Expenses:Rent\n2026-10-15 # "Rent [MONTHLY]"\n  Expenses:Rent  1 USD\n  Assets:Cash\n',
    }, "2026-06-01");
    expect(ledger.entries.filter((entry) => entry.type === "transaction").map((entry) => entry.date)).toEqual(["2026-10-15", "2026-11-15", "2026-12-15"]);
  });
});
