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

/** A name's code points. */
function codePoints(text: string): Int32Array {
  return Int32Array.from(text, (character) => character.codePointAt(0)!);
}

/** Two rows of the distance table, reused (grown when a longer name comes). */
let rows: [Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64)];

/**
 * Levenshtein distance over code points, or `limit + 1` as soon as it must exceed `limit`. Only the
 * band of `limit` cells either side of the diagonal is computed (Ukkonen), so a pair costs about
 * (2 * limit + 1) * length steps.
 */
export function editDistance(left: Int32Array, right: Int32Array, limit: number): number {
  const n = left.length;
  const m = right.length;
  const outside = limit + 1;
  if (Math.abs(n - m) > limit) return outside;
  if (rows[0].length < m + 1) rows = [new Int32Array(m + 1), new Int32Array(m + 1)];
  let [previous, current] = rows;
  for (let j = 0; j <= m; j++) previous[j] = j <= limit ? j : outside;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(m, i + limit);
    current[from - 1] = from === 1 && i <= limit ? i : outside;
    let rowMinimum = current[from - 1]!;
    const character = left[i - 1]!;
    for (let j = from; j <= to; j++) {
      let value = previous[j - 1]! + (character === right[j - 1] ? 0 : 1);
      if (previous[j]! + 1 < value) value = previous[j]! + 1;
      if (current[j - 1]! + 1 < value) value = current[j - 1]! + 1;
      if (value > outside) value = outside;
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (to < m) current[to + 1] = outside;
    if (rowMinimum > limit) return outside;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[m]!, outside);
}

/** A component without its leading code: `01-客户拜访` -> `客户拜访`. */
function withoutCode(component: string): string {
  return component.replace(/^\d+[-.]?/u, "");
}

function lastComponent(name: string): string {
  return name.slice(name.lastIndexOf(":") + 1);
}

/** A name that may be suggested, read once. */
interface Candidate {
  readonly name: string;
  readonly units: Int32Array;
  /** Its last component without its code. */
  readonly last: string;
}

function candidateOf(name: string): Candidate {
  return { name, units: codePoints(name), last: withoutCode(lastComponent(name)) };
}

/**
 * Up to MAX_SUGGESTIONS of `candidates` close to `name`: those at the smallest distance found (a
 * farther one is noise beside a near one), in name order.
 */
function nearest(name: string, candidates: readonly Candidate[]): string[] {
  const ascii = asciiFromFullWidth(name);
  const wanted = codePoints(ascii);
  const limit = allowedDistance(wanted.length);
  const wantedLast = withoutCode(lastComponent(ascii));
  const found: { name: string; distance: number }[] = [];
  for (const candidate of candidates) {
    if (candidate.name === name) continue;
    let distance = editDistance(wanted, candidate.units, limit);
    // The same last component under another code: close, but after any spelling that is closer.
    if (distance > limit && wantedLast.length > 0 && candidate.last === wantedLast) distance = limit;
    if (distance <= limit) found.push({ name: candidate.name, distance });
  }
  const best = Math.min(...found.map((entry) => entry.distance));
  return found.filter((entry) => entry.distance === best).map((entry) => entry.name).sort().slice(0, MAX_SUGGESTIONS);
}

/** The names of `candidates` nearest to `name` (see `nearest`). */
export function nearestNames(name: string, candidates: Iterable<string>): string[] {
  return nearest(name, [...candidates].map(candidateOf));
}

/** Comparisons of a name with an account made at most, over all names (well under a second). */
const COMPARISONS = 200_000;

/**
 * The nearest of `opened` to a name, remembered per name. Once COMPARISONS are spent, later names
 * get none: a journal of 100,000 typos is not helped by the 100,001st suggestion, and must stay fast.
 */
export function accountSuggester(opened: Iterable<string>): (account: string) => string[] {
  const names = [...opened];
  let candidates: Candidate[] | null = null;
  const known = new Map<string, string[]>();
  let spent = 0;
  return (account) => {
    let found = known.get(account);
    if (found === undefined) {
      if (spent + names.length <= COMPARISONS) {
        candidates ??= names.map(candidateOf);
        found = nearest(account, candidates);
      } else {
        found = [];
      }
      spent += names.length;
      known.set(account, found);
    }
    return found;
  };
}
