// What import, export and fmt say about their work, in the chosen language: each runs for real on
// a copy of the samples (or a small journal the test writes) in Chinese with --lang zh, where no
// English word is left beyond what the lines quote, and in English with --lang en, where the lines
// are what feeledger has always printed.
import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/cli.js";

const SAMPLES = join(import.meta.dirname, "..", "..", "samples");

function copyOfSamples(): string {
  const dir = mkdtempSync(join(tmpdir(), "feeledger-exchange-"));
  cpSync(SAMPLES, dir, { recursive: true });
  return dir;
}

/** The English words left in a Chinese text once the quoted values (`quoted`) and file paths are taken out. */
function englishWords(text: string, quoted: readonly string[] = []): string[] {
  let rest = text;
  for (const value of [...quoted].sort((a, b) => b.length - a.length)) rest = rest.split(value).join(" ");
  rest = rest.replace(/\S*[/\\]\S*/g, " ").replace(/--[a-z-]+/g, " ");
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

describe("fmt", () => {
  it("says which files it formatted in the chosen language", () => {
    const dir = mkdtempSync(join(tmpdir(), "feeledger-exchange-fmt-"));
    const journal = join(dir, "messy.beancount");
    const messy = "2026-01-01 open Assets:Cash\n2026-01-01 open Expenses:Fee\n\n2026-01-05 * \"fee\"\n  Expenses:Fee  10.00 CNY\n  Assets:Cash    -10.00 CNY\n";
    writeFileSync(journal, messy);
    const chinese = runCli(["fmt", journal, "--lang", "zh"]);
    expect(chinese).toEqual({ code: 0, stdout: `已格式化 ${journal}\n`, stderr: "" });
    expect(englishWords(chinese.stdout)).toEqual([]);
    writeFileSync(journal, messy);
    expect(runCli(["fmt", journal, "--lang", "en"], { LANG: "zh_CN.UTF-8" })).toEqual({ code: 0, stdout: `formatted ${journal}\n`, stderr: "" });
  });
});
