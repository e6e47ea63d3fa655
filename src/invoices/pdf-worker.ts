// The text of PDF files, read synchronously: pdf.js is asynchronous and the CLI's main() is not,
// so worker threads run pdf.js and the main thread waits for their answers with Atomics.wait on a
// shared counter, taking each answer with receiveMessageOnPort. Many files are shared out between
// two workers (one per core, at most two), each holding a few at a time so that it never waits for
// the main thread. A file that takes longer than the time cap has its worker ended (a fresh one
// reads the files it held): a hostile PDF costs at most the cap. Workers are started when there
// are PDFs to read (startPdfReaders: before the caller's other work, so that loading pdf.js
// overlaps it), kept for the rest of the run, and never keep the process alive.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import type { MessagePort, Worker } from "node:worker_threads";
import type { PdfContent } from "./pdf-text.js";

// node:worker_threads and node:os when PDFs are first read, not at every start: worker_threads
// loads Node.js's stream modules (10-20 ms of CPU), which a `check` with nothing to print does without.
const threads = (): typeof import("node:worker_threads") => process.getBuiltinModule("node:worker_threads");
const availableParallelism = (): number => process.getBuiltinModule("node:os").availableParallelism();

// The worker's own code (a script, so that it is found the same way from dist/ and from the
// one-file bundle). It gets pdf.js's location, the shared counter and the port to answer on. It
// loads pdf.js as soon as it starts (its API and its worker half at once, so the first file does
// not wait for the second), and reads the files it is sent one after another, in order.
// pdf.js inflates FlateDecode streams through the web DecompressionStream, which in Node is a web
// stream over asynchronous zlib: for the small streams of an invoice that machinery costs more
// than the inflating. The worker gives pdf.js a DecompressionStream of the same shape that
// inflates synchronously, for "deflate" only (any other format is the real one). Whatever it
// refuses (a broken stream, one past INFLATE_LIMIT bytes) pdf.js then reads with its own
// decoder, exactly as when the real one fails.
// Largest stream the synchronous inflater gives back (more: pdf.js's own decoder, under the time cap).
const INFLATE_LIMIT = 256 * 1024 * 1024;
const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
const { readFileSync } = require("node:fs");
const zlib = require("node:zlib");
const counter = new Int32Array(workerData.counter);
const NativeDecompressionStream = globalThis.DecompressionStream;
const INFLATE_LIMIT = ${INFLATE_LIMIT};
globalThis.DecompressionStream = class DecompressionStream {
  constructor(format) {
    if (format !== "deflate") return new NativeDecompressionStream(format);
    const chunks = [];
    let close;
    const closed = new Promise((resolve) => { close = resolve; });
    const writer = { ready: Promise.resolve(), closed, write: async (chunk) => { chunks.push(chunk); }, close: async () => { close(); }, releaseLock() {} };
    this.writable = { getWriter: () => writer };
    this.readable = { async *[Symbol.asyncIterator]() { await closed; const inflated = zlib.inflateSync(Buffer.concat(chunks), { maxOutputLength: INFLATE_LIMIT }); yield new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.length); } };
  }
};
const nativePush = Array.prototype.push;
const library = Promise.all([import(workerData.pdfjs), import(workerData.pdfjsWorker)]).then(([api, worker]) => {
  Array.prototype.push = nativePush;
  globalThis.pdfjsWorker = worker;
  return api;
});
library.catch(() => {});
async function contentOf(file, maxPages) {
  const { getDocument } = await library;
  const data = new Uint8Array(readFileSync(file));
  const task = getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false,
    useWorkerFetch: false, isOffscreenCanvasSupported: false, stopAtErrors: false, verbosity: 0 });
  try {
    const document = await task.promise;
    const metadata = document.getMetadata().catch(() => null);
    const items = [];
    for (let number = 1; number <= Math.min(document.numPages, maxPages); number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      for (const item of content.items) if (typeof item.str === "string") items.push({ page: number, x: item.transform[4], y: item.transform[5], text: item.str });
    }
    const info = {};
    const found = (await metadata)?.info ?? {};
    const custom = found.Custom && typeof found.Custom === "object" ? found.Custom : {};
    for (const [key, value] of Object.entries({ ...found, ...custom })) if (typeof value === "string") info[key] = value;
    return { ok: true, items, info };
  } finally {
    await task.destroy();
  }
}
let previous = Promise.resolve();
workerData.port.on("message", (request) => {
  previous = previous.then(() => contentOf(request.file, request.maxPages)
    .catch((thrown) => ({ ok: false, reason: String(thrown && thrown.message ? thrown.message : thrown) }))
    .then((answer) => {
      workerData.port.postMessage({ file: request.file, answer });
      Atomics.add(counter, 0, 1);
      Atomics.notify(counter, 0);
    }));
});
`;

/** The content, or why there is none (`timedOut`: the time cap ended the reading). */
export type PdfAnswer = ({ readonly ok: true } & PdfContent) | { readonly ok: false; readonly reason: string; readonly timedOut?: boolean };

interface Reader {
  readonly worker: Worker;
  readonly port: MessagePort;
  /** pdf.js is loaded (the first answer has come). */
  started: boolean;
  /** The files sent and not answered yet, in the order the worker reads them. */
  readonly sent: string[];
  /** When the worker began the first of `sent` (ms, performance.now()). */
  since: number;
}

// One counter for every worker: each adds one after posting an answer.
const counter = new Int32Array(new SharedArrayBuffer(4));
const readers: Reader[] = [];
// Loading pdf.js takes a moment, more on a busy machine: the first file of a worker gets this too.
const STARTUP_MS = 5_000;
// Below this many files one worker is quicker than two (each loads pdf.js).
const FILES_PER_EXTRA_WORKER = 40;
// Files a worker holds at once: it starts the next as soon as it has answered, without waiting
// for the main thread (which, on a machine whose cores the workers keep busy, may wake late).
const IN_FLIGHT = 3;

/** How many workers `count` PDFs are worth: one per core, at most two, one for a few files. */
function readersFor(count: number): number {
  return Math.min(Math.max(1, Math.min(2, availableParallelism())), 1 + Math.floor(count / FILES_PER_EXTRA_WORKER));
}

function startReader(): Reader {
  const { port1, port2 } = new (threads().MessageChannel)();
  const require = createRequire(import.meta.url);
  const pdfjs = pathToFileURL(require.resolve("pdfjs-dist/legacy/build/pdf.mjs")).href;
  const pdfjsWorker = pathToFileURL(require.resolve("pdfjs-dist/legacy/build/pdf.worker.mjs")).href;
  const worker = new (threads().Worker)(WORKER_SOURCE, { eval: true, workerData: { counter: counter.buffer, port: port2, pdfjs, pdfjsWorker }, transferList: [port2], stdout: true, stderr: true });
  // (A worker that fails outright answers nothing: its file runs out of time like a hostile one.)
  worker.on("error", () => {});
  worker.unref();
  port1.unref();
  return { worker, port: port1, started: false, sent: [], since: 0 };
}

function endReader(reader: Reader): void {
  void reader.worker.terminate();
  reader.port.close();
  readers.splice(readers.indexOf(reader), 1);
}

/**
 * Starts the workers for about `count` PDFs now, so that they load pdf.js while the caller does
 * other work (readPdfContents starts them otherwise).
 */
export function startPdfReaders(count: number): void {
  while (readers.length < readersFor(count)) readers.push(startReader());
}

/**
 * The text runs and information dictionary of each PDF of `files`, or why it could not be read.
 * `timeoutMs`: the time cap per file.
 */
export function readPdfContents(files: readonly string[], timeoutMs: number, maxPages = 4): Map<string, PdfAnswer> {
  const answers = new Map<string, PdfAnswer>();
  const queue = [...new Set(files)].reverse();
  const wanted = readersFor(queue.length);
  const deadline = (reader: Reader) => reader.since + timeoutMs + (reader.started ? 0 : STARTUP_MS);
  while (queue.length > 0 || readers.some((reader) => reader.sent.length > 0)) {
    while (readers.length < wanted && queue.length > 0) readers.push(startReader());
    // Each worker gets files in turn, so that the last few are shared out too.
    for (let round = 0; round < IN_FLIGHT && queue.length > 0; round++) {
      for (const reader of readers) {
        if (reader.sent.length > round || queue.length === 0) continue;
        const file = queue.pop()!;
        if (reader.sent.length === 0) reader.since = performance.now();
        reader.sent.push(file);
        reader.port.postMessage({ file, maxPages });
      }
    }
    const seen = Atomics.load(counter, 0);
    let answered = false;
    for (const reader of readers) {
      for (let message = threads().receiveMessageOnPort(reader.port); message !== undefined; message = threads().receiveMessageOnPort(reader.port)) {
        const { file, answer } = message.message as { file: string; answer: PdfAnswer };
        answers.set(file, answer);
        reader.sent.splice(reader.sent.indexOf(file), 1);
        reader.started = true;
        reader.since = performance.now();
        answered = true;
      }
    }
    if (answered) continue;
    const now = performance.now();
    for (const reader of [...readers]) {
      if (reader.sent.length === 0 || deadline(reader) > now) continue;
      // The file it is on runs out of time; the ones it holds after it go back to the queue.
      const [late, ...held] = reader.sent;
      answers.set(late!, { ok: false, reason: `reading it took longer than ${timeoutMs / 1000} s`, timedOut: true });
      queue.push(...held.reverse());
      endReader(reader);
    }
    const next = Math.min(...readers.flatMap((reader) => (reader.sent.length === 0 ? [] : [deadline(reader)])));
    if (Number.isFinite(next)) Atomics.wait(counter, 0, seen, Math.max(0, next - performance.now()));
  }
  return answers;
}
