// The commander program: one thin command per file under commands/; returns an exit code.
import { Command, CommanderError, Option } from "commander";
import { EXIT_ERRORS, EXIT_USAGE, UsageError, parseDateOption, parseFormat, resolveJournal, type Io } from "./context.js";
import { runCheck } from "./commands/check.js";
import { runBalance } from "./commands/bal.js";

function parseDepth(value: string): number {
  const depth = Number(value);
  if (!Number.isInteger(depth) || depth < 1) throw new UsageError(`--depth takes a whole number of at least 1, not '${value}'`);
  return depth;
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name("feeledger")
    .description("Customer-management fee bookkeeping over beancount-compatible plain-text journals")
    .version("0.1.0")
    .option("-f, --file <FILE>", "the journal (default: first argument, or FEELEDGER_FILE)")
    .option("--no-color", "never colour the output")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError(false);

  const global = () => program.opts<{ file?: string; color?: boolean }>();

  program
    .command("check")
    .description("load the journal and report every problem (FILE:LINE:COL: error: message)")
    .argument("[FILE]", "the journal")
    .option("--beancount", "also warn wherever bean-check would reject the file (for Fava users)")
    .action((file: string | undefined, options: { beancount?: boolean }) => {
      const journal = resolveJournal(io, global().file, file === undefined ? [] : [file]);
      if (journal.rest.length > 0) throw new UsageError(`unexpected argument '${journal.rest[0]}'`);
      setExit(runCheck(io, { file: journal.file, beancount: options.beancount === true, color: global().color }));
    });

  program
    .command("bal")
    .alias("balance")
    .description("balances by account and commodity")
    .argument("[FILE-AND-PATTERNS...]", "the journal, then account patterns (case-insensitive regular expressions)")
    .option("--flat", "each account's own postings (default)")
    .option("--tree", "roll subaccounts up into their parents")
    .option("--depth <N>", "aggregate accounts deeper than N", parseDepth)
    .option("-b, --begin <DATE>", "include postings on or after DATE")
    .option("-e, --end <DATE>", "include postings before DATE (exclusive)")
    .option("--cost", "value what is held at cost at its cost")
    .addOption(new Option("--format <FORMAT>", "table, csv or json").default("table"))
    .action((args: string[], options: { flat?: boolean; tree?: boolean; depth?: number; begin?: string; end?: string; cost?: boolean; format: string }) => {
      const journal = resolveJournal(io, global().file, args);
      if (options.flat && options.tree) throw new UsageError("--flat and --tree exclude each other");
      setExit(runBalance(io, {
        file: journal.file,
        patterns: journal.rest,
        tree: options.tree === true,
        depth: options.depth ?? null,
        begin: parseDateOption(options.begin, "--begin"),
        end: parseDateOption(options.end, "--end"),
        atCost: options.cost === true,
        format: parseFormat(options.format),
        color: global().color,
      }));
    });

  return program;
}

/** Run the CLI on argv (as process.argv) and return the exit code; never throws. */
export function main(argv: readonly string[], io: Io): number {
  let exitCode = 0;
  const program = buildProgram(io, (code) => { exitCode = code; });
  try {
    program.parse(argv as string[], { from: "node" });
    return exitCode;
  } catch (thrown) {
    if (thrown instanceof CommanderError) {
      if (thrown.code === "commander.helpDisplayed" || thrown.code === "commander.version" || thrown.code === "commander.help") return 0;
      return thrown.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (thrown instanceof UsageError) {
      io.stderr(`feeledger: ${thrown.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`feeledger: internal error: ${(thrown as Error)?.message ?? String(thrown)}\n`);
    if (io.env.FEELEDGER_DEBUG) io.stderr(`${(thrown as Error)?.stack ?? ""}\n`);
    return EXIT_ERRORS + 2;
  }
}

export function processIo(): Io {
  return {
    stdout: (text) => { process.stdout.write(text); },
    stderr: (text) => { process.stderr.write(text); },
    env: process.env,
    stdoutIsTty: process.stdout.isTTY === true,
    stderrIsTty: process.stderr.isTTY === true,
  };
}
