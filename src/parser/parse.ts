// Parse one source text into directives, loader controls (option, include, plugin) and diagnostics.
// A directive with a syntax error is dropped and reported; parsing goes on with the next one.
import type { IToken } from "chevrotain";
import { PIPE_DEPRECATED, Scanner } from "./scanner.js";
import { DirectReader } from "./direct.js";
import { JournalParser, type Parsed, type Control } from "./grammar.js";
import { postingWith, type Directive, type MetaEntry } from "../core/data.js";
import { PlainTransaction, transactionWith } from "../core/plain-transaction.js";
import type { Span } from "../core/span.js";
import { error, warning, type Diagnostic } from "../diagnostics/diagnostic.js";
import { message } from "../i18n/message.js";
import type { MessageParams } from "../i18n/en.js";
import { INVALID_UTF8_LINES_SHOWN, invalidUtf8Diagnostic, invalidUtf8Lines, moreInvalidUtf8Diagnostic } from "./encoding.js";

export interface ParsedSource {
  readonly file: string;
  /** Dated directives in file order, with pushed tags and metadata applied. */
  readonly directives: Directive[];
  /** The line each directive starts on (1-based). */
  readonly lines: number[];
  readonly options: { name: string; value: string; span: Span }[];
  readonly includes: { path: string; span: Span }[];
  readonly plugins: { module: string; config: string | null; span: Span }[];
  readonly diagnostics: Diagnostic[];
  /** Every metadata key written in the file (of directives, postings and pushmeta). */
  readonly metaKeys: Set<string>;
}

let sharedParser: JournalParser | null = null;

/** The parser is expensive to build (grammar self-analysis), so one instance serves every file. */
export function journalParser(): JournalParser {
  sharedParser ??= new JournalParser();
  return sharedParser;
}

function describeToken(token: IToken): MessageParams<"syntax-unexpected"> {
  const name = token.tokenType.name;
  const kind = name === "EOF" ? "end-of-directive" : name === "EOL" ? "end-of-line" : name === "INDENT" ? "indented-line" : "token";
  return { kind, name, image: token.image };
}

export interface ParseOptions {
  /**
   * Read plain transactions straight from the text (direct.ts) and use the grammar for the rest
   * (default). Off, the grammar parses everything: the tests compare the two.
   */
  readonly direct?: boolean;
  /**
   * Where the text has U+FFFD for bytes that were not UTF-8 (offsets into the whole text, taken
   * as the pieces are read: source/files.ts finds them as it decodes). Each such line is reported.
   */
  readonly invalidUtf8?: { takeBefore(end: number): readonly number[] };
  /**
   * A holder for the direct reader, shared by the files of one journal (the loader's): the reader
   * left there by the last file reads this one, keeping the names it knows (one string per account,
   * key and date for all the files). Results are the same with or without.
   */
  readonly shared?: { reader: DirectReader | null };
}

/**
 * Parse a file's text, given whole or in pieces cut at line ends (a large file is read and decoded
 * a few megabytes at a time: see source/files.ts). Offsets in spans are offsets into the whole
 * text either way. A directive that reaches the end of a piece may go on in the next one: it is
 * read again from its start with the next piece appended.
 */
export function parseSource(text: string | Iterable<string>, file: string, options: ParseOptions = {}): ParsedSource {
  const pieces = (typeof text === "string" ? [text] : text)[Symbol.iterator]();
  const reader = new SourceParser(file, options);
  let carried = "";
  let next = pieces.next();
  for (let first = true; !next.done; first = false) {
    const piece = carried + next.value;
    next = pieces.next();
    carried = piece.slice(reader.piece(piece, first, next.done === true));
  }
  return reader.finish();
}

