// chevrotain's runtime for the grammar and its tokens, loaded when first asked for: a journal that
// the direct reader reads whole (direct.ts: plain transactions, open, commodity, balance, option)
// never needs the grammar, and loading chevrotain is about a sixth of the start of `check` on a
// small journal (docs/PERFORMANCE.md). The package's entry point is a graph of a few hundred small
// ES modules (chevrotain's own and lodash-es) that Node resolves and compiles one by one; the
// package also ships the same library built as one file, lib/chevrotain.mjs, which loads in a few
// milliseconds. Use that file when it is where the entry point says, else the entry point. Both
// are loaded with require (Node.js >= 20.19 loads an ES module so, synchronously: the grammar is
// built in the middle of a synchronous parse). Types come from the package as usual; only values
// are taken from here.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type * as Chevrotain from "chevrotain";

let runtime: typeof Chevrotain | null = null;

/** chevrotain's values (createToken, EmbeddedActionsParser, Lexer, ...), loaded on the first call. */
export function chevrotain(): typeof Chevrotain {
  if (runtime === null) {
    const require = createRequire(import.meta.url);
    let file = "chevrotain";
    try {
      const bundle = join(dirname(require.resolve("chevrotain")), "..", "chevrotain.mjs"); // entry: <package>/lib/src/api.js
      if (existsSync(bundle)) file = bundle;
    } catch {
      // The entry point, as it resolves.
    }
    runtime = require(file) as typeof Chevrotain;
  }
  return runtime;
}
