// Issue #11, the writers (approve, reject, post, amortize) through the real CLI: a symlinked journal
// or include is written through to its target, a hard link, the mode and the owner are kept, a
// file the user may not write or that is not a regular file is refused; every byte that is not
// UTF-8 outside the edits is kept, an edit of such bytes refused; and a write that fails part way
// leaves every file as it was and no temporary file.
import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, readlinkSync, statSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { root } from "../helpers/journals.js";
import {
  ACCOUNTS, NOBODY, approved, bytes, canRunAsNobody, claimText, cli, files, posted, read, rejected, removeScratch, scratch, spawnCli, temporaries,
} from "./write-helpers.js";

/** stderr without its warning lines (these journals keep claims in the books: claim-in-books warns). */
function withoutWarnings(stderr: string): string {
  return stderr.split("\n").filter((line) => !/^\S+:\d+:\d+: warning: /.test(line)).join("\n");
}

afterAll(removeScratch);

const APPROVE = ["--by", "赵敏", "--on", "2026-03-06"];
const REJECT = ["--by", "孙强", "--reason", "无发票", "--on", "2026-03-07"];
const POST = ["--on", "2026-03-08"];
const GBK = [0xd6, 0xd0, 0xce, 0xc4]; // 中文 in GBK
const TRUNCATED = [0xe4, 0xb8]; // the first two bytes of 中 in UTF-8

function expectWritten(run: { code: number; stderr: string }): void {
  expect(run.stderr).not.toMatch(/error/);
  expect(run.code, run.stderr).toBe(0);
}

