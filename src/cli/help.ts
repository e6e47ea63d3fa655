// Help in the chosen language: the descriptions of every command, option and argument, and
// commander's own headings, come from the catalogue (src/i18n/en-cli.ts and zh-cli.ts). The command
// files declare the flags; their words live in the catalogue, one place per language.
import { Help, type Command, type Option } from "commander";
import { displayWidth } from "../core/display-width.js";
import { en, type MessageKey } from "../i18n/en.js";
import type { Lang } from "../i18n/lang.js";
import { say } from "../i18n/message.js";

/** The name a command's help keys use: `report structure`, or `feeledger` for the program. */
function commandPath(command: Command): string[] {
  const path: string[] = [];
  for (let current: Command | null = command; current?.parent; current = current.parent) path.unshift(current.name());
  return path;
}

/** What the catalogue calls an option or argument: `--tree`, `-o` when it has no long name, `FILE`. */
export function itemName(item: Option | { name(): string }): string {
  return "flags" in item ? (item.long ?? item.short ?? item.flags) : item.name();
}

/**
 * The catalogue key of an item of a command: `help bal --tree`, else under a shorter path down to
 * `help --tree` (the words several commands share); null when the catalogue has none.
 */
export function helpKey(path: readonly string[], item: string | null): MessageKey | null {
  if (item === null) {
    const key = `help ${path.length === 0 ? "feeledger" : path.join(" ")}`;
    return key in en ? (key as MessageKey) : null;
  }
  for (let length = path.length; length >= 0; length--) {
    const key = ["help", ...path.slice(0, length), item].join(" ");
    if (key in en) return key as MessageKey;
  }
  return null;
}

/** Every command of the program with its path, the program first. */
export function allCommands(program: Command): { command: Command; path: string[] }[] {
  const found = [{ command: program, path: commandPath(program) }];
  for (const sub of program.commands) found.push(...allCommands(sub));
  return found;
}

function text(lang: Lang, key: MessageKey): string {
  return say(lang, key, {} as never);
}

/**
 * Fill every description from the catalogue in `lang`; an item the catalogue lacks keeps what its
 * command file says (test/i18n lists them). Then commander's headings and `default:` in `lang`.
 */
export function translateHelp(program: Command, lang: Lang): void {
  const configuration = helpConfiguration(lang);
  for (const { command, path } of allCommands(program)) {
    command.configureHelp(configuration);
    const own = helpKey(path, null);
    if (own !== null) command.description(text(lang, own));
    for (const argument of command.registeredArguments) {
      const key = helpKey(path, argument.name());
      if (key !== null) argument.description = text(lang, key);
    }
    for (const option of command.options) {
      const key = helpKey(path, itemName(option));
      if (key !== null) option.description = text(lang, key);
    }
  }
}

/** Commander's headings and `default:` in `lang`, and CJK text counted two columns wide. */
function helpConfiguration(lang: Lang): Partial<Help> {
  return {
    styleTitle: (title: string) => {
      const key = `help-title ${title}`;
      return key in en ? text(lang, key as MessageKey) : title;
    },
    optionDescription(option: Option): string {
      const described = Help.prototype.optionDescription.call(this, option);
      if (lang === "en" || option.defaultValue === undefined) return described;
      return described.replace(/ ?\(default: (.*)\)$/, (_whole, value: string) => `（${say(lang, "help-default", { value })}）`);
    },
    ...(lang === "en" ? {} : { displayWidth: (shown: string) => displayWidth(shown) }),
  };
}

/** The help option's and the help command's description, before any command is added (they inherit it). */
export function helpOptionText(lang: Lang): string {
  return text(lang, "help --help");
}
