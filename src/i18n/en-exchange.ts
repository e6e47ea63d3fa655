// English messages of the exchange with other systems: what import, export and fmt print about
// their work (problems, summaries, progress). One function per key; zh-exchange.ts has the same
// keys with the same parameters. Composed into the whole catalogue in en.ts.
import { fixed } from "./en-cli.js";

const plural = (count: number, word: string, words = `${word}s`): string => `${count} ${count === 1 ? word : words}`;

export const enFmt = {
  "fmt formatted": (p: { file: string }) => `formatted ${p.file}`,
  "fmt cannot read": (p: { file: string; why: string }) => `feeledger: cannot read ${p.file}: ${p.why}; nothing was written`,
  "fmt refused": (p: { file: string; why: string }) => `feeledger: ${p.file}: not formatted: ${p.why}; nothing was written (please report this)`,
};

const lines = (count: number): string => plural(count, "line");
const vouchers = (count: number): string => plural(count, "voucher");

export const enExport = {
  "export-currency-books": (p: { title: string; currency: string; known: string }) =>
    `${p.title} has no known code for ${p.currency}, the currency of the books (known: ${p.known})`,
  "export-duplicate-number": (p: { voucher: string; date: string }) =>
    `voucher number ${p.voucher} is also on the voucher of ${p.date}: the target would merge them (renumber one of them)`,
  "export-voucher-word": (p: { title: string; word: string; known: string; count: number }) =>
    `${p.title} has no known code for the 凭证字 ${p.word} (known: ${p.known}); ${vouchers(p.count)} of the period use it (the first here)`,
  "export-account-code": (p: { account: string; title: string; count: number }) =>
    `${p.account} has no account code (科目代码), which ${p.title} needs: start its components with codes (6602-管理费用) or write code: on its open; ${lines(p.count)} of the period (the first here)`,
  "export-parent-account": (p: { account: string; code: string; title: string; count: number }) =>
    `${p.account} (${p.code}) has sub-accounts: ${p.title} takes only leaf accounts (明细科目), so post to one of its sub-accounts; ${lines(p.count)} of the period (the first here)`,
  "export-currency-line": (p: { currency: string; books: string; count: number }) =>
    `this posting is in ${p.currency} with no price or cost in ${p.books}, the currency of the books: give it one (@ RATE ${p.books}) so the voucher carries 原币 and 汇率; ${lines(p.count)} of the period (the first here)`,
  "export-currency-code": (p: { title: string; currency: string; known: string; count: number }) =>
    `${p.title} has no known code for ${p.currency} (known: ${p.known}); ${lines(p.count)} of the period (the first here)`,
  "export-dimension-kind": (p: { title: string; dimension: string; name: string; count: number }) =>
    `${p.title} has no column for the ${p.dimension} dimension (辅助核算) of this line (${p.name}); ${lines(p.count)} of the period carry one (the first here)`,
  "export-dimension-code": (p: { dimension: string; name: string; count: number }) =>
    `the ${p.dimension} "${p.name}" has no declared code: declare one with custom "dimension" "${p.dimension}" "CODE" "${p.name}"; ${lines(p.count)} of the period (the first here)`,
  "export-zero-line": (p: { places: number; title: string }) =>
    `this line's amount is 0 at ${p.places} places: ${p.title} takes only lines with a debit or a credit`,
  "export-summary": (p: { title: string; count: number }) =>
    `this line has no summary (摘要), which ${p.title} needs: give the transaction a narration; ${lines(p.count)} of the period (the first here)`,
  "export-unbalanced": (p: { debits: string; credits: string; currency: string; places: number }) =>
    `the voucher's debits ${p.debits} and credits ${p.credits} ${p.currency} differ (at ${p.places} places, as the file takes them)`,
  "export-too-many-lines": (p: { extension: string; limit: number }) =>
    `the ${p.extension} sheet holds ${p.limit} voucher lines: this voucher and the ones after it do not fit (export fewer months at a time)`,
  "export-unnumbered": (p: { count: number }) =>
    `${vouchers(p.count)} of the period ${p.count === 1 ? "has" : "have"} no number (the first here): close the period to number them in the journal, or pass --number to number them for this file only`,
  "export-preparer": (p: { count: number; title: string }) =>
    `${vouchers(p.count)} of the period name no preparer (制单), which ${p.title} needs (the first here): pass --preparer NAME, or write prepared-by: on the transaction`,
  "export-unencodable": (p: { characters: string; encoding: string; title: string }) =>
    `this line's text has ${p.characters}, which ${p.encoding} cannot hold: ${p.title} reads the file as ${p.encoding} (change the text in the journal)`,
  "export no vouchers": (p: { period: string }) => `feeledger: no vouchers are dated in ${p.period}; nothing was written`,
  "export problems": (p: { count: number; title: string; output: string }) =>
    `${plural(p.count, "problem")} for ${p.title}; nothing was written to ${p.output}`,
  "export wrote": (p: { vouchers: number; lines: number; period: string; output: string; title: string; debit: string; credit: string; currency: string }) =>
    `Wrote ${vouchers(p.vouchers)} (${p.lines} lines) of ${p.period} to ${p.output} for ${p.title}: debit ${p.debit} = credit ${p.credit} ${p.currency}`,
};

export const enExchange = { ...enFmt, ...enExport };