describe("links, modes and owners", () => {
  it("writes a symlinked main journal into its target; the link stays a link", () => {
    const dir = scratch();
    mkdirSync(join(dir, "books"));
    const real = files(join(dir, "books"), { "real.beancount": `${ACCOUNTS}\n${claimText("EC-1")}` });
    const link = join(dir, "main.beancount");
    symlinkSync("books/real.beancount", link);
    const before = read(real);
    expectWritten(cli(["approve", link, "EC-1", ...APPROVE]));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe("books/real.beancount");
    expect(read(real)).toEqual(approved(before, "EC-1"));
    expect([...temporaries(dir), ...temporaries(join(dir, "books"))]).toEqual([]);
  });

  it("writes a symlinked included file into its target in another folder", () => {
    const dir = scratch();
    const elsewhere = scratch();
    const main = files(dir, { "main.beancount": `${ACCOUNTS}include "claims.beancount"\n` });
    const real = files(elsewhere, { "claims-real.beancount": claimText("EC-1") });
    symlinkSync(real, join(dir, "claims.beancount"));
    const [mainBefore, before] = [read(main), read(real)];
    expectWritten(cli(["approve", main, "EC-1", ...APPROVE]));
    expect(lstatSync(join(dir, "claims.beancount")).isSymbolicLink()).toBe(true);
    expect(read(real)).toEqual(approved(before, "EC-1"));
    expect(read(main)).toEqual(mainBefore);
    expect([...temporaries(dir), ...temporaries(elsewhere)]).toEqual([]);
  });

  it("keeps a hard link: both names see the change, in the same inode", () => {
    const dir = scratch();
    const main = files(dir, { "main.beancount": `${ACCOUNTS}\n${claimText("EC-1")}` });
    const other = join(dir, "backup-name.beancount");
    linkSync(main, other);
    const before = read(main);
    const inode = statSync(main).ino;
    expectWritten(cli(["approve", main, "EC-1", ...APPROVE]));
    expect(read(main)).toEqual(approved(before, "EC-1"));
    expect(read(other)).toEqual(approved(before, "EC-1"));
    expect(statSync(main).ino).toBe(inode);
    expect(statSync(main).nlink).toBe(2);
    expect(temporaries(dir)).toEqual([]);
  });

  it("keeps the mode of the file (and, run as root, its owner), replaced or written in place", () => {
    for (const [mode, hardLinked] of [[0o640, false], [0o664, false], [0o600, true], [0o755, false]] as const) {
      const dir = scratch();
      const main = files(dir, { "main.beancount": `${ACCOUNTS}\n${claimText("EC-1")}` });
      if (hardLinked) linkSync(main, join(dir, "other.beancount"));
      chmodSync(main, mode);
      const asRoot = process.getuid?.() === 0;
      if (asRoot) chownSync(main, NOBODY.uid, NOBODY.gid);
      expectWritten(cli(["approve", main, "EC-1", ...APPROVE]));
      const stat = statSync(main);
      expect(stat.mode & 0o7777, `mode ${mode.toString(8)}`).toBe(mode);
      if (asRoot) expect([stat.uid, stat.gid]).toEqual([NOBODY.uid, NOBODY.gid]);
      expect(read(main).toString()).toContain('approved-by: "赵敏"');
    }
  });

  it.skipIf(!canRunAsNobody)("refuses a read-only file (0444) for a user who may not write it, and leaves it unchanged (run as user nobody; skipped unless the tests run as root)", () => {
    for (const owner of [0, NOBODY.uid]) {
      const dir = scratch();
      const main = files(dir, { "main.beancount": `${ACCOUNTS}\n${claimText("EC-1")}` });
      chownSync(main, owner, owner);
      chmodSync(main, 0o444);
      const before = read(main);
      const run = spawnCli(["approve", main, "EC-1", ...APPROVE], NOBODY);
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toContain(`the journal file ${main} is read-only for you; nothing was written`);
      expect(read(main)).toEqual(before);
      expect(statSync(main).mode & 0o7777).toBe(0o444);
      expect(temporaries(dir)).toEqual([]);
    }
  });

  it.skipIf(!canRunAsNobody)("writes a group-writable file of another user in place, keeping its owner (run as user nobody; skipped unless the tests run as root)", () => {
    const dir = scratch();
    const main = files(dir, { "main.beancount": `${ACCOUNTS}\n${claimText("EC-1")}` });
    chownSync(main, 0, NOBODY.gid);
    chmodSync(main, 0o664);
    const before = read(main);
    const inode = statSync(main).ino;
    const run = spawnCli(["approve", main, "EC-1", ...APPROVE], NOBODY);
    expect(run.status, run.stderr).toBe(0);
    expect(read(main)).toEqual(approved(before, "EC-1"));
    const stat = statSync(main);
    expect([stat.uid, stat.gid, stat.ino, stat.mode & 0o7777]).toEqual([0, NOBODY.gid, inode, 0o664]);
    expect(temporaries(dir)).toEqual([]);
  });

  it("refuses a journal that became a FIFO before the write, without blocking", () => {
    const dir = scratch();
    const main = files(dir, { "main.beancount": `${ACCOUNTS}\n${claimText("EC-1")}` });
    // In a process of its own with a time limit: a writer that opened the FIFO would wait forever.
    const script = `
      import { runDecision } from ${JSON.stringify(join(root, "dist/cli/commands/claim-decision.js"))};
      import { execFileSync } from "node:child_process";
      import { rmSync } from "node:fs";
      const file = ${JSON.stringify(main)};
      let stderr = "";
      const io = { stdout: () => {}, stderr: (text) => { stderr += text; }, env: {}, stdoutIsTty: false, stderrIsTty: false };
      const code = runDecision(io, {
        file, claims: ["EC-1"], decision: { kind: "approve", by: "赵敏", on: "2026-03-06" }, dryRun: false, color: false,
        beforeWrite: () => { rmSync(file); execFileSync("mkfifo", [file]); },
      });
      process.stdout.write(JSON.stringify({ code, stderr }));`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 20_000 });
    expect(run.signal, "timed out: the writer blocked on the FIFO").toBeNull();
    const result = JSON.parse(run.stdout) as { code: number; stderr: string };
    expect({ ...result, stderr: withoutWarnings(result.stderr) }).toEqual({ code: 1, stderr: `feeledger: the journal file ${main} is a FIFO (named pipe), not a regular file; nothing was written\n` });
    expect(lstatSync(main).isFIFO()).toBe(true);
    expect(temporaries(dir)).toEqual([]);
  });
});

