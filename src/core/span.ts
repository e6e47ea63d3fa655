/** Where a piece of the journal came from: a file and byte-free character offsets into its text. */
export interface Span {
  /** Path of the source file, as resolved by the loader. */
  readonly file: string;
  /** Offset of the first character (UTF-16 code units into the decoded text). */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
}
