// English messages of the command line: help text, table headers and labels, the writers' messages.
// One function per key; zh-cli.ts has the same keys with the same parameters. Composed into the
// whole catalogue in en.ts.
export const enCli = {
};
