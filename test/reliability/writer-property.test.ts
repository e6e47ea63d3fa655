// Issue #11, stated as a property of every writer: generated journals (LF or CRLF, a BOM or not,
// comments in GBK, lone and truncated bytes, tabs, no final newline, claims and amortization
// schedules in included files, an include through a symlink or with a second hard link) and random
// runs of approve / reject / post / amortize through the real CLI, some with a simulated failure.
// After each command, for every file of the journal:
//   - every byte outside the regions the command may touch is unchanged and in order, where a
//     region is the lines of an entry the command names (a claim; every schedule for amortize) and,
//     for amortize, the end of the file that receives the installments;
//   - a command that failed or was refused changed nothing (each file is all old, or all new);
//   - no temporary file is left, a symlink stays a symlink and a hard link stays shared.
// A new writer needs only a Command variant and its regions in `regionsOf`.
import fc from "fast-check";
import { linkSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { bytes, cli, removeScratch, scratch, temporaries } from "./write-helpers.js";

afterAll(removeScratch);
const pieceBytes = process.env.FEELEDGER_PIECE_BYTES;
afterEach(() => {
  if (pieceBytes === undefined) delete process.env.FEELEDGER_PIECE_BYTES;
  else process.env.FEELEDGER_PIECE_BYTES = pieceBytes;
});

// ---- Journals ----

const NOISE = {
  gbk: [0xd6, 0xd0, 0xce, 0xc4],
  lone: [0xff],
  truncated: [0xe4, 0xb8],
  han: "备注",
  tab: "\t",
  ascii: "note",
} as const;
type Noise = keyof typeof NOISE;

/** A comment line, a blank line, or a comment ending the file without a newline. */
interface Filler { readonly kind: "comment" | "blank"; readonly noise: readonly Noise[] }

interface ClaimSpec { readonly status: "submitted" | "approved"; readonly indent: string; readonly trailingComment: boolean }
interface ScheduleSpec { readonly months: number; readonly named: boolean; readonly indent: string }

interface JournalSpec {
  readonly eol: "\n" | "\r\n";
  readonly bom: boolean;
  readonly finalNewline: boolean;
  /** Claims in the main file and in claims.beancount. */
  readonly mainClaims: readonly ClaimSpec[];
  readonly includedClaims: readonly ClaimSpec[];
  readonly schedules: readonly ScheduleSpec[];
  readonly fillers: readonly Filler[];
  /** How claims.beancount is reached. */
  readonly link: "plain" | "symlink" | "hardlink";
}

const noiseArb = fc.array(fc.constantFrom(...(Object.keys(NOISE) as Noise[])), { minLength: 1, maxLength: 4 });
const fillerArb: fc.Arbitrary<Filler> = fc.record({ kind: fc.constantFrom("comment" as const, "comment" as const, "blank" as const), noise: noiseArb });
const claimArb: fc.Arbitrary<ClaimSpec> = fc.record({
  status: fc.constantFrom("submitted" as const, "approved" as const),
  indent: fc.constantFrom("  ", "    ", "\t"),
  trailingComment: fc.boolean(),
});
const scheduleArb: fc.Arbitrary<ScheduleSpec> = fc.record({ months: fc.integer({ min: 2, max: 6 }), named: fc.boolean(), indent: fc.constantFrom("  ", "\t") });
const journalArb: fc.Arbitrary<JournalSpec> = fc.record({
  eol: fc.constantFrom("\n" as const, "\r\n" as const),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
  mainClaims: fc.array(claimArb, { maxLength: 2 }),
  includedClaims: fc.array(claimArb, { minLength: 1, maxLength: 3 }),
  schedules: fc.array(scheduleArb, { maxLength: 2 }),
  fillers: fc.array(fillerArb, { minLength: 6, maxLength: 6 }),
  link: fc.constantFrom("plain" as const, "symlink" as const, "hardlink" as const),
});

const FILES = ["main.beancount", "claims.beancount", "schedules.beancount"] as const;

function filler(spec: Filler, eol: string): Buffer {
  if (spec.kind === "blank") return bytes(eol);
  return bytes("; ", ...spec.noise.map((noise) => NOISE[noise]), eol);
}

function claimText(id: string, spec: ClaimSpec, eol: string): string {
  const i = spec.indent;
  return [
    `2026-03-05 ! "王伟" "visit ${id}"`,
    `${i}claim: "${id}"`,
    `${i}claimant: "王伟"`,
    `${i}status: "${spec.status}"${spec.trailingComment ? " ; 状态" : ""}`,
    ...(spec.status === "approved" ? [`${i}approved-by: "赵敏"`, `${i}approved-on: 2026-03-06`] : []),
    `${i}Expenses:Fees  10.00 CNY`,
    `${i}Liabilities:Payable`,
    "",
  ].join(eol);
}

function scheduleText(index: number, spec: ScheduleSpec, eol: string): string {
  const i = spec.indent;
  return [
    `2026-01-05 * "Zoho" "sched S${index}"`,
    `${i}Assets:Prepaid  ${spec.months}00.00 CNY`,
    `${i}${i}amortize: Expenses:CRM`,
    `${i}${i}months: ${spec.months}`,
    ...(spec.named ? [`${i}${i}schedule-id: "S${index}"`] : []),
    `${i}Liabilities:Payable`,
    "",
  ].join(eol);
}

/** The files' bytes; the last entry of a file without a final newline ends in a noisy comment without one. */
function journalFiles(spec: JournalSpec): Record<(typeof FILES)[number], Buffer> {
  const { eol } = spec;
  let claimNumber = 0;
  const claims = (list: readonly ClaimSpec[]) => list.map((claim) => bytes(claimText(`EC-${++claimNumber}`, claim, eol), eol));
  const ending = (noise: Filler) => (spec.finalNewline ? filler(noise, eol) : bytes("; ", ...noise.noise.map((n) => NOISE[n])));
  const f = spec.fillers;
  const main = bytes(
    spec.bom ? "\ufeff" : "",
    `option "operating_currency" "CNY"${eol}`,
    filler(f[0]!, eol),
    ["Expenses:Fees", "Liabilities:Payable", "Assets:Prepaid", "Expenses:CRM"].map((account) => `2026-01-01 open ${account}${eol}`).join(""),
    `include "claims.beancount"${eol}include "schedules.beancount"${eol}${eol}`,
    ...claims(spec.mainClaims),
    ending(f[1]!),
  );
  const included = bytes(filler(f[2]!, eol), ...claims(spec.includedClaims), filler(f[3]!, eol), ending(f[4]!));
  const schedules = bytes(filler(f[5]!, eol), ...spec.schedules.map((schedule, index) => bytes(scheduleText(index + 1, schedule, eol), eol)));
  return { "main.beancount": main, "claims.beancount": included, "schedules.beancount": schedules };
}

/** Write the journal into a fresh folder (claims.beancount plain, as a symlink, or hard-linked); returns the folder. */
function writeJournal(spec: JournalSpec): string {
  const dir = scratch();
  const contents = journalFiles(spec);
  for (const name of ["main.beancount", "schedules.beancount"] as const) writeFileSync(join(dir, name), contents[name]);
  mkdirSync(join(dir, "elsewhere"));
  if (spec.link === "symlink") {
    writeFileSync(join(dir, "elsewhere/claims-real.beancount"), contents["claims.beancount"]);
    symlinkSync("elsewhere/claims-real.beancount", join(dir, "claims.beancount"));
  } else {
    writeFileSync(join(dir, "claims.beancount"), contents["claims.beancount"]);
    if (spec.link === "hardlink") linkSync(join(dir, "claims.beancount"), join(dir, "elsewhere/claims-copy.beancount"));
  }
  return dir;
}

// ---- Commands ----

type Command =
  | { readonly kind: "approve" | "reject" | "post"; readonly claim: number }
  | { readonly kind: "post-all" }
  | { readonly kind: "amortize"; readonly through: number; readonly output: null | "main.beancount" | "claims.beancount" };

/** A simulated failure: a full disk after so many bytes, or a failing rename after so many. */
type Fault = { readonly bytes: number } | { readonly renames: number } | null;

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constantFrom("approve" as const, "reject" as const, "post" as const), claim: fc.integer({ min: 1, max: 4 }) }),
  fc.constant({ kind: "post-all" as const }),
  fc.record({ kind: fc.constant("amortize" as const), through: fc.integer({ min: 1, max: 8 }), output: fc.constantFrom(null, null, "main.beancount" as const, "claims.beancount" as const) }),
);
const faultArb: fc.Arbitrary<Fault> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 3 },
  { arbitrary: fc.record({ bytes: fc.integer({ min: 0, max: 3000 }) }), weight: 2 },
  { arbitrary: fc.record({ renames: fc.integer({ min: 0, max: 2 }) }), weight: 1 },
);

