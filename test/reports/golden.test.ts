// Golden runs of every report on the samples, in each format: the table (--no-color), CSV and
// JSON must equal the files under test/reports/golden/ byte for byte.
// Regenerate with `UPDATE_GOLDEN=1 npx vitest run test/reports` and review the diff by eye.
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { CHINESE_SAMPLE as CN, ENGLISH_SAMPLE as EN, expectGolden } from "./samples.js";

type Format = "table" | "csv" | "json";

const FORMAT_ARGS: Record<Format, string[]> = { table: ["--no-color"], csv: ["--format", "csv"], json: ["--format", "json"] };
const EXTENSION: Record<Format, string> = { table: "txt", csv: "csv", json: "json" };
const ALL: Format[] = ["table", "csv", "json"];

const CASES: { name: string; args: string[]; formats?: Format[] }[] = [
  { name: "structure", args: ["report", "structure", CN] },
  { name: "structure-by-customer-compare", args: ["report", "structure", CN, "--by", "customer", "--top", "5", "-p", "2026Q2", "--compare", "2026Q1"] },
  { name: "structure-depth2-pending", args: ["report", "structure", CN, "--root", "Expenses", "--depth", "2", "--pending", "-p", "2026"] },
  { name: "structure-claimant-zh", args: ["report", "structure", CN, "--by", "claimant", "--lang", "zh"], formats: ["table"] },
  { name: "structure-english-by-tag", args: ["report", "structure", EN, "--by", "tag"] },
  { name: "trend-monthly", args: ["report", "trend", CN] },
  { name: "trend-quarterly-by-department", args: ["report", "trend", CN, "-Q", "--by", "department"] },
  { name: "trend-quarterly-zh", args: ["report", "trend", CN, "-Q", "--lang", "zh"], formats: ["table"] },
  { name: "trend-english-monthly", args: ["report", "trend", EN, "-p", "2026-01..2026-06"] },
  { name: "budget-monthly", args: ["report", "budget", CN] },
  { name: "budget-quarterly-zh", args: ["report", "budget", CN, "-Q", "--lang", "zh"], formats: ["table"] },
  { name: "budget-english", args: ["report", "budget", EN, "-p", "2026-01..2026-06"] },
  { name: "tax", args: ["report", "tax", CN] },
  { name: "tax-zh", args: ["report", "tax", CN, "--lang", "zh"], formats: ["table"] },
  { name: "tax-english", args: ["report", "tax", EN] },
  { name: "reg-cash", args: ["reg", CN, "库存现金"] },
  { name: "reg-english-visits-q1", args: ["reg", EN, "Visits", "-p", "2026Q1"] },
  { name: "is", args: ["is", CN] },
  { name: "is-english-q1", args: ["is", EN, "-p", "2026Q1"] },
  { name: "bs", args: ["bs", CN] },
  { name: "bs-second-half-zh", args: ["bs", CN, "-p", "2026-07..2026-12", "--lang", "zh"], formats: ["table"] },
  { name: "bs-english", args: ["bs", EN, "--depth", "2"] },
];

describe("report golden files", () => {
  for (const testCase of CASES) {
    for (const format of testCase.formats ?? ALL) {
      it(`${testCase.name} (${format})`, () => {
        const result = runCli([...testCase.args, ...FORMAT_ARGS[format]]);
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
        expectGolden(`${testCase.name}.${EXTENSION[format]}`, result.stdout);
      });
    }
  }

  it("print (English sample)", () => {
    const result = runCli(["print", EN]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expectGolden("print-english.beancount", result.stdout);
  });
});
