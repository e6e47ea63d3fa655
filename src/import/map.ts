// The user's map (MAP.yaml, kept in git beside the books): how an export's documents become claims.
//   source: dingtalk               # which preset (dingtalk, feishu, ekuaibao, table)
//   prefix: "DD-"                  # claim id = prefix + the source's number
//   currency: CNY
//   customer: "多客户"              # when a document names none
//   department: "销售部"            # likewise
//   accounts:                      # expense category -> account
//     交通费: Expenses:6602-管理费用:01-客户管理费:01-客户拜访
//   payables: "Liabilities:2241-其他应付款:{claimant}"   # or a mapping claimant -> account
//   columns:                       # the preset's column names overridden
//     amount: 报销金额
//   names:                         # ids in an API's answer -> names (people, departments, categories)
//     "0123456789": 王伟
// Read with the yaml library; a problem is located at its line and column in the map.
import * as fs from "node:fs";
import { createRequire } from "node:module";
import { FIELDS, type Field } from "./fields.js";
import { message, type Message } from "../i18n/message.js";

type YamlModule = typeof import("yaml");
let yamlModule: YamlModule | null = null;

export interface ImportMap {
  readonly file: string;
  readonly prefix: string;
  readonly currency: string;
  readonly customer: string | null;
  readonly department: string | null;
  readonly accounts: ReadonlyMap<string, string>;
  /** Claimant -> payable account, or one pattern in which `{claimant}` is the claimant's name. */
  readonly payables: ReadonlyMap<string, string> | string | null;
  readonly columns: Readonly<Partial<Record<Field, string>>>;
  readonly names: ReadonlyMap<string, string>;
}

export const EMPTY_MAP: ImportMap = {
  file: "", prefix: "", currency: "CNY", customer: null, department: null, accounts: new Map(), payables: null, columns: {}, names: new Map(),
};

export interface MapProblem {
  readonly line: number;
  readonly column: number;
  /** The English text. */
  readonly message: string;
  /** The same by key, to be said in the chosen language. */
  readonly said: Message;
}

export type MapRead = { readonly map: ImportMap } | { readonly problems: readonly MapProblem[] };

const KEYS = ["source", "prefix", "currency", "customer", "department", "accounts", "payables", "columns", "names"];

export function readMap(file: string): MapRead {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (thrown) {
    const said = message("map cannot read", { why: (thrown as Error).message });
    return { problems: [{ line: 1, column: 1, message: said.text, said }] };
  }
  return parseMap(file, text);
}

