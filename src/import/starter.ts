// The starter map `feeledger import --init EXPORT --from SOURCE` prints: every column of the export
// with the field the preset takes it for, every expense category and claimant found (to be given an
// account), and the other keys with what they do. YAML with comments, for the user to fill in and
// keep in git.
import { displayWidth } from "../edit/amortize.js";
import { cellText } from "./values.js";
import { FIELDS, type Field } from "./fields.js";
import { columnLabel, type Header } from "./header.js";
import { EMPTY_MAP } from "./map.js";
import type { Preset } from "./presets/index.js";
import { headerOf, knownColumns, rawDocuments } from "./read.js";
import { readExport } from "./sheet.js";
import { say } from "../i18n/message.js";
import type { Lang } from "../i18n/lang.js";

const q = (text: string) => JSON.stringify(text);

function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function starterMap(file: string, preset: Preset, lang: Lang = "en"): string {
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
  out.push(say(lang, "starter title", { label: preset.label, file, source: preset.source }));
  out.push("");
  if (header !== null && content.kind === "rows") {
    const rows = header.dataStart - header.start;
    out.push(say(lang, "starter columns", { file, row: content.firstRow + header.start, second: rows === 2 ? content.firstRow + header.start + 1 : null }));
    const fieldOf = new Map<number, Field>();
    for (const [field, column] of header.columns) fieldOf.set(column, field);
    const labels = header.names.map((_, column) => columnLabel(header, column));
    const width = Math.max(...labels.map(displayWidth));
    labels.forEach((label, column) => {
      if (label === "") return;
      const field = fieldOf.get(column);
      const padded = label + " ".repeat(width - displayWidth(label));
      out.push(`#   ${columnLetters(column).padEnd(3)}${padded}  ${field === undefined ? say(lang, "starter not read", {}) : `-> ${field}: ${say(lang, `starter field ${field}`, {})}`}`);
    });
    out.push("");
  } else out.push(say(lang, "starter api answer", { file, count: raw.length }), "");
  out.push(`source: ${preset.source}`);
  out.push(say(lang, "starter prefix", {}));
  out.push(`prefix: ${q(preset.source === "dingtalk" ? "DD-" : preset.source === "feishu" ? "FS-" : preset.source === "ekuaibao" ? "YKB-" : "")}`);
  out.push("currency: CNY");
  out.push(say(lang, "starter defaults", {}));
  out.push("customer: \"\"");
  out.push("department: \"\"");
  out.push("");
  out.push(say(lang, "starter accounts", {}));
  out.push("accounts:");
  for (const category of [...categories].sort()) out.push(`  ${q(category)}: ""`);
  if (categories.size === 0) out.push("  # \"交通费\": Expenses:6602-管理费用:01-客户管理费:01-客户拜访");
  out.push("");
  out.push(say(lang, "starter payables", {}));
  out.push("#   payables: \"Liabilities:2241-其他应付款:{claimant}\"");
  out.push(say(lang, "starter payables each", {}));
  out.push("payables:");
  const people = byId ? [] : [...claimants].sort();
  for (const claimant of people) out.push(`  ${q(claimant)}: ""`);
  if (people.length === 0) out.push("  # \"王伟\": Liabilities:2241-其他应付款:E01-王伟");
  if (byId) {
    out.push("");
    out.push(say(lang, "starter names", {}));
    out.push("names:");
    for (const id of [...new Set([...claimants, ...ids])].sort()) out.push(`  ${q(id)}: ""`);
  }
  if (header !== null) {
    out.push("");
    out.push(say(lang, "starter columns of fields", {}));
    out.push("columns:");
    for (const field of FIELDS) {
      const column = header.columns.get(field);
      out.push(column === undefined ? `  # ${field}: ${say(lang, "starter not found", {})}` : `  ${field}: ${q(header.names[column]!)}`);
    }
  }
  return out.join("\n") + "\n";
}
