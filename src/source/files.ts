// Reading journal files and expanding include patterns.
import { isAscii, isUtf8, transcode } from "node:buffer";
import * as fs from "node:fs";
import * as path from "node:path";
import { utf16Units, utf8Sequence } from "../core/utf8.js";
import { message, type Message } from "../i18n/message.js";

/** The file changed on disk after it was read, so offsets into it no longer hold. */
export class SourceChangedError extends Error {
  constructor(readonly file: string) {
    super(`${file} changed on disk while feeledger was using it; run the command again`);
  }
}

/** A path that names something other than a regular file (a FIFO, a device, a socket, a directory). */
export class NotRegularFileError extends Error {
  /** Set as on errors of the file system, so that callers report it as they report those. */
  readonly code = "ENOTREG";
  readonly problem: Message;
  constructor(readonly file: string, stat: fs.Stats) {
    const problem = notRegularMessage(file, stat);
    super(problem.text);
    this.problem = problem;
  }
}

/** How much of a file is read and decoded at a time: small enough that each piece is a young string, which dies young once parsed. */
const PIECE_BYTES = 48 << 10;

function defaultPieceBytes(): number {
  const set = Number(process.env.FEELEDGER_PIECE_BYTES);
  return Number.isInteger(set) && set > 0 ? set : PIECE_BYTES;
}

/** What a path names, in a message, when it is not a regular file. */
function notRegularMessage(filePath: string, stat: fs.Stats): Message {
  if (stat.isDirectory()) return message("file-directory", { file: filePath });
  const kind = stat.isFIFO() ? "fifo"
    : stat.isCharacterDevice() ? "character-device"
    : stat.isBlockDevice() ? "block-device"
    : stat.isSocket() ? "socket"
    : "other";
  return message("file-not-regular", { file: filePath, kind });
}

/**
 * Open a file for reading only if it is a regular file (symbolic links followed). Opening a FIFO
 * blocks until a writer comes, and a device never ends: the descriptor is opened without blocking
 * and looked at before a byte is read. Throws NotRegularFileError, or the file system's error.
 */
function openRegular(filePath: string): { descriptor: number; stat: fs.Stats } {
  const descriptor = fs.openSync(filePath, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = fs.fstatSync(descriptor);
    if (!stat.isFile()) throw new NotRegularFileError(filePath, stat);
    return { descriptor, stat };
  } catch (thrown) {
    fs.closeSync(descriptor);
    throw thrown;
  }
}

const NONE: readonly number[] = Object.freeze([]);

/**
 * Offsets into a file's decoded text of the U+FFFD characters that stand for bytes that are not
 * UTF-8 (a U+FFFD written in the file is valid UTF-8 and is not one of them), in order. They are
 * found as the file is read and taken by the parser as it goes: a binary file has millions.
 */
export class InvalidUtf8 {
  #offsets: number[] = [];
  /** Whether the file had any, taken or not. */
  found = false;

  add(offset: number): void {
    this.#offsets.push(offset);
    this.found = true;
  }

  /** The offsets before `end` not taken yet; they are dropped (what is left is at most the piece read ahead). */
  takeBefore(end: number): readonly number[] {
    const offsets = this.#offsets;
    if (offsets.length === 0) return NONE;
    let stop = 0;
    while (stop < offsets.length && offsets[stop]! < end) stop++;
    if (stop === 0) return NONE;
    this.#offsets = stop === offsets.length ? [] : offsets.slice(stop);
    return stop === offsets.length ? offsets : offsets.slice(0, stop);
  }

  clear(): void {
    this.#offsets = [];
    this.found = false;
  }
}

/**
 * A journal file. Its text is read in pieces for the parser (`readPieces`) and not kept: a
 * check that finds nothing never holds the whole text. `text` gives it when something needs it
 * (a diagnostic's excerpt, an edit): decoded from the bytes read when they were kept (`keep`, which
 * writers ask for: they edit exactly the text they parsed), else the file read again, refused with
 * a SourceChangedError if its size or modification time moved since.
 */
