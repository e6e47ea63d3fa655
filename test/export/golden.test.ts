// Golden files: March 2026 of samples/ in each target, read back (read-back.ts) and dumped cell by
// cell (workbooks) or as decoded text (U8), must equal test/export/golden/<target>.txt.
// Regenerate with `UPDATE_GOLDEN=1 npx vitest run test/export` and review the diff by eye.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, SAMPLE, exportVouchers } from "./helpers.js";
import { dumpSheets, readGbkLines, readXls, readXlsx } from "./read-back.js";

const GOLDEN_DIR = join(ROOT, "test", "export", "golden");

function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(existsSync(file), `missing golden file ${name} (run with UPDATE_GOLDEN=1 to create it)`).toBe(true);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

const MARCH = ["-p", "2026-03", "--number"];

describe("export vouchers: golden files of March 2026 (samples/)", () => {
  it("kingdee-k3", () => {
    const run = exportVouchers(SAMPLE, "kingdee-k3", [...MARCH, "--preparer", "孙强"]);
    expect(run.code, run.stderr).toBe(0);
    expectGolden("kingdee-k3.txt", dumpSheets(readXls(run.bytes!)));
  });

  it("kingdee-cloud", async () => {
    const run = exportVouchers(SAMPLE, "kingdee-cloud", [...MARCH, "--account-book", "001", "--organization", "100"]);
    expect(run.code, run.stderr).toBe(0);
    expectGolden("kingdee-cloud.txt", dumpSheets(await readXlsx(run.bytes!)));
  });

  it("kingdee-jdy", async () => {
    const run = exportVouchers(SAMPLE, "kingdee-jdy", MARCH);
    expect(run.code, run.stderr).toBe(0);
    expectGolden("kingdee-jdy.txt", dumpSheets(await readXlsx(run.bytes!)));
  });

  it("yonyou-u8", () => {
    const run = exportVouchers(SAMPLE, "yonyou-u8", [...MARCH, "--preparer", "孙强"]);
    expect(run.code, run.stderr).toBe(0);
    expectGolden("yonyou-u8.txt", readGbkLines(run.bytes!).join("\n") + "\n");
  });
});
