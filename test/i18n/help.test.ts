// Help in both languages: every command, option and argument takes its description from the
// catalogue, the Chinese help has no English description left, and the English help is unchanged.
import { describe, expect, it } from "vitest";
import type { Command } from "commander";
import { buildProgram } from "../../src/cli/main.js";
import { COMMANDS } from "../../src/cli/commands/index.js";
import { allCommands, helpKey, itemName } from "../../src/cli/help.js";
import type { Io } from "../../src/cli/context.js";
import { en } from "../../src/i18n/en.js";
import type { Lang } from "../../src/i18n/lang.js";
import { AUDIT_RULES } from "../../src/audit/registry.js";
import { CLAIM_STATUSES } from "../../src/claims/claim.js";
import { TARGET_NAMES } from "../../src/export/targets.js";
import { SOURCES } from "../../src/import/presets/index.js";
import { runCli } from "../helpers/cli.js";

function program(lang: Lang): Command {
  const io: Io = { stdout: () => {}, stderr: () => {}, env: {}, stdoutIsTty: false, stderrIsTty: false, lang };
  return buildProgram(io, () => {}, COMMANDS);
}

/** Each described thing of the program: its command's path, its catalogue name (null: the command itself), its description. */
function described(lang: Lang): { path: string[]; item: string | null; description: string }[] {
  const found = [];
  for (const { command, path } of allCommands(program(lang))) {
    found.push({ path, item: null, description: command.description() });
    for (const argument of command.registeredArguments) found.push({ path, item: argument.name(), description: argument.description });
    for (const option of command.options) found.push({ path, item: itemName(option), description: option.description ?? "" });
  }
  return found;
}

const CJK = /[\u4e00-\u9fff]/;

describe("help", () => {
  it("has a catalogue entry for every command, option and argument, each used", () => {
    const used = new Set<string>();
    for (const { path, item } of described("en")) {
      const key = helpKey(path, item);
      expect(key, `${path.join(" ")} ${item ?? ""}`).not.toBeNull();
      used.add(key!);
    }
    const helpKeys = Object.keys(en).filter((key) => key.startsWith("help ") && key !== "help --help");
    expect(helpKeys.filter((key) => !used.has(key))).toEqual([]);
  });

  it("names the choices the commands accept", () => {
    const choices = (key: keyof typeof en) => (en[key] as (p: object) => string)({});
    expect(choices("help audit --rule")).toBe(`run one rule: ${AUDIT_RULES.map((rule) => rule.name).join(", ")}`);
    expect(choices("help claims --status")).toBe(`only claims in this state (${CLAIM_STATUSES.join(", ")})`);
    expect(choices("help export vouchers --target")).toBe(`the import format: ${TARGET_NAMES.join(", ")}`);
    expect(choices("help import --from")).toBe(`the system the export comes from: ${SOURCES.join(", ")}`);
  });

  const commands = allCommands(program("en")).map(({ path }) => path);

  it("of every command with --lang zh has no English description or heading left", () => {
    const english = described("en").map(({ description }) => description);
    for (const path of commands) {
      const result = runCli([...path, "--help", "--lang", "zh"]);
      expect(result.code, path.join(" ")).toBe(0);
      for (const heading of ["Usage:", "Arguments:", "Options:", "Commands:", "Exit status:", "default:", "display help"]) {
        expect(result.stdout, `${path.join(" ")}: ${heading}`).not.toContain(heading);
      }
      for (const text of english) expect(result.stdout, `${path.join(" ")}: ${text}`).not.toContain(text);
    }
    for (const { path, item, description } of described("zh")) expect(description, `${path.join(" ")} ${item ?? ""}`).toMatch(CJK);
  });

  it("of every command with --lang en is the English of the catalogue", () => {
    for (const path of commands) {
      const result = runCli([...path, "--help"], { LANG: "zh_CN.UTF-8", FEELEDGER_LANG: "en" });
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Usage: feeledger/);
      expect(result.stdout).not.toMatch(/用法|选项：|显示命令的帮助/);
    }
    expect(runCli(["--help"]).stdout).toContain("Exit status:\n  0  done; the journal has no errors (warnings are allowed)\n");
    expect(runCli(["fmt", "--help"]).stdout).toContain('(default:\n                   "file")');
  });

  it("follows LANG=zh_CN.UTF-8 and keeps the option's default in Chinese", () => {
    const result = runCli(["receipts", "--help"], { LANG: "zh_CN.UTF-8" });
    expect(result.stdout).toContain("用法： feeledger receipts [options] [FILE]");
    expect(result.stdout).toContain("table、csv 或 json（默认：\"table\"）");
    expect(runCli(["help", "report"], { LANG: "zh_CN.UTF-8" }).stdout).toContain("科目余额表：按科目代码顺序");
  });
});
