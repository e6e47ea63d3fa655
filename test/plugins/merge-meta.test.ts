// merge_meta beyond the differential fixture: the merged metadata itself, the path as beancount
// resolves it, and a ledger that merges itself.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { metaValue } from "../../src/core/data.js";
import { loadLedger } from "../../src/loader/load.js";
import { beancountLoadPath } from "../../src/plugins/merge-meta.js";

const fixture = new URL("./fixtures/merge_meta/main.beancount", import.meta.url).pathname;

describe("merge_meta", () => {
  it("copies the other file's open, close and commodity metadata, the other file winning", () => {
    const ledger = loadLedger(fixture, { today: "2027-01-15" });
    const open = ledger.entries.find((entry) => entry.type === "open" && entry.account === "Assets:Bank")!;
    expect(metaValue(open.meta, "number")).toEqual({ type: "string", value: "123-456" });
    expect(metaValue(open.meta, "password")).toEqual({ type: "string", value: "secret" });
    const close = ledger.entries.find((entry) => entry.type === "close")!;
    expect(metaValue(close.meta, "closed-by")).toEqual({ type: "string", value: "me" });
    const hool = ledger.entries.find((entry) => entry.type === "commodity" && entry.currency === "HOOL")!;
    expect(hool.meta.map((line) => line.key)).toEqual(["name", "sector"]);
    expect(metaValue(hool.meta, "name")).toEqual({ type: "string", value: "Hooli Inc." });
    // Entries only in the other file are not added.
    expect(ledger.entries.some((entry) => entry.type === "open" && entry.account === "Assets:NotInMain")).toBe(false);
  });

  it("expands ~ and $VARIABLE and leaves an unknown variable as written (Python's expandvars)", () => {
    expect(beancountLoadPath("$BOOKS/secret.beancount", { BOOKS: "/data" })).toBe("/data/secret.beancount");
    expect(beancountLoadPath("${BOOKS}/x", { BOOKS: "b" })).toBe("b/x");
    expect(beancountLoadPath("$NOPE/x", {})).toBe("$NOPE/x");
    expect(beancountLoadPath("~/x", {})).not.toMatch(/^~/);
  });

  it("reports a ledger that merges itself instead of recursing", () => {
    const folder = mkdtempSync(join(tmpdir(), "merge-meta-"));
    const file = join(folder, "self.beancount");
    writeFileSync(file, `plugin "beancount.plugins.merge_meta" "${file}"\n\n2020-01-01 open Assets:Cash\n`);
    const ledger = loadLedger(file, { today: "2027-01-15" });
    expect(ledger.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([`Error applying plugin "beancount.plugins.merge_meta": "${file}" merges itself`]);
  });
});
