// English messages of the exchange with other systems: what import, export and fmt print about
// their work (problems, summaries, progress). One function per key; zh-exchange.ts has the same
// keys with the same parameters. Composed into the whole catalogue in en.ts.
import { merged } from "./translation.js";
import { fixed } from "./en-cli.js";

const plural = (count: number, word: string, words = `${word}s`): string => `${count} ${count === 1 ? word : words}`;

export const enFmt = () => ({
  "fmt formatted": (p: { file: string }) => `formatted ${p.file}`,
  "fmt cannot read": (p: { file: string; why: string }) => `feeledger: cannot read ${p.file}: ${p.why}; nothing was written`,
  "fmt refused": (p: { file: string; why: string }) => `feeledger: ${p.file}: not formatted: ${p.why}; nothing was written (please report this)`,
});

const lines = (count: number): string => plural(count, "line");
const vouchers = (count: number): string => plural(count, "voucher");

export const enExport = () => ({
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
});

/** What import says of the documents it reads: each problem, each outcome, the summary. */
export const enImport = () => ({
  "import no amount": fixed("no amount"),
  "import amount not a number": (p: { value: string }) => `amount ${p.value} is not a number`,
  "import amount unreadable": (p: { value: string }) => `cannot read "${p.value}" as an amount`,
  "import amount zero": fixed("the amount is zero"),
  "import amount negative": (p: { amount: string }) => `the amount ${p.amount} is below zero (a refund is not a claim line)`,
  "import no date": fixed("no date"),
  "import date unreadable": (p: { value: string }) => `cannot read ${p.value} as a date`,
  "import date unreadable text": (p: { value: string }) => `cannot read "${p.value}" as a date`,
  "import not a day": (p: { value: string }) => `"${p.value}" is not a day of the calendar`,
  "import not a time": (p: { value: string }) => `"${p.value}" is not a time of day`,
  "import number not whole": (p: { value: string }) => `document number ${p.value} is not a whole number`,
  "import number lost digits": (p: { value: string }) =>
    `document number ${p.value} was stored as a number and has lost digits; format the column as text in the spreadsheet, or export it again`,
  "import no number": fixed("no document number"),
  "import no claimant": fixed("no claimant"),
  "import no status": fixed("no status"),
  "import unknown status": (p: { status: string }) => `unknown status "${p.status}"`,
  "import currency": (p: { currency: string; mapCurrency: string }) => `the amounts are in ${p.currency}, the map's currency is ${p.mapCurrency}`,
  "import no payable": (p: { claimant: string }) => `no payable account for ${p.claimant} in the map (payables)`,
  "import no lines": fixed("the document has no detail lines"),
  "import no category": fixed("no expense category"),
  "import unknown category": (p: { category: string }) => `unknown expense category "${p.category}": add it to the map's accounts`,
  "import no finish time": fixed("an approved document without its finish time (完成时间): the approval date is unknown"),
  "import no approver": fixed("an approved document that names no approver other than its claimant"),
  "import no document date": fixed("no date: neither the detail lines nor the document have one"),
  "import also at": (p: { place: string }) => `also at ${p.place} of the export`,
  "import still submitted": (p: { id: string; where: string }) => `${p.id} is still submitted in the journal (${p.where}): reject it with feeledger reject`,
  "import rejected in": (p: { rejected: boolean; source: string; still: string | null }) =>
    `${p.rejected ? "rejected" : "withdrawn"} in ${p.source}${p.still === null ? "" : `; ${p.still}`}`,
  "import already in journal": (p: { status: string; where: string }) => `already in the journal, ${p.status} (${p.where})`,
  "import id taken": (p: { id: string; where: string }) => `claim id ${p.id} is taken by another claim (${p.where}); set a prefix in the map`,
  "import read": (p: { file: string; kind: string; sheet: string | null; encoding: string | null; count: number }) =>
    `${p.file}: ${p.kind}${p.sheet === null ? "" : ` (sheet ${p.sheet})`}${p.encoding === null ? "" : `, ${p.encoding}`}, ${plural(p.count, "document")}`,
  "import progress reading": fixed("reading"),
  "import progress bar": (p: { label: string }) => `${p.label} [{bar}] {value}/{total} documents`,
  "import map errors": fixed("the map has errors; nothing was written"),
  "import journal errors": (p: { count: number }) => `${plural(p.count, "error")} in the journal; nothing was written`,
  "import would bring errors": fixed("the import would bring errors into the journal; nothing was written"),
  "import bad documents": (p: { count: number }) => `${plural(p.count, "bad document")}; nothing was written (--skip-bad imports the others)`,
  "import nothing to import": fixed("nothing to import; nothing was written"),
  "import wrote": (p: { file: string; bad: number }) => `wrote ${p.file}${p.bad > 0 ? `; ${plural(p.bad, "bad document")} left out (--skip-bad)` : ""}`,
  "import appeared": (p: { file: string }) => `feeledger: ${p.file} appeared while the import was planned; nothing was written (run it again)`,
  "import Document": fixed("Document"),
  "import Claim": fixed("Claim"),
  "import Outcome": fixed("Outcome"),
  "import Detail": fixed("Detail"),
  "import imported": fixed("imported"),
  "import ready": fixed("ready"),
  "import updated": fixed("updated"),
  "import skipped": fixed("skipped"),
  "import bad": fixed("bad"),
  "import state and lines": (p: { approved: boolean; lines: number }) => `${p.approved ? "approved" : "submitted"}, ${plural(p.lines, "line")}`,
  "import approved by": (p: { names: string; where: string }) => `approved by ${p.names} (${p.where})`,
  "import problems in row": (p: { count: number; row: number }) => `${plural(p.count, "problem")} (row ${p.row})`,
  "import more not listed": (p: { count: number }) => `(${p.count} more not listed)`,
  "import summary": (p: { imported: number; importedWord: string; updated: number; skipped: number; bad: number }) =>
    `${p.imported} ${p.importedWord}, ${p.updated} updated, ${p.skipped} skipped, ${p.bad} bad`,
});

