// feeledger's version: what `--version` prints (main.ts gives it to commander; start.ts prints it
// without loading commander when `--version` is the only argument).
export const VERSION = "0.1.0";
