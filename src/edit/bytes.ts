// Edits are planned on a file's decoded text, but a writer must keep every byte it was not asked to
// change, including bytes that are not UTF-8 (a GBK comment, a stray 0xFF), which decoding turned
// into U+FFFD. So edits are applied to the file's bytes: each edit's text offsets are mapped back to
// byte offsets of the original file, the bytes between edits are copied as they are, and only each
// edit's new text is encoded.
import { utf16Units, utf8Sequence } from "../core/utf8.js";
import { isUtf8 } from "node:buffer";
import { locate } from "../source/location.js";
import type { TextEdit } from "./edits.js";
import { WriteRefusedError } from "./replace.js";

/** An edit of bytes that are not UTF-8, refused (the message names the place). */
export class UndecodableEditError extends WriteRefusedError {}

/**
 * The bytes of a file after `edits`, which were planned on `decoded` (or what it gives), the file's
 * bytes decoded as `Buffer.toString("utf8")` decodes them (the caller checks that). Refuses (UndecodableEditError)
 * an edit that would replace bytes that are not UTF-8, or write U+FFFD.
 */
export function spliceEdits(file: string, bytes: Uint8Array, decoded: string | DecodedText, edits: readonly TextEdit[]): Buffer {
  return Buffer.concat(spliceParts(file, bytes, decoded, edits));
}

/**
 * The same bytes as parts, in order: the untouched runs of `bytes` (views, not copies) and each
 * edit's new text. Written one after the other they make the new file, without copying a large
 * journal into one new buffer for an append.
 */
export function spliceParts(file: string, bytes: Uint8Array, decoded: string | DecodedText, edits: readonly TextEdit[]): Uint8Array[] {
  // The text, when given by its length, is asked for only if an edit is not an append to valid
  // UTF-8 (or to name the place of a refusal): decoding a large journal whole is costly.
  let known = typeof decoded === "string" ? decoded : null;
  const textOf = (): string => (known ??= (decoded as DecodedText).text());
  const ordered = edits.map((edit, index) => ({ edit, index })).sort((a, b) => a.edit.start - b.edit.start || a.index - b.index).map(({ edit }) => edit);
  let position = 0;
  for (const edit of ordered) {
    if (edit.start < position || edit.end < edit.start) throw new Error(`overlapping edits at offset ${edit.start} in ${edit.file}`);
    position = edit.end;
    if (edit.text.includes("\uFFFD")) {
      // U+FFFD is what decoding writes for bytes that are not UTF-8: new text holding one was
      // copied from such bytes (a GBK narration), and writing it would spread the damage.
      throw new UndecodableEditError(`${place(file, textOf(), edit.start)}: error: the text to write holds U+FFFD (�), which stands for bytes that were not UTF-8 in the journal text it was copied from (a narration, a name); nothing was written. ${convert("FILE")}`);
    }
  }
  const offsets: number[] = [];
  for (const edit of ordered) offsets.push(edit.start, edit.end);
  const mapped = !isUtf8(bytes) ? byteOffsetsOf(bytes, offsets, ordered)
    : known === null && offsets.every((offset) => offset === (decoded as DecodedText).length) ? { offsets: offsets.map(() => bytes.length) }
    : byteOffsetsOfValid(textOf(), offsets, bytes.length);
  if ("undecodable" in mapped) {
    throw new UndecodableEditError(`${place(file, textOf(), mapped.undecodable)}: error: the text to change holds bytes that are not UTF-8 (another encoding, such as GBK); nothing was written. ${convert(file)}`);
  }
  const parts: Uint8Array[] = [];
  let byte = 0;
  ordered.forEach((edit, index) => {
    const start = mapped.offsets[2 * index]!;
    parts.push(bytes.subarray(byte, start), Buffer.from(edit.text, "utf8"));
    byte = mapped.offsets[2 * index + 1]!;
  });
  parts.push(bytes.subarray(byte));
  return parts;
}

function convert(file: string): string {
  return `Convert the file to UTF-8 first, e.g. iconv -f gbk -t utf-8 ${file} > ${file}.utf8 (with the file's real encoding), check it, and put it in its place`;
}

function place(file: string, text: string, offset: number): string {
  const { line, column } = locate({ text }, offset);
  return `${file}:${line}:${column}`;
}

/** A file's decoded text given by its length, and made only when asked for. */
export interface DecodedText {
  readonly length: number;
  text(): string;
}

type Mapped = { readonly offsets: number[] } | { readonly undecodable: number };

/**
 * Byte offsets of ascending text offsets into valid UTF-8 of `length` bytes (where text and bytes
 * correspond exactly: the end of the text is the end of the bytes, which an append need not count).
 */
function byteOffsetsOfValid(text: string, positions: readonly number[], length: number): Mapped {
  const offsets: number[] = [];
  let previous = 0;
  let byte = 0;
  for (const position of positions) {
    requireCodePointBoundary(text, position);
    byte = position === text.length ? length : byte + Buffer.byteLength(text.slice(previous, position), "utf8");
    previous = position;
    offsets.push(byte);
  }
  return { offsets };
}

function requireCodePointBoundary(text: string, position: number): void {
  if (position < 0 || position > text.length) throw new Error(`edit offset ${position} is outside the text`);
  const before = text.charCodeAt(position - 1);
  const after = text.charCodeAt(position);
  if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) throw new Error(`edit offset ${position} splits a character`);
}

/**
 * Byte offsets of ascending text offsets, by decoding the bytes as the WHATWG Encoding Standard
 * does (and Buffer.toString("utf8") with it): a valid sequence is one code point (two UTF-16 units
 * above U+FFFF); each maximal subpart of an invalid sequence is one U+FFFD. Also finds the first
 * U+FFFD from invalid bytes inside one of `ranges` (ascending, not overlapping). Linear in the bytes
 * up to the last offset.
 */
export function byteOffsetsOf(bytes: Uint8Array, positions: readonly number[], ranges: readonly { readonly start: number; readonly end: number }[] = []): Mapped {
  const offsets: number[] = [];
  const length = bytes.length;
  let unit = 0; // the text offset of the code point at `index`
  let index = 0;
  let range = 0;
  for (;;) {
    while (offsets.length < positions.length && positions[offsets.length]! <= unit) {
      if (positions[offsets.length]! < unit) throw new Error(`edit offset ${positions[offsets.length]} splits a character`);
      offsets.push(index);
    }
    if (offsets.length === positions.length || index >= length) break;
    const sequence = utf8Sequence(bytes, index, length);
    if (sequence > 0) {
      unit += utf16Units(sequence);
      index += sequence;
      continue;
    }
    // One U+FFFD for the lead and the continuation bytes that fit; the byte that did not fit starts afresh.
    while (range < ranges.length && ranges[range]!.end <= unit) range++;
    if (range < ranges.length && ranges[range]!.start <= unit) return { undecodable: unit };
    unit++;
    index -= sequence;
  }
  if (offsets.length < positions.length) throw new Error(`edit offset ${positions[offsets.length]} is outside the text`);
  return { offsets };
}
