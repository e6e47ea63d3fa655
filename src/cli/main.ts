// The commander program: one thin command per file under commands/; returns an exit code.
// It registers the commands it is given: every one (commands/index.ts) for the tests and for
// help, or only the one bin/feeledger found on the command line (start.ts).
import { Command, CommanderError } from "commander";
import { EXIT_OK, EXIT_USAGE, type CommandShared, type Io } from "./context.js";
import { terminalLines, terminalText } from "../render/terminal.js";
import type { RegisterCommand } from "./commands/register.js";
import { chooseLang, langOption } from "../i18n/lang.js";
import { say } from "../i18n/message.js";
// (Loaded for its catalogue, which it gives message.ts: any command may speak Chinese.)
import "../i18n/zh.js";
import { helpOptionText, translateHelp } from "./help.js";
import { VERSION } from "./version.js";
import { commanderErrorText } from "./commander-errors.js";
import { failure } from "./failure.js";

export function buildProgram(io: Io, setExit: (code: number) => void, commands: readonly RegisterCommand[]): Command {
  const lang = io.lang ?? "en";
  const program = new Command();
  // (The descriptions of the program, its commands and their options are the catalogue's: help.ts.)
  program
    .name("feeledger")
    .version(VERSION)
    .helpOption("-h, --help", helpOptionText(lang))
    .helpCommand("help [command]", helpOptionText(lang))
    .option("-f, --file <FILE>")
    .option("--no-color")
    .option("--lang <LANG>")
    .exitOverride()
    // (Commander's error messages quote the arguments, which may hold anything.)
    .configureOutput({
      writeOut: io.stdout,
      writeErr: (text) => io.stderr(terminalLines(text)),
      outputError: (text, write) => write(commanderErrorText(text, lang)),
    })
    .showHelpAfterError(false)
    .addHelpText("after", `\n${say(lang, "help-exit-status", {})}`);

  const shared: CommandShared = {
    io,
    setExit,
    global: () => program.opts<{ file?: string; color?: boolean }>(),
  };
  for (const register of commands) register(program, shared);
  translateHelp(program, lang);

  return program;
}

/** Run the CLI on argv (as process.argv) and return the exit code; never throws. */
export function main(argv: readonly string[], given: Io, commands: readonly RegisterCommand[]): number {
  let exitCode = 0;
  // The language is chosen before anything is parsed, so that every message can use it; --lang is
  // a global option, taken before or after the command's name.
  const asked = langOption(argv.slice(2));
  const lang = chooseLang(asked, given.env);
  if (lang === null) {
    given.stderr(`feeledger: unknown language '${terminalText(asked ?? "")}' for --lang (expected zh or en)\n`);
    return EXIT_USAGE;
  }
  const io: Io = { ...given, lang };
  const program = buildProgram(io, (code) => { exitCode = code; }, commands);
  try {
    program.parse(argv as string[], { from: "node" });
    return exitCode;
  } catch (thrown) {
    // Help asked for (--help, `help`) or the version: 0. Help shown because something is missing
    // (no command, `report` without its subcommand, `help` of an unknown command): a usage error.
    if (thrown instanceof CommanderError) {
      if (thrown.code === "commander.helpDisplayed" || thrown.code === "commander.version") return EXIT_OK;
      return thrown.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    return failure(thrown, io, lang);
  }
}

export { processIo } from "./process-io.js";
