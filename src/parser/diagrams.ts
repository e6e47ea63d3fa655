// Railroad diagrams of every grammar rule, generated from the parser itself.
// `npm run grammar` writes grammar/diagrams.html; a test fails when the committed file is stale.
import { createSyntaxDiagramsCode } from "chevrotain";
import { journalParser } from "./parse.js";

export function syntaxDiagramsHtml(): string {
  return createSyntaxDiagramsCode(journalParser().getSerializedGastProductions());
}

/** Rule names of the parser, in definition order. */
export function parserRuleNames(): string[] {
  return journalParser().getSerializedGastProductions().map((rule) => (rule as unknown as { name: string }).name);
}
