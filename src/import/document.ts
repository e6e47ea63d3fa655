// A source document (one approval: one claim) as read from an export, before it is checked against
// the map and the journal. The sheet readers (rows.ts) and the API readers (presets/) both give
// RawDocuments: each field's cell and where it is; documents.ts reads the values.
import type { Field, SourceState } from "./fields.js";
import type { CellValue } from "./values.js";
import type { Decimal } from "../core/number.js";
import { translate, type Message } from "../i18n/message.js";

/**
 * Where a value is in the export: a spreadsheet's row number and column header, or for an API's
 * JSON the document's number in the file (1 for the first) and the value's path in it.
 */
export interface Place {
  readonly file: string;
  readonly row: number;
  readonly column: string;
}

export interface RawCell {
  readonly value: CellValue;
  readonly place: Place;
}

export type RawFields = Partial<Record<Field, RawCell>>;

/** An approver as an API gives them: a name (or an id the map names) and when they agreed. */
export interface RawApprover {
  readonly name: RawCell;
  readonly on: RawCell | null;
}

export interface RawDocument {
  /** The document's own fields (forward-filled from its first row). */
  readonly fields: RawFields;
  /** One per detail line. */
  readonly lines: readonly RawFields[];
  /** Approvers from an API's records (a sheet has an `approvers` column instead). */
  readonly approvers: readonly RawApprover[] | null;
  /** The currency an API states for the amounts, or null. */
  readonly currency: RawCell | null;
  /** Its first row, or its place in the JSON. */
  readonly place: Place;
  /** Problems found while reading it (a JSON value of the wrong kind). */
  readonly problems: readonly ImportProblem[];
}

/** A value that cannot be imported, where it is. */
export interface ImportProblem {
  readonly place: Place;
  /** In English. */
  readonly message: string;
  /** In Chinese. */
  readonly zh: string;
}

/** A problem at `place`, in both languages. */
export function importProblem(place: Place, said: Message): ImportProblem {
  return { place, message: said.text, zh: translate(said, "zh") };
}

export interface Approval {
  readonly by: string;
  readonly on: string;
}

export interface ClaimLine {
  readonly account: string;
  readonly amount: Decimal;
  readonly invoice: string | null;
  readonly narration: string | null;
  readonly customer: string | null;
  readonly place: Place;
}

/** A document read and mapped: what the claim will say. */
export interface SourceDocument {
  /** The source's number (approval-id). */
  readonly number: string;
  readonly title: string | null;
  readonly claimant: string;
  readonly department: string | null;
  readonly customer: string | null;
  readonly state: SourceState;
  /** The claim's date: the latest detail date, else the day it was started. */
  readonly date: string;
  readonly approvals: readonly Approval[];
  readonly payable: string;
  readonly lines: readonly ClaimLine[];
  readonly place: Place;
}

export function placeText(place: Place): string {
  return `${place.file}:${place.row}:${place.column}`;
}
