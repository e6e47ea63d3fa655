// "Did you mean": the opened accounts nearest to a name that is not one. Distance is counted in
// characters (code points), so a CJK character is one unit, as it is one keystroke to the writer;
// full-width punctuation typed for ASCII (`：` for `:`) costs nothing. A name differing only in the
// leading code of its last component (`01-客户拜访` for `客户拜访`) is close too. Only the nearest
// are suggested, at most three.
import { asciiFromFullWidth } from "./full-width.js";

/** Suggestions given at most. */
export const MAX_SUGGESTIONS = 3;

/** Edits allowed for a name of `units` characters: about one in four, at least 1, at most 3. */
function allowedDistance(units: number): number {
  return Math.min(3, Math.max(1, Math.floor(units / 4)));
}

/** Levenshtein distance over code points, or `limit + 1` as soon as it must exceed `limit`. */
export function editDistance(left: readonly string[], right: readonly string[], limit: number): number {
  if (Math.abs(left.length - right.length) > limit) return limit + 1;
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= right.length; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return limit + 1;
    previous = current;
  }
  return previous[right.length]!;
}

/** A component without its leading code: `01-客户拜访` -> `客户拜访`. */
function withoutCode(component: string): string {
  return component.replace(/^\d+[-.]?/u, "");
}

function lastComponent(name: string): string {
  return name.slice(name.lastIndexOf(":") + 1);
}

/**
 * Up to MAX_SUGGESTIONS of `candidates` close to `name`: those at the smallest distance found (a
 * farther one is noise beside a near one), in name order.
 */
export function nearestNames(name: string, candidates: Iterable<string>): string[] {
  const wanted = Array.from(asciiFromFullWidth(name));
  const limit = allowedDistance(wanted.length);
  const wantedLast = withoutCode(lastComponent(asciiFromFullWidth(name)));
  const found: { name: string; distance: number }[] = [];
  for (const candidate of candidates) {
    if (candidate === name) continue;
    let distance = editDistance(wanted, Array.from(candidate), limit);
    // The same last component under another code: close, but after any spelling that is closer.
    if (distance > limit && wantedLast.length > 0 && withoutCode(lastComponent(candidate)) === wantedLast) distance = limit;
    if (distance <= limit) found.push({ name: candidate, distance });
  }
  const nearest = Math.min(...found.map((entry) => entry.distance));
  return found.filter((entry) => entry.distance === nearest).map((entry) => entry.name).sort().slice(0, MAX_SUGGESTIONS);
}

/** Distinct unknown names given suggestions at most (each costs a pass over the opened accounts). */
const SUGGESTED_NAMES = 1000;

/**
 * The nearest of `opened` to a name, remembered per name; past SUGGESTED_NAMES distinct names, none
 * (a journal of 100,000 typos is not helped by the 100,001st suggestion, and must stay fast).
 */
export function accountSuggester(opened: Iterable<string>): (account: string) => string[] {
  const accounts = [...opened];
  const known = new Map<string, string[]>();
  return (account) => {
    let found = known.get(account);
    if (found === undefined) {
      found = known.size < SUGGESTED_NAMES ? nearestNames(account, accounts) : [];
      known.set(account, found);
    }
    return found;
  };
}
