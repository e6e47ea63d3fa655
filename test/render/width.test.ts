// width.ts counts common text itself: it must agree with string-width on every character.
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/core/display-width.js";

describe("displayWidth", () => {
  it("agrees with string-width on every character of the Basic Multilingual Plane", () => {
    const differ: string[] = [];
    for (let code = 0x20; code < 0x10000; code += 1) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const text = String.fromCharCode(code);
      if (displayWidth(text) !== stringWidth(text)) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it("measures mixed text as string-width does: CJK two, combining marks none, emoji two", () => {
    for (const text of ["客户拜访 ACME", "e\u0301tude", "👍 ok", "全角：（）", "ｶﾀｶﾅ", "期初余额 | 2025年"]) {
      expect(displayWidth(text), text).toBe(stringWidth(text));
    }
  });
});
