// Writes grammar/diagrams.html from the compiled parser (run `npm run build` first; `npm run grammar` does both).
import { writeFileSync } from "node:fs";
import { syntaxDiagramsHtml } from "../dist/parser/diagrams.js";
writeFileSync(new URL("../grammar/diagrams.html", import.meta.url), syntaxDiagramsHtml());
