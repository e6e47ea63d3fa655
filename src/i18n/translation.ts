// The shape a Chinese part of the catalogue takes: the keys of its English part (a function that
// makes it, en.ts), each message taking the same parameters (the compiler checks both sides;
// test/i18n checks the text).
export type Translation<Part extends () => object> = { readonly [K in keyof ReturnType<Part>]: ReturnType<Part>[K] };

/** The intersection of the types in a union (what `merged` gives: every part's keys). */
type Intersection<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never;

/**
 * The parts of a catalogue in one object, the later part's message where two have a key, as
 * `{ ...a, ...b }` makes it but without a prototype: V8 keeps such an object as a hash table from
 * the start, where spreading hundreds of messages into an ordinary object made a hidden class for
 * each message added (docs/PERFORMANCE.md, "flat": millions of instructions at every start).
 */
export function merged<Parts extends object[]>(...parts: Parts): Intersection<Parts[number]> {
  return Object.assign(Object.create(null) as object, ...parts) as Intersection<Parts[number]>;
}
