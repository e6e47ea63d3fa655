// `feeledger import`: each "Done when" of issue #14 as a test. Exports are the committed samples
// (scripts/make-import-samples.mjs) or built here the way each system writes them; they are
// imported into a copy of samples/.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { runCli } from "../helpers/cli.js";
import { loadLedger } from "../../src/loader/load.js";
import { claimId, metaText } from "../../src/claims/claim.js";
import type { BookedTransaction } from "../../src/core/data.js";
import { API_NAMES, CLASSIC_HEADER, dingtalkGetAnswer, dingtalkV1Answer, root, sampleCopy, writeGbkCsv, writeXlsx } from "./exports.js";

const sample = (name: string) => join(root, "samples", "import", name);

function importArgs(copy: ReturnType<typeof sampleCopy>, exports: string[], from: string, ...more: string[]): string[] {
  return ["import", copy.books, ...exports, "--from", from, "--map", copy.map, "--to", copy.target, ...more];
}

function claimsOf(books: string): Map<string, BookedTransaction> {
  const ledger = loadLedger(books);
  expect(ledger.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return new Map([...ledger.claims, ...ledger.entries.filter((e): e is BookedTransaction => e.type === "transaction")]
    .filter((entry) => claimId(entry) !== null).map((entry) => [claimId(entry)!, entry]));
}

const meta = (claim: BookedTransaction | undefined, key: string) => (claim === undefined ? undefined : metaText(claim.meta, key));

describe("import from 钉钉's xlsx export (two-row header, title row first, merged header fields)", () => {
  it("brings in the approved and running documents with their statuses and approvers, skips the refused and withdrawn ones", () => {
    const copy = sampleCopy();
    const result = runCli(importArgs(copy, [sample("dingtalk.xlsx")], "dingtalk"));
    expect(result.stderr).not.toContain("error");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("3 imported, 0 updated, 2 skipped, 0 bad");
    expect(result.stdout).toMatch(/202612180900000100013 +202612180900000100013 +skipped +rejected in 钉钉/);
    expect(result.stdout).toMatch(/202612191120000100014 +202612191120000100014 +skipped +withdrawn in 钉钉/);
    const claims = claimsOf(copy.books);
    const first = claims.get("202612151030000100011");
    expect(first?.flag).toBe("!");
    expect(meta(first, "status")).toBe("approved");
    expect(meta(first, "approval-id")).toBe("202612151030000100011");
    expect([meta(first, "approved-by"), meta(first, "approved-on"), meta(first, "approved-by-2"), meta(first, "approved-on-2")]).toEqual(["赵敏", "2026-12-16", "孙强", "2026-12-16"]);
    expect(first?.date).toBe("2026-12-14");
    expect(first?.postings.map((p) => [p.account, p.units?.number.toFixed(2)])).toEqual([
      ["Expenses:6602-管理费用:01-客户管理费:01-客户拜访", "86.00"],
      ["Expenses:6602-管理费用:02-业务招待费", "1280.00"],
      ["Liabilities:2241-其他应付款:E01-王伟", undefined],
    ]);
    expect(first?.postings.map((p) => metaText(p.meta, "invoice"))).toEqual(["031002500911-80420011", "26312071475300000011", null]);
    expect(meta(claims.get("202612171415000100012"), "status")).toBe("submitted");
    expect(meta(claims.get("202612171415000100012"), "approved-by")).toBeNull();
    expect(meta(claims.get("202612211605000100015"), "approved-by")).toBe("吴芳");
    expect(claims.has("202612180900000100013")).toBe(false);
    expect(claims.has("202612191120000100014")).toBe(false);
  });

  it("lists them in `claims`; `post` and `pay` then work on them", () => {
    const copy = sampleCopy();
    expect(runCli(importArgs(copy, [sample("dingtalk.xlsx")], "dingtalk")).code).toBe(0);
    const listed = runCli(["claims", copy.books, "-b", "2026-12-14", "--format", "csv"]);
    expect(listed.stdout).toContain("202612151030000100011,2026-12-14,王伟,华东销售部,ACME,approved,1366.00,CNY");
    expect(listed.stdout).toContain("202612171415000100012,2026-12-17,李娜,华南销售部,星河零售,submitted,420.00,CNY");
    const posted = runCli(["post", copy.books, "202612151030000100011", "202612211605000100015", "--on", "2026-12-31"]);
    expect(posted.stderr).not.toContain("error");
    expect(posted.code).toBe(0);
    const paid = runCli(["pay", copy.books, "202612151030000100011", "202612211605000100015", "--from", "Assets:1002-银行存款:01-工商银行", "--on", "2027-01-05"]);
    expect(paid.code).toBe(0);
    expect(paid.stdout).toContain("Paid 2 claims on 2027-01-05");
    expect(runCli(["check", copy.books]).code).toBe(0);
  });

  it("a second import of the same export writes nothing", () => {
    const copy = sampleCopy();
    expect(runCli(importArgs(copy, [sample("dingtalk.xlsx"), sample("dingtalk-gbk.csv")], "dingtalk")).code).toBe(0);
    const before = readFileSync(copy.target);
    const again = runCli(importArgs(copy, [sample("dingtalk.xlsx"), sample("dingtalk-gbk.csv")], "dingtalk"));
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("0 imported, 0 updated, 7 skipped, 0 bad");
    expect(again.stderr).toContain("nothing to import; nothing was written");
    expect(readFileSync(copy.target).equals(before)).toBe(true);
  });

  it("writes a claim file that loads and checks clean", () => {
    const copy = sampleCopy();
    runCli(importArgs(copy, [sample("dingtalk.xlsx"), sample("dingtalk-gbk.csv"), sample("feishu.json")].slice(0, 2), "dingtalk"));
    const check = runCli(["check", copy.books]);
    expect(check.code).toBe(0);
    expect(check.stdout + check.stderr).toContain("0 errors");
  });
});

describe("the classic layout: one header row, every field on every row, the header not on the first row", () => {
  it("reads it; 21-digit numbers stay text; dates as text and as Excel serial numbers", () => {
    const copy = sampleCopy();
    const file = join(copy.dir, "classic.xlsx");
    // A title, a blank row, then the header; the second line's amount as text.
    const sheet = (secondAmount: string) => writeXlsx(file, [
      ["审批记录导出"],
      [],
      CLASSIC_HEADER,
      ["202612091000000200001", "拜访", "完成", "同意", "2026/12/9 10:00", "2026-12-10 11:00", "王伟", "华东销售部", "赵敏", "ACME", "交通费", 86, 46365, "26312071475399000011", "出租车"],
      ["202612091000000200001", "拜访", "完成", "同意", "2026/12/9 10:00", "2026-12-10 11:00", "王伟", "华东销售部", "赵敏", "ACME", "交通费", secondAmount, "2026/12/9", "", "地铁"],
    ]);
    sheet("1,04.00");
    const bad = runCli(importArgs(copy, [file], "dingtalk"));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`${file}:5:金额: error: cannot read "1,04.00" as an amount`);
    expect(existsSync(copy.target)).toBe(false);
    sheet("104.00 元");
    const good = runCli(importArgs(copy, [file], "dingtalk"));
    expect(good.stderr).not.toContain("error");
    const claim = claimsOf(copy.books).get("202612091000000200001");
    expect(claim?.date).toBe("2026-12-09");
    expect(claim?.postings.map((p) => p.units?.number.toFixed(2))).toEqual(["86.00", "104.00", undefined]);
    expect(meta(claim, "approved-on")).toBe("2026-12-10");
  });

  it("refuses a document number stored as a number that has lost its digits", () => {
    const copy = sampleCopy();
    const file = join(copy.dir, "lost.xlsx");
    writeXlsx(file, [CLASSIC_HEADER, [202612091000000200001, "拜访", "完成", "同意", "2026/12/9 10:00", "2026-12-10 11:00", "王伟", "华东销售部", "赵敏", "ACME", "交通费", 86, "2026-12-09", "", ""]]);
    const result = runCli(importArgs(copy, [file], "dingtalk"));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`${file}:2:审批编号: error: document number .* was stored as a number and has lost digits`));
  });

  it("reads a legacy .xls the same way", () => {
    const copy = sampleCopy();
    const file = join(copy.dir, "old.xls");
    writeXlsx(file, [CLASSIC_HEADER, ["202612091000000200002", "拜访", "审批中", "", "2026/12/9 10:00", "", "王伟", "华东销售部", "", "ACME", "交通费", 60, "2026-12-09", "", ""]], "xls");
    const result = runCli(importArgs(copy, [file], "dingtalk"));
    expect(result.stderr).toContain("xls (sheet Sheet1)");
    expect(meta(claimsOf(copy.books).get("202612091000000200002"), "status")).toBe("submitted");
  });
});

