// `feeledger pay FILE [CLAIM...|--all] --from ACCOUNT [--on DATE] [--no-offset] [--bank-file FILE] [--dry-run]`:
// one payment entry in the books settling posted claims (per employee: Dr payable, Cr advance for
// the part offset, Cr the paying account), and optionally the bank's batch-payment file. Checked as
// the journal would be afterwards; the journal and the bank file are both written or neither.
import { both, message, say, translate, type Message } from "../../i18n/message.js";
import type { Lang } from "../../i18n/lang.js";
import * as fs from "node:fs";
import type { Command } from "commander";
import { loadLedger } from "../../loader/load.js";
import { error, warning } from "../../diagnostics/diagnostic.js";
import { Decimal } from "../../core/number.js";
import { planPayment, type EmployeePayment, type PaymentPlan } from "../../claims/payment-plan.js";
import { checkPayment } from "../../claims/payment-check.js";
import { booksTarget } from "../../claims/books-target.js";
import { firstOpenDay, isLocked, periodState } from "../../periods/rule.js";
import { paymentEdit, accountLabel } from "../../edit/pay.js";
import { unifiedDiff } from "../../edit/diff.js";
import { fileEnd } from "../../edit/file-end.js";
import { keptBytes, planChanges, writeChanges } from "../../edit/write.js";
import { terminalText } from "../../render/terminal.js";
import { reportWriteFailure } from "../writing.js";
import { createFileAtomically, FileExistsError } from "../../edit/new-file.js";
import { displayScales } from "../../reports/display.js";
import { formatDiagnostic, sortDiagnostics } from "../../render/diagnostics.js";
import { renderBankFile, type BankFileRow } from "../../render/bank-file.js";
import { groupThousands, renderTable, type Column } from "../../render/table.js";
import { EXIT_ERRORS, EXIT_OK, requireReadableFile, resolveJournal, todayOf, UsageError, useColor, type CommandShared, type Io, langOf, terminalWidth } from "../context.js";
import { decisionDate } from "./claim-decision.js";

export interface PayContext {
  readonly file: string;
  /** Claim ids, or "all": every posted claim still owed. */
  readonly claims: readonly string[] | "all";
  readonly from: string;
  readonly on: string;
  readonly offset: boolean;
  /** Where to write the bank's batch-payment file, or null. */
  readonly bankFile: string | null;
  readonly dryRun: boolean;
  readonly color: boolean | undefined;
  /** Runs after planning, just before writing (tests change the file underneath here). */
  readonly beforeWrite?: () => void;
}

/** `ID not paid: REASON`: English text for the diagnostic, the reason in Chinese when that is the language. */
function notPaid(id: string, reason: Message, lang: Lang): Message {
  const said = message("pay not paid", { id, reason: reason.text });
  return lang === "en" ? said : { ...said, params: { ...said.params, reason: translate(reason, lang) } };
}

/** A problem of the payment entry itself, said of the payment rather than of "this posting". */
function afterThePayment(problem: { en: string; zh: string }): { en: string; zh: string } {
  return { en: problem.en.replace(/ after this posting/, " after the payment"), zh: problem.zh.replace(/这条分录后/, "付款后") };
}

function employeeName(employee: EmployeePayment): string {
  return employee.payee.name ?? accountLabel(employee.payee.account);
}

/** The bank file's rows: one per employee and commodity the bank pays. */
function bankRows(plan: PaymentPlan, amount: (value: EmployeePayment["paid"], currency: string, scale: number) => string): BankFileRow[] {
  return plan.employees.filter((employee) => employee.paid.greaterThan(0)).map((employee) => ({
    name: employeeName(employee),
    bankAccount: employee.payee.bankAccount ?? "",
    bank: employee.payee.bank ?? "",
    amount: amount(employee.paid, employee.currency, employee.scale),
    currency: employee.currency,
    memo: `${/\p{Script=Han}/u.test(employee.payee.account) ? "报销款" : "Expense claims"} ${employee.claims.map((claim) => claim.id).join(" ")}`,
  }));
}

/** Per employee who had an advance offset, one line saying so. */
function offsetLines(plan: PaymentPlan, money: (value: EmployeePayment["paid"], currency: string, scale: number) => string, lang: Lang): string[] {
  return plan.employees.filter((employee) => employee.offset !== null).map((employee) => {
    const offset = employee.offset!;
    const show = (value: EmployeePayment["paid"]) => `${groupThousands(money(value, employee.currency, employee.scale))} ${employee.currency}`;
    return say(lang, "pay offset", { name: employeeName(employee), owed: show(employee.owed), offset: show(offset.amount), account: offset.account, open: show(offset.open), paid: show(employee.paid) }) + "\n";
  });
}