function argumentsOf(command: Command, main: string): string[] {
  switch (command.kind) {
    case "approve": return ["approve", main, `EC-${command.claim}`, "--by", "赵敏", "--on", "2026-03-06"];
    case "reject": return ["reject", main, `EC-${command.claim}`, "--by", "孙强", "--reason", "无发票", "--on", "2026-03-07"];
    case "post": return ["post", main, `EC-${command.claim}`, "--on", "2026-03-08"];
    case "post-all": return ["post", main, "--all", "--on", "2026-03-08"];
    case "amortize": return ["amortize", main, "--through", `2026-${String(command.through).padStart(2, "0")}`, ...(command.output === null ? [] : ["--output", join(dirname(main), command.output)])];
  }
}

// ---- The invariant ----

/** Where in a file a command may change bytes: whole-line byte ranges, and whether it may append. */
interface Regions { readonly ranges: readonly { start: number; end: number }[]; readonly append: boolean }

/** The lines of the entry whose header holds `marker`: to the first line that is not indented. */
function entryLines(content: Buffer, marker: string): { start: number; end: number } | null {
  const at = content.indexOf(Buffer.from(marker, "utf8"));
  if (at < 0) return null;
  const start = content.lastIndexOf(0x0a, at) + 1;
  let end = content.indexOf(0x0a, at) + 1;
  while (end > 0 && end < content.length && (content[end] === 0x20 || content[end] === 0x09)) end = content.indexOf(0x0a, end) + 1;
  return { start, end: end === 0 ? content.length : end };
}

