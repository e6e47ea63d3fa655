// The executable as a shell runs it, its output read by a program that stops early or reads late.
import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers/journals.js";

const execFileAsync = promisify(execFile);

describe("bin/feeledger writing into a pipe closed early", () => {
  it("stops quietly with its own exit status (no write error, no stack trace)", () => {
    const dir = mkdtempSync(join(tmpdir(), "feeledger-pipe-"));
    const file = join(dir, "big.beancount");
    const generated = spawnSync(process.execPath, [join(root, "scripts/gen-scale.mjs"), "3000", "--out", file], { encoding: "utf8" });
    expect(generated.status).toBe(0);
    // Far more than a pipe holds: `head` closes it while feeledger is still writing.
    const run = spawnSync("bash", ["-c", `set -o pipefail; "${join(root, "bin/feeledger")}" print "${file}" | head -n 1`], { encoding: "utf8" });
    expect(run.stdout).toBe('option "title" "客户管理费 benchmark"\n');
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});

describe("bin/feeledger writing a long table as bytes", () => {
  it("writes the same table into a pipe read slowly, into a file, and with -o", async () => {
    // (Bytes given to a pipe that cannot take them yet are held by the stream: the table's next
    // lines must go into other bytes, while a file takes them at once and its bytes are filled again.)
    // (Run without blocking the test's thread: the runs take some seconds on a busy machine.)
    const dir = mkdtempSync(join(tmpdir(), "feeledger-pipe-"));
    const file = join(dir, "big.beancount");
    await execFileAsync(process.execPath, [join(root, "scripts/gen-scale.mjs"), "5000", "--out", file]);
    const bin = join(root, "bin/feeledger");
    for (const command of ["report vouchers", "claims", "reg"]) {
      const run = (how: string) => execFileAsync("bash", ["-c", `set -o pipefail; "${bin}" ${command} "${file}" ${how}`], { encoding: "utf8", env: { ...process.env, COLUMNS: "120" } });
      // (A failed run rejects, with its status and standard error.)
      for (const how of [`| (sleep 0.5; cat) > "${dir}/slow.txt"`, `> "${dir}/direct.txt"`, `-o "${dir}/named.txt"`]) expect((await run(how)).stderr).toBe("");
      const table = readFileSync(join(dir, "direct.txt"), "utf8");
      // (More than a buffer of the table's, 256 kB, and than a pipe holds, 64 kB.)
      expect(Buffer.byteLength(table)).toBeGreaterThan(400_000);
      expect(readFileSync(join(dir, "slow.txt"), "utf8")).toBe(table);
      expect(readFileSync(join(dir, "named.txt"), "utf8")).toBe(table);
    }
  }, 120_000);
});
