// Every audit rule, in the order `audit --help` and the docs list them.
import type { AuditRule } from "./rule.js";
import { SPLIT_CLAIMS } from "./split-claims.js";
import { CALENDAR } from "./calendar.js";
import { NEAR_LIMIT } from "./near-limit.js";
import { PEER_OUTLIER } from "./peer-outlier.js";
import { ROUND_AMOUNTS } from "./round-amounts.js";
import { BENFORD } from "./benford.js";
import { GIFT_CAP } from "./gift-cap.js";
import { NO_CUSTOMER } from "./no-customer.js";
import { FAPIAO_AFTER_CLAIM, INVOICE_SEQUENCE } from "./invoices.js";

export const AUDIT_RULES: readonly AuditRule[] = [
  SPLIT_CLAIMS,
  FAPIAO_AFTER_CLAIM,
  INVOICE_SEQUENCE,
  CALENDAR,
  PEER_OUTLIER,
  NEAR_LIMIT,
  ROUND_AMOUNTS,
  BENFORD,
  GIFT_CAP,
  NO_CUSTOMER,
];
