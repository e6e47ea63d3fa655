// Rows of a sheet -> raw documents. Each detail line is a row; the document's own fields are on
// its first row and either repeated on the rows of its other lines or left blank there (merged
// cells read as blank): a row without a document number continues the document above it, whose
// fields it takes (forward fill). Rows with the same number belong to one document wherever they
// are. Blank rows and a totals row (合计) are passed over.
import { DOCUMENT_FIELDS, LINE_FIELDS, type Field } from "./fields.js";
import { columnLabel, type Header } from "./header.js";
import type { RawCell, RawDocument, RawFields } from "./document.js";
import { cellText, type CellValue } from "./values.js";

const TOTALS = /^(合计|总计|小计|total)/i;

interface Building {
  fields: RawFields;
  lines: RawFields[];
  place: RawCell["place"];
}

export function rowsToDocuments(file: string, rows: readonly (readonly CellValue[])[], firstRow: number, header: Header): RawDocument[] {
  const documents = new Map<string, Building>();
  let current: Building | null = null;
  const idColumn = header.columns.get("id")!;
  for (let index = header.dataStart; index < rows.length; index++) {
    const row = rows[index]!;
    if (row.every((value) => cellText(value) === "")) continue;
    const rowNumber = firstRow + index;
    const cell = (field: Field): RawCell | undefined => {
      const column = header.columns.get(field);
      if (column === undefined) return undefined;
      return { value: row[column] ?? null, place: { file, row: rowNumber, column: columnLabel(header, column) } };
    };
    const id = cell("id")!;
    const idText = cellText(id.value);
    if (TOTALS.test(idText) || row.some((value, column) => column !== idColumn && TOTALS.test(cellText(value)) && idText === "")) continue;
    if (idText !== "") {
      const key = typeof id.value === "number" ? `#${id.value}` : idText;
      const known = documents.get(key);
      if (known !== undefined) current = known;
      else {
        current = { fields: {}, lines: [], place: id.place };
        documents.set(key, current);
      }
    }
    if (current === null) {
      // Lines before any document number: keep them as a document of their own, which fails on its missing number.
      current = { fields: {}, lines: [], place: id.place };
      documents.set(`@${rowNumber}`, current);
    }
    for (const field of DOCUMENT_FIELDS) {
      const found = cell(field);
      if (found !== undefined && current.fields[field] === undefined && cellText(found.value) !== "") current.fields[field] = found;
    }
    if (current.fields.id === undefined) current.fields.id = id;
    const line: RawFields = {};
    for (const field of LINE_FIELDS) {
      const found = cell(field);
      if (found !== undefined) line[field] = found;
    }
    if (LINE_FIELDS.some((field) => line[field] !== undefined && cellText(line[field]!.value) !== "")) current.lines.push(line);
  }
  return [...documents.values()].map((building) => ({
    fields: building.fields, lines: building.lines, approvers: null, currency: null, place: building.place, problems: [],
  }));
}
