// How many terminal columns a text takes, as string-width measures it (East Asian wide and
// fullwidth characters two, combining marks and zero-width characters none, an emoji sequence
// two): the measure cli-table3 lays tables out by. Printable ASCII, most of what a table holds,
// is counted directly: string-width segments every text into graphemes, which a register of a
// large journal would pay for in every cell.
import stringWidth from "string-width";

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function displayWidth(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
}
