// Reading journal files and expanding include patterns.
import * as fs from "node:fs";
import * as path from "node:path";

export interface SourceFile {
  /** Path as shown to the user (relative when the user named it relatively). */
  readonly path: string;
  /** The decoded text, BOM and line endings as on disk. */
  readonly text: string;
}

export function readSource(filePath: string): SourceFile | { error: string } {
  try {
    const stat = fs.statSync(filePath);
    if (stat.isDirectory()) return { error: `'${filePath}' is a directory, not a journal file` };
    // Decoding the buffer ourselves is measurably faster on Node 20 than readFileSync(path, "utf8").
    return { path: filePath, text: fs.readFileSync(filePath).toString("utf8") };
  } catch (thrown) {
    const code = (thrown as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { error: `File "${filePath}" does not exist` };
    return { error: `Cannot read "${filePath}": ${(thrown as Error).message}` };
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