/** What an import map's part is called: `prefix`, `the account of 交通费`. */
const mapPart = (p: { what: string; of: string | null }): string => (p.of === null ? p.what : `the ${p.what} of ${p.of}`);

/** The problems of an import map (src/import/map.ts), each after `MAP:LINE:COL: error: `. */
export const enImportMap = () => ({
  "map cannot read": (p: { why: string }) => `cannot read the map: ${p.why}`,
  "map yaml": (p: { why: string }) => p.why,
  "map not a mapping": fixed("the map is a YAML mapping (key: value lines)"),
  "map must be text": (p: { what: string; of: string | null }) => `${mapPart(p)} must be a text`,
  "map must be mapping": (p: { what: string; of: string | null }) => `${mapPart(p)} must be a mapping (one "name: value" per line)`,
  "map key must be text": (p: { what: string; of: string | null }) => `a key of ${mapPart(p)} must be a text`,
  "map prefix": (p: { text: string }) => `prefix "${p.text}" may hold only letters, digits, '-', '_' and '.'`,
  "map currency": (p: { text: string }) => `currency "${p.text}" is not a commodity name (CNY, USD)`,
  "map unknown field": (p: { field: string; fields: string }) => `unknown field "${p.field}" in columns (the fields: ${p.fields})`,
  "map unknown key": (p: { key: string; keys: string }) => `unknown key "${p.key}" (the map's keys: ${p.keys})`,
});

/** An export that cannot be read at all (src/import/sheet.ts, read.ts), and import's --to checks (target.ts). */
export const enImportFile = () => ({
  "export file cannot read": (p: { file: string; why: string }) => `cannot read ${p.file}: ${p.why}`,
  "export file kind": (p: { file: string }) => `${p.file}: an export is .xlsx, .xls, .csv or .json (the systems' API answers)`,
  "export file csv": (p: { file: string; why: string }) => `${p.file}: cannot read the CSV: ${p.why}`,
  "export file workbook": (p: { file: string; why: string }) => `${p.file}: cannot read the workbook (${p.why}); save it again as .xlsx`,
  "export file no sheet": (p: { file: string }) => `${p.file}: the workbook has no sheet`,
  "export file not json": (p: { file: string; why: string }) => `${p.file}: not JSON: ${p.why}`,
  "export file no header": (p: { file: string; label: string; examples: string }) =>
    `${p.file}: no header row found: none of the first rows names two of the ${p.label} columns (${p.examples}, ...); name the columns in the map (columns:)`,
  "export file no id column": (p: { file: string; idColumns: readonly string[] }) =>
    `${p.file}: no document number column (${p.idColumns.join(" or ")}); name it in the map (columns: id: ...)`,
  "export file json": (p: { file: string; source: string }) => `${p.file}: --from ${p.source} reads spreadsheets (.xlsx, .xls, .csv), not JSON`,
  "import to no claims option": (p: { main: string }) =>
    `the journal declares no claim files; add a line such as 2026-01-01 custom "feeledger-option" "claims" "claims/*.beancount" to ${p.main}`,
  "import to name it": (p: { patterns: string }) => `name the claim file to write with --to FILE (the claims option covers ${p.patterns})`,
  "import to not covered": (p: { file: string; patterns: string }) => `${p.file} is not a claim file of the journal: the claims option covers ${p.patterns}`,
  "import to not read": (p: { file: string }) => `${p.file} is not read as a claim file (see feeledger check); nothing was written`,
  "import to no folder": (p: { file: string }) => `the folder of ${p.file} does not exist`,
});