export class SourceFile {
  #text: string | null = null;
  /** The bytes the pieces were decoded from, when kept (the file read whole into one buffer). */
  #bytes: Buffer | null = null;
  /** The length of the text decoded from the kept bytes, once every piece is read. */
  #length: number | null = null;
  readonly #keep: boolean;
  /** Where bytes that are not UTF-8 were found by the last readPieces. */
  readonly invalidUtf8 = new InvalidUtf8();

  constructor(
    /** Path as shown to the user (relative when the user named it relatively). */
    readonly path: string,
    private stamp: { readonly size: number; readonly mtimeMs: number },
    keep: boolean,
  ) {
    this.#keep = keep;
  }

  /**
   * The text decoded from UTF-8 `pieceBytes` at a time (see pieceEnd), each piece ending at a line
   * end; BOM and line endings as on disk. Only the bytes the file had when it was opened are read:
   * a file that grows or shrinks meanwhile is a SourceChangedError. Errors of the file system are
   * thrown (ErrnoException), and NotRegularFileError if the path no longer names a regular file.
   */
  *readPieces(pieceBytes = defaultPieceBytes()): Generator<string> {
    const { descriptor, stat } = openRegular(this.path);
    try {
      this.stamp = { size: stat.size, mtimeMs: stat.mtimeMs };
      this.#text = null;
      this.#bytes = null;
      this.#length = null;
      this.invalidUtf8.clear();
      if (this.#keep) {
        // Read whole into the buffer that is kept, and decoded from it a piece at a time: the
        // bytes are copied once, and the pieces, not kept, die young as a check's do.
        const bytes = readExactly(this.path, descriptor, stat.size);
        this.#bytes = bytes;
        let length = 0;
        for (const piece of decodeKeptPieces(bytes, pieceBytes, this.invalidUtf8)) {
          length += piece.length;
          yield piece;
        }
        this.#length = length;
      } else {
        yield* decodePieces(this.path, descriptor, stat.size, pieceBytes, this.invalidUtf8);
      }
    } finally {
      fs.closeSync(descriptor);
    }
  }

  /**
   * The bytes the whole text was decoded from, when they were kept (else null): a writer applies
   * its edits to them, and proves the file unchanged by comparing it with them just before writing.
   */
  get decodedBytes(): Buffer | null {
    return this.#bytes;
  }

  /**
   * The length of the whole text decoded from the kept bytes (null when they are not kept or not
   * all read): a writer that only appends needs it, and not the text, which is costly to decode.
   */
  get decodedLength(): number | null {
    return this.#bytes === null ? null : this.#length;
  }

