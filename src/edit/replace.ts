// Replacing one file's bytes without losing any: through symbolic links to the real file, keeping
// its permissions, owner and hard links, refusing what cannot be written safely (a read-only file,
// a FIFO or a device), and never leaving a half-written file or a temporary file behind.
//
// Two ways to replace a file:
// - "rename" (the usual one): the new bytes go to a temporary file beside the real file, which gets
//   the old file's mode and owner and is flushed to disk, then renamed over it. A reader sees the
//   old file or the new one, never a mix, and a failure at any point leaves the old file as it was.
// - "in place", when a rename would lose something: the file has other hard links (a rename would
//   leave them holding the old text), or its owner or group could not be given to a new file (a
//   file of another user that we may write). The old bytes are first copied to a temporary backup
//   beside the file and flushed; the new bytes are then written into the same file, growing it
//   first (so a full disk fails before any old byte changed), and flushed. If that fails, the old
//   bytes are written back, and the backup is kept (and named in the message) only if even that
//   fails. The backup is removed once the new bytes are on disk.
import * as fs from "node:fs";
import * as path from "node:path";
import { randomBytes } from "node:crypto";
import { message, type Message } from "../i18n/message.js";

/** A write refused before anything was written, with a message for the user (`said`: by its key, to be said in the chosen language). */
export class WriteRefusedError extends Error {
  readonly said: Message | null;

  constructor(said: Message | string) {
    super(typeof said === "string" ? said : said.text);
    this.said = typeof said === "string" ? null : said;
  }
}

/** A failure after which a file may not hold its old bytes; the message says which and where they are. */
export class PartialWriteError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
  }
}

/** The file changed on disk since it was read: nothing was written. */
export class StaleFileError extends Error {
  /** The message by its key, to be said in the chosen language; `.message` is the English. */
  readonly said: Message;

  constructor(readonly file: string) {
    const said = message("write stale", { file });
    super(said.text);
    this.said = said;
  }
}

/**
 * Simulated failures, a hook for tests (a full disk or a failing rename is hard to arrange):
 * FEELEDGER_FAIL_WRITE_AFTER_BYTES=N makes the write after the first N bytes the writers put into
 * files fail with ENOSPC; FEELEDGER_FAIL_RENAME_AFTER=N makes the rename after the first N fail
 * with EIO. Each fails once (the recovery that follows is not failed again).
 */
export interface Faults {
  bytesLeft: number | null;
  renamesLeft: number | null;
}

export function faultsFrom(environment: Readonly<Record<string, string | undefined>>): Faults {
  const count = (value: string | undefined): number | null => {
    const number = Number(value);
    return value !== undefined && value !== "" && Number.isInteger(number) && number >= 0 ? number : null;
  };
  return { bytesLeft: count(environment.FEELEDGER_FAIL_WRITE_AFTER_BYTES), renamesLeft: count(environment.FEELEDGER_FAIL_RENAME_AFTER) };
}

export const NO_FAULTS: Faults = Object.freeze({ bytesLeft: null, renamesLeft: null }) as Faults;

