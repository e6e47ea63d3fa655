// Issue #11, item 12: every exit status in use is named and documented; help shown because something
// is missing is a usage error (2), as for any other.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT_ERRORS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from "../../src/cli/context.js";
import { runCli } from "../helpers/cli.js";
import { root } from "../helpers/journals.js";
import { runProcess } from "./cli-support.js";

const SAMPLE = join(root, "samples/customer-fees-2026.beancount");

describe("exit statuses", () => {
  it("feeledger with no command prints the help on stderr and exits 2 (a real process)", () => {
    const run = runProcess([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("Usage: feeledger");
    expect(run.stderr).toContain("Commands:");
  });

  it("a command group without its subcommand, and help of an unknown command, exit 2", () => {
    const group = runCli(["report"]);
    expect(group.code).toBe(2);
    expect(group.stderr).toContain("Usage: feeledger report");
    expect(runCli(["help", "no-such-command"]).code).toBe(2);
    expect(runCli(["no-such-command"]).code).toBe(2);
  });

  it("help and the version that are asked for exit 0, on stdout", () => {
    for (const args of [["--help"], ["help"], ["help", "bal"], ["bal", "--help"], ["--version"]]) {
      const run = runCli(args);
      expect(run.code, args.join(" ")).toBe(0);
      expect(run.stdout, args.join(" ")).not.toBe("");
    }
  });

  it("the statuses are distinct and named; --help lists each of them", () => {
    expect([EXIT_OK, EXIT_ERRORS, EXIT_USAGE, EXIT_INTERNAL]).toEqual([0, 1, 2, 3]);
    const help = runCli(["--help"]).stdout;
    expect(help).toContain("Exit status:");
    for (const status of ["0  done", "1  the journal has errors", "2  usage error", "3  internal error"]) expect(help).toContain(status);
  });

  it("README documents every exit status near the top of the tour", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const section = readme.indexOf("### Exit statuses");
    expect(section).toBeGreaterThan(readme.indexOf("## A short tour"));
    expect(section).toBeLessThan(readme.indexOf("### `feeledger bal"));
    const text = readme.slice(section, readme.indexOf("\n### ", section + 1));
    for (const status of ["`0`", "`1`", "`2`", "`3`"]) expect(text).toContain(status);
  });

  it("each kind of outcome has its status through the real CLI", () => {
    expect(runCli(["check", SAMPLE]).code).toBe(EXIT_OK);
    expect(runCli(["bal", SAMPLE, "--format", "xml"]).code).toBe(EXIT_USAGE);
    expect(runCli(["check", join(root, "no-such-journal.beancount")]).code).toBe(EXIT_USAGE);
    expect(runCli(["check", join(root, "test/fixtures/errors/duplicate-open/main.beancount")]).code).toBe(EXIT_ERRORS);
  });
});
