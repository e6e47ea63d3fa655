// JSON output: the same rows as the table and CSV, amounts as strings so no precision is lost.
export function renderJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}
