// Which language feeledger speaks: --lang, else FEELEDGER_LANG, else the locale, else English.

export type Lang = "en" | "zh";

/** "zh", "zh_CN.UTF-8", "zh-Hans" -> zh; "en", "en_US.UTF-8", "C" -> en; anything else: null. */
export function langOfTag(tag: string): Lang | null {
  const lower = tag.trim().toLowerCase();
  if (lower.startsWith("zh")) return "zh";
  if (lower.startsWith("en") || lower === "c" || lower === "posix" || lower.startsWith("c.")) return "en";
  return null;
}

/**
 * The language of messages and headings: the --lang value when given (null when it names no
 * language we speak: the caller reports it), else FEELEDGER_LANG, else the first of LC_ALL,
 * LC_MESSAGES and LANG that is set (Chinese when it starts with zh), else English.
 */
export function chooseLang(option: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang | null {
  if (option !== undefined) return langOfTag(option);
  const chosen = env.FEELEDGER_LANG;
  if (chosen !== undefined && chosen !== "") return langOfTag(chosen) ?? "en";
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const value = env[name];
    if (value !== undefined && value !== "") return value.toLowerCase().startsWith("zh") ? "zh" : "en";
  }
  return "en";
}

/** The value of `--lang X` or `--lang=X` in a command line (the last one wins; none after `--`). */
export function langOption(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === "--") break;
    if (argument === "--lang") value = argv[++index];
    else if (argument.startsWith("--lang=")) value = argument.slice("--lang=".length);
  }
  return value;
}