/** The comments of the starter map `import --init` prints (the YAML keys stay as they are). */
export const enStarter = () => ({
  "starter title": (p: { label: string; file: string; source: string }) =>
    `# feeledger import map for ${p.label} exports, started from ${p.file}\n`
    + `# (feeledger import --init ${p.file} --from ${p.source}). Fill in the blanks, keep it in git\n`
    + `# beside the books, and import with: feeledger import BOOKS EXPORT --from ${p.source} --map THIS-FILE`,
  "starter columns": (p: { file: string; row: number; second: number | null }) =>
    `# Columns of ${p.file} (header on row ${p.row}${p.second === null ? "" : ` and ${p.second}, a two-row header`}):`,
  "starter not read": fixed("(not read)"),
  "starter api answer": (p: { file: string; count: number }) =>
    `# ${p.file} is an API answer (${plural(p.count, "document")}); its fields are read as docs/IMPORT.md says.`,
  "starter prefix": fixed("# The claim id is this prefix and the source's document number (the number itself is kept as approval-id)."),
  "starter defaults": fixed("# For documents that name none:"),
  "starter accounts": fixed("# Expense category -> account (an open Expenses account of the books). Every category found:"),
  "starter payables": fixed("# Claimant -> the payable the claim credits. One pattern for everyone, e.g."),
  "starter payables each": fixed("# or one line per claimant (every claimant found):"),
  "starter names": fixed("# People (and departments) come as ids in the API's answer: name each one."),
  "starter columns of fields": fixed("# The column of each field (the preset's guesses; change a name if your export differs):"),
  "starter not found": fixed("(not found)"),
  "starter field id": fixed("the document number (审批编号): the claim id is the map's prefix and this"),
  "starter field title": fixed("the title, the claim's narration"),
  "starter field date": fixed("when the document was started (发起时间)"),
  "starter field finished": fixed("when it was finished (完成时间): the approval date"),
  "starter field claimant": fixed("who claims (发起人姓名)"),
  "starter field department": fixed("the claimant's department"),
  "starter field customer": fixed("the customer the cost is for"),
  "starter field approvers": fixed("who approved (历史审批人姓名), all of them, in order"),
  "starter field status": fixed("the document's status (审批中, 完成, 已撤销)"),
  "starter field result": fixed("its result (同意, 拒绝)"),
  "starter field category": fixed("a detail line's expense category (费用类型)"),
  "starter field amount": fixed("a detail line's amount"),
  "starter field detail-date": fixed("a detail line's date"),
  "starter field invoice": fixed("a detail line's fapiao number"),
  "starter field narration": fixed("a detail line's description (说明)"),
});

/** Why fmt leaves a file as it is (src/fmt/same-entries.ts): formatting would change what it says. */
export const enFmtReasons = () => ({
  "fmt reason line": (p: { line: number }) => `line ${p.line} would change in more than spaces and tabs`,
  "fmt reason entry": (p: { type: string; line: number }) => `the ${p.type} entry of line ${p.line} would read differently`,
  "fmt reason count": (p: { formatted: number; old: number }) => `it would read as ${p.formatted} entries instead of ${p.old}`,
  "fmt reason controls": fixed("its options, includes or plugins would read differently"),
  "fmt reason problems": fixed("it would be read with other errors or warnings"),
});

export const enExchange = () => merged(enFmt(), enExport(), enImport(), enImportMap(), enImportFile(), enStarter(), enFmtReasons());