describe("a GB18030 CSV", () => {
  it("is detected and said, and imported", () => {
    const copy = sampleCopy();
    const result = runCli(importArgs(copy, [sample("dingtalk-gbk.csv")], "dingtalk"));
    expect(result.stderr).toContain("dingtalk-gbk.csv: csv, GB18030, 2 documents");
    const claims = claimsOf(copy.books);
    expect(claims.get("202612191530000100022")?.postings[0]?.units?.number.toFixed(2)).toBe("980.00");
    expect(meta(claims.get("202612181010000100021"), "approved-on")).toBe("2026-12-19");
  });

  it("a UTF-8 CSV with a byte-order mark is said to be one", () => {
    const copy = sampleCopy();
    const file = join(copy.dir, "utf8.csv");
    writeFileSync(file, "\ufeff" + [CLASSIC_HEADER.join(","), "202612091000000200003,拜访,审批中,,2026-12-09 10:00,,王伟,华东销售部,,ACME,交通费,60,2026-12-09,,"].join("\n"));
    expect(runCli(importArgs(copy, [file], "dingtalk")).stderr).toContain("utf8.csv: csv, UTF-8 with BOM, 1 document");
  });
});

describe("the systems' API answers", () => {
  it("钉钉 processinstance/get and v1.0/workflow/processInstances", () => {
    const copy = sampleCopy();
    writeFileSync(copy.map, readFileSync(copy.map, "utf8").replace(/\nnames:\n/, `\n${API_NAMES}`));
    const file = join(copy.dir, "dingtalk.json");
    writeFileSync(file, JSON.stringify([
      dingtalkGetAnswer({ id: "202612100900000300001", status: "COMPLETED", result: "agree", approver: "u-zhaomin", lines: [
        { category: "交通费", amount: "45.00", date: "2026-12-09", invoice: "26312071475399000001" },
        { category: "交通费", amount: "30", date: "2026-12-10", invoice: "" },
      ] }),
      dingtalkV1Answer("202612120930000300002"),
      dingtalkGetAnswer({ id: "202612100900000300003", status: "TERMINATED", result: "", lines: [{ category: "交通费", amount: "10", date: "2026-12-09", invoice: "" }] }),
    ]));
    const result = runCli(importArgs(copy, [file], "dingtalk"));
    expect(result.stderr).not.toContain("error");
    expect(result.stdout).toContain("2 imported, 0 updated, 1 skipped, 0 bad");
    const claims = claimsOf(copy.books);
    const get = claims.get("202612100900000300001");
    expect([get?.date, meta(get, "claimant"), meta(get, "customer"), meta(get, "approved-by"), meta(get, "approved-on")]).toEqual(["2026-12-10", "王伟", "ACME", "赵敏", "2026-12-11"]);
    const v1 = claims.get("202612120930000300002");
    // finishTime 16:30 UTC is 00:30 the next day in China.
    expect([meta(v1, "claimant"), meta(v1, "customer"), meta(v1, "approved-by"), meta(v1, "approved-on")]).toEqual(["张磊", "北辰医药", "孙强", "2026-12-13"]);
    expect(v1?.postings[0]?.units?.number.toFixed(2)).toBe("2060.00");
  });

  it("飞书 approval/v4/instances/:id and 易快报 flowDetails", () => {
    const copy = sampleCopy();
    expect(runCli(importArgs(copy, [sample("feishu.json")], "feishu")).code).toBe(0);
    expect(runCli(importArgs(copy, [sample("ekuaibao.json")], "ekuaibao")).code).toBe(0);
    const claims = claimsOf(copy.books);
    const feishu = claims.get("202612220001");
    expect([feishu?.date, meta(feishu, "claimant"), meta(feishu, "department"), meta(feishu, "customer"), meta(feishu, "status"), meta(feishu, "approved-by"), meta(feishu, "approved-on")])
      .toEqual(["2026-12-21", "王伟", "华东销售部", "蓝海物流", "approved", "赵敏", "2026-12-23"]);
    expect(feishu?.postings[0]?.units?.number.toFixed(2)).toBe("76.50");
    expect(meta(claims.get("202612230002"), "status")).toBe("submitted");
    const ekuaibao = claims.get("B26000123");
    expect([ekuaibao?.date, meta(ekuaibao, "claimant"), meta(ekuaibao, "department"), meta(ekuaibao, "approved-by"), meta(ekuaibao, "approved-on")])
      .toEqual(["2026-12-22", "李娜", "华南销售部", "钱坤", "2026-12-24"]);
    expect(metaText(ekuaibao!.postings[0]!.meta, "invoice")).toBe("044002500111-80430041");
  });

  it("a document that moved on in the source (submitted -> approved) is updated in place", () => {
    const copy = sampleCopy();
    expect(runCli(importArgs(copy, [sample("feishu.json")], "feishu")).code).toBe(0);
    const later = JSON.parse(readFileSync(sample("feishu.json"), "utf8"));
    later[1].data.status = "APPROVED";
    later[1].data.end_time = String(Date.UTC(2026, 11, 24, 2, 0));
    later[1].data.timeline.push({ type: "PASS", user_id: "9e2b3c4d", create_time: later[1].data.end_time });
    const file = join(copy.dir, "feishu-later.json");
    writeFileSync(file, JSON.stringify(later));
    const before = readFileSync(copy.target, "utf8");
    const result = runCli(importArgs(copy, [file], "feishu"));
    expect(result.stdout).toContain("0 imported, 1 updated, 1 skipped, 0 bad");
    const claim = claimsOf(copy.books).get("202612230002");
    expect([meta(claim, "status"), meta(claim, "approved-by"), meta(claim, "approved-on")]).toEqual(["approved", "赵敏", "2026-12-24"]);
    const after = readFileSync(copy.target, "utf8");
    expect(after.replace('status: "approved"\n  approved-by: "赵敏"\n  approved-on: 2026-12-24', 'status: "submitted"')).toBe(before);
  });
});

