// People's names as the books compare them. A name is typed by hand in many places (the claim's
// `claimant`, `approved-by`, `--by`, an `approval-limit` declaration), so two spellings of one
// person must match: `alice` and `Alice`, NFD `José` and NFC `José`, full-width `Ａｌｉｃｅ`, `王 伟`
// and `王伟`, a name with a zero-width space pasted at its end. Every place that matches people
// compares `personKey`s, never the written names; messages show the names as written.

/**
 * White space (`\s` covers U+3000 and U+FEFF too) and invisible characters: format characters
 * (\p{Cf}: zero-width space, joiners, bidi marks, soft hyphen...) and the other default-ignorable
 * code points (variation selectors, Hangul fillers, ...), which render as nothing. Made when a name
 * is first compared: V8 parses a \p pattern when its literal is evaluated (a few million
 * instructions, noticeable in a short `check` that compares no names).
 */
let invisible: RegExp | undefined;

function foldOnce(name: string): string {
  // Case folding: upper then lower case maps what toLowerCase alone keeps apart (ß and SS, final
  // and medial sigma). It is close to Unicode's full case folding (CaseFolding.txt) but not equal to
  // it for a few letters (e.g. Cherokee, which folds to upper case); names written in those
  // scripts still compare equal with themselves, which is what matters here.
  return name.normalize("NFKC").toUpperCase().toLowerCase().normalize("NFKC").replace((invisible ??= /[\s\p{Cf}\p{Default_Ignorable_Code_Point}]/gu), "");
}

/**
 * The key two names are compared by: Unicode NFKC, case folding, then no white space and no
 * zero-width or other invisible characters. Repeated until it no longer changes (removing a
 * character or NFKC can make another step apply, e.g. NFKC turns U+00A8 into a space and a
 * combining mark), so personKey(personKey(x)) === personKey(x).
 */
export function personKey(name: string): string {
  let key = name;
  for (let round = 0; round < 8; round++) {
    const next = foldOnce(key);
    if (next === key) return key;
    key = next;
  }
  return key;
}

/** Whether two written names are the same person's. */
export function samePerson(a: string, b: string): boolean {
  return a === b || personKey(a) === personKey(b);
}

/**
 * personKey with a memory: a journal names a few people many times, so a check over every claim
 * asks for the same few keys again and again.
 */
export function personKeys(): (name: string) => string {
  const known = new Map<string, string>();
  return (name) => {
    let key = known.get(name);
    if (key === undefined) known.set(name, (key = personKey(name)));
    return key;
  };
}
