// Reading journal files and expanding include patterns.
import * as fs from "node:fs";
import * as path from "node:path";

/** A journal file as read: its text, kept in the pieces it was decoded in. */
export class SourceFile {
  #text: string | null;

  constructor(
    /** Path as shown to the user (relative when the user named it relatively). */
    readonly path: string,
    /** The text in pieces cut at line ends, BOM and line endings as on disk. */
    readonly pieces: readonly string[],
  ) {
    this.#text = pieces.length === 1 ? pieces[0]! : null;
  }

  /** The whole decoded text (joined when first asked for: a check that finds nothing never does). */
  get text(): string {
    return (this.#text ??= this.pieces.join(""));
  }
}

/** How much of a file is read and decoded at a time. */
const PIECE_BYTES = 4 << 20;

function defaultPieceBytes(): number {
  const set = Number(process.env.FEELEDGER_PIECE_BYTES);
  return Number.isInteger(set) && set > 0 ? set : PIECE_BYTES;
}

/**
 * Read a journal file; `pieceBytes` sets how much is decoded at a time (tests make it small, also
 * through FEELEDGER_PIECE_BYTES for a whole load).
 */
export function readSource(filePath: string, pieceBytes = defaultPieceBytes()): SourceFile | { error: string } {
  let descriptor: number | null = null;
  try {
    const stat = fs.statSync(filePath);
    if (stat.isDirectory()) return { error: `'${filePath}' is a directory, not a journal file` };
    descriptor = fs.openSync(filePath, "r");
    return new SourceFile(filePath, readPieces(descriptor, Math.min(pieceBytes, stat.size + 1)));
  } catch (thrown) {
    const code = (thrown as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { error: `File "${filePath}" does not exist` };
    return { error: `Cannot read "${filePath}": ${(thrown as Error).message}` };
  } finally {
    if (descriptor !== null) fs.closeSync(descriptor);
  }
}

/**
 * The file's text decoded from UTF-8 a few megabytes at a time, each piece ending at a line end
 * (a newline byte never falls inside a UTF-8 sequence, so the pieces decode as the whole would),
 * where possible between two directives (see pieceEnd).
 * Reading the whole file into one buffer first costs as much again in memory the process touches,
 * which on a large journal is a tenth of the run.
 */
/**
 * Where to end a piece of buffer[0, filled): after a blank line that a dated line follows, where
 * one directive has surely ended and the next begins (the parser then never reads a directive
 * twice); else after the last line end; 0 if there is none.
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

function readPieces(descriptor: number, size: number): string[] {
  const pieces: string[] = [];
  let buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  for (;;) {
    const read = fs.readSync(descriptor, buffer, filled, buffer.length - filled, null);
    if (read === 0) break;
    filled += read;
    if (filled < buffer.length) continue;
    const cut = pieceEnd(buffer, filled);
    if (cut === 0) {
      // A line longer than the buffer: make room.
      const larger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(larger, 0, 0, filled);
      buffer = larger;
      continue;
    }
    pieces.push(buffer.toString("utf8", 0, cut));
    buffer.copy(buffer, 0, cut, filled);
    filled -= cut;
  }
  if (filled > 0 || pieces.length === 0) pieces.push(buffer.toString("utf8", 0, filled));
  return pieces;
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
        next.push(...walkDirectories(dirPath).map((d) => (dir === "" && d === "." ? "" : d)));
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

function walkDirectories(dir: string): string[] {
  const result = [dir];
  let entries: fs.Dirent[];
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return result; }
  for (const entry of entries) {
    if (entry.isDirectory() && !entry.name.startsWith(".")) result.push(...walkDirectories(path.join(dir, entry.name)));
  }
  return result;
}
