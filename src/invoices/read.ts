// Reading one receipt file as an electronic invoice: the format by the file's first bytes (a PDF,
// an OFD zip, XML), the reader for it, and the limits that keep a hostile file from costing more
// than a warning. A file named .pdf, .ofd or .xml that is not one is unreadable; a file of another
// kind (a photo) is not an electronic invoice and is left alone.
import * as fs from "node:fs";
import * as path from "node:path";
import { DEFAULT_LIMITS, type InvoiceLimits } from "./limits.js";
import type { InvoiceReading } from "./record.js";
import { readInvoiceXml } from "./xml.js";
import { readOfd } from "./ofd.js";
import { readPdfContent } from "./pdf-text.js";
import { readPdfContents, startPdfReaders } from "./pdf-worker.js";

const EXPECTED: Record<string, string> = { ".pdf": "PDF", ".ofd": "OFD", ".xml": "XML" };

function startsWith(bytes: Uint8Array, text: string): boolean {
  for (let index = 0; index < text.length; index++) if (bytes[index] !== text.charCodeAt(index)) return false;
  return true;
}

/** The format the first bytes show, or null. */
function sniff(head: Uint8Array): "PDF" | "OFD" | "XML" | null {
  if (startsWith(head, "%PDF-")) return "PDF";
  if (startsWith(head, "PK\x03\x04")) return "OFD";
  const text = new TextDecoder("utf-8").decode(head).replace(/^\uFEFF/, "").trimStart();
  return text.startsWith("<") ? "XML" : null;
}

/** Whether the first bytes are UTF-8 text without control characters other than tab and line ends. */
function isPlainText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  // (stream: a multi-byte character cut at the end of the sample is held back, not an error.)
  const text = new TextDecoder("utf-8").decode(head, { stream: true });
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/.test(text);
}

/** The first bytes of a file (enough to tell its format). */
function headOf(file: string): Uint8Array {
  const handle = fs.openSync(file, "r");
  try {
    const head = new Uint8Array(64);
    const read = fs.readSync(handle, head, 0, head.length, 0);
    return head.subarray(0, read);
  } finally {
    fs.closeSync(handle);
  }
}

// Readings already made in this process, by file, size, modification time and limits: a process
// that runs several commands (the tests, an editor integration) reads an unchanged file once.
const known = new Map<string, InvoiceReading>();
const KNOWN_MAX = 20_000;

/** The key of a file as it is now, or null when it cannot be looked at. */
function versionKey(file: string, limits: InvoiceLimits): string | null {
  try {
    const stat = fs.statSync(file);
    return [file, stat.size, stat.mtimeMs, stat.ino, limits.maxFileBytes, limits.maxZipEntries, limits.maxZipBytes, limits.maxZipRatio, limits.pdfTimeoutMs].join("\0");
  } catch {
    return null;
  }
}

/**
 * Starts the PDF readers `files` will need (by their names: the first bytes decide later), so that
 * they load pdf.js while the caller does other work.
 */
export function startInvoiceReaders(files: readonly string[]): void {
  const named = files.filter((file) => path.extname(file).toLowerCase() === ".pdf").length;
  if (named > 0) startPdfReaders(named);
}

/** What each of `files` reads as (PDFs are read together, by up to two workers). */
export function readInvoiceFiles(files: readonly string[], limits: InvoiceLimits = DEFAULT_LIMITS): Map<string, InvoiceReading> {
  const readings = new Map<string, InvoiceReading>();
  const pdfs: string[] = [];
  const keys = new Map<string, string>();
  const remember = (file: string, reading: InvoiceReading, again = false) => {
    readings.set(file, reading);
    const key = keys.get(file);
    if (key === undefined || again) return;
    if (known.size >= KNOWN_MAX) known.clear();
    known.set(key, reading);
  };
  startInvoiceReaders(files);
  for (const file of files) {
    const key = versionKey(file, limits);
    const earlier = key === null ? undefined : known.get(key);
    if (earlier !== undefined) {
      readings.set(file, earlier);
      continue;
    }
    if (key !== null) keys.set(file, key);
    const reading = readUnlessPdf(file, limits);
    if (reading === "pdf") pdfs.push(file);
    else remember(file, reading);
  }
  if (pdfs.length === 0) return readings;
  const answers = readPdfContents(pdfs, limits.pdfTimeoutMs);
  for (const file of pdfs) {
    const answer = answers.get(file)!;
    // A PDF that ran out of time is read again next time (the machine may have been busy).
    remember(file, answer.ok ? readPdfContent(answer) : { status: "unreadable", reason: `not a readable PDF (${answer.reason})` }, !answer.ok && answer.timedOut === true);
  }
  return readings;
}

export function readInvoiceFile(file: string, limits: InvoiceLimits = DEFAULT_LIMITS): InvoiceReading {
  return readInvoiceFiles([file], limits).get(file)!;
}

/** The reading of a file that is not a PDF to read (or is refused before reading), or "pdf". */
function readUnlessPdf(file: string, limits: InvoiceLimits): InvoiceReading | "pdf" {
  let size: number;
  let head: Uint8Array;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { status: "unreadable", reason: "not a regular file" };
    size = stat.size;
    head = headOf(file);
  } catch (thrown) {
    return { status: "unreadable", reason: `cannot be read (${(thrown as NodeJS.ErrnoException).code ?? String(thrown)})` };
  }
  const format = sniff(head);
  const expected = EXPECTED[path.extname(file).toLowerCase()];
  // A plain-text note under an invoice's name (a placeholder, a transcription) is no invoice file
  // to read; bytes that are neither text nor the named format are a broken or hostile file.
  if (format === null && isPlainText(head)) return { status: "other", what: "a text file, not an electronic invoice" };
  if (format === null || (expected !== undefined && expected !== format && !(expected === "OFD" && format === "OFD"))) {
    if (expected !== undefined) return { status: "unreadable", reason: `not a${expected === "OFD" ? "n" : ""} ${expected} file (its first bytes say otherwise)` };
    return { status: "other", what: "not a PDF, OFD or XML file" };
  }
  if (size > limits.maxFileBytes) return { status: "unreadable", reason: `larger than ${limits.maxFileBytes / 1024 / 1024} MB: not read` };
  if (format === "PDF") return "pdf";
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (thrown) {
    return { status: "unreadable", reason: `cannot be read (${(thrown as NodeJS.ErrnoException).code ?? String(thrown)})` };
  }
  if (format === "OFD") return readOfd(bytes, limits);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { status: "unreadable", reason: "XML that is not UTF-8 text" };
  }
  return readInvoiceXml(text.replace(/^\uFEFF/, ""));
}
