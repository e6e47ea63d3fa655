// English usage errors: what `feeledger: ...` says when the command line is wrong (a missing or bad
// argument or option; exit status 2), and commander's own errors as commander words them. One
// function per key; zh-usage.ts has the same keys with the same parameters. Composed into the whole
// catalogue in en.ts. A UsageError carries its key and parameters; main.ts prints it in the chosen
// language (src/cli/context.ts).

import { fixed } from "./en-cli.js";

/** The usage errors of feeledger's own checks (thrown as UsageError). */
export const enUsage = () => ({
  // Arguments and values every command reads (src/cli/context.ts)
  "usage no journal": fixed("no journal file given (name it, or use -f FILE or FEELEDGER_FILE)"),
  "usage file not found": (p: { file: string }) => `file not found: ${p.file}`,
  "usage file is a directory": (p: { file: string }) => `${p.file} is a directory, not a journal file`,
  "usage unknown format": (p: { value: string }) => `unknown format '${p.value}' (expected table, csv, json, xlsx or html)`,
  "usage invalid date": (p: { name: string; value: string }) => `invalid date for ${p.name}: '${p.value}' (expected YYYY-MM-DD)`,
  "usage impossible date": (p: { name: string; value: string }) => `invalid date for ${p.name}: '${p.value}'`,
  "usage invalid month": (p: { name: string; value: string }) => `invalid month for ${p.name}: '${p.value}' (expected YYYY-MM, e.g. 2026-03)`,
  "usage not a whole number": (p: { flag: string; value: string }) => `${p.flag} takes a whole number of at least 1, not '${p.value}'`,
  "usage empty range": (p: { begin: string; end: string }) => `--begin ${p.begin} is not before --end ${p.end}: the range is empty`,
  "usage invalid period": (p: { flag: string; value: string }) =>
    `invalid period for ${p.flag}: '${p.value}' (expected 2026, 2026-03, 2026Q1 or 2026-01..2026-06)`,
  "usage empty period": (p: { flag: string; value: string }) => `empty period for ${p.flag}: '${p.value}'`,
  "usage invalid account pattern": (p: { pattern: string }) => `invalid account pattern '${p.pattern}'`,
  "usage unexpected argument": (p: { argument: string }) => `unexpected argument '${p.argument}'`,

  // The reports' options (src/cli/reporting.ts)
  "usage period with begin or end": fixed("-p/--period replaces -b and -e: give one or the other"),
  "usage bom without csv": fixed("--bom applies to CSV output only"),
  "usage xlsx to terminal": fixed("an xlsx workbook is not for the terminal: write it with -o FILE.xlsx (or redirect standard output)"),
  "usage ascii without chart": fixed("--ascii applies with --chart"),
  "usage chart format": (p: { format: string }) =>
    `--chart draws in the terminal table; ${p.format} output has no room for it${p.format === "html" ? " (the html page has its chart already)" : ""}`,
  "usage intervals exclude": fixed("-M, -Q and -Y exclude each other"),
  "usage depth with by": fixed("--depth applies to grouping by account, not with --by"),
  "usage unknown by": (p: { by: string }) => `unknown --by '${p.by}' (expected customer, claimant, department, payee, tag or meta:KEY)`,

  // The commands' own arguments and options (src/cli/commands/)
  "usage unknown status": (p: { value: string; statuses: string }) => `unknown status '${p.value}' (expected ${p.statuses})`,
  "usage no such account": (p: { account: string; file: string }) =>
    `no account '${p.account}' in ${p.file} (name an account, a code such as 6602, or a name such as 管理费用-客户管理费)`,
  "usage ambiguous account": (p: { account: string; count: number; candidates: string }) =>
    `'${p.account}' names ${p.count} accounts: ${p.candidates} (name one of them)`,
  "usage ledger needs account": fixed("name the account: feeledger report ledger FILE ACCOUNT"),
  "usage needs text": (p: { command: string; flag: string }) => `${p.command} needs ${p.flag}`,
  "usage single line": (p: { flag: string }) => `${p.flag} must be a single line`,
  "usage needs claim id": (p: { command: string }) => `${p.command} needs a claim id, e.g. feeledger ${p.command} FILE EC-2026-031`,
  "usage allocate needs through": fixed("allocate needs --through YYYY-MM, the last month to allocate"),
  "usage import init one export": fixed("import --init takes one export: feeledger import --init EXPORT --from SOURCE"),
  "usage import needs export": fixed("import needs an export after the journal: feeledger import FILE EXPORT... --from SOURCE"),
  "usage import needs from": (p: { sources: string }) => `import needs --from SOURCE (${p.sources})`,
  "usage import unknown source": (p: { source: string; sources: string }) => `--from ${p.source}: the sources are ${p.sources}`,
  "usage output is claim file": (p: { file: string }) => `--output ${p.file} is a claim file, out of the books; name a file of the books`,
  "usage output not in journal": (p: { file: string; journal: string; include: string }) =>
    `--output ${p.file} is not part of the journal ${p.journal}; add 'include "${p.include}"' to it first, so that the installments count`,
  "usage amortize needs through": fixed("amortize needs --through YYYY-MM, the last month to write installments for"),
  "usage needs month": (p: { command: string }) => `${p.command} needs a month, YYYY-MM`,
  "usage close needs by": fixed("close-period needs --by NAME (who closes the month)"),
  "usage claims or all": fixed("name claims or use --all, not both"),
  "usage post needs claims": fixed("post needs claim ids or --all"),
  "usage pay needs claims": fixed("pay needs claim ids or --all"),
  "usage pay needs from": fixed("pay needs --from ACCOUNT, the bank or cash account that pays"),
  "usage bank file needs name": fixed("--bank-file needs a file name"),
  "usage flat and tree": fixed("--flat and --tree exclude each other"),
  "usage unknown rule": (p: { rule: string; rules: string }) => `unknown --rule '${p.rule}' (expected ${p.rules})`,
  "usage unknown customers by": (p: { by: string }) => `unknown --by '${p.by}' (expected customer or department)`,
  "usage unknown align": (p: { value: string }) => `--align must be file or block, not '${p.value}'`,
  "usage export needs period": fixed("export vouchers needs -p PERIOD: a month (2026-03), a quarter (2026Q1), a year or a range of months (2026-01..2026-03)"),
  "usage export period open": (p: { period: string }) => `-p ${p.period} is open-ended: give both ends, e.g. 2026-01..2026-03`,
  "usage export period not months": (p: { period: string }) =>
    `-p ${p.period} is not whole months: the books are exported by month (会计期间), e.g. -p 2026-03`,
  "usage export needs target": (p: { targets: string }) => `export vouchers needs --target TARGET (${p.targets})`,
  "usage unknown target": (p: { target: string; targets: string }) => `unknown --target '${p.target}' (expected ${p.targets})`,
  "usage export needs output": (p: { extension: string }) => `export vouchers needs -o FILE (the ${p.extension} file to write)`,
  "usage target extension": (p: { target: string; extension: string; title: string }) =>
    `--target ${p.target} writes a ${p.extension} file (${p.title}): name the -o file *${p.extension}`,
  "usage target needs account book": (p: { target: string }) => `--target ${p.target} needs --account-book CODE: the code of the 账簿 the vouchers go into`,
  "usage account book only kingdee": fixed("--account-book and --organization apply to --target kingdee-cloud only"),
});

