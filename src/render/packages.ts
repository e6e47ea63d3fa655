// Packages loaded when first used, not when feeledger starts: chalk only when something is
// painted. (A module's static imports are loaded and run before any of its code, each costing
// milliseconds that a small `check` or `--version` does not need.)
import { createRequire } from "node:module";
import type * as ChalkModule from "chalk";

const require = createRequire(import.meta.url);
let chalkModule: typeof ChalkModule | undefined;

/** chalk's module (an ES module: require() loads it since Node.js 20.19). */
export const loadChalk = (): typeof ChalkModule => (chalkModule ??= require("chalk") as typeof ChalkModule);
