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

export function processIo(): Io {
  quitOnClosedPipe(process.stdout);
  quitOnClosedPipe(process.stderr);
  return {
    stdout: (text) => { process.stdout.write(text); },
    stderr: (text) => { process.stderr.write(text); },
    env: process.env,
    stdoutIsTty: process.stdout.isTTY === true,
    stderrIsTty: process.stderr.isTTY === true,
    stdoutColumns: process.stdout.isTTY === true ? process.stdout.columns : undefined,
    stdoutBytes: (bytes) => { process.stdout.write(bytes); },
  };
}
