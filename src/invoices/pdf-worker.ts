// The text of PDF files, read synchronously: pdf.js is asynchronous and the CLI's main() is not,
// so one worker thread runs pdf.js and the main thread waits for each answer with Atomics.wait on a
// shared flag, taking the answer with receiveMessageOnPort. A file that takes longer than the time
// cap has its worker ended (a fresh one reads the next file): a hostile PDF costs at most the cap.
// The worker is started on the first PDF and never keeps the process alive.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { PdfContent } from "./pdf-text.js";

// The worker's own code (a script, so that it is found the same way from dist/ and from the
// one-file bundle). It gets pdf.js's location, the shared flag and the port to answer on.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { readFileSync } = require("node:fs");
const flag = new Int32Array(workerData.flag);
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
      workerData.port.postMessage(answer);
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    });
});
`;

export type PdfAnswer = ({ readonly ok: true } & PdfContent) | { readonly ok: false; readonly reason: string };

interface Running {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly flag: Int32Array;
  started: boolean;
}

let running: Running | null = null;

function start(): Running {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const pdfjs = pathToFileURL(createRequire(import.meta.url).resolve("pdfjs-dist/legacy/build/pdf.mjs")).href;
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { flag: flag.buffer, port: port2, pdfjs }, transferList: [port2], stdout: true, stderr: true });
  worker.unref();
  port1.unref();
  return { worker, port: port1, flag, started: false };
}

function stop(): void {
  if (running === null) return;
  void running.worker.terminate();
  running.port.close();
  running = null;
}

/**
 * The text runs and information dictionary of the PDF `file`, or why they could not be read.
 * `timeoutMs`: the time cap for this file (the first file also gets time to load pdf.js).
 */
export function readPdfContentSync(file: string, timeoutMs: number, maxPages = 4): PdfAnswer {
  running ??= start();
  const current = running;
  Atomics.store(current.flag, 0, 0);
  current.port.postMessage({ file, maxPages });
  const allowed = current.started ? timeoutMs : timeoutMs + 10_000;
  const outcome = Atomics.wait(current.flag, 0, 0, allowed);
  const message = receiveMessageOnPort(current.port);
  if (outcome === "timed-out" && message === undefined) {
    stop();
    return { ok: false, reason: `reading it took longer than ${timeoutMs / 1000} s` };
  }
  current.started = true;
  if (message === undefined) {
    stop();
    return { ok: false, reason: "the PDF reader gave no answer" };
  }
  return message.message as PdfAnswer;
}
