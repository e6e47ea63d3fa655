// Every command of the CLI. Each command file exports one register function.
import type { Command } from "commander";
import type { CommandShared } from "../context.js";
import { registerCheck } from "./check.js";
import { registerBalance } from "./bal.js";
import { registerAmortize } from "./amortize.js";
import { registerReport } from "./report.js";
import { registerClaims } from "./claims.js";
import { registerApprove } from "./approve.js";
import { registerReject } from "./reject.js";
import { registerPost } from "./post.js";
import { registerPay } from "./pay.js";
import { registerRegister } from "./reg.js";
import { registerIncomeStatement } from "./is.js";
import { registerBalanceSheet } from "./bs.js";
import { registerPrint } from "./print.js";
import { registerClosePeriod } from "./close-period.js";
import { registerReopenPeriod } from "./reopen-period.js";
import { registerExport } from "./export.js";
import { registerFmt } from "./fmt.js";

export const COMMANDS: readonly ((program: Command, shared: CommandShared) => void)[] = [
  registerCheck,
  registerBalance,
  registerAmortize,
  registerReport,
  registerClaims,
  registerApprove,
  registerReject,
  registerPost,
  registerPay,
  registerRegister,
  registerIncomeStatement,
  registerBalanceSheet,
  registerPrint,
  registerClosePeriod,
  registerReopenPeriod,
  registerExport,
  registerFmt,
];
