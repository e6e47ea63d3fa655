// The message catalogues: the same keys in both languages, every message written in each, and the
// language chosen as the issue says (--lang, FEELEDGER_LANG, the locale).
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en.js";
import { zh } from "../../src/i18n/zh.js";
import { chooseLang, langOption } from "../../src/i18n/lang.js";
import { runCli } from "../helpers/cli.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Parameters that fill any message: every name a message uses, with a value that shows (`<name>`),
 * except where a message chooses its words by the value (a flag, a count, one of a few words, a list).
 */
const CHOSEN: Record<string, unknown> = {
  tooMuch: true, fullWidthColon: true, unterminated: true, several: false, errors: 2, warnings: 2,
  part: "cost", kind: "token", evidence: "receipt",
};
const LISTS = new Set(["suggestions", "awaiting", "years", "currencies", "idColumns"]);
const RECORDS = new Set(["shortfall"]);
const RECORD_LISTS = new Set(["totals", "reasons", "approvals", "payments"]);
/** A text quoted in both languages (`Both`): each language shows its own. */
const BOTH = new Set(["problem"]);
const SAMPLE: object = new Proxy({}, {
  get: (_target, name) => (typeof name !== "string" ? undefined : name in CHOSEN ? CHOSEN[name]
    : BOTH.has(name) ? { en: `<${name}>`, zh: `<${name}>` } : LISTS.has(name) ? [`<${name}>`] : RECORDS.has(name) ? SAMPLE : RECORD_LISTS.has(name) ? [SAMPLE] : `<${name}>`),
});

describe("the catalogues", () => {
  it("have the same keys", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it("write every message in each language, with every parameter the English one shows", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const english = (en[key] as (p: unknown) => string)(SAMPLE);
      const chinese = (zh[key] as (p: unknown) => string)(SAMPLE);
      expect(chinese, key).not.toBe(english);
      expect(chinese, key).toMatch(/[\u4e00-\u9fff]/);
      for (const shown of english.match(/<\w+>/g) ?? []) expect(chinese, `${key} shows ${shown}`).toContain(shown);
    }
  });
});

describe("the language", () => {
  it("is --lang, else FEELEDGER_LANG, else LC_ALL, LC_MESSAGES, LANG, else English", () => {
    expect(chooseLang("zh", { LANG: "en_US.UTF-8" })).toBe("zh");
    expect(chooseLang("en", { FEELEDGER_LANG: "zh" })).toBe("en");
    expect(chooseLang("fr", {})).toBeNull();
    expect(chooseLang(undefined, { FEELEDGER_LANG: "zh", LANG: "en_US.UTF-8" })).toBe("zh");
    expect(chooseLang(undefined, { LC_ALL: "zh_CN.UTF-8", LANG: "en_US.UTF-8" })).toBe("zh");
    expect(chooseLang(undefined, { LC_ALL: "", LC_MESSAGES: "zh_TW.UTF-8" })).toBe("zh");
    expect(chooseLang(undefined, { LANG: "zh_CN.GB18030" })).toBe("zh");
    expect(chooseLang(undefined, { LC_ALL: "C", LANG: "zh_CN.UTF-8" })).toBe("en");
    expect(chooseLang(undefined, {})).toBe("en");
  });

  it("takes --lang X and --lang=X anywhere before --", () => {
    expect(langOption(["check", "x", "--lang", "zh"])).toBe("zh");
    expect(langOption(["--lang=en", "check"])).toBe("en");
    expect(langOption(["check", "--", "--lang", "zh"])).toBeUndefined();
  });
});

describe("check in Chinese", () => {
  const journal = join(mkdtempSync(join(tmpdir(), "feeledger-i18n-")), "faulty.beancount");
  writeFileSync(journal, [
    "2026-01-01 open Assets:Bank CNY",
    "2026-01-01 open Expenses:Fees CNY",
    '2026-01-05 * "fee"',
    "  Expenses:Fees  1.00 CNY",
    "  Assets:Bank",
    "2026-02-01 balance Assets:Bank  5.00 CNY",
    "",
  ].join("\n"));

  it("speaks Chinese with LANG=zh_CN.UTF-8, keeping the located prefix and the code's place", () => {
    const result = runCli(["check", journal], { LANG: "zh_CN.UTF-8" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${journal}:6:1: error: 余额断言不符：'Assets:Bank' 应为 5.00 CNY，实际累计 -1.00 CNY（少 6.00）`);
    expect(result.stderr).toContain("1 个错误，0 个警告");
  });

  it("speaks English with --lang en, before or after the command", () => {
    for (const args of [["--lang", "en", "check", journal], ["check", journal, "--lang", "en"]]) {
      const result = runCli(args, { LANG: "zh_CN.UTF-8" });
      expect(result.stderr).toContain("error: Balance failed for 'Assets:Bank': expected 5.00 CNY != accumulated -1.00 CNY (6.00 too little)");
      expect(result.stderr).toContain("1 error, 0 warnings");
    }
  });

  it("refuses a language it does not speak", () => {
    const result = runCli(["check", journal, "--lang", "fr"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("feeledger: unknown language 'fr' for --lang (expected zh or en)\n");
  });
});