function simulated(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message} (simulated for a test)`), { code });
}

/**
 * Bytes to write: one array, or parts written one after the other (a writer's new file is the old
 * bytes around its edits: copying them into one buffer first costs a large journal's size again).
 */
export type Bytes = Uint8Array | readonly Uint8Array[];

/** The bytes in one array (parts joined: for the rare paths that compare or index them). */
function whole(bytes: Bytes): Uint8Array {
  return bytes instanceof Uint8Array ? bytes : Buffer.concat(bytes);
}

/** Write every part of `bytes` from `position` on (null: a stream's current position). */
function writeParts(descriptor: number, bytes: Bytes, position: number | null, faults: Faults): void {
  if (bytes instanceof Uint8Array) return writeAll(descriptor, bytes, position, faults);
  let offset = 0;
  for (const part of bytes) {
    writeAll(descriptor, part, position === null ? null : position + offset, faults);
    offset += part.length;
  }
}

/** Write all of `bytes` at `position` (null: a stream's current position). */
function writeAll(descriptor: number, bytes: Uint8Array, position: number | null, faults: Faults): void {
  let done = 0;
  while (done < bytes.length) {
    let length = bytes.length - done;
    if (faults.bytesLeft !== null) {
      if (faults.bytesLeft === 0) {
        faults.bytesLeft = null;
        throw simulated("ENOSPC", "no space left on device, write");
      }
      length = Math.min(length, faults.bytesLeft);
    }
    const written = fs.writeSync(descriptor, bytes, done, length, position === null ? null : position + done);
    if (faults.bytesLeft !== null) faults.bytesLeft -= written;
    done += written;
  }
}

function rename(from: string, to: string, faults: Faults): void {
  if (faults.renamesLeft !== null) {
    if (faults.renamesLeft === 0) {
      faults.renamesLeft = null;
      throw simulated("EIO", `i/o error, rename '${from}' -> '${to}'`);
    }
    faults.renamesLeft--;
  }
  fs.renameSync(from, to);
}

/** A file to write, as named and as it really is. */
export interface Target {
  /** As the user or the journal names it. */
  readonly file: string;
  /** The real file: every symbolic link followed. */
  readonly real: string;
  /** The real file's status, or null when it does not exist yet. */
  readonly stat: fs.Stats | null;
}

/** Follow `file`'s symbolic links to the real file (which need not exist yet). */
export function resolveTarget(file: string): Target {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code !== "ENOENT") throw thrown;
    real = missingTarget(file);
  }
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(real);
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code !== "ENOENT") throw thrown;
  }
  return { file, real, stat };
}

/** Where a file that does not exist would be created: through a dangling link to its target. */
function missingTarget(file: string): string {
  let current = path.resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    let link: string;
    try {
      link = fs.readlinkSync(current);
    } catch (thrown) {
      const code = (thrown as NodeJS.ErrnoException).code;
      if (code === "EINVAL" || code === "ENOENT") break;
      throw thrown;
    }
    current = path.resolve(path.dirname(current), link);
  }
  let folder: string;
  try {
    folder = fs.realpathSync(path.dirname(current));
  } catch {
    throw new WriteRefusedError(message("write no folder", { file, folder: path.dirname(current) }));
  }
  return path.join(folder, path.basename(current));
}

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return "a directory";
  if (stat.isFIFO()) return "a FIFO (named pipe)";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  if (stat.isSocket()) return "a socket";
  return "not a regular file";
}

function canAccess(file: string, mode: number): boolean {
  try {
    fs.accessSync(file, mode);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuse a target that cannot be replaced safely: not a regular file, read-only for this user, or
 * in a folder where no temporary file can be made. `what` names it in messages ("the journal file").
 */
export function requireReplaceable(target: Target, what: string): void {
  const { file, real, stat } = target;
  const named = file === real ? file : `${file} (${real})`;
  if (stat !== null && !stat.isFile()) throw new WriteRefusedError(message("write not regular", { what, file: named, kind: kindOf(stat) }));
  if (stat !== null && !canAccess(real, fs.constants.W_OK)) throw new WriteRefusedError(message("write read-only", { what, file: named }));
  if (!canAccess(path.dirname(real), fs.constants.W_OK | fs.constants.X_OK)) {
    throw new WriteRefusedError(message("write folder not writable", { what, file: named, folder: path.dirname(real) }));
  }
}

/**
 * `read` given a descriptor of a regular file, opened without blocking on a FIFO or a device put in
 * its place (refused before and after opening, for a file swapped between the two).
 */
function readingRegularFile<T>(file: string, what: string, read: (descriptor: number) => T): T {
  const before = fs.statSync(file);
  if (!before.isFile()) throw new WriteRefusedError(message("write not regular", { what, file, kind: kindOf(before) }));
  const descriptor = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const stat = fs.fstatSync(descriptor);
    if (!stat.isFile()) throw new WriteRefusedError(message("write not regular", { what, file, kind: kindOf(stat) }));
    return read(descriptor);
  } finally {
    fs.closeSync(descriptor);
  }
}

/** A regular file's bytes, read without blocking on a FIFO or a device put in its place. */
export function readRegularFile(file: string, what: string): Buffer {
  return readingRegularFile(file, what, (descriptor) => fs.readFileSync(descriptor));
}

/** How much of a file holdsBytes reads at a time: the file is compared, not held (tens of megabytes for a large journal). */
const COMPARE_BYTES = 1 << 20;

/**
 * Whether a regular file holds exactly `bytes` (read a part at a time, without blocking on a FIFO or
 * a device put in its place: those are refused as readRegularFile refuses them).
 */
export function holdsBytes(file: string, bytes: Uint8Array, what: string): boolean {
  return readingRegularFile(file, what, (descriptor) => {
    const part = Buffer.allocUnsafe(Math.min(COMPARE_BYTES, bytes.length) + 1);
    for (let compared = 0; ;) {
      const read = fs.readSync(descriptor, part, 0, part.length, null);
      if (read === 0) return compared === bytes.length;
      if (read > bytes.length - compared || Buffer.compare(part.subarray(0, read), bytes.subarray(compared, compared + read)) !== 0) return false;
      compared += read;
    }
  });
}

/** Whether a new file made by this process could be given `stat`'s owner and group. */
function ownerCanBeKept(stat: fs.Stats): boolean {
  const user = process.geteuid?.();
  if (user === undefined || user === 0) return true;
  return stat.uid === user && (stat.gid === process.getegid!() || process.getgroups!().includes(stat.gid));
}

/** A replacement made ready: its temporary file is written and flushed; nothing is changed yet. */
export interface PreparedReplacement {
  readonly target: Target;
  readonly inPlace: boolean;
  /** The new bytes (rename), or a backup of the old (in place). */
  readonly temporary: string;
  readonly bytes: Bytes;
  /** The old bytes (in place: what the file must hold when it is written). */
  readonly old: Uint8Array | null;
  /** Set when the temporary file must stay (a backup that is the only copy of the old bytes). */
  keepTemporary: boolean;
}

/**
 * Make a replacement of a regular file (or a new file) ready. `old` is what the file holds (for the
 * backup when it is written in place; read when not given).
 */
export function prepareReplacement(target: Target, bytes: Bytes, old: Uint8Array | null, faults: Faults): PreparedReplacement {
  const inPlace = target.stat !== null && (target.stat.nlink > 1 || !ownerCanBeKept(target.stat));
  const oldBytes = inPlace ? old ?? readRegularFile(target.real, "the file") : old;
  const temporary = writeTemporary(target, inPlace ? oldBytes! : bytes, faults);
  return { target, inPlace, temporary, bytes: inPlace ? whole(bytes) : bytes, old: oldBytes, keepTemporary: false };
}

/** A new file beside the target holding `bytes`, with the target's mode and owner, flushed to disk. */
function writeTemporary(target: Target, bytes: Bytes, faults: Faults): string {
  const folder = path.dirname(target.real);
  let temporary = "";
  let descriptor = -1;
  for (let attempt = 0; descriptor < 0; attempt++) {
    temporary = path.join(folder, `.${path.basename(target.real)}.feeledger-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
    try {
      // Private until it holds the target's mode; a new output file gets the usual mode (umask applies).
      descriptor = fs.openSync(temporary, "wx", target.stat === null ? 0o666 : 0o600);
    } catch (thrown) {
      if ((thrown as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 10) throw thrown;
    }
  }
  try {
    writeParts(descriptor, bytes, 0, faults);
    const stat = target.stat;
    if (stat !== null) {
      const made = fs.fstatSync(descriptor);
      if (made.uid !== stat.uid || made.gid !== stat.gid) {
        try {
          fs.fchownSync(descriptor, stat.uid, stat.gid);
        } catch (thrown) {
          // Not allowed to give it that owner: the file keeps ours (a file we could not keep the owner of is written in place).
          if ((thrown as NodeJS.ErrnoException).code !== "EPERM" && (thrown as NodeJS.ErrnoException).code !== "EINVAL") throw thrown;
        }
      }
      // After chown, which clears set-user-id bits.
      fs.fchmodSync(descriptor, stat.mode & 0o7777);
    }
    fs.fsyncSync(descriptor);
  } catch (thrown) {
    fs.closeSync(descriptor);
    fs.rmSync(temporary, { force: true });
    throw thrown;
  }
  fs.closeSync(descriptor);
  return temporary;
}

