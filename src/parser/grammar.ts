// The journal grammar as a chevrotain parser with embedded actions: one call parses one directive
// (the scanner hands them out one at a time) and builds the data model directly, without a CST.
// Rule names match grammar/beancount.ebnf; a test keeps the two in step.
import type { EmbeddedActionsParser, IToken } from "chevrotain";
import { chevrotain } from "./chevrotain.js";
import { tokenTypes, type Tokens } from "./tokens.js";
import { PRECISION, parseNumberLiteral, type ScaledNumber } from "../core/number.js";
import { message as msg, type Message } from "../i18n/message.js";
import { amountOf } from "../core/amount.js";
import { add, divide, multiply, negate, subtract } from "../core/scaled.js";
import type {
  Amount, CostSpec, Directive, IncompleteAmount, MetaEntry, MetaValue, Posting, BookingMethod,
} from "../core/data.js";
import { BOOKING_METHODS, makePosting, metaEntry, postingWith } from "../core/data.js";
import { makeTransaction } from "../core/plain-transaction.js";
import type { Span } from "../core/span.js";

/** A number expression's value and the digits after its point (as Python's Decimal would carry). */
type Num = ScaledNumber;

/** Undated directives that the loader interprets. */
export type Control =
  | { kind: "option"; name: string; value: string; span: Span }
  | { kind: "include"; path: string; span: Span }
  | { kind: "plugin"; module: string; config: string | null; span: Span }
  | { kind: "pushtag" | "poptag"; tag: string; span: Span }
  | { kind: "pushmeta"; entry: MetaEntry; span: Span }
  | { kind: "popmeta"; key: string; span: Span };

export type Parsed = { kind: "directive"; directive: Directive } | Control;

/** A semantic problem inside a directive that parsed: reported, and the directive kept or dropped. */
/** A problem an action finds: an error (code "syntax") unless `warning` gives its code. */
export interface SemanticIssue { message: Message; start: number; end: number; drop: boolean; warning?: string }

type CostComponent =
  | { kind: "amount"; perUnit: Num | null; total: Num | null; currency: string | null; hash: boolean }
  | { kind: "date"; value: string }
  | { kind: "label"; value: string }
  | { kind: "merge" };

function stringValue(token: IToken): string { return token.payload as string; }


/** The token types, set as the first parser is built (chevrotain and they load on first use). */
let T: Tokens;

/**
 * chevrotain's EmbeddedActionsParser, loaded as the first parser is built rather than with this
 * module (chevrotain.ts says why): constructing it makes EmbeddedActionsParser's prototype and
 * statics this one's, then constructs that class for the subclass being built.
 */
const LazyEmbeddedActionsParser = function (...args: ConstructorParameters<typeof EmbeddedActionsParser>): EmbeddedActionsParser {
  const base = chevrotain().EmbeddedActionsParser;
  if (Object.getPrototypeOf(LazyEmbeddedActionsParser) !== base) {
    Object.setPrototypeOf(LazyEmbeddedActionsParser.prototype, base.prototype);
    Object.setPrototypeOf(LazyEmbeddedActionsParser, base);
  }
  return Reflect.construct(base, args, new.target) as EmbeddedActionsParser;
} as unknown as typeof EmbeddedActionsParser;

export class JournalParser extends LazyEmbeddedActionsParser {
  /** File being parsed, for spans. */
  file = "";
  /** Offset of the text being parsed in its file (a large file is read in pieces). */
  base = 0;
  /** Problems found by actions (bad booking names, too many strings, ...). */
  issues: SemanticIssue[] = [];

  /**
   * `validate`: run chevrotain's checks of the grammar itself (ambiguities, left recursion, ...)
   * while it analyses it. They cost a fifth of the start of every command and find nothing in a
   * grammar that passed them once, so only the tests run them (test/unit/grammar.test.ts).
   */
  constructor(options: { validate?: boolean } = {}) {
    T = tokenTypes();
    super(T.allTokens, { maxLookahead: 3, recoveryEnabled: false, skipValidations: options.validate !== true });
    this.performSelfAnalysis();
  }

  private span(start: number, end: number): Span {
    // While chevrotain records the grammar, tokens have NaN offsets; `| 0` keeps V8 storing every
    // span's offsets as small integers rather than boxed doubles (32 bytes more per span).
    return { file: this.file, start: (start + this.base) | 0, end: (end + this.base) | 0 };
  }

