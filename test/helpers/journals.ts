// The journals kept in the repository, for tests that run over all of them.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** The repository's root folder. */
export const root = new URL("../../", import.meta.url).pathname;

/** Every `.beancount` file under `dir`, recursively. */
export function journals(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) found.push(...journals(full));
    else if (name.endsWith(".beancount")) found.push(full);
  }
  return found;
}
