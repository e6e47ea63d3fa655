// Limits on reading receipt files, which are untrusted input: past one, a file is not read and
// the posting gets a warning saying which limit.
export interface InvoiceLimits {
  /** Largest file read at all. */
  readonly maxFileBytes: number;
  /** Most entries in an OFD (zip) file. */
  readonly maxZipEntries: number;
  /** Largest total of the entries read from an OFD, uncompressed (as declared; fflate never writes past it). */
  readonly maxZipBytes: number;
  /** Largest ratio of an entry's uncompressed to compressed size. */
  readonly maxZipRatio: number;
  /** Longest time spent reading one PDF. */
  readonly pdfTimeoutMs: number;
}

export const DEFAULT_LIMITS: InvoiceLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxZipEntries: 1000,
  maxZipBytes: 50 * 1024 * 1024,
  maxZipRatio: 200,
  pdfTimeoutMs: 5000,
};
