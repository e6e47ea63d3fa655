// fmt on whole journals: every journal file of samples/, the bean-example ledgers
// (test/fixtures/bean-example, already laid out by bean-format) and the real-world ledgers
// ($FEELEDGER_REALWORLD or <repo>/../shared/realworld-ledgers; skipped when absent). For each file:
// the formatted text reads as the same entries (fmt's own check, and `print` of the whole journal
// before and after), changes only spaces and tabs, keeps every comment on its line, formatting
// again changes nothing, and `--check` says so before and not after.
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { planFormat } from "../../src/fmt/plan.js";
import { runCli } from "../helpers/cli.js";
import { root } from "../helpers/journals.js";
import { comments, formatted, journalFiles, realworldFolder } from "./support.js";

const work = mkdtempSync(join(tmpdir(), "feeledger-fmt-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Copy `folder` into the work folder and return the copy. */
function copyOf(folder: string, name: string): string {
  const copy = join(work, name);
  cpSync(folder, copy, { recursive: true });
  return copy;
}

/** The checks on one file of a copied folder; returns whether fmt changed it. */
function checkFile(file: string): boolean {
  const before = readFileSync(file, "utf8");
  const plan = planFormat(file, { align: "file" });
  expect(plan.refused, file).toBeNull();
  const wouldChange = plan.edits.length > 0;
  const checked = runCli(["fmt", "--check", file]);
  expect(checked.code, file).toBe(wouldChange ? 1 : 0);
  expect(checked.stdout, file).toBe(wouldChange ? `${file}\n` : "");
  const run = runCli(["fmt", file]);
  expect(run.code, `${file}: ${run.stderr}`).toBe(0);
  const after = readFileSync(file, "utf8");
  expect(after.replace(/[ \t]/g, ""), file).toBe(before.replace(/[ \t]/g, ""));
  expect(comments(after), file).toEqual(comments(before));
  expect(formatted(after), file).toBe(after);
  expect(runCli(["fmt", "--check", file]).code, file).toBe(0);
  return wouldChange;
}

/** `print` of each journal named, as it reads now. */
function printed(mains: readonly string[]): string[] {
  return mains.map((main) => {
    const result = runCli(["print", main]);
    return `${result.code}\n${result.stdout}`;
  });
}

describe("fmt on samples/", () => {
  it("formats every journal file to the same entries, idempotently", () => {
    const copy = copyOf(join(root, "samples"), "samples");
    const mains = ["customer-fees-2026.beancount", "english.beancount", "english-claims.beancount"].map((name) => join(copy, name));
    const before = printed(mains);
    const files = journalFiles(copy);
    expect(files.length).toBeGreaterThan(3);
    const changed = files.filter(checkFile);
    expect(changed.length).toBeGreaterThan(0);
    expect(printed(mains)).toEqual(before);
  });
});

describe("fmt on the bean-example ledgers", () => {
  it("leaves bean-format's layout as it is and reads the same entries", () => {
    const copy = copyOf(join(root, "test", "fixtures", "bean-example"), "bean-example");
    const files = journalFiles(copy);
    expect(files.length).toBe(3);
    const before = printed(files);
    // bean-example writes its journal through bean-format: fmt agrees with it to the byte.
    for (const file of files) expect(checkFile(file), file).toBe(false);
    // Misaligned by hand, it comes back to bean-format's layout.
    const file = files[0]!;
    const original = readFileSync(file, "utf8");
    const messy = original.replace(/^( +)([A-Z]\S*) +(-?[0-9])/gm, "$1$2 $3");
    expect(messy).not.toBe(original);
    expect(formatted(messy)).toBe(original);
    expect(printed(files)).toEqual(before);
  });
});

const realworld = realworldFolder();

describe.skipIf(realworld === null)("fmt on the real-world ledgers", () => {
  it("formats every journal file to the same entries, keeping every comment, idempotently", () => {
    const copy = copyOf(realworld!, "realworld");
    const manifest = readFileSync(join(copy, "MANIFEST.tsv"), "utf8").trim().split("\n").slice(1).map((line) => line.split("\t"));
    const mains = manifest.map(([dir, entry]) => join(copy, dir!, entry!));
    const before = printed(mains);
    const files = journalFiles(copy);
    expect(files.length).toBeGreaterThan(50);
    const changed = files.filter(checkFile).map((file) => relative(copy, file));
    expect(changed.length).toBeGreaterThan(0);
    expect(printed(mains)).toEqual(before);
  }, 300_000);
});
