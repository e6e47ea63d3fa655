// Reading journal files and expanding include patterns.
import * as fs from "node:fs";
import * as path from "node:path";

/** The file changed on disk after it was read, so offsets into it no longer hold. */
export class SourceChangedError extends Error {
  constructor(readonly file: string) {
    super(`${file} changed on disk while feeledger was using it; run the command again`);
  }
}

/** How much of a file is read and decoded at a time: small enough that each piece is a young string, which dies young once parsed. */
const PIECE_BYTES = 48 << 10;

function defaultPieceBytes(): number {
  const set = Number(process.env.FEELEDGER_PIECE_BYTES);
  return Number.isInteger(set) && set > 0 ? set : PIECE_BYTES;
}

/**
 * A journal file. Its text is read in pieces for the parser (`readPieces`) and not kept: a
 * check that finds nothing never holds the whole text. `text` gives it when something needs it
 * (a diagnostic's excerpt, an edit): the pieces joined when they were kept (`keep`, which writers
 * ask for: they edit exactly the text they parsed), else the file read again, refused with a
 * SourceChangedError if its size or modification time moved since.
 */
export class SourceFile {
  #text: string | null = null;
  #kept: string[] | null;

  constructor(
    /** Path as shown to the user (relative when the user named it relatively). */
    readonly path: string,
    private readonly stamp: { readonly size: number; readonly mtimeMs: number },
    keep: boolean,
  ) {
    this.#kept = keep ? [] : null;
  }

  /**
   * The text decoded from UTF-8 `pieceBytes` at a time (see pieceEnd), each piece ending at a line
   * end; BOM and line endings as on disk. Errors of the file system are thrown (ErrnoException).
   */
  *readPieces(pieceBytes = defaultPieceBytes()): Generator<string> {
    const descriptor = fs.openSync(this.path, "r");
    try {
      if (this.#kept !== null) this.#kept.length = 0;
      for (const piece of decodePieces(descriptor, Math.min(pieceBytes, this.stamp.size + 1))) {
        this.#kept?.push(piece);
        yield piece;
      }
    } finally {
      fs.closeSync(descriptor);
    }
  }

  /** The whole decoded text. */
  get text(): string {
    if (this.#text !== null) return this.#text;
    if (this.#kept !== null) return (this.#text = this.#kept.join(""));
    let text: string;
    try {
      const now = fs.statSync(this.path);
      if (now.size !== this.stamp.size || now.mtimeMs !== this.stamp.mtimeMs) throw new SourceChangedError(this.path);
      text = fs.readFileSync(this.path, "utf8");
    } catch (thrown) {
      if (thrown instanceof SourceChangedError) throw thrown;
      throw new SourceChangedError(this.path);
    }
    return (this.#text = text);
  }
}

/**
 * Open a journal file for reading (`keep`: hold its text once read, see SourceFile); a clear
 * message for a missing file or a directory.
 */
export function openSource(filePath: string, keep = false): SourceFile | { error: string } {
  try {
    const stat = fs.statSync(filePath);
    if (stat.isDirectory()) return { error: `'${filePath}' is a directory, not a journal file` };
    fs.accessSync(filePath, fs.constants.R_OK);
    return new SourceFile(filePath, { size: stat.size, mtimeMs: stat.mtimeMs }, keep);
  } catch (thrown) {
    return { error: readError(filePath, thrown) };
  }
}

/** The message for a file that cannot be read. */
export function readError(filePath: string, thrown: unknown): string {
  const code = (thrown as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return `File "${filePath}" does not exist`;
  return `Cannot read "${filePath}": ${(thrown as Error).message}`;
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
 * which on a large journal is a tenth of the run.
 */
function* decodePieces(descriptor: number, size: number): Generator<string> {
  let buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  let any = false;
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
    const piece = buffer.toString("utf8", 0, cut);
    buffer.copy(buffer, 0, cut, filled);
    filled -= cut;
    any = true;
    yield piece;
  }
  if (filled > 0 || !any) yield buffer.toString("utf8", 0, filled);
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