/**
 * Put the prepared bytes in place. Written in place, the file must still hold the old bytes (else a
 * StaleFileError, nothing written); before a rename, the caller checks that.
 */
export function commitReplacement(prepared: PreparedReplacement, faults: Faults): void {
  if (!prepared.inPlace) {
    rename(prepared.temporary, prepared.target.real, faults);
    flushFolder(path.dirname(prepared.target.real));
    return;
  }
  writeInPlace(prepared, whole(prepared.bytes), prepared.old!, faults);
}

/** Remove the temporary file, unless it must stay. */
export function discardReplacement(prepared: PreparedReplacement): void {
  if (!prepared.keepTemporary) fs.rmSync(prepared.temporary, { force: true });
}

/** Write `bytes` into the file that holds `old`, keeping its inode; on failure, `old` again. */
function writeInPlace(prepared: PreparedReplacement, bytes: Uint8Array, old: Uint8Array, faults: Faults): void {
  const file = prepared.target.real;
  const descriptor = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_NONBLOCK);
  try {
    const stat = fs.fstatSync(descriptor);
    if (!stat.isFile()) throw new WriteRefusedError(message("write not regular", { what: "", file: prepared.target.file, kind: kindOf(stat) }));
    if (!fs.readFileSync(descriptor).equals(old)) throw new StaleFileError(prepared.target.file);
    let first = 0;
    const common = Math.min(bytes.length, old.length);
    while (first < common && bytes[first] === old[first]) first++;
    try {
      // Growing first: if the disk is full, that fails before any old byte is overwritten.
      if (bytes.length > old.length) writeAll(descriptor, bytes.subarray(old.length), old.length, faults);
      writeAll(descriptor, bytes.subarray(first, common), first, faults);
      if (bytes.length < old.length) fs.ftruncateSync(descriptor, bytes.length);
      fs.fsyncSync(descriptor);
    } catch (thrown) {
      try {
        writeAll(descriptor, old.subarray(first), first, NO_FAULTS);
        fs.ftruncateSync(descriptor, old.length);
        fs.fsyncSync(descriptor);
      } catch {
        prepared.keepTemporary = true;
        const message = `${(thrown as Error).message}; ${prepared.target.file} may be damaged: its old contents are kept in ${prepared.temporary}`;
        throw new PartialWriteError(message, (thrown as NodeJS.ErrnoException).code ?? "EIO");
      }
      throw thrown;
    }
  } finally {
    fs.closeSync(descriptor);
  }
}