describe("bytes that are not UTF-8", () => {
  const pieceBytes = process.env.FEELEDGER_PIECE_BYTES;
  afterEach(() => {
    if (pieceBytes === undefined) delete process.env.FEELEDGER_PIECE_BYTES;
    else process.env.FEELEDGER_PIECE_BYTES = pieceBytes;
  });

  /** A CRLF journal with a BOM, a GBK comment, a lone 0xFF, truncated sequences before a piece end and at the very end. */
  function oddJournal(): Buffer {
    const crlf = (text: string) => text.replace(/\n/g, "\r\n");
    return bytes(
      "\ufeff", crlf(ACCOUNTS), "; 备注 ", GBK, " and a lone ", [0xff], "\r\n\r\n",
      crlf(claimText("EC-1")), "; cut here ", TRUNCATED, "\r\n\r\n",
      crlf(claimText("EC-2")), "\r\n",
      crlf(claimText("EC-3", { status: "approved" })), "\t; tab and no final newline ", TRUNCATED,
    );
  }

  it("approve, reject and post keep them, read in small pieces, with CRLF, a BOM and no final newline", () => {
    for (const pieces of ["64", "48", undefined]) {
      if (pieces === undefined) delete process.env.FEELEDGER_PIECE_BYTES;
      else process.env.FEELEDGER_PIECE_BYTES = pieces;
      const dir = scratch();
      const main = files(dir, { "main.beancount": oddJournal() });
      let expected = read(main);
      expectWritten(cli(["approve", main, "EC-1", ...APPROVE]));
      expected = approved(expected, "EC-1", "\r\n");
      expect(read(main)).toEqual(expected);
      expectWritten(cli(["reject", main, "EC-2", ...REJECT]));
      expected = rejected(expected, "EC-2", "\r\n");
      expect(read(main)).toEqual(expected);
      expectWritten(cli(["post", main, "EC-3", ...POST]));
      expected = posted(expected, "EC-3", "\r\n");
      expect(read(main)).toEqual(expected);
      expect(temporaries(dir)).toEqual([]);
    }
  });

  it("amortize keeps them: the installments are appended after the file's last byte", () => {
    const dir = scratch();
    const schedule = bytes(
      "; 摊销 ", GBK, "\r\n",
      '2026-01-05 * "Zoho" "CRM subscription"\r\n',
      "  Assets:Prepaid  1200.00 CNY\r\n",
      "    amortize: Expenses:CRM\r\n",
      "    months: 12\r\n",
      '    schedule-id: "S1"\r\n',
      "  Liabilities:Payable\r\n",
      "; end ", [0xff], TRUNCATED,
    );
    const main = files(dir, {
      "main.beancount": bytes("2026-01-01 open Assets:Prepaid\n2026-01-01 open Expenses:CRM\n2026-01-01 open Liabilities:Payable\n; ", GBK, "\ninclude \"schedules.beancount\"\n"),
      "schedules.beancount": schedule,
    });
    const mainBefore = read(main);
    expectWritten(cli(["amortize", main, "--through", "2026-02"]));
    const after = read(join(dir, "schedules.beancount"));
    expect(after.subarray(0, schedule.length)).toEqual(schedule);
    const appended = after.subarray(schedule.length).toString("utf8");
    expect(appended).toBe([
      "", "",
      '2026-01-31 * "Zoho" "CRM subscription amortization 1/12"', '  schedule: "S1"', "  Expenses:CRM     100.00 CNY", "  Assets:Prepaid  -100.00 CNY",
      "",
      '2026-02-28 * "Zoho" "CRM subscription amortization 2/12"', '  schedule: "S1"', "  Expenses:CRM     100.00 CNY", "  Assets:Prepaid  -100.00 CNY",
    ].join("\r\n"));
    expect(read(main)).toEqual(mainBefore);
  });

  it("refuses an edit of text that is not UTF-8 and leaves the file unchanged", () => {
    const dir = scratch();
    // A claim approved once by a name written in GBK: approving it again rewrites that name.
    const [head, tail] = `${ACCOUNTS}\n${claimText("EC-1", { extra: ['approved-by: "@"'] })}`.split("@");
    const main = files(dir, { "main.beancount": bytes(head!, GBK, tail!) });
    const before = read(main);
    const run = cli(["approve", main, "EC-1", ...APPROVE]);
    expect(run.code).toBe(1);
    // The loader already calls undecodable bytes in used text an error, so the writer refuses
    // before planning; its own guard for such edits is tested in bytes.test.ts.
    expect(run.stderr).toContain(`${main}:8:17: error: invalid UTF-8 (shown as \ufffd) in the journal's text; the file may be in GBK: convert it with \`iconv -f gbk -t utf-8\``);
    expect(run.stdout).toBe("");
    expect(read(main)).toEqual(before);
    expect(temporaries(dir)).toEqual([]);
  });

  it("refuses to copy undecodable text into new entries (an amortization of a GBK narration)", () => {
    const dir = scratch();
    const main = files(dir, {
      "main.beancount": bytes(
        "2026-01-01 open Assets:Prepaid\n2026-01-01 open Expenses:CRM\n2026-01-01 open Liabilities:Payable\n",
        '2026-01-05 * "Zoho" "CRM ', [0xb6, 0xa9, 0xd4, 0xc4], '"\n  Assets:Prepaid  1200.00 CNY\n    amortize: Expenses:CRM\n    months: 12\n  Liabilities:Payable\n',
      ),
    });
    const before = read(main);
    const run = cli(["amortize", main, "--through", "2026-02"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${main}:4:26: error: invalid UTF-8 (shown as \ufffd) in the journal's text; the file may be in GBK`);
    expect(read(main)).toEqual(before);
  });
});

describe("a write that fails part way", () => {
  it("leaves the journal as it was and no temporary file (a full disk while writing the temporary file)", () => {
    for (const after of ["0", "10", "200"]) {
      const dir = scratch();
      const main = files(dir, { "main.beancount": `${ACCOUNTS}\n${claimText("EC-1")}` });
      const before = read(main);
      const run = cli(["approve", main, "EC-1", ...APPROVE], { FEELEDGER_FAIL_WRITE_AFTER_BYTES: after });
      expect(run.code).toBe(1);
      expect(withoutWarnings(run.stderr)).toBe("feeledger: cannot write the journal: ENOSPC: no space left on device, write (simulated for a test); nothing was written\n");
      expect(run.stdout).toBe("");
      expect(read(main)).toEqual(before);
      expect(temporaries(dir)).toEqual([]);
    }
  });

  it("puts back the files already replaced when a later one fails (post across two files, the second rename failing)", () => {
    const dir = scratch();
    const main = files(dir, {
      "main.beancount": `${ACCOUNTS}include "more.beancount"\n\n${claimText("EC-1", { status: "approved" })}`,
      "more.beancount": claimText("EC-2", { status: "approved" }),
    });
    const more = join(dir, "more.beancount");
    const before = [read(main), read(more)];
    const run = cli(["post", main, "EC-1", "EC-2", ...POST], { FEELEDGER_FAIL_RENAME_AFTER: "1" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("EIO: i/o error, rename");
    expect([read(main), read(more)]).toEqual(before);
    expect(temporaries(dir)).toEqual([]);
    // And without the failure, both are written.
    expectWritten(cli(["post", main, "EC-1", "EC-2", ...POST]));
    expect([read(main), read(more)]).toEqual([posted(before[0]!, "EC-1"), posted(before[1]!, "EC-2")]);
  });

  it("writes a hard-linked file's old bytes back when writing it in place fails", () => {
    const dir = scratch();
    const main = files(dir, { "main.beancount": `${ACCOUNTS}\n${claimText("EC-1")}` });
    linkSync(main, join(dir, "other.beancount"));
    const before = read(main);
    const inode = statSync(main).ino;
    // The backup copy takes the first before.length bytes; the failure comes part way into the file.
    for (const after of [before.length, before.length + 20]) {
      const run = cli(["approve", main, "EC-1", ...APPROVE], { FEELEDGER_FAIL_WRITE_AFTER_BYTES: String(after) });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("ENOSPC");
      expect(read(main)).toEqual(before);
      expect(read(join(dir, "other.beancount"))).toEqual(before);
      expect(statSync(main).ino).toBe(inode);
      expect(temporaries(dir)).toEqual([]);
    }
  });

  it("amortize leaves every file as it was", () => {
    const dir = scratch();
    const main = files(dir, {
      "main.beancount": '2026-01-01 open Assets:Prepaid\n2026-01-01 open Expenses:CRM\n2026-01-01 open Liabilities:Payable\ninclude "s.beancount"\n',
      "s.beancount": '2026-01-05 * "Zoho" "CRM"\n  Assets:Prepaid  1200.00 CNY\n    amortize: Expenses:CRM\n    months: 12\n  Liabilities:Payable\n',
    });
    const before = [read(main), read(join(dir, "s.beancount"))];
    const run = cli(["amortize", main, "--through", "2026-03"], { FEELEDGER_FAIL_WRITE_AFTER_BYTES: "100" });
    expect(run.code).toBe(1);
    expect([read(main), read(join(dir, "s.beancount"))]).toEqual(before);
    expect(temporaries(dir)).toEqual([]);
  });
});