  /** The whole decoded text. */
  get text(): string {
    if (this.#text !== null) return this.#text;
    // Decoded whole as the pieces were: they end at line ends, which never fall inside a UTF-8 sequence.
    if (this.#bytes !== null) return (this.#text = this.#bytes.toString("utf8"));
    let text: string;
    try {
      const { descriptor, stat } = openRegular(this.path);
      try {
        if (stat.size !== this.stamp.size || stat.mtimeMs !== this.stamp.mtimeMs) throw new SourceChangedError(this.path);
        text = readExactly(this.path, descriptor, stat.size).toString("utf8");
      } finally {
        fs.closeSync(descriptor);
      }
    } catch (thrown) {
      if (thrown instanceof SourceChangedError) throw thrown;
      throw new SourceChangedError(this.path);
    }
    return (this.#text = text);
  }
}

/**
 * Open a journal file for reading (`keep`: hold its text once read, see SourceFile); a clear
 * message for a missing file, a directory, or anything else that is not a regular file (a FIFO,
 * a device: never opened, as opening a FIFO blocks and a device may never end).
 */
export function openSource(filePath: string, keep = false): SourceFile | { error: string; problem: Message } {
  try {
    const stat = fs.statSync(filePath);
    if (!stat.isFile()) {
      const problem = notRegularMessage(filePath, stat);
      return { error: problem.text, problem };
    }
    fs.accessSync(filePath, fs.constants.R_OK);
    return new SourceFile(filePath, { size: stat.size, mtimeMs: stat.mtimeMs }, keep);
  } catch (thrown) {
    const problem = readProblem(filePath, thrown);
    return { error: problem.text, problem };
  }
}

/** The message for a file that cannot be read. */
export function readError(filePath: string, thrown: unknown): string {
  return readProblem(filePath, thrown).text;
}

/** The same, by key (src/i18n). */
export function readProblem(filePath: string, thrown: unknown): Message {
  if (thrown instanceof NotRegularFileError) return thrown.problem;
  const code = (thrown as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return message("file-missing", { file: filePath });
  return message("file-unreadable", { file: filePath, why: (thrown as Error).message });
}

/** The `size` bytes of an open file, refused (SourceChangedError) if it no longer has exactly as many. */
function readExactly(filePath: string, descriptor: number, size: number): Buffer {
  const buffer = Buffer.allocUnsafe(size);
  for (let filled = 0; filled < size;) {
    const read = fs.readSync(descriptor, buffer, filled, size - filled, null);
    if (read === 0) throw new SourceChangedError(filePath);
    filled += read;
  }
  if (grewPast(descriptor)) throw new SourceChangedError(filePath);
  return buffer;
}

/** Whether a file read to the size it had when opened has more bytes now. */
function grewPast(descriptor: number): boolean {
  return fs.readSync(descriptor, Buffer.allocUnsafe(1), 0, 1, null) > 0;
}

/**
 * Where to end a piece of buffer[0, filled): after a blank line that a dated line follows, where
 * one directive has surely ended and the next begins (the parser then never reads a directive
 * twice); else after the last line end; 0 if there is none. A newline byte never falls inside a
 * UTF-8 sequence, so the pieces decode as the whole would.
 */
function pieceEnd(buffer: Buffer, filled: number): number {
  const lastNewline = buffer.lastIndexOf(10, filled - 1);
  let newline = lastNewline;
  for (let tries = 0; newline > 1 && tries < 100_000; tries++) {
    const next = buffer[newline + 1]!;
    if (newline + 1 < filled && next >= 48 && next <= 57) {
      const before = buffer[newline - 1];
      if (before === 10 || (before === 13 && buffer[newline - 2] === 10)) return newline + 1;
    }
    newline = buffer.lastIndexOf(10, newline - 1);
  }
  return lastNewline + 1;
}

/**
 * The file's text decoded from UTF-8 a piece at a time into one reused buffer: the bytes are
 * touched once and the decoded pieces are small strings that die young once parsed. Reading the
 * whole file into one buffer and one string costs as much again in memory the process touches,
 * which on a large journal is a tenth of the run. Exactly `size` bytes are read (the size the file
 * had when opened): a file that grows meanwhile does not grow the memory, it is a
 * SourceChangedError, as is one that shrinks. Bytes that are not UTF-8 are noted in `invalid`
 * (looked for only in a piece that is not valid UTF-8 as a whole, which is rare and cheap to tell).
 */
function* decodePieces(filePath: string, descriptor: number, size: number, pieceBytes: number, invalid: InvalidUtf8): Generator<string> {
  let buffer = Buffer.allocUnsafe(Math.max(1, Math.min(pieceBytes, size)));
  let filled = 0;
  let remaining = size;
  let decoded = 0;
  let any = false;
  const decode = (end: number): string => {
    const piece = decodeUtf8(buffer.subarray(0, end));
    if (piece === null) {
      const text = buffer.toString("utf8", 0, end);
      noteInvalidUtf8(buffer, end, decoded, invalid);
      decoded += text.length;
      return text;
    }
    decoded += piece.length;
    return piece;
  };
  while (remaining > 0) {
    const read = fs.readSync(descriptor, buffer, filled, Math.min(buffer.length - filled, remaining), null);
    if (read === 0) throw new SourceChangedError(filePath);
    filled += read;
    remaining -= read;
    if (filled < buffer.length || remaining === 0) continue;
    const cut = pieceEnd(buffer, filled);
    if (cut === 0) {
      // A line longer than the buffer: make room (never more than the file holds).
      const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, filled + remaining));
      buffer.copy(larger, 0, 0, filled);
      buffer = larger;
      continue;
    }
    const piece = decode(cut);
    buffer.copy(buffer, 0, cut, filled);
    filled -= cut;
    any = true;
    yield piece;
  }
  if (grewPast(descriptor)) throw new SourceChangedError(filePath);
  if (filled > 0 || !any) yield decode(filled);
}

/**
 * The pieces of bytes already read whole (a kept file), cut where decodePieces cuts them: each
 * window of `pieceBytes` bytes ends at its pieceEnd, a window without a line end grows until it
 * has one, and the last piece is what is left.
 */
function* decodeKeptPieces(bytes: Buffer, pieceBytes: number, invalid: InvalidUtf8): Generator<string> {
  const size = bytes.length;
  let start = 0;
  let decoded = 0;
  let window = Math.max(1, pieceBytes);
  do {
    let cut = size;
    while (start + window < size) {
      cut = start + pieceEnd(bytes.subarray(start, start + window), window);
      if (cut > start) break;
      window *= 2;
      cut = size;
    }
    const part = bytes.subarray(start, cut);
    let piece = decodeUtf8(part);
    if (piece === null) {
      piece = bytes.toString("utf8", start, cut);
      noteInvalidUtf8(part, part.length, decoded, invalid);
    }
    decoded += piece.length;
    start = cut;
    yield piece;
  } while (start < size);
}

/**
 * `bytes` decoded as toString("utf8") decodes them when they are UTF-8 (null when they are not:
 * the caller decodes them so, and notes the bytes that are not). Text that is all ASCII is copied
 * as Latin-1; any other is converted to UTF-16 by transcode (simdutf), three times as fast as
 * V8's decoder on a journal of Chinese names (110 against 35 ms of 47 MB), and made a string
 * from those code units. (The string may then be two-byte where V8 would have made it one-byte,
 * for text of Latin-1 letters only: the same string to every reader.)
 */
export function decodeUtf8(bytes: Buffer): string | null {
  if (isAscii(bytes)) return bytes.toString("latin1");
  if (!isUtf8(bytes)) return null;
  return transcode(bytes, "utf8", "utf16le").toString("utf16le");
}

/**
 * Note in `invalid` the offset of each U+FFFD that decoding bytes[0, end) gives for bytes that are
 * not UTF-8, `base` being the offset of the decoded bytes in the text. It follows the decoder
 * (the WHATWG UTF-8 decoder, as Buffer's toString): one U+FFFD for each maximal part of a sequence
 * that cannot go on, the byte that broke it read again; the offsets count UTF-16 code units.
 */
export function noteInvalidUtf8(bytes: Uint8Array, end: number, base: number, invalid: { add(offset: number): void }): void {
  let characters = base;
  for (let index = 0; index < end;) {
    const length = utf8Sequence(bytes, index, end);
    if (length < 0) {
      invalid.add(characters);
      characters++;
      index -= length;
    } else {
      characters += utf16Units(length);
      index += length;
    }
  }
}

function hasGlob(pattern: string): boolean {
  return /[*?[]/.test(pattern);
}

function segmentRegex(segment: string): RegExp {
  let source = "";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === "*") source += "[^/]*";
    else if (c === "?") source += "[^/]";
    else if (c === "[") {
      const close = segment.indexOf("]", i + 1);
      if (close < 0) source += "\\[";
      else {
        let body = segment.slice(i + 1, close);
        if (body.startsWith("!")) body = "^" + body.slice(1);
        source += `[${body.replace(/\\/g, "\\\\")}]`;
        i = close;
      }
    } else source += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

/**
 * Files an include names, relative to the including file's folder: the file itself, or every
 * match of a glob pattern (`*`, `?`, `[...]`, `**`), sorted. Returns [] when nothing matches.
 */
export function expandInclude(includingFile: string, pattern: string): string[] {
  const base = path.dirname(includingFile);
  const joined = path.isAbsolute(pattern) ? pattern : path.join(base, pattern);
  if (!hasGlob(pattern)) return fs.existsSync(joined) ? [joined] : [];
  const root = path.isAbsolute(joined) ? path.parse(joined).root : "";
  const segments = (root ? joined.slice(root.length) : joined).split(/[\\/]/).filter((s) => s !== "");
  let current: string[] = [root || (joined.startsWith(".") ? "" : "")];
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!;
    const next: string[] = [];
    const isLast = index === segments.length - 1;
    for (const dir of current) {
      const dirPath = dir === "" ? "." : dir;
      if (segment === "**") {
        for (const directory of walkDirectories(dirPath)) next.push(dir === "" && directory === "." ? "" : directory);
        continue;
      }
      if (!hasGlob(segment)) {
        const candidate = dir === "" ? segment : path.join(dir, segment);
        if (fs.existsSync(candidate)) next.push(candidate);
        continue;
      }
      const regex = segmentRegex(segment);
      let names: fs.Dirent[];
      try { names = fs.readdirSync(dirPath, { withFileTypes: true }); } catch { continue; }
      for (const entry of names) {
        if (entry.name.startsWith(".") && !segment.startsWith(".")) continue;
        if (!regex.test(entry.name)) continue;
        if (!isLast && !entry.isDirectory()) continue;
        next.push(dir === "" ? entry.name : path.join(dir, entry.name));
      }
    }
    current = [...new Set(next)];
  }
  return current.filter((p) => p !== "" && fs.existsSync(p) && fs.statSync(p).isFile()).sort();
}

/** `dir` and every folder below it (not hidden), each before its subfolders, in directory order; no recursion, however deep the tree. */
function walkDirectories(dir: string): string[] {
  const result: string[] = [];
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    result.push(current);
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(current, { withFileTypes: true }); } catch { continue; }
    const subfolders = entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith(".")).map((entry) => path.join(current, entry.name));
    for (let index = subfolders.length - 1; index >= 0; index--) pending.push(subfolders[index]!);
  }
  return result;
}

