// How many terminal columns a text takes, as string-width measures it (East Asian wide and
// fullwidth characters two, combining marks and zero-width characters none, an emoji sequence
// two): the measure cli-table3 lays tables out by. Text made only of printable ASCII, Latin,
// general punctuation and the common CJK blocks (most of what a table holds) is counted directly,
// to the same result: string-width segments every text into graphemes, which a register of a
// large journal would pay for in every cell (it made `reg` half again slower).
import stringWidth from "string-width";

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Characters one or two columns wide on their own, never joined with their neighbours. */
const SIMPLE = /^[\x20-\x7e\u00a0-\u00a8\u00aa-\u00ad\u00af-\u02ff\u2010-\u2027\u2030-\u203b\u203d-\u2048\u204a-\u205e\u3000-\u303e\u3041-\u3096\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60\uff61-\uff9f\uffa1-\uffdc\uffe0-\uffe6]*$/;

function isWide(code: number): boolean {
  return (code >= 0x3000 && code <= 0x303e) || (code >= 0x3041 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x4dbf)
    || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xff01 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6);
}

export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  if (!SIMPLE.test(text)) return stringWidth(text);
  let width = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    width += code === 0xad ? 0 : isWide(code) ? 2 : 1;
  }
  return width;
}