  private issue(message: Message, token: IToken, drop = false): void {
    this.issues.push({ message, start: token.startOffset, end: token.endOffset! + 1, drop });
  }

  // ---------------------------------------------------------------- top level

  public directive = this.RULE("directive", (): Parsed => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.datedDirective) },
      { ALT: () => this.SUBRULE(this.optionDirective) },
      { ALT: () => this.SUBRULE(this.include) },
      { ALT: () => this.SUBRULE(this.plugin) },
      { ALT: () => this.SUBRULE(this.pushtag) },
      { ALT: () => this.SUBRULE(this.poptag) },
      { ALT: () => this.SUBRULE(this.pushmeta) },
      { ALT: () => this.SUBRULE(this.popmeta) },
    ]);
  });

  private optionDirective = this.RULE("optionDirective", (): Parsed => {
    const keyword = this.CONSUME(T.Option);
    const name = this.CONSUME(T.StringLiteral);
    const value = this.CONSUME2(T.StringLiteral);
    const eol = this.CONSUME(T.Eol);
    return { kind: "option", name: stringValue(name), value: stringValue(value), span: this.span(keyword.startOffset, eol.startOffset) };
  });

  private include = this.RULE("include", (): Parsed => {
    const keyword = this.CONSUME(T.Include);
    const path = this.CONSUME(T.StringLiteral);
    const eol = this.CONSUME(T.Eol);
    return { kind: "include", path: stringValue(path), span: this.span(keyword.startOffset, eol.startOffset) };
  });

  private plugin = this.RULE("plugin", (): Parsed => {
    const keyword = this.CONSUME(T.Plugin);
    const module = this.CONSUME(T.StringLiteral);
    const config = this.OPTION(() => this.CONSUME2(T.StringLiteral));
    const eol = this.CONSUME(T.Eol);
    return {
      kind: "plugin", module: stringValue(module), config: config ? stringValue(config) : null,
      span: this.span(keyword.startOffset, eol.startOffset),
    };
  });

  private pushtag = this.RULE("pushtag", (): Parsed => {
    const keyword = this.CONSUME(T.Pushtag);
    const tag = this.CONSUME(T.Tag);
    const eol = this.CONSUME(T.Eol);
    return { kind: "pushtag", tag: tag.payload as string, span: this.span(keyword.startOffset, eol.startOffset) };
  });

  private poptag = this.RULE("poptag", (): Parsed => {
    const keyword = this.CONSUME(T.Poptag);
    const tag = this.CONSUME(T.Tag);
    const eol = this.CONSUME(T.Eol);
    return { kind: "poptag", tag: tag.payload as string, span: this.span(keyword.startOffset, eol.startOffset) };
  });

  private pushmeta = this.RULE("pushmeta", (): Parsed => {
    const keyword = this.CONSUME(T.Pushmeta);
    const key = this.CONSUME(T.Key);
    const value = this.SUBRULE(this.metaValue);
    const eol = this.CONSUME(T.Eol);
    const span = this.span(keyword.startOffset, eol.startOffset);
    return { kind: "pushmeta", entry: metaEntry(key.payload as string, value, span), span };
  });

  private popmeta = this.RULE("popmeta", (): Parsed => {
    const keyword = this.CONSUME(T.Popmeta);
    const key = this.CONSUME(T.Key);
    const eol = this.CONSUME(T.Eol);
    return { kind: "popmeta", key: key.payload as string, span: this.span(keyword.startOffset, eol.startOffset) };
  });

  // ---------------------------------------------------------------- dated directives

  private datedDirective = this.RULE("datedDirective", (): Parsed => {
    const date = this.CONSUME(T.Date);
    const directive = this.OR([
      { ALT: () => this.SUBRULE(this.transaction, { ARGS: [date] }) },
      { ALT: () => this.SUBRULE(this.open, { ARGS: [date] }) },
      { ALT: () => this.SUBRULE(this.close, { ARGS: [date] }) },
      { ALT: () => this.SUBRULE(this.commodity, { ARGS: [date] }) },
      { ALT: () => this.SUBRULE(this.balance, { ARGS: [date] }) },
      { ALT: () => this.SUBRULE(this.pad, { ARGS: [date] }) },
      { ALT: () => this.SUBRULE(this.note, { ARGS: [date] }) },
      { ALT: () => this.SUBRULE(this.document, { ARGS: [date] }) },
      { ALT: () => this.SUBRULE(this.event, { ARGS: [date] }) },
      { ALT: () => this.SUBRULE(this.query, { ARGS: [date] }) },
      { ALT: () => this.SUBRULE(this.price, { ARGS: [date] }) },
      { ALT: () => this.SUBRULE(this.custom, { ARGS: [date] }) },
    ]);
    return { kind: "directive", directive };
  });

  private transaction = this.RULE("transaction", (date: IToken): Directive => {
    const flagToken = this.SUBRULE(this.txnFlag);
    const strings: IToken[] = [];
    this.MANY(() => { strings.push(this.CONSUME(T.StringLiteral)); });
    const tags: string[] = [];
    const links: string[] = [];
    this.SUBRULE(this.tagsLinks, { ARGS: [tags, links] });
    const headerEol = this.CONSUME(T.Eol);
    const meta: MetaEntry[] = [];
    const postings: Posting[] = [];
    let lastPostingMeta: MetaEntry[] | null = null;
    let end = headerEol.startOffset;
    this.MANY2(() => {
      const indent = this.CONSUME(T.Indent);
      this.OR([
        {
          ALT: () => {
            const entry = this.SUBRULE(this.metadataLine, { ARGS: [indent] });
            this.ACTION(() => { (lastPostingMeta ?? meta).push(entry); });
          },
        },
        {
          ALT: () => {
            const lineTags: string[] = [];
            const lineLinks: string[] = [];
            this.SUBRULE(this.tagsLinksLine, { ARGS: [lineTags, lineLinks] });
            this.ACTION(() => {
              // beancount takes tag and link lines only before the first posting.
              if (postings.length > 0) this.issue(msg("tags-after-postings", {}), date);
              else { tags.push(...lineTags); links.push(...lineLinks); }
            });
          },
        },
        {
          ALT: () => {
            const posting = this.SUBRULE(this.posting, { ARGS: [indent] });
            this.ACTION(() => {
              postings.push(posting);
              lastPostingMeta = posting.meta as MetaEntry[];
            });
          },
        },
        { ALT: () => { /* an indented comment line */ } },
      ]);
      end = this.CONSUME2(T.Eol).startOffset;
    });
    return this.ACTION(() => {
      let flag = flagToken.image;
      if (flagToken.tokenType === T.Txn) flag = "*";
      let payee: string | null = null;
      let narration = "";
      if (strings.length === 1) narration = stringValue(strings[0]!);
      else if (strings.length >= 2) {
        payee = stringValue(strings[0]!);
        narration = stringValue(strings[1]!);
        if (strings.length > 2) this.issue(msg("too-many-strings", {}), strings[2]!, true);
      }
      // Postings' spans end at their last metadata line.
      const finished = postings.map((posting) => {
        const last = posting.meta[posting.meta.length - 1];
        // (Both offsets are already offsets into the file.)
        return last ? postingWith(posting, { span: { file: this.file, start: posting.span.start, end: last.span.end } }) : posting;
      });
      return makeTransaction({ date: date.payload as string, span: this.span(date.startOffset, end), meta, flag, payee, narration, tags, links, postings: finished });
    });
  });

  private txnFlag = this.RULE("txnFlag", (): IToken => {
    return this.OR([
      { ALT: () => this.CONSUME(T.Txn) },
      { ALT: () => this.CONSUME(T.Flag) },
      { ALT: () => this.CONSUME(T.Star) },
      { ALT: () => this.CONSUME(T.Hash) },
    ]);
  });

  private tagsLinks = this.RULE("tagsLinks", (tags: string[], links: string[]): void => {
    this.MANY(() => {
      this.OR([
        { ALT: () => { const tag = this.CONSUME(T.Tag); this.ACTION(() => tags.push(tag.payload as string)); } },
        { ALT: () => { const link = this.CONSUME(T.Link); this.ACTION(() => links.push(link.payload as string)); } },
      ]);
    });
  });

  /** A continuation line of tags and links (at least one). */
  private tagsLinksLine = this.RULE("tagsLinksLine", (tags: string[], links: string[]): void => {
    this.AT_LEAST_ONE(() => {
      this.OR([
        { ALT: () => { const tag = this.CONSUME(T.Tag); this.ACTION(() => tags.push(tag.payload as string)); } },
        { ALT: () => { const link = this.CONSUME(T.Link); this.ACTION(() => links.push(link.payload as string)); } },
      ]);
    });
  });

  private posting = this.RULE("posting", (indent: IToken): Posting => {
    const flag = this.OPTION(() => this.OR([
      { ALT: () => this.CONSUME(T.Flag) },
      { ALT: () => this.CONSUME(T.Star) },
      { ALT: () => this.CONSUME(T.Hash) },
    ]));
    const account = this.CONSUME(T.Account);
    const units = this.SUBRULE(this.incompleteAmount);
    let costSpec: CostSpec | null = null;
    let costIsTotal = false;
    this.OPTION2(() => {
      const cost = this.SUBRULE(this.costSpec);
      costSpec = cost.spec;
      costIsTotal = cost.isTotal;
    });
    let price: IncompleteAmount | null = null;
    let priceIsTotal = false;
    let priceToken: IToken | null = null;
    this.OPTION3(() => {
      priceToken = this.OR2([
        { ALT: () => this.CONSUME(T.At) },
        { ALT: () => this.CONSUME(T.AtAt) },
      ]);
      price = this.SUBRULE2(this.incompleteAmount);
    });
    // The posting's own text ends with its last token: no trailing comment, spaces or CR.
    const last = this.LA(0);
    return this.ACTION(() => {
      if (priceToken !== null) {
        priceIsTotal = (priceToken as IToken).tokenType === T.AtAt;
        const p = price as IncompleteAmount | null;
        if (p?.number?.isNegative()) {
          // beancount reports it and goes on with the absolute price.
          this.issue(msg("negative-price", {}), priceToken);
          price = { number: p.number.abs(), scale: p.scale, currency: p.currency };
        }
      }
      const cost = costSpec as CostSpec | null;
      const p = price as IncompleteAmount | null;
      if (cost?.currency && p?.currency && cost.currency !== p.currency) {
        this.issue(msg("cost-price-currencies", { cost: cost.currency, price: p.currency }), priceToken!);
      }
      return makePosting({
        span: this.span(indent.endOffset! + 1, last.endOffset! + 1),
        flag: flag ? flag.image : null,
        account: account.image,
        units: units.number === null && units.currency === null ? null : units,
        costSpec, costIsTotal, price, priceIsTotal, meta: [],
      });
    });
  });

  private incompleteAmount = this.RULE("incompleteAmount", (): IncompleteAmount => {
    const number = this.OPTION(() => this.SUBRULE(this.numberExpr));
    const currency = this.OPTION2(() => this.CONSUME(T.Currency));
    return this.ACTION((): IncompleteAmount => {
      if (number && currency) return amountOf(number.value, number.scale, currency.image);
      return { number: number ? number.value : null, scale: number ? number.scale : 0, currency: currency ? currency.image : null };
    });
  });

  private costSpec = this.RULE("costSpec", (): { spec: CostSpec; isTotal: boolean } => {
    let isTotal = false;
    let components: CostComponent[] = [];
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LCurl);
          components = this.SUBRULE(this.costComponents);
          this.CONSUME(T.RCurl);
        },
      },
      {
        ALT: () => {
          const open = this.CONSUME(T.LCurlCurl);
          components = this.SUBRULE2(this.costComponents);
          this.CONSUME(T.RCurlCurl);
          isTotal = true;
          this.ACTION(() => {
            if (components.some((c) => c.kind === "amount" && c.hash)) {
              this.issue(msg("per-unit-total-cost", {}), open, true);
            }
          });
        },
      },
    ]);
    return this.ACTION(() => {
      let perUnit: Num | null = null;
      let total: Num | null = null;
      let currency: string | null = null;
      let date: string | null = null;
      let label: string | null = null;
      let merge = false;
      let hash = false;
      for (const component of components) {
        if (component.kind === "amount") {
          perUnit = component.perUnit;
          total = component.total;
          currency = component.currency;
          hash = component.hash;
        } else if (component.kind === "date") date = component.value;
        else if (component.kind === "label") label = component.value;
        else merge = true;
      }
      if (isTotal && perUnit !== null) {
        total = perUnit;
        perUnit = null;
      }
      return {
        isTotal,
        spec: {
          perUnit: perUnit ? perUnit.value : null, total: total ? total.value : null,
          perUnitScale: perUnit ? perUnit.scale : 0, totalScale: total ? total.scale : 0,
          currency, date, label, merge, hash,
        },
      };
    });
  });

  private costComponents = this.RULE("costComponents", (): CostComponent[] => {
    const components: CostComponent[] = [];
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () => { components.push(this.SUBRULE(this.costComponent)); },
    });
    return components;
  });

  private costComponent = this.RULE("costComponent", (): CostComponent => {
    return this.OR([
      { ALT: () => ({ kind: "date", value: this.CONSUME(T.Date).payload as string }) },
      { ALT: () => ({ kind: "label", value: stringValue(this.CONSUME(T.StringLiteral)) }) },
      { ALT: () => { this.CONSUME(T.Star); return { kind: "merge" } as CostComponent; } },
      { ALT: () => this.SUBRULE(this.compoundAmount) },
    ]);
  });

  /** `per # total CUR`, with any part left out. */
  private compoundAmount = this.RULE("compoundAmount", (): CostComponent => {
    const perUnit = this.OPTION(() => this.SUBRULE(this.numberExpr));
    let total: Num | null = null;
    let hash = false;
    this.OPTION2(() => {
      this.CONSUME(T.Hash);
      hash = true;
      total = this.OPTION3(() => this.SUBRULE2(this.numberExpr)) ?? null;
    });
    const currency = this.OPTION4(() => this.CONSUME(T.Currency));
    return { kind: "amount", perUnit: perUnit ?? null, total, currency: currency ? currency.image : null, hash };
  });

  private metadataLine = this.RULE("metadataLine", (indent: IToken): MetaEntry => {
    const key = this.CONSUME(T.Key);
    const value = this.SUBRULE(this.metaValue);
    // `key: value` up to the value's last token: no trailing comment, spaces or CR.
    const last = this.LA(0);
    return this.ACTION(() => metaEntry(key.payload as string, value, this.span(indent.endOffset! + 1, last.endOffset! + 1)));
  });

  private metaValue = this.RULE("metaValue", (): MetaValue => {
    const value = this.OPTION(() => this.OR([
      { ALT: () => ({ type: "string", value: stringValue(this.CONSUME(T.StringLiteral)) }) as MetaValue },
      { ALT: () => ({ type: "account", value: this.CONSUME(T.Account).image }) as MetaValue },
      { ALT: () => ({ type: "date", value: this.CONSUME(T.Date).payload as string }) as MetaValue },
      { ALT: () => ({ type: "currency", value: this.CONSUME(T.Currency).image }) as MetaValue },
      { ALT: () => ({ type: "tag", value: this.CONSUME(T.Tag).payload as string }) as MetaValue },
      { ALT: () => ({ type: "link", value: this.CONSUME(T.Link).payload as string }) as MetaValue },
      { ALT: () => ({ type: "bool", value: this.CONSUME(T.Bool).payload as boolean }) as MetaValue },
      { ALT: () => { this.CONSUME(T.Null); return { type: "null" } as MetaValue; } },
      { ALT: () => this.SUBRULE(this.numberOrAmount) },
    ]));
    return value ?? { type: "null" };
  });

  private numberOrAmount = this.RULE("numberOrAmount", (): MetaValue => {
    const number = this.SUBRULE(this.numberExpr);
    const currency = this.OPTION(() => this.CONSUME(T.Currency));
    return this.ACTION(() => currency
      ? { type: "amount", value: amountOf(number.value, number.scale, currency.image) }
      : { type: "number", value: number.value, scale: number.scale });
  });

  /** Metadata lines under a non-transaction directive (indented comment lines allowed). */
  private metadataBlock = this.RULE("metadataBlock", (): { meta: MetaEntry[]; end: number } => {
    const meta: MetaEntry[] = [];
    let end = -1;
    this.MANY(() => {
      const indent = this.CONSUME(T.Indent);
      this.OPTION(() => { meta.push(this.SUBRULE(this.metadataLine, { ARGS: [indent] })); });
      end = this.CONSUME(T.Eol).startOffset;
    });
    return { meta, end };
  });

  /** Header end (its EOL) and the metadata that follows. */
  private finish(date: IToken, headerEol: IToken, block: { meta: MetaEntry[]; end: number }) {
    return {
      date: date.payload as string,
      span: this.span(date.startOffset, block.end >= 0 ? block.end : headerEol.startOffset),
      meta: block.meta,
    };
  }

  private open = this.RULE("open", (date: IToken): Directive => {
    this.CONSUME(T.Open);
    const account = this.CONSUME(T.Account);
    const currencies: string[] = [];
    this.MANY_SEP({ SEP: T.Comma, DEF: () => { currencies.push(this.CONSUME(T.Currency).image); } });
    const booking = this.OPTION(() => this.CONSUME(T.StringLiteral));
    const eol = this.CONSUME(T.Eol);
    const block = this.SUBRULE(this.metadataBlock);
    return this.ACTION(() => {
      let method: BookingMethod | null = null;
      if (booking) {
        const name = stringValue(booking);
        if ((BOOKING_METHODS as readonly string[]).includes(name)) method = name as BookingMethod;
        else this.issue(msg("booking-method", { name }), booking);
      }
      return { type: "open", ...this.finish(date, eol, block), account: account.image, currencies, booking: method };
    });
  });

  private close = this.RULE("close", (date: IToken): Directive => {
    this.CONSUME(T.Close);
    const account = this.CONSUME(T.Account);
    const eol = this.CONSUME(T.Eol);
    const block = this.SUBRULE(this.metadataBlock);
    return this.ACTION(() => ({ type: "close", ...this.finish(date, eol, block), account: account.image }));
  });

  private commodity = this.RULE("commodity", (date: IToken): Directive => {
    this.CONSUME(T.Commodity);
    const currency = this.CONSUME(T.Currency);
    const eol = this.CONSUME(T.Eol);
    const block = this.SUBRULE(this.metadataBlock);
    return this.ACTION(() => ({ type: "commodity", ...this.finish(date, eol, block), currency: currency.image }));
  });

  private balance = this.RULE("balance", (date: IToken): Directive => {
    this.CONSUME(T.Balance);
    const account = this.CONSUME(T.Account);
    const number = this.SUBRULE(this.numberExpr);
    const tolerance = this.OPTION(() => {
      this.CONSUME(T.Tilde);
      return this.SUBRULE2(this.numberExpr);
    });
    const currency = this.CONSUME(T.Currency);
    const eol = this.CONSUME(T.Eol);
    const block = this.SUBRULE(this.metadataBlock);
    return this.ACTION(() => ({
      type: "balance", ...this.finish(date, eol, block), account: account.image,
      amount: { number: number.value, scale: number.scale, currency: currency.image },
      tolerance: tolerance ? tolerance.value : null,
    }));
  });

  private pad = this.RULE("pad", (date: IToken): Directive => {
    this.CONSUME(T.Pad);
    const account = this.CONSUME(T.Account);
    const source = this.CONSUME2(T.Account);
    const eol = this.CONSUME(T.Eol);
    const block = this.SUBRULE(this.metadataBlock);
    return this.ACTION(() => ({ type: "pad", ...this.finish(date, eol, block), account: account.image, sourceAccount: source.image }));
  });

  private note = this.RULE("note", (date: IToken): Directive => {
    this.CONSUME(T.Note);
    const account = this.CONSUME(T.Account);
    const comment = this.CONSUME(T.StringLiteral);
    const tags: string[] = [];
    const links: string[] = [];
    this.SUBRULE(this.tagsLinks, { ARGS: [tags, links] });
    const eol = this.CONSUME(T.Eol);
    const block = this.SUBRULE(this.metadataBlock);
    return this.ACTION(() => ({ type: "note", ...this.finish(date, eol, block), account: account.image, comment: stringValue(comment) }));
  });

  private document = this.RULE("document", (date: IToken): Directive => {
    this.CONSUME(T.Document);
    const account = this.CONSUME(T.Account);
    const filename = this.CONSUME(T.StringLiteral);
    const tags: string[] = [];
    const links: string[] = [];
    this.SUBRULE(this.tagsLinks, { ARGS: [tags, links] });
    const eol = this.CONSUME(T.Eol);
    const block = this.SUBRULE(this.metadataBlock);
    return this.ACTION(() => ({
      type: "document", ...this.finish(date, eol, block), account: account.image, filename: stringValue(filename), tags, links,
    }));
  });

  private event = this.RULE("event", (date: IToken): Directive => {
    this.CONSUME(T.Event);
    const eventType = this.CONSUME(T.StringLiteral);
    const description = this.CONSUME2(T.StringLiteral);
    const eol = this.CONSUME(T.Eol);
    const block = this.SUBRULE(this.metadataBlock);
    return this.ACTION(() => ({
      type: "event", ...this.finish(date, eol, block), eventType: stringValue(eventType), description: stringValue(description),
    }));
  });

  private query = this.RULE("query", (date: IToken): Directive => {
    this.CONSUME(T.Query);
    const name = this.CONSUME(T.StringLiteral);
    const queryString = this.CONSUME2(T.StringLiteral);
    const eol = this.CONSUME(T.Eol);
    const block = this.SUBRULE(this.metadataBlock);
    return this.ACTION(() => ({
      type: "query", ...this.finish(date, eol, block), name: stringValue(name), queryString: stringValue(queryString),
    }));
  });

  private price = this.RULE("price", (date: IToken): Directive => {
    this.CONSUME(T.Price);
    const currency = this.CONSUME(T.Currency);
    const number = this.SUBRULE(this.numberExpr);
    const quote = this.CONSUME2(T.Currency);
    const eol = this.CONSUME(T.Eol);
    const block = this.SUBRULE(this.metadataBlock);
    return this.ACTION(() => ({
      type: "price", ...this.finish(date, eol, block), currency: currency.image,
      amount: { number: number.value, scale: number.scale, currency: quote.image },
    }));
  });

  private custom = this.RULE("custom", (date: IToken): Directive => {
    this.CONSUME(T.Custom);
    const customType = this.CONSUME(T.StringLiteral);
    const values: MetaValue[] = [];
    this.MANY(() => { values.push(this.SUBRULE(this.customValue)); });
    const eol = this.CONSUME(T.Eol);
    const block = this.SUBRULE(this.metadataBlock);
    return this.ACTION(() => ({
      type: "custom", ...this.finish(date, eol, block), customType: stringValue(customType), values,
    }));
  });

  private customValue = this.RULE("customValue", (): MetaValue => {
    return this.OR([
      { ALT: () => ({ type: "string", value: stringValue(this.CONSUME(T.StringLiteral)) }) as MetaValue },
      { ALT: () => ({ type: "date", value: this.CONSUME(T.Date).payload as string }) as MetaValue },
      { ALT: () => ({ type: "bool", value: this.CONSUME(T.Bool).payload as boolean }) as MetaValue },
      { ALT: () => ({ type: "account", value: this.CONSUME(T.Account).image }) as MetaValue },
      { ALT: () => this.SUBRULE(this.numberOrAmount) },
    ]);
  });

  // ---------------------------------------------------------------- arithmetic

  private numberExpr = this.RULE("numberExpr", (): Num => {
    let result = this.SUBRULE(this.term);
    this.MANY(() => {
      const operator = this.OR([
        { ALT: () => this.CONSUME(T.Plus) },
        { ALT: () => this.CONSUME(T.Minus) },
      ]);
      const right = this.SUBRULE2(this.term);
      this.ACTION(() => {
        result = operator.tokenType === T.Plus ? add(result, right) : subtract(result, right);
      });
    });
    return result;
  });

  private term = this.RULE("term", (): Num => {
    let result = this.SUBRULE(this.factor);
    this.MANY(() => {
      const operator = this.OR([
        { ALT: () => this.CONSUME(T.Star) },
        { ALT: () => this.CONSUME(T.Slash) },
      ]);
      const right = this.SUBRULE2(this.factor);
      this.ACTION(() => {
        if (operator.tokenType === T.Star) result = multiply(result, right);
        else if (right.value.isZero()) this.issue(msg("division-by-zero", {}), operator, true);
        else result = divide(result, right);
      });
    });
    return result;
  });

  private factor = this.RULE("factor", (): Num => {
    return this.OR([
      {
        ALT: () => {
          const token = this.CONSUME(T.NumberLiteral);
          return this.ACTION(() => {
            const number = parseNumberLiteral(token.image);
            // (Only a literal longer than PRECISION characters can have more significant digits.)
            if (token.image.length > PRECISION && number.value.sd() > PRECISION) {
              this.issues.push({ message: msg("amount-precision", { digits: number.value.sd(), precision: PRECISION }), start: token.startOffset, end: token.endOffset! + 1, drop: false, warning: "amount-precision" });
            }
            return number;
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          const inner = this.SUBRULE(this.numberExpr);
          this.CONSUME(T.RParen);
          return inner;
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Minus);
          const inner = this.SUBRULE(this.factor);
          return this.ACTION(() => negate(inner));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Plus);
          return this.SUBRULE2(this.factor);
        },
      },
    ]);
  });
}

export type { Amount };