/** Put back the old bytes of a committed replacement (when a later file of the same change failed). */
export function undoReplacement(prepared: PreparedReplacement, faults: Faults): void {
  if (prepared.old === null) {
    fs.rmSync(prepared.target.real, { force: true });
    return;
  }
  if (prepared.inPlace) {
    writeInPlace(prepared, prepared.old, whole(prepared.bytes), faults);
    return;
  }
  const again = prepareReplacement(resolveTarget(prepared.target.real), prepared.old, whole(prepared.bytes), faults);
  try {
    commitReplacement(again, faults);
  } finally {
    discardReplacement(again);
  }
}

/** Make a rename durable (best effort: not every file system lets a folder be flushed). */
function flushFolder(folder: string): void {
  let descriptor = -1;
  try {
    descriptor = fs.openSync(folder, "r");
    fs.fsyncSync(descriptor);
  } catch {
    // The rename is done; only its durability across a power cut is less certain.
  } finally {
    if (descriptor >= 0) fs.closeSync(descriptor);
  }
}

/**
 * Replace one file's bytes (creating it when it does not exist), as described at the top. For a
 * file that is not a regular file (a terminal, /dev/null, a FIFO) the bytes are written to it as a
 * stream, as a shell redirection would.
 */
export function replaceFile(target: Target, bytes: Uint8Array, what: string, faults: Faults): void {
  if (target.stat !== null && !target.stat.isFile() && !target.stat.isDirectory()) {
    const descriptor = fs.openSync(target.real, fs.constants.O_WRONLY);
    try {
      writeAll(descriptor, bytes, null, faults);
    } finally {
      fs.closeSync(descriptor);
    }
    return;
  }
  requireReplaceable(target, what);
  const prepared = prepareReplacement(target, bytes, null, faults);
  try {
    commitReplacement(prepared, faults);
  } finally {
    discardReplacement(prepared);
  }
}
