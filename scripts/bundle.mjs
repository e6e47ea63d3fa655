// Bundle feeledger's own modules (dist/, as tsc emitted them) into dist/feeledger.mjs, which
// bin/feeledger loads, and one chunk per command under dist/chunks/ (src/cli/start.ts imports the
// command asked for): Node.js then opens and compiles a few modules instead of about ninety, and
// only the code of the command that runs. Dependencies stay in node_modules. Without esbuild (an
// install without dev dependencies) there is no bundle and bin/feeledger loads dist/ module by
// module, as before.
//
// The commonest runs, `--version` and a plain `check FILE` (src/cli/plain.ts), get two CommonJS
// files that bin/feeledger loads without the ES module loader: dist/plain.cjs (the version and
// which command lines are plain, a few KB) and dist/plain-check.cjs (the check command with
// everything it imports, decimal.js too), and dist/plain-check.cjs.cache, V8's compiled code for
// it (bin/code-cache.cjs), made by running a check with bin/feeledger's own V8 flags: V8 refuses a
// cache made under other flags.
//
// Every other command line runs from dist/feeledger.cjs, the whole CLI (commander and the
// packages it imports, ESM-only ones too) in one CommonJS file, with its code cache
// dist/feeledger.cjs.cache made by running a few common commands on the same small journal:
// the ES module loader and compiling the chunks cost a tenth of a second at each start.
// dist/feeledger.mjs and dist/chunks/ stay for whoever imports the CLI as modules.
//
//   node scripts/bundle.mjs                 what `npm run build` runs after tsc
//   node FLAGS scripts/bundle.mjs --cache   (run by the first) writes plain-check's code cache
//   node FLAGS scripts/bundle.mjs --cache-cli   (run by the first) writes feeledger.cjs's
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const plainCheckFile = join(dist, "plain-check.cjs");
const cacheFile = `${plainCheckFile}.cache`;
const cliFile = join(dist, "feeledger.cjs");
const cliCacheFile = `${cliFile}.cache`;

/** A small journal with a transaction, a balance assertion and an error to report. */
const WARM_UP_JOURNAL = `2026-01-01 open Assets:Bank CNY
2026-01-01 open Expenses:Fees CNY

2026-01-05 * "Bank" "fee"
  Expenses:Fees  1.00 CNY
  Assets:Bank

2026-02-01 balance Assets:Bank  -1.00 CNY
2026-02-01 balance Assets:Bank  -2.00 CNY
`;

/**
 * The command lines run on the warm-up journal (FILE) before dist/feeledger.cjs's cache is written:
 * the commonest reading commands, so that commander, the loader and the reports are in the cache.
 */
const WARM_UP_COMMANDS = [["bal"], ["is"], ["bs"], ["reg"], ["print"], ["report", "trial"], ["claims"], ["check"], ["--help"]];