/** Per commodity: owed, offset and paid over all employees. */
function totalRows(plan: PaymentPlan, money: (value: EmployeePayment["paid"], currency: string, scale: number) => string, label: string): string[][] {
  const currencies = [...new Set(plan.employees.map((employee) => employee.currency))];
  return currencies.map((currency, index) => {
    const employees = plan.employees.filter((employee) => employee.currency === currency);
    const scale = Math.max(...employees.map((employee) => employee.scale));
    const sum = (part: (employee: EmployeePayment) => EmployeePayment["paid"]) => money(employees.reduce((total, employee) => total.plus(part(employee)), new Decimal(0)), currency, scale);
    const offset = employees.some((employee) => employee.offset !== null) ? sum((employee) => employee.offset?.amount.neg() ?? new Decimal(0)) : "";
    return [index === 0 ? label : "", "", sum((employee) => employee.owed), offset, sum((employee) => employee.paid), currency];
  });
}

export function runPay(io: Io, context: PayContext): number {
  requireReadableFile(context.file);
  const ledger = loadLedger(context.file, { keepText: true });
  const color = useColor(io, "stderr", context.color);
  const lang = langOf(io);
  const brief = { color, excerpt: false, lang };
  const errors = sortDiagnostics(ledger.diagnostics.filter((d) => d.severity === "error"), [...ledger.sources.keys()]);
  if (errors.length > 0) {
    for (const diagnostic of errors) io.stderr(formatDiagnostic(diagnostic, ledger.sources, { color, excerpt: true, lang }, context.file) + "\n");
    io.stderr(say(lang, "stop journal errors", { count: errors.length }) + "\n");
    return EXIT_ERRORS;
  }
  if (context.bankFile !== null && fs.existsSync(context.bankFile)) {
    io.stderr(`feeledger: --bank-file ${translate(new FileExistsError(context.bankFile).said, lang)}\n`);
    return EXIT_ERRORS;
  }

  const result = planPayment(ledger, { claims: context.claims, from: context.from, date: context.on, offset: context.offset, bankFile: context.bankFile !== null });
  if (result.kind !== "refused") {
    for (const skipped of result.skipped) {
      io.stderr(formatDiagnostic(warning("payment-skipped", notPaid(skipped.id, skipped.reason, lang), skipped.claim.span), ledger.sources, brief, context.file) + "\n");
    }
  }
  if (result.kind === "nothing") {
    io.stdout(say(lang, "pay nothing to pay", { reason: translate(result.reason, lang) }) + "\n");
    return EXIT_OK;
  }
  if (result.kind === "refused") {
    for (const refusal of result.refusals) {
      if (refusal.claim !== null) io.stderr(formatDiagnostic(error("payment-refused", notPaid(refusal.id!, refusal.reason, lang), refusal.claim.span), ledger.sources, brief, context.file) + "\n");
      else io.stderr(`feeledger: ${refusal.id === null ? translate(refusal.reason, lang) : say(lang, "pay not paid", { id: refusal.id, reason: translate(refusal.reason, lang) })}\n`);
    }
    io.stderr(say(lang, "pay nothing written", {}) + "\n");
    return EXIT_ERRORS;
  }
  const plan = result.plan;
  // Nothing is written into a closed month (periods/rule.ts).
  const periods = periodState(ledger.entries);
  if (isLocked(periods, plan.date)) {
    io.stderr(`feeledger: ${say(lang, "pay closed month", { claims: plan.claims.join(" "), date: plan.date, latest: `${periods.latest}`, first: `${firstOpenDay(periods)}` })}\n`);
    return EXIT_ERRORS;
  }
  const target = booksTarget(ledger, plan.date);
  if ("problem" in target) {
    io.stderr(formatDiagnostic(error("payment-refused", target.problem, target.span), ledger.sources, brief, context.file) + `\n${say(lang, "pay nothing written", {})}\n`);
    return EXIT_ERRORS;
  }

  const scales = displayScales(ledger.entries);
  const scaleOf = (currency: string) => scales.get(currency) ?? 2;
  const money = (value: EmployeePayment["paid"], currency: string, scale: number) => value.toFixed(Math.max(scaleOf(currency), scale, value.decimalPlaces()));
  const textOf = (file: string) => ledger.sources.get(file)!.text;
  // Read off the kept bytes: the whole text is decoded only for --dry-run's diff (or a file not UTF-8).
  const end = fileEnd(ledger.sources.get(target.file)!);
  const written = paymentEdit(plan, target.file, end, scaleOf, context.bankFile !== null);
  // The payment's first line: one more than the line ends before it, in the file as read and in the
  // appended text (counted in place, not by joining the texts and listing every line's start).
  let line = 1 + end.ends.count;
  const appended = written.edit.text;
  for (let i = appended.indexOf("\n"); i >= 0 && i < written.start - end.length; i = appended.indexOf("\n", i + 1)) line++;
  const check = checkPayment(ledger, plan, target.file, written.entry, line, { today: todayOf(io) });
  if (check.problems.length > 0) {
    for (const problem of check.problems) {
      if (problem.span?.file === check.paymentFile) io.stderr(`feeledger: ${say(lang, "pay refused because", { problem: afterThePayment(both(problem.translatable ?? problem.message)) })}\n`);
      else io.stderr(formatDiagnostic(problem, ledger.sources, brief, context.file) + "\n");
    }
    io.stderr(say(lang, "pay refused", { claims: plan.claims.join(" ") }) + "\n");
    return EXIT_ERRORS;
  }

  const bankFile = context.bankFile === null ? null : renderBankFile(bankRows(plan, money));
  const bankRowCount = context.bankFile === null ? 0 : plan.employees.filter((employee) => employee.paid.greaterThan(0)).length;
  const paidSummary = plan.totals.map((total) => `${groupThousands(money(total.amount, total.currency, total.scale))} ${total.currency}`).join(", ") || null;
  if (context.dryRun) {
    io.stdout(unifiedDiff(target.file, textOf(target.file), [written.edit]));
    for (const text of offsetLines(plan, money, lang)) io.stderr(text);
    const would = say(lang, "writer would pay", { claims: plan.claims.length, summary: paidSummary, from: plan.from, bankFile: context.bankFile, rows: bankRowCount });
    io.stderr(say(lang, "writer dry run", { would }) + "\n");
    return EXIT_OK;
  }

  let changes: ReturnType<typeof planChanges>;
  try {
    changes = planChanges([written.edit], textOf, (file) => keptBytes(ledger.sources.get(file)));
  } catch (thrown) {
    if (!reportWriteFailure(io, thrown)) throw thrown;
    return EXIT_ERRORS;
  }
  context.beforeWrite?.();
  try {
    if (context.bankFile !== null) createFileAtomically(context.bankFile, bankFile!);
  } catch (thrown) {
    if (thrown instanceof FileExistsError) io.stderr(`feeledger: --bank-file ${terminalText(translate(thrown.said, lang))}\n`);
    else if ((thrown as NodeJS.ErrnoException).code !== undefined) io.stderr(`feeledger: ${say(lang, "pay cannot write bank file", { why: terminalText((thrown as Error).message) })}\n`);
    else throw thrown;
    return EXIT_ERRORS;
  }
  try {
    writeChanges(changes, { environment: io.env });
  } catch (thrown) {
    // The bank file is this run's own, just made: without the payment in the books it must go.
    if (context.bankFile !== null) fs.rmSync(context.bankFile, { force: true });
    if (!reportWriteFailure(io, thrown)) throw thrown;
    return EXIT_ERRORS;
  }

  // The Offset column only when an advance was offset.
  const offsets = plan.employees.some((employee) => employee.offset !== null);
  const withoutOffset = <T,>(cells: readonly T[]): T[] => (offsets ? [...cells] : [...cells.slice(0, 3), ...cells.slice(4)]);
  io.stdout(renderTable(
    withoutOffset<Column>([
      { header: say(lang, "payables Employee", {}) }, { header: say(lang, "writer Claims", {}) }, { header: say(lang, "payables Owed", {}), align: "right" },
      { header: say(lang, "writer Offset", {}), align: "right" }, { header: say(lang, "payables Paid", {}), align: "right" }, { header: say(lang, "column commodity", {}) },
    ]),
    plan.employees.map((employee) => withoutOffset([
      employeeName(employee), employee.claims.map((claim) => claim.id).join(" "), money(employee.owed, employee.currency, employee.scale),
      employee.offset === null ? "" : money(employee.offset.amount.neg(), employee.currency, employee.scale), money(employee.paid, employee.currency, employee.scale), employee.currency,
    ])),
    { color: useColor(io, "stdout", context.color), width: terminalWidth(io) },
    totalRows(plan, money, say(lang, "table total", {})).map(withoutOffset),
  ) + "\n");
  for (const text of offsetLines(plan, money, lang)) io.stdout(text);
  io.stdout(say(lang, "writer paid", { claims: plan.claims.length, date: plan.date, from: plan.from, summary: paidSummary, place: `${target.file}:${line}` }) + "\n");
  if (context.bankFile !== null) io.stdout(say(lang, "writer bank file", { file: context.bankFile, rows: bankRowCount }) + "\n");
  return EXIT_OK;
}

