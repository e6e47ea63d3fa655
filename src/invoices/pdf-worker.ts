// The text of PDF files, read synchronously: pdf.js is asynchronous and the CLI's main() is not,
// so worker threads run pdf.js and the main thread waits for their answers with Atomics.wait on a
// shared counter, taking each answer with receiveMessageOnPort. Many files are shared out between
// two workers (one per core, at most two). A file that takes longer than the time cap has its
// worker ended (a fresh one reads the next file): a hostile PDF costs at most the cap. Workers are
// started when there are PDFs to read, kept for the rest of the run, and never keep the process alive.
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { PdfContent } from "./pdf-text.js";

// The worker's own code (a script, so that it is found the same way from dist/ and from the
// one-file bundle). It gets pdf.js's location, the shared counter and the port to answer on.
const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
const { readFileSync } = require("node:fs");
const counter = new Int32Array(workerData.counter);
let library = null;
async function contentOf(file, maxPages) {
  library ??= await import(workerData.pdfjs);
  const data = new Uint8Array(readFileSync(file));
  const task = library.getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false,
    useWorkerFetch: false, isOffscreenCanvasSupported: false, stopAtErrors: false, verbosity: 0 });
  try {
    const document = await task.promise;
    const items = [];
    for (let number = 1; number <= Math.min(document.numPages, maxPages); number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      for (const item of content.items) if (typeof item.str === "string") items.push({ page: number, x: item.transform[4], y: item.transform[5], text: item.str });
    }
    const info = {};
    const metadata = await document.getMetadata().catch(() => null);
    const found = metadata && metadata.info ? metadata.info : {};
    const custom = found.Custom && typeof found.Custom === "object" ? found.Custom : {};
    for (const [key, value] of Object.entries({ ...found, ...custom })) if (typeof value === "string") info[key] = value;
    return { ok: true, items, info };
  } finally {
    await task.destroy();
  }
}
workerData.port.on("message", (request) => {
  contentOf(request.file, request.maxPages)
    .catch((thrown) => ({ ok: false, reason: String(thrown && thrown.message ? thrown.message : thrown) }))
    .then((answer) => {
      workerData.port.postMessage({ file: request.file, answer });
      Atomics.add(counter, 0, 1);
      Atomics.notify(counter, 0);
    });
});
`;

/** The content, or why there is none (`timedOut`: the time cap ended the reading). */
export type PdfAnswer = ({ readonly ok: true } & PdfContent) | { readonly ok: false; readonly reason: string; readonly timedOut?: boolean };

interface Reader {
  readonly worker: Worker;
  readonly port: MessagePort;
  /** pdf.js is loaded (the first answer has come). */
  started: boolean;
  /** The file being read and when it must be done (ms, performance.now()), or null when idle. */
  busy: { readonly file: string; readonly deadline: number } | null;
}

// One counter for every worker: each adds one after posting an answer.
const counter = new Int32Array(new SharedArrayBuffer(4));
const readers: Reader[] = [];
// Loading pdf.js takes a moment, more on a busy machine: the first file of a worker gets this too.
const STARTUP_MS = 5_000;
// Below this many files one worker is quicker than two (each loads pdf.js).
const FILES_PER_EXTRA_WORKER = 40;

function startReader(): Reader {
  const { port1, port2 } = new MessageChannel();
  const pdfjs = pathToFileURL(createRequire(import.meta.url).resolve("pdfjs-dist/legacy/build/pdf.mjs")).href;
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { counter: counter.buffer, port: port2, pdfjs }, transferList: [port2], stdout: true, stderr: true });
  worker.unref();
  port1.unref();
  return { worker, port: port1, started: false, busy: null };
}

function endReader(reader: Reader): void {
  void reader.worker.terminate();
  reader.port.close();
  readers.splice(readers.indexOf(reader), 1);
}

/**
 * The text runs and information dictionary of each PDF of `files`, or why it could not be read.
 * `timeoutMs`: the time cap per file.
 */
export function readPdfContents(files: readonly string[], timeoutMs: number, maxPages = 4): Map<string, PdfAnswer> {
  const answers = new Map<string, PdfAnswer>();
  const queue = [...new Set(files)].reverse();
  const wanted = Math.min(Math.max(1, Math.min(2, availableParallelism())), 1 + Math.floor(queue.length / FILES_PER_EXTRA_WORKER));
  while (queue.length > 0 || readers.some((reader) => reader.busy !== null)) {
    while (readers.length < wanted && queue.length > 0) readers.push(startReader());
    for (const reader of readers) {
      if (reader.busy !== null || queue.length === 0) continue;
      const file = queue.pop()!;
      reader.busy = { file, deadline: performance.now() + timeoutMs + (reader.started ? 0 : STARTUP_MS) };
      reader.port.postMessage({ file, maxPages });
    }
    const seen = Atomics.load(counter, 0);
    let answered = false;
    for (const reader of readers) {
      const message = receiveMessageOnPort(reader.port);
      if (message === undefined) continue;
      const { file, answer } = message.message as { file: string; answer: PdfAnswer };
      answers.set(file, answer);
      reader.started = true;
      reader.busy = null;
      answered = true;
    }
    if (answered) continue;
    const now = performance.now();
    for (const reader of [...readers]) {
      if (reader.busy === null || reader.busy.deadline > now) continue;
      answers.set(reader.busy.file, { ok: false, reason: `reading it took longer than ${timeoutMs / 1000} s`, timedOut: true });
      endReader(reader);
    }
    const next = Math.min(...readers.flatMap((reader) => (reader.busy === null ? [] : [reader.busy.deadline])));
    if (Number.isFinite(next)) Atomics.wait(counter, 0, seen, Math.max(0, next - performance.now()));
  }
  return answers;
}
