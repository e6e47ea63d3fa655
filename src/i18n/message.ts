// Messages that can be shown in either language: written once in English (the text every test and
// log sees), kept with their key and parameters so that the printer can show them in Chinese.
import { english, type Catalogue, type MessageKey, type MessageParams } from "./en.js";
import type { Lang } from "./lang.js";

export interface Message<K extends MessageKey = MessageKey> {
  readonly key: K;
  readonly params: MessageParams<K>;
  /** The English text. */
  readonly text: string;
}

// The Chinese catalogue is not imported here: zh.ts hands itself over when it is loaded, which
// main.ts (every command run through commander), phrase.ts (the reports) and test/helpers/setup.ts
// do; the plain English `check FILE` (src/cli/plain.ts) never loads it, a sixth of its code.
let chinese: Catalogue | undefined;

/** zh.ts's catalogue, once loaded. */
export function provideChinese(catalogue: Catalogue): void {
  chinese = catalogue;
}

function catalogue(lang: Lang): Catalogue {
  if (lang === "en") return english();
  if (chinese === undefined) throw new Error("the Chinese catalogue (src/i18n/zh.ts) was not loaded");
  return chinese;
}

/** A message by its key, written in English now and translatable later. */
export function message<K extends MessageKey>(key: K, params: MessageParams<K>): Message<K> {
  return { key, params, text: (english()[key] as (p: MessageParams<K>) => string)(params) };
}

/** A message's text in a language. */
export function translate(text: Message, lang: Lang): string {
  if (lang === "en") return text.text;
  return (catalogue(lang)[text.key] as (p: unknown) => string)(text.params);
}

/** The text of a message by key in a language, in one step (for labels and summaries). */
export function say<K extends MessageKey>(lang: Lang, key: K, params: MessageParams<K>): string {
  return (catalogue(lang)[key] as (p: MessageParams<K>) => string)(params);
}

/** A message in both languages at once, to quote inside another (`Both` of en-refusals.ts); English text stays as it is in both. */
export function both(text: Message | string): { readonly en: string; readonly zh: string } {
  return typeof text === "string" ? { en: text, zh: text } : { en: text.text, zh: translate(text, "zh") };
}