/** Run `use` with the path of the warm-up journal, written in a fresh folder removed after. */
async function withWarmUpJournal(use) {
  const folder = mkdtempSync(join(tmpdir(), "feeledger-cache-"));
  try {
    const journal = join(folder, "warm-up.beancount");
    writeFileSync(journal, WARM_UP_JOURNAL);
    await use(journal);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const { loadCached, writeCache } = createRequire(import.meta.url)("../bin/code-cache.cjs");

/** Run the check on a small journal, so that the code it runs is compiled, and write the cache. */
async function writeCodeCache() {
  const { exports, script } = loadCached(plainCheckFile, cacheFile);
  const silent = { stdout: () => {}, stderr: () => {}, env: {}, stdoutIsTty: false, stderrIsTty: false };
  await withWarmUpJournal((journal) => exports.runPlainCheck(silent, { fileOption: undefined, file: journal, beancount: false, color: true }));
  writeCache(script, cacheFile);
}

/**
 * Run the warm-up command lines through dist/feeledger.cjs's start() (in a process whose output
 * goes nowhere: they write to the process's streams) and write that file's cache.
 */
async function writeCliCodeCache() {
  const { exports, script } = loadCached(cliFile, cliCacheFile);
  await withWarmUpJournal(async (journal) => {
    for (const command of WARM_UP_COMMANDS) await exports.start([process.execPath, "feeledger", ...command, ...(command[0] === "--help" ? [] : [journal])]);
  });
  writeCache(script, cliCacheFile);
}

/**
 * The bundle's text with every character outside ASCII written as a \uXXXX escape, so that
 * bin/code-cache.cjs can read it as Latin-1 into a string of one byte a character (with one
 * character outside Latin-1, V8 holds the whole text at two bytes a character, and decoding UTF-8
 * costs more). esbuild already escapes strings and templates; what it leaves is in regular
 * expression literals, where \uXXXX is the same character (a surrogate pair too, with the u flag).
 */
function asciiOnly(text) {
  return text.replace(/[^\0-\x7f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** bin/feeledger's V8 flags, from its `#!` line (`#!/usr/bin/env -S node FLAGS`). */
function binFlags() {
  const shebang = readFileSync(join(root, "bin", "feeledger"), "utf8").split("\n", 1)[0];
  return shebang.split(/\s+/).slice(shebang.split(/\s+/).indexOf("node") + 1);
}

async function bundle() {
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    process.stderr.write("scripts/bundle.mjs: esbuild is not installed; bin/feeledger will load dist/ module by module\n");
    return;
  }
  // Chunks are named by their content: the last build's would pile up. The last cache must not
  // outlive its file.
  rmSync(join(dist, "chunks"), { recursive: true, force: true });
  rmSync(cacheFile, { force: true });
  rmSync(cliCacheFile, { force: true });
  await esbuild.build({
    entryPoints: { feeledger: join(dist, "cli", "start.js") },
    outdir: dist,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
  const commonJs = {
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    logLevel: "warning",
    // The modules find their packages through createRequire(import.meta.url): the file's own URL.
    define: { "import.meta.url": "importMetaUrl" },
    banner: { js: 'var importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  };
  await esbuild.build({
    ...commonJs,
    stdin: { contents: 'export { asksVersionOnly, writeVersion } from "./cli/version.js";\nexport { plainCheck } from "./cli/plain.js";\n', resolveDir: dist },
    outfile: join(dist, "plain.cjs"),
  });
  // Every other command line: the whole CLI with the packages it imports (ESM-only ones too), in
  // one CommonJS file with a code cache, bundled flat (staticImports): every command's modules run
  // their top-level code at the start, which costs less than the lazy initialisers' wrapping.
  await writeAscii(esbuild, {
    ...commonJs,
    stdin: { contents: 'export { start } from "./cli/start.js";\n', resolveDir: dist },
    outfile: cliFile,
    plugins: [ownModulesRewritten("cli-modules", [staticImports, builtinObjects, bundledChalk, bundledRequires]), lazyBuiltins],
  });
  await writeAscii(esbuild, {
    ...commonJs,
    stdin: { contents: 'export { runPlainCheck } from "./cli/plain-check.js";\nexport { outputQueued, processIo } from "./cli/process-io.js";\n', resolveDir: dist },
    outfile: plainCheckFile,
    plugins: [ownModulesRewritten("check-modules", [builtinObjects])],
  });
  const made = spawnSync(process.execPath, [...binFlags(), fileURLToPath(import.meta.url), "--cache"], { stdio: "inherit" });
  if (made.status !== 0) process.stderr.write("scripts/bundle.mjs: no code cache for dist/plain-check.cjs; bin/feeledger will compile it\n");
  const madeCli = spawnSync(process.execPath, [...binFlags(), fileURLToPath(import.meta.url), "--cache-cli"], { stdio: "ignore" });
  if (madeCli.status !== 0) process.stderr.write("scripts/bundle.mjs: no code cache for dist/feeledger.cjs; bin/feeledger will compile it\n");
}

/**
 * feeledger's own modules (dist/) as esbuild reads them into a CommonJS bundle, each text passed
 * through `rewrites` in turn (functions of the file's path and text that return the text, changed
 * or not). Packages are read as they are.
 */
function ownModulesRewritten(name, rewrites) {
  return {
    name,
    setup(build) {
      build.onLoad({ filter: /\.js$/ }, ({ path }) => {
        if (!path.startsWith(dist + sep)) return undefined;
        const text = readFileSync(path, "utf8");
        const contents = rewrites.reduce((current, rewrite) => rewrite(path, current), text);
        return contents === text ? undefined : { contents, loader: "js", resolveDir: dirname(path) };
      });
    },
  };
}

/**
 * For dist/feeledger.cjs: feeledger's own modules imported with import() (start.js's command
 * modules, register.js's) imported statically instead. esbuild wraps a module that is imported
 * lazily, and every module it imports, in an initialiser (`__esm`) whose top-level names become
 * variables assigned when it runs; V8 then treats each of them (a class, a table, a constant) as
 * a variable that may change, and the loader's and the reports' code ran ~4% more instructions
 * than the same code bundled flat (docs/PERFORMANCE.md, "flat"). Every command's modules then run
 * their top-level code when the bundle starts; `--version` and a plain `check` do not load it.
 */
function staticImports(path, text) {
  const specifiers = [];
  const replaced = text.replace(/\bimport\(("\.\.?\/[^"]+")\)/g, (_, specifier) => {
    if (!specifiers.includes(specifier)) specifiers.push(specifier);
    return `Promise.resolve(staticImport${specifiers.indexOf(specifier)})`;
  });
  return specifiers.map((specifier, index) => `import * as staticImport${index} from ${specifier};\n`).join("") + replaced;
}

/**
 * `import * as fs from "node:fs"` (or a default import of a built-in module) as the module object
 * require() gives: for the namespace, esbuild copies every export of the module into an object of
 * getters when the importing module runs (`__toESM`: node:fs has a hundred), and with the bundle
 * flat, all 35 modules that import fs or path so run at the start (28 M instructions).
 */
function builtinObjects(path, text) {
  return text.replace(/^import (?:\* as )?([A-Za-z_$][\w$]*) from ("node:[a-z_]+");$/gm, "const $1 = require($2);");
}

/**
 * chalk, which render/packages.js requires when something is painted, bundled into
 * dist/feeledger.cjs: chalk is an ES module, and require() of one loads Node.js's ES module loader
 * (a sixth of the start of a `bal`). The require is through createRequire, which esbuild does not
 * follow: the module's own `require` is dropped, so that the call is the bundle's require, which
 * runs chalk's module where it is called, not when the bundle starts. (A static import of chalk ran
 * it with every command that draws a table: chalk loads Node.js's tty and os modules, 10-15 ms.)
 */
function bundledChalk(path, text) {
  if (!/[\\/]render[\\/]packages\.js$/.test(path) || !text.includes('require("chalk")')) return text;
  const local = "const require = createRequire(import.meta.url);";
  if (!text.includes(local)) throw new Error(`scripts/bundle.mjs: ${path} no longer makes its require as \`${local}\``);
  return text.replace(local, "");
}

/**
 * Packages that modules require through createRequire when first used, bundled into
 * dist/feeledger.cjs and its code cache (esbuild does not follow createRequire): cli-table3's
 * utilities (with string-width 4, strip-ansi, ansi-regex, is-fullwidth-code-point and emoji-regex),
 * which render/table.js requires when it first measures a table, and string-width 7, which
 * core/display-width.js requires for text outside the simple CJK ranges. Found and compiled from
 * node_modules, cli-table3's six CommonJS files took 3-6 ms of every command that prints a table,
 * and string-width, an ES module, loads Node.js's ES module loader. The require stays where it
 * was (now the bundle's own), so each still loads only then, from the same package files.
 */
const BUNDLED_REQUIRES = [
  { file: /[\\/]render[\\/]table\.js$/, call: 'createRequire(import.meta.url)("cli-table3/src/utils")', bundled: 'require("cli-table3/src/utils")' },
  { file: /[\\/]core[\\/]display-width\.js$/, call: 'createRequire(import.meta.url)("string-width")', bundled: 'require("string-width")' },
];
function bundledRequires(path, text) {
  return BUNDLED_REQUIRES.reduce((current, { file, call, bundled }) => (file.test(path) ? current.replace(call, bundled) : current), text);
}

/**
 * Node.js's built-in modules that dist/feeledger.cjs requires at a module's top but uses only in
 * a few commands' functions: crypto (edit/replace.js, allocation/allocator.js; 20 of Node.js's
 * internal modules) and child_process (commander, for executable subcommands feeledger has none
 * of; net, dgram and spawn with it). In the bundle each becomes an object whose properties load the
 * module when first read: a `bal` or `reg` no longer compiles them. (Its properties are those the
 * module has in the Node.js that builds: the bundle is built and run by the same one.)
 */
const LAZY_BUILTINS = ["node:crypto", "node:child_process"];
const lazyBuiltins = {
  name: "lazy-builtins",
  setup(build) {
    const require = createRequire(import.meta.url);
    build.onResolve({ filter: /^(node:)?(crypto|child_process)$/ }, ({ path, namespace }) => {
      if (namespace === "lazy-builtin") return { path, external: true };
      const name = path.startsWith("node:") ? path : `node:${path}`;
      return LAZY_BUILTINS.includes(name) ? { path: name, namespace: "lazy-builtin" } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, ({ path }) => {
      const keys = Object.keys(require(path));
      return {
        contents: `let loaded;\nconst load = () => (loaded ??= require(${JSON.stringify(path)}));\nfor (const key of ${JSON.stringify(keys)}) Object.defineProperty(exports, key, { get: () => load()[key], enumerable: true });\n`,
        loader: "js",
      };
    });
  },
};

/**
 * Bundle with these esbuild options into their outfile, in ASCII (asciiOnly) and without comments
 * and indentation: a third less to read, and to scan for the functions the cache does not hold.
 */
async function writeAscii(esbuild, options) {
  const built = await esbuild.build({ ...options, minifyWhitespace: true, write: false });
  writeFileSync(options.outfile, asciiOnly(built.outputFiles[0].text));
}

if (process.argv[2] === "--cache") await writeCodeCache();
else if (process.argv[2] === "--cache-cli") await writeCliCodeCache();
else await bundle();