describe("bad rows", () => {
  it("are reported at their row and column, and nothing is written", () => {
    const copy = sampleCopy();
    const file = join(copy.dir, "bad.csv");
    writeFileSync(file, [
      CLASSIC_HEADER.join(","),
      "202612091000000200011,拜访,完成,同意,2026-12-09 10:00,2026-12-10 11:00,王伟,华东销售部,赵敏,ACME,交通费,86,2026-12-09,,",
      "202612091000000200012,拜访,完成,同意,2026-12-09 10:00,2026-12-10 11:00,王伟,华东销售部,赵敏,ACME,洗车费,86,2026-12-09,,",
      "202612091000000200013,拜访,完成,同意,2026-12-09 10:00,2026-12-10 11:00,王伟,华东销售部,赵敏,ACME,交通费,,2026-13-09,12345,",
    ].join("\n"));
    const result = runCli(importArgs(copy, [file], "dingtalk"));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}:3:费用类别: error: unknown expense category "洗车费": add it to the map's accounts`);
    expect(result.stderr).toContain(`${file}:4:金额: error: no amount`);
    expect(result.stderr).toContain(`${file}:4:发生日期: error: "2026-13-09" is not a day of the calendar`);
    expect(result.stderr).toMatch(new RegExp(`${file}:4:发票号码: error: malformed fapiao number "12345"`));
    expect(result.stderr).toContain("2 bad documents; nothing was written");
    expect(existsSync(copy.target)).toBe(false);
    const skipping = runCli(importArgs(copy, [file], "dingtalk", "--skip-bad"));
    expect(skipping.code).toBe(1);
    expect(skipping.stdout).toContain("1 imported, 0 updated, 0 skipped, 2 bad");
    expect([...claimsOf(copy.books).keys()]).toContain("202612091000000200011");
  });

  it("a fapiao already claimed in the journal makes its document bad, at the line's row", () => {
    const copy = sampleCopy();
    const file = join(copy.dir, "dup.csv");
    writeFileSync(file, [CLASSIC_HEADER.join(","), "202612091000000200021,拜访,完成,同意,2026-12-09 10:00,2026-12-10 11:00,王伟,华东销售部,赵敏,ACME,交通费,86,2026-12-09,031002500404-16728806,"].join("\n"));
    const result = runCli(importArgs(copy, [file], "dingtalk"));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`${file}:2:金额: error: 202612091000000200021: fapiao 031002500404-16728806 is claimed twice.*\\(fapiao-duplicate\\)`));
    expect(existsSync(copy.target)).toBe(false);
  });

  it("--dry-run prints the diff and writes nothing", () => {
    const copy = sampleCopy();
    const result = runCli(importArgs(copy, [sample("ekuaibao.json")], "ekuaibao", "--dry-run"));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`+++ ${copy.target}`);
    expect(result.stdout).toContain('+  claim: "B26000123"');
    expect(existsSync(copy.target)).toBe(false);
  });

  it("a map with a mistake is located at its line", () => {
    const copy = sampleCopy();
    writeFileSync(copy.map, "accounts:\n  交通费: Expenses:X\ncolumnz:\n  amount: 金额\n");
    const result = runCli(importArgs(copy, [sample("dingtalk.xlsx")], "dingtalk"));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${copy.map}:3:1: error: unknown key "columnz"`);
  });

  it("--to must be a claim file the claims option covers", () => {
    const copy = sampleCopy();
    const result = runCli(["import", copy.books, sample("dingtalk.xlsx"), "--from", "dingtalk", "--map", copy.map, "--to", join(copy.dir, "elsewhere.beancount")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not a claim file of the journal: the claims option covers "claims/*.beancount"');
  });
});

describe("--init", () => {
  it("prints a starter map listing every column, category and claimant found", () => {
    const result = runCli(["import", "--init", sample("dingtalk.xlsx"), "--from", "dingtalk"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("two-row header");
    expect(result.stdout).toMatch(/L +费用明细\/金额（元） +-> amount/);
    expect(result.stdout).toContain('  "业务招待费": ""');
    expect(result.stdout).toContain('  "王伟": ""');
    // The starter maps committed in samples/ are what --init prints.
    expect(readFileSync(sample("dingtalk-starter.yaml"), "utf8")).toBe(runCli(["import", "--init", "samples/import/dingtalk.xlsx", "--from", "dingtalk"]).stdout);
  });
});

describe("amounts and dates through the whole import", () => {
  it("round-trip exactly from a workbook's cells into the claim's text (property)", () => {
    const copy = sampleCopy();
    const file = join(copy.dir, "property.xlsx");
    const line = fc.record({ cents: fc.integer({ min: 1, max: 99_999_999 }), asText: fc.boolean(), day: fc.integer({ min: 1, max: 28 }), daySerial: fc.boolean() });
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (lines) => {
      const plain = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
      writeXlsx(file, [CLASSIC_HEADER, ...lines.map((l) => [
        "202612091000000900001", "拜访", "审批中", "", "2026-11-01 10:00", "", "王伟", "华东销售部", "", "ACME", "交通费",
        l.asText ? `${plain(l.cents).replace(/\B(?=(\d{3})+\.)/g, ",")}元` : Number(plain(l.cents)),
        l.daySerial ? 46327 + l.day - 1 : `2026/11/${l.day}`, "", "",
      ])]);
      const result = runCli(importArgs(copy, [file], "dingtalk", "--dry-run"));
      expect(result.stderr).not.toContain("error");
      const amounts = [...result.stdout.matchAll(/^\+ {2}Expenses:\S+ +(\S+) CNY$/gm)].map((match) => match[1]);
      expect(amounts).toEqual(lines.map((l) => plain(l.cents)));
      const latest = Math.max(...lines.map((l) => l.day));
      expect(result.stdout).toContain(`+2026-11-${String(latest).padStart(2, "0")} ! "王伟" "拜访"`);
    }), { numRuns: 8 });
  });
});
