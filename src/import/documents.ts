// Raw documents -> source documents: every value read (values.ts) and mapped (map.ts): the claim's
// accounts, its claimant's payable, its status and approvers. A value that cannot be read or mapped
// is a problem at its place; a document with a problem is not imported.
import { fapiaoProblem } from "../validation/fapiao.js";
import { samePerson } from "../core/names.js";
import { sourceState, type StatusWords } from "./fields.js";
import { payableOf, type ImportMap } from "./map.js";
import { importProblem, type Approval, type ClaimLine, type ImportProblem, type RawCell, type RawDocument, type SourceDocument } from "./document.js";
import { message, type Message } from "../i18n/message.js";
import { cellText, readAmount, readDay, readDocumentNumber, readMoment } from "./values.js";

export type DocumentRead = { readonly document: SourceDocument } | { readonly number: string | null; readonly place: RawDocument["place"]; readonly problems: readonly ImportProblem[] };

/** Separators of the names in one approvers cell (`赵敏,孙强`, `赵敏、孙强`). */
const NAME_SEPARATORS = /[,，、;；|\n]+/;

export function readDocument(raw: RawDocument, map: ImportMap, statuses: StatusWords, hasStatus: boolean): DocumentRead {
  const problems: ImportProblem[] = [...raw.problems];
  const problem = (cell: RawCell | undefined, said: Message) => problems.push(importProblem(cell?.place ?? raw.place, said));
  /** A cell's text, an id named by the map's `names` (an API's user and department ids). */
  const named = (cell: RawCell | undefined): string => {
    const text = cellText(cell?.value ?? null);
    return map.names.get(text) ?? text;
  };

  const numberRead = raw.fields.id === undefined ? { problem: message("import no number", {}) } : readDocumentNumber(raw.fields.id.value);
  const number = "value" in numberRead ? numberRead.value : null;
  if ("problem" in numberRead) problem(raw.fields.id, numberRead.problem);

  const claimant = named(raw.fields.claimant);
  if (claimant === "") problem(raw.fields.claimant, message("import no claimant", {}));
  const state = hasStatus || raw.fields.status !== undefined
    ? sourceState(cellText(raw.fields.status?.value ?? null), cellText(raw.fields.result?.value ?? null), statuses)
    : "submitted";
  if (state === null) {
    const said = [raw.fields.status, raw.fields.result].map((cell) => cellText(cell?.value ?? null)).filter((text) => text !== "").join(" / ");
    problem(raw.fields.status ?? raw.fields.result, said === "" ? message("import no status", {}) : message("import unknown status", { status: said }));
  }
  const started = raw.fields.date === undefined ? null : readMoment(raw.fields.date.value);
  if (started !== null && "problem" in started) problem(raw.fields.date, started.problem);
  const finishedCell = raw.fields.finished;
  const finished = finishedCell === undefined || cellText(finishedCell.value) === "" ? null : readMoment(finishedCell.value);
  if (finished !== null && "problem" in finished) problem(finishedCell, finished.problem);

  // Skipped documents are not read further: a refused claim's lines need not map.
  if (state === "rejected" || state === "withdrawn") {
    if (problems.length > 0 || number === null) return { number, place: raw.place, problems };
    return { document: { number, title: null, claimant, department: null, customer: null, state, date: "", approvals: [], payable: "", lines: [], place: raw.place } };
  }

  if (raw.currency !== null && cellText(raw.currency.value) !== "" && cellText(raw.currency.value) !== map.currency) {
    problem(raw.currency, message("import currency", { currency: cellText(raw.currency.value), mapCurrency: map.currency }));
  }
  const payable = claimant === "" ? null : payableOf(map, claimant);
  if (claimant !== "" && payable === null) problem(raw.fields.claimant, message("import no payable", { claimant }));

  const documentCustomer = raw.lines.map((line) => cellText(line.customer?.value ?? null)).find((text) => text !== "") ?? map.customer;
  const lines: ClaimLine[] = [];
  let latest: string | null = null;
  if (raw.lines.length === 0) problem(undefined, message("import no lines", {}));
  for (const line of raw.lines) {
    const category = cellText(line.category?.value ?? null);
    const account = category === "" ? null : map.accounts.get(category) ?? null;
    if (category === "") problem(line.category ?? line.amount, message("import no category", {}));
    else if (account === null) problem(line.category, message("import unknown category", { category }));
    const amount = readAmount(line.amount?.value ?? null);
    if ("problem" in amount) problem(line.amount ?? line.category, amount.problem);
    const lineDate = line["detail-date"] === undefined || cellText(line["detail-date"].value) === "" ? null : readDay(line["detail-date"].value);
    if (lineDate !== null && "problem" in lineDate) problem(line["detail-date"], lineDate.problem);
    else if (lineDate !== null && (latest === null || lineDate.value > latest)) latest = lineDate.value;
    const invoice = cellText(line.invoice?.value ?? null).replace(/\s+/g, "");
    if (invoice !== "") {
      const malformed = fapiaoProblem({ type: "string", value: invoice });
      if (malformed !== null) problem(line.invoice, malformed);
    }
    if (account === null || "problem" in amount) continue;
    const narration = cellText(line.narration?.value ?? null);
    const customer = cellText(line.customer?.value ?? null);
    lines.push({
      account, amount: amount.value, invoice: invoice === "" ? null : invoice, narration: narration === "" ? null : narration,
      customer: customer === "" || customer === documentCustomer ? null : customer, place: (line.amount ?? line.category)!.place,
    });
  }

  const approvals: Approval[] = [];
  if (state === "approved") {
    const finishedDay = finished !== null && "value" in finished ? finished.value.day : null;
    const people: { name: string; on: string | null }[] = [];
    if (raw.approvers !== null) {
      for (const approver of raw.approvers) {
        const on = approver.on === null || cellText(approver.on.value) === "" ? null : readDay(approver.on.value);
        if (on !== null && "problem" in on) problem(approver.on ?? undefined, on.problem);
        people.push({ name: named(approver.name), on: on !== null && "value" in on ? on.value : null });
      }
    } else {
      for (const name of cellText(raw.fields.approvers?.value ?? null).split(NAME_SEPARATORS)) {
        if (name.trim() !== "") people.push({ name: name.trim(), on: null });
      }
    }
    // The claimant's own step (an approval system approves it automatically) and a second approval by one person count once.
    for (const person of people) {
      if (samePerson(person.name, claimant) || approvals.some((approval) => samePerson(approval.by, person.name))) continue;
      const on = person.on ?? finishedDay;
      if (on === null) {
        problem(finishedCell ?? raw.fields.status, message("import no finish time", {}));
        break;
      }
      approvals.push({ by: person.name, on });
    }
    if (approvals.length === 0 && problems.length === 0) problem(raw.fields.approvers ?? raw.fields.status, message("import no approver", {}));
  }

  const date = latest ?? (started !== null && "value" in started ? started.value.day : null);
  if (date === null) problem(raw.fields.date, message("import no document date", {}));
  if (problems.length > 0 || number === null || date === null || payable === null || state === null) return { number, place: raw.place, problems };
  const title = cellText(raw.fields.title?.value ?? null);
  const department = named(raw.fields.department);
  return {
    document: {
      number, title: title === "" ? null : title, claimant, department: department === "" ? map.department : department,
      customer: documentCustomer, state, date, approvals, payable, lines, place: raw.place,
    },
  };
}
