// Token types of the journal language. The hand-written scanner (scanner.ts) produces tokens of
// these types; the chevrotain grammar (grammar.ts) consumes them. Patterns are not used for lexing:
// they document each token for the generated syntax diagrams. The types are made on first use
// (tokenTypes()), as chevrotain is loaded (chevrotain.ts): a journal the direct reader reads whole
// never scans a token.
import type { TokenType } from "chevrotain";
import { chevrotain } from "./chevrotain.js";

function defineTokens() {
  const { createToken, Lexer } = chevrotain();
  const token = (name: string, label: string): TokenType => createToken({ name, pattern: Lexer.NA, label });

  const Date = token("DATE", "DATE (YYYY-MM-DD or YYYY/MM/DD)");
  const Account = token("ACCOUNT", "ACCOUNT (Root:Component:...)");
  const Currency = token("CURRENCY", "CURRENCY (e.g. CNY)");
  const StringLiteral = token("STRING", "STRING (\"...\")");
  const NumberLiteral = token("NUMBER", "NUMBER (1,234.56)");
  const Tag = token("TAG", "TAG (#tag)");
  const Link = token("LINK", "LINK (^link)");
  const Key = token("KEY", "KEY (key:)");
  const Bool = token("BOOL", "TRUE | FALSE");
  const Null = token("NULL", "NULL");
  const Flag = token("FLAG", "FLAG (! & ? % P S T C U R M ...)");
  const Indent = token("INDENT", "INDENT (leading spaces or tabs)");
  const Eol = token("EOL", "end of line");

  const Txn = token("TXN", "'txn'");
  const Open = token("OPEN", "'open'");
  const Close = token("CLOSE", "'close'");
  const Commodity = token("COMMODITY", "'commodity'");
  const Balance = token("BALANCE", "'balance'");
  const Pad = token("PAD", "'pad'");
  const Note = token("NOTE", "'note'");
  const Document = token("DOCUMENT", "'document'");
  const Event = token("EVENT", "'event'");
  const Query = token("QUERY", "'query'");
  const Price = token("PRICE", "'price'");
  const Custom = token("CUSTOM", "'custom'");
  const Option = token("OPTION", "'option'");
  const Include = token("INCLUDE", "'include'");
  const Plugin = token("PLUGIN", "'plugin'");
  const Pushtag = token("PUSHTAG", "'pushtag'");
  const Poptag = token("POPTAG", "'poptag'");
  const Pushmeta = token("PUSHMETA", "'pushmeta'");
  const Popmeta = token("POPMETA", "'popmeta'");

  const LCurlCurl = token("LCURLCURL", "'{{'");
  const RCurlCurl = token("RCURLCURL", "'}}'");
  const LCurl = token("LCURL", "'{'");
  const RCurl = token("RCURL", "'}'");
  const AtAt = token("ATAT", "'@@'");
  const At = token("AT", "'@'");
  const Hash = token("HASH", "'#'");
  const Tilde = token("TILDE", "'~'");
  const Comma = token("COMMA", "','");
  const Plus = token("PLUS", "'+'");
  const Minus = token("MINUS", "'-'");
  const Star = token("STAR", "'*'");
  const Slash = token("SLASH", "'/'");
  const LParen = token("LPAREN", "'('");
  const RParen = token("RPAREN", "')'");

  const allTokens: TokenType[] = [
    Date, Account, Currency, StringLiteral, NumberLiteral, Tag, Link, Key, Bool, Null, Flag, Indent, Eol,
    Txn, Open, Close, Commodity, Balance, Pad, Note, Document, Event, Query, Price, Custom, Option, Include,
    Plugin, Pushtag, Poptag, Pushmeta, Popmeta,
    LCurlCurl, RCurlCurl, LCurl, RCurl, AtAt, At, Hash, Tilde, Comma, Plus, Minus, Star, Slash, LParen, RParen,
  ];

  const keywords: ReadonlyMap<string, TokenType> = new Map([
    ["txn", Txn], ["open", Open], ["close", Close], ["commodity", Commodity], ["balance", Balance],
    ["pad", Pad], ["note", Note], ["document", Document], ["event", Event], ["query", Query],
    ["price", Price], ["custom", Custom], ["option", Option], ["include", Include], ["plugin", Plugin],
    ["pushtag", Pushtag], ["poptag", Poptag], ["pushmeta", Pushmeta], ["popmeta", Popmeta],
  ]);

  return {
    Date, Account, Currency, StringLiteral, NumberLiteral, Tag, Link, Key, Bool, Null, Flag, Indent,
    Eol, Txn, Open, Close, Commodity, Balance, Pad, Note, Document, Event, Query, Price, Custom,
    Option, Include, Plugin, Pushtag, Poptag, Pushmeta, Popmeta, LCurlCurl, RCurlCurl, LCurl, RCurl,
    AtAt, At, Hash, Tilde, Comma, Plus, Minus, Star, Slash, LParen, RParen, allTokens, keywords,
  };
}

export type Tokens = ReturnType<typeof defineTokens>;

let tokens: Tokens | null = null;

/** The token types (and allTokens, keywords), made on the first call. */
export function tokenTypes(): Tokens {
  return (tokens ??= defineTokens());
}
