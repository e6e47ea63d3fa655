// chevrotain's runtime for the grammar and its tokens. The package's entry point is a graph of a
// few hundred small ES modules (chevrotain's own and lodash-es) that Node resolves and compiles
// one by one on every start of feeledger (about half a second of CPU); the package also ships
// the same library built as one file, lib/chevrotain.mjs, which loads in a few milliseconds. Use
// that file when it is where the entry point says, else the entry point. Types come from the
// package as usual; only values are taken from here.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type * as Chevrotain from "chevrotain";

function singleFileBuild(): string | null {
  try {
    const entry = createRequire(import.meta.url).resolve("chevrotain"); // <package>/lib/src/api.js
    const bundle = join(dirname(entry), "..", "chevrotain.mjs");
    return existsSync(bundle) ? pathToFileURL(bundle).href : null;
  } catch {
    return null;
  }
}

const bundle = singleFileBuild();
const runtime = (bundle === null ? await import("chevrotain") : await import(bundle)) as typeof Chevrotain;

export const { createToken, EmbeddedActionsParser, Lexer } = runtime;
