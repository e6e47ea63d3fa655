// Commander's own errors (an unknown option or command, a missing or surplus argument, a bad option
// value) in the chosen language. Commander writes them in English only, through outputError; its
// text is taken apart here and said again from the catalogue (`usage commander ...` keys). English
// and any text not recognised are printed as commander wrote them.
import type { Lang } from "../i18n/lang.js";
import { say } from "../i18n/message.js";

/** Commander's "\n(Did you mean X?)" or "\n(Did you mean one of X, Y?)" at the end, taken apart. */
function suggestionsOf(text: string | undefined): readonly string[] {
  if (text === undefined) return [];
  const listed = /^\n\(Did you mean (?:one of )?(.*)\?\)$/s.exec(text)?.[1];
  return listed === undefined ? [] : listed.split(", ");
}

/** Commander's error text (one line, or two with its suggestion; ends with a line break) in `lang`. */
export function commanderErrorText(text: string, lang: Lang): string {
  if (lang === "en") return text;
  const said = translated(text.endsWith("\n") ? text.slice(0, -1) : text, lang);
  return said === null ? text : `${said}\n`;
}

function translated(text: string, lang: Lang): string | null {
  let match = /^error: unknown option '(.*?)'(\n\(Did you mean .*\?\))?$/s.exec(text);
  if (match !== null) return say(lang, "usage commander unknown option", { option: match[1]!, suggestions: suggestionsOf(match[2]) });
  match = /^error: unknown command '(.*?)'(\n\(Did you mean .*\?\))?$/s.exec(text);
  if (match !== null) return say(lang, "usage commander unknown command", { command: match[1]!, suggestions: suggestionsOf(match[2]) });
  match = /^error: missing required argument '(.*)'$/s.exec(text);
  if (match !== null) return say(lang, "usage commander missing argument", { argument: match[1]! });
  match = /^error: option '(.*)' argument missing$/s.exec(text);
  if (match !== null) return say(lang, "usage commander option missing argument", { option: match[1]! });
  match = /^error: required option '(.*)' not specified$/s.exec(text);
  if (match !== null) return say(lang, "usage commander missing mandatory option", { option: match[1]! });
  match = /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/s.exec(text);
  if (match !== null) {
    return say(lang, "usage commander too many arguments", { command: match[1] ?? "", expected: Number(match[2]), received: Number(match[3]) });
  }
  match = /^error: option '(.*?)' argument '(.*)' is invalid\.(?: (.*))?$/s.exec(text);
  if (match !== null) return say(lang, "usage commander invalid option value", { option: match[1]!, value: match[2]!, reason: match[3] ?? "" });
  match = /^error: command-argument value '(.*)' is invalid for argument '(.*?)'\.(?: (.*))?$/s.exec(text);
  if (match !== null) return say(lang, "usage commander invalid argument value", { argument: match[2]!, value: match[1]!, reason: match[3] ?? "" });
  match = /^error: option '(.*?)' cannot be used with option '(.*)'$/s.exec(text);
  if (match !== null) return say(lang, "usage commander conflicting options", { option: match[1]!, other: match[2]! });
  return null;
}
