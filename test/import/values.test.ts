// The readers of an export's values: amounts and dates round-trip exactly in every form a system
// writes them (property tests), and each form named in issue #14 is read.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readAmount, readDay, readDocumentNumber, readMoment } from "../../src/import/values.js";
import { sourceState, COMMON_STATUS_WORDS } from "../../src/import/fields.js";
import { DINGTALK } from "../../src/import/presets/dingtalk.js";
import { Decimal } from "../../src/core/number.js";

const value = <T>(read: { value: T } | { problem: { text: string } }): T => {
  if ("problem" in read) throw new Error(read.problem.text);
  return read.value;
};

/** Thousands separators in the integer part of a plain decimal. */
const grouped = (plain: string) => {
  const [whole, fraction] = plain.split(".");
  return whole!.replace(/\B(?=(\d{3})+$)/g, ",") + (fraction === undefined ? "" : `.${fraction}`);
};

describe("amounts", () => {
  it("round-trip exactly as number cells and as text with separators, 元 and ¥", () => {
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: 99_999_999_999n }), fc.integer({ min: 0, max: 2 }), (units, scale) => {
      const digits = units.toString().padStart(scale + 1, "0");
      const plain = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
      const expected = new Decimal(plain).toFixed();
      const fullWidth = plain.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
      for (const written of [plain, grouped(plain), `${grouped(plain)}元`, `￥${grouped(plain)}`, `¥ ${plain}`, `${plain} CNY`, `RMB${plain}`, fullWidth]) {
        expect([written, value(readAmount(written)).toFixed()]).toEqual([written, expected]);
      }
      // A number cell holds the shortest decimal that reads back to it: up to 15 significant digits exactly.
      if (plain.replace(/\D/g, "").replace(/^0+/, "").length <= 15) expect(value(readAmount(Number(plain))).toFixed()).toBe(value(readAmount(plain)).toFixed());
    }));
  });

  it("a formula's float noise on a number cell is rounded to cents", () => {
    expect(value(readAmount(0.1 + 0.2)).toFixed()).toBe("0.3");
    expect(value(readAmount(1234.5600000000002)).toFixed()).toBe("1234.56");
  });

  it("full-width digits are read; misplaced separators, zero, negatives and words are not", () => {
    expect(value(readAmount("１，２８０．００元")).toFixed(2)).toBe("1280.00");
    for (const bad of ["1,28", "12,80.00", "0", "-5", "abc", "1.2.3", ""]) expect("problem" in readAmount(bad)).toBe(true);
  });
});

// (From 1975: milliseconds since the epoch are read when they have 12 or 13 digits.)
const DAY = fc.date({ min: new Date(Date.UTC(1975, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe("dates", () => {
  it("round-trip exactly in every form the systems write", () => {
    fc.assert(fc.property(DAY, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (day, hour, minute) => {
      const [y, m, d] = day.split("-").map(Number) as [number, number, number];
      const hh = String(hour).padStart(2, "0");
      const mm = String(minute).padStart(2, "0");
      const serial = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
      const chinaMs = Date.UTC(y, m - 1, d, hour, minute) - 8 * 3_600_000;
      const forms: (string | number)[] = [
        day, `${y}/${m}/${d}`, `${day} ${hh}:${mm}`, `${y}/${m}/${d} ${hour}:${mm}:07`, `${y}年${m}月${d}日`,
        `${day}T${hh}:${mm}:00+08:00`, new Date(chinaMs).toISOString().replace(/\.000Z$/, "Z"),
        chinaMs, String(chinaMs), serial, serial + (hour * 60 + minute) / 1440,
      ];
      for (const form of forms) expect([form, value(readDay(form))]).toEqual([form, day]);
      expect(value(readMoment(`${day} ${hh}:${mm}`)).time).toBe(`${hh}:${mm}`);
      expect(value(readMoment(chinaMs)).time).toBe(`${hh}:${mm}`);
    }));
  });

  it("refuses days not in the calendar and text that is no date", () => {
    for (const bad of ["2026-02-30", "2026/13/1", "明天", "2026-03-05 25:00", ""]) expect("problem" in readDay(bad)).toBe(true);
  });
});

describe("document numbers", () => {
  it("a 21-digit number stays text; a number cell that lost digits is refused", () => {
    expect(value(readDocumentNumber("202603051422000123456"))).toBe("202603051422000123456");
    expect(value(readDocumentNumber("'202603051422000123456"))).toBe("202603051422000123456");
    expect(value(readDocumentNumber(12345))).toBe("12345");
    expect("problem" in readDocumentNumber(202603051422000123456)).toBe(true);
  });
});

describe("statuses", () => {
  it("maps every status and result word of the issue", () => {
    const words = DINGTALK.statuses;
    expect(sourceState("完成", "同意", words)).toBe("approved");
    expect(sourceState("完成", "", words)).toBe("approved");
    expect(sourceState("审批中", "", words)).toBe("submitted");
    expect(sourceState("完成", "拒绝", words)).toBe("rejected");
    expect(sourceState("已撤销", "", words)).toBe("withdrawn");
    expect(sourceState("撤销", "", words)).toBe("withdrawn");
    expect(sourceState("COMPLETED", "agree", words)).toBe("approved");
    expect(sourceState("COMPLETED", "refuse", words)).toBe("rejected");
    expect(sourceState("RUNNING", "", words)).toBe("submitted");
    expect(sourceState("TERMINATED", "", words)).toBe("withdrawn");
    expect(sourceState("挂起", "", COMMON_STATUS_WORDS)).toBeNull();
  });
});
