// The executable as a shell runs it, its output read by a program that stops early.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers/journals.js";

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
