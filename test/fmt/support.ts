// Helpers for the formatter's tests: format a text in memory, find the real-world ledgers, and
// the comments of a journal text.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { applyEdits } from "../../src/edit/edits.js";
import { formatEdits, type AlignScope } from "../../src/fmt/format.js";
import { root } from "../helpers/journals.js";

/** The text formatted as `fmt` would write it. */
export function formatted(text: string, align: AlignScope = "file"): string {
  return applyEdits(text, formatEdits("test.beancount", text, { align }));
}

/** The folder of real-world ledgers ($FEELEDGER_REALWORLD or <repo>/../shared/realworld-ledgers), or null. */
export function realworldFolder(): string | null {
  const folder = process.env.FEELEDGER_REALWORLD ?? resolve(root, "..", "shared", "realworld-ledgers");
  return existsSync(folder) ? folder : null;
}

/** Every journal file under `dir` (.beancount and .bean), recursively. */
export function journalFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) found.push(...journalFiles(full));
    else if (/\.(beancount|bean)$/.test(name)) found.push(full);
  }
  return found;
}

/** Each line's comment (from a `;` outside strings to the end of the line), by line number; crude but enough for the test journals. */
export function comments(text: string): string[] {
  return text.split("\n").map((line) => {
    let inString = false;
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '"') inString = !inString;
      else if (line[i] === "\\" && inString) i++;
      else if (line[i] === ";" && !inString) return line.slice(i).trimEnd();
    }
    return "";
  });
}
