// English messages of refusals that come from below the commands: where the books would put an
// entry (the post-to layout), why pay refuses or has nothing to do, a problem the checks found
// quoted as a writer's reason, the "errors; nothing was written" lines and the reports' "nothing to
// report". One function per key; zh-refusals.ts has the same keys with the same parameters.
// Composed into the whole catalogue in en.ts.
import { merged } from "./translation.js";
import { fixed } from "./en-cli.js";

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? "" : "s"}`;

/** A text given in both languages at once (a diagnostic quoted as a reason: its own translation). */
export interface Both {
  readonly en: string;
  readonly zh: string;
}

/** Where the books would put an entry (src/claims/books-target.ts, workflow.ts's post of a claim file). */
export const enBooks = () => ({
  "books post-to no file": (p: { option: string }) => `the "${p.option}" option names no file`,
  "books post-to not included": (p: { option: string; relative: string; date: string; include: string; main: string }) =>
    `"${p.option}" names ${p.relative} for ${p.date}, which the journal does not include; add 'include "${p.include}"' to ${p.main} first, so that what is written there counts`,
  "books target claim file": (p: { file: string }) => `its target ${p.file} (post-to) is a claim file; a posted claim goes into the books`,
  "books target not in books": (p: { target: string; include: string; declaring: string }) =>
    `its target ${p.target} is not in the books; add the line ${p.include} to ${p.declaring} and post again`,
  "books target missing": (p: { target: string; include: string; declaring: string }) =>
    `its target ${p.target} does not exist; create it, add the line ${p.include} to ${p.declaring} and post again`,
  "books pushtag": (p: { tag: string; file: string }) =>
    `its tag #${p.tag} comes from a pushtag in ${p.file} and would not go with it into the books; write the tag on the claim's date line first`,
  "books pushmeta": (p: { key: string; file: string }) =>
    `its metadata '${p.key}' comes from a pushmeta in ${p.file} and would not go with it into the books; write it in the claim first`,
});

/** What pay says of the claims it cannot pay, and of a payment it refuses (src/claims/payment-plan.ts, pay.ts). */
export const enPay = () => ({
  "pay nothing to pay": (p: { reason: string }) => `Nothing to pay: ${p.reason}.`,
  "pay nothing owed": (p: { date: string }) => `no posted claim dated on or before ${p.date} is still owed`,
  "pay not paid": (p: { id: string; reason: string }) => `${p.id} not paid: ${p.reason}`,
  "pay not posted": (p: { status: string }) => `it is not posted (it is ${p.status}); post it first`,
  "pay owes nothing": fixed("it owes nothing: it credits no liability account (it was settled when it was posted)"),
  "pay already paid": (p: { payments: readonly { date: string; place: string }[] }) =>
    `it is already paid (${p.payments.map((payment) => `${payment.date} at ${payment.place}`).join(", ")})`,
  "pay dated after": (p: { claimDate: string; date: string }) => `it is dated ${p.claimDate}, after the payment date ${p.date}`,
  "pay not a link": (p: { id: string }) => `its id cannot be written as a beancount link (^${p.id}): use letters, digits and - _ / . only`,
  "pay from not asset": (p: { from: string; assets: string }) => `--from ${p.from} is not an asset account (pay from cash or a bank account under ${p.assets})`,
  "pay from not open": (p: { from: string; date: string }) => `--from ${p.from} is not open on ${p.date}`,
  "pay advance ambiguous": (p: { account: string; candidates: string }) =>
    `${p.account}: its employee code matches several asset accounts (${p.candidates}); name the advance account with advance-account on its open, or pay with --no-offset`,
  "pay no bank account": (p: { account: string }) =>
    `${p.account} has no bank-account on its open, which the bank file needs (add bank-account: "..." and bank: "..." there)`,
  "pay nothing written": fixed("nothing was written"),
  "pay closed month": (p: { claims: string; date: string; latest: string; first: string }) =>
    `payment of ${p.claims} refused: ${p.date} is in a closed month (closed through ${p.latest}); pay on ${p.first} or later; nothing was written`,
  "pay refused because": (p: { problem: Both }) => `payment refused: ${p.problem.en}`,
  "pay refused": (p: { claims: string }) => `payment of ${p.claims} refused; nothing was written`,
  "pay offset": (p: { name: string; owed: string; offset: string; account: string; open: string; paid: string }) =>
    `${p.name}: ${p.owed} owed, ${p.offset} offset against the open advance on ${p.account} (${p.open}), ${p.paid} paid`,
  "pay cannot write bank file": (p: { why: string }) => `cannot write the bank file: ${p.why}; nothing was written`,
});

/** A problem the checks found, quoted as the reason a writer refuses (its own text in each language). */
export const enQuoted = () => ({
  "writer check problem": (p: { problem: Both; elsewhere: string | null; more: number }) =>
    `${p.problem.en}${p.elsewhere === null ? "" : ` (at ${p.elsewhere})`}${p.more > 0 ? ` (and ${p.more} more)` : ""}`,
});

/** The journal's errors stop a writer or a report; a report with nothing in it; a write that failed. */
export const enStops = () => ({
  "stop journal errors": (p: { count: number }) => `${plural(p.count, "error")} in the journal; nothing was written`,
  "stop errors": (p: { count: number }) => `${plural(p.count, "error")}; nothing was written`,
  "stop report errors": (p: { count: number; file: string }) => `${plural(p.count, "error")}; run 'feeledger check ${p.file}' for details`,
  "stop cannot write": (p: { file: string; why: string }) => `cannot write ${p.file}: ${p.why}; nothing was written`,
  "stop cannot write journal": (p: { why: string; nothingWritten: boolean }) => `cannot write the journal: ${p.why}${p.nothingWritten ? "; nothing was written" : ""}`,
  "stop nothing in period": fixed("nothing to report: no transactions in the period"),
  "stop nothing before end": fixed("nothing to report: no transactions before the end of the period"),
  "stop no receipt files": fixed("No claim names a receipt file."),
});

/** What the file a write refuses is: "the journal file", "the output file", "the file" (or nothing). */
type Written = { what: string; file: string };
const written = (p: Written): string => (p.what === "" ? p.file : `${p.what} ${p.file}`);

/** A write refused before anything is written (src/edit/replace.ts, write.ts, output.ts). */
export const enWrites = () => ({
  "write not regular": (p: Written & { kind: string }) => `${written(p)} is ${p.kind}, not a regular file; nothing was written`,
  "write read-only": (p: Written) => `${written(p)} is read-only for you; nothing was written (make it writable first if it should change)`,
  "write folder not writable": (p: Written & { folder: string }) =>
    `cannot write ${written(p)}: its folder ${p.folder} is not writable (a temporary file is written there first); nothing was written`,
  "write no folder": (p: { file: string; folder: string }) => `cannot write ${p.file}: the folder ${p.folder} does not exist`,
  "write same file": (p: { other: string; file: string; real: string }) => `${p.other} and ${p.file} are the same file (${p.real}); nothing was written`,
  "write output is journal": (p: { file: string; also: string | null }) =>
    `-o ${p.file} is a file of the journal${p.also === null ? "" : ` (${p.also})`}: a report written there would replace the books; nothing was written (choose another file)`,
  "write output directory": (p: { file: string }) => `-o ${p.file} is a directory; nothing was written`,
  "write stale": (p: { file: string }) => `${p.file} changed on disk since it was read; nothing was written (run the command again)`,
  "write exists": (p: { file: string }) => `${p.file} already exists; nothing was written (choose another name, or move the old file away)`,
});

export const enRefusals = () => merged(enBooks(), enPay(), enQuoted(), enStops(), enWrites());