export function registerPay(program: Command, { io, setExit, global }: CommandShared): void {
  program
    .command("pay")
    .argument("[FILE-AND-CLAIMS...]")
    .option("--all")
    .option("--from <ACCOUNT>")
    .option("--on <DATE>")
    .option("--no-offset")
    .option("--bank-file <FILE>")
    .option("--dry-run")
    .action((args: string[], options: { all?: boolean; from?: string; on?: string; offset: boolean; bankFile?: string; dryRun?: boolean }) => {
      const journal = resolveJournal(io, global().file, args);
      if (options.all === true && journal.rest.length > 0) throw new UsageError(message("usage claims or all", {}));
      if (options.all !== true && journal.rest.length === 0) throw new UsageError(message("usage pay needs claims", {}));
      const from = options.from?.trim() ?? "";
      if (from === "") throw new UsageError(message("usage pay needs from", {}));
      if (options.bankFile !== undefined && options.bankFile.trim() === "") throw new UsageError(message("usage bank file needs name", {}));
      setExit(runPay(io, {
        file: journal.file, claims: options.all === true ? "all" : journal.rest, from, on: decisionDate(io, options.on),
        offset: options.offset, bankFile: options.bankFile ?? null, dryRun: options.dryRun === true, color: global().color,
      }));
    });
}
