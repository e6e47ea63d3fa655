// A label in both languages at once, from the catalogue: reports build their sheets before the
// language is known (a table shows the chosen one; CSV and JSON always the English).
import { english, type MessageKey, type MessageParams } from "./en.js";
import { zh } from "./zh.js";

export function phrase<K extends MessageKey>(key: K, params: MessageParams<K>): { readonly en: string; readonly zh: string } {
  return {
    en: (english()[key] as (p: MessageParams<K>) => string)(params),
    zh: (zh[key] as (p: MessageParams<K>) => string)(params),
  };
}

/** The same, when a parameter is itself a label in both languages (`compared with` a period caption): each language's text from its own parameters. */
export function phraseEach<K extends MessageKey>(key: K, params: { readonly en: MessageParams<K>; readonly zh: MessageParams<K> }): { readonly en: string; readonly zh: string } {
  return {
    en: (english()[key] as (p: MessageParams<K>) => string)(params.en),
    zh: (zh[key] as (p: MessageParams<K>) => string)(params.zh),
  };
}