/**
 * Whether `file` is one that an include pattern (relative to the including file's folder) names, or
 * would name once it exists: the same rules as expandInclude (`*`, `?`, `[...]`, `**`; hidden
 * names only by a pattern that starts with a dot).
 */
export function includeMatches(includingFile: string, pattern: string, file: string): boolean {
  const base = path.dirname(path.resolve(includingFile));
  const joined = path.isAbsolute(pattern) ? pattern : path.join(base, pattern);
  const wanted = joined.split(/[\\/]/).filter((segment) => segment !== "");
  const actual = path.resolve(file).split(/[\\/]/).filter((segment) => segment !== "");
  const match = (w: number, a: number): boolean => {
    if (w === wanted.length) return a === actual.length;
    const segment = wanted[w]!;
    if (segment === "**") {
      for (let skip = a; skip < actual.length; skip++) {
        if (skip > a && actual[skip - 1]!.startsWith(".")) break;
        if (match(w + 1, skip)) return true;
      }
      return false;
    }
    if (a === actual.length) return false;
    const name = actual[a]!;
    if (!hasGlob(segment)) return segment === name && match(w + 1, a + 1);
    if (name.startsWith(".") && !segment.startsWith(".")) return false;
    return segmentRegex(segment).test(name) && match(w + 1, a + 1);
  };
  return match(0, 0);
}
