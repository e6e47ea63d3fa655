// Set up for every test file (vitest.config.ts). A compact transaction keeps its metadata lines
// and postings in a shared array, in private fields that toEqual does not see: compare those too.
import { afterEach, expect } from "vitest";
import { PlainTransaction } from "../../src/core/plain-transaction.js";
// The Chinese catalogue, which main.ts and phrase.ts load in a real run, for tests that call
// message.ts in Chinese without either.
import "../../src/i18n/zh.js";

expect.addEqualityTesters([
  function plainTransactions(a: unknown, b: unknown, customTesters) {
    const aPlain = a instanceof PlainTransaction;
    const bPlain = b instanceof PlainTransaction;
    // (One of them only, as in toMatchObject: the usual comparison of what is visible.)
    if (!aPlain || !bPlain) return undefined;
    return this.equals({ ...a, layout: a.layout }, { ...b, layout: b.layout }, customTesters);
  },
]);

// Most tests run the CLI synchronously, and vitest goes from one test to the next on promises
// alone: a file of many such tests (the README's blocks) would keep its process from reading the
// runner's replies for its whole length, and past a minute vitest reports "Timeout calling
// onTaskUpdate" as an unhandled error. A turn of the event loop after each test lets them in.
afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
