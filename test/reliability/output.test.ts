// Issue #11, -o FILE through the real CLI: never over a file of the loaded journal (the main file or
// an include, however it is spelled: a symlink, ./x, a hard link), a usage error that changes
// nothing; any other file replaced atomically (through a symlink, mode kept); a failed write leaves
// the old file whole and no temporary file.
import { chmodSync, chownSync, existsSync, linkSync, lstatSync, mkdirSync, statSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ACCOUNTS, NOBODY, canRunAsNobody, claimText, cli, files, read, removeScratch, scratch, spawnCli, temporaries } from "./write-helpers.js";

afterAll(removeScratch);

/** A journal with an include; returns its folder and files. */
function journalWithInclude() {
  const dir = scratch();
  const main = files(dir, {
    "main.beancount": `; the books\n${ACCOUNTS}include "claims.beancount"\n\n2026-03-01 * "fee"\n  Expenses:Fees  5.00 CNY\n  Liabilities:Payable\n`,
    "claims.beancount": `; claims\n${claimText("EC-1", { status: "approved" })}`,
  });
  return { dir, main, include: join(dir, "claims.beancount") };
}

/** Every command that takes -o, with the arguments after the journal. */
const COMMANDS: readonly (readonly string[])[] = [
  ["print"], ["reg"], ["is"], ["bs"], ["report", "structure"], ["report", "trend"],
];

function run(command: readonly string[], main: string, output: string, env: Record<string, string> = {}) {
  return cli([...command, main, "-o", output, ...(command[0] === "print" ? [] : ["--format", "csv"])], env);
}

describe("-o onto a file of the journal", () => {
  it("is a usage error for every command, the main file or an include, however spelled; nothing changes", () => {
    const { dir, main, include } = journalWithInclude();
    symlinkSync("main.beancount", join(dir, "link-to-main.beancount"));
    linkSync(include, join(dir, "hard-link-to-claims.beancount"));
    mkdirSync(join(dir, "sub"));
    const before = [read(main), read(include)];
    const spellings = [
      main, include, join(dir, "link-to-main.beancount"), join(dir, "hard-link-to-claims.beancount"),
      `${dir}/./main.beancount`, `${dir}/sub/../claims.beancount`,
    ];
    for (const command of COMMANDS) {
      for (const output of spellings) {
        const result = run(command, main, output);
        expect(result.code, `${command.join(" ")} -o ${output}`).toBe(2);
        expect(result.stderr).toMatch(new RegExp(`^feeledger: -o ${output.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is a file of the journal.*nothing was written`));
        expect(result.stdout).toBe("");
      }
    }
    expect([read(main), read(include)]).toEqual(before);
    expect(lstatSync(join(dir, "link-to-main.beancount")).isSymbolicLink()).toBe(true);
    expect(temporaries(dir)).toEqual([]);
  });

  it("is refused when spelled relative to the working folder (./main.beancount), in a process of its own", () => {
    const { dir, main } = journalWithInclude();
    const before = read(main);
    for (const output of ["./main.beancount", "main.beancount", "./claims.beancount"]) {
      const result = spawnCli(["print", "main.beancount", "-o", output], { cwd: dir });
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr).toContain(`-o ${output} is a file of the journal`);
    }
    expect(read(main)).toEqual(before);
  });
});

