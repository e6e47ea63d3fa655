// People's names compare after NFKC, case folding and without white space or invisible characters.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { personKey, personKeys, samePerson } from "../../src/core/names.js";

describe("personKey", () => {
  it("makes the issue's spellings of one person equal", () => {
    const alice = ["alice", "Alice", "ALICE", "Ａｌｉｃｅ", "alice\u200b", " Alice ", "A l i c e", "\ufeffalice", "al\u200dice", "alice\u2060"];
    expect(new Set(alice.map(personKey))).toEqual(new Set(["alice"]));
    expect(personKey("Jose\u0301")).toBe(personKey("José"));
    expect(personKey("José")).toBe("josé");
    expect(new Set(["王伟", "王 伟", "王\u3000伟", "王伟\u200b", "王\t伟"].map(personKey))).toEqual(new Set(["王伟"]));
    expect(samePerson("STRASSE", "Straße")).toBe(true);
  });

  it("keeps different people apart", () => {
    expect(samePerson("王伟", "王玮")).toBe(false);
    expect(samePerson("alice", "alicia")).toBe(false);
    expect(samePerson("José", "Jose")).toBe(false);
    expect(personKey("")).toBe("");
    expect(personKey(" \u200b\u3000")).toBe("");
  });

  it("is idempotent", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 12 }), (name) => {
      const key = personKey(name);
      expect(personKey(key)).toBe(key);
    }), { numRuns: 3000 });
  });

  it("does not change under case, width, spacing and zero-width noise", () => {
    const letters = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzéüß王伟赵敏钱坤".split(""));
    const noise = fc.constantFrom("", " ", "\u3000", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\t");
    fc.assert(fc.property(fc.array(fc.tuple(letters, noise, fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 8 }), (parts) => {
      const plain = parts.map(([letter]) => letter).join("");
      const noisy = parts.map(([letter, gap, upper, decomposed]) => {
        let written = upper ? letter.toUpperCase() : letter;
        if (decomposed) written = written.normalize("NFD");
        // Full-width forms of ASCII letters (U+FF21...): NFKC maps them back.
        if (/^[a-zA-Z]$/.test(written) && !decomposed) written = String.fromCodePoint(written.codePointAt(0)! + 0xfee0);
        return written + gap;
      }).join("");
      expect(personKey(noisy)).toBe(personKey(plain));
    }), { numRuns: 500 });
  });

  it("remembers keys without changing them", () => {
    const key = personKeys();
    for (const name of ["Ａｌｉｃｅ", "王 伟", "Ａｌｉｃｅ"]) expect(key(name)).toBe(personKey(name));
  });
});
