// Auxiliary dimensions (辅助核算) of the official books: department (部门), employee (职员), customer
// (客户), vendor (供应商) and project (项目), read from posting metadata, else the transaction's
// (`department`, `claimant`, `customer`, `vendor`, `project`), each with the code declared once:
//   2026-01-01 custom "dimension" "customer" "C001" "ACME"        ; kind, code, name
import type { Custom, LedgerEntry, MetaEntry } from "../core/data.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { DimensionKind, DimensionValue } from "../periods/voucher-model.js";
import { valueText } from "../claims/claim.js";
import { message } from "../i18n/message.js";
import type { DimensionProblem } from "../i18n/en-checks.js";
import { nonTransactions } from "../core/non-transactions.js";

export const DIMENSION_DIRECTIVE = "dimension";

/** The kinds in the order vouchers list them. */
export const DIMENSION_KINDS: readonly DimensionKind[] = ["department", "employee", "customer", "vendor", "project"];

/** The metadata key each kind is read from. */
export const DIMENSION_KEYS: Readonly<Record<DimensionKind, string>> = {
  department: "department", employee: "claimant", customer: "customer", vendor: "vendor", project: "project",
};

/** The Chinese name of each kind (a declaration may use it instead of the English). */
export const DIMENSION_NAMES_ZH: Readonly<Record<DimensionKind, string>> = {
  department: "部门", employee: "职员", customer: "客户", vendor: "供应商", project: "项目",
};

/** A kind as a declaration writes it: the English word or the Chinese name. */
export function dimensionKind(text: string): DimensionKind | null {
  for (const kind of DIMENSION_KINDS) if (text === kind || text === DIMENSION_NAMES_ZH[kind]) return kind;
  return null;
}

export interface DimensionDeclaration {
  readonly kind: DimensionKind;
  readonly code: string;
  readonly name: string;
  readonly entry: Custom;
}

/** The declared codes: kind → name → declaration. */
export type DimensionCodes = ReadonlyMap<DimensionKind, ReadonlyMap<string, DimensionDeclaration>>;

/**
 * Every well-formed `custom "dimension"` declaration, and a located error for each one that is not
 * (wrong number or type of values, unknown kind, empty code or name, a code or name of a kind
 * declared twice: the later one is left out).
 */
export function readDimensionCodes(entries: readonly LedgerEntry[]): { codes: DimensionCodes; diagnostics: Diagnostic[] } {
  const byName = new Map<DimensionKind, Map<string, DimensionDeclaration>>();
  const byCode = new Map<DimensionKind, Map<string, DimensionDeclaration>>();
  const diagnostics: Diagnostic[] = [];
  for (const entry of nonTransactions(entries)) {
    if (entry.type !== "custom" || entry.customType !== DIMENSION_DIRECTIVE) continue;
    const shape = declarationOf(entry);
    if ("problem" in shape) {
      diagnostics.push(error("dimension-directive", message("dimension-directive", { problem: shape.problem, kinds: DIMENSION_KINDS.join(", ") }), entry.span));
      continue;
    }
    let names = byName.get(shape.kind);
    if (names === undefined) byName.set(shape.kind, (names = new Map()));
    let codes = byCode.get(shape.kind);
    if (codes === undefined) byCode.set(shape.kind, (codes = new Map()));
    const sameName = names.get(shape.name);
    const sameCode = codes.get(shape.code);
    if (sameName !== undefined) {
      diagnostics.push(error("dimension-duplicate", message("dimension-name-duplicate", { kind: shape.kind, name: shape.name, code: sameName.code, date: sameName.entry.date }), entry.span));
      continue;
    }
    if (sameCode !== undefined) {
      diagnostics.push(error("dimension-duplicate", message("dimension-code-duplicate", { kind: shape.kind, code: shape.code, name: sameCode.name, date: sameCode.entry.date }), entry.span));
      continue;
    }
    names.set(shape.name, shape);
    codes.set(shape.code, shape);
  }
  return { codes: byName, diagnostics };
}

function declarationOf(entry: Custom): DimensionDeclaration | { problem: DimensionProblem } {
  if (entry.values.length !== 3) return { problem: { kind: "count", count: entry.values.length } };
  const texts: string[] = [];
  for (const value of entry.values) {
    if (value.type !== "string") return { problem: { kind: "not-string", type: value.type, text: value.type === "number" || value.type === "amount" ? valueText(value) : null } };
    texts.push(value.value.trim());
  }
  const [kindText, code, name] = texts as [string, string, string];
  const kind = dimensionKind(kindText);
  if (kind === null) return { problem: { kind: "unknown-kind", text: kindText } };
  if (code === "") return { problem: { kind: "code-empty" } };
  if (/\s/.test(code)) return { problem: { kind: "code-spaces", text: code } };
  if (name === "") return { problem: { kind: "name-empty" } };
  return { kind, code, name, entry };
}

/** The text of a metadata value read as a dimension (strings, and the text of other scalars). */
function metaString(meta: readonly MetaEntry[], key: string): string | null {
  for (const entry of meta) {
    if (entry.key !== key) continue;
    const text = valueText(entry.value);
    return text === null || text.trim() === "" ? null : text.trim();
  }
  return null;
}

/** The posting's dimensions, its own metadata winning over the transaction's, in DIMENSION_KINDS order. */
export function postingDimensions(transactionMeta: readonly MetaEntry[], postingMeta: readonly MetaEntry[], codes: DimensionCodes): DimensionValue[] {
  const values: DimensionValue[] = [];
  for (const kind of DIMENSION_KINDS) {
    const key = DIMENSION_KEYS[kind];
    const name = metaString(postingMeta, key) ?? metaString(transactionMeta, key);
    if (name === null) continue;
    values.push({ kind, code: codes.get(kind)?.get(name)?.code ?? null, name });
  }
  return values;
}