describe("-o onto another file", () => {
  it("replaces an existing file atomically (a new inode: readers never see half of it), mode kept", () => {
    const { dir, main } = journalWithInclude();
    const output = files(dir, { "report.csv": "old report\n".repeat(1000) });
    chmodSync(output, 0o640);
    const inode = statSync(output).ino;
    const result = run(["reg"], main, output);
    expect(result.code, result.stderr).toBe(0);
    expect(read(output).toString()).toMatch(/^row,date,/);
    expect(statSync(output).ino).not.toBe(inode);
    expect(statSync(output).mode & 0o7777).toBe(0o640);
    expect(temporaries(dir)).toEqual([]);
  });

  it("writes through a symlink to its target, and the link stays", () => {
    const { dir, main } = journalWithInclude();
    const target = files(dir, { "target.txt": "old\n" });
    symlinkSync("target.txt", join(dir, "link.txt"));
    expect(run(["print"], main, join(dir, "link.txt")).code).toBe(0);
    expect(lstatSync(join(dir, "link.txt")).isSymbolicLink()).toBe(true);
    expect(read(target).toString()).toContain('"fee"');
  });

  it("creates a file through a dangling symlink, and a new file", () => {
    const { dir, main } = journalWithInclude();
    symlinkSync("made-by-link.txt", join(dir, "dangling.txt"));
    expect(run(["print"], main, join(dir, "dangling.txt")).code).toBe(0);
    expect(lstatSync(join(dir, "dangling.txt")).isSymbolicLink()).toBe(true);
    expect(read(join(dir, "made-by-link.txt")).toString()).toContain('"fee"');
    expect(run(["print"], main, join(dir, "new.txt")).code).toBe(0);
    expect(read(join(dir, "new.txt")).toString()).toContain('"fee"');
  });

  it("writes a hard-linked output file in place, so its other name sees the new report", () => {
    const { dir, main } = journalWithInclude();
    const output = files(dir, { "out.txt": "old\n" });
    linkSync(output, join(dir, "out-too.txt"));
    expect(run(["print"], main, output).code).toBe(0);
    expect(read(join(dir, "out-too.txt"))).toEqual(read(output));
    expect(read(output).toString()).toContain('"fee"');
  });

  it("is a usage error onto a directory", () => {
    const { dir, main } = journalWithInclude();
    mkdirSync(join(dir, "folder"));
    const result = run(["print"], main, join(dir, "folder"));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is a directory");
  });

  it("writes to a device as a stream (/dev/null stays a device)", () => {
    const { main } = journalWithInclude();
    expect(run(["print"], main, "/dev/null").code).toBe(0);
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it.skipIf(!existsSync("/dev/full"))("reports a full device (/dev/full) with exit 1", () => {
    const { main } = journalWithInclude();
    const result = run(["print"], main, "/dev/full");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("feeledger: cannot write /dev/full: ENOSPC");
  });

  it.skipIf(!canRunAsNobody)("refuses a read-only file of another user (run as user nobody; skipped unless the tests run as root)", () => {
    const { dir, main } = journalWithInclude();
    const output = files(dir, { "report.txt": "keep me\n" });
    chownSync(output, 0, 0);
    chmodSync(output, 0o444);
    const result = spawnCli(["print", main, "-o", output], NOBODY);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toContain("is read-only for you");
    expect(read(output).toString()).toBe("keep me\n");
  });
});

describe("-o when the write fails", () => {
  it("leaves the old file whole and no temporary file (a full disk part way, or a failed rename)", () => {
    const { dir, main } = journalWithInclude();
    const output = files(dir, { "report.csv": "the old report\n" });
    const failures: Record<string, string>[] = [{ FEELEDGER_FAIL_WRITE_AFTER_BYTES: "0" }, { FEELEDGER_FAIL_WRITE_AFTER_BYTES: "30" }, { FEELEDGER_FAIL_RENAME_AFTER: "0" }];
    for (const env of failures) {
      for (const command of COMMANDS) {
        const result = run(command, main, output, env);
        expect(result.code, `${command.join(" ")} ${JSON.stringify(env)}`).toBe(1);
        expect(result.stderr).toMatch(/^feeledger: cannot write .*report\.csv: (ENOSPC|EIO): .*; nothing was written\n$/);
        expect(read(output).toString()).toBe("the old report\n");
        expect(temporaries(dir)).toEqual([]);
      }
    }
    // A new file that fails is not left behind half-written either.
    expect(run(["print"], main, join(dir, "new.txt"), { FEELEDGER_FAIL_WRITE_AFTER_BYTES: "30" }).code).toBe(1);
    expect(existsSync(join(dir, "new.txt"))).toBe(false);
    expect(temporaries(dir)).toEqual([]);
  });
});
