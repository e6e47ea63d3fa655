// The Io of a real run: the process's standard output and error, environment and terminal.
import { writeSync } from "node:fs";
import { EXIT_ERRORS, type Io } from "./context.js";

/**
 * A reader that stops early (`feeledger print ... | head`) closes the pipe: stop quietly, as other
 * command-line tools do, instead of dying on the write error.
 */
function quitOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on("error", (thrown: NodeJS.ErrnoException) => {
    if (thrown.code === "EPIPE") process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
    try {
      writeSync(2, `feeledger: cannot write the output: ${thrown.message}\n`);
    } finally {
      process.exit(EXIT_ERRORS);
    }
  });
}

/**
 * process.stdout or process.stderr when first used: making one loads Node.js's stream, net and tty
 * modules (10-20 ms of CPU), which a `check` with nothing to report does without.
 */
function streamWhenUsed(name: "stdout" | "stderr"): () => NodeJS.WriteStream {
  let stream: NodeJS.WriteStream | undefined;
  return () => {
    if (stream === undefined) {
      stream = process[name];
      quitOnClosedPipe(stream);
      made.add(stream);
    }
    return stream;
  };
}

/** The streams processIo() has made. */
const made = new Set<NodeJS.WriteStream>();

/** Whether output written through processIo() is still queued (without making the streams it has not). */
export function outputQueued(): boolean {
  for (const stream of made) if (stream.writableLength > 0) return true;
  return false;
}

/** The process's Io; its streams are made when it is written to or asked about the terminal. */
export function processIo(): Io {
  const stdout = streamWhenUsed("stdout");
  const stderr = streamWhenUsed("stderr");
  return {
    stdout: (text) => { stdout().write(text); },
    stderr: (text) => { stderr().write(text); },
    env: process.env,
    get stdoutIsTty() { return stdout().isTTY === true; },
    get stderrIsTty() { return stderr().isTTY === true; },
    get stdoutColumns() { return stdout().isTTY === true ? stdout().columns : undefined; },
    // (Done with the bytes when nothing is queued once written: a file's or a terminal's stream
    // writes at once, a pipe's when the pipe takes them; else the stream holds them until written.)
    stdoutBytes: (bytes) => {
      const stream = stdout();
      stream.write(bytes);
      return stream.writableLength === 0;
    },
  };
}
