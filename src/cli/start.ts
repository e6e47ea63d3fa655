// bin/feeledger's way in: load the module of the command on the command line, only that one, and
// run main with it. Help, an unknown command or none load every command, so that commander lists
// and suggests them all; `--version` alone loads none, and not even commander; nor does a plain
// `check FILE` (plain.ts). (So through the ES modules; dist/feeledger.cjs, which bin/feeledger runs,
// runs every command's modules at its start: scripts/bundle.mjs, staticImports.)
import { COMMAND_MODULES, type RegisterCommand } from "./commands/register.js";
import { asksVersionOnly, writeVersion } from "./version.js";
import { plainCheck } from "./plain.js";

/** The global options that take a value (main.ts): their value is not the command's name. */
const VALUE_OPTIONS = new Set(["-f", "--file", "--lang"]);

/**
 * What the arguments (after node and the script) ask for: the first that is neither a global
 * option nor its value names the command (null: none); `version` whether -V/--version came first.
 */
export function commandOf(args: readonly string[]): { name: string | null; version: boolean } {
  let version = false;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === "--") break;
    if (!arg.startsWith("-") || arg === "-") return { name: arg, version };
    if (VALUE_OPTIONS.has(arg)) index++;
    else if (arg === "-V" || arg === "--version") version = true;
    else if (arg === "-h" || arg === "--help") return { name: null, version: false };
  }
  return { name: null, version: version && !args.includes("--") };
}

/** The register functions to load for these arguments. */
export async function commandsFor(args: readonly string[]): Promise<readonly RegisterCommand[]> {
  const { name, version } = commandOf(args);
  const load = name === null ? undefined : Object.hasOwn(COMMAND_MODULES, name) ? COMMAND_MODULES[name] : undefined;
  if (load !== undefined) return [await load()];
  if (name === null && version) return [];
  return (await import("./commands/index.js")).COMMANDS;
}

/** Run the CLI as bin/feeledger does; resolves to the exit code. */
export async function start(argv: readonly string[]): Promise<number> {
  const args = argv.slice(2);
  // `feeledger --version` prints what commander would, without loading it and the CLI (about a
  // fifth of that command's start).
  if (asksVersionOnly(args)) return writeVersion();
  // `check FILE` and its plain variants: without commander (plain.ts).
  const check = plainCheck(args, process.env);
  if (check !== null) {
    const [{ runPlainCheck }, { processIo }] = await Promise.all([import("./plain-check.js"), import("./process-io.js")]);
    return runPlainCheck(processIo(), check);
  }
  const { main, processIo } = await import("./main.js");
  return main(argv, processIo(), await commandsFor(args));
}
