// Parse one source text into directives, loader controls (option, include, plugin) and diagnostics.
// A directive with a syntax error is dropped and reported; parsing goes on with the next one.
import type { IToken } from "chevrotain";
import { Scanner } from "./scanner.js";
import { DirectReader } from "./direct.js";
import { JournalParser, type Parsed, type Control } from "./grammar.js";
import { postingWith, type Directive, type MetaEntry, type Transaction } from "../core/data.js";
import type { Span } from "../core/span.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";

export interface ParsedSource {
  readonly file: string;
  /** Dated directives in file order, with pushed tags and metadata applied. */
  readonly directives: Directive[];
  readonly options: { name: string; value: string; span: Span }[];
  readonly includes: { path: string; span: Span }[];
  readonly plugins: { module: string; config: string | null; span: Span }[];
  readonly diagnostics: Diagnostic[];
}

let sharedParser: JournalParser | null = null;

/** The parser is expensive to build (grammar self-analysis), so one instance serves every file. */
export function journalParser(): JournalParser {
  sharedParser ??= new JournalParser();
  return sharedParser;
}

function describeToken(token: IToken): string {
  if (token.tokenType.name === "EOF") return "end of directive";
  if (token.tokenType.name === "EOL") return "end of line";
  if (token.tokenType.name === "INDENT") return "indented line";
  return `${token.tokenType.name} '${token.image}'`;
}

export interface ParseOptions {
  /**
   * Read plain transactions straight from the text (direct.ts) and use the grammar for the rest
   * (default). Off, the grammar parses everything: the tests compare the two.
   */
  readonly direct?: boolean;
}

export function parseSource(text: string, file: string, options: ParseOptions = {}): ParsedSource {
  const parser = journalParser();
  const scanner = new Scanner(text);
  const direct = options.direct === false ? null : new DirectReader(text, file);
  const result: ParsedSource = { file, directives: [], options: [], includes: [], plugins: [], diagnostics: [] };
  const span = (start: number, end: number): Span => ({ file, start, end });
  const pushedTags: { tag: string; span: Span }[] = [];
  const pushedMeta: MetaEntry[] = [];

  for (let start = scanner.seekDirective(); start >= 0; start = scanner.seekDirective()) {
    const transaction = direct === null ? null : direct.transaction(start);
    if (transaction !== null) {
      scanner.resumeAt(direct!.next);
      result.directives.push(finishDirective(transaction, pushedTags, pushedMeta, result.diagnostics));
      continue;
    }
    const group = scanner.scanDirective();
    if (group.errors.length > 0) {
      for (const problem of group.errors) result.diagnostics.push(error("syntax", problem.message, span(problem.start, problem.end)));
      continue;
    }
    parser.file = file;
    parser.issues = [];
    parser.input = group.tokens;
    let parsed: Parsed | undefined;
    try {
      parsed = parser.directive();
    } catch (thrown) {
      // Arithmetic on absurd input may throw inside decimal.js; report it as a located error.
      result.diagnostics.push(error("syntax", `invalid directive: ${(thrown as Error).message}`, span(group.start, group.end)));
      continue;
    }
    if (parser.errors.length > 0) {
      const problem = parser.errors[0]!;
      const token = problem.token;
      const at = Number.isFinite(token.startOffset) ? token.startOffset : group.end;
      const end = Number.isFinite(token.endOffset) ? token.endOffset! + 1 : group.end;
      result.diagnostics.push(error("syntax", `syntax error, unexpected ${describeToken(token)}`, span(at, Math.max(at, end))));
      continue;
    }
    let dropped = false;
    for (const issue of parser.issues) {
      result.diagnostics.push(error("syntax", issue.message, span(issue.start, issue.end)));
      if (issue.drop) dropped = true;
    }
    if (dropped || parsed === undefined) continue;
    if (parsed.kind === "directive") {
      result.directives.push(finishDirective(parsed.directive, pushedTags, pushedMeta, result.diagnostics));
    } else {
      applyControl(parsed, result, pushedTags, pushedMeta);
    }
  }
  for (const stray of scanner.strayErrors) {
    result.diagnostics.push(error("syntax", stray.message, span(stray.start, stray.end)));
  }
  for (const open of pushedTags) {
    result.diagnostics.push(error("pushtag", `Unbalanced pushed tag: '${open.tag}'`, open.span));
  }
  for (const open of pushedMeta) {
    result.diagnostics.push(error("pushmeta", `Unbalanced metadata key '${open.key}'; leftover metadata`, open.span));
  }
  return result;
}

function applyControl(control: Control, result: ParsedSource, pushedTags: { tag: string; span: Span }[], pushedMeta: MetaEntry[]): void {
  switch (control.kind) {
    case "option": result.options.push({ name: control.name, value: control.value, span: control.span }); break;
    case "include": result.includes.push({ path: control.path, span: control.span }); break;
    case "plugin": result.plugins.push({ module: control.module, config: control.config, span: control.span }); break;
    case "pushtag": pushedTags.push({ tag: control.tag, span: control.span }); break;
    case "poptag": {
      const index = pushedTags.map((t) => t.tag).lastIndexOf(control.tag);
      if (index < 0) result.diagnostics.push(error("poptag", `Attempting to pop absent tag: '${control.tag}'`, control.span));
      else pushedTags.splice(index, 1);
      break;
    }
    case "pushmeta": pushedMeta.push(control.entry); break;
    case "popmeta": {
      const index = pushedMeta.map((m) => m.key).lastIndexOf(control.key);
      if (index < 0) result.diagnostics.push(error("popmeta", `Attempting to pop absent metadata key: '${control.key}'`, control.span));
      else pushedMeta.splice(index, 1);
      break;
    }
  }
}

/** Apply pushed tags and metadata, and report duplicate metadata keys (the first value stays). */
function finishDirective(directive: Directive, pushedTags: { tag: string }[], pushedMeta: MetaEntry[], diagnostics: Diagnostic[]): Directive {
  let meta = dedupeMeta(directive.meta, directive.span, diagnostics);
  if (directive.type !== "transaction") return meta === directive.meta ? directive : { ...directive, meta };
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
  const transaction: Transaction = { ...directive, meta, postings, tags, links };
  return transaction;
}

/** Duplicate keys are reported on the directive's line, as beancount does. */
function dedupeMeta(meta: readonly MetaEntry[], directiveSpan: Span, diagnostics: Diagnostic[]): readonly MetaEntry[] {
  if (meta.length < 2 || !hasDuplicateKey(meta)) return meta;
  const seen = new Set<string>();
  let duplicate = false;
  for (const entry of meta) {
    if (seen.has(entry.key)) {
      duplicate = true;
      diagnostics.push(error("duplicate-meta", `Duplicate metadata field '${entry.key}' (the first value is kept)`, { ...directiveSpan, end: directiveSpan.start }));
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
