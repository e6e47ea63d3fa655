import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parserRuleNames, syntaxDiagramsHtml } from "../../src/parser/diagrams.js";
import { JournalParser } from "../../src/parser/grammar.js";

const root = new URL("../../", import.meta.url);

describe("the grammar", () => {
  it("passes chevrotain's own checks (ambiguities, left recursion, ...), which commands skip at start-up", () => {
    expect(() => new JournalParser({ validate: true })).not.toThrow();
  });
});

describe("grammar/ stays in step with the parser", () => {
  it("the EBNF defines exactly the parser's rules", () => {
    const ebnf = readFileSync(new URL("grammar/beancount.ebnf", root), "utf8").replace(/\(\*[\s\S]*?\*\)/g, "");
    const documented = [...ebnf.matchAll(/^([a-zA-Z]+)\s*::=/gm)].map((m) => m[1]);
    expect(new Set(documented)).toEqual(new Set(parserRuleNames()));
    expect(documented.length).toBe(new Set(documented).size);
  });

  it("every rule the EBNF references is defined there or is a token", () => {
    const ebnf = readFileSync(new URL("grammar/beancount.ebnf", root), "utf8").replace(/\(\*[\s\S]*?\*\)/g, "");
    const defined = new Set([...ebnf.matchAll(/^([a-zA-Z]+)\s*::=/gm)].map((m) => m[1]));
    const referenced = [...ebnf.matchAll(/\b([a-z][a-zA-Z]+)\b/g)].map((m) => m[1]!);
    expect(referenced.filter((name) => !defined.has(name))).toEqual([]);
  });

  it("grammar/diagrams.html is the diagram page generated from the parser (npm run grammar)", () => {
    const committed = readFileSync(new URL("grammar/diagrams.html", root), "utf8");
    expect(committed).toBe(syntaxDiagramsHtml());
  });
});