function regionsOf(command: Command, file: string, content: Buffer): Regions {
  const ranges: { start: number; end: number }[] = [];
  const add = (range: { start: number; end: number } | null) => { if (range !== null) ranges.push(range); };
  switch (command.kind) {
    case "approve": case "reject": case "post":
      add(entryLines(content, `"visit EC-${command.claim}"`));
      return { ranges, append: false };
    case "post-all":
      for (let claim = 1; claim <= 5; claim++) add(entryLines(content, `"visit EC-${claim}"`));
      return { ranges, append: false };
    case "amortize":
      for (let schedule = 1; schedule <= 2; schedule++) add(entryLines(content, `"sched S${schedule}"`));
      return { ranges, append: command.output === null ? file === "schedules.beancount" : file === command.output };
  }
}

/**
 * Whether `after` is `before` with only the regions changed: the bytes between regions appear
 * unchanged and in order (leftmost matching is exact for a pattern of fixed pieces and gaps), the
 * first piece at the start, the last at the end unless the command may append.
 */
function changedOnlyIn(before: Buffer, after: Buffer, regions: Regions): boolean {
  const sorted = [...regions.ranges].sort((a, b) => a.start - b.start);
  const pieces: Buffer[] = [];
  let position = 0;
  for (const range of sorted) {
    pieces.push(before.subarray(position, Math.max(position, range.start)));
    position = Math.max(position, range.end);
  }
  pieces.push(before.subarray(position));
  if (pieces.length === 1 && !regions.append) return after.equals(before);
  if (!after.subarray(0, pieces[0]!.length).equals(pieces[0]!)) return false;
  let cursor = pieces[0]!.length;
  for (let index = 1; index < pieces.length - 1; index++) {
    const found = after.indexOf(pieces[index]!, cursor);
    if (found < 0) return false;
    cursor = found + pieces[index]!.length;
  }
  const last = pieces[pieces.length - 1]!;
  if (pieces.length === 1) return true; // the whole file is one piece, already matched at the start
  if (regions.append) return after.indexOf(last, cursor) >= 0;
  return after.length - last.length >= cursor && after.subarray(after.length - last.length).equals(last);
}

