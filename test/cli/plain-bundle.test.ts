// bin/feeledger runs `--version` and a plain `check` from dist/plain.cjs and dist/plain-check.cjs,
// the check compiled from V8's code cache (bin/code-cache.cjs, made by scripts/bundle.mjs during
// `npm run build`, which `npm test` runs first): the cache must be taken under bin's own flags,
// and one that is stale or broken must change nothing but the time.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { Io } from "../../src/cli/context.js";
import { root } from "../helpers/journals.js";

const bin = join(root, "bin/feeledger");
const bundle = join(root, "dist/plain-check.cjs");
const { loadCached } = createRequire(import.meta.url)("../../bin/code-cache.cjs") as {
  loadCached: (file: string, cacheFile: string) => { exports: { runPlainCheck: (io: Io, check: object) => number }; script: { cachedDataRejected?: boolean } };
};
const failing = join(root, "test/fixtures/errors/balance-assertion-failed/main.beancount");
const copies: string[] = [];
afterAll(() => { for (const folder of copies) rmSync(folder, { recursive: true, force: true }); });
const english = { ...process.env, LANG: "C", FEELEDGER_LANG: "", LC_ALL: "", LC_MESSAGES: "" };

/** bin/feeledger's V8 flags, from its `#!` line. */
function binFlags(): string[] {
  const words = readFileSync(bin, "utf8").split("\n", 1)[0]!.split(/\s+/);
  return words.slice(words.indexOf("node") + 1);
}

/** A copy of dist/plain-check.cjs in a folder of its own under dist/ (where it finds its packages), with `cache` as its code cache. */
function copyWithCache(cache: Buffer | string): { file: string; cacheFile: string } {
  const folder = mkdtempSync(join(root, "dist", "cache-test-"));
  copies.push(folder);
  const file = join(folder, "plain-check.cjs");
  copyFileSync(bundle, file);
  writeFileSync(`${file}.cache`, cache);
  return { file, cacheFile: `${file}.cache` };
}

/** `file` is ASCII (bin reads it as Latin-1) and V8 takes its cache under bin/feeledger's flags. */
function expectAsciiWithTakenCache(file: string): void {
  expect(/[^\0-\x7f]/.test(readFileSync(file, "latin1"))).toBe(false);
  const probe = `const { loadCached } = require(${JSON.stringify(join(root, "bin/code-cache.cjs"))});
    process.stdout.write(String(loadCached(${JSON.stringify(file)}, ${JSON.stringify(`${file}.cache`)}).script.cachedDataRejected));`;
  const run = spawnSync(process.execPath, [...binFlags(), "-e", probe], { encoding: "utf8" });
  expect({ stdout: run.stdout, stderr: run.stderr }).toEqual({ stdout: "false", stderr: "" });
}

/** `check FILE` through an Io that keeps what it is given. */
function checkThrough(runPlainCheck: (io: Io, check: object) => number, file: string): { status: number; stdout: string; stderr: string } {
  let stdout = "";
  let stderr = "";
  const io: Io = { stdout: (text) => { stdout += text; }, stderr: (text) => { stderr += text; }, env: {}, stdoutIsTty: false, stderrIsTty: false };
  const status = runPlainCheck(io, { fileOption: undefined, file, beancount: false, color: true });
  return { status, stdout, stderr };
}

describe("the plain check's bundle and its code cache", () => {
  it("is ASCII (bin reads it as Latin-1) and its cache is taken under bin/feeledger's flags", () => {
    expectAsciiWithTakenCache(bundle);
  });

  it("checks alike with a broken cache, a stale one, or none", () => {
    const expected = checkThrough(loadCached(bundle, "/nonexistent/cache").exports.runPlainCheck, failing);
    expect(expected.status).toBe(1);
    expect(expected.stderr).toContain("Balance failed");
    const broken = copyWithCache(Buffer.from("not a code cache at all"));
    const loaded = loadCached(broken.file, broken.cacheFile);
    expect(loaded.script.cachedDataRejected).toBe(true);
    expect(checkThrough(loaded.exports.runPlainCheck, failing)).toEqual(expected);
    const stale = copyWithCache(readFileSync(`${bundle}.cache`));
    utimesSync(stale.cacheFile, new Date(2000, 0, 1), new Date(2000, 0, 1));
    const staleLoaded = loadCached(stale.file, stale.cacheFile);
    expect(staleLoaded.script.cachedDataRejected).toBeUndefined();
    expect(checkThrough(staleLoaded.exports.runPlainCheck, failing)).toEqual(expected);
  });

  it("runs through a symbolic link from another folder, as npm link and npm i -g install it, printing what the commander path prints", () => {
    const folder = mkdtempSync(join(tmpdir(), "feeledger-link-"));
    const link = join(folder, "feeledger");
    symlinkSync(bin, link);
    const run = (args: string[]) => {
      const done = spawnSync(link, args, { cwd: folder, encoding: "utf8", env: english });
      return { status: done.status, stdout: done.stdout, stderr: done.stderr };
    };
    const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    expect(run(["--version"])).toEqual({ status: 0, stdout: `${version}\n`, stderr: "" });
    // `--lang en` is not a plain form: commander runs that one.
    for (const args of [["check", failing], ["check", join(folder, "missing.beancount")], ["check", folder]]) {
      expect(run(args), args.join(" ")).toEqual(run(["--lang", "en", ...args]));
    }
    expect(run(["check", failing]).status).toBe(1);
  });
});

