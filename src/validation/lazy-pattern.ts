// A regular expression made when it is first tested, not when its module is loaded: V8 parses a
// pattern as soon as its literal is evaluated, and one with \p{...} classes costs a few million
// instructions (each class is a set of Unicode ranges), a noticeable part of a short `check`.

/** Something that tests text as a regular expression does. */
export interface Pattern {
  test(text: string): boolean;
}

/** The pattern `make` returns, made on the first test. */
export function lazyPattern(make: () => RegExp): Pattern {
  let pattern: RegExp | undefined;
  return { test: (text) => (pattern ??= make()).test(text) };
}
