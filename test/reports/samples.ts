// Paths of the sample journals and a golden-file comparison for the report tests.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect } from "vitest";

const root = new URL("../../", import.meta.url).pathname;

export const CHINESE_SAMPLE = join(root, "samples", "customer-fees-2026.beancount");
export const ENGLISH_SAMPLE = join(root, "samples", "english.beancount");
export const GOLDEN_DIR = join(root, "test", "reports", "golden");

/**
 * Compare output with test/reports/golden/NAME exactly. With UPDATE_GOLDEN=1 the file is written
 * instead (review the diff by eye before committing it).
 */
export function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(existsSync(file), `missing golden file ${name} (run with UPDATE_GOLDEN=1 to create it)`).toBe(true);
  expect(actual).toBe(readFileSync(file, "utf8"));
}
