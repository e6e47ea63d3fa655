// The starter map `feeledger import --init EXPORT --from SOURCE` prints: every column of the export
// with the field the preset takes it for, every expense category and claimant found (to be given an
// account), and the other keys with what they do. YAML with comments, for the user to fill in and
// keep in git.
import { displayWidth } from "../edit/amortize.js";
import { cellText } from "./values.js";
import { FIELD_HELP, FIELDS, type Field } from "./fields.js";
import { columnLabel, type Header } from "./header.js";
import { EMPTY_MAP } from "./map.js";
import type { Preset } from "./presets/index.js";
import { headerOf, knownColumns, rawDocuments } from "./read.js";
import { readExport } from "./sheet.js";

const q = (text: string) => JSON.stringify(text);

function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function starterMap(file: string, preset: Preset): string {
  const content = readExport(file);
  const { raw } = rawDocuments(file, content, preset, EMPTY_MAP);
  const header: Header | null = content.kind === "rows" ? headerOf(file, content, knownColumns(preset, EMPTY_MAP), preset) : null;
  const categories = new Set<string>();
  const claimants = new Set<string>();
  const ids = new Set<string>();
  for (const document of raw) {
    const claimant = cellText(document.fields.claimant?.value ?? null);
    if (claimant !== "") claimants.add(claimant);
    const department = cellText(document.fields.department?.value ?? null);
    if (department !== "" && content.kind === "json") ids.add(department);
    for (const approver of document.approvers ?? []) ids.add(cellText(approver.name.value));
    for (const line of document.lines) {
      const category = cellText(line.category?.value ?? null);
      if (category !== "") categories.add(category);
    }
  }
  const byId = content.kind === "json";
  const out: string[] = [];
  out.push(`# feeledger import map for ${preset.label} exports, started from ${file}`);
  out.push(`# (feeledger import --init ${file} --from ${preset.source}). Fill in the blanks, keep it in git`);
  out.push(`# beside the books, and import with: feeledger import BOOKS EXPORT --from ${preset.source} --map THIS-FILE`);
  out.push("");
  if (header !== null && content.kind === "rows") {
    const rows = header.dataStart - header.start;
    out.push(`# Columns of ${file} (header on row ${content.firstRow + header.start}${rows === 2 ? ` and ${content.firstRow + header.start + 1}, a two-row header` : ""}):`);
    const fieldOf = new Map<number, Field>();
    for (const [field, column] of header.columns) fieldOf.set(column, field);
    const labels = header.names.map((_, column) => columnLabel(header, column));
    const width = Math.max(...labels.map(displayWidth));
    labels.forEach((label, column) => {
      if (label === "") return;
      const field = fieldOf.get(column);
      const padded = label + " ".repeat(width - displayWidth(label));
      out.push(`#   ${columnLetters(column).padEnd(3)}${padded}  ${field === undefined ? "(not read)" : `-> ${field}: ${FIELD_HELP[field]}`}`);
    });
    out.push("");
  } else out.push(`# ${file} is an API answer (${raw.length} document${raw.length === 1 ? "" : "s"}); its fields are read as docs/IMPORT.md says.`, "");
  out.push(`source: ${preset.source}`);
  out.push("# The claim id is this prefix and the source's document number (the number itself is kept as approval-id).");
  out.push(`prefix: ${q(preset.source === "dingtalk" ? "DD-" : preset.source === "feishu" ? "FS-" : preset.source === "ekuaibao" ? "YKB-" : "")}`);
  out.push("currency: CNY");
  out.push("# For documents that name none:");
  out.push("customer: \"\"");
  out.push("department: \"\"");
  out.push("");
  out.push("# Expense category -> account (an open Expenses account of the books). Every category found:");
  out.push("accounts:");
  for (const category of [...categories].sort()) out.push(`  ${q(category)}: ""`);
  if (categories.size === 0) out.push("  # \"交通费\": Expenses:6602-管理费用:01-客户管理费:01-客户拜访");
  out.push("");
  out.push("# Claimant -> the payable the claim credits. One pattern for everyone, e.g.");
  out.push("#   payables: \"Liabilities:2241-其他应付款:{claimant}\"");
  out.push("# or one line per claimant (every claimant found):");
  out.push("payables:");
  const people = byId ? [] : [...claimants].sort();
  for (const claimant of people) out.push(`  ${q(claimant)}: ""`);
  if (people.length === 0) out.push("  # \"王伟\": Liabilities:2241-其他应付款:E01-王伟");
  if (byId) {
    out.push("");
    out.push("# People (and departments) come as ids in the API's answer: name each one.");
    out.push("names:");
    for (const id of [...new Set([...claimants, ...ids])].sort()) out.push(`  ${q(id)}: ""`);
  }
  if (header !== null) {
    out.push("");
    out.push("# The column of each field (the preset's guesses; change a name if your export differs):");
    out.push("columns:");
    for (const field of FIELDS) {
      const column = header.columns.get(field);
      out.push(column === undefined ? `  # ${field}: (not found)` : `  ${field}: ${q(header.names[column]!)}`);
    }
  }
  return out.join("\n") + "\n";
}
