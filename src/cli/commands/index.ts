// Every command of the CLI. Each command file exports one register function.
import type { Command } from "commander";
import type { CommandShared } from "../context.js";
import { registerCheck } from "./check.js";
import { registerBalance } from "./bal.js";

export const COMMANDS: readonly ((program: Command, shared: CommandShared) => void)[] = [
  registerCheck,
  registerBalance,
];