/**
 * Commander's own errors, as commander 14 words them (main.ts shows these only in Chinese: in
 * English commander's text is printed as it is). `suggestions`: its "(Did you mean ...?)".
 */
export const enCommander = () => ({
  "usage commander unknown option": (p: { option: string; suggestions: readonly string[] }) =>
    `error: unknown option '${p.option}'${commanderSuggestion(p.suggestions)}`,
  "usage commander unknown command": (p: { command: string; suggestions: readonly string[] }) =>
    `error: unknown command '${p.command}'${commanderSuggestion(p.suggestions)}`,
  "usage commander missing argument": (p: { argument: string }) => `error: missing required argument '${p.argument}'`,
  "usage commander option missing argument": (p: { option: string }) => `error: option '${p.option}' argument missing`,
  "usage commander missing mandatory option": (p: { option: string }) => `error: required option '${p.option}' not specified`,
  "usage commander too many arguments": (p: { command: string; expected: number; received: number }) =>
    `error: too many arguments${p.command === "" ? "" : ` for '${p.command}'`}. Expected ${p.expected} argument${p.expected === 1 ? "" : "s"} but got ${p.received}.`,
  "usage commander invalid option value": (p: { option: string; value: string; reason: string }) =>
    `error: option '${p.option}' argument '${p.value}' is invalid.${p.reason === "" ? "" : ` ${p.reason}`}`,
  "usage commander invalid argument value": (p: { argument: string; value: string; reason: string }) =>
    `error: command-argument value '${p.value}' is invalid for argument '${p.argument}'.${p.reason === "" ? "" : ` ${p.reason}`}`,
  "usage commander conflicting options": (p: { option: string; other: string }) =>
    `error: option '${p.option}' cannot be used with option '${p.other}'`,
});

/** Commander's "(Did you mean ...?)" on the next line, or nothing. */
function commanderSuggestion(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return "";
  return suggestions.length === 1 ? `\n(Did you mean ${suggestions[0]}?)` : `\n(Did you mean one of ${suggestions.join(", ")}?)`;
}