describe("the whole CLI's CommonJS bundle (dist/feeledger.cjs) and its code cache", () => {
  const cli = join(root, "dist/feeledger.cjs");
  const sample = join(root, "samples/customer-fees-2026.beancount");

  it("is ASCII and its cache, warmed at build time, is taken under bin/feeledger's flags", () => {
    expectAsciiWithTakenCache(cli);
  });

  it("holds feeledger's own modules flat: none is wrapped in a lazy initialiser", () => {
    // (scripts/bundle.mjs's staticImports: the code of a module wrapped in esbuild's `__esm` ran
    // some 4% more instructions. Packages required where they are used stay wrapped.)
    const wrapped = [...readFileSync(cli, "latin1").matchAll(/__esm\(\{"([^"]+)"/g)].map((match) => match[1]!);
    expect(wrapped.filter((path) => !path.includes("node_modules/"))).toEqual([]);
  });

  it("reads node:fs and node:path as require() gives them, in both CommonJS bundles: no namespace copied at the start", () => {
    // (scripts/bundle.mjs's builtinObjects: esbuild's `__toESM` copied node:fs's hundred exports per importing module.)
    for (const file of [cli, bundle]) expect(readFileSync(file, "latin1"), file).not.toMatch(/__toESM\(require\("node:(fs|path)"\)/);
  });

  it("prints what the ES module bundle prints, with the same exit status", () => {
    // The ES modules' way in, as bin/feeledger took it before dist/feeledger.cjs.
    const modules = `const { start } = await import(${JSON.stringify(pathToFileURL(join(root, "dist/feeledger.mjs")).href)});
      process.exitCode = await start(process.argv);`;
    const lines = [
      ["bal", sample], ["--lang", "zh", "report", "trial", sample], ["reg", sample, "Assets"], ["print", sample],
      ["is", "--help"], ["nosuch"], ["bal", "--nosuch", sample], ["bal", join(root, "missing.beancount")], ["check", failing], ["bal", failing],
    ];
    for (const args of lines) {
      const through = (command: string[]) => {
        const done = spawnSync(process.execPath, command, { cwd: root, encoding: "utf8", env: english });
        return { status: done.status, stdout: done.stdout, stderr: done.stderr };
      };
      expect(through([bin, ...args]), args.join(" ")).toEqual(through(["--input-type=module", "-e", modules, "feeledger", ...args]));
    }
  });

  it("loads Node.js's crypto and child_process only when they are used: a reading command does without", () => {
    // (scripts/bundle.mjs's lazyBuiltins: commander requires child_process, edit/replace.js crypto.)
    const folder = mkdtempSync(join(tmpdir(), "feeledger-builtins-"));
    copies.push(folder);
    const probe = join(folder, "probe.cjs");
    writeFileSync(probe, 'process.on("exit", () => require("node:fs").writeSync(2, `\\nLOADED ${process.moduleLoadList.join(" ")}\\n`));\n');
    const loaded = (args: string[]) => {
      const done = spawnSync(process.execPath, ["--require", probe, bin, ...args], { cwd: root, encoding: "utf8", env: english });
      return done.stderr.slice(done.stderr.lastIndexOf("LOADED "));
    };
    for (const args of [["bal", sample], ["reg", sample, "Assets"], ["report", "ledger", sample], ["print", sample]]) {
      const modules = loaded(args);
      expect(modules, args.join(" ")).toContain("NativeModule fs");
      expect(modules, args.join(" ")).not.toMatch(/NativeModule (crypto|child_process)\b/);
    }
  });

  it("holds cli-table3's utilities and string-width: a table is drawn without requiring them from node_modules", () => {
    // (scripts/bundle.mjs's bundledRequires; `reg` of the sample measures text outside the simple CJK ranges.)
    const folder = mkdtempSync(join(tmpdir(), "feeledger-requires-"));
    copies.push(folder);
    const probe = join(folder, "probe.cjs");
    writeFileSync(probe, [
      'const Module = require("node:module"); const { writeSync } = require("node:fs"); const asked = [];',
      "const original = Module.prototype.require;",
      "Module.prototype.require = function (id) { asked.push(id); return original.apply(this, arguments); };",
      'process.on("exit", () => writeSync(2, `\\nREQUIRED ${asked.join(" ")}\\n`));',
    ].join("\n"));
    for (const args of [["reg", sample], ["bal", sample], ["report", "vouchers", sample]]) {
      const done = spawnSync(process.execPath, ["--require", probe, bin, ...args], { cwd: root, encoding: "utf8", env: english });
      const required = done.stderr.slice(done.stderr.lastIndexOf("REQUIRED "));
      expect(done.status, args.join(" ")).toBe(0);
      expect(required, args.join(" ")).toContain("code-cache.cjs");
      expect(required, args.join(" ")).not.toMatch(/cli-table3|string-width/);
    }
  });
});
