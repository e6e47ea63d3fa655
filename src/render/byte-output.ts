// A table's text as UTF-8 bytes, written straight into large buffers and given to standard output
// (io.stdoutBytes) or to another taker a buffer at a time: the drawing of reports that list
// hundreds of thousands of lines (report vouchers, reg, report ledger).

/** How many bytes are given at a time (after the first buffer). */
export const OUTPUT_PIECE = 1 << 18;

/**
 * The output: one buffer written on at `at`, given to `give` when full, and filled again when
 * `give` says it is done with it (returns true: written, not queued), else a new one made (a stream
 * may still hold the last). (A new buffer each time, some hundred for a long report, was memory
 * the process had not touched: the kernel's page faults cost a fifth of the drawing.)
 */
export class ByteOutput {
  buffer: Buffer;
  at = 0;

  /** `first`: the first buffer's size (a small one is given out after a few lines: see writeVouchersTable). */
  constructor(readonly give: (bytes: Buffer) => boolean | void, first = OUTPUT_PIECE) {
    this.buffer = Buffer.allocUnsafe(first);
  }

  /** Room for `bytes` more bytes. */
  room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    this.flush();
    if (bytes > this.buffer.length) this.buffer = Buffer.allocUnsafe(bytes);
  }

  text(text: string): void {
    this.room(text.length * 3);
    this.at += this.buffer.write(text, this.at, "utf8");
  }

  flush(): void {
    if (this.at === 0) return;
    const done = this.give(this.buffer.subarray(0, this.at));
    if (done !== true || this.buffer.length !== OUTPUT_PIECE) this.buffer = Buffer.allocUnsafe(OUTPUT_PIECE);
    this.at = 0;
  }
}