function snapshot(dir: string): Map<string, Buffer> {
  return new Map(FILES.map((name) => [name, readFileSync(join(dir, name))]));
}

function expectSoundFolder(dir: string, spec: JournalSpec): void {
  expect([...temporaries(dir), ...temporaries(join(dir, "elsewhere"))]).toEqual([]);
  if (spec.link === "symlink") expect(lstatSync(join(dir, "claims.beancount")).isSymbolicLink()).toBe(true);
  if (spec.link === "hardlink") expect(readFileSync(join(dir, "elsewhere/claims-copy.beancount"))).toEqual(readFileSync(join(dir, "claims.beancount")));
}

describe("every writer, on generated journals", () => {
  it("changes only the lines of what it was asked to change, and a failed or refused command changes nothing", () => {
    let written = 0;
    fc.assert(fc.property(journalArb, fc.array(fc.tuple(commandArb, faultArb), { minLength: 1, maxLength: 5 }), fc.constantFrom("64", "200", "49152"), (spec, steps, pieces) => {
      process.env.FEELEDGER_PIECE_BYTES = pieces;
      const dir = writeJournal(spec);
      const main = join(dir, "main.beancount");
      const check = cli(["check", main]);
      expect(check.code, check.stderr).toBe(0);
      for (const [command, fault] of steps) {
        const before = snapshot(dir);
        const env: Record<string, string> = fault === null ? {} : "bytes" in fault ? { FEELEDGER_FAIL_WRITE_AFTER_BYTES: String(fault.bytes) } : { FEELEDGER_FAIL_RENAME_AFTER: String(fault.renames) };
        let run = cli(argumentsOf(command, main), env);
        expect([0, 1], run.stderr).toContain(run.code);
        expect(run.stderr).not.toContain("internal error");
        if (run.code !== 0) {
          // Refused, or failed part way: every file all old.
          expect(snapshot(dir)).toEqual(before);
          expectSoundFolder(dir, spec);
          if (fault === null) continue;
          run = cli(argumentsOf(command, main));
          if (run.code !== 0) {
            expect(snapshot(dir)).toEqual(before);
            continue;
          }
        }
        const after = snapshot(dir);
        for (const name of FILES) {
          const regions = regionsOf(command, name, before.get(name)!);
          expect(changedOnlyIn(before.get(name)!, after.get(name)!, regions), `${argumentsOf(command, main).join(" ")}: ${name} changed outside its regions`).toBe(true);
          if (!after.get(name)!.equals(before.get(name)!)) written++;
        }
        expectSoundFolder(dir, spec);
      }
      const again = cli(["check", main]);
      expect(again.code, again.stderr).toBe(0);
    }), { numRuns: 60, seed: 2026 });
    // The property is about writes: make sure the runs made plenty.
    expect(written).toBeGreaterThan(40);
  });

  it("its region check catches a byte changed outside the regions, and accepts an append", () => {
    const before = Buffer.from('a\n2026 "visit EC-1"\n  x\nb\n');
    const regions = regionsOf({ kind: "approve", claim: 1 }, "main.beancount", before);
    expect(changedOnlyIn(before, Buffer.from('a\n2026 "visit EC-1"\n  x\n  y\nb\n'), regions)).toBe(true);
    expect(changedOnlyIn(before, Buffer.from('A\n2026 "visit EC-1"\n  x\nb\n'), regions)).toBe(false);
    expect(changedOnlyIn(before, Buffer.from('a\n2026 "visit EC-1"\n  x\nb\r\n'), regions)).toBe(false);
    expect(changedOnlyIn(before, Buffer.from('a\n2026 "visit EC-1"\n  x\nb\nmore\n'), regions)).toBe(false);
    expect(changedOnlyIn(before, Buffer.from('a\n2026 "visit EC-1"\n  x\nb\nmore\n'), { ...regions, append: true })).toBe(true);
    expect(changedOnlyIn(before, Buffer.from("a\n"), { ranges: [], append: false })).toBe(false);
  });
});
