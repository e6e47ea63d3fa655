// Each command's module by the names a user types, so that bin/feeledger (../start.ts) loads only
// the module of the command asked for: compiling every command's code and its libraries was most
// of the start of a run. commands/index.ts lists every register function for help and the tests;
// test/cli/lazy-commands.test.ts holds the two lists to each other.
import type { Command } from "commander";
import type { CommandShared } from "../context.js";

export type RegisterCommand = (program: Command, shared: CommandShared) => void;

const balance = async (): Promise<RegisterCommand> => (await import("./bal.js")).registerBalance;
const register = async (): Promise<RegisterCommand> => (await import("./reg.js")).registerRegister;

export const COMMAND_MODULES: Readonly<Record<string, () => Promise<RegisterCommand>>> = {
  check: async () => (await import("./check.js")).registerCheck,
  bal: balance,
  balance,
  amortize: async () => (await import("./amortize.js")).registerAmortize,
  report: async () => (await import("./report.js")).registerReport,
  claims: async () => (await import("./claims.js")).registerClaims,
  receipts: async () => (await import("./receipts.js")).registerReceipts,
  approve: async () => (await import("./approve.js")).registerApprove,
  reject: async () => (await import("./reject.js")).registerReject,
  post: async () => (await import("./post.js")).registerPost,
  pay: async () => (await import("./pay.js")).registerPay,
  reg: register,
  register,
  is: async () => (await import("./is.js")).registerIncomeStatement,
  bs: async () => (await import("./bs.js")).registerBalanceSheet,
  print: async () => (await import("./print.js")).registerPrint,
  "close-period": async () => (await import("./close-period.js")).registerClosePeriod,
  "reopen-period": async () => (await import("./reopen-period.js")).registerReopenPeriod,
  export: async () => (await import("./export.js")).registerExport,
  fmt: async () => (await import("./fmt.js")).registerFmt,
  allocate: async () => (await import("./allocate.js")).registerAllocate,
  audit: async () => (await import("./audit.js")).registerAudit,
  import: async () => (await import("./import.js")).registerImport,
};
