// Includes without a depth limit (issue #11, item 10). A chain of 3,000 nested includes used to
// end in "internal error: Maximum call stack size exceeded", exit 3, where bean-check reads it:
// the loader now follows includes with an explicit stack, in the same order as before (depth
// first, each include where it is written, a glob's matches sorted) and with the same cycle and
// duplicate diagnostics.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnosticLines, runCli } from "../helpers/cli.js";
import { loadLedger } from "../../src/loader/load.js";

const DEPTH = 3000;

/** f0 includes f1, which includes f2, ... f{DEPTH-1}; each file has one transaction of 1 CNY. `last` ends the chain's last file. */
function chain(last = ""): string {
  const dir = mkdtempSync(join(tmpdir(), "feeledger-deep-"));
  for (let index = 0; index < DEPTH; index++) {
    let text = index === 0 ? "2026-01-01 open Assets:Bank CNY\n2026-01-01 open Equity:Opening CNY\n" : "";
    text += `2026-01-02 * "file ${index}"\n  Assets:Bank  1 CNY\n  Equity:Opening\n`;
    text += index < DEPTH - 1 ? `include "f${index + 1}.beancount"\n` : last;
    writeFileSync(join(dir, `f${index}.beancount`), text);
  }
  return join(dir, "f0.beancount");
}

describe("3,000 nested includes", () => {
  it("check reads every file and finds nothing wrong", () => {
    const main = chain();
    const run = runCli(["check", main]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const balance = runCli(["balance", main]);
    expect(balance.code).toBe(0);
    expect(balance.stdout).toMatch(/Assets:Bank\s+3,000\s+CNY/);
    const ledger = loadLedger(main);
    expect([...ledger.sources.keys()]).toEqual(Array.from({ length: DEPTH }, (_, index) => join(main, "..", `f${index}.beancount`)));
  });

  it("a cycle closed at depth 3,000 is reported as a cycle, at the include that closes it, its message naming the ends", () => {
    const main = chain('include "f0.beancount"\n');
    const run = runCli(["check", main]);
    expect(run.code).toBe(1);
    const errors = diagnosticLines(run.stderr);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 4, column: 1, severity: "error" });
    expect(errors[0]!.file).toBe(join(main, "..", `f${DEPTH - 1}.beancount`));
    const name = (index: number) => relative(process.cwd(), join(main, "..", `f${index}.beancount`));
    expect(errors[0]!.message).toBe(`Include cycle: ${[0, 1, 2, 3].map(name).join(" -> ")} -> (${DEPTH + 1 - 8} more files) -> ${[2997, 2998, 2999, 0].map(name).join(" -> ")}`);
  });
});

describe("the order files are read in", () => {
  it("is depth first, each include where it is written, a glob's matches sorted; duplicates, cycles and missing files reported where they are included", () => {
    const dir = mkdtempSync(join(tmpdir(), "feeledger-order-"));
    mkdirSync(join(dir, "sub"));
    // Each file holds one faulty line (an unknown word), so the order check reports the files in is the order they were read.
    const write = (name: string, ...lines: string[]) => writeFileSync(join(dir, name), [...lines, `bad-${name.replace(/\W/g, "-")}`, ""].join("\n"));
    write("main.beancount", 'include "a.beancount"', 'include "sub/*.beancount"', 'include "b.beancount"', 'include "a.beancount"', 'include "missing.beancount"');
    write("a.beancount", 'include "sub/y.beancount"');
    write("b.beancount");
    write("sub/z.beancount", 'include "../main.beancount"');
    write("sub/x.beancount");
    write("sub/y.beancount", 'include "../b2.beancount"');
    write("b2.beancount");
    const previous = process.cwd();
    process.chdir(dir);
    let run;
    try {
      run = runCli(["check", "main.beancount"]);
    } finally {
      process.chdir(previous);
    }
    expect(run.code).toBe(1);
    expect(diagnosticLines(run.stderr).map((d) => `${d.file}:${d.line} ${d.message.replace(/^Invalid token: /, "")}`)).toEqual([
      "main.beancount:2 Duplicate filename parsed: \"sub/y.beancount\"",
      "main.beancount:4 Duplicate filename parsed: \"a.beancount\"",
      `main.beancount:5 File "missing.beancount" does not exist`,
      "main.beancount:6 'bad-main-beancount'",
      "a.beancount:2 'bad-a-beancount'",
      "sub/y.beancount:2 'bad-sub-y-beancount'",
      "b2.beancount:1 'bad-b2-beancount'",
      "sub/x.beancount:1 'bad-sub-x-beancount'",
      "sub/z.beancount:1 Include cycle: main.beancount -> sub/z.beancount -> main.beancount",
      "sub/z.beancount:2 'bad-sub-z-beancount'",
      "b.beancount:1 'bad-b-beancount'",
    ]);
  });
});
