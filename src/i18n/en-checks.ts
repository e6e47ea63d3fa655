// English messages of the validator's and the loader's diagnostics (check, and every command that loads a journal).
// One function per key; zh-checks.ts has the same keys with the same parameters. Composed into the
// whole catalogue in en.ts.
export const enChecks = {
};
