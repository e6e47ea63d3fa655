// Messages that help: one reproducer per message (test/fixtures/messages/<case>/main.beancount),
// with `check`'s whole standard error and exit status frozen beside it (expected-stderr.txt,
// exit-code.txt). UPDATE_GOLDEN=1 rewrites them; review the diff.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, runCliIn } from "../helpers/cli.js";

const root = new URL("../fixtures/messages/", import.meta.url).pathname;
const update = process.env.UPDATE_GOLDEN === "1";

const cases = readdirSync(root).filter((name) => existsSync(join(root, name, "main.beancount"))).sort();

describe("messages that help: check's words for each reproducer", () => {
  it("has a reproducer for each message", () => {
    expect(cases).toEqual(expect.arrayContaining([
      "amount-without-currency", "curly-quotation-mark", "full-width-colon", "full-width-colon-in-account", "full-width-comma", "full-width-digit",
      "full-width-parenthesis", "full-width-quotation-mark", "full-width-space", "rule-on-unopened-account", "unknown-account-suggestions",
    ]));
  });
  for (const name of cases) {
    it(name, () => {
      const dir = join(root, name);
      const run = runCliIn(dir, ["check", "main.beancount"]);
      if (update) {
        writeFileSync(join(dir, "expected-stderr.txt"), run.stderr);
        writeFileSync(join(dir, "exit-code.txt"), `${run.code}\n`);
      }
      expect(run.stderr).toBe(readFileSync(join(dir, "expected-stderr.txt"), "utf8"));
      expect(run.code).toBe(Number(readFileSync(join(dir, "exit-code.txt"), "utf8")));
      expect(run.stdout).toBe("");
    });
  }
});

describe("full-width characters", () => {
  it("are named at the character, with the ASCII one, wherever the syntax needs ASCII", () => {
    const colon = readFileSync(join(root, "full-width-colon", "expected-stderr.txt"), "utf8");
    // Column 25 is the ：, not the start of the token (17).
    expect(colon.split("\n")[0]).toBe("main.beancount:3:25: error: full-width colon '：' (U+FF1A) where ASCII ':' is expected");
  });

  it("are named in Chinese under a Chinese locale, as every message of the catalogue", () => {
    const run = runCliIn(join(root, "full-width-colon"), ["check", "main.beancount"], { LANG: "zh_CN.UTF-8" });
    expect(run.stderr.split("\n")[0]).toBe("main.beancount:3:25: error: 全角冒号 '：'（U+FF1A）处应为半角的 ':'");
    const suggestions = runCliIn(join(root, "unknown-account-suggestions"), ["check", "main.beancount", "--lang", "zh"]);
    expect(suggestions.stderr).toContain("error: 引用了未开设的科目 'Expenses:Fod'；是否应为 'Expenses:Food'？\n");
  });

  it("inside a string or a comment are text, not a fault", () => {
    const dir = join(root, "..", "..", "..", "samples");
    // The samples are full of Chinese narrations with full-width punctuation: none is reported.
    const run = runCli(["check", join(dir, "customer-fees-2026.beancount")]);
    expect(run.stderr).not.toContain("full-width");
  });
});
