// English messages of the exchange with other systems: what import, export and fmt print about
// their work (problems, summaries, progress). One function per key; zh-exchange.ts has the same
// keys with the same parameters. Composed into the whole catalogue in en.ts.
import { fixed } from "./en-cli.js";

const plural = (count: number, word: string, words = `${word}s`): string => `${count} ${count === 1 ? word : words}`;

const enFmt = {
  "fmt formatted": (p: { file: string }) => `formatted ${p.file}`,
  "fmt cannot read": (p: { file: string; why: string }) => `feeledger: cannot read ${p.file}: ${p.why}; nothing was written`,
  "fmt refused": (p: { file: string; why: string }) => `feeledger: ${p.file}: not formatted: ${p.why}; nothing was written (please report this)`,
};

export const enExchange = { ...enFmt };