/** Newlines in text[from, to). */
function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  // (Usually the blank line or two between two directives: read in place, where indexOf would be
  // called twice, the second time running on to the next newline past `to`.)
  if (to - from <= 64) {
    for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) count++;
    return count;
  }
  for (let i = text.indexOf("\n", from); i >= 0 && i < to; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

/** The parse of one file, fed its text piece by piece. */
class SourceParser {
  #parser: JournalParser | null = null;
  /** The grammar, built when a directive first needs it (a journal of what the direct reader reads never does). */
  private get parser(): JournalParser {
    return (this.#parser ??= journalParser());
  }
  private direct: DirectReader | null = null;
  private readonly result: ParsedSource;
  /** Stray lines are reported after everything else of the file, as the scanner finds them. */
  private readonly strays: Diagnostic[] = [];
  private readonly pushedTags: { tag: string; span: Span }[] = [];
  private readonly pushedMeta: MetaEntry[] = [];
  /** Offset in the file of the piece being read. */
  private base = 0;
  /** The line of offset `counted` in the piece being read. */
  private line = 1;
  private counted = 0;
  /** Lines with bytes that are not UTF-8 found so far, and of those not shown, whether the journal uses any and the first. */
  private invalidUtf8Lines = 0;
  private invalidUtf8Unshown: { used: boolean; span: Span } | null = null;

  constructor(private readonly file: string, private readonly options: ParseOptions) {
    this.result = { file, directives: [], lines: [], options: [], includes: [], plugins: [], diagnostics: [], metaKeys: new Set() };
  }

  /**
   * Parse the directives of the next piece of the text (which starts where the last piece's read
   * part ended). Returns how much of the piece was read: unless it is the `last`, the directive
   * (or run of stray lines) that reaches its end is left for the next piece.
   */
  piece(text: string, atFileStart: boolean, last: boolean): number {
    this.counted = 0;
    const done = this.read(text, atFileStart, last);
    this.lineAt(text, done);
    const invalid = this.options.invalidUtf8?.takeBefore(this.base + done);
    if (invalid !== undefined && invalid.length > 0) this.placeInvalidUtf8(text, invalid);
    this.base += done;
    return done;
  }

  /** Report the lines of the read part of `text` that hold the characters at `offsets` (into the whole text). */
  private placeInvalidUtf8(text: string, offsets: readonly number[]): void {
    const { base, file } = this;
    for (const line of invalidUtf8Lines(text, offsets.map((offset) => offset - base))) {
      const span = { file, start: base + line.offset, end: base + line.offset + 1 };
      if (this.invalidUtf8Lines++ < INVALID_UTF8_LINES_SHOWN) this.result.diagnostics.push(invalidUtf8Diagnostic(line, span));
      else if (this.invalidUtf8Unshown === null) this.invalidUtf8Unshown = { used: line.used, span };
      else if (line.used) this.invalidUtf8Unshown.used = true;
    }
  }

  /** The line of `offset` in `text` (counted on from the last offset asked for; line numbers order same-day entries). */
  private lineAt(text: string, offset: number): number {
    this.line += countNewlines(text, this.counted, offset);
    this.counted = offset;
    return this.line;
  }

  private read(text: string, atFileStart: boolean, last: boolean): number {
    const { file, result, pushedTags, pushedMeta, base } = this;
    let direct = this.direct;
    if (this.options.direct !== false) {
      if (direct === null) {
        const shared = this.options.shared;
        direct = shared?.reader ?? null;
        if (direct === null) direct = new DirectReader(text, file);
        else direct.startFile(text, file);
        this.direct = direct;
        if (shared !== undefined) shared.reader = direct;
      } else direct.continueWith(text, base);
    }
    const scanner = new Scanner(text, atFileStart);
    const span = (start: number, end: number): Span => ({ file, start: base + start, end: base + end });
    const add = (directive: Directive, start: number, distinct = false): void => {
      result.directives.push(finishDirective(directive, pushedTags, pushedMeta, result.diagnostics, distinct));
      result.lines.push(this.lineAt(text, start));
    };
    const takeStrays = (): void => {
      for (const stray of scanner.strayErrors) this.strays.push(error(stray.code ?? "syntax", stray.translatable ?? stray.message, span(stray.start, stray.end)));
    };
    for (let start = scanner.seekDirective(); start >= 0; start = scanner.seekDirective()) {
      const read = direct === null ? null : direct.transaction(start) ?? direct.entry(start) ?? direct.option(start) ?? direct.include(start) ?? direct.plugin(start);
      if (read !== null) {
        if (!last && direct!.next >= text.length) {
          takeStrays();
          return start;
        }
        scanner.resumeAt(direct!.next);
        direct!.accept();
        if ("kind" in read) {
          this.lineAt(text, start);
          applyControl(read, result, pushedTags, pushedMeta);
        } else {
          add(read, start, direct!.distinctLabels);
        }
        // Its lines are counted already: the next directive's line is counted on from its end.
        this.line += direct!.lines;
        this.counted = direct!.next;
        continue;
      }
      const group = scanner.scanDirective();
      if (!last && scanner.reachedEnd) {
        takeStrays();
        return start;
      }
      if (group.errors.length > 0) {
        // A pipe between payee and narration is reported, and the directive kept (as beancount does).
        let fatal = false;
        for (const problem of group.errors) {
          const pipe = problem.message === PIPE_DEPRECATED;
          fatal ||= !pipe;
          result.diagnostics.push(error(pipe ? "pipe-deprecated" : problem.code ?? "syntax", problem.translatable ?? problem.message, span(problem.start, problem.end)));
        }
        if (fatal) continue;
      }
      const parser = this.parser;
      parser.file = file;
      parser.base = base;
      parser.issues = [];
      parser.input = group.tokens;
      let parsed: Parsed | undefined;
      try {
        parsed = parser.directive();
      } catch (thrown) {
        // Arithmetic on absurd input may throw inside decimal.js; report it as a located error.
        result.diagnostics.push(error("syntax", message("syntax-invalid-directive", { why: (thrown as Error).message }), span(group.start, group.end)));
        continue;
      }
      if (parser.errors.length > 0) {
        const problem = parser.errors[0]!;
        const token = problem.token;
        const at = Number.isFinite(token.startOffset) ? token.startOffset : group.end;
        const end = Number.isFinite(token.endOffset) ? token.endOffset! + 1 : group.end;
        result.diagnostics.push(error("syntax", message("syntax-unexpected", describeToken(token)), span(at, Math.max(at, end))));
        continue;
      }
      let dropped = false;
      for (const issue of parser.issues) {
        const where = span(issue.start, issue.end);
        result.diagnostics.push(issue.warning === undefined ? error("syntax", issue.message, where) : warning(issue.warning, issue.message, where));
        if (issue.drop) dropped = true;
      }
      if (dropped || parsed === undefined) continue;
      if (parsed.kind === "directive") {
        noteKeys(parsed.directive, result.metaKeys);
        add(parsed.directive, start);
      } else {
        if (parsed.kind === "pushmeta") result.metaKeys.add(parsed.entry.key);
        applyControl(parsed, result, pushedTags, pushedMeta);
      }
    }
    // A run of stray indented lines that reaches the end of the piece may go on in the next one.
    const lastStray = scanner.strayErrors[scanner.strayErrors.length - 1];
    if (!last && lastStray !== undefined && scanner.lastStrayRunEnd >= text.length - 1) {
      scanner.strayErrors.pop();
      takeStrays();
      return lastStray.start;
    }
    takeStrays();
    return text.length;
  }

  /** The result, once every piece has been read. */
  finish(): ParsedSource {
    const result = this.result;
    for (const key of this.direct?.metaKeys ?? []) result.metaKeys.add(key);
    const unshown = this.invalidUtf8Unshown;
    if (unshown !== null) result.diagnostics.push(moreInvalidUtf8Diagnostic(this.invalidUtf8Lines - INVALID_UTF8_LINES_SHOWN, unshown.used, unshown.span));
    for (const stray of this.strays) result.diagnostics.push(stray);
    for (const open of this.pushedTags) {
      result.diagnostics.push(error("pushtag", message("pushtag-unbalanced", { tag: open.tag }), open.span));
    }
    for (const open of this.pushedMeta) {
      result.diagnostics.push(error("pushmeta", message("pushmeta-unbalanced", { key: open.key }), open.span));
    }
    return result;
  }
}

/** Add the metadata keys of a directive the grammar read (the direct reader keeps its own list). */
function noteKeys(directive: Directive, keys: Set<string>): void {
  for (const entry of directive.meta) keys.add(entry.key);
  if (directive.type !== "transaction") return;
  for (const posting of directive.postings) for (const entry of posting.meta) keys.add(entry.key);
}

function applyControl(control: Control, result: ParsedSource, pushedTags: { tag: string; span: Span }[], pushedMeta: MetaEntry[]): void {
  switch (control.kind) {
    case "option": result.options.push({ name: control.name, value: control.value, span: control.span }); break;
    case "include": result.includes.push({ path: control.path, span: control.span }); break;
    case "plugin": result.plugins.push({ module: control.module, config: control.config, span: control.span }); break;
    case "pushtag": pushedTags.push({ tag: control.tag, span: control.span }); break;
    case "poptag": {
      const index = pushedTags.map((t) => t.tag).lastIndexOf(control.tag);
      if (index < 0) result.diagnostics.push(error("poptag", message("poptag-absent", { tag: control.tag }), control.span));
      else pushedTags.splice(index, 1);
      break;
    }
    case "pushmeta": pushedMeta.push(control.entry); break;
    case "popmeta": {
      const index = pushedMeta.map((m) => m.key).lastIndexOf(control.key);
      if (index < 0) result.diagnostics.push(error("popmeta", message("popmeta-absent", { key: control.key }), control.span));
      else pushedMeta.splice(index, 1);
      break;
    }
  }
}

/** Apply pushed tags and metadata, and report duplicate metadata keys (the first value stays). */
function finishDirective(directive: Directive, pushedTags: { tag: string }[], pushedMeta: MetaEntry[], diagnostics: Diagnostic[], distinct: boolean): Directive {
  if (directive.type !== "transaction") {
    const meta = dedupeMeta(directive.meta, directive.span, diagnostics);
    return meta === directive.meta ? directive : { ...directive, meta };
  }
  // The common case, decided without making a compact transaction's objects (`distinct`: the direct
  // reader saw no key twice in one scope and at most one tag and one link).
  if (directive instanceof PlainTransaction && pushedMeta.length === 0 && pushedTags.length === 0
    && (distinct || (!directive.hasDuplicateKeys() && !directive.hasRepeatedLabels()))) {
    return directive;
  }
  let meta = dedupeMeta(directive.meta, directive.span, diagnostics);
  if (pushedMeta.length > 0) {
    const present = new Set(meta.map((m) => m.key));
    const extra = pushedMeta.filter((m) => !present.has(m.key));
    if (extra.length > 0) meta = [...meta, ...extra];
  }
  let postings = directive.postings;
  for (const posting of postings) {
    if (posting.meta.length < 2) continue;
    postings = postings.map((p) => {
      const deduped = dedupeMeta(p.meta, directive.span, diagnostics);
      return deduped === p.meta ? p : postingWith(p, { meta: deduped });
    });
    break;
  }
  let tags = directive.tags;
  if (pushedTags.length > 0 || hasDuplicates(tags)) tags = unique([...tags, ...pushedTags.map((t) => t.tag)]);
  const links = hasDuplicates(directive.links) ? unique(directive.links) : directive.links;
  if (meta === directive.meta && postings === directive.postings && tags === directive.tags && links === directive.links) return directive;
  return transactionWith(directive, { meta, postings, tags, links });
}

/** Duplicate keys are reported on the directive's line, as beancount does. */
function dedupeMeta(meta: readonly MetaEntry[], directiveSpan: Span, diagnostics: Diagnostic[]): readonly MetaEntry[] {
  if (meta.length < 2 || !hasDuplicateKey(meta)) return meta;
  const seen = new Set<string>();
  let duplicate = false;
  for (const entry of meta) {
    if (seen.has(entry.key)) {
      duplicate = true;
      diagnostics.push(error("duplicate-meta", message("duplicate-meta", { key: entry.key }), { ...directiveSpan, end: directiveSpan.start }));
    }
    seen.add(entry.key);
  }
  if (!duplicate) return meta;
  const kept = new Set<string>();
  return meta.filter((entry) => (kept.has(entry.key) ? false : (kept.add(entry.key), true)));
}

/** Whether two entries share a key (a pairwise scan: a directive has a handful of entries). */
function hasDuplicateKey(meta: readonly MetaEntry[]): boolean {
  for (let index = 1; index < meta.length; index++) {
    const key = meta[index]!.key;
    for (let earlier = 0; earlier < index; earlier++) if (meta[earlier]!.key === key) return true;
  }
  return false;
}

function hasDuplicates(values: readonly string[]): boolean {
  return values.length > 1 && new Set(values).size !== values.length;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
