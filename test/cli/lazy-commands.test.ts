// bin/feeledger loads only the module of the command asked for (src/cli/start.ts): the table of
// modules by name must name every command and alias, and lead to the same register function.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/commands/index.js";
import { COMMAND_MODULES } from "../../src/cli/commands/register.js";
import { commandOf, commandsFor } from "../../src/cli/start.js";
import { main } from "../../src/cli/main.js";
import { plainCheck } from "../../src/cli/plain.js";
import { runPlainCheck } from "../../src/cli/plain-check.js";
import type { CommandShared, Io } from "../../src/cli/context.js";
import { root } from "../helpers/journals.js";

const io: Io = { stdout: () => {}, stderr: () => {}, env: {}, stdoutIsTty: false, stderrIsTty: false };
const shared: CommandShared = { io, setExit: () => {}, global: () => ({}) };

/** The names and aliases a register function adds to a program. */
function namesOf(register: (typeof COMMANDS)[number]): string[] {
  const program = new Command();
  register(program, shared);
  return program.commands.flatMap((command) => [command.name(), ...command.aliases()]);
}

describe("the lazy command registry", () => {
  it("names every command and alias, each leading to its own register function", async () => {
    const named = new Set<string>();
    for (const register of COMMANDS) {
      for (const name of namesOf(register)) {
        named.add(name);
        expect(Object.hasOwn(COMMAND_MODULES, name), name).toBe(true);
        expect(await COMMAND_MODULES[name]!(), name).toBe(register);
      }
    }
    expect([...named].sort()).toEqual(Object.keys(COMMAND_MODULES).sort());
  });

  it("finds the command past the global options and their values", () => {
    expect(commandOf(["check", "x.beancount"])).toEqual({ name: "check", version: false });
    expect(commandOf(["-f", "x.beancount", "--lang", "zh", "--no-color", "reg", "Bank"])).toEqual({ name: "reg", version: false });
    expect(commandOf(["--file=x.beancount", "bal"])).toEqual({ name: "bal", version: false });
    expect(commandOf(["--version"])).toEqual({ name: null, version: true });
    expect(commandOf(["-V", "--help"])).toEqual({ name: null, version: false });
    expect(commandOf(["--", "check"])).toEqual({ name: null, version: false });
    expect(commandOf([])).toEqual({ name: null, version: false });
  });

  it("loads one command, none for the version, and all for help or an unknown name", async () => {
    expect(await commandsFor(["claims", "x.beancount"])).toEqual([await COMMAND_MODULES.claims!()]);
    expect(await commandsFor(["-V"])).toEqual([]);
    expect(await commandsFor(["--help"])).toBe(COMMANDS);
    expect(await commandsFor(["help", "check"])).toBe(COMMANDS);
    expect(await commandsFor(["chek"])).toBe(COMMANDS);
    expect(await commandsFor(["constructor"])).toBe(COMMANDS);
  });

  it("bin/feeledger --help still lists every command with its description", () => {
    const run = spawnSync(process.execPath, [join(root, "bin/feeledger"), "--help"], { encoding: "utf8", env: { ...process.env, LANG: "C", COLUMNS: "200" } });
    expect(run.status).toBe(0);
    for (const register of COMMANDS) {
      const program = new Command();
      register(program, shared);
      for (const command of program.commands) {
        expect(run.stdout).toContain(command.name());
        expect(run.stdout).toContain(command.description().slice(0, 40));
      }
    }
  });

  it("bin/feeledger --version and -V print package.json's version, alone or with the CLI loaded", () => {
    const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    // Alone, start.ts answers without commander; after a global option, commander answers.
    for (const args of [["--version"], ["-V"], ["--no-color", "--version"]]) {
      const run = spawnSync(process.execPath, [join(root, "bin/feeledger"), ...args], { encoding: "utf8", env: { ...process.env, LANG: "C" } });
      expect({ args, status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ args, status: 0, stdout: `${version}\n`, stderr: "" });
    }
  });
});

describe("a plain `check` without commander (src/cli/plain.ts)", () => {
  const en = { LANG: "C" };
  it("takes the plain forms in English, with what commander would hand the command", () => {
    expect(plainCheck(["check", "x.beancount"], en)).toEqual({ fileOption: undefined, file: "x.beancount", beancount: false, color: true });
    expect(plainCheck(["check"], {})).toEqual({ fileOption: undefined, file: undefined, beancount: false, color: true });
    expect(plainCheck(["--no-color", "-f", "check", "check", "--beancount", "y"], en)).toEqual({ fileOption: "check", file: "y", beancount: true, color: false });
    expect(plainCheck(["--file", "a", "check", "--beancount"], en)).toEqual({ fileOption: "a", file: undefined, beancount: true, color: true });
  });

  it("leaves anything else to commander", () => {
    for (const args of [
      [], ["bal", "x"], ["check", "--help"], ["check", "-h"], ["check", "x", "y"], ["check", "--", "x"], ["check", "-"],
      ["check", "x", "--no-color"], ["check", "--beancount", "--beancount"], ["--lang", "en", "check", "x"], ["check", "x", "--lang=en"],
      ["--file=x", "check"], ["-f", "-x", "check"], ["-f"], ["-f", "a", "-f", "b", "check"], ["--no-color", "--no-color", "check"],
      ["help", "check"], ["-V", "check"], ["check", "--version"],
    ]) expect(plainCheck(args, en), args.join(" ")).toBeNull();
    expect(plainCheck(["check", "x"], { LANG: "zh_CN.UTF-8" })).toBeNull();
    expect(plainCheck(["check", "x"], { FEELEDGER_LANG: "zh" })).toBeNull();
  });

  it("prints and exits as the commander program does", () => {
    const fixtures = join(root, "test/fixtures/errors");
    const failing = join(fixtures, "balance-assertion-failed/main.beancount");
    const clean = join(mkdtempSync(join(tmpdir(), "feeledger-plain-")), "clean.beancount");
    writeFileSync(clean, '2026-01-01 open Assets:Bank CNY\n2026-01-01 open Expenses:Fees CNY\n\n2026-01-05 * "Bank" "fee"\n  Expenses:Fees  1.00 CNY\n  Assets:Bank\n');
    const cases: { args: string[]; env: Record<string, string> }[] = [
      { args: ["check", failing], env: en },
      { args: ["--no-color", "check", "--beancount", join(fixtures, "amount-without-currency/main.beancount")], env: en },
      { args: ["check", clean, "--beancount"], env: en },
      { args: ["check", join(fixtures, "no-such-file.beancount")], env: en },
      { args: ["check", fixtures], env: en },
      { args: ["check"], env: en },
      { args: ["check"], env: { ...en, FEELEDGER_FILE: failing } },
      { args: ["-f", failing, "check", "extra"], env: en },
    ];
    for (const { args, env } of cases) {
      const run = (via: (io: Io) => number) => {
        let stdout = "";
        let stderr = "";
        const io: Io = { stdout: (text) => { stdout += text; }, stderr: (text) => { stderr += text; }, env, stdoutIsTty: false, stderrIsTty: true };
        const status = via(io);
        return { status, stdout, stderr };
      };
      const plain = plainCheck(args, env);
      expect(plain, args.join(" ")).not.toBeNull();
      const viaCommander = run((io) => main(["node", "feeledger", ...args], io, COMMANDS));
      expect(run((io) => runPlainCheck(io, plain!)), args.join(" ")).toEqual(viaCommander);
      expect(viaCommander.stderr === "" && viaCommander.status === 0, args.join(" ")).toBe(args.includes("--beancount") && args.length === 3);
    }
  });
});
