// groupThousands groups an amount's integer digits in threes by walking them (every amount of a
// table goes through it); it must agree with the plain definition by regular expression.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { groupThousands } from "../../src/render/table.js";

function byPattern(plain: string): string {
  const negative = plain.startsWith("-");
  const body = negative ? plain.slice(1) : plain;
  const dot = body.indexOf(".");
  const integer = dot < 0 ? body : body.slice(0, dot);
  const fraction = dot < 0 ? "" : body.slice(dot);
  return (negative ? "-" : "") + integer.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + fraction;
}

describe("groupThousands", () => {
  it("groups the integer part in threes, sign and fraction kept", () => {
    expect(groupThousands("1234567.891")).toBe("1,234,567.891");
    expect(groupThousands("-1000")).toBe("-1,000");
    expect(groupThousands("-999.5")).toBe("-999.5");
    expect(groupThousands("100000")).toBe("100,000");
  });

  it("agrees with the regular-expression definition on every plain decimal", () => {
    const digits = fc.stringMatching(/^\d{1,25}$/);
    const plain = fc.tuple(fc.boolean(), digits, fc.option(fc.stringMatching(/^\d{1,8}$/))).map(([negative, integer, fraction]) => `${negative ? "-" : ""}${integer}${fraction === null ? "" : `.${fraction}`}`);
    fc.assert(fc.property(plain, (text) => groupThousands(text) === byPattern(text)), { numRuns: 2000 });
  });
});
