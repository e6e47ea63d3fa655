// A set of texts (claim ids) numbered in the order they were added, for as many as a journal has
// entries. A Map of a hundred thousand ids costs more than reading the claims: its table grows
// by copies, each made in V8's young generation and copied again by every scavenge while it
// lives. Here the slots are one typed array made at its full size at once (its memory is outside
// the heap: no collection copies it), probed linearly from a hash of the text.

/** FNV-1a over the UTF-16 code units. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash;
}

export class IdTable {
  /** The number of each text + 1 at its slot; 0 for an empty slot. */
  readonly #slots: Int32Array;
  readonly #mask: number;
  readonly #texts: string[];
  #size = 0;

  /** A table for at most `capacity` texts. */
  constructor(capacity: number) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.#slots = new Int32Array(slots);
    this.#mask = slots - 1;
    this.#texts = new Array<string>(Math.max(0, capacity));
  }

  get size(): number {
    return this.#size;
  }

  /** The number of `text` (its order of adding, from 0), or -1. */
  indexOf(text: string): number {
    const slots = this.#slots;
    for (let slot = hashOf(text) & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const found = slots[slot]!;
      if (found === 0) return -1;
      if (this.#texts[found - 1] === text) return found - 1;
    }
  }

  /** The text numbered `index` (added, see add). */
  textAt(index: number): string {
    return this.#texts[index]!;
  }

  /** Adds `text` (not there yet: see indexOf) and returns its number. The table must have room. */
  add(text: string): number {
    if (this.#size >= this.#texts.length) throw new Error("IdTable is full");
    const slots = this.#slots;
    let slot = hashOf(text) & this.#mask;
    while (slots[slot] !== 0) slot = (slot + 1) & this.#mask;
    const index = this.#size++;
    this.#texts[index] = text;
    slots[slot] = index + 1;
    return index;
  }
}