export function parseMap(file: string, text: string): MapRead {
  yamlModule ??= createRequire(import.meta.url)("yaml") as YamlModule;
  const yaml = yamlModule;
  const lineCounter = new yaml.LineCounter();
  const document = yaml.parseDocument(text, { lineCounter, uniqueKeys: true });
  const problems: MapProblem[] = [];
  const at = (offset: number | undefined, said: Message) => {
    const position = lineCounter.linePos(offset ?? 0);
    problems.push({ line: position.line, column: position.col, message: said.text, said });
  };
  for (const problem of document.errors) at(problem.pos[0], message("map yaml", { why: problem.message.split("\n")[0]! }));
  if (problems.length > 0) return { problems };
  const root = document.contents;
  if (root !== null && !yaml.isMap(root)) {
    at(root.range?.[0], message("map not a mapping", {}));
    return { problems };
  }
  const scalarText = (node: unknown, what: string, of: string | null = null): string | null => {
    if (yaml.isScalar(node) && (typeof node.value === "string" || typeof node.value === "number")) {
      const value = String(node.value).trim();
      if (value !== "") return value;
    }
    at((node as { range?: number[] } | null)?.range?.[0], message("map must be text", { what, of }));
    return null;
  };
  /** A value left blank (`交通费: ""` in a starter map): not mapped yet. */
  const blank = (node: unknown) => node === null || (yaml.isScalar(node) && (node.value === null || node.value === ""));
  const pairsOf = (node: unknown, what: string): [string, unknown, number | undefined][] => {
    if (node === null || node === undefined) return [];
    if (!yaml.isMap(node)) {
      at((node as { range?: number[] }).range?.[0], message("map must be mapping", { what, of: null }));
      return [];
    }
    const pairs: [string, unknown, number | undefined][] = [];
    for (const pair of node.items) {
      const key = yaml.isScalar(pair.key) ? String(pair.key.value).trim() : null;
      const offset = (pair.key as { range?: number[] } | null)?.range?.[0];
      if (key === null || key === "") at(offset, message("map key must be text", { what, of: null }));
      else pairs.push([key, pair.value, offset]);
    }
    return pairs;
  };

  let prefix = "";
  let currency = "CNY";
  let customer: string | null = null;
  let department: string | null = null;
  const accounts = new Map<string, string>();
  let payables: Map<string, string> | string | null = null;
  const columns: Partial<Record<Field, string>> = {};
  const names = new Map<string, string>();
  for (const [key, value, offset] of pairsOf(root, "the map")) {
    switch (key) {
      case "source": break; // read by --init's reader of a starter map; the command line's --from decides
      case "prefix": {
        if (blank(value)) break;
        const text = scalarText(value, "prefix");
        if (text !== null && !/^[A-Za-z0-9._-]*$/.test(text)) at((value as { range?: number[] }).range?.[0], message("map prefix", { text }));
        else if (text !== null) prefix = text;
        break;
      }
      case "currency": {
        const text = scalarText(value, "currency");
        if (text !== null && !/^[A-Z][A-Z0-9'._-]{0,22}[A-Z0-9]$/.test(text)) at((value as { range?: number[] }).range?.[0], message("map currency", { text }));
        else if (text !== null) currency = text;
        break;
      }
      case "customer": customer = blank(value) ? null : scalarText(value, "customer"); break;
      case "department": department = blank(value) ? null : scalarText(value, "department"); break;
      case "accounts":
        for (const [category, account] of pairsOf(value, "accounts")) {
          if (blank(account)) continue;
          const text = scalarText(account, "account", category);
          if (text !== null) accounts.set(category.normalize("NFKC"), text);
        }
        break;
      case "payables":
        if (blank(value)) payables = null;
        else if (yaml.isScalar(value)) payables = scalarText(value, "payables");
        else {
          const byName = new Map<string, string>();
          for (const [claimant, account] of pairsOf(value, "payables")) {
            if (blank(account)) continue;
            const text = scalarText(account, "payable", claimant);
            if (text !== null) byName.set(claimant.normalize("NFKC"), text);
          }
          payables = byName;
        }
        break;
      case "columns":
        for (const [field, name, fieldOffset] of pairsOf(value, "columns")) {
          if (!(FIELDS as readonly string[]).includes(field)) {
            at(fieldOffset, message("map unknown field", { field, fields: FIELDS.join(", ") }));
            continue;
          }
          const text = scalarText(name, "column", field);
          if (text !== null) columns[field as Field] = text;
        }
        break;
      case "names":
        for (const [id, name] of pairsOf(value, "names")) {
          if (blank(name)) continue;
          const text = scalarText(name, "name", id);
          if (text !== null) names.set(id, text);
        }
        break;
      default:
        at(offset, message("map unknown key", { key, keys: KEYS.join(", ") }));
    }
  }
  if (problems.length > 0) return { problems };
  return { map: { file, prefix, currency, customer, department, accounts, payables, columns, names } };
}

/** The payable account of a claimant, or null when the map names none. */
export function payableOf(map: ImportMap, claimant: string): string | null {
  if (map.payables === null) return null;
  if (typeof map.payables === "string") return map.payables.replaceAll("{claimant}", claimant);
  return map.payables.get(claimant.normalize("NFKC")) ?? null;
}
