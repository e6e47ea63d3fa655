// Token types of the journal language. The hand-written scanner (scanner.ts) produces tokens of
// these types; the chevrotain grammar (grammar.ts) consumes them. Patterns are not used for lexing:
// they document each token for the generated syntax diagrams.
import type { TokenType } from "chevrotain";
import { createToken, Lexer } from "./chevrotain.js";

function token(name: string, label: string): TokenType {
  return createToken({ name, pattern: Lexer.NA, label });
}

export const Date = token("DATE", "DATE (YYYY-MM-DD or YYYY/MM/DD)");
export const Account = token("ACCOUNT", "ACCOUNT (Root:Component:...)");
export const Currency = token("CURRENCY", "CURRENCY (e.g. CNY)");
export const StringLiteral = token("STRING", "STRING (\"...\")");
export const NumberLiteral = token("NUMBER", "NUMBER (1,234.56)");
export const Tag = token("TAG", "TAG (#tag)");
export const Link = token("LINK", "LINK (^link)");
export const Key = token("KEY", "KEY (key:)");
export const Bool = token("BOOL", "TRUE | FALSE");
export const Null = token("NULL", "NULL");
export const Flag = token("FLAG", "FLAG (! & ? % P S T C U R M ...)");
export const Indent = token("INDENT", "INDENT (leading spaces or tabs)");
export const Eol = token("EOL", "end of line");

export const Txn = token("TXN", "'txn'");
export const Open = token("OPEN", "'open'");
export const Close = token("CLOSE", "'close'");
export const Commodity = token("COMMODITY", "'commodity'");
export const Balance = token("BALANCE", "'balance'");
export const Pad = token("PAD", "'pad'");
export const Note = token("NOTE", "'note'");
export const Document = token("DOCUMENT", "'document'");
export const Event = token("EVENT", "'event'");
export const Query = token("QUERY", "'query'");
export const Price = token("PRICE", "'price'");
export const Custom = token("CUSTOM", "'custom'");
export const Option = token("OPTION", "'option'");
export const Include = token("INCLUDE", "'include'");
export const Plugin = token("PLUGIN", "'plugin'");
export const Pushtag = token("PUSHTAG", "'pushtag'");
export const Poptag = token("POPTAG", "'poptag'");
export const Pushmeta = token("PUSHMETA", "'pushmeta'");
export const Popmeta = token("POPMETA", "'popmeta'");

export const LCurlCurl = token("LCURLCURL", "'{{'");
export const RCurlCurl = token("RCURLCURL", "'}}'");
export const LCurl = token("LCURL", "'{'");
export const RCurl = token("RCURL", "'}'");
export const AtAt = token("ATAT", "'@@'");
export const At = token("AT", "'@'");
export const Hash = token("HASH", "'#'");
export const Tilde = token("TILDE", "'~'");
export const Comma = token("COMMA", "','");
export const Plus = token("PLUS", "'+'");
export const Minus = token("MINUS", "'-'");
export const Star = token("STAR", "'*'");
export const Slash = token("SLASH", "'/'");
export const LParen = token("LPAREN", "'('");
export const RParen = token("RPAREN", "')'");

export const allTokens: TokenType[] = [
  Date, Account, Currency, StringLiteral, NumberLiteral, Tag, Link, Key, Bool, Null, Flag, Indent, Eol,
  Txn, Open, Close, Commodity, Balance, Pad, Note, Document, Event, Query, Price, Custom, Option, Include,
  Plugin, Pushtag, Poptag, Pushmeta, Popmeta,
  LCurlCurl, RCurlCurl, LCurl, RCurl, AtAt, At, Hash, Tilde, Comma, Plus, Minus, Star, Slash, LParen, RParen,
];

export const keywords: ReadonlyMap<string, TokenType> = new Map([
  ["txn", Txn], ["open", Open], ["close", Close], ["commodity", Commodity], ["balance", Balance],
  ["pad", Pad], ["note", Note], ["document", Document], ["event", Event], ["query", Query],
  ["price", Price], ["custom", Custom], ["option", Option], ["include", Include], ["plugin", Plugin],
  ["pushtag", Pushtag], ["poptag", Poptag], ["pushmeta", Pushmeta], ["popmeta", Popmeta],
]);
